// Numbers requests and replies: the seller rating (/v1/rating/summary,
// /history), sales analytics (/v1/analytics/data) and finance operations
// (/v3/finance/transaction/list, /totals). Replies: the spec's own examples
// (analytics, finance list and totals; the rating methods have none in the
// spec, their fixtures follow its schemas field by field), then wrongly typed
// and malformed replies refused. Requests: limits refused, dates formatted as
// the spec says.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ozon/endpoints.h"
#include "ozon/json_read.h"
#include "ozon/parsers.h"
#include "ozon/requests.h"
#include "ozon_test_support.h"

using namespace ozon;
using nlohmann::json;

namespace {

json body_of(const net::HttpRequest& r) { return json::parse(r.body); }
core::EpochMs at(const char* iso) { return json_read::parse_iso8601(iso).value_or(0); }
constexpr core::EpochMs kDay = 86'400'000;

}  // namespace

// ---- builders ---------------------------------------------------------------------------

TEST_CASE("numbers: rating summary and history requests") {
  const auto summary = build_rating_summary();
  CHECK(summary.path == endpoint::kRatingSummary);
  CHECK(body_of(summary) == json::object());

  const auto history = build_rating_history({"rating_on_time", "rating_shipment_delay"}, at("2026-11-01T00:00:00Z"),
                                            at("2026-11-20T09:30:00Z"));
  REQUIRE(history);
  CHECK(history->path == endpoint::kRatingHistory);
  const auto b = body_of(*history);
  CHECK(b["ratings"] == json({"rating_on_time", "rating_shipment_delay"}));
  CHECK(b["date_from"] == "2026-11-01T00:00:00.000Z");
  CHECK(b["date_to"] == "2026-11-20T09:30:00.000Z");
  CHECK_FALSE(build_rating_history({}, at("2026-11-01T00:00:00Z"), at("2026-11-02T00:00:00Z")));
  CHECK_FALSE(build_rating_history({""}, at("2026-11-01T00:00:00Z"), at("2026-11-02T00:00:00Z")));
  CHECK(build_rating_history({"rating_on_time"}, at("2026-11-02T00:00:00Z"), at("2026-11-01T00:00:00Z")).error().kind ==
        ErrorKind::invalid_request);
  CHECK_FALSE(build_rating_history({"rating_on_time"}, at("2026-11-02T00:00:00Z"), at("2026-11-02T00:00:00Z")));
}

TEST_CASE("numbers: analytics request within the spec's limits") {
  const auto r = build_analytics_data("2026-11-01", "2026-11-20", {"day"}, {"revenue", "ordered_units"});
  REQUIRE(r);
  CHECK(r->path == endpoint::kAnalyticsData);
  const auto b = body_of(*r);
  CHECK(b["date_from"] == "2026-11-01");
  CHECK(b["date_to"] == "2026-11-20");
  CHECK(b["dimension"] == json({"day"}));
  CHECK(b["metrics"] == json({"revenue", "ordered_units"}));
  CHECK(b["limit"] == 1000);
  CHECK(b["offset"] == 0);
  CHECK(body_of(*build_analytics_data("2026-11-01", "2026-11-01", {"sku", "day"}, {"revenue"}, 1, 2000))["offset"] ==
        2000);

  // Limits: 1..14 metrics, limit 1..1000, known names, real dates in order.
  std::vector<std::string> fifteen(15, "revenue");
  CHECK_FALSE(build_analytics_data("2026-11-01", "2026-11-20", {"day"}, fifteen));
  CHECK(build_analytics_data("2026-11-01", "2026-11-20", {"day"}, std::vector<std::string>(14, "revenue")));
  CHECK_FALSE(build_analytics_data("2026-11-01", "2026-11-20", {"day"}, {}));
  CHECK_FALSE(build_analytics_data("2026-11-01", "2026-11-20", {}, {"revenue"}));
  CHECK_FALSE(build_analytics_data("2026-11-01", "2026-11-20", {"day"}, {"revenue"}, 0));
  CHECK_FALSE(build_analytics_data("2026-11-01", "2026-11-20", {"day"}, {"revenue"}, 1001));
  CHECK(build_analytics_data("2026-11-01", "2026-11-20", {"day"}, {"revenue"}, 1));
  CHECK_FALSE(build_analytics_data("2026-11-01", "2026-11-20", {"day"}, {"revenue"}, 10, -1));
  CHECK_FALSE(build_analytics_data("2026-11-01", "2026-11-20", {"hour"}, {"revenue"}));
  CHECK_FALSE(build_analytics_data("2026-11-01", "2026-11-20", {"day"}, {"profit"}));
  CHECK_FALSE(build_analytics_data("2026-11-20", "2026-11-01", {"day"}, {"revenue"}));
  CHECK_FALSE(build_analytics_data("2026-02-30", "2026-03-01", {"day"}, {"revenue"}));
  CHECK_FALSE(build_analytics_data("2026-11-01T00:00:00Z", "2026-11-20", {"day"}, {"revenue"}));
  CHECK_FALSE(build_analytics_data("", "2026-11-20", {"day"}, {"revenue"}));
}

