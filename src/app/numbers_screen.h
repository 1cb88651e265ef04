#pragma once
// The Numbers screen, for the open store: Ozon's rating indicators against
// their thresholds with their history; the console's own on-time and
// cancellation figures from the postings it holds; sales by day and product
// (analytics, cached: Ozon allows few such requests); profit per posting,
// product and day (finance operations minus the seller's costs); shipping
// presets and the shipping-cost policy. Implemented in numbers_screen.cpp
// (loading, derived figures, snapshot) and numbers_presets.cpp (presets,
// costs per posting, CSV tables, what is kept on the device).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "core/finance.h"
#include "core/fulfilment_stats.h"
#include "core/profit.h"
#include "core/rating.h"
#include "core/sales.h"
#include "core/shipping_preset.h"

namespace app {

inline constexpr int kNumbersPeriods[] = {7, 30, 90, 365};

// One of Ozon's indicators with what decides its colour and its trend.
struct IndicatorView {
  core::RatingIndicator indicator;
  std::optional<double> warning;  // from the history's thresholds
  std::optional<double> danger;
  core::Danger level = core::Danger::unknown;
  std::vector<core::RatingPoint> history;  // oldest first; empty when Ozon keeps none
};

// Shipping cost against what buyers paid for delivery, per delivery method.
struct MethodShipping {
  std::string method;
  std::int64_t postings = 0;
  std::int64_t costed = 0;            // postings a preset's tariff priced
  core::Kopecks expected_cost = 0;    // the seller's tariff, summed
  core::Kopecks delivery_income = 0;  // Ozon's transfers for delivery, summed
};

// What the posting detail shows about shipping a posting.
struct PostingShipping {
  const core::ShippingPreset* preset = nullptr;
  std::int64_t weight_g = 0;                     // from the products' packing notes; 0 = unknown
  std::optional<core::Kopecks> expected_cost;    // the preset's tariff for that weight
  std::optional<core::Kopecks> delivery_income;  // what the buyer paid for delivery (finance), if known
};

struct NumbersSlice {
  std::string tab = "indicators";  // indicators | sales | profit | shipping
  int period_days = 30;

  // Ozon's rating.
  bool rating_loading = false;
  bool rating_loaded = false;
  Notice rating_error;
  core::RatingSummary rating;
  std::vector<IndicatorView> indicators;
  core::EpochMs rating_as_of = 0;

  // The console's own figures, from the open store's postings.
  core::OnTimeStats on_time;
  core::CancellationStats cancellations;

  // Sales (analytics).
  bool sales_loading = false;
  Notice sales_error;
  bool sales_premium_required = false;  // a part Ozon keeps for Premium sellers
  core::EpochMs sales_as_of = 0;        // when the shown figures were read (a cache may be older)
  std::vector<core::DailySales> daily;
  std::vector<core::ProductSales> products;

  // Finance and profit.
  bool finance_loading = false;
  Notice finance_error;
  int finance_windows_done = 0;
  int finance_windows_total = 0;
  core::EpochMs finance_as_of = 0;
  std::int64_t finance_operations = 0;
  core::FinanceTotals totals;
  std::vector<core::PostingFinance> finance;  // by posting number
  std::vector<core::ProfitRow> profit;        // postings with a sale in the period, losing money first
  std::int64_t fees_only_postings = 0;        // postings sold earlier with only fees in the period
  core::Kopecks fees_only_sum = 0;
  std::vector<core::ProfitGroup> profit_by_product;
  std::vector<core::ProfitGroup> profit_by_day;

  // Shipping presets (the seller's, in the order they are tried) and their effect.
  std::vector<core::ShippingPreset> presets;
  core::ShippingPreset preset_draft;  // the preset being edited ("" id = a new one)
  bool editing_preset = false;
  std::vector<MethodShipping> shipping_by_method;
};

// Actions of the Numbers screen.
struct RefreshNumbers {};
struct SetNumbersTab {
  std::string tab;
};
struct SetNumbersPeriod {
  int days = 30;
};
// "indicators" | "on_time" | "cancellations" | "sales_days" | "sales_products" |
// "profit" | "profit_products" | "profit_days" | "shipping"
struct ExportNumbersTable {
  std::string table;
};
struct EditPreset {
  std::string id;  // "" = a new preset
};
struct UpdatePresetDraft {
  core::ShippingPreset preset;
};
struct SavePresetDraft {};
struct CancelPresetDraft {};
struct DeletePreset {
  std::string id;
};
struct MovePreset {
  std::string id;
  int by = 0;  // -1 = earlier (tried first), +1 = later
};

class NumbersScreen final : public Feature {
 public:
  explicit NumbersScreen(App& app);
  static constexpr std::string_view kId = "numbers";
  std::string_view id() const override { return kId; }
  char shortcut() const override { return 'n'; }

  void on_store_opened() override;
  void prepare_frame(bool on_screen) override;
  void write_snapshot(nlohmann::json& snapshot) const override;
  void collect_drafts(std::map<std::string, std::string>& drafts) const override;
  bool restore_draft(const std::string& key, const nlohmann::json& draft) override;
  void write_ui_draft(nlohmann::json& ui) const override;
  bool restore_ui_draft(const nlohmann::json& ui) override;
  void forget_local_data() override;

  const NumbersSlice& slice() const { return slice_; }
  // The preset, weight, expected cost and delivery income of one posting.
  PostingShipping shipping_for(const core::Posting& posting) const;
  // A table as CSV (the same rows the screen shows), for ExportNumbersTable.
  std::string table_csv(const std::string& table) const;

  void on(const RefreshNumbers&);
  void on(const SetNumbersTab&);
  void on(const SetNumbersPeriod&);
  void on(const ExportNumbersTable&);
  void on(const EditPreset&);
  void on(const UpdatePresetDraft&);
  void on(const SavePresetDraft&);
  void on(const CancelPresetDraft&);
  void on(const DeletePreset&);
  void on(const MovePreset&);

 private:
  void load_rating();
  void load_rating_history(int generation);
  void load_sales();
  void load_finance();
  void load_finance_page(std::size_t window, int page, int generation);
  void finish_finance();
  void recompute_own_figures();
  void recompute_profit();
  void recompute_shipping();
  core::SellerCosts seller_costs() const;
  std::vector<const core::Posting*> store_postings() const;
  std::int64_t packed_weight(const core::Posting& posting) const;

  NumbersSlice slice_;
  std::string store_id_;
  bool requested_ = false;
  int generation_ = 0;  // a newer load or a store switch ignores older replies
  std::vector<core::TimeWindow> finance_windows_;
  std::vector<core::FinanceOperation> gathered_operations_;
  // What the own figures were computed from: recomputed when it changes.
  int seen_orders_version_ = -1;  // the postings (OrdersSlice::data_version)
  int seen_notes_version_ = -1;   // the product notes: costs, weights (StockSlice::data_version)  // the product notes (costs, weights) as of the last computation
  // Sales read per store and period: Ozon allows a few analytics requests a
  // minute, so a period already read is shown from here until Refresh.
  struct SalesCache {
    core::EpochMs as_of = 0;
    std::vector<core::DailySales> daily;
    std::vector<core::ProductSales> products;
  };
  std::map<std::string, SalesCache> sales_cache_;  // "<store>:<days>"
  std::map<std::string, std::vector<core::ShippingPreset>> presets_;  // store -> presets
};

}  // namespace app
