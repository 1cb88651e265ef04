// Shortages and replenishment: demand of open postings against the shelf,
// sales over a window, cover, reorder point, the CSV/TSV export.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "core/replenishment.h"
#include "core/stock_demand.h"

namespace {

using S = core::PostingStatus;
using Names = std::vector<std::string>;

constexpr core::EpochMs kHour = 3'600'000;
constexpr core::EpochMs kDay = 24 * kHour;
constexpr core::EpochMs kNow = 1'778'760'000'000;  // 2026-05-14 12:00 UTC

core::Posting open_posting(std::string number, S status, core::EpochMs deadline, std::int64_t warehouse,
                           std::vector<std::pair<std::int64_t, std::int64_t>> sku_units) {
  core::Posting p;
  p.posting_number = std::move(number);
  p.status = status;
  p.shipment_date = deadline;
  p.delivery_method.warehouse_id = warehouse;
  p.products.resize(sku_units.size());
  for (std::size_t k = 0; k < sku_units.size(); ++k) {
    std::tie(p.products[k].sku, p.products[k].quantity) = sku_units[k];
    p.products[k].offer_id = "OF-" + std::to_string(p.products[k].sku);
  }
  return p;
}

core::StockRow row(std::int64_t sku, std::int64_t warehouse, std::int64_t present, std::int64_t reserved = 0) {
  core::StockRow r;
  r.sku = sku;
  r.offer_id = "OF-" + std::to_string(sku);
  r.warehouse_id = warehouse;
  r.present = present;
  r.reserved = reserved;
  return r;
}

Names numbers(const std::vector<core::DemandPart>& parts) {
  Names out;
  for (const auto& part : parts) out.push_back(part.posting_number);
  return out;
}

core::Posting sale(std::string number, S status, core::EpochMs in_process_at, std::int64_t sku, std::int64_t units) {
  core::Posting p = open_posting(std::move(number), status, 0, 1, {{sku, units}});
  p.in_process_at = in_process_at;
  return p;
}

}  // namespace

TEST_CASE("stock demand: only packaging and packed postings take stock") {
  CHECK(core::takes_stock(S::awaiting_packaging));
  CHECK(core::takes_stock(S::awaiting_deliver));
  for (const S status : core::kAllPostingStatuses) {
    if (status == S::awaiting_packaging || status == S::awaiting_deliver) continue;
    CHECK_FALSE(core::takes_stock(status));
  }
  CHECK_FALSE(core::takes_stock(S::unknown));
}

TEST_CASE("stock demand: units per sku and warehouse, postings in stock order") {
  const std::vector<core::Posting> postings = {
      open_posting("P-late", S::awaiting_packaging, kNow + 5 * kHour, 1, {{100, 2}}),
      open_posting("P-none", S::awaiting_packaging, 0, 1, {{100, 1}}),
      open_posting("P-early", S::awaiting_packaging, kNow + kHour, 1, {{100, 3}, {200, 1}}),
      open_posting("P-packed", S::awaiting_deliver, kNow + 9 * kHour, 1, {{100, 1}}),
      open_posting("P-twice", S::awaiting_packaging, kNow + kHour, 1, {{100, 1}, {100, 2}}),
      open_posting("P-other-wh", S::awaiting_packaging, kNow, 2, {{100, 4}}),
      open_posting("P-delivering", S::delivering, kNow, 1, {{100, 50}}),
      open_posting("P-cancelled", S::cancelled, kNow, 1, {{100, 50}}),
  };
  const auto demand = core::open_demand(postings);
  REQUIRE(demand.size() == 3);
  const core::StockDemand& d = demand.at(core::StockKey{100, 1});
  CHECK(d.units == 2 + 1 + 3 + 1 + 3);
  // Packed first; then deadline, ties by number (P-early < P-twice); no deadline last.
  CHECK(numbers(d.postings) == Names{"P-packed", "P-early", "P-twice", "P-late", "P-none"});
  CHECK(d.postings[2].units == 3);  // one SKU on two lines of one posting: both lines count
  CHECK(demand.at(core::StockKey{100, 2}).units == 4);
  CHECK(demand.at(core::StockKey{200, 1}).units == 1);
  CHECK(core::open_demand({}).empty());
}

