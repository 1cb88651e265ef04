// Stock in the demo marketplace: reserves follow the postings, hand-over and
// cancellation move present/reserved, the three stock views agree, stock
// updates obey Ozon's limits, and the seeded shortage is there to fix.
#include <doctest/doctest.h>

#include <iterator>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/stock.h"
#include "ozon/parsers.h"
#include "sandbox_test_support.h"

namespace {

using namespace sandbox_test;
using Pair = std::pair<std::int64_t, std::int64_t>;  // (sku, warehouse_id)

constexpr std::int64_t kMoscow = 1020000089564000;  // FBS
constexpr std::int64_t kKazan = 1020000123456000;   // rFBS

struct Row {
  std::int64_t product_id = 0, present = 0, reserved = 0;
};

// Every product of the v4 list (all pages of `limit`).
std::vector<json> catalogue(Sim& s, int limit = 1000, const char* visibility = "ALL") {
  std::vector<json> out;
  std::string cursor;
  for (int guard = 0; guard < 500; ++guard) {
    json body = {{"filter", {{"visibility", visibility}}}, {"limit", limit}};
    if (!cursor.empty()) body["cursor"] = cursor;
    json page = s.call(ep::kProductStocks, body);
    REQUIRE(s.last.status == 200);
    for (auto& item : page["items"]) out.push_back(item);
    cursor = page["cursor"].get<std::string>();
    if (cursor.empty() || page["items"].empty()) break;
  }
  return out;
}

// /v1/product/info/stocks-by-warehouse/fbs for every SKU of the store, archived ones too.
std::map<Pair, Row> stock_rows(Sim& s) {
  std::vector<std::string> skus;
  for (const char* visibility : {"ALL", "ARCHIVED"})
    for (auto& item : catalogue(s, 1000, visibility))
      skus.push_back(std::to_string(item["stocks"][0]["sku"].get<std::int64_t>()));
  std::map<Pair, Row> rows;
  for (std::size_t at = 0; at < skus.size(); at += 500) {
    json batch(std::vector<std::string>(skus.begin() + static_cast<std::ptrdiff_t>(at),
                                        skus.begin() + static_cast<std::ptrdiff_t>(std::min(skus.size(), at + 500))));
    json reply = s.call(ep::kStocksByWarehouse, {{"sku", batch}});
    REQUIRE(s.last.status == 200);
    for (auto& r : reply["result"])
      rows[{r["sku"].get<std::int64_t>(), r["warehouse_id"].get<std::int64_t>()}] =
          Row{r["product_id"].get<std::int64_t>(), r["present"].get<std::int64_t>(), r["reserved"].get<std::int64_t>()};
  }
  return rows;
}

Row row(Sim& s, std::int64_t sku, std::int64_t warehouse_id) {
  json reply = s.call(ep::kStocksByWarehouse, {{"sku", {std::to_string(sku)}}});
  for (auto& r : reply["result"])
    if (r["warehouse_id"] == warehouse_id)
      return Row{r["product_id"].get<std::int64_t>(), r["present"].get<std::int64_t>(), r["reserved"].get<std::int64_t>()};
  FAIL("no stock row");
  return {};
}

// Units of the open postings (awaiting_packaging, awaiting_deliver) per SKU and warehouse.
std::map<Pair, std::int64_t> open_units(Sim& s) {
  std::map<Pair, std::int64_t> out;
  for (auto& p : s.all()) {
    if (p["status"] != "awaiting_packaging" && p["status"] != "awaiting_deliver") continue;
    for (auto& pr : p["products"])
      out[{pr["sku"].get<std::int64_t>(), p["delivery_method"]["warehouse_id"].get<std::int64_t>()}] +=
          pr["quantity"].get<std::int64_t>();
  }
  return out;
}

json stock_item(std::int64_t product_id, std::int64_t warehouse_id, std::int64_t stock) {
  return {{"product_id", product_id}, {"warehouse_id", warehouse_id}, {"stock", stock}};
}

// An FBS posting in `status` with one product, no marking data to enter, not at the shortage.
json plain_posting(Sim& s, const char* status) {
  return s.find([&](const json& x) {
    if (x["status"] != status || !x["customer"].is_null() || needs_exemplars(x) ||
        !x["requirements"]["products_requiring_country"].empty() || x["products"].size() != 1)
      return false;
    const Row r = row(s, x["products"][0]["sku"].get<std::int64_t>(), x["delivery_method"]["warehouse_id"]);
    return r.present >= r.reserved;
  });
}

}  // namespace

