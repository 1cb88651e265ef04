// The Numbers screen: Ozon's rating and its history, the console's own
// on-time and cancellation figures, sales (analytics, cached per period) and
// finance operations turned into profit per posting, product and day.
#include "app/numbers_screen.h"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "app/stock_screen.h"
#include "core/civil_date.h"
#include "ozon/errors.h"
#include "ozon/parsers.h"
#include "ozon/requests.h"

namespace app {
namespace {

constexpr core::EpochMs kDayMs = 24LL * 60 * 60 * 1000;
constexpr int kMaxFinancePages = 200;  // per month window: 200,000 operations at most

// "YYYY-MM-DD" of a local day.
std::string day_text(core::EpochMs time, int utc_offset_minutes) {
  const core::EpochMs local = time + static_cast<core::EpochMs>(utc_offset_minutes) * 60'000;
  std::int64_t days = local / kDayMs;
  if (local % kDayMs < 0) --days;
  std::int64_t y = 0;
  unsigned m = 0, d = 0;
  core::civil_from_days(days, y, m, d);
  char text[16];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return text;
}

void add_totals(core::FinanceTotals& sum, const core::FinanceTotals& more) {
  sum.accruals_for_sale += more.accruals_for_sale;
  sum.sale_commission += more.sale_commission;
  sum.processing_and_delivery += more.processing_and_delivery;
  sum.refunds_and_cancellations += more.refunds_and_cancellations;
  sum.services_amount += more.services_amount;
  sum.compensation_amount += more.compensation_amount;
  sum.money_transfer += more.money_transfer;
  sum.others_amount += more.others_amount;
}

bool known_tab(const std::string& tab) {
  return tab == "indicators" || tab == "sales" || tab == "profit" || tab == "shipping";
}

}  // namespace

NumbersScreen::NumbersScreen(App& app) : Feature(app) {
  handle<RefreshNumbers, SetNumbersTab, SetNumbersPeriod, ExportNumbersTable, EditPreset, UpdatePresetDraft,
         SavePresetDraft, CancelPresetDraft, DeletePreset, MovePreset>(this);
}

void NumbersScreen::on_store_opened() {
  store_id_ = app_.state().stores.active_id;
  NumbersSlice fresh;  // the seller's tab and period stay; the other store's figures go
  fresh.tab = slice_.tab;
  fresh.period_days = slice_.period_days;
  slice_ = std::move(fresh);
  slice_.presets = presets_[store_id_];
  requested_ = false;
  ++generation_;
  seen_orders_version_ = -1;
}

// Ozon's figures are read when the screen is first shown (and on Refresh);
// the own figures follow the postings whenever they change.
void NumbersScreen::prepare_frame(bool on_screen) {
  const int orders_version = app_.state().orders.data_version;
  const int notes_version = app_.feature<StockScreen>().slice().data_version;
  if ((on_screen || requested_) && (orders_version != seen_orders_version_ || notes_version != seen_notes_version_)) {
    seen_orders_version_ = orders_version;
    seen_notes_version_ = notes_version;
    recompute_own_figures();
    recompute_profit();
    recompute_shipping();
  }
  if (!on_screen || requested_ || !app_.session()) return;
  requested_ = true;
  recompute_own_figures();
  load_rating();
  load_sales();
  load_finance();
}

void NumbersScreen::on(const RefreshNumbers&) {
  requested_ = true;
  ++generation_;
  slice_.rating_loading = slice_.sales_loading = slice_.finance_loading = false;
  sales_cache_.erase(store_id_ + ":" + std::to_string(slice_.period_days));
  recompute_own_figures();
  load_rating();
  load_sales();
  load_finance();
}

void NumbersScreen::on(const SetNumbersTab& a) {
  if (!known_tab(a.tab)) return;
  slice_.tab = a.tab;
  app_.schedule_draft_save();
}

void NumbersScreen::on(const SetNumbersPeriod& a) {
  if (std::find(std::begin(kNumbersPeriods), std::end(kNumbersPeriods), a.days) == std::end(kNumbersPeriods) ||
      a.days == slice_.period_days)
    return;
  slice_.period_days = a.days;
  app_.schedule_draft_save();
  if (!requested_) return;
  ++generation_;
  slice_.rating_loading = slice_.sales_loading = slice_.finance_loading = false;
  recompute_own_figures();
  load_rating();
  load_sales();
  load_finance();
}

std::vector<const core::Posting*> NumbersScreen::store_postings() const {
  std::vector<const core::Posting*> out;
  for (const auto& posting : app_.state().orders.list.postings())
    if (posting.store_id.empty() || posting.store_id == store_id_) out.push_back(&posting);
  return out;
}

void NumbersScreen::recompute_own_figures() {
  const core::EpochMs since = app_.now() - static_cast<core::EpochMs>(slice_.period_days) * kDayMs;
  std::vector<core::Posting> postings;
  for (const core::Posting* posting : store_postings()) {
    const core::EpochMs when = posting->shipment_date ? posting->shipment_date : posting->in_process_at;
    if (when == 0 || when >= since) postings.push_back(*posting);
  }
  slice_.on_time = core::on_time_stats(postings, app_.state().utc_offset_minutes);
  slice_.cancellations = core::cancellation_stats(postings);
}

// --- Ozon's rating -----------------------------------------------------------

void NumbersScreen::load_rating() {
  if (!app_.session() || slice_.rating_loading) return;
  slice_.rating_loading = true;
  slice_.rating_error = {};
  const int generation = generation_;
  app_.session()->client().call(
      ozon::build_rating_summary(), &ozon::parse_rating_summary,
      app_.guard([this, generation](ozon::Result<core::RatingSummary> summary) {
        if (generation != generation_) return;
        if (!summary) {
          slice_.rating_loading = false;
          slice_.rating_error = notice_for(summary.error());
          return;
        }
        slice_.rating = std::move(summary.value());
        slice_.indicators.clear();
        for (const auto& indicator : slice_.rating.indicators) {
          IndicatorView view;
          view.indicator = indicator;
          view.level = core::danger_of(indicator.current_value, indicator.direction, std::nullopt, std::nullopt,
                                       indicator.status);
          slice_.indicators.push_back(std::move(view));
        }
        slice_.rating_loaded = true;
        slice_.rating_as_of = app_.now();
        load_rating_history(generation);
      }));
}

// The history of the indicators Ozon keeps one for: values by day and the
// warning and danger thresholds, which then colour the indicators.
void NumbersScreen::load_rating_history(int generation) {
  std::vector<std::string> wanted;
  const auto& allowed = core::history_ratings();
  for (const auto& view : slice_.indicators)
    if (std::find(allowed.begin(), allowed.end(), view.indicator.rating) != allowed.end())
      wanted.push_back(view.indicator.rating);
  const core::EpochMs to = app_.now();
  auto request = ozon::build_rating_history(wanted, to - static_cast<core::EpochMs>(slice_.period_days) * kDayMs, to);
  if (!request) {
    slice_.rating_loading = false;  // nothing Ozon keeps a history for
    return;
  }
  app_.session()->client().call(
      std::move(request.value()), &ozon::parse_rating_history,
      app_.guard([this, generation](ozon::Result<std::vector<core::RatingHistory>> histories) {
        if (generation != generation_) return;
        slice_.rating_loading = false;
        if (!histories) {
          slice_.rating_error = notice_for(histories.error());  // the summary stays shown
          return;
        }
        for (auto& view : slice_.indicators)
          for (const auto& history : *histories)
            if (history.rating == view.indicator.rating) {
              view.warning = history.warning_threshold;
              view.danger = history.danger_threshold;
              view.history = history.values;
              view.level = core::danger_of(view.indicator.current_value, view.indicator.direction, view.warning,
                                           view.danger, view.indicator.status);
            }
      }));
}

// --- Sales --------------------------------------------------------------------

void NumbersScreen::load_sales() {
  if (!app_.session() || slice_.sales_loading) return;
  const std::string key = store_id_ + ":" + std::to_string(slice_.period_days);
  if (auto cached = sales_cache_.find(key); cached != sales_cache_.end()) {
    slice_.daily = cached->second.daily;
    slice_.products = cached->second.products;
    slice_.sales_as_of = cached->second.as_of;
    return;
  }
  const int offset = app_.state().utc_offset_minutes;
  const core::EpochMs now = app_.now();
  const std::string last_day = day_text(now, offset);
  const std::string first_day =
      day_text(now - static_cast<core::EpochMs>(slice_.period_days - 1) * kDayMs, offset);
  auto by_day = ozon::build_analytics_data(first_day, last_day, {"day"}, {"revenue", "ordered_units"});
  auto by_sku = ozon::build_analytics_data(first_day, last_day, {"sku"}, {"revenue", "ordered_units"});
  if (!by_day || !by_sku) return;
  slice_.sales_loading = true;
  slice_.sales_error = {};
  const int generation = generation_;
  // Ozon allows a few of these a minute: a refusal is shown, not retried in a loop.
  const ozon::CallOptions once{.retry_not_ready = true, .retry = false};
  auto refused = [this](const ozon::ApiError& error) {
    slice_.sales_loading = false;
    if (ozon::premium_plus_refused(error)) {
      slice_.sales_premium_required = true;
      return;
    }
    slice_.sales_error = notice_for(error);
  };
  app_.session()->client().call_with(
      std::move(by_day.value()), once,
      app_.guard([this, generation, key, first_day, last_day, by_sku = std::move(by_sku.value()), once,
                  refused](ozon::Result<net::HttpResponse> reply) mutable {
        if (generation != generation_) return;
        if (!reply) return refused(reply.error());
        auto days = ozon::parse_analytics_data(reply->body, ozon::kAnalyticsLimitMax);
        if (!days) return refused(days.error());
        slice_.daily = core::daily_sales(days->items, first_day, last_day);
        slice_.sales_premium_required = false;
        app_.session()->client().call_with(
            std::move(by_sku), once,
            app_.guard([this, generation, key, refused](ozon::Result<net::HttpResponse> sku_reply) {
              if (generation != generation_) return;
              if (!sku_reply) return refused(sku_reply.error());
              auto skus = ozon::parse_analytics_data(sku_reply->body, ozon::kAnalyticsLimitMax);
              if (!skus) return refused(skus.error());
              slice_.products = core::product_sales(skus->items);
              slice_.sales_loading = false;
              slice_.sales_as_of = app_.now();
              sales_cache_[key] = {slice_.sales_as_of, slice_.daily, slice_.products};
            }));
      }));
}

// --- Finance ------------------------------------------------------------------

// Every operation of the period, month window by month window, page by page.
void NumbersScreen::load_finance() {
  if (!app_.session() || slice_.finance_loading) return;
  const core::EpochMs to = app_.now();
  finance_windows_ = core::month_windows(to - static_cast<core::EpochMs>(slice_.period_days) * kDayMs, to);
  gathered_operations_.clear();
  slice_.finance_loading = true;
  slice_.finance_error = {};
  slice_.finance_windows_done = 0;
  slice_.finance_windows_total = static_cast<int>(finance_windows_.size());
  if (finance_windows_.empty()) return finish_finance();
  load_finance_page(0, 1, generation_);
  // The sums per window (Ozon's categories), added up for the totals line.
  slice_.totals = {};
  const int generation = generation_;
  for (const auto& window : finance_windows_) {
    auto totals = ozon::build_finance_totals(window.from, window.to);
    if (!totals) continue;
    app_.session()->client().call(std::move(totals.value()), &ozon::parse_finance_totals,
                                  app_.guard([this, generation](ozon::Result<core::FinanceTotals> sums) {
                                    if (generation == generation_ && sums) add_totals(slice_.totals, *sums);
                                  }));
  }
}

void NumbersScreen::load_finance_page(std::size_t window, int page, int generation) {
  auto request = ozon::build_finance_transactions(finance_windows_[window].from, finance_windows_[window].to, page);
  if (!request) {
    slice_.finance_loading = false;
    slice_.finance_error = {"problem.unexpected", request.error().message};
    return;
  }
  app_.session()->client().call(
      std::move(request.value()), &ozon::parse_finance_transactions,
      app_.guard([this, window, page, generation](ozon::Result<ozon::FinancePage> result) {
        if (generation != generation_) return;
        if (!result) {
          slice_.finance_loading = false;
          slice_.finance_error = notice_for(result.error());
          return;
        }
        for (auto& op : result->operations) gathered_operations_.push_back(std::move(op));
        if (page < result->page_count && page < kMaxFinancePages) return load_finance_page(window, page + 1, generation);
        slice_.finance_windows_done = static_cast<int>(window) + 1;
        if (window + 1 < finance_windows_.size()) return load_finance_page(window + 1, 1, generation);
        finish_finance();
      }));
}

void NumbersScreen::finish_finance() {
  slice_.finance_loading = false;
  slice_.finance_as_of = app_.now();
  slice_.finance_operations = static_cast<std::int64_t>(gathered_operations_.size());
  slice_.finance = core::aggregate_by_posting(gathered_operations_);
  gathered_operations_.clear();
  gathered_operations_.shrink_to_fit();
  recompute_profit();
  recompute_shipping();
}

void NumbersScreen::recompute_profit() {
  std::map<std::string, const core::Posting*> by_number;
  for (const core::Posting* posting : store_postings()) by_number[posting->posting_number] = posting;
  // Ozon books a posting's fees over time: one sold before the period shows
  // in it with fees alone (late logistics, a return). Its margin needs its
  // sale, so it is counted apart instead of heading the losing list.
  std::vector<core::PostingFinance> sold;
  slice_.fees_only_postings = 0;
  slice_.fees_only_sum = 0;
  for (const auto& finance : slice_.finance) {
    if (finance.sale == 0 && finance.delivery_income == 0) {
      ++slice_.fees_only_postings;
      slice_.fees_only_sum += finance.payout;
    } else {
      sold.push_back(finance);
    }
  }
  slice_.profit = core::profit_rows(sold, by_number, seller_costs(), app_.state().utc_offset_minutes);
  slice_.profit_by_product = core::profit_by_product(slice_.profit, by_number);
  slice_.profit_by_day = core::profit_by_day(slice_.profit);
}

core::SellerCosts NumbersScreen::seller_costs() const {
  core::SellerCosts costs;
  for (const auto& [offer_id, note] : app_.feature<StockScreen>().slice().notes) {
    if (note.unit_cost > 0) costs.unit_cost[offer_id] = note.unit_cost;
    if (note.packaging.cost > 0) costs.packaging_cost[offer_id] = note.packaging.cost;
  }
  return costs;
}

}  // namespace app
