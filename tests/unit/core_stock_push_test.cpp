// The stock push planner against Ozon's limits: 100 items a call, 80 calls a
// minute, one update of a product+warehouse pair every 30 seconds.
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "core/stock_push.h"

namespace {

constexpr core::EpochMs kSec = 1000;
constexpr core::EpochMs kNow = 1'778'760'000'000;

core::StockEdit edit(std::int64_t product, std::int64_t warehouse, std::int64_t stock) {
  core::StockEdit e;
  e.offer_id = "OF-" + std::to_string(product);
  e.product_id = product;
  e.sku = 1'000'000 + product;
  e.warehouse_id = warehouse;
  e.stock = stock;
  return e;
}

std::vector<core::StockEdit> many(std::int64_t count) {
  std::vector<core::StockEdit> edits;
  for (std::int64_t i = 1; i <= count; ++i) edits.push_back(edit(i, 7, i % 50));
  return edits;
}

std::vector<std::int64_t> products(const std::vector<core::StockEdit>& edits) {
  std::vector<std::int64_t> out;
  for (const auto& e : edits) out.push_back(e.product_id);
  return out;
}

}  // namespace

TEST_CASE("stock push: 1,000 edits go in 10 calls of 100, in order") {
  const auto plan = core::plan_stock_push(many(1000), {}, kNow);
  REQUIRE(plan.calls.size() == 10);
  for (std::size_t c = 0; c < plan.calls.size(); ++c) {
    REQUIRE(plan.calls[c].size() == 100);
    CHECK(plan.calls[c].front().product_id == static_cast<std::int64_t>(c * 100 + 1));
    CHECK(plan.calls[c].back().product_id == static_cast<std::int64_t>(c * 100 + 100));
  }
  CHECK(plan.waiting.empty());
  CHECK(plan.next_at == 0);

  const auto small = core::plan_stock_push(many(150), {}, kNow);
  REQUIRE(small.calls.size() == 2);
  CHECK(small.calls[1].size() == 50);
  CHECK(core::plan_stock_push({}, {}, kNow).calls.empty());
}