TEST_CASE("sandbox stock: reserved is the units of open postings, per warehouse") {
  Sim s;
  const auto rows = stock_rows(s);
  const auto open = open_units(s);
  CHECK(rows.size() == 3 * s.m.product_count());  // every SKU at every warehouse, also with nothing present
  std::int64_t reserved_total = 0;
  for (const auto& [key, r] : rows) {
    const auto it = open.find(key);
    CHECK(r.reserved == (it == open.end() ? 0 : it->second));
    reserved_total += r.reserved;
  }
  CHECK(reserved_total > 0);
  for (const auto& entry : open) CHECK(rows.count(entry.first) == 1);  // no reserve left out
}

TEST_CASE("sandbox stock: the seeded shortage, fixed by a stock update") {
  Sim s;
  const auto rows = stock_rows(s);
  std::vector<Pair> short_pairs;
  for (const auto& [key, r] : rows)
    if (r.present < r.reserved) short_pairs.push_back(key);
  REQUIRE(short_pairs.size() == 1);
  const auto [sku, warehouse] = short_pairs[0];
  const Row before = rows.at(short_pairs[0]);
  CHECK(warehouse != kKazan);  // an FBS warehouse
  CHECK(before.present == 1);
  CHECK(before.reserved >= 2);

  json reply = s.call(ep::kStocksUpdate, {{"stocks", {stock_item(before.product_id, warehouse, 5)}}});
  CHECK(reply["result"][0]["updated"] == true);
  const Row after = row(s, sku, warehouse);
  CHECK(after.reserved == before.reserved);
  CHECK(after.present == before.reserved + 5);
}

TEST_CASE("sandbox stock: a cancellation frees its units; hand-over takes them off the shelf") {
  Sim s;
  // Cancel: the reserve goes, present stays (the units are back in free stock).
  json p = plain_posting(s, "awaiting_packaging");
  std::int64_t sku = p["products"][0]["sku"], wh = p["delivery_method"]["warehouse_id"];
  std::int64_t quantity = p["products"][0]["quantity"];
  Row before = row(s, sku, wh);
  s.call(ep::kPostingCancel, {{"posting_number", p["posting_number"]}, {"cancel_reason_id", 352},
                              {"cancel_reason_message", ""}});
  REQUIRE(s.last.status == 200);
  Row after = row(s, sku, wh);
  CHECK(after.reserved == before.reserved - quantity);
  CHECK(after.present == before.present);

  // Ship: packed, still at the warehouse and still reserved.
  p = plain_posting(s, "awaiting_packaging");
  sku = p["products"][0]["sku"];
  wh = p["delivery_method"]["warehouse_id"];
  quantity = p["products"][0]["quantity"];
  before = row(s, sku, wh);
  s.call(ep::kPostingShip, {{"posting_number", p["posting_number"]}, {"packages", one_package(p)}});
  REQUIRE(s.last.status == 200);
  after = row(s, sku, wh);
  CHECK(after.present == before.present);
  CHECK(after.reserved == before.reserved);

  // Hand-over (the act's postings leave with the carrier): present and reserved drop together.
  s.call(ep::kActCreate, {{"delivery_method_id", p["delivery_method"]["id"]}, {"departure_date", "2026-11-20T12:00:00Z"}});
  REQUIRE(s.last.status == 200);
  s.t += sandbox::Marketplace::kActReadyMs + sandbox::Marketplace::kActHandoverMs + 1000;
  CHECK(s.get(p["posting_number"])["status"] == "delivering");
  after = row(s, sku, wh);
  CHECK(after.reserved <= before.reserved - quantity);
  CHECK(after.present - after.reserved == before.present - before.reserved);  // free stock untouched
  CHECK(after.reserved == open_units(s)[{sku, wh}]);

  // A cancelled packed posting frees its units too.
  p = plain_posting(s, "awaiting_deliver");
  sku = p["products"][0]["sku"];
  wh = p["delivery_method"]["warehouse_id"];
  quantity = p["products"][0]["quantity"];
  before = row(s, sku, wh);
  s.call(ep::kPostingCancel, {{"posting_number", p["posting_number"]}, {"cancel_reason_id", 352},
                              {"cancel_reason_message", ""}});
  REQUIRE(s.last.status == 200);
  after = row(s, sku, wh);
  CHECK(after.reserved == before.reserved - quantity);
  CHECK(after.present == before.present);
}

