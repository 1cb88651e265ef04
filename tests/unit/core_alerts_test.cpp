#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/alert_rules.h"
#include "core/local_time.h"

namespace {

using S = core::PostingStatus;
using K = core::AlertKind;

constexpr core::EpochMs kMin = 60'000;
constexpr core::EpochMs kHour = 60 * kMin;
constexpr int kMoscow = 180;
constexpr int kShanghai = 480;

// A wall-clock time in a zone ("2026-05-14 23:30") as a UTC instant.
core::EpochMs at(int offset, const char* local_time) {
  const auto t = core::parse_local_datetime(local_time, offset);
  REQUIRE(t.has_value());
  return *t;
}

core::Posting posting(std::string number, core::EpochMs deadline, S status = S::awaiting_packaging) {
  core::Posting p;
  p.posting_number = std::move(number);  // assigned from a const char*, GCC 12 -O3 warns falsely (-Wrestrict)
  p.status = status;
  p.shipment_date = deadline;
  return p;
}

std::vector<std::string> numbers(const std::vector<core::Alert>& alerts) {
  std::vector<std::string> out;
  for (const auto& a : alerts) out.push_back(a.posting_number);
  return out;
}

core::AlertSettings quiet_22_to_8() {
  core::AlertSettings settings;
  settings.quiet.enabled = true;
  settings.quiet.start_minute = 22 * 60;
  settings.quiet.end_minute = 8 * 60;
  return settings;
}

}  // namespace

TEST_CASE("alerts: kind names") {
  for (std::size_t i = 0; i < core::kAlertKindCount; ++i) {
    const auto kind = static_cast<K>(i);
    CHECK(core::alert_kind_from_name(core::alert_kind_name(kind)) == kind);
  }
  CHECK(core::alert_kind_name(K::buyer_cancelled_while_packing) == "buyer_cancelled_while_packing");
  CHECK_FALSE(core::alert_kind_from_name("nope").has_value());
}

TEST_CASE("alerts: a posting entering under 2 h, then overdue, each once") {
  core::AlertBook book;
  const core::EpochMs t0 = at(kMoscow, "2026-05-14 09:00");
  const core::EpochMs deadline = at(kMoscow, "2026-05-14 12:00");
  const std::vector<core::Posting> list = {posting("P", deadline), posting("Q", deadline + 5 * kHour)};

  CHECK(book.sweep_risk("s1", list, t0, kMoscow).empty());  // first sweep: the baseline
  CHECK(book.sweep_risk("s1", list, deadline - 2 * kHour, kMoscow).empty());  // exactly 2 h left: not yet
  CHECK(core::next_risk_crossing(list, deadline - 2 * kHour) == deadline - 2 * kHour + 1);

  auto raised = book.sweep_risk("s1", list, deadline - 2 * kHour + 1, kMoscow);
  REQUIRE(raised.size() == 1);
  CHECK(raised[0].kind == K::under_2h);
  CHECK(raised[0].posting_number == "P");
  CHECK(raised[0].store_id == "s1");
  CHECK(raised[0].at == deadline - 2 * kHour + 1);
  CHECK_FALSE(raised[0].seen);
  CHECK(book.sweep_risk("s1", list, deadline - kHour, kMoscow).empty());  // once

  CHECK(core::next_risk_crossing(list, deadline - kHour) == deadline);
  raised = book.sweep_risk("s1", list, deadline, kMoscow);  // due now = overdue
  REQUIRE(raised.size() == 1);
  CHECK(raised[0].kind == K::overdue);
  CHECK(book.sweep_risk("s1", list, deadline + kHour, kMoscow).empty());  // once
  CHECK(book.unseen_count() == 2);
  CHECK(book.alerts().size() == 2);

  // A sweep back in time raises nothing.
  CHECK(book.sweep_risk("s1", list, t0, kMoscow).empty());
}