TEST_CASE("stock demand: shortages hand out the shelf in stock order") {
  const std::vector<core::Posting> postings = {
      open_posting("A", S::awaiting_deliver, kNow + 9 * kHour, 1, {{100, 2}}),
      open_posting("B", S::awaiting_packaging, kNow + kHour, 1, {{100, 3}}),
      open_posting("C", S::awaiting_packaging, kNow + 2 * kHour, 1, {{100, 1}}),
      open_posting("D", S::awaiting_packaging, 0, 1, {{100, 1}}),
      open_posting("E", S::awaiting_packaging, kNow, 1, {{200, 5}}),   // enough stock
      open_posting("F", S::awaiting_packaging, kNow, 1, {{300, 2}}),   // no stock row: skipped
      open_posting("G", S::awaiting_packaging, kNow, 2, {{100, 3}}),   // warehouse 2: short by 3
  };
  const std::vector<core::StockRow> rows = {row(100, 1, 4, 4), row(200, 1, 5), row(100, 2, 0)};
  const auto list = core::shortages(core::open_demand(postings), rows);
  REQUIRE(list.size() == 2);

  // 7 asked, 4 present: A takes 2, B needs 3 of the 2 left -> B and all after it are at risk,
  // even C and D that alone would fit.
  const core::Shortage& first = list[0];
  CHECK(first.key == core::StockKey{100, 1});
  CHECK(first.offer_id == "OF-100");
  CHECK(first.demand == 7);
  CHECK(first.present == 4);
  CHECK(first.short_by == 3);
  CHECK(first.postings == Names{"A", "B", "C", "D"});
  CHECK(first.at_risk == Names{"B", "C", "D"});

  // Equal short_by: the smaller key first.
  const core::Shortage& second = list[1];
  CHECK(second.key == core::StockKey{100, 2});
  CHECK(second.short_by == 3);
  CHECK(second.at_risk == Names{"G"});
}

TEST_CASE("stock demand: shortage ordering by size and negative present") {
  const std::vector<core::Posting> postings = {
      open_posting("A", S::awaiting_packaging, kNow, 1, {{1, 2}}),
      open_posting("B", S::awaiting_packaging, kNow, 1, {{2, 9}}),
      open_posting("C", S::awaiting_packaging, kNow, 1, {{3, 1}}),
  };
  const std::vector<core::StockRow> rows = {row(1, 1, 1), row(2, 1, 1), row(3, 1, -2)};
  const auto list = core::shortages(core::open_demand(postings), rows);
  REQUIRE(list.size() == 3);
  CHECK(list[0].key.sku == 2);
  CHECK(list[0].short_by == 8);
  CHECK(list[1].key.sku == 3);  // Ozon's present below zero: the whole demand and more
  CHECK(list[1].short_by == 3);
  CHECK(list[1].at_risk == Names{"C"});
  CHECK(list[2].key.sku == 1);
  CHECK(list[2].at_risk == Names{"A"});
  // Exactly enough is no shortage.
  CHECK(core::shortages(core::open_demand(postings), {row(1, 1, 2)}).empty());
}

TEST_CASE("replenishment: sales window edges and cancelled postings") {
  const std::vector<core::Posting> postings = {
      sale("in", S::delivered, kNow - kDay, 100, 2),
      sale("edge-start", S::delivering, kNow - 30 * kDay, 100, 1),   // exactly at the window's start: in
      sale("edge-end", S::awaiting_packaging, kNow, 100, 1),        // exactly now: in
      sale("too-old", S::delivered, kNow - 30 * kDay - 1, 100, 10),
      sale("future", S::awaiting_packaging, kNow + 1, 100, 10),
      sale("cancelled", S::cancelled, kNow - kDay, 100, 10),
      sale("split", S::cancelled_from_split_pending, kNow - kDay, 100, 10),
      sale("not-accepted", S::not_accepted, kNow - kDay, 100, 10),
      sale("other-sku", S::delivered, kNow - 2 * kDay, 200, 3),
      sale("no-dates", S::delivered, 0, 300, 7),
  };
  auto by_shipment = sale("by-shipment", S::delivered, 0, 200, 4);
  by_shipment.shipment_date = kNow - 3 * kDay;  // no in_process_at: shipment date counts
  std::vector<core::Posting> all = postings;
  all.push_back(by_shipment);

  const auto sold = core::sales_by_sku(all, kNow);
  CHECK(sold.size() == 2);
  CHECK(sold.at(100) == 4);
  CHECK(sold.at(200) == 7);
  CHECK(sold.count(300) == 0);

  const auto week = core::sales_by_sku(all, kNow, 2);
  CHECK(week.at(100) == 3);  // "in" (1 day ago) and "edge-end"
  CHECK(week.at(200) == 3);
}