TEST_CASE("numbers: finance list request, one month at most, dates with milliseconds") {
  const core::EpochMs from = at("2026-10-31T21:00:00Z");  // 1 November, Moscow midnight
  const core::EpochMs to = at("2026-11-30T21:00:00Z");    // 1 December, exclusive
  const auto r = build_finance_transactions(from, to, 1);
  REQUIRE(r);
  CHECK(r->path == endpoint::kFinanceTransactionList);
  const auto b = body_of(*r);
  CHECK(b["filter"]["date"]["from"] == "2026-10-31T21:00:00.000Z");
  CHECK(b["filter"]["date"]["to"] == "2026-11-30T20:59:59.999Z");  // inclusive end: 1 ms before the next window
  CHECK(b["filter"]["transaction_type"] == "all");
  CHECK_FALSE(b["filter"].contains("posting_number"));  // filter is oneOf {date} | {posting_number}
  CHECK(b["page"] == 1);
  CHECK(b["page_size"] == 1000);
  CHECK(body_of(*build_finance_transactions(from, to, 3, 50, "orders"))["filter"]["transaction_type"] == "orders");

  // A 31-day month is one window; a day more is refused, and so is an empty one.
  CHECK(build_finance_transactions(from, from + 31 * kDay, 1));
  CHECK(build_finance_transactions(from, from + 31 * kDay + 1, 1).error().kind == ErrorKind::invalid_request);
  CHECK_FALSE(build_finance_transactions(from, from, 1));
  CHECK_FALSE(build_finance_transactions(to, from, 1));
  CHECK_FALSE(build_finance_transactions(0, to, 1));
  CHECK_FALSE(build_finance_transactions(from, to, 0));
  CHECK_FALSE(build_finance_transactions(from, to, 1, 0));
  CHECK_FALSE(build_finance_transactions(from, to, 1, 1001));
  CHECK(build_finance_transactions(from, to, 1, 1000));
  CHECK_FALSE(build_finance_transactions(from, to, 1, 1000, "refunds"));

  const auto posting = build_finance_transactions_of_posting("87621408-0010-1", 2, 100);
  REQUIRE(posting);
  const auto pb = body_of(*posting);
  CHECK(pb["filter"]["posting_number"] == "87621408-0010-1");
  CHECK_FALSE(pb["filter"].contains("date"));
  CHECK(pb["page"] == 2);
  CHECK(pb["page_size"] == 100);
  CHECK_FALSE(build_finance_transactions_of_posting(""));
  CHECK_FALSE(build_finance_transactions_of_posting("1-2-3", 0));
  CHECK_FALSE(build_finance_transactions_of_posting("1-2-3", 1, 1001));
}

TEST_CASE("numbers: finance totals request") {
  const core::EpochMs from = at("2026-10-31T21:00:00Z");
  const auto r = build_finance_totals(from, from + 30 * kDay);
  REQUIRE(r);
  CHECK(r->path == endpoint::kFinanceTransactionTotals);
  const auto b = body_of(*r);
  CHECK(b == json({{"date", {{"from", "2026-10-31T21:00:00.000Z"}, {"to", "2026-11-30T20:59:59.999Z"}}},
                   {"transaction_type", "all"}}));
  CHECK(body_of(*build_finance_totals(from, from + kDay, "returns"))["transaction_type"] == "returns");
  CHECK_FALSE(build_finance_totals(from, from + 32 * kDay));
  CHECK_FALSE(build_finance_totals(from, from));
  CHECK_FALSE(build_finance_totals(from, from + kDay, "everything"));
}

