#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/refresh_schedule.h"
#include "core/refresh_window.h"

namespace {

constexpr core::EpochMs kSec = 1'000;
constexpr core::EpochMs kMin = 60 * kSec;
constexpr core::EpochMs kHour = 60 * kMin;
constexpr core::EpochMs kDay = 24 * kHour;
constexpr core::EpochMs kT0 = 1'790'000'000'000;  // some instant in 2026

core::RefreshScheduleConfig every(core::EpochMs interval, core::EpochMs phase = 0) {
  core::RefreshScheduleConfig config;
  config.interval_ms = interval;
  config.phase_ms = phase;
  return config;
}

// Runs one successful refresh taking `duration` from `at`.
void run(core::RefreshSchedule& s, core::EpochMs at, core::EpochMs duration = kSec, bool ok = true) {
  REQUIRE(s.due(at, 0));
  s.started(at);
  s.finished(at + duration, ok);
}

core::Posting posting(std::string number, core::PostingStatus status, core::EpochMs in_process_at = 0) {
  core::Posting p;
  p.posting_number = std::move(number);  // assigned from a const char*, GCC 12 -O3 warns falsely (-Wrestrict)
  p.status = status;
  p.in_process_at = in_process_at;
  return p;
}

std::vector<std::string> numbers(const std::vector<core::Posting>& postings) {
  std::vector<std::string> out;
  for (const auto& p : postings) out.push_back(p.posting_number);
  return out;
}

}  // namespace

TEST_CASE("refresh schedule: every interval on the grid, never back to back") {
  core::RefreshSchedule s(every(3 * kMin), kT0);
  CHECK(s.next_due() == kT0);  // phase 0: due at once
  CHECK(s.next_wake(kT0 - kSec) == kT0);
  run(s, kT0, 5 * kSec);
  CHECK_FALSE(s.due(kT0 + 5 * kSec, 0));
  CHECK(s.next_due() == kT0 + 3 * kMin);
  CHECK(s.next_wake(kT0 + 10 * kSec) == kT0 + 3 * kMin);
  CHECK_FALSE(s.due(kT0 + 3 * kMin - 1, 0));
  CHECK(s.due(kT0 + 3 * kMin, 0));
  CHECK(s.last_success() == kT0 + 5 * kSec);

  // A slow refresh finishing late in the interval skips a grid point rather
  // than start again at once (at least half an interval in between).
  run(s, kT0 + 3 * kMin, 100 * kSec);
  CHECK(s.next_due() == kT0 + 9 * kMin);
  // A manual refresh between grid points does not shift the grid.
  s.request_now();
  run(s, kT0 + 4 * kMin, kSec);
  CHECK(s.next_due() == kT0 + 6 * kMin);
}

TEST_CASE("refresh schedule: interval 0 is manual only") {
  core::RefreshSchedule s(every(0), kT0);
  CHECK_FALSE(s.next_due().has_value());
  CHECK_FALSE(s.due(kT0 + kDay, 0));
  CHECK_FALSE(s.next_wake(kT0).has_value());  // no timer at all
  s.request_now();
  CHECK(s.due(kT0, 0));
  CHECK(s.next_wake(kT0) == kT0);
  run(s, kT0);
  CHECK_FALSE(s.due(kT0 + kDay, 0));
  CHECK_FALSE(s.next_wake(kT0 + kSec).has_value());
  // A failed manual refresh is not retried by itself.
  s.request_now();
  run(s, kT0 + kMin, kSec, false);
  CHECK(s.failures() == 1);
  CHECK_FALSE(s.next_wake(kT0 + 2 * kMin).has_value());
  // Coming back online does not start one either.
  s.set_online(kT0 + 3 * kMin, false);
  s.set_online(kT0 + 4 * kMin, true);
  CHECK_FALSE(s.due(kT0 + 4 * kMin, 0));
  // Negative intervals count as 0.
  CHECK_FALSE(core::RefreshSchedule(every(-5), kT0).next_due().has_value());
}

