// The demo marketplace's numbers: finance operations consistent with its
// postings (each operation's amount is its parts, a posting's operations sum
// to its totals, the window's totals to the window's operations), the
// one-month window, paging, the rating from the postings and its thresholds,
// analytics (rate limit, Premium Plus), and every reply against the spec's
// 200-response keys and types (tests/fixtures/ozon/numbers_reply_schemas.json).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "ozon/json_read.h"
#include "ozon_test_support.h"
#include "sandbox_test_support.h"

using namespace sandbox_test;

namespace {

std::int64_t kop(const json& v) { return std::llround(v.get<double>() * 100.0); }

void check_keys(const json& spec, const json& j, const std::string& here, const std::string& route) {
  if (j.is_array()) {
    for (const auto& item : j) check_keys(spec, item, here + "[]", route);
    return;
  }
  if (!j.is_object()) return;
  for (const auto& item : j.items()) {  // no structured binding: clang 14 cannot capture one in CHECK_MESSAGE
    const json& value = item.value();
    const std::string path = here + "/" + item.key();
    REQUIRE_MESSAGE(spec.contains(path), route << ": not in the spec: " << path);
    const std::string type = spec[path].get<std::string>();
    const bool ok = value.is_null() || type.empty() || (type == "integer" && value.is_number_integer()) ||
                    (type == "number" && value.is_number()) || (type == "string" && value.is_string()) ||
                    (type == "boolean" && value.is_boolean()) || (type == "object" && value.is_object()) ||
                    (type == "array" && value.is_array());
    CHECK_MESSAGE(ok, route << ": " << path << " is not a " << type << ": " << value.dump());
    check_keys(spec, value, path, route);
  }
}

void check_shape(std::string_view route, const json& reply) {
  static const json all = json::parse(ozon_test::fixture("numbers_reply_schemas.json"));
  const std::string r(route);
  REQUIRE(all.contains(r));
  check_keys(all[r], reply, "", r);
}

// The 31 days up to kNow (the demo's history lies in the two weeks before it).
const json kWindow = {{"from", "2026-10-21T00:00:00.000Z"}, {"to", "2026-11-20T23:59:59.999Z"}};

std::vector<json> all_operations(Sim& s, const json& filter, int page_size = 1000) {
  std::vector<json> out;
  for (int page = 1; page < 1000; ++page) {
    json r = s.call(ep::kFinanceTransactionList, {{"filter", filter}, {"page", page}, {"page_size", page_size}});
    REQUIRE(s.last.status == 200);
    for (const auto& op : r["result"]["operations"]) out.push_back(op);
    if (page >= r["result"]["page_count"].get<int>()) break;
  }
  return out;
}

std::int64_t totals_sum(const json& t) {
  std::int64_t sum = 0;
  for (const auto& item : t["result"].items()) sum += kop(item.value());
  return sum;
}

std::int64_t parts(const json& op) {
  std::int64_t sum = kop(op["accruals_for_sale"]) + kop(op["sale_commission"]) + kop(op["delivery_charge"]) +
                     kop(op["return_delivery_charge"]);
  for (const auto& sv : op["services"]) sum += kop(sv["price"]);
  return sum;
}

}  // namespace