// ---- parsers: the spec's examples -------------------------------------------------------

TEST_CASE("numbers: finance operations from the spec's example") {
  const auto page = parse_finance_transactions(ozon_test::fixture("finance_transactions.json"));
  REQUIRE(page);
  CHECK(page->page_count == 1);
  CHECK(page->row_count == 355);
  REQUIRE(page->operations.size() == 1);
  const auto& op = page->operations[0];
  CHECK(op.operation_id == 11401182187840);
  CHECK(op.operation_type == "MarketplaceMarketingActionCostOperation");
  CHECK(op.operation_type_name == "Услуги продвижения товаров");
  CHECK(op.type == "services");
  CHECK(op.operation_date == at("2021-10-31T21:00:00Z"));  // "2021-11-01 00:00:00", Moscow time
  CHECK(op.amount == -646);
  CHECK(op.accruals_for_sale == 0);
  CHECK(op.sale_commission == 0);
  CHECK(op.posting_number.empty());
  CHECK(op.warehouse_id == 0);
  CHECK(op.services.empty());
  CHECK(op.items.empty());
}

TEST_CASE("numbers: a sale with its services, kopecks exact") {
  const char* body = R"({"result": {"operations": [{
      "operation_id": 1, "operation_type": "OperationAgentDeliveredToCustomer",
      "operation_date": "2026-11-18 14:05:00", "operation_type_name": "Доставка покупателю",
      "delivery_charge": 0, "return_delivery_charge": 0, "accruals_for_sale": 1990.1,
      "sale_commission": -238.81, "amount": 1560.09, "type": "orders",
      "posting": {"delivery_schema": "FBS", "order_date": "2026-11-15 10:00:00",
                  "posting_number": "87621408-0010-1", "warehouse_id": 1020000089564000},
      "items": [{"name": "Кружка", "sku": 1400012345}],
      "services": [{"name": "MarketplaceServiceItemDirectFlowLogistic", "price": -130.2},
                   {"name": "MarketplaceServiceItemDelivToCustomer", "price": -40},
                   {"name": "MarketplaceServiceItemDropoffPVZ", "price": -21}]}],
    "page_count": 3, "row_count": 2001}})";
  const auto page = parse_finance_transactions(body);
  REQUIRE(page);
  REQUIRE(page->operations.size() == 1);
  const auto& op = page->operations[0];
  CHECK(op.operation_date == at("2026-11-18T11:05:00Z"));
  CHECK(op.accruals_for_sale == 199010);
  CHECK(op.sale_commission == -23881);
  CHECK(op.amount == 156009);
  REQUIRE(op.services.size() == 3);
  CHECK(op.services[0].name == "MarketplaceServiceItemDirectFlowLogistic");
  CHECK(op.services[0].price == -13020);
  core::Kopecks sum = op.accruals_for_sale + op.sale_commission;
  for (const auto& s : op.services) sum += s.price;
  CHECK(sum == op.amount);
  CHECK(op.posting_number == "87621408-0010-1");
  CHECK(op.delivery_schema == "FBS");
  CHECK(op.warehouse_id == 1020000089564000);
  REQUIRE(op.items.size() == 1);
  CHECK(op.items[0].sku == 1400012345);
  CHECK(page->page_count == 3);
  CHECK(page->row_count == 2001);
  // Half a kopeck written out rounds away from zero, as the decimal text says.
  const auto halves = parse_finance_transactions(
      R"({"result": {"operations": [{"amount": 1.005, "sale_commission": -0.015}], "page_count": 1, "row_count": 1}})");
  REQUIRE(halves);
  CHECK(halves->operations[0].amount == 101);
  CHECK(halves->operations[0].sale_commission == -2);
}

