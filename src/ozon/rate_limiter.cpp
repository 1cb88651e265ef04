#include "ozon/rate_limiter.h"

#include <algorithm>
#include <set>

#include "ozon/endpoints.h"

namespace ozon {

std::vector<WindowRule> RateLimiterConfig::default_rules() {
  return {
      {std::string(endpoint::kPostingGet), 1, 500},   // answers 429 often above ~2/s
      {std::string(endpoint::kStocksUpdate), 80, 60'000},
  };
}

RateLimiter::RateLimiter(const core::Clock& clock, RateLimiterConfig config)
    : clock_(clock), config_(std::move(config)) {
  auto add = [this](const WindowRule& rule) {
    Window window;
    window.rule = rule;
    windows_.push_back(std::move(window));
  };
  if (config_.global_per_second > 0) {
    WindowRule global;
    global.max_calls = config_.global_per_second;
    global.window_ms = 1000;
    add(global);
  }
  for (const auto& rule : config_.rules)
    if (rule.max_calls > 0 && rule.window_ms > 0) add(rule);
}

bool RateLimiter::applies(const Window& window, std::string_view path) const {
  return window.rule.path.empty() || window.rule.path == path;
}

std::int64_t RateLimiter::window_delay(const Window& window, core::EpochMs now) const {
  auto& sent = window.sent;
  while (!sent.empty() && sent.front() <= now - window.rule.window_ms) sent.pop_front();
  const auto max = static_cast<std::size_t>(window.rule.max_calls);
  if (sent.size() < max) return 0;
  return std::max<std::int64_t>(0, sent[sent.size() - max] + window.rule.window_ms - now);
}

std::int64_t RateLimiter::delay_ms_for(std::string_view path) const {
  const auto now = clock_.now_ms();
  std::int64_t delay = 0;
  for (const auto& window : windows_)
    if (applies(window, path)) delay = std::max(delay, window_delay(window, now));
  return delay;
}

void RateLimiter::record(std::string_view path) {
  const auto now = clock_.now_ms();
  for (auto& window : windows_) {
    if (!applies(window, path)) continue;
    window_delay(window, now);  // prunes
    window.sent.push_back(now);
  }
}

bool RateLimiter::try_acquire(std::string_view path) {
  if (delay_ms_for(path) > 0) return false;
  record(path);
  return true;
}

RateLimiter::PairPlan RateLimiter::plan_stock_pairs(const std::vector<std::string>& keys) const {
  const auto now = clock_.now_ms();
  PairPlan plan;
  std::set<std::string_view> in_plan;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    core::EpochMs ready_at = now;
    if (const auto it = pair_sent_at_.find(keys[i]); it != pair_sent_at_.end())
      ready_at = std::max(now, it->second + config_.stock_pair_interval_ms);
    if (!in_plan.insert(keys[i]).second) ready_at = std::max(ready_at, now + config_.stock_pair_interval_ms);
    if (ready_at <= now) {
      plan.ready.push_back(i);
    } else {
      plan.deferred.push_back(i);
      plan.next_ready_at = plan.next_ready_at == 0 ? ready_at : std::min(plan.next_ready_at, ready_at);
    }
  }
  return plan;
}

void RateLimiter::record_stock_pairs(const std::vector<std::string>& keys) {
  const auto now = clock_.now_ms();
  // Forget pairs whose interval has passed, so the map stays small.
  for (auto it = pair_sent_at_.begin(); it != pair_sent_at_.end();)
    it = it->second + config_.stock_pair_interval_ms <= now ? pair_sent_at_.erase(it) : std::next(it);
  for (const auto& key : keys) pair_sent_at_[key] = now;
}

}  // namespace ozon