TEST_CASE("sandbox numbers: finance operations add up, per operation, per posting and per window") {
  Sim s;
  const auto ops = all_operations(s, {{"date", kWindow}, {"transaction_type", "all"}});
  REQUIRE(ops.size() > 100);
  std::map<std::string, std::int64_t> payout, sale_of_posting;
  std::set<std::string> types, operation_types;
  std::int64_t amounts = 0, no_posting = 0;
  for (const auto& op : ops) {
    const std::int64_t amount = kop(op["amount"]);
    amounts += amount;
    types.insert(op["type"].get<std::string>());
    operation_types.insert(op["operation_type"].get<std::string>());
    if (op["type"] == "transferDelivery") {
      CHECK(amount > 0);  // what the buyer paid for delivery (rFBS)
      CHECK(op["posting"]["delivery_schema"] == "RFBS");
    } else {
      CHECK_MESSAGE(parts(op) == amount, op.dump());
    }
    const std::string number = op["posting"]["posting_number"].get<std::string>();
    if (number.empty()) {
      ++no_posting;
      continue;
    }
    payout[number] += amount;
    if (op["operation_type"] == "OperationAgentDeliveredToCustomer") {
      sale_of_posting[number] = kop(op["accruals_for_sale"]);
      const double rate = -op["sale_commission"].get<double>() / op["accruals_for_sale"].get<double>();
      CHECK(rate >= 0.079);
      CHECK(rate <= 0.151);
    }
  }
  CHECK(types == std::set<std::string>{"orders", "returns", "services", "transferDelivery", "other"});
  for (const char* t : {"OperationAgentDeliveredToCustomer", "ClientReturnAgentOperation",
                        "MarketplaceSellerReexposureDeliveryReturnOperation", "OperationMarketplaceServiceStorage",
                        "MarketplaceMarketingActionCostOperation", "MarketplaceRedistributionOfAcquiringOperation"})
    CHECK_MESSAGE(operation_types.count(t) == 1, t);
  CHECK(no_posting >= 5);

  // The window's totals are its operations.
  json totals = s.call(ep::kFinanceTransactionTotals, {{"date", kWindow}, {"transaction_type", "all"}});
  REQUIRE(s.last.status == 200);
  check_shape(ep::kFinanceTransactionTotals, totals);
  CHECK(totals_sum(totals) == amounts);

  // The sale is the posting's products at their prices; delivered postings have one.
  std::int64_t delivered = 0, losing = 0;
  for (const auto& p : s.all()) {
    const std::string number = p["posting_number"].get<std::string>();
    if (p["status"] != "delivered") continue;
    ++delivered;
    std::int64_t sale = 0;
    for (const auto& pr : p["products"])
      sale += *ozon::json_read::parse_minor_units(pr["price"]["amount"].get<std::string>()) *
              pr["quantity"].get<std::int64_t>();
    REQUIRE(sale_of_posting.count(number) == 1);
    CHECK(sale_of_posting[number] == sale);
    if (payout[number] < 0) ++losing;
  }
  CHECK(delivered > 50);
  CHECK(losing >= 1);  // fees above the sale (and returned postings)

  // One posting: its operations by posting_number, and the same sums in its totals.
  const std::string some = sale_of_posting.begin()->first;
  const auto own = all_operations(s, {{"posting_number", some}});
  REQUIRE(!own.empty());
  std::int64_t own_sum = 0;
  for (const auto& op : own) {
    CHECK(op["posting"]["posting_number"] == some);
    own_sum += kop(op["amount"]);
  }
  CHECK(own_sum == payout[some]);
  json own_totals = s.call(ep::kFinanceTransactionTotals, {{"posting_number", some}});
  REQUIRE(s.last.status == 200);
  CHECK(totals_sum(own_totals) == payout[some]);

  // By transaction type: the orders are a part, their totals theirs.
  const auto orders = all_operations(s, {{"date", kWindow}, {"transaction_type", "orders"}});
  CHECK(!orders.empty());
  CHECK(orders.size() < ops.size());
  std::int64_t order_sum = 0;
  for (const auto& op : orders) {
    CHECK(op["type"] == "orders");
    order_sum += kop(op["amount"]);
  }
  json order_totals = s.call(ep::kFinanceTransactionTotals, {{"date", kWindow}, {"transaction_type", "orders"}});
  CHECK(totals_sum(order_totals) == order_sum);
  CHECK(kop(order_totals["result"]["money_transfer"]) == 0);
}