TEST_CASE("numbers: finance totals from the spec's example") {
  const auto t = parse_finance_totals(ozon_test::fixture("finance_totals.json"));
  REQUIRE(t);
  CHECK(t->accruals_for_sale == 9664758);
  CHECK(t->sale_commission == -1145665);
  CHECK(t->processing_and_delivery == -2440568);
  CHECK(t->refunds_and_cancellations == -33000);
  CHECK(t->services_amount == -130757);
  CHECK(t->compensation_amount == 0);
  CHECK(t->money_transfer == 0);
  CHECK(t->others_amount == 11305);
}

TEST_CASE("numbers: analytics from the spec's example and with rows") {
  const auto empty = parse_analytics_data(ozon_test::fixture("analytics_data.json"), 1000);
  REQUIRE(empty);
  CHECK(empty->items.empty());
  CHECK_FALSE(empty->has_next);

  const char* body = R"({"result": {"data": [
      {"dimensions": [{"id": "2026-11-18", "name": ""}], "metrics": [12990.5, 7]},
      {"dimensions": [{"id": "2026-11-19", "name": ""}], "metrics": [0, 0]}],
      "totals": [12990.5, 7]}, "timestamp": "2026-11-20 12:30:00"})";
  const auto full = parse_analytics_data(body, 2, 4);
  REQUIRE(full);
  REQUIRE(full->items.size() == 2);
  CHECK(full->items[0].dimension_ids == std::vector<std::string>{"2026-11-18"});
  CHECK(full->items[0].metrics == std::vector<double>{12990.5, 7});
  CHECK(full->has_next);        // a full page: there may be more
  CHECK(full->cursor == "6");   // the next offset
  const auto last = parse_analytics_data(body, 1000);
  REQUIRE(last);
  CHECK_FALSE(last->has_next);
}

TEST_CASE("numbers: rating summary, the spec's enums to the core's") {
  const auto s = parse_rating_summary(ozon_test::fixture("rating_summary.json"));
  REQUIRE(s);
  REQUIRE(s->indicators.size() == 5);
  const auto& price = s->indicators[0];
  CHECK(price.rating == "rating_price");
  CHECK(price.name == "Индекс цен");
  CHECK(price.group == "Индекс цен и оценки");
  CHECK(price.current_value == doctest::Approx(1.07));
  CHECK(price.past_value == doctest::Approx(1.03));
  CHECK(price.direction == core::RatingDirection::lower_is_better);
  CHECK(price.status == core::RatingStatus::warning);
  CHECK(price.value_type == core::RatingValueType::index);
  CHECK(s->indicators[1].direction == core::RatingDirection::higher_is_better);
  CHECK(s->indicators[1].value_type == core::RatingValueType::review_score);
  CHECK(s->indicators[2].status == core::RatingStatus::critical);
  CHECK(s->indicators[2].value_type == core::RatingValueType::percent);
  CHECK(s->indicators[2].group == "Выполнение заказов");
  CHECK(s->indicators[3].direction == core::RatingDirection::unknown);  // NEUTRAL
  CHECK(s->indicators[3].status == core::RatingStatus::unknown);
  CHECK(s->indicators[3].value_type == core::RatingValueType::time);
  CHECK(s->indicators[4].value_type == core::RatingValueType::ratio);  // RATIO
  CHECK(s->premium);
  CHECK_FALSE(s->premium_plus);
  CHECK_FALSE(s->penalty_score_exceeded);
  CHECK(s->localization_percentage == 64);  // the latest calculation
  const auto bare = parse_rating_summary(R"({"groups": []})");
  REQUIRE(bare);
  CHECK(bare->indicators.empty());
  CHECK_FALSE(bare->localization_percentage.has_value());
}

TEST_CASE("numbers: rating history with thresholds, oldest value first") {
  const auto h = parse_rating_history(ozon_test::fixture("rating_history.json"));
  REQUIRE(h);
  REQUIRE(h->size() == 2);
  const auto& delay = (*h)[0];
  CHECK(delay.rating == "rating_shipment_delay");
  CHECK(delay.danger_threshold == 10);
  CHECK(delay.warning_threshold == 5);
  CHECK_FALSE(delay.premium_threshold.has_value());
  REQUIRE(delay.values.size() == 2);
  CHECK(delay.values[0].date_from == at("2026-11-18T00:00:00Z"));
  CHECK(delay.values[0].value == doctest::Approx(4.5));
  CHECK(delay.values[1].date_to == at("2026-11-19T23:59:59Z"));
  CHECK((*h)[1].premium_threshold == 97);
  CHECK((*h)[1].values.empty());
}

