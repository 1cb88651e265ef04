#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/civil_date.h"
#include "core/finance.h"

namespace {

constexpr core::EpochMs kHour = 3'600'000;
constexpr core::EpochMs kDay = 24 * kHour;

// Midnight of a Moscow (UTC+3) calendar day, plus hours.
core::EpochMs moscow(std::int64_t y, unsigned m, unsigned d, core::EpochMs hours = 0) {
  return core::days_from_civil(y, m, d) * kDay - 3 * kHour + hours * kHour;
}

core::FinanceService service(std::string name, core::Kopecks price) { return {std::move(name), price}; }

core::FinanceOperation operation(std::int64_t id, std::string posting, std::string operation_type, std::string type,
                                 core::EpochMs date, core::Kopecks amount) {
  core::FinanceOperation op;
  op.operation_id = id;
  op.posting_number = std::move(posting);
  op.operation_type = std::move(operation_type);
  op.type = std::move(type);
  op.operation_date = date;
  op.amount = amount;
  return op;
}

void check_parts_sum_to_payout(const core::PostingFinance& f) {
  CHECK(f.sale + f.commission + f.logistics + f.delivery_income + f.other == f.payout);
}

}  // namespace

TEST_CASE("finance: roubles to kopecks, half away from zero, no double drift") {
  CHECK(core::kopecks_from_roubles(-54.75) == -5475);
  CHECK(core::kopecks_from_roubles(0.1 + 0.2) == 30);    // 0.30000000000000004
  CHECK(core::kopecks_from_roubles(0.29) == 29);         // x100 = 28.999999999999996
  CHECK(core::kopecks_from_roubles(1.005) == 101);       // x100 = 100.49999999999999: the text is 1.005
  CHECK(core::kopecks_from_roubles(-1.005) == -101);
  CHECK(core::kopecks_from_roubles(2.675) == 268);
  CHECK(core::kopecks_from_roubles(0.125) == 13);
  CHECK(core::kopecks_from_roubles(-0.125) == -13);
  CHECK(core::kopecks_from_roubles(0.004) == 0);
  CHECK(core::kopecks_from_roubles(0.005) == 1);
  CHECK(core::kopecks_from_roubles(-0.0049) == 0);
  CHECK(core::kopecks_from_roubles(19.99) == 1999);
  CHECK(core::kopecks_from_roubles(1234.5) == 123450);
  CHECK(core::kopecks_from_roubles(12345678.91) == 1234567891);
  CHECK(core::kopecks_from_roubles(0.0) == 0);
  CHECK(core::kopecks_from_roubles(-0.0) == 0);
  CHECK(core::kopecks_from_roubles(1e-300) == 0);
  CHECK(core::kopecks_from_roubles(4.9e-324) == 0);  // the smallest denormal
  // Garbage never becomes money.
  CHECK(core::kopecks_from_roubles(std::numeric_limits<double>::quiet_NaN()) == 0);
  CHECK(core::kopecks_from_roubles(std::numeric_limits<double>::infinity()) == 0);
  CHECK(core::kopecks_from_roubles(-std::numeric_limits<double>::infinity()) == 0);
  CHECK(core::kopecks_from_roubles(1e300) == 0);
  CHECK(core::kopecks_from_roubles(-1e17) == 0);
  CHECK(core::kopecks_from_roubles(1e15) == 100'000'000'000'000'000);
}

TEST_CASE("finance: format kopecks") {
  CHECK(core::format_kopecks(123456) == "1234.56");
  CHECK(core::format_kopecks(-5) == "-0.05");
  CHECK(core::format_kopecks(0) == "0.00");
  CHECK(core::format_kopecks(100) == "1.00");
  CHECK(core::format_kopecks(-123450) == "-1234.50");
  CHECK(core::format_kopecks(std::numeric_limits<core::Kopecks>::min()) == "-92233720368547758.08");
  CHECK(core::format_kopecks(std::numeric_limits<core::Kopecks>::max()) == "92233720368547758.07");
}

TEST_CASE("finance: service names classified as logistics or other") {
  using core::FeeKind;
  for (const char* name :
       {"MarketplaceServiceItemDirectFlowLogistic", "MarketplaceServiceItemReturnFlowLogistic",
        "MarketplaceServiceItemDelivToCustomer", "MarketplaceServiceItemDirectFlowTrans",
        "MarketplaceServiceItemReturnFlowTrans", "MarketplaceServiceItemDropoffPVZ", "MarketplaceServiceItemDropoffSC",
        "MarketplaceServiceItemDropoffFF", "MarketplaceServiceItemDropoffPPZ", "MarketplaceServiceItemFulfillment",
        "MarketplaceServiceItemPickup", "MarketplaceServiceItemDeliveryKGT",
        "MarketplaceServiceItemReturnAfterDelivToCustomer", "MarketplaceServiceItemReturnNotDelivToCustomer",
        "MarketplaceServiceItemReturnPartGoodsCustomer", "MarketplaceDeliveryCostItem",
        "MarketplaceServiceItemDirectFlowLogisticVDC"}) {
    CAPTURE(name);
    CHECK(core::fee_kind(name) == FeeKind::logistics);
  }
  for (const char* name :
       {"MarketplaceRedistributionOfAcquiringOperation", "OperationMarketplaceServiceStorage",
        "MarketplaceMarketingActionCostItem", "MarketplaceServiceItemMarkingItems",
        "MarketplaceServicePremiumPromotion", "MarketplaceReturnStorageServiceAtThePickupPointFbsItem",
        "marketplaceserviceitemdirectflowlogistic", "", "SomethingNew"}) {
    CAPTURE(name);
    CHECK(core::fee_kind(name) == FeeKind::other);
  }
}

TEST_CASE("finance: delivery transfers") {
  core::FinanceOperation op;
  op.operation_type = "MarketplaceSellerReexposureDeliveryReturnOperation";
  CHECK(core::is_delivery_transfer(op));
  op.operation_type = "ReturnAgentOperationRFBS";
  CHECK(core::is_delivery_transfer(op));
  op.operation_type = "OperationAgentDeliveredToCustomer";
  CHECK_FALSE(core::is_delivery_transfer(op));
  op.type = "transferDelivery";
  CHECK(core::is_delivery_transfer(op));
  op.type = "orders";
  CHECK_FALSE(core::is_delivery_transfer(op));
}

TEST_CASE("finance: a posting's operations sum to its payout, split into its parts") {
  std::vector<core::FinanceOperation> ops;

  // The sale: 1000.00 accrued, 150.00 commission, logistics 63.00 + last mile 25.00, acquiring 12.34.
  core::FinanceOperation sale =
      operation(1, "A-1", "OperationAgentDeliveredToCustomer", "orders", moscow(2024, 5, 3, 10), 74966);
  sale.accruals_for_sale = 100000;
  sale.sale_commission = -15000;
  sale.services = {service("MarketplaceServiceItemDirectFlowLogistic", -6300),
                   service("MarketplaceServiceItemDelivToCustomer", -2500),
                   service("MarketplaceRedistributionOfAcquiringOperation", -1234)};
  sale.items = {{111, "Кружка"}, {111, "Кружка"}, {222, "Блюдце"}};
  // The return: the sale and commission reversed, reverse logistics and return processing paid.
  core::FinanceOperation refund =
      operation(2, "A-1", "ClientReturnAgentOperation", "returns", moscow(2024, 5, 12, 9), -91500);
  refund.accruals_for_sale = -100000;
  refund.sale_commission = 15000;
  refund.services = {service("MarketplaceServiceItemReturnFlowLogistic", -5000),
                     service("MarketplaceServiceItemReturnAfterDelivToCustomer", -1500)};
  refund.items = {{111, "Кружка"}};
  // The buyer's delivery payment passed on (rFBS): income, even if Ozon fills accruals_for_sale.
  core::FinanceOperation transfer = operation(3, "A-1", "MarketplaceSellerReexposureDeliveryReturnOperation",
                                              "compensation", moscow(2024, 5, 4), 19900);
  transfer.accruals_for_sale = 19900;
  // A promotion charge: other.
  core::FinanceOperation promo =
      operation(4, "A-1", "MarketplaceMarketingActionCostItem", "services", moscow(2024, 5, 20), -3000);
  // Another posting, listed first in the answer but sorted after; a transfer by `type`.
  core::FinanceOperation other_posting = operation(5, "B-2", "SomeNewOperation", "transferDelivery", moscow(2024, 5, 1), 500);
  // Not a posting's: left out.
  core::FinanceOperation storage = operation(6, "", "OperationMarketplaceServiceStorage", "services", moscow(2024, 5, 2), -777);

  ops = {other_posting, promo, refund, sale, storage, transfer};
  const std::vector<core::PostingFinance> result = core::aggregate_by_posting(ops);
  REQUIRE(result.size() == 2);

  const core::PostingFinance& a = result[0];
  CHECK(a.posting_number == "A-1");
  CHECK(a.payout == 74966 - 91500 + 19900 - 3000);
  CHECK(a.payout == 366);
  CHECK(a.sale == 0);
  CHECK(a.commission == 0);
  CHECK(a.logistics == -15300);
  CHECK(a.delivery_income == 19900);
  CHECK(a.other == -4234);  // acquiring 12.34 + promotion 30.00
  CHECK(a.operations == 4);
  CHECK(a.first_date == moscow(2024, 5, 3, 10));
  CHECK(a.skus == std::map<std::int64_t, std::int64_t>{{111, 2}, {222, 1}});
  check_parts_sum_to_payout(a);

  const core::PostingFinance& b = result[1];
  CHECK(b.posting_number == "B-2");
  CHECK(b.payout == 500);
  CHECK(b.delivery_income == 500);
  CHECK(b.sale == 0);
  CHECK(b.other == 0);
  CHECK(b.operations == 1);
  check_parts_sum_to_payout(b);

  // A sale alone: the unclassified remainder is what the amount says beyond the parts.
  core::FinanceOperation odd = sale;
  odd.amount = sale.amount + 7;  // e.g. a legacy delivery_charge the services do not list
  const auto single = core::aggregate_by_posting({odd});
  REQUIRE(single.size() == 1);
  CHECK(single[0].sale == 100000);
  CHECK(single[0].commission == -15000);
  CHECK(single[0].logistics == -8800);
  CHECK(single[0].other == -1234 + 7);
  check_parts_sum_to_payout(single[0]);

  CHECK(core::aggregate_by_posting({}).empty());
  CHECK(core::aggregate_by_posting({storage}).empty());
}

TEST_CASE("finance: totals sum") {
  core::FinanceTotals t;
  t.accruals_for_sale = 100000;
  t.sale_commission = -15000;
  t.processing_and_delivery = -8800;
  t.refunds_and_cancellations = -2000;
  t.services_amount = -1234;
  t.compensation_amount = 500;
  t.money_transfer = 300;
  t.others_amount = -66;
  CHECK(t.sum() == 73700);
  CHECK(core::FinanceTotals{}.sum() == 0);
}

TEST_CASE("finance: month windows split at Moscow month boundaries") {
  SUBCASE("a leap February, starting mid-month") {
    const auto w = core::month_windows(moscow(2024, 1, 15, 13), moscow(2024, 3, 10));
    REQUIRE(w.size() == 3);
    CHECK(w[0].from == moscow(2024, 1, 15, 13));
    CHECK(w[0].to == moscow(2024, 2, 1));
    CHECK(w[1].from == moscow(2024, 2, 1));
    CHECK(w[1].to == moscow(2024, 3, 1));
    CHECK(w[1].to - w[1].from == 29 * kDay);
    CHECK(w[2].from == moscow(2024, 3, 1));
    CHECK(w[2].to == moscow(2024, 3, 10));
  }
  SUBCASE("a common February") {
    const auto w = core::month_windows(moscow(2023, 2, 1), moscow(2023, 3, 1));
    REQUIRE(w.size() == 1);
    CHECK(w[0].to - w[0].from == 28 * kDay);
  }
  SUBCASE("a year boundary: 2024-01-01 00:00 Moscow is 2023-12-31 21:00 UTC") {
    const auto w = core::month_windows(moscow(2023, 12, 20), moscow(2024, 1, 5));
    REQUIRE(w.size() == 2);
    CHECK(w[0].to == 1704056400000);
    CHECK(w[1].from == 1704056400000);
    CHECK(w[1].to == moscow(2024, 1, 5));
  }
  SUBCASE("Moscow's month turns three hours before UTC's") {
    // 2024-05-31 21:30 to 23:00 UTC is all June 1st in Moscow: one window.
    const core::EpochMs june_msk = moscow(2024, 6, 1);
    const auto w = core::month_windows(june_msk + kHour / 2, june_msk + 2 * kHour);
    REQUIRE(w.size() == 1);
    // 20:00 UTC on May 31 (23:00 Moscow) to 22:00 UTC: split at 21:00 UTC.
    const auto split = core::month_windows(june_msk - kHour, june_msk + kHour);
    REQUIRE(split.size() == 2);
    CHECK(split[0].to == june_msk);
  }
  SUBCASE("a whole year: twelve contiguous windows") {
    const auto w = core::month_windows(moscow(2024, 1, 1), moscow(2025, 1, 1));
    REQUIRE(w.size() == 12);
    for (std::size_t i = 1; i < w.size(); ++i) CHECK(w[i].from == w[i - 1].to);
    CHECK(w.front().from == moscow(2024, 1, 1));
    CHECK(w.back().from == moscow(2024, 12, 1));
    CHECK(w.back().to == moscow(2025, 1, 1));
  }
  SUBCASE("nothing to ask for when from >= to") {
    CHECK(core::month_windows(moscow(2024, 3, 1), moscow(2024, 3, 1)).empty());
    CHECK(core::month_windows(moscow(2024, 3, 2), moscow(2024, 3, 1)).empty());
  }
  SUBCASE("one millisecond") {
    const auto w = core::month_windows(moscow(2024, 3, 1) - 1, moscow(2024, 3, 1));
    REQUIRE(w.size() == 1);
    CHECK(w[0].to - w[0].from == 1);
  }
}