TEST_CASE("sandbox numbers: the finance window is one month at most, paging by page and page_size") {
  Sim s;
  const json month = {{"from", "2026-10-20T00:00:00Z"}, {"to", "2026-11-20T00:00:00Z"}};  // 31 days
  s.call(ep::kFinanceTransactionList, {{"filter", {{"date", month}}}, {"page", 1}, {"page_size", 10}});
  CHECK(s.last.status == 200);
  const json longer = {{"from", "2026-10-19T23:59:59Z"}, {"to", "2026-11-20T00:00:00Z"}};
  for (auto path : {ep::kFinanceTransactionList, ep::kFinanceTransactionTotals}) {
    json e = s.call(path, {{"filter", {{"date", longer}}}, {"date", longer}, {"page", 1}, {"page_size", 10}});
    CHECK_MESSAGE(s.last.status == 400, path);
    CHECK(e["code"] == 3);
    CHECK(e["details"].is_array());
    CHECK(e["message"].get<std::string>().find("month") != std::string::npos);
  }
  // Nothing to filter by, pages and sizes out of range, junk.
  s.call(ep::kFinanceTransactionList, {{"filter", json::object()}, {"page", 1}, {"page_size", 10}});
  CHECK(s.last.status == 400);
  s.call(ep::kFinanceTransactionTotals, json::object());
  CHECK(s.last.status == 400);
  s.call(ep::kFinanceTransactionList, {{"filter", {{"date", month}}}, {"page", 0}, {"page_size", 10}});
  CHECK(s.last.status == 400);
  s.call(ep::kFinanceTransactionList, {{"filter", {{"date", month}}}, {"page", 1}, {"page_size", 1001}});
  CHECK(s.last.status == 400);
  s.call(ep::kFinanceTransactionList, {{"filter", {{"date", month}}}, {"page", 1}});
  CHECK(s.last.status == 400);
  s.call(ep::kFinanceTransactionList, {{"filter", {{"date", month}, {"transaction_type", "refunds"}}}, {"page", 1},
                                       {"page_size", 10}});
  CHECK(s.last.status == 400);
  s.call(ep::kFinanceTransactionList, {{"filter", {{"date", "last month"}}}, {"page", 1}, {"page_size", 10}});
  CHECK(s.last.status == 400);
  const json backwards = {{"from", "2026-11-20T00:00:00Z"}, {"to", "2026-11-01T00:00:00Z"}};
  s.call(ep::kFinanceTransactionList, {{"filter", {{"date", backwards}}}, {"page", 1}, {"page_size", 10}});
  CHECK(s.last.status == 400);

  // Pages of 7 make up the page of 1000; past the last page: none.
  const auto whole = all_operations(s, {{"date", month}});
  json first = s.call(ep::kFinanceTransactionList, {{"filter", {{"date", month}}}, {"page", 1}, {"page_size", 7}});
  check_shape(ep::kFinanceTransactionList, first);
  const auto rows = first["result"]["row_count"].get<std::int64_t>();
  CHECK(rows == static_cast<std::int64_t>(whole.size()));
  CHECK(first["result"]["page_count"] == (rows + 6) / 7);
  const auto paged = all_operations(s, {{"date", month}}, 7);
  REQUIRE(paged.size() == whole.size());
  for (std::size_t i = 0; i < whole.size(); ++i) CHECK(paged[i]["operation_id"] == whole[i]["operation_id"]);
  json past = s.call(ep::kFinanceTransactionList,
                     {{"filter", {{"date", month}}}, {"page", (rows + 6) / 7 + 1}, {"page_size", 7}});
  CHECK(s.last.status == 200);
  CHECK(past["result"]["operations"].empty());
  // Dates: Moscow "YYYY-MM-DD HH:MM:SS", inside the window, oldest first; ids unique.
  std::set<std::int64_t> ids;
  std::string previous;
  for (const auto& op : whole) {
    const std::string d = op["operation_date"].get<std::string>();
    REQUIRE(d.size() == 19);
    CHECK(d[10] == ' ');
    CHECK(d >= previous);
    previous = d;
    ids.insert(op["operation_id"].get<std::int64_t>());
  }
  CHECK(ids.size() == whole.size());
}

