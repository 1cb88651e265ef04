#pragma once
// Splitting a posting's items into boxes (packages) before shipping.
// Pure data and rules; the ship request itself is built in ozon/.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "core/posting.h"

namespace core {

// boxes[b][i] = quantity of the posting's product line i (same order as
// Posting::products) packed in box b.
struct BoxPlan {
  std::vector<std::vector<std::int64_t>> boxes;

  std::size_t box_count() const { return boxes.size(); }
  std::int64_t box_total(std::size_t box) const;          // items in one box
  std::int64_t assigned(std::size_t product) const;       // one line over all boxes
  friend bool operator==(const BoxPlan&, const BoxPlan&) = default;
};

enum class BoxProblemKind {
  no_boxes,           // the plan has no box at all
  wrong_line_count,   // a box row does not have one entry per product line
  empty_box,          // box holds nothing
  negative_quantity,  // a cell is below zero
  quantity_mismatch,  // a product line's sum over boxes != ordered quantity
  too_many_boxes,     // more boxes than items in the posting
};

struct BoxProblem {
  BoxProblemKind kind = BoxProblemKind::no_boxes;
  int box = -1;      // box index, -1 when not about one box
  int product = -1;  // product line index, -1 when not about one line
  std::int64_t ordered = 0;   // quantity_mismatch: ordered quantity
  std::int64_t assigned = 0;  // quantity_mismatch: sum over boxes
  friend bool operator==(const BoxProblem&, const BoxProblem&) = default;
};

std::string_view to_string(BoxProblemKind kind);

std::int64_t total_items(const Posting& posting);  // sum of ordered quantities (negatives as 0)

// Everything in one box.
BoxPlan single_box(const Posting& posting);
// Items spread over `box_count` boxes as evenly as possible by item count,
// lines kept together where they fit (box b gets the next N/k or N/k+1
// items in product order). box_count is clamped to 1..total items (at least 1).
BoxPlan split_evenly(const Posting& posting, int box_count);

// Appends an empty box as wide as the existing ones (or `product_count`
// when the plan has none).
void add_box(BoxPlan& plan, std::size_t product_count = 0);
// Removes box `box`, moving its contents into the box before it (or into
// the new first box when `box` is 0). Refused (false) for the last
// remaining box or an index out of range.
bool remove_box(BoxPlan& plan, std::size_t box);
// Moves one item of product line `product` from one box to another; false
// (and nothing changes) when the source box has none or an index is bad.
bool move_one(BoxPlan& plan, std::size_t product, std::size_t from_box, std::size_t to_box);

// All problems, in box order; empty when the plan can be shipped.
std::vector<BoxProblem> validate(const Posting& posting, const BoxPlan& plan);

// One package per box for /v4/posting/fbs/ship: (product_id = the line's
// SKU, quantity). Lines sharing a SKU are merged within a box (first
// appearance order), zero/negative cells and boxes left empty are skipped.
// Call validate() first: this does not check sums.
using ShipPackages = std::vector<std::vector<std::pair<std::int64_t, std::int64_t>>>;
ShipPackages to_packages(const Posting& posting, const BoxPlan& plan);

}  // namespace core
