#pragma once
// When to refresh one store's orders in the background. Pure state over
// times the caller passes (no clock, no timers), so the app drives it with
// its clock and tests with a manual one. One RefreshSchedule per store.
//
// How the app uses it (one timer, no polling, idle cost ~0 frames/s):
//   - after any event (start, a refresh finished, online/offline, the seller's
//     queue drained, a Refresh click) and when its timer fires, the app asks
//     due(now, seller_calls_waiting) of every store, starts those that are
//     due (calling started(now)), then arms ONE timer at the earliest
//     next_wake(now) of all stores (earliest_wake). nullopt everywhere = no
//     timer: only an event can make a refresh due.
//   - when a refresh ends: finished(now, ok).
//
// Timing rules:
//   - Automatic refreshes start on a grid: epoch + phase_ms + k * interval_ms
//     (epoch = the `now` given to the constructor). After a successful
//     refresh that finished at t, the next one is due at the first grid point
//     >= t + interval_ms / 2: "every 3 minutes" on the grid, and never less
//     than half an interval between the end of one and the start of the next
//     (a slow or manual refresh skips a grid point instead of running back
//     to back). Stores share the epoch and differ in phase (stagger_phase),
//     so their refreshes stay apart however long each takes.
//   - interval_ms == 0: manual only; nothing is ever due without request_now().
//   - Never overlapping: while running() nothing is due; a request_now() made
//     meanwhile is kept (several coalesce into one) and is due as soon as the
//     running refresh finishes, so the seller's click always yields data read
//     after the click.
//   - Offline: nothing is due. Coming back online makes an automatic schedule
//     due at once (the refresh missed meanwhile); a manual-only schedule stays
//     idle unless a request is pending.
//   - Failure: retried after backoff retry_base_ms * 2^(failures-1) (30 s,
//     60 s, 120 s, ...), capped by interval_ms; off the grid. A success
//     resets the count and returns to the grid. A manual-only schedule does
//     not retry by itself (no automatic calls); the seller clicks again.
//   - Seller first: the refresh draws on the same per-Client-Id rate limiter
//     budget as the seller's own actions (ship, labels, stock pushes in the
//     outbox). An AUTOMATIC refresh does not start while more than
//     seller_queue_threshold of the seller's calls are waiting; it then holds
//     back for at most max_yield_ms past its due time, after which it starts
//     anyway (so a long batch cannot starve the list). A request_now() is
//     the seller's own action and does not yield. Yielding decides only when
//     a refresh starts; once started, its pages queue in the limiter like any
//     call.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "core/clock.h"

namespace core {

struct RefreshScheduleConfig {
  std::int64_t interval_ms = 180'000;  // 0 = manual only; negative is treated as 0
  std::int64_t phase_ms = 0;           // grid offset (stagger_phase); taken modulo interval_ms
  std::int64_t retry_base_ms = 30'000; // first retry after a failure; doubles, capped by interval_ms
  int seller_queue_threshold = 0;      // automatic refresh waits while more seller calls than this wait
  std::int64_t max_yield_ms = 180'000; // longest hold-back for the seller's calls, past the due time
};

// Grid offset of store `index` among `count` stores: index * interval / count
// (0 when count == 0, index >= count or interval <= 0). Three stores at 3 min:
// 0 s, 60 s, 120 s.
std::int64_t stagger_phase(std::size_t index, std::size_t count, std::int64_t interval_ms);

class RefreshSchedule {
 public:
  // The grid starts at `now`: with phase 0 the first automatic refresh is due
  // at once, otherwise at now + phase. (The app loads every store when it
  // opens with request_now(), so all stores show data at once; the grid then
  // spreads the background refreshes.)
  RefreshSchedule(RefreshScheduleConfig config, EpochMs now);

  // True when a refresh should start now (see the rules above).
  bool due(EpochMs now, int seller_calls_waiting) const;

  // When to ask due() again without an event, assuming the app has just
  // asked it and started what was due: the due time if it is ahead; if it
  // has passed (so the refresh is held back by the seller's calls), the end
  // of the hold-back, or now if that has passed too (the app also re-asks
  // when the seller's queue drains); now while a request_now() is pending.
  // nullopt while running, offline, or manual-only with nothing requested.
  std::optional<EpochMs> next_wake(EpochMs now) const;

  void started(EpochMs now);              // a refresh began (clears a pending request)
  void finished(EpochMs now, bool ok);    // it ended; ok = every request of it succeeded
  void set_online(EpochMs now, bool online);
  void request_now();                     // the seller's "Refresh now"

  // A new interval (the seller's setting) and phase; the grid keeps its
  // epoch. The next automatic refresh is due at the first grid point >= now,
  // or, while a retry is pending, at the retry time capped by now + interval.
  // 0 = manual only (a pending request_now() still runs).
  void set_interval(EpochMs now, std::int64_t interval_ms, std::int64_t phase_ms);

  bool running() const { return running_; }
  bool online() const { return online_; }
  bool requested() const { return requested_; }
  int failures() const { return failures_; }
  std::optional<EpochMs> last_success() const { return last_success_; }
  // The next automatic due time (nullopt: manual-only, or none pending).
  std::optional<EpochMs> next_due() const { return next_due_; }
  const RefreshScheduleConfig& config() const { return config_; }

 private:
  EpochMs grid_at_or_after(EpochMs t) const;
  std::int64_t backoff_ms() const;

  RefreshScheduleConfig config_;
  EpochMs epoch_ = 0;
  std::optional<EpochMs> next_due_;
  std::optional<EpochMs> last_success_;
  int failures_ = 0;
  bool running_ = false;
  bool online_ = true;
  bool requested_ = false;
};

// The earliest next_wake of several schedules (nullopt if none wants a timer).
std::optional<EpochMs> earliest_wake(std::span<const RefreshSchedule> schedules, EpochMs now);

}  // namespace core