TEST_CASE("sandbox stock: an update sets the free stock; per-item errors as Ozon's") {
  Sim s;
  json item = catalogue(s, 1)[0];
  const std::int64_t pid = item["product_id"], sku = item["stocks"][0]["sku"];
  const Row before = row(s, sku, kMoscow);
  json reply = s.call(ep::kStocksUpdate, {{"stocks", {stock_item(pid, kMoscow, 17)}}});
  CHECK(reply["result"][0]["updated"] == true);
  CHECK(row(s, sku, kMoscow).present == before.reserved + 17);

  json unknown_offer = stock_item(pid, kMoscow, 1);
  unknown_offer["offer_id"] = "NO-SUCH-OFFER";
  json many = json::array({stock_item(1, kMoscow, 1),                       // unknown product
                           unknown_offer,                                   // unknown offer_id
                           stock_item(pid, 1, 1),                           // unknown warehouse
                           stock_item(pid, kKazan, 1'000'000),              // too big
                           stock_item(pid, kKazan, -1),                     // negative
                           stock_item(pid, kMoscow, 3),                     // the pair again within 30 s
                           stock_item(pid, kKazan, 999'999)});              // goes through
  reply = s.call(ep::kStocksUpdate, {{"stocks", many}});
  REQUIRE(s.last.status == 200);
  const auto items = ozon::parse_stock_update_items(s.last.body);
  REQUIRE(items);
  REQUIRE(items->size() == 7);
  using core::StockItemError;
  const std::pair<const char*, StockItemError> expected[] = {
      {"NOT_FOUND_ERROR", StockItemError::unknown_offer},        {"offer_id_not_found", StockItemError::unknown_offer},
      {"WAREHOUSE_NOT_FOUND", StockItemError::unknown_warehouse}, {"STOCK_TOO_BIG", StockItemError::too_big},
      {"INVALID_STOCK_VALUE", StockItemError::other},             {"TOO_MANY_REQUESTS", StockItemError::too_many_requests}};
  for (std::size_t i = 0; i < std::size(expected); ++i) {
    CAPTURE(i);
    CHECK_FALSE(items->at(i).updated);
    CHECK(items->at(i).code == expected[i].first);
    CHECK(core::classify_stock_error(items->at(i)) == expected[i].second);
  }
  CHECK(items->at(6).updated);
  CHECK(row(s, sku, kMoscow).present == before.reserved + 17);  // the refused 3 did not land
  CHECK(row(s, sku, kKazan).present - row(s, sku, kKazan).reserved == 999'999);

  s.t += 30'000;  // the pair may be updated again
  reply = s.call(ep::kStocksUpdate, {{"stocks", {stock_item(pid, kMoscow, 3)}}});
  CHECK(reply["result"][0]["updated"] == true);
  CHECK(row(s, sku, kMoscow).present == before.reserved + 3);
}

TEST_CASE("sandbox stock: at most 100 items a call and 80 calls a minute") {
  Sim s;
  const std::int64_t pid = catalogue(s, 1)[0]["product_id"];
  json many = json::array();
  for (int i = 0; i < 101; ++i) many.push_back(stock_item(pid, 1, 1));
  s.call(ep::kStocksUpdate, {{"stocks", many}});
  CHECK(s.last.status == 400);
  many.erase(many.size() - 1);
  s.call(ep::kStocksUpdate, {{"stocks", many}});  // 100: answered per item
  CHECK(s.last.status == 200);

  s.t += 60'000;  // a fresh minute: 80 calls (510 ms apart) go through, the 81st is refused whole
  for (int i = 0; i < 80; ++i) {
    s.call(ep::kStocksUpdate, {{"stocks", {stock_item(pid, 1, i)}}});
    REQUIRE(s.last.status == 200);
  }
  json refused = s.call(ep::kStocksUpdate, {{"stocks", {stock_item(pid, kMoscow, 5)}}});
  CHECK(s.last.status == 429);
  CHECK(refused["code"] == 8);
  CHECK(refused["message"].get<std::string>().find("rate limit") != std::string::npos);
  CHECK(refused["details"].is_array());
  s.t += 20'000;  // the first calls of the window have aged out
  CHECK(s.call(ep::kStocksUpdate, {{"stocks", {stock_item(pid, kMoscow, 5)}}})["result"][0]["updated"] == true);
}

TEST_CASE("sandbox stock: v4 cursor paging visits every product once and agrees with the other views") {
  Sim s;
  const auto pages = catalogue(s, 7);
  std::set<std::int64_t> seen;
  for (auto& item : pages) CHECK(seen.insert(item["product_id"].get<std::int64_t>()).second);
  // Every non-archived product: the same set as /v3/product/list.
  json list = s.call(ep::kProductList, {{"filter", {{"visibility", "ALL"}}}, {"limit", 1000}});
  CHECK(seen.size() == list["result"]["total"].get<std::size_t>());
  CHECK(seen.size() < s.m.product_count());  // the archived ones are left out
  json first = s.call(ep::kProductStocks, {{"filter", json::object()}, {"limit", 7}});
  CHECK(first["total"] == seen.size());

  const auto rows = stock_rows(s);
  std::vector<std::int64_t> some_ids;
  for (std::size_t i = 0; i < pages.size(); i += 25) some_ids.push_back(pages[i]["product_id"]);
  json info = s.call(ep::kProductInfoList, {{"product_id", some_ids}})["items"];
  REQUIRE(info.size() == some_ids.size());
  for (auto& item : pages) {
    REQUIRE(item["stocks"].size() == 2);
    for (auto& part : item["stocks"]) {
      const bool rfbs = part["type"] == "rfbs";
      CHECK((rfbs || part["type"] == "fbs"));
      CHECK(part["shipment_type"] == "SHIPMENT_TYPE_GENERAL");
      CHECK(part["warehouse_ids"].size() == (rfbs ? 1u : 2u));
      std::int64_t present = 0, reserved = 0;
      for (auto& w : part["warehouse_ids"]) {
        const Row& r = rows.at({part["sku"].get<std::int64_t>(), std::stoll(w.get<std::string>())});
        present += r.present;
        reserved += r.reserved;
      }
      CHECK(part["present"] == present);
      CHECK(part["reserved"] == reserved);
      for (auto& p : info)
        if (p["id"] == item["product_id"])
          for (auto& v3 : p["stocks"]["stocks"])
            if (v3["source"] == part["type"]) {
              CHECK(v3["present"] == part["present"]);
              CHECK(v3["reserved"] == part["reserved"]);
            }
    }
  }

  // Filters: product_id as int64 strings, offer_id.
  const json one = pages[3];
  json by_id = s.call(ep::kProductStocks, {{"filter", {{"product_id", {std::to_string(one["product_id"].get<std::int64_t>())}}}},
                                           {"limit", 10}});
  REQUIRE(by_id["items"].size() == 1);
  CHECK(by_id["items"][0] == one);
  CHECK(by_id["cursor"] == "");
  json by_offer = s.call(ep::kProductStocks, {{"filter", {{"offer_id", {one["offer_id"]}}}}, {"limit", 10}});
  CHECK(by_offer["items"][0]["product_id"] == one["product_id"]);

  // The ozon layer reads the pages the same way.
  json page = s.call(ep::kProductStocks, {{"filter", {{"visibility", "ALL"}}}, {"limit", 5}});
  auto parsed = ozon::parse_product_stocks(s.last.body);
  REQUIRE(parsed);
  CHECK(parsed->items.size() == 5);
  CHECK(parsed->has_next);
  CHECK(parsed->items[0].fbs_sku() == page["items"][0]["stocks"][0]["sku"]);
}

TEST_CASE("sandbox stock: requests taken as the spec declares them") {
  Sim s;
  // v4: filter and limit 1..1000 required, visibility from the enum.
  s.call(ep::kProductStocks, {{"filter", json::object()}});
  CHECK(s.last.status == 400);
  s.call(ep::kProductStocks, {{"filter", json::object()}, {"limit", 0}});
  CHECK(s.last.status == 400);
  s.call(ep::kProductStocks, {{"filter", json::object()}, {"limit", 1001}});
  CHECK(s.last.status == 400);
  CHECK(message(s.last).rfind("INVALID_ARGUMENT", 0) == 0);
  s.call(ep::kProductStocks, {{"limit", 10}});
  CHECK(s.last.status == 400);
  s.call(ep::kProductStocks, {{"filter", {{"visibility", "EVERYTHING"}}}, {"limit", 10}});
  CHECK(s.last.status == 400);
  s.call(ep::kProductStocks, {{"filter", {{"product_id", "123"}}}, {"limit", 10}});
  CHECK(s.last.status == 400);
  s.call(ep::kProductStocks, {{"filter", json::object()}, {"limit", 1000}, {"cursor", "not-ours"}});
  CHECK(s.last.status == 400);

  // By warehouse: sku required, an array of int64, at most 500; the old v2 path is gone.
  const std::int64_t sku = catalogue(s, 1)[0]["stocks"][0]["sku"];
  s.call(ep::kStocksByWarehouse, json::object());
  CHECK(s.last.status == 400);
  s.call(ep::kStocksByWarehouse, {{"sku", std::to_string(sku)}});
  CHECK(s.last.status == 400);
  s.call(ep::kStocksByWarehouse, {{"sku", {"abc"}}});
  CHECK(s.last.status == 400);
  s.call(ep::kStocksByWarehouse, {{"sku", std::vector<std::string>(501, std::to_string(sku))}});
  CHECK(s.last.status == 400);
  json rows = s.call(ep::kStocksByWarehouse, {{"sku", std::vector<std::string>(500, std::to_string(sku))}});
  CHECK(s.last.status == 200);
  CHECK(rows["result"].size() == 3);  // a SKU asked twice is answered once
  for (auto& r : rows["result"]) {
    CHECK(r.size() == 6);  // exactly the spec's fields
    for (const char* key : {"sku", "present", "product_id", "reserved", "warehouse_id", "warehouse_name"})
      CHECK(r.contains(key));
  }
  CHECK(s.call(ep::kStocksByWarehouse, {{"sku", {"1"}}})["result"].empty());  // not ours: nothing
  s.call("/v2/product/info/stocks-by-warehouse/fbs", {{"sku", {std::to_string(sku)}}});
  CHECK(s.last.status == 404);
}