TEST_CASE("sandbox numbers: the rating follows the postings and its thresholds") {
  Sim s;
  json summary = s.call(ep::kRatingSummary, json::object());
  REQUIRE(s.last.status == 200);
  check_shape(ep::kRatingSummary, summary);
  std::map<std::string, json> by_rating;
  int warnings = 0;
  for (const auto& g : summary["groups"])
    for (const auto& item : g["items"]) {
      by_rating[item["rating"].get<std::string>()] = item;
      warnings += item["status"] == "WARNING" ? 1 : 0;
    }
  CHECK(warnings >= 1);
  for (const char* r : {"rating_on_time", "rating_review_avg_score_total", "rating_price", "rating_order_cancellation",
                        "rating_shipment_delay", "rating_ssl"})
    CHECK_MESSAGE(by_rating.count(r) == 1, r);
  CHECK(by_rating["rating_shipment_delay"]["rating_direction"] == "LOWER_IS_BETTER");
  CHECK(by_rating["rating_on_time"]["rating_direction"] == "HIGHER_IS_BETTER");

  // The shipment delay and cancellation share, counted from the postings as the sandbox documents.
  const core::EpochMs today = at("2026-11-19T21:00:00Z");  // 20 November, Moscow midnight
  const core::EpochMs day = 86'400'000;
  std::int64_t due = 0, late = 0, made = 0, cancelled = 0;
  for (const auto& p : s.all()) {
    const std::string status = p["status"].get<std::string>();
    const core::EpochMs deadline = at(p["shipment_date"].get<std::string>().c_str());
    const core::EpochMs created = at(p["in_process_at"].get<std::string>().c_str());
    const bool gone = status == "cancelled" || status == "cancelled_from_split_pending";
    if (!gone && deadline >= today - 8 * day && deadline < today - day) {
      ++due;
      if (p["delivering_date"].is_null() || at(p["delivering_date"].get<std::string>().c_str()) > deadline) ++late;
    }
    if (created >= today - 8 * day && created < today - day) {
      ++made;
      if (gone && p["cancellation"]["affect_cancellation_rating"].get<bool>()) ++cancelled;
    }
  }
  REQUIRE(due > 0);
  REQUIRE(made > 0);
  const double delay = by_rating["rating_shipment_delay"]["current_value"].get<double>();
  CHECK(delay == doctest::Approx(std::round(10000.0 * static_cast<double>(late) / static_cast<double>(due)) / 100));
  CHECK(late >= 1);
  const double cancellation = by_rating["rating_order_cancellation"]["current_value"].get<double>();
  CHECK(cancellation ==
        doctest::Approx(std::round(10000.0 * static_cast<double>(cancelled) / static_cast<double>(made)) / 100));

  // History: a value a day, today's the summary's, the thresholds the statuses follow.
  json history = s.call(ep::kRatingHistory, {{"ratings", {"rating_shipment_delay", "rating_on_time", "rating_price"}},
                                             {"date_from", "2026-11-01T00:00:00.000Z"},
                                             {"date_to", "2026-11-20T09:30:00.000Z"}});
  REQUIRE(s.last.status == 200);
  check_shape(ep::kRatingHistory, history);
  REQUIRE(history["ratings"].size() == 3);
  for (const auto& r : history["ratings"]) {
    const std::string name = r["rating"].get<std::string>();
    const json& item = by_rating[name];
    const double warning = r["warning_threshold"].get<double>(), danger = r["danger_threshold"].get<double>();
    const bool higher = item["rating_direction"] == "HIGHER_IS_BETTER";
    CHECK(r["values"].size() == 20);
    CHECK(r["values"].back()["value"].get<double>() == doctest::Approx(item["current_value"].get<double>()));
    for (const auto& v : r["values"]) {
      const double x = v["value"].get<double>();
      CHECK(v["status"]["danger"].get<bool>() == (higher ? x < danger : x > danger));
      CHECK(v["status"]["warning"].get<bool>() == (higher ? x < warning : x > warning));
    }
    const double now = item["current_value"].get<double>();
    const bool past_danger = higher ? now < danger : now > danger;
    const bool past_warning = higher ? now < warning : now > warning;
    CHECK(item["status"] == (past_danger ? "CRITICAL" : past_warning ? "WARNING" : "OK"));
  }
  s.call(ep::kRatingHistory, {{"date_from", "2026-11-01T00:00:00Z"}, {"date_to", "2026-11-20T00:00:00Z"}});
  CHECK(s.last.status == 400);
  s.call(ep::kRatingHistory, {{"ratings", {"rating_on_time"}}, {"date_from", "first"}, {"date_to", "last"}});
  CHECK(s.last.status == 400);
}