TEST_CASE("refresh schedule: a running refresh is never started again") {
  core::RefreshSchedule s(every(10 * kSec), kT0);
  s.started(kT0);
  CHECK(s.running());
  CHECK_FALSE(s.due(kT0 + kHour, 0));  // however late
  CHECK_FALSE(s.next_wake(kT0 + kHour).has_value());  // the finish is the event
  // A click meanwhile is kept (several count once) and runs right after.
  s.request_now();
  s.request_now();
  CHECK_FALSE(s.due(kT0 + kSec, 0));
  s.finished(kT0 + 2 * kSec, true);
  CHECK(s.due(kT0 + 2 * kSec, 0));
  s.started(kT0 + 2 * kSec);
  CHECK_FALSE(s.requested());
  s.finished(kT0 + 3 * kSec, true);
  CHECK_FALSE(s.due(kT0 + 3 * kSec, 0));
  CHECK(s.next_due() == kT0 + 10 * kSec);
}

TEST_CASE("refresh schedule: paused offline, due at once when back") {
  core::RefreshSchedule s(every(3 * kMin), kT0);
  run(s, kT0);
  s.set_online(kT0 + kMin, false);
  CHECK_FALSE(s.online());
  CHECK_FALSE(s.due(kT0 + 10 * kMin, 0));
  CHECK_FALSE(s.next_wake(kT0 + 10 * kMin).has_value());
  s.request_now();  // a click offline waits for the network
  CHECK_FALSE(s.due(kT0 + 10 * kMin, 0));
  s.set_online(kT0 + 11 * kMin, true);
  CHECK(s.due(kT0 + 11 * kMin, 0));
  CHECK(s.next_wake(kT0 + 11 * kMin) == kT0 + 11 * kMin);
  run(s, kT0 + 11 * kMin);
  CHECK(s.next_due() == kT0 + 15 * kMin);  // back on the grid
  // Going online while already online changes nothing.
  s.set_online(kT0 + 12 * kMin, true);
  CHECK(s.next_due() == kT0 + 15 * kMin);
}

TEST_CASE("refresh schedule: failures back off 30 s, 60 s, 120 s, capped by the interval") {
  core::RefreshSchedule s(every(3 * kMin), kT0);
  run(s, kT0, kSec, false);
  CHECK(s.failures() == 1);
  CHECK(s.next_due() == kT0 + kSec + 30 * kSec);
  run(s, kT0 + 31 * kSec, kSec, false);
  CHECK(s.next_due() == kT0 + 32 * kSec + 60 * kSec);
  run(s, kT0 + 92 * kSec, kSec, false);
  CHECK(s.next_due() == kT0 + 93 * kSec + 120 * kSec);
  run(s, kT0 + 213 * kSec, kSec, false);
  CHECK(s.failures() == 4);
  CHECK(s.next_due() == kT0 + 214 * kSec + 180 * kSec);  // 240 s capped at 3 min
  run(s, kT0 + 394 * kSec, kSec, true);
  CHECK(s.failures() == 0);
  CHECK(s.next_due() == kT0 + 9 * kMin);  // first grid point >= 395 s + 90 s

  // A short interval caps the first retry too.
  core::RefreshSchedule fast(every(10 * kSec), kT0);
  run(fast, kT0, kSec, false);
  CHECK(fast.next_due() == kT0 + 11 * kSec);
}

TEST_CASE("refresh schedule: the seller's own calls go first") {
  core::RefreshScheduleConfig config = every(3 * kMin);
  config.seller_queue_threshold = 2;
  config.max_yield_ms = 60 * kSec;
  core::RefreshSchedule s(config, kT0);
  run(s, kT0);
  const core::EpochMs due = kT0 + 3 * kMin;
  CHECK(s.due(due, 2));         // at the threshold: goes
  CHECK_FALSE(s.due(due, 3));   // above: waits
  CHECK(s.next_wake(due) == due + 60 * kSec);  // the timer for the end of the hold-back
  CHECK_FALSE(s.due(due + 59 * kSec, 50));
  CHECK(s.due(due + 60 * kSec, 50));  // held back long enough: goes anyway
  CHECK(s.next_wake(due + 70 * kSec) == due + 70 * kSec);
  // The seller's own click does not yield.
  s.request_now();
  CHECK(s.due(due, 100));
}