TEST_CASE("alerts: a sleeping tab that missed both thresholds gets overdue only; closed postings none") {
  core::AlertBook book;
  const core::EpochMs t0 = at(kShanghai, "2026-05-14 09:00");
  const std::vector<core::Posting> list = {
      posting("P", t0 + kHour),                            // under 2 h already at t0: no alert later
      posting("Q", t0 + 3 * kHour),                        // later at t0, overdue at t0 + 4 h
      posting("R", t0 + 3 * kHour, S::delivering),         // handed over: no risk
      posting("S", t0 + 3 * kHour, S::awaiting_deliver),   // packed, not handed over: counts
      posting("T", 0),                                     // no deadline
  };
  book.sweep_risk("s1", list, t0, kShanghai);
  const auto raised = book.sweep_risk("s1", list, t0 + 4 * kHour, kShanghai);
  CHECK(numbers(raised) == std::vector<std::string>{"P", "Q", "S"});
  for (const auto& a : raised) CHECK(a.kind == K::overdue);
  // P was already under 2 h at t0, but became overdue since: alerted as overdue.
  CHECK(core::next_risk_crossing(list, t0 + 4 * kHour) == std::nullopt);
}

TEST_CASE("alerts: the first sweep can alert the risk already present") {
  core::AlertSettings settings;
  settings.alert_risk_on_first_sweep = true;
  core::AlertBook book(settings);
  const core::EpochMs now = at(kMoscow, "2026-05-14 09:00");
  const auto raised = book.sweep_risk(
      "s1", {posting("late", now - kHour), posting("soon", now + kHour), posting("later", now + 5 * kHour)}, now,
      kMoscow);
  REQUIRE(raised.size() == 2);
  CHECK(raised[0].kind == K::overdue);
  CHECK(raised[1].kind == K::under_2h);
  // Stores are swept separately: the same numbers in another store are other postings.
  CHECK(book.sweep_risk("s2", {posting("late", now - kHour)}, now, kMoscow).size() == 1);
}

