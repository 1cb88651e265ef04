#include <doctest/doctest.h>

#include <climits>

#include "core/deadline.h"
#include "core/posting.h"

namespace {

constexpr core::EpochMs kMin = 60'000;
constexpr core::EpochMs kHour = 60 * kMin;
constexpr core::EpochMs kDay = 24 * kHour;

// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
core::EpochMs utc(int y, int m, int d, int hh = 0, int mm = 0) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const core::EpochMs days = static_cast<core::EpochMs>(era) * 146097 + doe - 719468;
  return days * kDay + hh * kHour + mm * kMin;
}

// A wall-clock time in a zone (offset in minutes) as a UTC instant.
core::EpochMs local(int offset, int y, int m, int d, int hh, int mm = 0) {
  return utc(y, m, d, hh, mm) - offset * kMin;
}

core::Posting waiting(core::EpochMs deadline, core::PostingStatus status = core::PostingStatus::awaiting_packaging) {
  core::Posting p;
  p.posting_number = "1-1-1";
  p.status = status;
  p.shipment_date = deadline;
  return p;
}

constexpr int kMoscow = 180;
constexpr int kChina = 480;
constexpr int kNewYork = -300;

}  // namespace

TEST_CASE("deadline: every status maps to a stage") {
  using core::PostingStatus;
  using core::Stage;
  CHECK(core::stage_of(PostingStatus::awaiting_registration) == Stage::awaiting_packaging);
  CHECK(core::stage_of(PostingStatus::awaiting_approve) == Stage::awaiting_packaging);
  CHECK(core::stage_of(PostingStatus::awaiting_verification) == Stage::awaiting_packaging);
  CHECK(core::stage_of(PostingStatus::awaiting_packaging) == Stage::awaiting_packaging);
  CHECK(core::stage_of(PostingStatus::awaiting_deliver) == Stage::awaiting_shipment);
  CHECK(core::stage_of(PostingStatus::acceptance_in_progress) == Stage::delivering);
  CHECK(core::stage_of(PostingStatus::driver_pickup) == Stage::delivering);
  CHECK(core::stage_of(PostingStatus::sent_by_seller) == Stage::delivering);
  CHECK(core::stage_of(PostingStatus::delivering) == Stage::delivering);
  CHECK(core::stage_of(PostingStatus::delivered) == Stage::delivered);
  CHECK(core::stage_of(PostingStatus::cancelled) == Stage::cancelled);
  CHECK(core::stage_of(PostingStatus::cancelled_from_split_pending) == Stage::cancelled);
  CHECK(core::stage_of(PostingStatus::not_accepted) == Stage::disputed);
  CHECK(core::stage_of(PostingStatus::arbitration) == Stage::disputed);
  CHECK(core::stage_of(PostingStatus::client_arbitration) == Stage::disputed);
  CHECK(core::stage_of(PostingStatus::unknown) == Stage::other);
  for (PostingStatus status : core::kAllPostingStatuses) CHECK(core::stage_of(status) != Stage::other);

  CHECK(core::stage_name(Stage::awaiting_packaging) == "awaiting_packaging");
  CHECK(core::stage_name(Stage::awaiting_shipment) == "awaiting_shipment");
  CHECK(core::stage_name(Stage::delivering) == "delivering");
  CHECK(core::stage_name(Stage::delivered) == "delivered");
  CHECK(core::stage_name(Stage::cancelled) == "cancelled");
  CHECK(core::stage_name(Stage::disputed) == "disputed");
  CHECK(core::stage_name(Stage::other) == "other");
  CHECK(core::risk_name(core::Risk::none) == "none");
  CHECK(core::risk_name(core::Risk::overdue) == "overdue");
  CHECK(core::risk_name(core::Risk::under_2h) == "under_2h");
  CHECK(core::risk_name(core::Risk::today) == "today");
  CHECK(core::risk_name(core::Risk::later) == "later");
}

