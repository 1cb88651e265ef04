#pragma once
// Sales from /v1/analytics/data: revenue and ordered units by day and by
// product, as series ready to chart.
#include <cstdint>
#include <string>
#include <vector>

#include "core/finance.h"

namespace core {

// One row of the report: its dimension values (day "YYYY-MM-DD" or a SKU)
// and the metrics in the order requested.
struct AnalyticsRow {
  std::vector<std::string> dimension_ids;
  std::vector<std::string> dimension_names;
  std::vector<double> metrics;
};

struct DailySales {
  std::string day;  // "YYYY-MM-DD"
  Kopecks revenue = 0;
  std::int64_t units = 0;
};
struct ProductSales {
  std::string sku;
  std::string name;
  Kopecks revenue = 0;
  std::int64_t units = 0;
};

// Rows of a report by "day" with metrics [revenue, ordered_units]: every day
// of [first_day, last_day] once, days with no row as zero, oldest first.
std::vector<DailySales> daily_sales(const std::vector<AnalyticsRow>& rows, const std::string& first_day,
                                    const std::string& last_day);
// Rows of a report by "sku" with metrics [revenue, ordered_units], by revenue descending
// (then units descending, then SKU).
std::vector<ProductSales> product_sales(const std::vector<AnalyticsRow>& rows);

}  // namespace core
