// The demo store's finance operations, derived from its postings and FBS
// returns (never stored: the same postings give the same operations, so a
// posting marked delivered by the seller gets its sale at once):
//   - every delivered or delivering posting: the acquiring fee at payment
//     (MarketplaceRedistributionOfAcquiringOperation, type other);
//   - every delivered posting: the sale (OperationAgentDeliveredToCustomer,
//     type orders): accruals_for_sale = its products' prices, sale_commission
//     8..15% of it, and for FBS the logistics services (DirectFlowLogistic by
//     weight, DelivToCustomer, DropoffPVZ); the delivered FBS posting with the
//     smallest sale pays logistics above its sale (a posting that loses money);
//   - every delivered rFBS posting: what the buyer paid for delivery
//     (MarketplaceSellerReexposureDeliveryReturnOperation, type transferDelivery);
//   - every FBS return: ClientReturnAgentOperation (type returns), the sale
//     and commission reversed for the returned units, return logistics charged;
//   - operations of no posting: weekly storage (OperationMarketplaceServiceStorage)
//     and four promotions (MarketplaceMarketingActionCostOperation), type services.
// Each operation's amount is the sum of its parts (see FinanceOp in api.h).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>
#include <utility>

#include "core/civil_date.h"
#include "sandbox/api.h"

namespace sandbox {
namespace {

constexpr core::EpochMs kMoscow = 3 * kHour;

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 1469598103934665603ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

const Posting* posting_of(const State& s, const std::string& number) {
  const auto it = s.posting_index.find(number);
  return it == s.posting_index.end() ? nullptr : &s.postings[it->second];
}

std::int64_t sale_of(const State& s, const Posting& p) {
  std::int64_t sum = 0;
  for (const auto& it : p.items)
    if (const Product* pr = s.product(it.sku)) sum += pr->price_kop * it.quantity;
  return sum;
}

int weight_of(const State& s, const Posting& p) {
  int grams = 0;
  for (const auto& it : p.items)
    if (const Product* pr = s.product(it.sku)) grams += pr->weight_g * it.quantity;
  return grams;
}

// Per mille of the sale, rounded half up.
std::int64_t per_mille(std::int64_t amount, std::int64_t pm) { return (amount * pm + 500) / 1000; }

void finish(FinanceOp& op) {
  op.amount = op.accruals_for_sale + op.sale_commission;
  for (const auto& sv : op.services) op.amount += sv.price;
}

FinanceOp posting_op(const State& s, const Posting& p, const char* type, const char* name, const char* kind) {
  FinanceOp op;
  op.operation_type = type;
  op.operation_type_name = name;
  op.type = kind;
  op.posting_number = p.number;
  op.delivery_schema = s.is_rfbs(p) ? "RFBS" : "FBS";
  op.warehouse_id = s.warehouse_of(p);
  for (const auto& it : p.items) op.skus.push_back(it.sku);
  return op;
}

// When a delivered posting reached its buyer: a few hours after hand-over,
// before the store was made (or when the seller marked it delivered since).
core::EpochMs delivered_at(const State& s, const Posting& p, Rng& g) {
  const core::EpochMs drawn = g.range(6, 20) * kHour;
  if (p.status_changed_at > s.generated_at || p.delivering_date == 0) return p.status_changed_at;
  return std::max(p.delivering_date + kMin, std::min(p.delivering_date + drawn, s.generated_at - 3 * kHour));
}

}  // namespace

std::string moscow_datetime(core::EpochMs t) {
  const core::EpochMs local = t + kMoscow;
  const std::int64_t secs = local >= 0 ? local / 1000 : (local - 999) / 1000;
  const std::int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
  const std::int64_t rem = secs - days * 86400;
  std::int64_t y = 0;
  unsigned m = 0, d = 0;
  core::civil_from_days(days, y, m, d);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u %02d:%02d:%02d", static_cast<long long>(y), m, d,
                static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60));
  return buf;
}

