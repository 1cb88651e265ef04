#include <doctest/doctest.h>

#include <numeric>

#include "core/civil_date.h"
#include "core/profit.h"

namespace {

constexpr core::EpochMs kHour = 3'600'000;
constexpr int kMoscow = 180;

core::EpochMs utc(std::int64_t y, unsigned m, unsigned d, core::EpochMs hours = 0) {
  return core::days_from_civil(y, m, d) * 24 * kHour + hours * kHour;
}

core::PostingProduct product(std::string offer, core::Kopecks price, std::int64_t quantity) {
  core::PostingProduct p;
  p.offer_id = std::move(offer);
  p.price.minor = price;
  p.price.currency = "RUB";
  p.quantity = quantity;
  return p;
}

core::Posting posting(std::string number, std::vector<core::PostingProduct> products) {
  core::Posting p;
  p.posting_number = std::move(number);
  p.products = std::move(products);
  return p;
}

core::PostingFinance finance(std::string number, core::Kopecks payout, core::EpochMs first_date) {
  core::PostingFinance f;
  f.posting_number = std::move(number);
  f.payout = payout;
  f.sale = payout;
  f.first_date = first_date;
  return f;
}

core::Kopecks sum(const std::vector<core::Kopecks>& v) { return std::accumulate(v.begin(), v.end(), core::Kopecks{0}); }

}  // namespace

