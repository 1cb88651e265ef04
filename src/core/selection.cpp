#include "core/selection.h"

#include <algorithm>

#include "core/order_list.h"

namespace core {
namespace {
constexpr std::size_t kNpos = static_cast<std::size_t>(-1);
}

void Selection::click(const OrderListModel& list, std::size_t row) {
  if (row >= list.visible_count()) return;
  selected_.clear();
  anchor_ = list.at(row).posting_number;
  selected_.insert(anchor_);
}

void Selection::ctrl_click(const OrderListModel& list, std::size_t row) {
  if (row >= list.visible_count()) return;
  anchor_ = list.at(row).posting_number;
  if (selected_.erase(anchor_) == 0) selected_.insert(anchor_);
}

void Selection::shift_click(const OrderListModel& list, std::size_t row, bool additive) {
  if (row >= list.visible_count()) return;
  const std::size_t anchor = anchor_row(list);
  if (anchor == kNpos) {
    if (additive) {
      anchor_ = list.at(row).posting_number;
      selected_.insert(anchor_);
    } else {
      click(list, row);
    }
    return;
  }
  if (!additive) selected_.clear();
  const std::size_t first = std::min(anchor, row);
  const std::size_t last = std::max(anchor, row);
  for (std::size_t r = first; r <= last; ++r) selected_.insert(list.at(r).posting_number);
}

void Selection::select_all(const OrderListModel& list) {
  selected_.reserve(list.visible_count());
  for (std::size_t r = 0; r < list.visible_count(); ++r) selected_.insert(list.at(r).posting_number);
}

void Selection::clear() {
  selected_.clear();
  anchor_.clear();
}

void Selection::prune(const OrderListModel& list) {
  if (!anchor_.empty() && anchor_row(list) == kNpos) anchor_.clear();
  if (selected_.empty()) return;
  decltype(selected_) kept;
  kept.reserve(selected_.size());
  for (std::size_t r = 0; r < list.visible_count() && kept.size() < selected_.size(); ++r) {
    const std::string& number = list.at(r).posting_number;
    if (selected_.count(number) != 0) kept.insert(number);
  }
  selected_.swap(kept);
}

bool Selection::contains(std::string_view posting_number) const {
  if (selected_.empty()) return false;
  return selected_.find(posting_number) != selected_.end();
}

bool Selection::contains_row(const OrderListModel& list, std::size_t row) const {
  if (selected_.empty() || row >= list.visible_count()) return false;
  return selected_.count(list.at(row).posting_number) != 0;
}

std::vector<std::string> Selection::numbers(const OrderListModel& list) const {
  std::vector<std::string> out;
  if (selected_.empty()) return out;
  out.reserve(selected_.size());
  for (std::size_t r = 0; r < list.visible_count() && out.size() < selected_.size(); ++r) {
    const std::string& number = list.at(r).posting_number;
    if (selected_.count(number) != 0) out.push_back(number);
  }
  return out;
}

std::size_t Selection::anchor_row(const OrderListModel& list) const {
  if (anchor_.empty()) return kNpos;
  for (std::size_t r = 0; r < list.visible_count(); ++r) {
    if (list.at(r).posting_number == anchor_) return r;
  }
  return kNpos;
}

}  // namespace core
