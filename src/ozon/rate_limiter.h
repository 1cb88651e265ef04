#pragma once
// Client-side rate limits, so Ozon rarely answers 429: a global limit per
// Client-Id, per-method limits, and the stock rule "one update of the same
// product-warehouse pair per 30 s". Sliding windows over an injected clock.
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"

namespace ozon {

// At most max_calls per window_ms. {1, 500} spaces calls 500 ms apart.
struct WindowRule {
  std::string path;  // endpoint path; empty = every request (the global rule)
  int max_calls = 1;
  std::int64_t window_ms = 1000;
};

struct RateLimiterConfig {
  int global_per_second = 25;  // Ozon allows 50/s per Client-Id; stay well under
  std::vector<WindowRule> rules = default_rules();
  std::int64_t stock_pair_interval_ms = 30'000;

  static std::vector<WindowRule> default_rules();  // posting get ~2/s, stocks 80/min
};

class RateLimiter {
 public:
  explicit RateLimiter(const core::Clock& clock, RateLimiterConfig config = {});

  // How long to wait before a call to `path` may go (0 = now).
  std::int64_t delay_ms_for(std::string_view path) const;
  // Count a call to `path` as sent now.
  void record(std::string_view path);
  // delay_ms_for == 0 ? record and true : false.
  bool try_acquire(std::string_view path);

  // Stock pairs, keyed like ozon::stock_item_key ("offer|warehouse").
  struct PairPlan {
    std::vector<std::size_t> ready;     // indexes that may be sent now
    std::vector<std::size_t> deferred;  // must wait (recent update, or duplicate)
    core::EpochMs next_ready_at = 0;    // when the earliest deferred one may go
  };
  PairPlan plan_stock_pairs(const std::vector<std::string>& keys) const;
  void record_stock_pairs(const std::vector<std::string>& keys);

  const RateLimiterConfig& config() const { return config_; }

 private:
  struct Window {
    WindowRule rule;
    mutable std::deque<core::EpochMs> sent;
  };
  std::int64_t window_delay(const Window& window, core::EpochMs now) const;
  bool applies(const Window& window, std::string_view path) const;

  const core::Clock& clock_;
  RateLimiterConfig config_;
  std::vector<Window> windows_;
  std::map<std::string, core::EpochMs, std::less<>> pair_sent_at_;
};

}  // namespace ozon