TEST_CASE("alerts: new orders and the buyer cancelling what is being packed") {
  core::AlertBook book;
  const core::EpochMs now = at(kMoscow, "2026-05-14 10:00");
  core::PostingDiff diff;
  diff.added = {{"N1", S::unknown, S::awaiting_packaging, false},
                {"N2", S::unknown, S::awaiting_registration, false},
                {"N3", S::unknown, S::delivered, false}};  // nothing to do: no alert
  diff.cancelled = {{"C1", S::awaiting_packaging, S::cancelled, true},   // being packed: alert
                    {"C2", S::awaiting_packaging, S::cancelled, true},   // not being worked on
                    {"C3", S::awaiting_packaging, S::cancelled, false}};  // the seller cancelled
  const std::vector<std::string> working = {"C1", "C3", "X"};
  auto raised = book.add_from_diff("s1", diff, working, now);
  CHECK(numbers(raised) == std::vector<std::string>{"N1", "N2", "C1"});
  CHECK(raised[0].kind == K::new_order);
  CHECK(raised[2].kind == K::buyer_cancelled_while_packing);
  CHECK(raised[0].id < raised[1].id);
  // The same diff again (an overlapping window) raises nothing twice.
  CHECK(book.add_from_diff("s1", diff, working, now + kMin).empty());
  // Another store's posting with the same number is another alert.
  CHECK(book.add_from_diff("s2", diff, {}, now).size() == 2);
  CHECK(book.unseen_count() == 5);
  CHECK(book.unseen_count("s1") == 3);

  // A marking refusal is reported by the caller, once.
  const auto refused = book.report("s1", K::marking_refused, "N1", now);
  REQUIRE(refused.has_value());
  CHECK(refused->kind == K::marking_refused);
  CHECK_FALSE(book.report("s1", K::marking_refused, "N1", now).has_value());

  // Seen: one, a posting's, all.
  CHECK(book.mark_seen(raised[0].id));
  CHECK_FALSE(book.mark_seen(raised[0].id));
  CHECK_FALSE(book.mark_seen(999'999));
  CHECK(book.unseen_count() == 5);
  CHECK(book.mark_posting_seen("s1", "N1") == 1);  // the marking refusal
  CHECK(book.unseen_count("s1") == 2);
  book.mark_all_seen();
  CHECK(book.unseen_count() == 0);

  // Forgetting postings that left the list lets them alert again if they return.
  book.forget_missing("s1", {});
  CHECK(book.add_from_diff("s1", diff, {}, now).size() == 2);
  CHECK(book.add_from_diff("s2", diff, {}, now).empty());  // other stores untouched
}

TEST_CASE("alerts: quiet hours across midnight in Moscow and Shanghai") {
  const core::QuietHours quiet = quiet_22_to_8().quiet;
  for (int offset : {kMoscow, kShanghai}) {
    CAPTURE(offset);
    CHECK_FALSE(quiet.contains(at(offset, "2026-05-14 21:59"), offset));
    CHECK(quiet.contains(at(offset, "2026-05-14 22:00"), offset));
    CHECK(quiet.contains(at(offset, "2026-05-14 23:59"), offset));
    CHECK(quiet.contains(at(offset, "2026-05-15 00:00"), offset));
    CHECK(quiet.contains(at(offset, "2026-05-15 07:59"), offset));
    CHECK_FALSE(quiet.contains(at(offset, "2026-05-15 08:00"), offset));
    CHECK_FALSE(quiet.contains(at(offset, "2026-05-15 12:00"), offset));
  }
  // The same instant: 23:30 in Moscow is 04:30 next day in Shanghai (both
  // quiet); 19:30 Moscow is 00:30 Shanghai (quiet there only); 03:30 Moscow
  // is 08:30 Shanghai (quiet in Moscow only).
  const core::EpochMs instant = at(kMoscow, "2026-05-14 19:30");
  CHECK_FALSE(quiet.contains(instant, kMoscow));
  CHECK(quiet.contains(instant, kShanghai));
  const core::EpochMs early = at(kMoscow, "2026-05-15 03:30");
  CHECK(quiet.contains(early, kMoscow));
  CHECK_FALSE(quiet.contains(early, kShanghai));

  // A window within one day, an empty one, a disabled one, odd minutes.
  core::QuietHours lunch{true, 13 * 60, 14 * 60};
  CHECK(lunch.contains(at(kMoscow, "2026-05-14 13:30"), kMoscow));
  CHECK_FALSE(lunch.contains(at(kMoscow, "2026-05-14 14:00"), kMoscow));
  CHECK_FALSE(lunch.contains(at(kMoscow, "2026-05-14 23:00"), kMoscow));
  CHECK_FALSE(core::QuietHours{true, 600, 600}.contains(at(kMoscow, "2026-05-14 10:00"), kMoscow));
  CHECK_FALSE(core::QuietHours{false, 0, 1439}.contains(at(kMoscow, "2026-05-14 10:00"), kMoscow));
  CHECK(core::QuietHours{true, -120, 8 * 60}.contains(at(kMoscow, "2026-05-14 23:00"), kMoscow));  // -120 = 22:00
  // Before 1970 the minute of day still floors.
  CHECK(core::QuietHours{true, 23 * 60, 0}.contains(-kMin, 0));
}

TEST_CASE("alerts: recorded in quiet hours, but no notification or sound; per-kind settings") {
  core::AlertSettings settings = quiet_22_to_8();
  settings.notify[static_cast<std::size_t>(K::new_order)] = false;
  settings.sound[static_cast<std::size_t>(K::new_order)] = true;
  core::AlertBook book(settings);
  const core::EpochMs night = at(kShanghai, "2026-05-14 23:00");
  const core::EpochMs day = at(kShanghai, "2026-05-14 11:00");

  CHECK(book.report("s1", K::overdue, "P", night).has_value());
  CHECK(book.unseen_count() == 1);  // recorded and counted at night
  CHECK_FALSE(book.should_notify(K::overdue, night, kShanghai));
  CHECK_FALSE(book.should_sound(K::overdue, night, kShanghai));
  CHECK(book.should_notify(K::overdue, day, kShanghai));
  CHECK(book.should_sound(K::overdue, day, kShanghai));
  // 11:00 Shanghai is 06:00 Moscow: quiet for a Moscow seller.
  CHECK_FALSE(book.should_notify(K::overdue, day, kMoscow));

  CHECK_FALSE(book.should_notify(K::new_order, day, kShanghai));
  CHECK(book.should_sound(K::new_order, day, kShanghai));
  CHECK(book.should_notify(K::marking_refused, day, kShanghai));
  CHECK_FALSE(book.should_sound(K::marking_refused, day, kShanghai));  // default: no sound
  CHECK(book.should_sound(K::buyer_cancelled_while_packing, day, kShanghai));
  CHECK(book.should_notify(K::under_2h, day, kShanghai));
  CHECK_FALSE(book.should_sound(K::under_2h, day, kShanghai));
}

TEST_CASE("alerts: the cap drops the oldest seen alerts first, then the oldest unseen") {
  core::AlertSettings settings;
  settings.max_alerts = 3;
  core::AlertBook book(settings);
  const core::EpochMs now = at(kMoscow, "2026-05-14 10:00");
  const auto a1 = book.report("s1", K::new_order, "1", now);
  const auto a2 = book.report("s1", K::new_order, "2", now);
  const auto a3 = book.report("s1", K::new_order, "3", now);
  REQUIRE((a1 && a2 && a3));
  book.mark_seen(a2->id);
  book.report("s1", K::new_order, "4", now);  // drops 2 (seen), not 1
  CHECK(numbers(book.alerts()) == std::vector<std::string>{"1", "3", "4"});
  CHECK(book.unseen_count() == 3);
  book.report("s1", K::new_order, "5", now);  // none seen: drops the oldest, 1
  CHECK(numbers(book.alerts()) == std::vector<std::string>{"3", "4", "5"});
  CHECK(book.unseen_count() == 3);
  // A dropped alert is not raised again.
  CHECK_FALSE(book.report("s1", K::new_order, "1", now).has_value());
  // Seen ones go first even when they are newer.
  book.mark_seen(book.alerts()[2].id);
  settings.max_alerts = 2;
  book.set_settings(settings);
  CHECK(numbers(book.alerts()) == std::vector<std::string>{"3", "4"});
  CHECK(book.unseen_count() == 2);
  settings.max_alerts = 0;
  book.set_settings(settings);
  CHECK(book.alerts().empty());
  CHECK(book.unseen_count() == 0);
  CHECK_FALSE(book.report("s1", K::new_order, "9", now) == std::nullopt);  // raised, then dropped by the cap
  CHECK(book.alerts().empty());
}

TEST_CASE("buyer messages: one alert per message, seen when the chat is opened, kept across refreshes") {
  core::AlertBook book;
  auto first = book.report_message("s1", "chat-1", "3000000000118032000", "123-0001-1", 1000);
  REQUIRE(first);
  CHECK(first->kind == K::buyer_message);
  CHECK(first->chat_id == "chat-1");
  CHECK(first->posting_number == "123-0001-1");
  CHECK_FALSE(book.report_message("s1", "chat-1", "3000000000118032000", "123-0001-1", 2000));  // once
  CHECK(book.report_message("s1", "chat-1", "3000000000118032001", "123-0001-1", 3000));
  CHECK(book.report_message("s1", "chat-2", "5", "", 3000));
  CHECK(book.unseen_count() == 3);
  // An orders refresh forgets postings gone from the list, not messages.
  book.forget_missing("s1", {});
  CHECK_FALSE(book.report_message("s1", "chat-1", "3000000000118032000", "123-0001-1", 4000));
  CHECK(book.mark_chat_seen("s1", "chat-1") == 2);
  CHECK(book.unseen_count() == 1);
  CHECK(core::alert_kind_from_name("buyer_message") == K::buyer_message);
  CHECK(book.settings().notify[static_cast<std::size_t>(K::buyer_message)]);
  CHECK_FALSE(book.settings().sound[static_cast<std::size_t>(K::buyer_message)]);
}