TEST_CASE("deadline: next local midnight in several zones") {
  const core::EpochMs now = utc(2026, 5, 14, 20, 30);  // 23:30 Moscow, 04:30 (15th) China, 15:30 New York
  CHECK(core::next_local_midnight(now, kMoscow) == local(kMoscow, 2026, 5, 15, 0));
  CHECK(core::next_local_midnight(now, kChina) == local(kChina, 2026, 5, 16, 0));
  CHECK(core::next_local_midnight(now, kNewYork) == local(kNewYork, 2026, 5, 15, 0));
  CHECK(core::next_local_midnight(now, 0) == utc(2026, 5, 15));
  // Exactly at midnight: the next one is a day later.
  CHECK(core::next_local_midnight(utc(2026, 5, 15), 0) == utc(2026, 5, 16));
  // Before 1970 the division still floors.
  CHECK(core::next_local_midnight(-1, 0) == 0);
  CHECK(core::next_local_midnight(-kDay, 0) == 0);
}

TEST_CASE("deadline: risk buckets across midnight in Moscow (UTC+3)") {
  const core::EpochMs now = local(kMoscow, 2026, 5, 14, 23, 30);
  auto risk = [&](core::EpochMs deadline) { return core::risk_of(waiting(deadline), now, kMoscow); };
  CHECK(risk(now - kMin) == core::Risk::overdue);
  CHECK(risk(now) == core::Risk::overdue);  // due now = overdue
  CHECK(risk(now + kMin) == core::Risk::under_2h);
  CHECK(risk(local(kMoscow, 2026, 5, 15, 0, 30)) == core::Risk::under_2h);  // after midnight, still < 2 h
  CHECK(risk(local(kMoscow, 2026, 5, 15, 1, 29)) == core::Risk::under_2h);
  CHECK(risk(local(kMoscow, 2026, 5, 15, 1, 30)) == core::Risk::later);  // exactly 2 h, and tomorrow
  CHECK(risk(local(kMoscow, 2026, 5, 15, 1, 59)) == core::Risk::later);
  CHECK(risk(local(kMoscow, 2026, 5, 15, 5, 0)) == core::Risk::later);

  // Earlier in the day the "today" bucket appears.
  const core::EpochMs morning = local(kMoscow, 2026, 5, 14, 9, 0);
  CHECK(core::risk_of(waiting(local(kMoscow, 2026, 5, 14, 10, 59)), morning, kMoscow) == core::Risk::under_2h);
  CHECK(core::risk_of(waiting(local(kMoscow, 2026, 5, 14, 11, 0)), morning, kMoscow) == core::Risk::today);
  CHECK(core::risk_of(waiting(local(kMoscow, 2026, 5, 14, 23, 59)), morning, kMoscow) == core::Risk::today);
  CHECK(core::risk_of(waiting(local(kMoscow, 2026, 5, 15, 0, 0)), morning, kMoscow) == core::Risk::later);
}

TEST_CASE("deadline: the same instants bucket differently in UTC+8 and UTC-5") {
  const core::EpochMs now = local(kMoscow, 2026, 5, 14, 23, 30);  // = 04:30 on the 15th in China
  const core::EpochMs five_am_moscow = local(kMoscow, 2026, 5, 15, 5, 0);  // = 10:00 China, 21:00 (14th) NY
  CHECK(core::risk_of(waiting(five_am_moscow), now, kMoscow) == core::Risk::later);
  CHECK(core::risk_of(waiting(five_am_moscow), now, kChina) == core::Risk::today);
  CHECK(core::risk_of(waiting(five_am_moscow), now, kNewYork) == core::Risk::today);

  // 00:30 New York on the 15th = 07:30 Moscow, 12:30 China.
  const core::EpochMs ny_after_midnight = local(kNewYork, 2026, 5, 15, 0, 30);
  CHECK(core::risk_of(waiting(ny_after_midnight), now, kNewYork) == core::Risk::later);
  CHECK(core::risk_of(waiting(ny_after_midnight), now, kChina) == core::Risk::today);
  CHECK(core::risk_of(waiting(ny_after_midnight), now, kMoscow) == core::Risk::later);

  // China at 23:00 local: a deadline at 00:30 local next day is under_2h there.
  const core::EpochMs china_late = local(kChina, 2026, 5, 15, 23, 0);
  CHECK(core::risk_of(waiting(local(kChina, 2026, 5, 16, 0, 30)), china_late, kChina) == core::Risk::under_2h);
  CHECK(core::risk_of(waiting(local(kChina, 2026, 5, 16, 3, 0)), china_late, kChina) == core::Risk::later);
  CHECK(core::risk_of(waiting(local(kChina, 2026, 5, 16, 3, 0)), china_late, kMoscow) == core::Risk::today);
}

