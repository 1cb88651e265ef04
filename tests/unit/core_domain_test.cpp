#include <doctest/doctest.h>

#include "core/delivery_method.h"
#include "core/exemplar.h"
#include "core/money.h"
#include "core/posting.h"

TEST_CASE("posting status names round-trip; unknown names stay unknown") {
  for (core::PostingStatus status : core::kAllPostingStatuses) {
    CAPTURE(core::to_string(status));
    CHECK(core::posting_status_from_string(core::to_string(status)) == status);
  }
  CHECK(core::posting_status_from_string("awaiting_something_new") == core::PostingStatus::unknown);
  CHECK(core::posting_status_from_string("") == core::PostingStatus::unknown);
  CHECK(std::size(core::kAllPostingStatuses) == 15);
}

TEST_CASE("money formats minor units with two decimals") {
  CHECK(core::format_amount({199000, "RUB"}) == "1990.00");
  CHECK(core::format_amount({5, "RUB"}) == "0.05");
  CHECK(core::format_amount({-150, "RUB"}) == "-1.50");
  CHECK(core::format_amount({INT64_MIN, ""}).front() == '-');
}

TEST_CASE("delivery method cutoff text becomes minutes after midnight") {
  CHECK(core::cutoff_minutes_from_text("14:00") == 840);
  CHECK(core::cutoff_minutes_from_text("9:30") == 570);
  CHECK(core::cutoff_minutes_from_text("23:59:59") == 1439);
  CHECK(core::cutoff_minutes_from_text("2026-05-14T13:45:00Z") == 825);
  CHECK(core::cutoff_minutes_from_text("") == -1);
  CHECK(core::cutoff_minutes_from_text("25:00") == -1);
  CHECK(core::cutoff_minutes_from_text("ab:cd") == -1);
  CHECK(core::cutoff_minutes_from_text("7") == -1);
}

TEST_CASE("a posting tells rFBS from FBS and answers available actions") {
  core::Posting p;
  CHECK_FALSE(p.is_rfbs());
  p.delivery_schema = "FBS";
  CHECK_FALSE(p.is_rfbs());
  p.delivery_schema = "RFBS";
  CHECK(p.is_rfbs());
  core::Posting q;
  q.tpl_integration_type = "non_integrated";
  CHECK(q.is_rfbs());
  q.available_actions = {"ship", "cancel"};
  CHECK(q.can("ship"));
  CHECK_FALSE(q.can("arbitration"));
  core::PostingRequirements req;
  CHECK_FALSE(req.any());
  req.imei.push_back(1);
  CHECK(req.any());
}

TEST_CASE("exemplar marks are grouped by type") {
  core::Exemplar e;
  e.marks = {{"A", "mandatory_mark", {}, {}}, {"B", "imei", {}, {}}, {"C", "mandatory_mark", {}, {}}};
  CHECK(e.marks_of_type("mandatory_mark") == std::vector<std::string>{"A", "C"});
  CHECK(e.marks_of_type("jw_uin").empty());
}
