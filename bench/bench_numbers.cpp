// The numbers screen's data work: 100,000 finance operations over 30,000
// postings aggregated into profit per posting, product and day; a year (366
// days) of daily sales with gaps and the on-time rate over 50,000 postings.
// Prints "name value" lines (median of 5).
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "bench_support.h"
#include "core/civil_date.h"
#include "core/finance.h"
#include "core/fulfilment_stats.h"
#include "core/profit.h"
#include "core/sales.h"

namespace {

constexpr core::EpochMs kHour = 3'600'000;
constexpr core::EpochMs kDay = 24 * kHour;
constexpr int kMoscow = 180;
constexpr std::size_t kFinancePostings = 30'000;
constexpr std::size_t kOperations = 100'000;
constexpr std::size_t kOnTimePostings = 50'000;
constexpr std::uint32_t kOffers = 2'000;
constexpr std::uint32_t kYearDays = 366;

using bench::median_ms;
using bench::Rng;

const core::EpochMs kYearStart = core::days_from_civil(2024, 1, 1) * kDay - 3 * kHour;  // Moscow midnight

const char* const kLogistics[] = {"MarketplaceServiceItemDirectFlowLogistic", "MarketplaceServiceItemDelivToCustomer",
                                  "MarketplaceServiceItemDropoffPVZ", "MarketplaceServiceItemFulfillment"};
const char* const kOther[] = {"MarketplaceRedistributionOfAcquiringOperation", "MarketplaceMarketingActionCostItem",
                              "OperationMarketplaceServiceStorage"};

// Scrambled so that the order operations arrive in (by date) is not the order of posting numbers.
std::string posting_number(std::size_t i) {
  return std::to_string(50'000'000 + (i * 7'919) % 10'000'000).append("-0001-1");
}

std::vector<core::Posting> generate_postings(Rng& rng, std::size_t count) {
  std::vector<core::Posting> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    core::Posting p;
    p.posting_number = posting_number(i);
    p.status = rng.below(12) == 0 ? core::PostingStatus::cancelled : core::PostingStatus::delivered;
    const std::uint32_t lines = 1 + rng.below(3);
    for (std::uint32_t k = 0; k < lines; ++k) {
      core::PostingProduct product;
      const std::uint32_t offer = rng.below(kOffers);
      product.sku = 1'400'000'000 + offer;
      product.offer_id = std::string("OF-").append(std::to_string(offer));
      product.quantity = 1 + rng.below(3);
      product.price.minor = 10'000 + static_cast<std::int64_t>(rng.below(500'000));
      p.products.push_back(std::move(product));
    }
    // The on-time figures: a deadline somewhere in the year, handed over around it.
    p.delivery_method.warehouse_id = 1000 + rng.below(8);
    p.delivery_method.warehouse = std::string("Склад ").append(std::to_string(p.delivery_method.warehouse_id));
    p.delivery_method.id = 2000 + rng.below(20);
    p.delivery_method.name = std::string("Метод ").append(std::to_string(p.delivery_method.id));
    p.shipment_date = kYearStart + static_cast<core::EpochMs>(rng.below(kYearDays * 24)) * kHour;
    p.delivering_date = rng.below(10) == 0 ? 0 : p.shipment_date + (static_cast<core::EpochMs>(rng.below(30)) - 26) * kHour;
    out.push_back(std::move(p));
  }
  return out;
}

core::FinanceService service(Rng& rng) {
  const bool logistics = rng.below(3) != 0;
  const char* name = logistics ? kLogistics[rng.below(4)] : kOther[rng.below(3)];
  return {name, -static_cast<core::Kopecks>(1'000 + rng.below(20'000))};
}

