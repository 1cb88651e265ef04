#include <doctest/doctest.h>

#include "core/sales.h"

namespace {

core::AnalyticsRow row(std::string id, std::vector<double> metrics, std::string name = "") {
  core::AnalyticsRow r;
  r.dimension_ids = {std::move(id)};
  if (!name.empty()) r.dimension_names = {std::move(name)};
  r.metrics = std::move(metrics);
  return r;
}

}  // namespace

TEST_CASE("sales: every day of the range once, gaps as zero") {
  const std::vector<core::AnalyticsRow> rows = {
      row("2024-03-01", {1500.5, 3}),
      row("2024-02-27", {0.1 + 0.2, 1}),
      row("2024-02-29", {99.99, 2.6}),  // units come as numbers: rounded
      row("2024-02-29", {0.01, 1}),     // the same day twice: added up
      row("2024-02-26", {1000, 10}),    // before the range
      row("2024-03-02", {1000, 10}),    // after it
      row("garbage", {1000, 10}),
      row("2024-03-01", {}),  // no metrics: nothing
  };
  const auto days = core::daily_sales(rows, "2024-02-27", "2024-03-01");
  REQUIRE(days.size() == 4);  // a leap February
  CHECK(days[0].day == "2024-02-27");
  CHECK(days[0].revenue == 30);
  CHECK(days[0].units == 1);
  CHECK(days[1].day == "2024-02-28");
  CHECK(days[1].revenue == 0);
  CHECK(days[1].units == 0);
  CHECK(days[2].day == "2024-02-29");
  CHECK(days[2].revenue == 10000);
  CHECK(days[2].units == 4);
  CHECK(days[3].day == "2024-03-01");
  CHECK(days[3].revenue == 150050);
  CHECK(days[3].units == 3);

  const auto common = core::daily_sales({}, "2023-02-27", "2023-03-01");
  REQUIRE(common.size() == 3);
  CHECK(common[1].day == "2023-02-28");
  CHECK(common[2].day == "2023-03-01");

  const auto year = core::daily_sales({}, "2024-01-01", "2024-12-31");
  CHECK(year.size() == 366);
  CHECK(year.back().day == "2024-12-31");

  const auto turn = core::daily_sales({row("2025-01-01", {1, 1})}, "2024-12-31", "2025-01-01");
  REQUIRE(turn.size() == 2);
  CHECK(turn[1].revenue == 100);

  CHECK(core::daily_sales(rows, "2024-03-01", "2024-03-01").size() == 1);
  CHECK(core::daily_sales(rows, "2024-03-02", "2024-03-01").empty());
  CHECK(core::daily_sales(rows, "2023-02-29", "2023-03-01").empty());  // not a date
  CHECK(core::daily_sales(rows, "2024-3-1", "2024-03-05").empty());
}

TEST_CASE("sales: by product, most revenue first") {
  const std::vector<core::AnalyticsRow> rows = {
      row("111", {500.25, 2}, "Кружка"),
      row("222", {1999.99, 1}, "Лампа"),
      row("333", {500.25, 5}, "Плед"),
      row("111", {100, 1}, "Кружка"),
      row("444", {0, 0}),
  };
  const auto products = core::product_sales(rows);
  REQUIRE(products.size() == 4);
  CHECK(products[0].sku == "222");
  CHECK(products[0].revenue == 199999);
  CHECK(products[0].name == "Лампа");
  CHECK(products[1].sku == "111");
  CHECK(products[1].revenue == 60025);
  CHECK(products[1].units == 3);
  CHECK(products[2].sku == "333");  // less revenue than 111 (600.25 vs 500.25)
  CHECK(products[2].units == 5);
  CHECK(products[3].sku == "444");
  CHECK(products[3].name.empty());
}
