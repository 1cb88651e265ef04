#pragma once
// When to retry a failed call: only retryable errors (ApiError::retryable),
// at most max_attempts in all, exponential backoff with full jitter
// (random in [0, min(cap, base * 2^n)]) so many tabs do not retry in step;
// a server hint (Retry-After, "Circle is open") wins when it is longer.
#include <cstdint>
#include <functional>
#include <optional>

#include "ozon/errors.h"

namespace ozon {

struct RetryConfig {
  std::int64_t base_ms = 500;
  std::int64_t cap_ms = 30'000;
  int max_attempts = 5;               // including the first
  std::int64_t max_hint_ms = 300'000; // longer hints are clamped
};

class RetryPolicy {
 public:
  using Random01 = std::function<double()>;  // uniform in [0, 1)

  explicit RetryPolicy(RetryConfig config = {}, Random01 random = {});

  // After `attempts_made` attempts (>= 1) failed with `error`: the delay
  // before the next attempt, or nullopt to give up.
  std::optional<std::int64_t> delay_before_retry(int attempts_made, const ApiError& error) const;

  const RetryConfig& config() const { return config_; }

 private:
  RetryConfig config_;
  Random01 random_;
};

}  // namespace ozon
