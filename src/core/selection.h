#pragma once
// Row selection for the Orders table, keyed by posting number so it survives
// re-sorting and data refreshes. Rows are positions in the list's current
// visible order (OrderListModel::visible()).
//
// Pruning rule: after every recompute() the UI calls prune(list); the
// selection then keeps only postings that are still visible. A posting hidden
// by a tab switch, a filter, a search or a status change (shipped, cancelled)
// is dropped, so a batch action never touches a row the seller cannot see.
// The anchor is dropped with it (the next shift-click acts as a click).
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace core {

class OrderListModel;

struct SelectionHash {  // lets the set be searched with a string_view
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

class Selection {
 public:
  // Select only this row; it becomes the anchor.
  void click(const OrderListModel& list, std::size_t row);
  // Toggle this row; it becomes the anchor.
  void ctrl_click(const OrderListModel& list, std::size_t row);
  // Select the rows from the anchor to this row (inclusive, current visible
  // order), replacing the selection, or adding to it when `additive`
  // (Ctrl+Shift). The anchor stays. Without a visible anchor: as click().
  void shift_click(const OrderListModel& list, std::size_t row, bool additive = false);
  void select_all(const OrderListModel& list);  // every visible row; anchor unchanged
  void clear();
  // Drop what is no longer visible (call after each recompute).
  void prune(const OrderListModel& list);

  bool contains(std::string_view posting_number) const;
  bool contains_row(const OrderListModel& list, std::size_t row) const;
  std::size_t count() const { return selected_.size(); }
  bool empty() const { return selected_.empty(); }
  const std::string& anchor() const { return anchor_; }  // empty = none
  // Selected posting numbers in visible order (hidden ones are never listed).
  std::vector<std::string> numbers(const OrderListModel& list) const;

 private:
  std::size_t anchor_row(const OrderListModel& list) const;  // npos if not visible

  std::unordered_set<std::string, SelectionHash, std::equal_to<>> selected_;
  std::string anchor_;
};

}  // namespace core
