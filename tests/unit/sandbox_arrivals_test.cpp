// The demo marketplace as a working day: deadlines relative to the time it
// was made, postings arriving while it runs, and stores of different seeds
// that share no numbers.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "sandbox_test_support.h"

namespace {

using namespace sandbox_test;

constexpr core::EpochMs kMin = 60'000;
constexpr core::EpochMs kHour = 60 * kMin;

core::EpochMs time_of(const json& p, const char* key) {
  core::EpochMs t = 0;
  REQUIRE(sandbox::parse_iso8601(p[key].get<std::string>(), &t));
  return t;
}

// Every posting of the v3 list at `now` (one page holds the whole store).
std::vector<json> list_at(sandbox::Marketplace& m, core::EpochMs now, const json& filter_extra = json::object()) {
  json f = {{"since", "2020-01-01T00:00:00Z"}, {"to", "2030-01-01T00:00:00Z"}};
  for (auto& [k, v] : filter_extra.items()) f[k] = v;
  const auto r = m.handle(ep::kPostingList, json{{"filter", f}, {"limit", 1000}}.dump(), now);
  REQUIRE(r.status == 200);
  const json j = json::parse(r.body);
  REQUIRE(j["has_next"] == false);
  return j["postings"].get<std::vector<json>>();
}

// A call every 30 s of sandbox time from `from` to `to` (what a polling app does).
void poll(sandbox::Marketplace& m, core::EpochMs from, core::EpochMs to) {
  for (core::EpochMs t = from; t <= to; t += 30'000) REQUIRE(m.handle(ep::kWarehouseList, "{}", t).status == 200);
}

std::set<std::string> numbers_of(const sandbox::Marketplace& m) {
  const auto v = m.posting_numbers();
  return {v.begin(), v.end()};
}

}  // namespace

TEST_CASE("sandbox deadlines: a working day at any time of day") {
  // 03:00, 12:00 and 21:00 Moscow.
  for (const char* when : {"2026-11-20T00:00:00Z", "2026-11-20T09:00:00Z", "2026-11-20T18:00:00Z"}) {
    for (std::uint64_t seed : {std::uint64_t{42}, sandbox::Marketplace::demo_seed(0), sandbox::Marketplace::demo_seed(1),
                               sandbox::Marketplace::demo_seed(2)}) {
      CAPTURE(when);
      CAPTURE(seed);
      const core::EpochMs now = at(when);
      sandbox::Marketplace m(seed, now);
      int packaging = 0, overdue = 0, under_2h = 0, within_36h = 0;
      for (const auto& p : list_at(m, now)) {
        const core::EpochMs in_process = time_of(p, "in_process_at");
        const core::EpochMs due = time_of(p, "shipment_date");
        CHECK(in_process <= now);
        CHECK(in_process < due);
        if (p["status"] != "awaiting_packaging") continue;
        ++packaging;
        overdue += due < now ? 1 : 0;
        under_2h += due >= now && due < now + 2 * kHour ? 1 : 0;
        within_36h += due >= now && due <= now + 36 * kHour ? 1 : 0;
      }
      REQUIRE(packaging == 130);
      CHECK(overdue * 10 <= packaging);     // at most 10% overdue
      CHECK(overdue + under_2h >= 3);       // a few for the alerts
      CHECK(within_36h * 2 >= packaging);   // most due today or tomorrow
    }
  }
}

TEST_CASE("sandbox arrivals: new postings arrive as sandbox time passes") {
  sandbox::Marketplace m(42, kNow);
  const std::size_t before = m.posting_count();
  const std::set<std::string> old = numbers_of(m);
  poll(m, kNow, kNow + 60 * kMin);
  const std::size_t added = m.posting_count() - before;
  CHECK(added >= 60 / 9);
  CHECK(added <= 60 / 4);

  // In the list (since/to on in_process_at, status filter) and in get, like any posting.
  const core::EpochMs t = kNow + 61 * kMin;
  const auto fresh = list_at(m, t, {{"since", sandbox::format_iso8601(kNow)}, {"statuses", {"awaiting_packaging"}}});
  CHECK(fresh.size() == added);
  std::set<std::string> seen;
  for (const auto& p : fresh) {
    const std::string number = p["posting_number"];
    CHECK(old.count(number) == 0);
    seen.insert(number);
    CHECK(number.size() == 15);
    CHECK(number.substr(0, 13) == p["order_number"].get<std::string>());
    CHECK(number.substr(13) == "-1");
    const core::EpochMs in_process = time_of(p, "in_process_at");
    const core::EpochMs due = time_of(p, "shipment_date");
    CHECK(in_process > kNow + 4 * kMin - 1);
    CHECK(in_process <= kNow + 60 * kMin);
    if (p["is_express"].get<bool>()) {
      CHECK(due >= in_process + kHour);
      CHECK(due <= in_process + 3 * kHour + 5 * kMin);
    } else {
      CHECK(due >= in_process + 6 * kHour);
      CHECK(due <= in_process + 30 * kHour + 5 * kMin);
    }
    CHECK(!p["products"].empty());
    CHECK(p["products"].size() <= 3);
    CHECK(p["customer"].is_null() == (p["tpl_integration_type"] == "ozon"));
  }
  CHECK(seen.size() == added);
  const auto shipped = list_at(m, t + 1000, {{"since", sandbox::format_iso8601(kNow)}, {"statuses", {"awaiting_deliver"}}});
  CHECK(shipped.empty());
  REQUIRE(!fresh.empty());
  const auto got = m.handle(ep::kPostingGet, json{{"posting_number", fresh[0]["posting_number"]}}.dump(), t + 2000);
  REQUIRE(got.status == 200);
  CHECK(json::parse(got.body)["result"]["status"] == "awaiting_packaging");
}

TEST_CASE("sandbox arrivals: none in the first minutes, none when off") {
  sandbox::Marketplace quiet(42, kNow);
  const std::size_t n = quiet.posting_count();
  poll(quiet, kNow, kNow + sandbox::Marketplace::kArrivalMinGapMs - 1);
  CHECK(quiet.posting_count() == n);

  sandbox::Marketplace off(42, kNow);
  CHECK(off.arrivals());
  off.set_arrivals(false);
  CHECK_FALSE(off.arrivals());
  poll(off, kNow, kNow + 3 * kHour);
  CHECK(off.posting_count() == n);
  // On again: nothing at once for the hours it was off, then arrivals resume.
  off.set_arrivals(true);
  CHECK(off.handle(ep::kWarehouseList, "{}", kNow + 3 * kHour + 1000).status == 200);
  CHECK(off.posting_count() == n);
  poll(off, kNow + 3 * kHour + 30'000, kNow + 4 * kHour);
  CHECK(off.posting_count() > n);
}

TEST_CASE("sandbox arrivals: deterministic given the seed and the call times; catch-up is capped") {
  sandbox::Marketplace a(42, kNow), b(42, kNow), once(42, kNow);
  poll(a, kNow, kNow + 60 * kMin);
  poll(b, kNow, kNow + 60 * kMin);
  CHECK(a.posting_numbers() == b.posting_numbers());
  // One call after the hour makes the same arrivals as polling through it.
  CHECK(once.handle(ep::kWarehouseList, "{}", kNow + 60 * kMin).status == 200);
  CHECK(once.posting_numbers() == a.posting_numbers());
  const auto la = list_at(a, kNow + 61 * kMin), lo = list_at(once, kNow + 61 * kMin);
  CHECK(json(la) == json(lo));

  // A long pause: at most kMaxArrivalsPerCall, the latest ones.
  sandbox::Marketplace slept(42, kNow);
  const std::size_t n = slept.posting_count();
  const core::EpochMs later = kNow + 10 * kHour;
  CHECK(slept.handle(ep::kWarehouseList, "{}", later).status == 200);
  CHECK(slept.posting_count() == n + sandbox::Marketplace::kMaxArrivalsPerCall);
  for (const auto& p : list_at(slept, later + 1000, {{"since", sandbox::format_iso8601(kNow + kMin)}})) {
    CHECK(time_of(p, "in_process_at") > later - 20 * sandbox::Marketplace::kArrivalMaxGapMs);
  }
}

TEST_CASE("sandbox arrivals: add_postings, and the units move from available to reserved") {
  Sim s;
  s.m.set_arrivals(false);
  // present/reserved of every (sku, warehouse) of the catalogue.
  auto stocks = [&] {
    json items = s.call(ep::kProductStocks, {{"filter", {{"visibility", "ALL"}}}, {"limit", 1000}})["items"];
    std::vector<std::string> skus;
    for (auto& it : items) skus.push_back(std::to_string(it["stocks"][0]["sku"].get<std::int64_t>()));
    REQUIRE(!skus.empty());
    std::map<std::pair<std::int64_t, std::int64_t>, std::pair<std::int64_t, std::int64_t>> out;
    json reply = s.call(ep::kStocksByWarehouse, {{"sku", skus}});
    REQUIRE(s.last.status == 200);
    for (auto& r : reply["result"])
      out[{r["sku"].get<std::int64_t>(), r["warehouse_id"].get<std::int64_t>()}] = {r["present"].get<std::int64_t>(),
                                                                                    r["reserved"].get<std::int64_t>()};
    return out;
  };
  const auto before = stocks();
  const std::set<std::string> old = numbers_of(s.m);
  const core::EpochMs t0 = s.t;
  const auto added = s.m.add_postings(20, t0);
  REQUIRE(added.size() == 20);
  std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> units;
  for (const auto& number : added) {
    CHECK(old.count(number) == 0);
    json p = s.get(number);
    REQUIRE(s.last.status == 200);
    CHECK(p["status"] == "awaiting_packaging");
    CHECK(time_of(p, "in_process_at") == t0);
    for (auto& pr : p["products"])
      units[{pr["sku"].get<std::int64_t>(), p["delivery_method"]["warehouse_id"].get<std::int64_t>()}] +=
          pr["quantity"].get<std::int64_t>();
  }
  CHECK(std::set<std::string>(added.begin(), added.end()).size() == 20);
  const auto after = stocks();
  for (const auto& [pair, pr] : after) {
    const auto was = before.at(pair);
    CHECK(pr.first == was.first);  // present unchanged
    const auto it = units.find(pair);
    CHECK(pr.second == was.second + (it == units.end() ? 0 : it->second));
  }
}

TEST_CASE("sandbox seeds: demo stores share no posting or order numbers, ids or SKUs") {
  CHECK(sandbox::Marketplace::demo_seed(0) == 20261126);
  CHECK(sandbox::Marketplace::demo_seed(1) != sandbox::Marketplace::demo_seed(0));
  std::set<std::string> postings, orders;
  std::set<std::int64_t> order_ids, skus, product_ids;
  std::size_t total = 0, products = 0;
  for (std::uint64_t seed : {sandbox::Marketplace::demo_seed(0), sandbox::Marketplace::demo_seed(1),
                             sandbox::Marketplace::demo_seed(2), std::uint64_t{42}}) {
    CAPTURE(seed);
    sandbox::Marketplace m(seed, kNow);
    CHECK(m.add_postings(50, kNow + kMin).size() == 50);
    std::set<std::string> own_orders;
    for (const auto& p : list_at(m, kNow + 2 * kMin)) {
      ++total;
      postings.insert(p["posting_number"].get<std::string>());
      own_orders.insert(p["order_number"].get<std::string>());
      order_ids.insert(p["order_id"].get<std::int64_t>());
    }
    for (const auto& o : own_orders) CHECK(orders.insert(o).second);
    const auto items =
        json::parse(m.handle(ep::kProductStocks, json{{"filter", {{"visibility", "ALL"}}}, {"limit", 1000}}.dump(),
                             kNow + 3 * kMin)
                        .body)["items"];
    for (const auto& it : items) {
      ++products;
      skus.insert(it["stocks"][0]["sku"].get<std::int64_t>());
      product_ids.insert(it["product_id"].get<std::int64_t>());
    }
  }
  CHECK(postings.size() == total);
  CHECK(skus.size() == products);
  CHECK(product_ids.size() == products);
  CHECK(orders.size() == total);
  CHECK(order_ids.size() == total);
}
