#pragma once
// Ozon's finance operations (/v3/finance/transaction/list) and what a posting
// earned: sale, commission, logistics, delivery paid by the buyer (rFBS) and
// other fees, all in kopecks (never floating point for money).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/clock.h"

namespace core {

using Kopecks = std::int64_t;

// Ozon sends money as JSON numbers in roubles ("-54.75"): to kopecks, rounded
// half away from zero (a double's 0.1 error never moves a kopeck).
Kopecks kopecks_from_roubles(double roubles);
// 123456 -> "1234.56", -5 -> "-0.05": for CSV and display.
std::string format_kopecks(Kopecks amount);

struct FinanceService {
  std::string name;  // e.g. "MarketplaceServiceItemDirectFlowLogistic"
  Kopecks price = 0;
};

struct FinanceItem {
  std::int64_t sku = 0;
  std::string name;
};

struct FinanceOperation {
  std::int64_t operation_id = 0;
  std::string operation_type;       // e.g. "OperationAgentDeliveredToCustomer"
  std::string operation_type_name;  // Ozon's Russian name
  std::string type;                 // "orders" | "returns" | "services" | "compensation" | "transferDelivery" | "other"
  EpochMs operation_date = 0;       // "2024-05-01 00:00:00" (Moscow time) -> epoch
  std::string posting_number;       // "" for operations of no posting
  std::string delivery_schema;      // "FBS" | "RFBS" | "FBO" | ...
  std::int64_t warehouse_id = 0;
  Kopecks amount = 0;               // the operation's total (what the payout moves by)
  Kopecks accruals_for_sale = 0;
  Kopecks sale_commission = 0;
  Kopecks delivery_charge = 0;
  Kopecks return_delivery_charge = 0;
  std::vector<FinanceService> services;
  std::vector<FinanceItem> items;
};

// Where a service's cost belongs.
enum class FeeKind { logistics, other };
FeeKind fee_kind(const std::string& service_name);
// Operation types that carry what the buyer paid the seller for delivery (rFBS).
bool is_delivery_transfer(const FinanceOperation& op);

// What one posting earned, parts summing exactly to payout:
// payout = sale + commission + logistics + delivery_income + other.
struct PostingFinance {
  std::string posting_number;
  EpochMs first_date = 0;  // its earliest operation (the day it counts on)
  Kopecks sale = 0;        // accruals_for_sale (negative for a return)
  Kopecks commission = 0;  // sale_commission (negative = paid)
  Kopecks logistics = 0;   // services of FeeKind::logistics (negative = paid)
  Kopecks delivery_income = 0;  // transfers for delivery from the buyer (rFBS)
  Kopecks other = 0;            // everything else: payout minus the parts above
  Kopecks payout = 0;           // the sum of the operations' amounts
  std::int64_t operations = 0;
  std::map<std::int64_t, std::int64_t> skus;  // sku -> how many operations named it
};

// Groups operations by posting (operations with no posting are left out).
// The order of the result is by posting number.
std::vector<PostingFinance> aggregate_by_posting(const std::vector<FinanceOperation>& operations);

// The window sums of /v3/finance/transaction/totals.
struct FinanceTotals {
  Kopecks accruals_for_sale = 0;
  Kopecks sale_commission = 0;
  Kopecks processing_and_delivery = 0;
  Kopecks refunds_and_cancellations = 0;
  Kopecks services_amount = 0;
  Kopecks compensation_amount = 0;
  Kopecks money_transfer = 0;
  Kopecks others_amount = 0;
  Kopecks sum() const;
};

// Ozon answers at most one month per request: [from, to) split at calendar
// month boundaries (Moscow time), each window at most one month long.
struct TimeWindow {
  EpochMs from = 0;
  EpochMs to = 0;  // exclusive
};
std::vector<TimeWindow> month_windows(EpochMs from, EpochMs to);

}  // namespace core
