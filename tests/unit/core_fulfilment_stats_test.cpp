#include <doctest/doctest.h>

#include "core/civil_date.h"
#include "core/fulfilment_stats.h"

namespace {

constexpr core::EpochMs kHour = 3'600'000;
constexpr int kMoscow = 180;

core::EpochMs utc(std::int64_t y, unsigned m, unsigned d, core::EpochMs hours = 0) {
  return core::days_from_civil(y, m, d) * 24 * kHour + hours * kHour;
}

// A posting due at `deadline`, handed over at `handed` (0 = not yet).
core::Posting posting(std::string number, std::int64_t warehouse, std::int64_t method, core::EpochMs deadline,
                      core::EpochMs handed, core::PostingStatus status = core::PostingStatus::delivering) {
  core::Posting p;
  p.posting_number = std::move(number);
  p.status = status;
  p.delivery_method.id = method;
  p.delivery_method.name = "Method " + std::to_string(method);
  p.delivery_method.warehouse_id = warehouse;
  p.delivery_method.warehouse = "Warehouse " + std::to_string(warehouse);
  p.shipment_date = deadline;
  p.delivering_date = handed;
  return p;
}

core::Posting cancelled(std::string reason, std::string initiator, bool affects) {
  core::Posting p;
  p.status = core::PostingStatus::cancelled;
  p.cancellation.edit().reason = std::move(reason);
  p.cancellation.edit().initiator = std::move(initiator);
  p.cancellation.edit().affect_cancellation_rating = affects;
  return p;
}

}  // namespace

TEST_CASE("on-time rate: by day, warehouse and method") {
  const core::EpochMs may1 = utc(2024, 5, 1, 10);  // 13:00 Moscow
  const core::EpochMs may2 = utc(2024, 5, 2, 10);
  const std::vector<core::Posting> postings = {
      posting("1", 10, 100, may1, may1 - kHour),            // on time
      posting("2", 10, 100, may1, may1),                    // exactly at the deadline: on time
      posting("3", 10, 101, may1, may1 + 1),                // late by a millisecond
      posting("4", 20, 101, may2, may2 + 5 * kHour),        // late
      posting("5", 20, 100, may2, may2 - 5 * kHour),        // on time
      posting("6", 20, 100, utc(2024, 5, 2, 22), utc(2024, 5, 2, 21)),  // due 01:00 on May 3rd, Moscow
      posting("7", 10, 100, may2, 0),                                   // not handed over yet
      posting("8", 10, 100, 0, may2),                                   // no deadline
      posting("9", 10, 101, may1, may1 + kHour, core::PostingStatus::cancelled),
      posting("10", 30, 102, may1, may1 + kHour, core::PostingStatus::delivered),  // late
  };
  const core::OnTimeStats stats = core::on_time_stats(postings, kMoscow);
  CHECK(stats.total.shipped == 7);
  CHECK(stats.total.on_time == 4);
  CHECK(stats.total.late == 3);
  CHECK(stats.total.rate_bp() == 5714);

  REQUIRE(stats.by_day.size() == 3);
  CHECK(stats.by_day[0].key == "2024-05-01");
  CHECK(stats.by_day[0].shipped == 4);
  CHECK(stats.by_day[0].on_time == 2);
  CHECK(stats.by_day[1].key == "2024-05-02");
  CHECK(stats.by_day[1].shipped == 2);
  CHECK(stats.by_day[1].late == 1);
  CHECK(stats.by_day[2].key == "2024-05-03");
  CHECK(stats.by_day[2].rate_bp() == 10000);
  CHECK(stats.by_day[0].id == 0);

  // Worst first: warehouse 30 (0 of 1), then 10 and 20 (2 of 3, 1 late each: by key).
  REQUIRE(stats.by_warehouse.size() == 3);
  CHECK(stats.by_warehouse[0].id == 30);
  CHECK(stats.by_warehouse[0].rate_bp() == 0);
  CHECK(stats.by_warehouse[1].key == "Warehouse 10");
  CHECK(stats.by_warehouse[1].shipped == 3);
  CHECK(stats.by_warehouse[1].late == 1);
  CHECK(stats.by_warehouse[2].key == "Warehouse 20");
  CHECK(stats.by_warehouse[2].rate_bp() == 6666);

  REQUIRE(stats.by_method.size() == 3);
  CHECK(stats.by_method[0].id == 101);  // 0 of 2 on time: more late than method 102's 0 of 1
  CHECK(stats.by_method[0].late == 2);
  CHECK(stats.by_method[1].id == 102);
  CHECK(stats.by_method[2].id == 100);
  CHECK(stats.by_method[2].key == "Method 100");
  CHECK(stats.by_method[2].shipped == 4);
  CHECK(stats.by_method[2].rate_bp() == 10000);

  const core::OnTimeStats empty = core::on_time_stats({}, kMoscow);
  CHECK(empty.total.rate_bp() == -1);
  CHECK(empty.by_day.empty());
}

TEST_CASE("on-time rate: equal rates, more late postings first") {
  const core::EpochMs due = utc(2024, 5, 1, 10);
  std::vector<core::Posting> postings;
  // Warehouse 1: 1 of 2 on time; warehouse 2: 2 of 4 on time -> both 50 %, warehouse 2 first.
  postings.push_back(posting("a", 1, 1, due, due));
  postings.push_back(posting("b", 1, 1, due, due + 1));
  for (int i = 0; i < 2; ++i) postings.push_back(posting("c", 2, 1, due, due));
  for (int i = 0; i < 2; ++i) postings.push_back(posting("d", 2, 1, due, due + 1));
  const auto stats = core::on_time_stats(postings, 0);
  REQUIRE(stats.by_warehouse.size() == 2);
  CHECK(stats.by_warehouse[0].id == 2);
  CHECK(stats.by_warehouse[1].id == 1);
}

TEST_CASE("cancellations: by reason and by who cancelled") {
  std::vector<core::Posting> postings = {
      cancelled("Покупатель передумал", "buyer", false),
      cancelled("Нет в наличии", "seller", true),
      cancelled("Нет в наличии", "seller", true),
      cancelled("", "", false),
      cancelled("Нет в наличии", "ozon", false),
  };
  postings.push_back(posting("ok", 1, 1, 1, 1));
  postings.push_back(posting("split", 1, 1, 1, 0, core::PostingStatus::cancelled_from_split_pending));

  const core::CancellationStats stats = core::cancellation_stats(postings);
  CHECK(stats.total == 7);
  CHECK(stats.cancelled == 5);
  REQUIRE(stats.by_reason.size() == 3);
  CHECK(stats.by_reason[0].key == "Нет в наличии");
  CHECK(stats.by_reason[0].count == 3);
  CHECK(stats.by_reason[0].affect_rating == 2);
  CHECK(stats.by_reason[1].key == "unknown");  // ties by key: "u" < Cyrillic bytes
  CHECK(stats.by_reason[2].key == "Покупатель передумал");
  REQUIRE(stats.by_initiator.size() == 4);
  CHECK(stats.by_initiator[0].key == "seller");
  CHECK(stats.by_initiator[0].count == 2);
  CHECK(stats.by_initiator[0].affect_rating == 2);
  CHECK(stats.by_initiator[1].key == "buyer");
  CHECK(stats.by_initiator[2].key == "ozon");
  CHECK(stats.by_initiator[3].key == "unknown");
  CHECK(stats.by_initiator[3].affect_rating == 0);
}