// Every posting has its sale; the rest are returns, delivery transfers and fees.
std::vector<core::FinanceOperation> generate_operations(Rng& rng, const std::vector<core::Posting>& postings) {
  std::vector<core::FinanceOperation> ops;
  ops.reserve(kOperations);
  for (std::size_t i = 0; i < kOperations; ++i) {
    const std::size_t index = i < postings.size() ? i : rng.below(static_cast<std::uint32_t>(postings.size()));
    const core::Posting& p = postings[index];
    core::FinanceOperation op;
    op.operation_id = static_cast<std::int64_t>(9'000'000 + i);
    op.posting_number = p.posting_number;
    const std::uint32_t kind = i < postings.size() ? 0 : rng.below(10);
    // Sales spread over the year; the posting's later operations within three weeks of it.
    const core::EpochMs sold = kYearStart + static_cast<core::EpochMs>(index) * (kYearDays * kDay / postings.size());
    op.operation_date = kind == 0 ? sold : sold + static_cast<core::EpochMs>(1 + rng.below(21)) * kDay;
    op.delivery_schema = "FBS";
    if (kind == 0) {
      op.operation_type = "OperationAgentDeliveredToCustomer";
      op.type = "orders";
      for (const core::PostingProduct& product : p.products) {
        op.accruals_for_sale += product.price.minor * product.quantity;
        op.items.push_back({product.sku, product.name});
      }
      op.sale_commission = -op.accruals_for_sale * 15 / 100;
    } else if (kind == 1) {
      op.operation_type = "ClientReturnAgentOperation";
      op.type = "returns";
      op.accruals_for_sale = -p.products.front().price.minor;
      op.sale_commission = p.products.front().price.minor * 15 / 100;
      op.items.push_back({p.products.front().sku, ""});
    } else if (kind == 2) {
      op.operation_type = "MarketplaceSellerReexposureDeliveryReturnOperation";
      op.type = "compensation";
    } else {
      op.operation_type = "OperationMarketplaceServiceItemDirectFlowLogistic";
      op.type = "services";
    }
    const std::uint32_t services = kind == 2 ? 0 : 1 + rng.below(4);
    for (std::uint32_t s = 0; s < services; ++s) op.services.push_back(service(rng));
    op.amount = op.accruals_for_sale + op.sale_commission + (kind == 2 ? 19'900 : 0);
    for (const core::FinanceService& s : op.services) op.amount += s.price;
    ops.push_back(std::move(op));
  }
  return ops;
}

std::vector<core::AnalyticsRow> generate_daily_rows(Rng& rng) {
  std::vector<core::AnalyticsRow> rows;
  const std::int64_t first = core::days_from_civil(2024, 1, 1);
  for (std::uint32_t d = 0; d < kYearDays; ++d) {
    if (rng.below(7) == 0) continue;  // a day with no sales: no row
    std::int64_t y = 0;
    unsigned m = 0, day = 0;
    core::civil_from_days(first + d, y, m, day);
    char text[16];
    std::snprintf(text, sizeof text, "%04lld-%02u-%02u", static_cast<long long>(y), m, day);
    core::AnalyticsRow row;
    row.dimension_ids = {text};
    row.metrics = {static_cast<double>(rng.below(5'000'000)) / 100.0, static_cast<double>(rng.below(300))};
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

int main() {
  Rng rng;
  const std::vector<core::Posting> postings = generate_postings(rng, kFinancePostings);
  const std::vector<core::FinanceOperation> ops = generate_operations(rng, postings);
  std::map<std::string, const core::Posting*> held;
  for (const core::Posting& p : postings) held.emplace(p.posting_number, &p);
  core::SellerCosts costs;
  for (std::uint32_t o = 0; o < kOffers; ++o) {
    const std::string offer = std::string("OF-").append(std::to_string(o));
    if (o % 10 != 0) costs.unit_cost[offer] = 5'000 + o * 13;  // a tenth have no cost yet
    costs.packaging_cost[offer] = 1'500;
  }

  std::vector<core::PostingFinance> finance;
  std::vector<core::ProfitRow> rows;
  std::vector<core::ProfitGroup> by_product, by_day;
  const double aggregate_ms = median_ms([] {}, [&] { finance = core::aggregate_by_posting(ops); });
  const double rows_ms = median_ms([] {}, [&] { rows = core::profit_rows(finance, held, costs, kMoscow); });
  const double product_ms = median_ms([] {}, [&] { by_product = core::profit_by_product(rows, held); });
  const double day_ms = median_ms([] {}, [&] { by_day = core::profit_by_day(rows); });
  const double total_ms = median_ms([] {}, [&] {
    finance = core::aggregate_by_posting(ops);
    rows = core::profit_rows(finance, held, costs, kMoscow);
    by_product = core::profit_by_product(rows, held);
    by_day = core::profit_by_day(rows);
  });
  std::printf("finance_operations %zu\n", ops.size());
  std::printf("finance_postings %zu\n", finance.size());
  std::printf("finance_aggregate_ms %.1f\n", aggregate_ms);
  std::printf("profit_rows_ms %.1f\n", rows_ms);
  std::printf("profit_by_product_ms %.1f\n", product_ms);
  std::printf("profit_by_product_groups %zu\n", by_product.size());
  std::printf("profit_by_day_ms %.2f\n", day_ms);
  std::printf("profit_by_day_groups %zu\n", by_day.size());
  std::printf("finance_to_profit_total_ms %.1f\n", total_ms);

  const std::vector<core::AnalyticsRow> daily_rows = generate_daily_rows(rng);
  std::vector<core::DailySales> daily;
  const double daily_ms = median_ms([] {}, [&] { daily = core::daily_sales(daily_rows, "2024-01-01", "2024-12-31"); });
  std::printf("daily_sales_rows %zu\n", daily_rows.size());
  std::printf("daily_sales_days %zu\n", daily.size());
  std::printf("daily_sales_year_ms %.3f\n", daily_ms);

  const std::vector<core::Posting> year_postings = generate_postings(rng, kOnTimePostings);
  core::OnTimeStats on_time;
  const double on_time_ms = median_ms([] {}, [&] { on_time = core::on_time_stats(year_postings, kMoscow); });
  std::printf("on_time_postings %zu\n", year_postings.size());
  std::printf("on_time_days %zu\n", on_time.by_day.size());
  std::printf("on_time_rate_bp %lld\n", static_cast<long long>(on_time.total.rate_bp()));
  std::printf("on_time_stats_ms %.1f\n", on_time_ms);
  return 0;
}
