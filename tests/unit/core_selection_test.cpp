#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/order_list.h"
#include "core/selection.h"

namespace {

constexpr core::EpochMs kHour = 3'600'000;
constexpr core::EpochMs kNow = 1'778'760'000'000;

core::Posting make(const std::string& number, core::PostingStatus status, core::EpochMs deadline,
                   std::int64_t warehouse) {
  core::Posting p;
  p.posting_number = number;
  p.status = status;
  p.shipment_date = deadline;
  p.delivery_method.warehouse_id = warehouse;
  p.delivery_method.warehouse = warehouse == 1 ? "W1" : "W2";
  return p;
}

// Packaging tab, by deadline: A, B, C, D; E is in the shipment tab.
core::OrderListModel model() {
  using S = core::PostingStatus;
  core::OrderListModel m;
  m.set_postings({make("D", S::awaiting_packaging, kNow + 4 * kHour, 1),
                  make("B", S::awaiting_packaging, kNow + 2 * kHour, 2),
                  make("A", S::awaiting_packaging, kNow + 1 * kHour, 1),
                  make("C", S::awaiting_packaging, kNow + 3 * kHour, 2),
                  make("E", S::awaiting_deliver, kNow + 1 * kHour, 1)});
  m.recompute(kNow, 180);
  return m;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("selection: click, ctrl-click, shift-click") {
  const core::OrderListModel m = model();
  REQUIRE(m.at(0).posting_number == "A");
  core::Selection s;
  CHECK(s.empty());
  CHECK(s.numbers(m).empty());

  s.click(m, 1);
  CHECK(s.numbers(m) == Names{"B"});
  CHECK(s.anchor() == "B");
  CHECK(s.contains("B"));
  CHECK(s.contains_row(m, 1));
  CHECK_FALSE(s.contains_row(m, 0));

  s.ctrl_click(m, 3);
  CHECK(s.numbers(m) == Names{"B", "D"});
  CHECK(s.anchor() == "D");
  s.ctrl_click(m, 3);  // toggles off, stays anchor
  CHECK(s.numbers(m) == Names{"B"});
  CHECK(s.anchor() == "D");

  s.shift_click(m, 0);  // D..A, replacing
  CHECK(s.numbers(m) == Names{"A", "B", "C", "D"});
  CHECK(s.anchor() == "D");
  s.shift_click(m, 2);  // anchor stays D: C..D
  CHECK(s.numbers(m) == Names{"C", "D"});

  s.click(m, 0);
  s.shift_click(m, 1, /*additive=*/false);
  CHECK(s.numbers(m) == Names{"A", "B"});
  s.ctrl_click(m, 3);
  s.shift_click(m, 2, /*additive=*/true);  // anchor D: adds C..D
  CHECK(s.numbers(m) == Names{"A", "B", "C", "D"});
  CHECK(s.count() == 4);

  s.clear();
  CHECK(s.count() == 0);
  CHECK(s.anchor().empty());
  s.shift_click(m, 2);  // no anchor: acts as a click
  CHECK(s.numbers(m) == Names{"C"});
  CHECK(s.anchor() == "C");

  // Out-of-range rows change nothing.
  s.click(m, 99);
  s.ctrl_click(m, 99);
  s.shift_click(m, 99);
  CHECK(s.numbers(m) == Names{"C"});
  CHECK_FALSE(s.contains_row(m, 99));
}

TEST_CASE("selection: select all, and stability across re-sorting") {
  core::OrderListModel m = model();
  core::Selection s;
  s.select_all(m);
  CHECK(s.count() == 4);
  CHECK_FALSE(s.contains("E"));

  s.click(m, 0);       // A
  s.ctrl_click(m, 2);  // C
  core::OrderQuery q;
  q.sort_key = core::OrderSortKey::posting_number;
  q.ascending = false;  // D C B A
  m.set_query(q);
  m.recompute(kNow, 180);
  s.prune(m);
  CHECK(s.numbers(m) == Names{"C", "A"});  // same postings, new visible order
  CHECK(s.anchor() == "C");
  s.shift_click(m, 0);  // anchor C is row 1 now: D..C
  CHECK(s.numbers(m) == Names{"D", "C"});

  // A refresh that keeps the postings keeps the selection.
  m.upsert(make("D", core::PostingStatus::awaiting_packaging, kNow + 5 * kHour, 1));
  m.recompute(kNow, 180);
  s.prune(m);
  CHECK(s.numbers(m) == Names{"D", "C"});
}

TEST_CASE("selection: pruned to what is still visible") {
  core::OrderListModel m = model();
  core::Selection s;
  s.select_all(m);
  // Filter to warehouse 2: only B and C remain visible.
  core::OrderQuery q;
  q.warehouse_ids = {2};
  m.set_query(q);
  m.recompute(kNow, 180);
  s.prune(m);
  CHECK(s.count() == 2);
  CHECK(s.numbers(m) == Names{"B", "C"});
  CHECK_FALSE(s.contains("A"));

  // Widening the filter again does not bring the hidden ones back.
  m.set_query({});
  m.recompute(kNow, 180);
  s.prune(m);
  CHECK(s.numbers(m) == Names{"B", "C"});

  // Shipping C moves it to another tab: it leaves the selection.
  s.click(m, 1);  // B, anchor B
  s.ctrl_click(m, 2);  // C, anchor C
  m.upsert(make("C", core::PostingStatus::awaiting_deliver, kNow + kHour, 2));
  m.recompute(kNow, 180);
  s.prune(m);
  CHECK(s.numbers(m) == Names{"B"});
  CHECK(s.anchor().empty());  // the anchor was C
  s.shift_click(m, 0);        // acts as a click
  CHECK(s.numbers(m) == Names{"A"});

  // Removed postings leave too; switching tabs clears what is not there.
  s.select_all(m);
  m.remove("A");
  m.recompute(kNow, 180);
  s.prune(m);
  CHECK(s.numbers(m) == Names{"B", "D"});
  q = {};
  q.tab = core::Stage::awaiting_shipment;
  m.set_query(q);
  m.recompute(kNow, 180);
  s.prune(m);
  CHECK(s.empty());
}