TEST_CASE("sandbox numbers: analytics by day and sku, paged, rate limited, Premium Plus parts") {
  Sim s;
  const json by_day = {{"date_from", "2026-11-01"}, {"date_to", "2026-11-20"}, {"dimension", {"day"}},
                       {"metrics", {"revenue", "ordered_units"}}, {"limit", 1000}, {"offset", 0}};
  json days = s.call(ep::kAnalyticsData, by_day);
  REQUIRE(s.last.status == 200);
  check_shape(ep::kAnalyticsData, days);
  // Revenue and units of the postings made in the window (Moscow days).
  std::int64_t revenue = 0, units = 0;
  for (const auto& p : s.all()) {
    const core::EpochMs created = at(p["in_process_at"].get<std::string>().c_str());
    if (created < at("2026-10-31T21:00:00Z") || created >= at("2026-11-20T21:00:00Z")) continue;
    for (const auto& pr : p["products"]) {
      revenue += *ozon::json_read::parse_minor_units(pr["price"]["amount"].get<std::string>()) *
                 pr["quantity"].get<std::int64_t>();
      units += pr["quantity"].get<std::int64_t>();
    }
  }
  std::int64_t row_revenue = 0, row_units = 0;
  std::string previous;
  for (const auto& row : days["result"]["data"]) {
    const std::string id = row["dimensions"][0]["id"].get<std::string>();
    CHECK(id > previous);
    previous = id;
    row_revenue += kop(row["metrics"][0]);
    row_units += std::llround(row["metrics"][1].get<double>());
  }
  CHECK(row_revenue == revenue);
  CHECK(row_units == units);
  CHECK(kop(days["result"]["totals"][0]) == revenue);

  json skus = s.call(ep::kAnalyticsData, {{"date_from", "2026-11-01"}, {"date_to", "2026-11-20"},
                                          {"dimension", {"sku"}}, {"metrics", {"revenue", "ordered_units"}},
                                          {"limit", 5}, {"offset", 5}});
  REQUIRE(s.last.status == 200);
  CHECK(skus["result"]["data"].size() == 5);
  CHECK(!skus["result"]["data"][0]["dimensions"][0]["name"].get<std::string>().empty());
  CHECK(kop(skus["result"]["totals"][0]) == revenue);  // totals of the whole report, not the page

  // Three more calls reach 5 in the minute; the sixth is refused, a minute later it is answered.
  s.call(ep::kAnalyticsData, by_day);
  s.call(ep::kAnalyticsData, by_day);
  s.call(ep::kAnalyticsData, by_day);
  CHECK(s.last.status == 200);
  json e = s.call(ep::kAnalyticsData, by_day);
  CHECK(s.last.status == 429);
  CHECK(e["code"] == 8);
  s.t += 60'000;
  s.call(ep::kAnalyticsData, by_day);
  CHECK(s.last.status == 200);

  // Refusals: limits of the spec.
  s.t += 60'000;
  json bad = by_day;
  bad["limit"] = 1001;
  s.call(ep::kAnalyticsData, bad);
  CHECK(s.last.status == 400);
  bad = by_day;
  bad["metrics"] = json::array();
  s.call(ep::kAnalyticsData, bad);
  CHECK(s.last.status == 400);
  bad = by_day;
  bad.erase("date_to");
  s.call(ep::kAnalyticsData, bad);
  CHECK(s.last.status == 400);

  // Without Premium Plus: day and sku answer, the rest is Ozon's 403.
  s.t += 60'000;
  s.m.set_premium_plus(false);
  s.call(ep::kAnalyticsData, by_day);
  CHECK(s.last.status == 200);
  json weekly = by_day;
  weekly["dimension"] = {"week"};
  json refusal = s.call(ep::kAnalyticsData, weekly);
  CHECK(s.last.status == 403);
  CHECK(refusal["code"] == 7);
  CHECK(refusal["message"].get<std::string>().find("Premium Plus") != std::string::npos);
  s.m.set_premium_plus(true);
  json weeks = s.call(ep::kAnalyticsData, weekly);
  CHECK(s.last.status == 200);
  CHECK(kop(weeks["result"]["totals"][0]) == revenue);
}
