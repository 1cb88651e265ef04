// Every request builder against the request schema of Ozon's OpenAPI spec
// (tests/fixtures/ozon/request_schemas.json, extracted by
// tools/request_schemas.py): field names, JSON types, required fields,
// enums, item limits, date-time texts. Ozon refuses what the spec forbids
// (an unknown field, a number where an array of strings is declared); a
// builder that passes here sends nothing it could refuse for its shape.
//
// What a field means (a SKU or the seller's product_id) is in the fixture's
// descriptions; the tests of ozon_requests_test.cpp pin what goes in.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ozon/endpoints.h"
#include "ozon/json_read.h"
#include "ozon/requests.h"
#include "ozon_test_support.h"

using namespace ozon;
using nlohmann::json;

namespace {

const json& schemas() {
  static const json all = json::parse(ozon_test::fixture("request_schemas.json"));
  return all;
}

bool digits(const std::string& text, bool sign) {
  std::size_t at = sign && !text.empty() && text[0] == '-' ? 1 : 0;
  if (at >= text.size()) return false;
  for (; at < text.size(); ++at)
    if (text[at] < '0' || text[at] > '9') return false;
  return true;
}

// "2026-05-14T09:30:00Z", "...:00.123+03:00" (std::regex draws false GCC 12 warnings).
bool rfc3339(const std::string& text) {
  auto shape = [&](std::size_t from, const char* pattern) {  // '9' = a digit, others literal
    for (std::size_t i = 0; pattern[i] != 0; ++i) {
      if (from + i >= text.size()) return false;
      const char c = text[from + i];
      if (pattern[i] == '9' ? (c < '0' || c > '9') : c != pattern[i]) return false;
    }
    return true;
  };
  if (!shape(0, "9999-99-99T99:99:99")) return false;
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    ++at;
    const std::size_t digits_from = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    if (at == digits_from) return false;
  }
  if (at < text.size() && text[at] == 'Z') return at + 1 == text.size();
  return at + 6 == text.size() && (text[at] == '+' || text[at] == '-') && shape(at + 1, "99:99");
}

// What of `value` the schema forbids, as "where: why" lines.
void check(const json& value, const json& schema, const std::string& where, std::vector<std::string>* out) {
  const std::string type = schema.value("type", "");
  const std::string format = schema.value("format", "");
  auto fail = [&](const std::string& why) { out->push_back(where + ": " + why); };
  if (type == "object") {
    if (!value.is_object()) return fail("not an object");
    const json properties = schema.value("properties", json::object());
    for (const auto& [key, item] : value.items()) {
      if (!properties.contains(key)) {
        fail("unknown field " + key);
        continue;
      }
      check(item, properties[key], where + "." + key, out);
    }
    // A required name the schema does not declare is the spec's own slip (stocks[].quant_size,
    // switched off in June 2025, is "required" but no longer a property): not asked for.
    for (const auto& key : schema.value("required", json::array()))
      if (properties.contains(key.get<std::string>()) && !value.contains(key.get<std::string>()))
        fail("required field " + key.get<std::string>() + " missing");
  } else if (type == "array") {
    if (!value.is_array()) return fail("not an array");
    if (schema.contains("maxItems") && value.size() > schema["maxItems"].get<std::size_t>()) fail("too many items");
    if (schema.contains("minItems") && value.size() < schema["minItems"].get<std::size_t>()) fail("too few items");
    if (schema.contains("items"))
      for (std::size_t i = 0; i < value.size(); ++i) check(value[i], schema["items"], where + "[]", out);
  } else if (type == "string") {
    if (!value.is_string()) return fail("not a string");
    const std::string text = value.get<std::string>();
    if ((format == "int64" || format == "uint64") && !digits(text, format == "int64")) fail("not an integer text");
    if (format == "date-time" && !rfc3339(text)) fail("not an RFC 3339 date-time: " + text);
    if (schema.contains("enum")) {
      bool known = false;
      for (const auto& allowed : schema["enum"]) known = known || allowed == value;
      if (!known) fail("not one of the enum values: " + text);
    }
  } else if (type == "integer") {
    if (!value.is_number_integer()) return fail("not an integer");
    if (format == "int32" && (value.get<std::int64_t>() > INT32_MAX || value.get<std::int64_t>() < INT32_MIN))
      fail("beyond int32");
    if (format == "uint64" && value.is_number_integer() && !value.is_number_unsigned() && value.get<std::int64_t>() < 0)
      fail("negative uint64");
    if (schema.contains("maximum") && value.get<double>() > schema["maximum"].get<double>()) fail("above maximum");
    if (schema.contains("minimum") && value.get<double>() < schema["minimum"].get<double>()) fail("below minimum");
  } else if (type == "number") {
    if (!value.is_number()) fail("not a number");
  } else if (type == "boolean") {
    if (!value.is_boolean()) fail("not a boolean");
  }
}

