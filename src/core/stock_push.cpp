#include "core/stock_push.h"

#include <algorithm>

namespace core {
namespace {

constexpr EpochMs kMinuteMs = 60'000;

using Pair = std::pair<std::int64_t, std::int64_t>;

// A call sent at `at` still counts against the minute's budget at `now`.
bool in_window(EpochMs at, EpochMs now) { return now - at < kMinuteMs; }

}  // namespace

// Duplicates keep the position of the pair's FIRST edit and the values of its
// LAST: editing a cell twice does not move it to the back of the queue.
StockPushPlan plan_stock_push(const std::vector<StockEdit>& edits, const StockPushHistory& history, EpochMs now,
                              const StockPushLimits& limits) {
  const std::size_t per_call = std::max<std::size_t>(limits.items_per_call, 1);

  std::vector<StockEdit> unique;
  unique.reserve(edits.size());
  std::map<Pair, std::size_t> position;
  for (const StockEdit& edit : edits) {
    if (edit.product_id == 0 || edit.warehouse_id == 0) continue;
    const auto [it, inserted] = position.try_emplace(Pair{edit.product_id, edit.warehouse_id}, unique.size());
    if (inserted) unique.push_back(edit);
    else unique[it->second] = edit;
  }

  std::size_t recent_calls = 0;
  EpochMs oldest_recent = now;
  for (const EpochMs at : history.call_times) {
    if (!in_window(at, now)) continue;
    ++recent_calls;
    oldest_recent = std::min(oldest_recent, at);
  }
  const std::size_t budget = limits.calls_per_minute > recent_calls ? limits.calls_per_minute - recent_calls : 0;
  const std::size_t can_send = budget * per_call;  // items that fit in this minute's calls

  StockPushPlan plan;
  EpochMs next_at = 0;
  auto wait_until = [&next_at](EpochMs at) { next_at = next_at == 0 ? at : std::min(next_at, at); };
  std::size_t sending = 0;
  for (StockEdit& edit : unique) {
    const auto sent = history.pair_sent_at.find(Pair{edit.product_id, edit.warehouse_id});
    if (sent != history.pair_sent_at.end() && now - sent->second < limits.pair_interval_ms) {
      wait_until(sent->second + limits.pair_interval_ms);
      plan.waiting.push_back(std::move(edit));
      continue;
    }
    if (sending == can_send) {
      // Over budget: a call slot frees when the oldest call of the window
      // (or, with none before, this plan's first call) leaves it.
      wait_until(oldest_recent + kMinuteMs);
      plan.waiting.push_back(std::move(edit));
      continue;
    }
    if (sending % per_call == 0) {
      plan.calls.emplace_back();
      plan.calls.back().reserve(per_call);
    }
    plan.calls.back().push_back(std::move(edit));
    ++sending;
  }
  plan.next_at = next_at;
  return plan;
}

void record_stock_call(StockPushHistory& history, const std::vector<StockEdit>& call, EpochMs now) {
  for (const StockEdit& edit : call) history.pair_sent_at[Pair{edit.product_id, edit.warehouse_id}] = now;
  history.call_times.push_back(now);
  while (!history.call_times.empty() && !in_window(history.call_times.front(), now)) history.call_times.pop_front();
}

void record_pair_refused_too_soon(StockPushHistory& history, std::int64_t product_id, std::int64_t warehouse_id,
                                  EpochMs now) {
  history.pair_sent_at[Pair{product_id, warehouse_id}] = now;
}

}  // namespace core