TEST_CASE("refresh schedule: stores are staggered over the interval") {
  CHECK(core::stagger_phase(0, 3, 3 * kMin) == 0);
  CHECK(core::stagger_phase(1, 3, 3 * kMin) == kMin);
  CHECK(core::stagger_phase(2, 3, 3 * kMin) == 2 * kMin);
  CHECK(core::stagger_phase(3, 3, 3 * kMin) == 0);  // out of range
  CHECK(core::stagger_phase(0, 0, 3 * kMin) == 0);
  CHECK(core::stagger_phase(1, 2, 0) == 0);
  CHECK(core::stagger_phase(2, 3, 1'000) == 666);

  std::vector<core::RefreshSchedule> stores;
  for (std::size_t i = 0; i < 3; ++i) stores.emplace_back(every(3 * kMin, core::stagger_phase(i, 3, 3 * kMin)), kT0);
  // Opening the console loads all three at once.
  for (auto& s : stores) s.request_now();
  for (auto& s : stores) run(s, kT0, 2 * kSec);
  // Each at its own grid point at least half an interval after the load.
  CHECK(stores[0].next_due() == kT0 + 3 * kMin);
  CHECK(stores[1].next_due() == kT0 + 4 * kMin);
  CHECK(stores[2].next_due() == kT0 + 2 * kMin);
  CHECK(core::earliest_wake(stores, kT0 + 3 * kSec) == kT0 + 2 * kMin);
  // Refreshes of different lengths keep them apart.
  run(stores[2], kT0 + 2 * kMin, 50 * kSec);
  run(stores[0], kT0 + 3 * kMin, 5 * kSec);
  run(stores[1], kT0 + 4 * kMin, 20 * kSec);
  CHECK(stores[2].next_due() == kT0 + 5 * kMin);
  CHECK(stores[0].next_due() == kT0 + 6 * kMin);
  CHECK(stores[1].next_due() == kT0 + 7 * kMin);
  // Nothing wants a timer while all run.
  for (auto& s : stores) s.started(kT0 + 8 * kMin);
  CHECK_FALSE(core::earliest_wake(stores, kT0 + 8 * kMin).has_value());
}

TEST_CASE("refresh schedule: a new interval from the settings") {
  core::RefreshSchedule s(every(3 * kMin), kT0);
  run(s, kT0);
  s.set_interval(kT0 + 30 * kSec, kMin, 0);
  CHECK(s.next_due() == kT0 + kMin);
  s.set_interval(kT0 + 30 * kSec, 0, 0);
  CHECK_FALSE(s.next_due().has_value());
  CHECK_FALSE(s.due(kT0 + kHour, 0));
  s.set_interval(kT0 + 5 * kMin + 10 * kSec, 5 * kMin, 2 * kMin);  // grid: kT0 + 2 min + k * 5 min
  CHECK(s.next_due() == kT0 + 7 * kMin);
  // A pending retry keeps its time, capped by the new interval.
  run(s, kT0 + 7 * kMin, kSec, false);
  CHECK(s.next_due() == kT0 + 7 * kMin + 31 * kSec);
  s.set_interval(kT0 + 7 * kMin + 2 * kSec, 10 * kSec, 0);
  CHECK(s.next_due() == kT0 + 7 * kMin + 12 * kSec);
}

TEST_CASE("refresh window: first run and a long gap read the full 30 days") {
  const core::EpochMs now = kT0;
  const core::RefreshWindow first = core::refresh_window(std::nullopt, now);
  CHECK(first.full);
  CHECK(first.since == now - 30 * kDay);
  CHECK(first.to == now + 2 * kDay);
  CHECK(first.lookback_from == now - 30 * kDay);

  const core::RefreshWindow stale = core::refresh_window(now - 6 * kHour - 1, now);
  CHECK(stale.full);
  CHECK(stale.since == now - 30 * kDay);
  CHECK_FALSE(core::refresh_window(now - 6 * kHour, now).full);  // exactly at the limit: still incremental
}

TEST_CASE("refresh window: incremental since the last success minus the overlap") {
  const core::EpochMs now = kT0;
  const core::RefreshWindow w = core::refresh_window(now - 3 * kMin, now);
  CHECK_FALSE(w.full);
  CHECK(w.since == now - 13 * kMin);
  CHECK(w.to == now + 2 * kDay);
  CHECK(w.lookback_from == now - 30 * kDay);
  // A last success "in the future" (the clock was set back) counts as now.
  CHECK(core::refresh_window(now + kHour, now).since == now - 10 * kMin);
  // Settings.
  core::RefreshWindowConfig config;
  config.overlap_ms = kMin;
  config.full_after_ms = kHour;
  CHECK(core::refresh_window(now - 30 * kMin, now, config).since == now - 31 * kMin);
  CHECK(core::refresh_window(now - 2 * kHour, now, config).full);

  CHECK(core::refresh_open_status_names() ==
        std::vector<std::string>{"awaiting_registration", "awaiting_approve", "awaiting_verification",
                                 "awaiting_packaging", "awaiting_deliver"});
  CHECK(core::is_refresh_open_status(core::PostingStatus::awaiting_packaging));
  CHECK_FALSE(core::is_refresh_open_status(core::PostingStatus::delivering));
  CHECK_FALSE(core::is_refresh_open_status(core::PostingStatus::cancelled));
  CHECK_FALSE(core::is_refresh_open_status(core::PostingStatus::unknown));
}

TEST_CASE("refresh merge: incremental answers replace, add, and name what is unaccounted") {
  using S = core::PostingStatus;
  const core::EpochMs now = kT0;
  const core::RefreshWindow w = core::refresh_window(now - 3 * kMin, now);
  const std::vector<core::Posting> previous = {
      posting("A", S::awaiting_packaging, now - kDay),   // re-read, now packed
      posting("B", S::awaiting_packaging, now - kDay),   // not in the answers: unaccounted
      posting("C", S::delivered, now - 2 * kDay),        // closed, recent: kept as is
      posting("D", S::delivered, now - 40 * kDay),       // closed, beyond the lookback: dropped
      posting("E", S::awaiting_deliver, now - 40 * kDay),  // open, old: kept and unaccounted
  };
  std::vector<core::Posting> fetched = {
      posting("N", S::awaiting_packaging, now - kMin),  // new (in both answers)
      posting("A", S::awaiting_deliver, now - kDay),
      posting("N", S::awaiting_packaging, now - kMin),
  };
  fetched[2].tracking_number = "later copy";
  const core::RefreshMerge merged = core::merge_refresh(previous, fetched, w);
  const std::vector<core::Posting> list = core::merged_list(previous, merged);
  CHECK(numbers(list) == std::vector<std::string>{"A", "B", "C", "E", "N"});
  CHECK(list[0].status == S::awaiting_deliver);
  CHECK(list[4].tracking_number == "later copy");
  CHECK(merged.unaccounted == std::vector<std::string>{"B", "E"});
  // Applied in place: the answers (each number once) and what leaves.
  CHECK_FALSE(merged.full);
  CHECK(numbers(merged.fetched) == std::vector<std::string>{"N", "A"});
  CHECK(merged.dropped == std::vector<std::string>{"D"});

  // A full refresh replaces the list.
  const core::RefreshMerge full = core::merge_refresh(previous, fetched, core::refresh_window(std::nullopt, now));
  CHECK(full.full);
  const std::vector<core::Posting> replaced = core::merged_list(previous, full);
  CHECK(numbers(replaced) == std::vector<std::string>{"N", "A"});
  CHECK(replaced[0].tracking_number == "later copy");
  CHECK(full.unaccounted.empty());
  CHECK(full.dropped.empty());
}
