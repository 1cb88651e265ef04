// The Stock screen's table: search, warehouse filter, stock filters, every
// sort key in both directions with stable ties, find_line.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/stock_table.h"

namespace {

using Rows = std::vector<std::string>;

core::StockProductInfo product(std::int64_t id, std::int64_t sku, std::string offer, std::string name,
                               std::string own, std::int64_t reorder_point) {
  return core::StockProductInfo{id, sku, std::move(offer), std::move(name), std::move(own), reorder_point};
}

core::StockLine line(std::uint32_t p, std::uint32_t w, std::int64_t present, std::int64_t reserved,
                     std::int64_t demand) {
  core::StockLine l;
  l.product = p;
  l.warehouse = w;
  l.present = present;
  l.reserved = reserved;
  l.demand = demand;
  l.short_by = demand > present ? demand - present : 0;
  return l;
}

// Products (given out of offer order on purpose) at two warehouses.
core::StockTable sample() {
  core::StockTable t;
  t.assign(
      {
          product(1, 5001, "KR-2", "Кружка керамическая", "陶瓷杯", 10),   // 0
          product(2, 5002, "A-TSH", "Футболка красная", "", 3),            // 1
          product(3, 7003, "LAMP", "Лампа настольная", "台灯", 0),         // 2 (no sales)
          product(4, 5004, "KR-1", "кружка керамическая", "", 5),           // 3: same name as 0, other case
      },
      {101, 202}, {"Склад Москва", "Склад Казань"},
      {
          line(0, 0, 20, 5, 3),   // 0  KR-2 Москва   free 15  (> rp 10)
          line(0, 1, 8, 0, 0),    // 1  KR-2 Казань   free 8   low
          line(1, 0, 2, 2, 4),    // 2  A-TSH Москва  free 0   zero, short 2
          line(1, 1, 5, 1, 0),    // 3  A-TSH Казань  free 4   (> rp 3)
          line(2, 0, 1, 0, 0),    // 4  LAMP Москва   free 1   (no sales: never low)
          line(2, 1, 0, 0, 0),    // 5  LAMP Казань   free 0   zero
          line(3, 0, 3, 0, 9),    // 6  KR-1 Москва   free 3   low, short 6
          line(3, 1, 6, 1, 0),    // 7  KR-1 Казань   free 5   low (== rp)
      });
  return t;
}

// "offer@warehouse index" of the visible lines.
Rows rows(core::StockTable& t, const core::StockQuery& q) {
  t.set_query(q);
  t.refresh();
  Rows out;
  for (const std::uint32_t i : t.visible()) {
    const core::StockLine& l = t.lines()[i];
    out.push_back(t.products()[l.product].offer_id + "@" + std::to_string(l.warehouse));
  }
  return out;
}

Rows search(core::StockTable& t, std::string text) {
  core::StockQuery q;
  q.text = std::move(text);
  return rows(t, q);
}

Rows sorted(core::StockTable& t, core::StockSortKey key, bool descending) {
  core::StockQuery q;
  q.sort = key;
  q.descending = descending;
  return rows(t, q);
}

}  // namespace

namespace doctest {
template <>
struct StringMaker<Rows> {
  static String convert(const Rows& v) {
    std::string out = "{";
    for (const std::string& s : v) out += " " + s;
    return String((out + " }").c_str());
  }
};
}  // namespace doctest

TEST_CASE("stock table: default query lists every line by offer id, then warehouse") {
  core::StockTable t = sample();
  CHECK(rows(t, {}) == Rows{"A-TSH@0", "A-TSH@1", "KR-1@0", "KR-1@1", "KR-2@0", "KR-2@1", "LAMP@0", "LAMP@1"});
  CHECK(t.lines()[2].free() == 0);
}