// The request's violations of its endpoint's schema; "" when none.
std::string violations(const net::HttpRequest& request) {
  const json& requests = schemas()["requests"];
  if (!requests.contains(request.path)) return "no schema for " + request.path;
  std::vector<std::string> found;
  check(json::parse(request.body), requests[request.path], request.path, &found);
  std::string text;
  for (const auto& line : found) text.append(line).append("\n");
  return text;
}

const core::EpochMs kT = ozon::json_read::parse_iso8601("2026-05-14T09:30:00Z").value_or(0);

std::vector<std::string> many(const char* prefix, int count) {
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) out.push_back(std::string(prefix).append(std::to_string(i)));
  return out;
}

}  // namespace

TEST_CASE("the schema fixture covers every endpoint of the catalogue") {
  std::set<std::string> known;
  for (const auto& [path, schema] : schemas()["requests"].items()) known.insert(path);
  for (const auto& path : schemas()["not_in_spec"]) known.insert(path.get<std::string>());
  // Stock: both in the spec (the by-warehouse list has no v2).
  CHECK(schemas()["requests"].contains(std::string(endpoint::kStocksByWarehouse)));
  CHECK(schemas()["requests"].contains(std::string(endpoint::kProductStocks)));
  for (auto path : {endpoint::kPostingGet, endpoint::kPostingShip, endpoint::kProductCountrySet,
                    endpoint::kStocksUpdate, endpoint::kChatHistory, endpoint::kReturnsList,
                    endpoint::kActList, endpoint::kProductCancel, endpoint::kExemplarSet,
                    endpoint::kPostingList, endpoint::kWarehouseList, endpoint::kStocksByWarehouse,
                    endpoint::kProductStocks, endpoint::kChatRead, endpoint::kRfbsReturnsList,
                    endpoint::kRfbsReturnGet, endpoint::kRfbsVerify, endpoint::kRfbsReject, endpoint::kRfbsReceive,
                    endpoint::kRfbsReturnMoney, endpoint::kRfbsCompensate, endpoint::kReviewInfo,
                    endpoint::kReviewChangeStatus, endpoint::kReviewCommentList, endpoint::kRatingSummary,
                    endpoint::kRatingHistory, endpoint::kAnalyticsData, endpoint::kFinanceTransactionList,
                    endpoint::kFinanceTransactionTotals})
    CHECK_MESSAGE(known.count(std::string(path)) == 1, std::string(path));
}

TEST_CASE("posting builders send only what the spec allows") {
  CHECK(violations(build_posting_get("1-2-3")) == "");
  CHECK(violations(build_posting_get("1-2-3", PostingGetOptions{true, true, true, true, true, true, true})) == "");
  CHECK(violations(build_posting_get_by_barcode("20001234")) == "");
  CHECK(violations(build_ship("1-2-3", {{{10, 1}, {11, 2}}, {{12, 1}}}).value()) == "");
  CHECK(violations(build_ship_package("1-2-3", {{10, 1}}).value()) == "");
  CHECK(violations(build_multibox_qty_set("1-2-3", 3)) == "");
}

TEST_CASE("marking builders send only what the spec allows") {
  CHECK(violations(build_exemplar_create_or_get("1-2-3")) == "");
  CHECK(violations(build_exemplar_status("1-2-3")) == "");
  CHECK(violations(build_product_country_set("1-2-3", 123456, "CN")) == "");
  core::ExemplarData data;
  data.posting_number = "1-2-3";
  data.multi_box_qty = 2;
  core::ExemplarProduct product;
  product.product_id = 7;
  core::Exemplar e{};
  e.exemplar_id = 8;
  e.gtd = "10702070/011125/0012345";
  e.country_iso = "CN";  // set through product/country/set, not here
  e.marks = {{"0104600000000017215serial", "mandatory_mark", {}, {}}};
  product.exemplars = {e};
  data.products = {product};
  CHECK(violations(build_exemplar_set(data)) == "");
}

