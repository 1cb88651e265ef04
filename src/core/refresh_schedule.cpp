#include "core/refresh_schedule.h"

#include <algorithm>

namespace core {
namespace {

EpochMs floor_div(EpochMs a, EpochMs b) {  // b > 0
  EpochMs q = a / b;
  if ((a % b) != 0 && a < 0) --q;
  return q;
}

RefreshScheduleConfig normalised(RefreshScheduleConfig config) {
  config.interval_ms = std::max<std::int64_t>(config.interval_ms, 0);
  config.phase_ms = config.interval_ms > 0 ? config.phase_ms % config.interval_ms : 0;
  if (config.phase_ms < 0) config.phase_ms += config.interval_ms;
  config.retry_base_ms = std::max<std::int64_t>(config.retry_base_ms, 1);
  config.max_yield_ms = std::max<std::int64_t>(config.max_yield_ms, 0);
  return config;
}

}  // namespace

std::int64_t stagger_phase(std::size_t index, std::size_t count, std::int64_t interval_ms) {
  if (count == 0 || index >= count || interval_ms <= 0) return 0;
  const auto n = static_cast<std::int64_t>(count);
  const auto i = static_cast<std::int64_t>(index);
  return i * (interval_ms / n) + i * (interval_ms % n) / n;  // = i * interval / n, without overflow
}

RefreshSchedule::RefreshSchedule(RefreshScheduleConfig config, EpochMs now)
    : config_(normalised(config)), epoch_(now) {
  if (config_.interval_ms > 0) next_due_ = grid_at_or_after(now);
}

EpochMs RefreshSchedule::grid_at_or_after(EpochMs t) const {
  const EpochMs origin = epoch_ + config_.phase_ms;
  const EpochMs steps = floor_div(t - origin + config_.interval_ms - 1, config_.interval_ms);
  return origin + steps * config_.interval_ms;
}

std::int64_t RefreshSchedule::backoff_ms() const {
  std::int64_t delay = config_.retry_base_ms;
  for (int i = 1; i < failures_ && delay < config_.interval_ms; ++i) delay *= 2;
  return std::min(delay, config_.interval_ms);
}

bool RefreshSchedule::due(EpochMs now, int seller_calls_waiting) const {
  if (running_ || !online_) return false;
  if (requested_) return true;
  if (!next_due_ || now < *next_due_) return false;
  if (seller_calls_waiting <= config_.seller_queue_threshold) return true;
  return now - *next_due_ >= config_.max_yield_ms;  // held back long enough
}

std::optional<EpochMs> RefreshSchedule::next_wake(EpochMs now) const {
  if (running_ || !online_) return std::nullopt;
  if (requested_) return now;
  if (!next_due_) return std::nullopt;
  if (*next_due_ > now) return *next_due_;
  // Due already: either it starts now, or the seller's calls hold it back
  // until the hold-back runs out (or their queue drains: an event).
  return std::max(now, *next_due_ + config_.max_yield_ms);
}

void RefreshSchedule::started(EpochMs /*now*/) {
  running_ = true;
  requested_ = false;
}

void RefreshSchedule::finished(EpochMs now, bool ok) {
  running_ = false;
  if (config_.interval_ms == 0) {
    next_due_.reset();
    if (ok) {
      failures_ = 0;
      last_success_ = now;
    } else {
      ++failures_;
    }
    return;
  }
  if (ok) {
    failures_ = 0;
    last_success_ = now;
    next_due_ = grid_at_or_after(now + config_.interval_ms / 2);
  } else {
    ++failures_;
    next_due_ = now + backoff_ms();
  }
}

void RefreshSchedule::set_online(EpochMs now, bool online) {
  if (online && !online_ && config_.interval_ms > 0) next_due_ = now;
  online_ = online;
}

void RefreshSchedule::request_now() { requested_ = true; }

void RefreshSchedule::set_interval(EpochMs now, std::int64_t interval_ms, std::int64_t phase_ms) {
  RefreshScheduleConfig config = config_;
  config.interval_ms = interval_ms;
  config.phase_ms = phase_ms;
  config_ = normalised(config);
  if (config_.interval_ms == 0) {
    next_due_.reset();
    return;
  }
  // A pending retry keeps its time (capped by the new interval); otherwise
  // the new grid. While running, finished() sets the next time anyway.
  if (failures_ > 0 && next_due_)
    next_due_ = std::min(*next_due_, now + config_.interval_ms);
  else
    next_due_ = grid_at_or_after(now);
}

std::optional<EpochMs> earliest_wake(std::span<const RefreshSchedule> schedules, EpochMs now) {
  std::optional<EpochMs> earliest;
  for (const RefreshSchedule& schedule : schedules) {
    const std::optional<EpochMs> wake = schedule.next_wake(now);
    if (wake && (!earliest || *wake < *earliest)) earliest = wake;
  }
  return earliest;
}

}  // namespace core