TEST_CASE("stock table: search by offer id, SKU, Cyrillic name, transliteration, own name") {
  core::StockTable t = sample();
  CHECK(search(t, "kr-1") == Rows{"KR-1@0", "KR-1@1"});
  CHECK(search(t, "KR-") == Rows{"KR-1@0", "KR-1@1", "KR-2@0", "KR-2@1"});
  CHECK(search(t, "7003") == Rows{"LAMP@0", "LAMP@1"});
  CHECK(search(t, "500") == Rows{"A-TSH@0", "A-TSH@1", "KR-1@0", "KR-1@1", "KR-2@0", "KR-2@1"});
  CHECK(search(t, "КРУЖКА") == Rows{"KR-1@0", "KR-1@1", "KR-2@0", "KR-2@1"});
  CHECK(search(t, "futbolka") == Rows{"A-TSH@0", "A-TSH@1"});
  CHECK(search(t, "kruzhka kr-2") == Rows{"KR-2@0", "KR-2@1"});
  CHECK(search(t, "陶瓷") == Rows{"KR-2@0", "KR-2@1"});
  CHECK(search(t, "台灯") == Rows{"LAMP@0", "LAMP@1"});
  CHECK(search(t, "москва").empty());  // warehouses are the warehouse filter's job
  CHECK(search(t, "nothing").empty());
  CHECK(search(t, "  ").size() == 8);
}

TEST_CASE("stock table: warehouse filter and stock filters") {
  core::StockTable t = sample();
  core::StockQuery q;
  q.warehouse_id = 202;
  CHECK(rows(t, q) == Rows{"A-TSH@1", "KR-1@1", "KR-2@1", "LAMP@1"});
  q.warehouse_id = 999;
  CHECK(rows(t, q).empty());

  q = {};
  q.filter = core::StockFilter::short_only;
  CHECK(rows(t, q) == Rows{"A-TSH@0", "KR-1@0"});
  q.filter = core::StockFilter::zero;
  CHECK(rows(t, q) == Rows{"A-TSH@0", "LAMP@1"});
  q.filter = core::StockFilter::low;
  CHECK(rows(t, q) == Rows{"KR-1@0", "KR-1@1", "KR-2@1"});
  q.warehouse_id = 101;
  CHECK(rows(t, q) == Rows{"KR-1@0"});
  q.text = "kruzhka";
  q.filter = core::StockFilter::all;
  CHECK(rows(t, q) == Rows{"KR-1@0", "KR-2@0"});

  const core::StockProductInfo p = product(9, 9, "X", "", "", 4);
  CHECK(core::line_matches(line(0, 0, 5, 1, 0), p, core::StockFilter::low));       // free 4 == rp
  CHECK_FALSE(core::line_matches(line(0, 0, 5, 0, 0), p, core::StockFilter::low)); // free 5
  CHECK(core::line_matches(line(0, 0, 1, 3, 0), p, core::StockFilter::zero));      // free -2
  CHECK_FALSE(core::line_matches(line(0, 0, 1, 3, 0), p, core::StockFilter::low));
  CHECK(core::line_matches(line(0, 0, 1, 3, 0), p, core::StockFilter::all));
}

