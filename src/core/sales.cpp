#include "core/sales.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/calendar_day.h"

namespace core {
namespace {

// A longer range is a typing error, not a chart: refuse it rather than allocate for it.
constexpr std::int64_t kMaxDays = 100 * 366;

double metric(const AnalyticsRow& row, std::size_t index) {
  return index < row.metrics.size() ? row.metrics[index] : 0.0;
}

// Ordered units come as a JSON number; a non-number or absurd value counts as none.
std::int64_t units_from(double value) {
  if (!std::isfinite(value) || std::fabs(value) > 1e15) return 0;
  return static_cast<std::int64_t>(std::llround(value));
}

}  // namespace

std::vector<DailySales> daily_sales(const std::vector<AnalyticsRow>& rows, const std::string& first_day,
                                    const std::string& last_day) {
  std::vector<DailySales> out;
  const std::optional<std::int64_t> first = parse_day(first_day);
  const std::optional<std::int64_t> last = parse_day(last_day);
  if (!first || !last || *last < *first || *last - *first >= kMaxDays) return out;
  out.resize(static_cast<std::size_t>(*last - *first + 1));
  for (std::size_t i = 0; i < out.size(); ++i) out[i].day = format_day(*first + static_cast<std::int64_t>(i));
  for (const AnalyticsRow& row : rows) {
    if (row.dimension_ids.empty()) continue;
    const std::optional<std::int64_t> day = parse_day(row.dimension_ids.front());
    if (!day || *day < *first || *day > *last) continue;
    DailySales& d = out[static_cast<std::size_t>(*day - *first)];
    d.revenue += kopecks_from_roubles(metric(row, 0));
    d.units += units_from(metric(row, 1));
  }
  return out;
}

std::vector<ProductSales> product_sales(const std::vector<AnalyticsRow>& rows) {
  std::map<std::string, ProductSales> by_sku;
  for (const AnalyticsRow& row : rows) {
    if (row.dimension_ids.empty()) continue;
    ProductSales& p = by_sku[row.dimension_ids.front()];
    if (p.name.empty() && !row.dimension_names.empty()) p.name = row.dimension_names.front();
    p.revenue += kopecks_from_roubles(metric(row, 0));
    p.units += units_from(metric(row, 1));
  }
  std::vector<ProductSales> out;
  out.reserve(by_sku.size());
  for (auto& [sku, sales] : by_sku) {
    sales.sku = sku;
    out.push_back(std::move(sales));
  }
  std::sort(out.begin(), out.end(), [](const ProductSales& a, const ProductSales& b) {
    if (a.revenue != b.revenue) return a.revenue > b.revenue;
    if (a.units != b.units) return a.units > b.units;
    return a.sku < b.sku;
  });
  return out;
}

}  // namespace core
