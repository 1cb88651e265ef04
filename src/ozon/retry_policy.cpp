#include "ozon/retry_policy.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>

namespace ozon {

RetryPolicy::RetryPolicy(RetryConfig config, Random01 random) : config_(config), random_(std::move(random)) {
  if (!random_) {
    auto engine = std::make_shared<std::minstd_rand>(std::random_device{}());
    random_ = [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
  }
}

std::optional<std::int64_t> RetryPolicy::delay_before_retry(int attempts_made, const ApiError& error) const {
  if (!error.retryable() || attempts_made >= config_.max_attempts) return std::nullopt;
  const int exponent = std::clamp(attempts_made - 1, 0, 30);
  const std::int64_t ceiling = std::min(config_.cap_ms, config_.base_ms << exponent);
  const double r = std::clamp(random_(), 0.0, 1.0);
  auto delay = static_cast<std::int64_t>(std::floor(r * static_cast<double>(ceiling)));
  if (error.retry_after_ms > 0) delay = std::max(delay, std::min(error.retry_after_ms, config_.max_hint_ms));
  return delay;
}

}  // namespace ozon