// ---- parsers: refusals ------------------------------------------------------------------

TEST_CASE("numbers: wrongly typed and malformed replies are refused") {
  auto refused = [](const auto& result) {
    return !result.ok() && result.error().kind == ErrorKind::malformed_reply && !result.error().message.empty();
  };
  for (const char* bad : {"", "<html>502</html>", "{\"result\": ", "[1, 2]", "null", "42"}) {
    CHECK(refused(parse_rating_summary(bad)));
    CHECK(refused(parse_rating_history(bad)));
    CHECK(refused(parse_analytics_data(bad, 10)));
    CHECK(refused(parse_finance_transactions(bad)));
    CHECK(refused(parse_finance_totals(bad)));
  }
  // Rating.
  CHECK(refused(parse_rating_summary("{}")));
  CHECK(refused(parse_rating_summary(R"({"groups": {"items": []}})")));
  CHECK(refused(parse_rating_summary(R"({"groups": [5]})")));
  CHECK(refused(parse_rating_summary(R"({"groups": [{"items": [{"rating": "r", "current_value": "high"}]}]})")));
  CHECK(refused(parse_rating_summary(R"({"groups": [{"items": [{"rating": "r", "current_value": [1]}]}]})")));
  CHECK(refused(parse_rating_summary(R"({"groups": [{"items": "none"}]})")));
  CHECK(refused(parse_rating_summary(R"({"groups": [], "premium": "maybe"})")));
  CHECK(refused(parse_rating_history(R"({"ratings": "rating_on_time"})")));
  CHECK(refused(parse_rating_history(R"({"ratings": [{"rating": "r", "values": [{"value": {}}]}]})")));
  CHECK(refused(parse_rating_history(R"({"ratings": [{"rating": "r", "danger_threshold": "ten"}]})")));
  CHECK(refused(parse_rating_history(R"({"ratings": [{"rating": "r", "values": [{"date_from": "yesterday"}]}]})")));
  // Analytics.
  CHECK(refused(parse_analytics_data(R"({"data": []})", 10)));
  CHECK(refused(parse_analytics_data(R"({"result": {"data": {}}})", 10)));
  CHECK(refused(parse_analytics_data(R"({"result": {"data": [{"metrics": ["many"]}]}})", 10)));
  CHECK(refused(parse_analytics_data(R"({"result": {"data": [{"dimensions": [7]}]}})", 10)));
  // Finance.
  CHECK(refused(parse_finance_transactions(R"({"operations": []})")));
  CHECK(refused(parse_finance_transactions(R"({"result": {"operations": 3}})")));
  CHECK(refused(parse_finance_transactions(R"({"result": {"operations": [{"amount": {"value": 5}}]}})")));
  CHECK(refused(parse_finance_transactions(R"({"result": {"operations": [{"amount": 1e300}]}})")));
  CHECK(refused(parse_finance_transactions(R"({"result": {"operations": [{"operation_date": "soon"}]}})")));
  CHECK(refused(parse_finance_transactions(R"({"result": {"operations": [{"services": [{"price": true}]}]}})")));
  CHECK(refused(parse_finance_transactions(R"({"result": {"operations": [{"posting": "87621408-0010-1"}]}})")));
  CHECK(refused(parse_finance_transactions(R"({"result": {"operations": [], "page_count": -1}})")));
  CHECK(refused(parse_finance_totals(R"({"result": {"accruals_for_sale": "lots"}})")));
  CHECK(refused(parse_finance_totals(R"({"accruals_for_sale": 1})")));
  // Deep nesting is refused before parsing.
  std::string deep(5000, '[');
  deep = std::string("{\"result\": ").append(deep);
  CHECK(refused(parse_finance_transactions(deep)));
  CHECK(refused(parse_rating_summary(deep)));
  // Numbers as text are read (docs and reality disagree now and then).
  const auto texts = parse_finance_totals(R"({"result": {"accruals_for_sale": "12.34"}})");
  REQUIRE(texts);
  CHECK(texts->accruals_for_sale == 1234);
}