TEST_CASE("label, cancel and rFBS builders send only what the spec allows") {
  for (const auto& r : build_package_labels(many("p", 45))) CHECK(violations(r) == "");
  for (const auto& r : build_package_label_tasks(many("p", 45))) CHECK(violations(r) == "");
  CHECK(violations(build_package_label_get(5)) == "");
  CHECK(violations(build_cancel_reason_list()) == "");
  CHECK(violations(build_posting_cancel_reasons({"1-2-3", "1-2-4"})) == "");
  CHECK(violations(build_cancel("1-2-3", 352, "").value()) == "");
  CHECK(violations(build_cancel("1-2-3", 402, "Покупатель передумал").value()) == "");
  CHECK(violations(build_product_cancel("1-2-3", 352, "Нет в наличии", {{42, 1}}).value()) == "");
  const auto no_message = build_product_cancel("1-2-3", 352, "", {{42, 1}});
  if (no_message) CHECK(violations(no_message.value()) == "");  // the message is required here: refused or sent
  std::vector<TrackingNumber> numbers;
  for (const auto& n : many("p", 41)) numbers.push_back({n, "T" + n});
  for (const auto& r : build_tracking_numbers(numbers)) CHECK(violations(r) == "");
  for (auto change : {StatusChange::delivering, StatusChange::last_mile, StatusChange::delivered,
                      StatusChange::sent_by_seller})
    for (const auto& r : build_status_change(change, many("p", 25))) CHECK(violations(r) == "");
  CHECK(violations(build_cutoff_set("1-2-3", kT)) == "");
}

TEST_CASE("act builders send only what the spec allows") {
  CHECK(violations(build_act_create(77, kT)) == "");
  CHECK(violations(build_act_create(77, kT, 2)) == "");
  CHECK(violations(build_act_check_status(5)) == "");
  CHECK(violations(build_act_get_pdf(5)) == "");
  CHECK(violations(build_act_list({kT, kT + 86'400'000}).value()) == "");
  CHECK(violations(build_act_list({kT, kT + 86'400'000}, {"ready"}, 50).value()) == "");
  const auto no_dates = build_act_list({});
  if (no_dates) CHECK(violations(no_dates.value()) == "");  // date_from, date_to required: refused or sent
}

TEST_CASE("catalogue and stock builders send only what the spec allows") {
  std::vector<StockUpdate> updates;
  for (int i = 0; i < 150; ++i) updates.push_back({"offer" + std::to_string(i), 1000 + i, 555, i});
  const auto stocks = build_stocks_update(updates);
  REQUIRE(stocks);
  for (const auto& r : stocks.value()) CHECK(violations(r) == "");
  CHECK(violations(build_product_list()) == "");
  CHECK(violations(build_product_list("100", 50, "VISIBLE")) == "");
  CHECK(violations(build_product_info_list({"o1"}).value()) == "");
  CHECK(violations(build_product_info_list({}, {5, 6}).value()) == "");
  CHECK(violations(build_product_info_list({}, {}, {7}).value()) == "");
  CHECK(violations(build_stocks_by_warehouse({1234567890, 1234567891})) == "");
  CHECK(violations(build_product_stocks("")) == "");
  CHECK(violations(build_product_stocks("WyIzMTM0NTUyNzYiXQ==", 100)) == "");
  std::vector<StockUpdate> by_offer = {{"offer1", 0, 555, 3}};
  const auto offer_only = build_stocks_update(by_offer);
  if (offer_only)  // product_id is required: refused or sent
    for (const auto& r : offer_only.value()) CHECK(violations(r) == "");
}

TEST_CASE("buyer builders send only what the spec allows") {
  CHECK(violations(build_chat_list()) == "");
  CHECK(violations(build_chat_list("cursor", 30, true)) == "");
  CHECK(violations(build_chat_history("c1").value()) == "");
  CHECK(violations(build_chat_history("c1", "3000000000817031942", 30).value()) == "");
  CHECK(violations(build_chat_history("c1", "18446744073709551615", 30, false).value()) == "");  // beyond int64
  CHECK(violations(build_chat_send("c1", "Здравствуйте").value()) == "");
  ReturnsFilter filter;
  filter.posting_numbers = many("p", 3);
  filter.warehouse_id = 555;
  filter.visual_status_change_moment = {kT, kT + 1000};
  CHECK(violations(build_returns_list(filter, 10, 100).value()) == "");
  CHECK(violations(build_returns_list({}, 0, 500).value()) == "");
  CHECK(violations(build_review_list()) == "");
  CHECK(violations(build_review_list("r5", 20, "UNPROCESSED")) == "");
  CHECK(violations(build_review_comment("r1", "Спасибо!").value()) == "");
  CHECK(violations(build_review_comment("r1", "Спасибо!", false, "c0").value()) == "");
  filter.visual_status_name = "MovingToSeller";
  CHECK(violations(build_returns_list(filter, 10, 100).value()) == "");
}

