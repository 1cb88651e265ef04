#include "core/finance.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "core/calendar_day.h"
#include "core/civil_date.h"

namespace core {
namespace {

// Past this a kopeck count no longer fits comfortably in int64 (9.2e18);
// no real amount comes near it, so it is treated as garbage.
constexpr double kMaxRoubles = 1e16;

constexpr int kMoscowOffsetMinutes = 180;

}  // namespace

Kopecks kopecks_from_roubles(double roubles) {
  if (!std::isfinite(roubles) || std::fabs(roubles) > kMaxRoubles) return 0;
  // Rounded to a millionth of a rouble first: a decimal Ozon wrote with up to
  // six places ("1.005", held as 1.00499999...) is then that decimal exactly,
  // and halves round away from zero as the text says. (std::to_chars for
  // doubles, the shortest text, is not in Emscripten's libc++.) Past 10^9
  // roubles micro-roubles leave a double's exact range; kopecks are then
  // rounded directly.
  if (std::fabs(roubles) > 1e9) return static_cast<Kopecks>(std::llround(roubles * 100.0));
  const double micro = std::round(roubles * 1e6);
  return static_cast<Kopecks>(std::llround(micro / 1e4));
}

std::string format_kopecks(Kopecks amount) {
  // Unsigned magnitude so that INT64_MIN formats too.
  const bool negative = amount < 0;
  const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
  std::string out = negative ? "-" : "";
  out += std::to_string(magnitude / 100);
  const auto cents = static_cast<unsigned>(magnitude % 100);
  out += '.';
  out += static_cast<char>('0' + cents / 10);
  out += static_cast<char>('0' + cents % 10);
  return out;
}

FeeKind fee_kind(const std::string& service_name) {
  // The spec's OperationService.name list: moving, handing over and taking
  // back the goods (and the processing that goes with a delivery or a return).
  // Storage, promotion, acquiring, marking, payment schedules: other.
  // Sorted (binary search: this runs for every service of every operation).
  static constexpr std::string_view kLogistics[] = {
      "ItemAdvertisementForSupplierLogistic",              // cross-docking to Ozon's warehouse
      "ItemAdvertisementForSupplierLogisticSeller",        // transport and forwarding
      "MarketplaceDeliveryCostItem",                       // delivery to the buyer
      "MarketplaceNotDeliveredCostItem",                   // unclaimed goods back to the warehouse
      "MarketplaceReturnAfterDeliveryCostItem",            // a return back to the warehouse
      "MarketplaceServiceItemDelivToCustomer",             // last mile
      "MarketplaceServiceItemDeliveryKGT",                 // bulky goods delivery
      "MarketplaceServiceItemDirectFlowLogistic",          // logistics
      "MarketplaceServiceItemDirectFlowLogisticVDC",       // logistics via a regional centre
      "MarketplaceServiceItemDirectFlowTrans",             // trunk
      "MarketplaceServiceItemDropoffFF",                   // drop-off processing
      "MarketplaceServiceItemDropoffPPZ",
      "MarketplaceServiceItemDropoffPVZ",
      "MarketplaceServiceItemDropoffSC",
      "MarketplaceServiceItemFulfillment",                 // assembling the order
      "MarketplaceServiceItemPickup",                      // pick-up at the seller's address
      "MarketplaceServiceItemRedistributionReturnsPVZ",    // returns re-routed at the pick-up point
      "MarketplaceServiceItemReturnAfterDelivToCustomer",  // return processing
      "MarketplaceServiceItemReturnFlowLogistic",          // reverse logistics
      "MarketplaceServiceItemReturnFlowTrans",             // reverse trunk
      "MarketplaceServiceItemReturnNotDelivToCustomer",    // cancellation processing
      "MarketplaceServiceItemReturnPartGoodsCustomer",     // non-purchase processing
  };
  static_assert(std::is_sorted(std::begin(kLogistics), std::end(kLogistics)));
  return std::binary_search(std::begin(kLogistics), std::end(kLogistics), std::string_view(service_name))
             ? FeeKind::logistics
             : FeeKind::other;
}

bool is_delivery_transfer(const FinanceOperation& op) {
  return op.type == "transferDelivery" || op.operation_type == "MarketplaceSellerReexposureDeliveryReturnOperation" ||
         op.operation_type == "ReturnAgentOperationRFBS";
}

std::vector<PostingFinance> aggregate_by_posting(const std::vector<FinanceOperation>& operations) {
  std::unordered_map<std::string_view, std::size_t> index;  // posting number -> position in `out`
  std::vector<PostingFinance> out;
  std::vector<std::int64_t> op_skus;
  for (const FinanceOperation& op : operations) {
    if (op.posting_number.empty()) continue;
    const auto [it, added] = index.try_emplace(op.posting_number, out.size());
    if (added) {
      out.emplace_back();
      out.back().posting_number = op.posting_number;
      out.back().first_date = op.operation_date;
    }
    PostingFinance& posting = out[it->second];
    if (op.operation_date != 0 && (posting.first_date == 0 || op.operation_date < posting.first_date))
      posting.first_date = op.operation_date;
    posting.payout += op.amount;
    ++posting.operations;
    if (is_delivery_transfer(op)) {
      // What the buyer paid for delivery, passed on to the seller: income, not a sale.
      posting.delivery_income += op.amount;
    } else {
      posting.sale += op.accruals_for_sale;
      posting.commission += op.sale_commission;
      for (const FinanceService& service : op.services)
        if (fee_kind(service.name) == FeeKind::logistics) posting.logistics += service.price;
    }
    // An operation names a SKU once per unit: count the operation once.
    op_skus.clear();
    for (const FinanceItem& item : op.items) op_skus.push_back(item.sku);
    std::sort(op_skus.begin(), op_skus.end());
    op_skus.erase(std::unique(op_skus.begin(), op_skus.end()), op_skus.end());
    for (std::int64_t sku : op_skus) ++posting.skus[sku];
  }
  for (PostingFinance& posting : out)
    posting.other = posting.payout - posting.sale - posting.commission - posting.logistics - posting.delivery_income;
  // Sort positions, then move each record once (swapping whole records costs more than comparing).
  std::vector<std::size_t> order(out.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return out[a].posting_number < out[b].posting_number; });
  std::vector<PostingFinance> sorted;
  sorted.reserve(out.size());
  for (std::size_t i : order) sorted.push_back(std::move(out[i]));
  return sorted;
}

Kopecks FinanceTotals::sum() const {
  return accruals_for_sale + sale_commission + processing_and_delivery + refunds_and_cancellations + services_amount +
         compensation_amount + money_transfer + others_amount;
}

std::vector<TimeWindow> month_windows(EpochMs from, EpochMs to) {
  std::vector<TimeWindow> windows;
  EpochMs start = from;
  while (start < to) {
    std::int64_t y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(local_day(start, kMoscowOffsetMinutes), y, m, d);
    const std::int64_t next_month = m == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, m + 1, 1);
    const EpochMs end = std::min(to, local_midnight(next_month, kMoscowOffsetMinutes));
    windows.push_back({start, end});
    start = end;
  }
  return windows;
}

}  // namespace core