TEST_CASE("deadline: risk only for postings still to pack or hand over") {
  const core::EpochMs now = utc(2026, 5, 14, 12);
  CHECK(core::risk_of(waiting(now - kHour, core::PostingStatus::awaiting_deliver), now, 0) == core::Risk::overdue);
  CHECK(core::risk_of(waiting(now - kHour, core::PostingStatus::awaiting_registration), now, 0) ==
        core::Risk::overdue);
  CHECK(core::risk_of(waiting(now - kHour, core::PostingStatus::delivering), now, 0) == core::Risk::none);
  CHECK(core::risk_of(waiting(now - kHour, core::PostingStatus::delivered), now, 0) == core::Risk::none);
  CHECK(core::risk_of(waiting(now - kHour, core::PostingStatus::cancelled), now, 0) == core::Risk::none);
  CHECK(core::risk_of(waiting(now - kHour, core::PostingStatus::arbitration), now, 0) == core::Risk::none);
  CHECK(core::risk_of(waiting(now - kHour, core::PostingStatus::unknown), now, 0) == core::Risk::none);
  CHECK(core::risk_of(waiting(0), now, 0) == core::Risk::none);  // no deadline
}

TEST_CASE("deadline: countdown text") {
  CHECK(core::format_countdown(0) == "0m");
  CHECK(core::format_countdown(59'999) == "0m");
  CHECK(core::format_countdown(kMin) == "1m");
  CHECK(core::format_countdown(45 * kMin + 30'000) == "45m");
  CHECK(core::format_countdown(59 * kMin) == "59m");
  CHECK(core::format_countdown(kHour) == "1h 00m");
  CHECK(core::format_countdown(kHour + 5 * kMin) == "1h 05m");
  CHECK(core::format_countdown(23 * kHour + 59 * kMin) == "23h 59m");
  CHECK(core::format_countdown(kDay) == "1d 0h");
  CHECK(core::format_countdown(2 * kDay + 3 * kHour + 59 * kMin) == "2d 3h");
  CHECK(core::format_countdown(400 * kDay) == "400d 0h");
  CHECK(core::format_countdown(-1) == "-1m");  // overdue never reads as 0m
  CHECK(core::format_countdown(-45 * kMin) == "-45m");
  CHECK(core::format_countdown(-(kHour + 5 * kMin)) == "-1h 05m");
  CHECK(core::format_countdown(-(kHour + 4 * kMin + 1)) == "-1h 05m");
  CHECK(core::format_countdown(-(2 * kDay + 3 * kHour)) == "-2d 3h");
  CHECK(core::format_countdown(INT64_MIN).front() == '-');
  CHECK(core::format_countdown(INT64_MAX).back() == 'h');
}

#include "core/local_time.h"

TEST_CASE("local date and time as the seller types it") {
  // 2026-11-27 18:00 in Moscow (UTC+3) is 15:00 UTC.
  const auto moscow = core::parse_local_datetime("2026-11-27 18:00", 180);
  REQUIRE(moscow.has_value());
  CHECK(*moscow == 1'795'791'600'000LL);
  CHECK(core::format_local_datetime(*moscow, 180) == "2026-11-27 18:00");
  CHECK(core::format_local_datetime(*moscow, 480) == "2026-11-27 23:00");  // Beijing
  CHECK(core::format_local_datetime(*moscow, -300) == "2026-11-27 10:00");
  CHECK(core::parse_local_datetime(" 2026-11-27T18:00 ", 180) == moscow);
  CHECK(core::parse_local_datetime("2026-11-27", 0) == 1'795'737'600'000LL);
  CHECK(core::parse_local_datetime("2028-02-29 00:00", 0).has_value());
  CHECK_FALSE(core::parse_local_datetime("2026-02-29 00:00", 0).has_value());
  CHECK_FALSE(core::parse_local_datetime("2026-13-01 00:00", 0).has_value());
  CHECK_FALSE(core::parse_local_datetime("2026-11-27 24:00", 0).has_value());
  CHECK_FALSE(core::parse_local_datetime("27.11.2026", 0).has_value());
  CHECK_FALSE(core::parse_local_datetime("", 0).has_value());
  CHECK(core::format_local_datetime(-60'000, 0) == "1969-12-31 23:59");
}