TEST_CASE("profit: proportional shares sum exactly, remainder to the first") {
  CHECK(core::proportional_shares(100, {1, 1, 1}) == std::vector<core::Kopecks>{34, 33, 33});
  CHECK(core::proportional_shares(-100, {1, 1, 1}) == std::vector<core::Kopecks>{-34, -33, -33});
  CHECK(core::proportional_shares(100001, {200000, 50000}) == std::vector<core::Kopecks>{80001, 20000});
  CHECK(core::proportional_shares(7, {0, 5}) == std::vector<core::Kopecks>{0, 7});
  CHECK(core::proportional_shares(100, {0, 0}) == std::vector<core::Kopecks>{100, 0});
  CHECK(core::proportional_shares(100, {-5, 5}) == std::vector<core::Kopecks>{0, 100});  // a negative weight counts as none
  CHECK(core::proportional_shares(5, {}).empty());
  // total x weight past int64 (1e15 x 3e12): still exact.
  CHECK(core::proportional_shares(1'000'000'000'000'000, {3'000'000'000'000, 1'000'000'000'000}) ==
        std::vector<core::Kopecks>{750'000'000'000'000, 250'000'000'000'000});
  // Awkward primes: never a kopeck lost.
  const std::vector<core::Kopecks> odd = core::proportional_shares(99991, {7, 13, 29, 31, 37});
  CHECK(sum(odd) == 99991);
  CHECK(odd[1] == 99991 * 13 / 117);
}

TEST_CASE("profit: margin per posting in kopecks, losing postings first") {
  // Unit costs as the seller typed them: 300.10, and 0.1 + 0.2 that must be 30 kopecks exactly.
  core::SellerCosts costs;
  costs.unit_cost["MUG-1"] = core::kopecks_from_roubles(300.10);
  costs.unit_cost["SAUCER-2"] = core::kopecks_from_roubles(0.1 + 0.2);
  costs.packaging_cost["MUG-1"] = core::kopecks_from_roubles(15.5);
  REQUIRE(costs.unit_cost["MUG-1"] == 30010);
  REQUIRE(costs.unit_cost["SAUCER-2"] == 30);

  const core::Posting p1 = posting("P-1", {product("MUG-1", 100000, 2), product("SAUCER-2", 50000, 1)});
  const core::Posting p2 = posting("P-2", {product("MUG-1", 100000, 1)});
  const core::Posting p3 = posting("P-3", {product("MUG-1", 100000, 1), product("NEW-9", 5000, 3)});
  const std::map<std::string, const core::Posting*> held = {{"P-1", &p1}, {"P-2", &p2}, {"P-3", &p3}};

  const std::vector<core::PostingFinance> fin = {
      finance("P-1", 180000, utc(2024, 5, 31, 22)),  // 01:00 on June 1st in Moscow
      finance("P-2", 20000, utc(2024, 6, 2, 10)),    // loses money: 200.00 - 300.10 - 15.50
      finance("P-3", 90000, utc(2024, 6, 2, 11)),
      finance("P-4", -5000, utc(2024, 6, 3, 9)),  // not held: costs unknown
  };
  const std::vector<core::ProfitRow> rows = core::profit_rows(fin, held, costs, kMoscow);
  REQUIRE(rows.size() == 4);

  CHECK(rows[0].posting_number == "P-2");
  CHECK(rows[0].goods_cost == 30010);
  CHECK(rows[0].packaging_cost == 1550);
  CHECK(rows[0].margin == 20000 - 30010 - 1550);
  CHECK(rows[0].margin == -11560);
  CHECK(rows[0].costs_known);

  CHECK(rows[1].posting_number == "P-4");
  CHECK(rows[1].margin == -5000);
  CHECK_FALSE(rows[1].costs_known);
  CHECK(rows[1].offers_without_cost.empty());

  CHECK(rows[2].posting_number == "P-3");
  CHECK(rows[2].goods_cost == 30010);
  CHECK(rows[2].margin == 90000 - 30010 - 1550);
  CHECK_FALSE(rows[2].costs_known);
  CHECK(rows[2].offers_without_cost == std::vector<std::string>{"NEW-9"});

  const core::ProfitRow& r1 = rows[3];
  CHECK(r1.posting_number == "P-1");
  CHECK(r1.goods_cost == 2 * 30010 + 30);
  CHECK(r1.packaging_cost == 2 * 1550);
  CHECK(r1.margin == 180000 - 60050 - 3100);
  CHECK(r1.margin == 116850);
  CHECK(r1.costs_known);
  CHECK(r1.day_key == "2024-06-01");
  CHECK(r1.day == utc(2024, 5, 31, 21));  // Moscow midnight
  CHECK(r1.finance.payout == 180000);

  // Equal margins: by posting number.
  const auto tie = core::profit_rows({finance("Z", 100, 0), finance("A", 100, 0)}, {}, costs, 0);
  REQUIRE(tie.size() == 2);
  CHECK(tie[0].posting_number == "A");
  CHECK(tie[0].day_key == "1970-01-01");
}

TEST_CASE("profit: per product shares sum exactly to each posting's totals") {
  core::SellerCosts costs;
  costs.unit_cost = {{"MUG-1", 30010}, {"SAUCER-2", 30}};
  costs.packaging_cost = {{"MUG-1", 1550}};
  // Weights: MUG-1 2 x 1000.00 (two lines of it), SAUCER-2 1 x 500.00 -> 4:1.
  const core::Posting p1 =
      posting("P-1", {product("MUG-1", 100000, 1), product("SAUCER-2", 50000, 1), product("MUG-1", 100000, 1)});
  const core::Posting p2 = posting("P-2", {product("MUG-1", 100000, 1)});
  const core::Posting free_gifts = posting("P-5", {product("GIFT-A", 0, 1), product("GIFT-B", 0, 2)});
  const std::map<std::string, const core::Posting*> held = {{"P-1", &p1}, {"P-2", &p2}, {"P-5", &free_gifts}};

  const auto rows = core::profit_rows(
      {finance("P-1", 100001, 0), finance("P-2", 20000, 0), finance("P-4", -5000, 0), finance("P-5", -300, 0)}, held,
      costs, 0);
  const auto groups = core::profit_by_product(rows, held);
  // P-1's payout 1000.01 -> 800.01 + 200.00; costs 2 x (300.10 + 15.50) + 0.30 = 631.50 -> 505.20 + 126.30.
  std::map<std::string, core::ProfitGroup> by_key;
  for (const auto& g : groups) by_key[g.key] = g;
  REQUIRE(by_key.size() == 5);
  CHECK(by_key["SAUCER-2"].payout == 20000);
  CHECK(by_key["SAUCER-2"].costs == 12630);
  CHECK(by_key["SAUCER-2"].postings == 1);
  CHECK(by_key["MUG-1"].payout == 80001 + 20000);
  CHECK(by_key["MUG-1"].costs == 50520 + 31560);
  CHECK(by_key["MUG-1"].postings == 2);
  CHECK(by_key["MUG-1"].margin == by_key["MUG-1"].payout - by_key["MUG-1"].costs);
  CHECK(by_key[""].payout == -5000);  // the posting the console does not hold
  // Free goods only: shared by units, 1:2 -> -100 and -200.
  CHECK(by_key["GIFT-A"].payout == -100);
  CHECK(by_key["GIFT-B"].payout == -200);

  core::Kopecks payout = 0, cost = 0, margin = 0;
  for (const auto& g : groups) {
    payout += g.payout;
    cost += g.costs;
    margin += g.margin;
  }
  core::Kopecks row_payout = 0, row_cost = 0, row_margin = 0;
  for (const auto& r : rows) {
    row_payout += r.finance.payout;
    row_cost += r.goods_cost + r.packaging_cost;
    row_margin += r.margin;
  }
  CHECK(payout == row_payout);
  CHECK(cost == row_cost);
  CHECK(margin == row_margin);

  // Losing groups first.
  for (std::size_t i = 1; i < groups.size(); ++i) CHECK(groups[i - 1].margin <= groups[i].margin);
  CHECK(groups.front().key == "");
}

TEST_CASE("profit: per day, oldest first") {
  const std::vector<core::PostingFinance> fin = {
      finance("P-1", 1000, utc(2024, 6, 2, 20)),   // 23:00 Moscow, June 2nd
      finance("P-2", 500, utc(2024, 6, 2, 21)),    // 00:00 Moscow, June 3rd
      finance("P-3", -200, utc(2024, 6, 1, 12)),
      finance("P-4", 300, utc(2024, 6, 3, 5)),
  };
  const auto days = core::profit_by_day(core::profit_rows(fin, {}, {}, kMoscow));
  REQUIRE(days.size() == 3);
  CHECK(days[0].key == "2024-06-01");
  CHECK(days[0].payout == -200);
  CHECK(days[1].key == "2024-06-02");
  CHECK(days[1].postings == 1);
  CHECK(days[1].margin == 1000);
  CHECK(days[2].key == "2024-06-03");
  CHECK(days[2].postings == 2);
  CHECK(days[2].payout == 800);
  CHECK(days[2].costs == 0);
  CHECK(core::profit_by_day({}).empty());
}