TEST_CASE("stock push: 10,000 edits: 80 calls now, the rest wait a minute") {
  const auto plan = core::plan_stock_push(many(10'000), {}, kNow);
  CHECK(plan.calls.size() == 80);
  CHECK(plan.calls.back().size() == 100);
  REQUIRE(plan.waiting.size() == 2000);
  CHECK(plan.waiting.front().product_id == 8001);
  CHECK(plan.waiting.back().product_id == 10'000);
  CHECK(plan.next_at == kNow + 60 * kSec);

  // Sending them, then planning the rest: the budget is spent until the first call leaves.
  core::StockPushHistory history;
  for (const auto& call : plan.calls) core::record_stock_call(history, call, kNow);
  CHECK(history.call_times.size() == 80);
  auto later = core::plan_stock_push(plan.waiting, history, kNow + 59 * kSec);
  CHECK(later.calls.empty());
  CHECK(later.waiting.size() == 2000);
  CHECK(later.next_at == kNow + 60 * kSec);
  later = core::plan_stock_push(plan.waiting, history, kNow + 60 * kSec);
  CHECK(later.calls.size() == 20);
  CHECK(later.waiting.empty());
}

TEST_CASE("stock push: the budget counts calls of the last minute only") {
  core::StockPushHistory history;
  history.call_times = {kNow - 70 * kSec, kNow - 50 * kSec, kNow - 20 * kSec};
  for (int i = 0; i < 75; ++i) history.call_times.push_back(kNow - 10 * kSec);
  // 77 calls in the window: 3 calls of budget left.
  const auto plan = core::plan_stock_push(many(1000), history, kNow);
  CHECK(plan.calls.size() == 3);
  CHECK(plan.waiting.size() == 700);
  CHECK(plan.next_at == kNow + 10 * kSec);  // the call sent 50 s ago leaves the window
}

TEST_CASE("stock push: a pair updated less than 30 seconds ago waits, the others go") {
  core::StockPushHistory history;
  history.pair_sent_at[{2, 7}] = kNow - 10 * kSec;
  history.pair_sent_at[{3, 7}] = kNow - 30 * kSec;  // exactly the interval: may go
  history.pair_sent_at[{4, 8}] = kNow - 5 * kSec;   // another warehouse: unrelated
  const auto plan = core::plan_stock_push({edit(1, 7, 5), edit(2, 7, 6), edit(3, 7, 7), edit(4, 7, 8)}, history, kNow);
  REQUIRE(plan.calls.size() == 1);
  CHECK(products(plan.calls[0]) == std::vector<std::int64_t>{1, 3, 4});
  CHECK(products(plan.waiting) == std::vector<std::int64_t>{2});
  CHECK(plan.next_at == kNow + 20 * kSec);

  // Too soon and over budget at once: the earliest of the two times.
  history.call_times.assign(80, kNow - 50 * kSec);
  const auto full = core::plan_stock_push({edit(1, 7, 5), edit(2, 7, 6)}, history, kNow);
  CHECK(full.calls.empty());
  CHECK(products(full.waiting) == std::vector<std::int64_t>{1, 2});
  CHECK(full.next_at == kNow + 10 * kSec);
  history.call_times.assign(80, kNow - 5 * kSec);
  CHECK(core::plan_stock_push({edit(1, 7, 5), edit(2, 7, 6)}, history, kNow).next_at == kNow + 20 * kSec);
}

TEST_CASE("stock push: duplicates keep the first position and the last value; invalid edits dropped") {
  const auto plan = core::plan_stock_push(
      {edit(1, 7, 5), edit(2, 7, 6), edit(1, 7, 9), edit(1, 8, 1), edit(0, 7, 3), edit(3, 0, 3)}, {}, kNow);
  REQUIRE(plan.calls.size() == 1);
  const auto& call = plan.calls[0];
  REQUIRE(call.size() == 3);
  CHECK(call[0].product_id == 1);
  CHECK(call[0].warehouse_id == 7);
  CHECK(call[0].stock == 9);
  CHECK(call[1].product_id == 2);
  CHECK(call[2].warehouse_id == 8);
  CHECK(plan.waiting.empty());
}

TEST_CASE("stock push: custom limits") {
  core::StockPushLimits limits;
  limits.items_per_call = 2;
  limits.calls_per_minute = 2;
  limits.pair_interval_ms = 5 * kSec;
  const auto plan = core::plan_stock_push(many(5), {}, kNow, limits);
  REQUIRE(plan.calls.size() == 2);
  CHECK(products(plan.waiting) == std::vector<std::int64_t>{5});
  CHECK(plan.next_at == kNow + 60 * kSec);
}

TEST_CASE("stock push: recording calls and refusals") {
  core::StockPushHistory history;
  core::record_stock_call(history, {edit(1, 7, 5), edit(2, 7, 6)}, kNow);
  CHECK(history.pair_sent_at.at({1, 7}) == kNow);
  CHECK(history.pair_sent_at.at({2, 7}) == kNow);
  core::record_stock_call(history, {edit(1, 7, 4)}, kNow + 30 * kSec);
  CHECK(history.pair_sent_at.at({1, 7}) == kNow + 30 * kSec);
  CHECK(history.call_times == std::deque<core::EpochMs>{kNow, kNow + 30 * kSec});
  core::record_stock_call(history, {edit(3, 7, 1)}, kNow + 60 * kSec);  // the first call leaves the window
  CHECK(history.call_times == std::deque<core::EpochMs>{kNow + 30 * kSec, kNow + 60 * kSec});

  // Refused as too soon: waits a full interval from the refusal.
  core::record_pair_refused_too_soon(history, 2, 7, kNow + 61 * kSec);
  CHECK(history.pair_sent_at.at({2, 7}) == kNow + 61 * kSec);
  const auto plan = core::plan_stock_push({edit(2, 7, 0)}, history, kNow + 70 * kSec);
  CHECK(plan.calls.empty());
  CHECK(plan.next_at == kNow + 91 * kSec);
  CHECK(core::plan_stock_push({edit(2, 7, 0)}, history, kNow + 91 * kSec).calls.size() == 1);
}