TEST_CASE("after-sales builders send only what the spec allows") {
  CHECK(violations(build_chat_read("c1", "3000000000118032000").value()) == "");
  CHECK(violations(build_chat_read("c1", "18446744073709551615").value()) == "");  // beyond int64
  CHECK(violations(build_rfbs_returns_list({})) == "");
  RfbsReturnsFilter filter;
  filter.group_states = {"New", "Delivering"};
  filter.posting_number = "1-2-3";
  filter.offer_id = "mug-1";
  filter.created_at = {kT, kT + 86'400'000};
  CHECK(violations(build_rfbs_returns_list(filter, 12345, 50)) == "");
  CHECK(violations(build_rfbs_return_get(9'000'000'001)) == "");
  CHECK(violations(build_rfbs_verify(9'000'000'001)) == "");
  CHECK(violations(build_rfbs_verify(9'000'000'001, "Почтой России")) == "");
  CHECK(violations(build_rfbs_reject(9'000'000'001, 11, "Следы использования", true).value()) == "");
  CHECK(violations(build_rfbs_reject(9'000'000'001, 12, "").value()) == "");
  CHECK(violations(build_rfbs_receive(9'000'000'001)) == "");
  CHECK(violations(build_rfbs_return_money(9'000'000'001).value()) == "");
  CHECK(violations(build_rfbs_return_money(9'000'000'001, 350).value()) == "");
  CHECK(violations(build_rfbs_compensate(9'000'000'001, core::Money{49'990, "RUB"}).value()) == "");
  CHECK(violations(build_review_change_status({"r1", "r2"}, "PROCESSED").value()) == "");
  CHECK(violations(build_review_comment_list("r1", 0, 100)) == "");
  CHECK(violations(build_review_comment_list("r1", 40, 20)) == "");
  CHECK(violations(build_review_info("r1")) == "");
}

TEST_CASE("numbers builders send only what the spec allows") {
  CHECK(violations(build_rating_summary()) == "");
  CHECK(violations(build_rating_history({"rating_on_time", "rating_shipment_delay"}, kT, kT + 86'400'000).value()) ==
        "");
  CHECK(violations(build_analytics_data("2026-05-01", "2026-05-14", {"day"}, {"revenue", "ordered_units"}).value()) ==
        "");
  CHECK(violations(build_analytics_data("2026-05-01", "2026-05-14", {"sku"}, {"revenue", "ordered_units"}, 100, 200)
                       .value()) == "");
  const core::EpochMs month = 31LL * 86'400'000;
  CHECK(violations(build_finance_transactions(kT, kT + month, 1).value()) == "");
  CHECK(violations(build_finance_transactions(kT, kT + 86'400'000, 2, 50, "returns").value()) == "");
  CHECK(violations(build_finance_transactions_of_posting("87621408-0010-1").value()) == "");
  CHECK(violations(build_finance_totals(kT, kT + month).value()) == "");
  CHECK(violations(build_finance_totals(kT, kT + 86'400'000, "transferDelivery").value()) == "");
  // The spec's limits the schema fixture does not carry (it keeps no oneOf and the
  // descriptions hold the rest): page_size <= 1000, limit 1..1000, 1..14 metrics,
  // filter {date} or {posting_number}, never both.
  const json list = json::parse(build_finance_transactions(kT, kT + month, 1, 1000).value().body);
  CHECK(list["page_size"].get<int>() <= 1000);
  CHECK(list["filter"].contains("date") != list["filter"].contains("posting_number"));
  const json of_posting = json::parse(build_finance_transactions_of_posting("1-2-3").value().body);
  CHECK(of_posting["filter"].contains("date") != of_posting["filter"].contains("posting_number"));
  const json totals = json::parse(build_finance_totals(kT, kT + month).value().body);
  CHECK(totals.contains("date") != totals.contains("posting_number"));
  for (const auto* when : {&list["filter"]["date"]["from"], &list["filter"]["date"]["to"], &totals["date"]["to"]}) {
    const std::string text = when->get<std::string>();  // YYYY-MM-DDTHH:mm:ss.sssZ
    CHECK(text.size() == 24);
    CHECK(text[19] == '.');
    CHECK(text.back() == 'Z');
  }
}
