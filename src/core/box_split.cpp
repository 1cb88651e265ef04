#include "core/box_split.h"

#include <algorithm>

namespace core {

std::int64_t BoxPlan::box_total(std::size_t box) const {
  if (box >= boxes.size()) return 0;
  std::int64_t sum = 0;
  for (std::int64_t q : boxes[box]) sum += q;
  return sum;
}

std::int64_t BoxPlan::assigned(std::size_t product) const {
  std::int64_t sum = 0;
  for (const auto& row : boxes)
    if (product < row.size()) sum += row[product];
  return sum;
}

std::string_view to_string(BoxProblemKind kind) {
  switch (kind) {
    case BoxProblemKind::no_boxes: return "no_boxes";
    case BoxProblemKind::wrong_line_count: return "wrong_line_count";
    case BoxProblemKind::empty_box: return "empty_box";
    case BoxProblemKind::negative_quantity: return "negative_quantity";
    case BoxProblemKind::quantity_mismatch: return "quantity_mismatch";
    case BoxProblemKind::too_many_boxes: return "too_many_boxes";
  }
  return "unknown";
}

std::int64_t total_items(const Posting& posting) {
  std::int64_t sum = 0;
  for (const auto& p : posting.products) sum += std::max<std::int64_t>(p.quantity, 0);
  return sum;
}

BoxPlan single_box(const Posting& posting) {
  BoxPlan plan;
  auto& row = plan.boxes.emplace_back();
  row.reserve(posting.products.size());
  for (const auto& p : posting.products) row.push_back(std::max<std::int64_t>(p.quantity, 0));
  return plan;
}

BoxPlan split_evenly(const Posting& posting, int box_count) {
  const std::int64_t total = total_items(posting);
  std::int64_t k = std::max(box_count, 1);
  if (total > 0) k = std::min(k, total);
  if (total == 0) k = 1;
  const std::size_t lines = posting.products.size();
  BoxPlan plan;
  plan.boxes.assign(static_cast<std::size_t>(k), std::vector<std::int64_t>(lines, 0));
  const std::int64_t base = total / k, extra = total % k;
  std::size_t line = 0;
  std::int64_t left_in_line = lines ? std::max<std::int64_t>(posting.products[0].quantity, 0) : 0;
  for (std::int64_t b = 0; b < k; ++b) {
    std::int64_t room = base + (b < extra ? 1 : 0);
    auto& row = plan.boxes[static_cast<std::size_t>(b)];
    while (room > 0 && line < lines) {
      if (left_in_line == 0) {
        if (++line < lines) left_in_line = std::max<std::int64_t>(posting.products[line].quantity, 0);
        continue;
      }
      const std::int64_t take = std::min(room, left_in_line);
      row[line] += take;
      room -= take;
      left_in_line -= take;
    }
  }
  return plan;
}

void add_box(BoxPlan& plan, std::size_t product_count) {
  const std::size_t width = plan.boxes.empty() ? product_count : plan.boxes.front().size();
  plan.boxes.emplace_back(width, 0);
}

bool remove_box(BoxPlan& plan, std::size_t box) {
  if (plan.boxes.size() < 2 || box >= plan.boxes.size()) return false;
  std::vector<std::int64_t> contents = std::move(plan.boxes[box]);
  plan.boxes.erase(plan.boxes.begin() + static_cast<std::ptrdiff_t>(box));
  auto& into = plan.boxes[box == 0 ? 0 : box - 1];
  if (into.size() < contents.size()) into.resize(contents.size(), 0);
  for (std::size_t i = 0; i < contents.size(); ++i) into[i] += contents[i];
  return true;
}

bool move_one(BoxPlan& plan, std::size_t product, std::size_t from_box, std::size_t to_box) {
  if (from_box >= plan.boxes.size() || to_box >= plan.boxes.size() || from_box == to_box)
    return false;
  auto& from = plan.boxes[from_box];
  if (product >= from.size() || from[product] <= 0) return false;
  auto& to = plan.boxes[to_box];
  if (to.size() <= product) to.resize(product + 1, 0);
  --from[product];
  ++to[product];
  return true;
}

std::vector<BoxProblem> validate(const Posting& posting, const BoxPlan& plan) {
  std::vector<BoxProblem> out;
  if (plan.boxes.empty()) {
    out.push_back({BoxProblemKind::no_boxes, -1, -1, 0, 0});
    return out;
  }
  const std::size_t lines = posting.products.size();
  for (std::size_t b = 0; b < plan.boxes.size(); ++b) {
    const auto& row = plan.boxes[b];
    const int box = static_cast<int>(b);
    if (row.size() != lines) out.push_back({BoxProblemKind::wrong_line_count, box, -1, 0, 0});
    bool any = false;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row[i] < 0) out.push_back({BoxProblemKind::negative_quantity, box, static_cast<int>(i), 0, row[i]});
      if (row[i] > 0) any = true;
    }
    if (!any) out.push_back({BoxProblemKind::empty_box, box, -1, 0, 0});
  }
  for (std::size_t i = 0; i < lines; ++i) {
    const std::int64_t ordered = posting.products[i].quantity;
    const std::int64_t got = plan.assigned(i);
    if (got != ordered)
      out.push_back({BoxProblemKind::quantity_mismatch, -1, static_cast<int>(i), ordered, got});
  }
  const std::int64_t total = total_items(posting);
  if (static_cast<std::int64_t>(plan.boxes.size()) > total)
    out.push_back({BoxProblemKind::too_many_boxes, -1, -1, total,
                   static_cast<std::int64_t>(plan.boxes.size())});
  return out;
}

ShipPackages to_packages(const Posting& posting, const BoxPlan& plan) {
  ShipPackages out;
  for (const auto& row : plan.boxes) {
    std::vector<std::pair<std::int64_t, std::int64_t>> package;
    const std::size_t n = std::min(row.size(), posting.products.size());
    for (std::size_t i = 0; i < n; ++i) {
      if (row[i] <= 0) continue;
      const std::int64_t sku = posting.products[i].sku;
      auto it = std::find_if(package.begin(), package.end(),
                             [&](const auto& item) { return item.first == sku; });
      if (it != package.end())
        it->second += row[i];
      else
        package.emplace_back(sku, row[i]);
    }
    if (!package.empty()) out.push_back(std::move(package));
  }
  return out;
}

}  // namespace core