std::vector<FinanceOp> finance_operations(const State& s) {
  std::vector<FinanceOp> ops;
  // The delivered FBS posting with the smallest sale: its logistics cost more than it sold for.
  const Posting* loser = nullptr;
  for (const auto& p : s.postings) {
    if (p.status != "delivered" || s.is_rfbs(p) || p.items.empty()) continue;
    const std::int64_t sale = sale_of(s, p);
    const std::int64_t least = loser ? sale_of(s, *loser) : 0;
    if (!loser || sale < least || (sale == least && p.number < loser->number)) loser = &p;
  }
  // posting number -> (delivered at, commission per mille): what its returns reverse.
  std::unordered_map<std::string, std::pair<core::EpochMs, std::int64_t>> sold;
  for (const auto& p : s.postings) {
    const bool delivered = p.status == "delivered";
    if ((!delivered && p.status != "delivering") || p.items.empty()) continue;
    Rng g(s.seed ^ fnv1a(p.number));
    const std::int64_t commission_pm = g.range(80, 150);
    const std::int64_t sale = sale_of(s, p);
    // Ids by order and the posting's suffix ("...-2" of a split): unique in the store.
    const std::int64_t suffix = std::atoll(p.number.substr(p.number.rfind('-') + 1).c_str()) % 100;
    const std::int64_t base_id = (p.order_id % 10'000'000'000LL) * 1000 + suffix * 10;

    FinanceOp acquiring =
        posting_op(s, p, "MarketplaceRedistributionOfAcquiringOperation", "Оплата эквайринга", "other");
    acquiring.id = base_id + 1;
    acquiring.date = p.in_process_at + g.range(2, 20) * kMin;
    acquiring.services.push_back(
        {"MarketplaceRedistributionOfAcquiringOperation", -std::max<std::int64_t>(1, per_mille(sale, 15))});
    finish(acquiring);
    ops.push_back(std::move(acquiring));
    if (!delivered) continue;

    FinanceOp op = posting_op(s, p, "OperationAgentDeliveredToCustomer", "Доставка покупателю", "orders");
    op.id = base_id + 2;
    op.date = delivered_at(s, p, g);
    op.accruals_for_sale = sale;
    op.sale_commission = -per_mille(sale, commission_pm);
    const bool rfbs = s.is_rfbs(p);
    if (!rfbs) {
      const int kg = std::max(1, (weight_of(s, p) + 999) / 1000);
      std::int64_t logistics = 6300 + 1800 * (kg - 1) + g.range(0, 1500);
      if (&p == loser) logistics = sale + g.range(30, 90) * 100;  // a bulky tariff above the sale
      op.services.push_back({"MarketplaceServiceItemDirectFlowLogistic", -logistics});
      op.services.push_back({"MarketplaceServiceItemDelivToCustomer", -g.range(2500, 6000)});
      op.services.push_back({"MarketplaceServiceItemDropoffPVZ", -g.range(1500, 3000)});
    }
    finish(op);
    sold[p.number] = {op.date, commission_pm};
    const core::EpochMs sale_date = op.date;
    ops.push_back(std::move(op));

    if (rfbs) {
      FinanceOp transfer = posting_op(s, p, "MarketplaceSellerReexposureDeliveryReturnOperation",
                                      "Перечисление за доставку от покупателя", "transferDelivery");
      transfer.id = base_id + 3;
      transfer.date = sale_date;
      transfer.amount = g.range(149, 399) * 100;  // the buyer's delivery payment; no parts (Ozon's shape)
      ops.push_back(std::move(transfer));
    }
  }

  for (const auto& r : s.returns) {
    const Posting* p = posting_of(s, r.posting_number);
    const auto it = sold.find(r.posting_number);
    const Product* pr = s.product(r.sku);
    if (!p || it == sold.end() || !pr) continue;
    Rng g(s.seed ^ 0x2e7u ^ static_cast<std::uint64_t>(r.id) * 0x9e3779b97f4a7c15ULL);
    FinanceOp op = posting_op(s, *p, "ClientReturnAgentOperation", "Получение возврата, отмены, невыкупа от покупателя",
                              "returns");
    op.skus = {r.sku};
    op.id = 40'000'000'000'000LL + r.id;
    op.date = std::max(r.returned_at, it->second.first + kHour);
    const std::int64_t value = pr->price_kop * r.quantity;
    op.accruals_for_sale = -value;
    op.sale_commission = per_mille(value, it->second.second);
    op.services.push_back({"MarketplaceServiceItemReturnFlowLogistic", -g.range(5000, 9000)});
    op.services.push_back({"MarketplaceServiceItemReturnAfterDelivToCustomer", -g.range(1500, 3000)});
    finish(op);
    ops.push_back(std::move(op));
  }

  // Operations of no posting, before the day the store was made (Moscow midnight).
  const core::EpochMs local_midnight =
      s.generated_at + kMoscow - (((s.generated_at + kMoscow) % kDay) + kDay) % kDay - kMoscow;
  const std::int64_t block = static_cast<std::int64_t>((s.seed - Marketplace::kDemoSeed0) % Marketplace::kSeedBlocks);
  Rng g(s.seed ^ 0xf1a0cULL);
  for (int week = 1; week <= 5; ++week) {
    FinanceOp op;
    op.id = 50'000'000'000'000LL + block * 1000 + week;
    op.operation_type = "OperationMarketplaceServiceStorage";
    op.operation_type_name = "Услуга размещения товаров на складе";
    op.type = "services";
    op.date = local_midnight - week * 7 * kDay + kHour;
    op.services.push_back({"OperationMarketplaceServiceStorage", -g.range(800, 2500) * 100});
    finish(op);
    ops.push_back(std::move(op));
  }
  constexpr int kPromotionDays[] = {2, 6, 11, 19};
  for (int i = 0; i < 4; ++i) {
    FinanceOp op;
    op.id = 50'000'000'000'000LL + block * 1000 + 100 + i;
    op.operation_type = "MarketplaceMarketingActionCostOperation";
    op.operation_type_name = "Услуги продвижения товаров";
    op.type = "services";
    op.date = local_midnight - kPromotionDays[i] * kDay + 10 * kHour;
    op.services.push_back({"MarketplaceMarketingActionCostItem", -g.range(300, 1500) * 100});
    finish(op);
    ops.push_back(std::move(op));
  }
  std::sort(ops.begin(), ops.end(),
            [](const FinanceOp& a, const FinanceOp& b) { return a.date != b.date ? a.date < b.date : a.id < b.id; });
  return ops;
}

}  // namespace sandbox