TEST_CASE("replenishment: cover, reorder point and suggestion") {
  const core::ReorderSettings settings{14, 7};  // 21 days to cover

  // 30 sold in 30 days: 1 a day; reorder point 21; 10 free -> order 21 + 30 - 10 = 41.
  core::ReorderLine line = core::reorder_line(100, "KR-1", "Кружка", 30, 10, settings);
  CHECK(line.sku == 100);
  CHECK(line.offer_id == "KR-1");
  CHECK(line.name == "Кружка");
  CHECK(line.per_day == doctest::Approx(1.0));
  CHECK(line.days_of_cover == doctest::Approx(10.0));
  CHECK(line.reorder_point == 21);
  CHECK(line.to_reorder);
  CHECK(line.suggested == 41);

  // Plenty of stock: not to reorder.
  line = core::reorder_line(100, "KR-1", "", 30, 22, settings);
  CHECK(line.reorder_point == 21);
  CHECK_FALSE(line.to_reorder);
  CHECK(line.suggested == 0);
  CHECK(line.days_of_cover == doctest::Approx(22.0));

  // Exactly at the point: reorder.
  line = core::reorder_line(100, "KR-1", "", 30, 21, settings);
  CHECK(line.to_reorder);
  CHECK(line.suggested == 30);

  // Fractions round up without floating error: 10 sold -> 1/3 a day, 21 days -> exactly 7.
  line = core::reorder_line(1, "A", "", 10, 0, settings);
  CHECK(line.reorder_point == 7);
  CHECK(line.suggested == 17);  // ceil(10 * 51 / 30) = 17
  CHECK(line.days_of_cover == 0);
  line = core::reorder_line(1, "A", "", 11, 0, settings);
  CHECK(line.reorder_point == 8);  // 7.7 -> 8
  CHECK(line.suggested == 19);     // 18.7 -> 19

  // No sales: cover unbounded, never to reorder, even with nothing free.
  line = core::reorder_line(1, "A", "", 0, 0, settings);
  CHECK(line.per_day == 0);
  CHECK(line.days_of_cover == -1);
  CHECK(line.reorder_point == 0);
  CHECK_FALSE(line.to_reorder);
  CHECK(line.suggested == 0);

  // Free below zero (Ozon's present lagging its reserve): cover 0, order the gap too.
  line = core::reorder_line(1, "A", "", 30, -5, settings);
  CHECK(line.days_of_cover == 0);
  CHECK(line.suggested == 51 + 5);

  // Negative settings count as 0; a window of no days as one day.
  line = core::reorder_line(1, "A", "", 30, 0, core::ReorderSettings{-3, -1});
  CHECK(line.settings.lead_time_days == 0);
  CHECK(line.settings.safety_days == 0);
  CHECK(line.reorder_point == 0);
  CHECK(line.to_reorder);
  CHECK(line.suggested == 30);
  line = core::reorder_line(1, "A", "", 2, 0, settings, 0);
  CHECK(line.window_days == 1);
  CHECK(line.per_day == doctest::Approx(2.0));
  CHECK(line.reorder_point == 42);
}

TEST_CASE("replenishment: CSV quoting and TSV") {
  const core::ReorderSettings settings{14, 7};
  const std::vector<core::ReorderLine> lines = {
      core::reorder_line(111, "KR-1", "Кружка, керамическая \"люкс\"", 10, 5, settings),
      core::reorder_line(222, "CN-1", "陶瓷杯\n第二行", 0, 3, settings),
  };
  const std::string csv = core::reorder_csv(lines);
  CHECK(csv ==
        "offer_id,sku,name,sold_30d,per_day,free,days_of_cover,lead_time_days,safety_days,reorder_point,suggested\r\n"
        "KR-1,111,\"Кружка, керамическая \"\"люкс\"\"\",10,0.33,5,15.0,14,7,7,12\r\n"
        "CN-1,222,\"陶瓷杯\n第二行\",0,0.00,3,,14,7,0,0\r\n");
  const std::string tsv = core::reorder_tsv(lines);
  CHECK(tsv ==
        "offer_id\tsku\tname\tsold_30d\tper_day\tfree\tdays_of_cover\tlead_time_days\tsafety_days\treorder_point\t"
        "suggested\n"
        "KR-1\t111\tКружка, керамическая \"люкс\"\t10\t0.33\t5\t15.0\t14\t7\t7\t12\n"
        "CN-1\t222\t陶瓷杯 第二行\t0\t0.00\t3\t\t14\t7\t0\t0\n");
  CHECK(core::reorder_csv({}) ==
        "offer_id,sku,name,sold_30d,per_day,free,days_of_cover,lead_time_days,safety_days,reorder_point,suggested\r\n");
}

TEST_CASE("replenishment: a cell that starts like a formula stays text in a spreadsheet") {
  const core::ReorderSettings settings{14, 7};
  const std::vector<core::ReorderLine> lines = {
      core::reorder_line(1, "=HYPERLINK(\"x\")", "+7 cups", 3, 0, settings),
      core::reorder_line(2, "-A", "@home", 3, 0, settings),
  };
  const std::string csv = core::reorder_csv(lines);
  CHECK(csv.find("\"'=HYPERLINK(\"\"x\"\")\",1,'+7 cups,") != std::string::npos);
  CHECK(csv.find("'-A,2,'@home,") != std::string::npos);
  const std::string tsv = core::reorder_tsv(lines);
  CHECK(tsv.find("'=HYPERLINK(\"x\")\t1\t'+7 cups\t") != std::string::npos);
}