TEST_CASE("stock table: every sort key, both directions, ties by offer id then warehouse") {
  core::StockTable t = sample();
  using K = core::StockSortKey;
  CHECK(sorted(t, K::offer_id, true) ==
        Rows{"LAMP@0", "LAMP@1", "KR-2@0", "KR-2@1", "KR-1@0", "KR-1@1", "A-TSH@0", "A-TSH@1"});
  // Names compare case-folded: the two mugs tie and keep offer order (KR-1 first) both ways.
  CHECK(sorted(t, K::name, false) ==
        Rows{"KR-1@0", "KR-1@1", "KR-2@0", "KR-2@1", "LAMP@0", "LAMP@1", "A-TSH@0", "A-TSH@1"});
  CHECK(sorted(t, K::name, true) ==
        Rows{"A-TSH@0", "A-TSH@1", "LAMP@0", "LAMP@1", "KR-1@0", "KR-1@1", "KR-2@0", "KR-2@1"});
  // Warehouses by name: Казань before Москва.
  CHECK(sorted(t, K::warehouse, false) ==
        Rows{"A-TSH@1", "KR-1@1", "KR-2@1", "LAMP@1", "A-TSH@0", "KR-1@0", "KR-2@0", "LAMP@0"});
  CHECK(sorted(t, K::warehouse, true) ==
        Rows{"A-TSH@0", "KR-1@0", "KR-2@0", "LAMP@0", "A-TSH@1", "KR-1@1", "KR-2@1", "LAMP@1"});
  CHECK(sorted(t, K::present, false) ==
        Rows{"LAMP@1", "LAMP@0", "A-TSH@0", "KR-1@0", "A-TSH@1", "KR-1@1", "KR-2@1", "KR-2@0"});
  CHECK(sorted(t, K::present, true) ==
        Rows{"KR-2@0", "KR-2@1", "KR-1@1", "A-TSH@1", "KR-1@0", "A-TSH@0", "LAMP@0", "LAMP@1"});
  CHECK(sorted(t, K::reserved, false) ==
        Rows{"KR-1@0", "KR-2@1", "LAMP@0", "LAMP@1", "A-TSH@1", "KR-1@1", "A-TSH@0", "KR-2@0"});
  CHECK(sorted(t, K::reserved, true) ==
        Rows{"KR-2@0", "A-TSH@0", "A-TSH@1", "KR-1@1", "KR-1@0", "KR-2@1", "LAMP@0", "LAMP@1"});
  CHECK(sorted(t, K::free, false) ==
        Rows{"A-TSH@0", "LAMP@1", "LAMP@0", "KR-1@0", "A-TSH@1", "KR-1@1", "KR-2@1", "KR-2@0"});
  CHECK(sorted(t, K::free, true) ==
        Rows{"KR-2@0", "KR-2@1", "KR-1@1", "A-TSH@1", "KR-1@0", "LAMP@0", "A-TSH@0", "LAMP@1"});
  CHECK(sorted(t, K::demand, false) ==
        Rows{"A-TSH@1", "KR-1@1", "KR-2@1", "LAMP@0", "LAMP@1", "KR-2@0", "A-TSH@0", "KR-1@0"});
  CHECK(sorted(t, K::demand, true) ==
        Rows{"KR-1@0", "A-TSH@0", "KR-2@0", "A-TSH@1", "KR-1@1", "KR-2@1", "LAMP@0", "LAMP@1"});
  CHECK(sorted(t, K::short_by, true) ==
        Rows{"KR-1@0", "A-TSH@0", "A-TSH@1", "KR-1@1", "KR-2@0", "KR-2@1", "LAMP@0", "LAMP@1"});
  CHECK(sorted(t, K::short_by, false) ==
        Rows{"A-TSH@1", "KR-1@1", "KR-2@0", "KR-2@1", "LAMP@0", "LAMP@1", "A-TSH@0", "KR-1@0"});
}

TEST_CASE("stock table: numbers change in place; refresh only when dirty") {
  core::StockTable t = sample();
  core::StockQuery q;
  q.filter = core::StockFilter::short_only;
  CHECK(rows(t, q) == Rows{"A-TSH@0", "KR-1@0"});
  t.mutable_lines()[1].demand = 20;
  t.mutable_lines()[1].short_by = 12;
  t.refresh();  // not dirty: the same rows
  CHECK(t.visible().size() == 2);
  t.invalidate();
  t.refresh();
  CHECK(t.visible().size() == 3);
  t.mutable_products_numbers()[2].reorder_point = 2;  // LAMP starts selling: Москва's 1 is low
  t.invalidate();
  q.filter = core::StockFilter::low;
  CHECK(rows(t, q) == Rows{"KR-1@0", "KR-1@1", "KR-2@1", "LAMP@0"});
  CHECK(t.query() == q);
}

TEST_CASE("stock table: find_line and bad indices") {
  core::StockTable t = sample();
  CHECK(t.find_line(1, 101) == 0);
  CHECK(t.find_line(1, 202) == 1);
  CHECK(t.find_line(4, 202) == 7);
  CHECK(t.find_line(4, 303) == -1);
  CHECK(t.find_line(99, 101) == -1);

  core::StockTable bad;
  bad.assign({product(1, 1, "A", "", "", 0)}, {101}, {"W"}, {line(0, 0, 1, 0, 0), line(5, 0, 1, 0, 0), line(0, 3, 1, 0, 0)});
  bad.refresh();
  CHECK(bad.visible() == std::vector<std::uint32_t>{0});  // lines pointing nowhere are never shown
  CHECK(bad.find_line(1, 101) == 0);
  // Resized through the accessor (not meant, but never out of bounds).
  bad.mutable_products_numbers().push_back(product(2, 2, "B", "", "", 0));
  bad.mutable_lines().push_back(line(1, 0, 1, 0, 0));
  bad.invalidate();
  bad.refresh();
  CHECK(bad.visible() == std::vector<std::uint32_t>{0, 3});
  CHECK(bad.find_line(2, 101) == 3);

  core::StockTable empty;
  empty.refresh();
  CHECK(empty.visible().empty());
  CHECK(empty.find_line(1, 1) == -1);
}
