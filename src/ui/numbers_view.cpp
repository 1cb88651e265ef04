// The Numbers screen: Ozon's indicators against their thresholds with a
// trend chart, the console's own on-time and cancellation figures, sales by
// day and product, profit per posting (losing ones first), per product and
// per day, and the shipping presets with shipping cost against delivery
// income per method. Every table saves as CSV.
#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/numbers_screen.h"
#include "core/local_time.h"
#include "core/money.h"
#include "core/order_list.h"
#include "ui/charts.h"
#include "ui/fonts.h"
#include "ui/format.h"
#include "ui/notice.h"
#include "ui/palette.h"
#include "ui/screen_registry.h"
#include "ui/widgets.h"

namespace ui {
namespace {

constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                        ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
constexpr ImVec4 kSeriesBlue{0.35f, 0.6f, 1.0f, 1.0f};
constexpr ImVec4 kSeriesGreen{0.4f, 0.85f, 0.5f, 1.0f};

// "-1 234.56 ₽": kopecks with a thin group separator, exact (no floating point).
std::string money(core::Kopecks amount) {
  const bool negative = amount < 0;
  const unsigned long long abs = negative ? 0ULL - static_cast<unsigned long long>(amount) : static_cast<unsigned long long>(amount);
  std::string whole = std::to_string(abs / 100);
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(static_cast<std::size_t>(i), " ");
  char cents[8];
  std::snprintf(cents, sizeof cents, ".%02llu", abs % 100);
  return std::string(negative ? "-" : "").append(whole).append(cents).append(" \u20BD");
}

std::string percent(std::int64_t basis_points) {
  if (basis_points < 0) return "\u2013";
  char text[16];
  std::snprintf(text, sizeof text, "%lld.%02lld%%", static_cast<long long>(basis_points / 100),
                static_cast<long long>(basis_points % 100));
  return text;
}

ImVec4 level_color(core::Danger level) {
  switch (level) {
    case core::Danger::ok: return palette::ok;
    case core::Danger::warning: return palette::warning;
    case core::Danger::danger: return palette::error;
    case core::Danger::unknown: break;
  }
  return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
}

void export_button(const app::App& app, const char* table, app::ActionQueue& actions) {
  ImGui::SameLine();
  if (small_button(app, std::string("numbers.csv.") + table, {.text = app.tr("numbers.save_csv")}))
    actions.push(app::ExportNumbersTable{table});
}

void draw_header(const app::App& app, const app::NumbersSlice& slice, app::ActionQueue& actions) {
  const bool loading = slice.rating_loading || slice.sales_loading || slice.finance_loading;
  if (button(app, "numbers.refresh", {.enabled = !loading})) actions.push(app::RefreshNumbers{});
  for (const int days : app::kNumbersPeriods) {
    ImGui::SameLine();
    const std::string key = "numbers.period." + std::to_string(days);
    if (radio_button(app, key, slice.period_days == days)) actions.push(app::SetNumbersPeriod{days});
  }
  ImGui::SameLine();
  ImGui::TextDisabled("|");
  for (const char* tab : {"indicators", "sales", "profit", "shipping"}) {
    ImGui::SameLine();
    if (button(app, std::string("numbers.tab.") + tab, {.current = slice.tab == tab}))
      actions.push(app::SetNumbersTab{tab});
  }
  if (loading) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", app.tr("numbers.loading"));
  }
}

// --- Indicators -------------------------------------------------------------------

void draw_indicator_history(const app::App& app, const app::IndicatorView& view) {
  std::vector<double> values;
  std::vector<std::string> days;
  for (const auto& point : view.history) {
    values.push_back(point.value);
    days.push_back(core::format_local_datetime(point.date_from, app.state().utc_offset_minutes).substr(5, 5));
  }
  ChartOptions options;
  options.x_labels = days;
  options.include_zero = false;
  options.height = ImGui::GetTextLineHeight() * 9;
  if (view.warning) options.thresholds.push_back({*view.warning, palette::warning, app.tr("numbers.warning")});
  if (view.danger) options.thresholds.push_back({*view.danger, palette::error, app.tr("numbers.danger")});
  chart("numbers.chart.rating", {{view.indicator.name, values, kSeriesBlue, false}}, options, app.tr("numbers.no_history"));
}

void draw_indicators(const app::App& app, const app::NumbersSlice& slice, app::ActionQueue& actions) {
  ImGui::SeparatorText(app.tr("numbers.ozon_rating"));
  draw_notice(app, slice.rating_error);
  export_button(app, "indicators", actions);
  if (slice.rating.penalty_score_exceeded) ImGui::TextColored(palette::error, "%s", app.tr("numbers.penalty_exceeded"));
  static std::string selected;  // the indicator whose history is charted (a view choice, not data)
  const app::IndicatorView* charted = nullptr;
  const float rows = static_cast<float>(std::min<std::size_t>(slice.indicators.size(), 8) + 1);
  if (!slice.indicators.empty() &&
      ImGui::BeginTable("##indicators", 5, kTableFlags, ImVec2(0, ImGui::GetFrameHeightWithSpacing() * rows))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* column : {"numbers.col.indicator", "numbers.col.value", "numbers.col.warning",
                               "numbers.col.danger", "numbers.col.state"})
      ImGui::TableSetupColumn(app.tr(column));
    ImGui::TableHeadersRow();
    for (const auto& view : slice.indicators) {
      if (selected.empty() && !view.history.empty()) selected = view.indicator.rating;
      if (view.indicator.rating == selected) charted = &view;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      note_glyphs(view.indicator.name);
      if (selectable("numbers.indicator." + view.indicator.rating,
                     view.indicator.name.empty() ? view.indicator.rating : view.indicator.name,
                     view.indicator.rating == selected, ImGuiSelectableFlags_SpanAllColumns))
        selected = view.indicator.rating;
      ImGui::TableNextColumn();
      ImGui::TextColored(level_color(view.level), "%.2f", view.indicator.current_value);
      ImGui::TableNextColumn();
      if (view.warning) ImGui::Text("%.2f", *view.warning);
      ImGui::TableNextColumn();
      if (view.danger) ImGui::Text("%.2f", *view.danger);
      ImGui::TableNextColumn();
      ImGui::TextColored(level_color(view.level), "%s",
                         app.tr(std::string("numbers.level.") +
                                (view.level == core::Danger::ok        ? "ok"
                                 : view.level == core::Danger::warning ? "warning"
                                 : view.level == core::Danger::danger  ? "danger"
                                                                       : "unknown")));
    }
    ImGui::EndTable();
  } else if (!slice.rating_loading && slice.rating_loaded) {
    ImGui::TextDisabled("%s", app.tr("numbers.no_indicators"));
  }
  if (charted) draw_indicator_history(app, *charted);

  ImGui::SeparatorText(app.tr("numbers.own_figures"));
  ImGui::Text("%s %s (%lld / %lld)", app.tr("numbers.on_time_rate"), percent(slice.on_time.total.rate_bp()).c_str(),
              static_cast<long long>(slice.on_time.total.on_time), static_cast<long long>(slice.on_time.total.shipped));
  export_button(app, "on_time", actions);
  std::vector<double> rates;
  std::vector<std::string> days;
  for (const auto& day : slice.on_time.by_day) {
    rates.push_back(day.rate_bp() < 0 ? std::nan("") : static_cast<double>(day.rate_bp()) / 100.0);
    days.push_back(day.key.size() >= 10 ? day.key.substr(5, 5) : day.key);
  }
  ChartOptions options;
  options.x_labels = days;
  options.height = ImGui::GetTextLineHeight() * 8;
  options.format = [](double v) {
    char text[16];
    std::snprintf(text, sizeof text, "%.0f%%", v);
    return std::string(text);
  };
  chart("numbers.chart.on_time", {{app.tr("numbers.on_time_rate"), rates, kSeriesGreen, true}}, options,
        app.tr("numbers.nothing_shipped"));
  for (const auto* groups : {&slice.on_time.by_warehouse, &slice.on_time.by_method}) {
    const bool warehouses = groups == &slice.on_time.by_warehouse;
    if (groups->empty()) continue;
    if (!ImGui::BeginTable(warehouses ? "##on_time_wh" : "##on_time_method", 3, kTableFlags,
                           ImVec2(0, ImGui::GetFrameHeightWithSpacing() * 5)))
      continue;
    ImGui::TableSetupColumn(app.tr(warehouses ? "numbers.col.warehouse" : "numbers.col.method"));
    ImGui::TableSetupColumn(app.tr("numbers.col.on_time"));
    ImGui::TableSetupColumn(app.tr("numbers.col.late"));
    ImGui::TableHeadersRow();
    for (const auto& g : *groups) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(g.key.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(percent(g.rate_bp()).c_str());
      ImGui::TableNextColumn();
      if (g.late > 0) ImGui::TextColored(palette::warning, "%lld", static_cast<long long>(g.late));
      else ImGui::TextDisabled("0");
    }
    ImGui::EndTable();
  }
  ImGui::Text("%s %lld / %lld", app.tr("numbers.cancelled"), static_cast<long long>(slice.cancellations.cancelled),
              static_cast<long long>(slice.cancellations.total));
  export_button(app, "cancellations", actions);
  for (const auto& g : slice.cancellations.by_initiator) {
    note_glyphs(g.key);
    ImGui::BulletText("%s: %lld (%s %lld)", g.key.c_str(), static_cast<long long>(g.count), app.tr("numbers.affect_rating"),
                      static_cast<long long>(g.affect_rating));
  }
  for (const auto& g : slice.cancellations.by_reason) {
    note_glyphs(g.key);
    ImGui::BulletText("%s: %lld", g.key.c_str(), static_cast<long long>(g.count));
  }
}

// --- Sales ----------------------------------------------------------------------------

void draw_sales(const app::App& app, const app::NumbersSlice& slice, app::ActionQueue& actions) {
  if (slice.sales_premium_required) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(palette::attention, "%s", app.tr("numbers.sales_premium"));
    ImGui::PopTextWrapPos();
  }
  draw_notice(app, slice.sales_error);
  if (slice.sales_as_of) ImGui::TextDisabled("%s %s", app.tr("numbers.as_of"), format_local_time(slice.sales_as_of).c_str());
  export_button(app, "sales_days", actions);
  std::vector<double> revenue, units;
  std::vector<std::string> days;
  for (const auto& d : slice.daily) {
    revenue.push_back(static_cast<double>(d.revenue) / 100.0);
    units.push_back(static_cast<double>(d.units));
    days.push_back(d.day.size() >= 10 ? d.day.substr(5, 5) : d.day);
  }
  ChartOptions options;
  options.x_labels = days;
  options.format = [](double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f", v);
    return std::string(text);
  };
  chart("numbers.chart.sales", {{app.tr("numbers.revenue"), revenue, kSeriesBlue, true}}, options,
        app.tr("numbers.no_sales"));
  options.height = ImGui::GetTextLineHeight() * 6;
  chart("numbers.chart.units", {{app.tr("numbers.units"), units, kSeriesGreen, false}}, options, "");
  ImGui::SeparatorText(app.tr("numbers.by_product"));
  export_button(app, "sales_products", actions);
  if (!slice.products.empty() && ImGui::BeginTable("##sales_products", 4, kTableFlags, ImVec2(0, ImGui::GetFontSize() * 12))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* column : {"numbers.col.sku", "numbers.col.product", "numbers.revenue", "numbers.units"})
      ImGui::TableSetupColumn(app.tr(column));
    ImGui::TableHeadersRow();
    for (const auto& p : slice.products) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.sku.c_str());
      ImGui::TableNextColumn();
      note_glyphs(p.name);
      ImGui::TextUnformatted(p.name.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(money(p.revenue).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(p.units));
    }
    ImGui::EndTable();
  }
}

// --- Profit ---------------------------------------------------------------------------

void draw_profit(const app::App& app, const app::NumbersSlice& slice, app::ActionQueue& actions) {
  draw_notice(app, slice.finance_error);
  if (slice.finance_loading)
    ImGui::TextDisabled("%s %d / %d", app.tr("numbers.reading_finance"), slice.finance_windows_done,
                        slice.finance_windows_total);
  ImGui::Text("%s %s   %s %s   %s %s", app.tr("numbers.sales_total"), money(slice.totals.accruals_for_sale).c_str(),
              app.tr("numbers.commission"), money(slice.totals.sale_commission).c_str(), app.tr("numbers.total"),
              money(slice.totals.sum()).c_str());
  if (slice.fees_only_postings > 0)
    ImGui::TextDisabled("%s", app::fill_placeholders(app.tr("numbers.fees_only"),
                                                     {{"count", std::to_string(slice.fees_only_postings)},
                                                      {"sum", money(slice.fees_only_sum)}})
                                  .c_str());
  std::size_t unknown = 0;
  for (const auto& r : slice.profit) unknown += r.costs_known ? 0 : 1;
  if (unknown > 0) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(palette::attention, "%s",
                       app::fill_placeholders(app.tr("numbers.costs_unknown"), {{"count", std::to_string(unknown)}}).c_str());
    ImGui::PopTextWrapPos();
  }
  std::vector<double> margins;
  std::vector<std::string> days;
  for (const auto& d : slice.profit_by_day) {
    margins.push_back(static_cast<double>(d.margin) / 100.0);
    days.push_back(d.key.size() >= 10 ? d.key.substr(5, 5) : d.key);
  }
  ChartOptions options;
  options.x_labels = days;
  options.height = ImGui::GetTextLineHeight() * 8;
  options.format = [](double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f", v);
    return std::string(text);
  };
  export_button(app, "profit_days", actions);
  chart("numbers.chart.margin", {{app.tr("numbers.margin"), margins, kSeriesGreen, true}}, options,
        app.tr("numbers.no_finance"));

  ImGui::SeparatorText(app.tr("numbers.by_posting"));
  export_button(app, "profit", actions);
  if (!slice.profit.empty() && ImGui::BeginTable("##profit", 7, kTableFlags, ImVec2(0, ImGui::GetFontSize() * 14))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* column : {"numbers.col.posting", "numbers.sales_total", "numbers.commission", "numbers.logistics",
                               "numbers.other_fees", "numbers.costs", "numbers.margin"})
      ImGui::TableSetupColumn(app.tr(column));
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(slice.profit.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const auto& r = slice.profit[static_cast<std::size_t>(i)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.posting_number.c_str());
        for (const core::Kopecks part : {r.finance.sale, r.finance.commission, r.finance.logistics,
                                         r.finance.other + r.finance.delivery_income, -(r.goods_cost + r.packaging_cost)}) {
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(money(part).c_str());
        }
        ImGui::TableNextColumn();
        ImGui::TextColored(r.margin < 0 ? palette::error : palette::ok, "%s%s", money(r.margin).c_str(),
                           r.costs_known ? "" : " ?");
      }
    ImGui::EndTable();
  }
  ImGui::SeparatorText(app.tr("numbers.by_product"));
  export_button(app, "profit_products", actions);
  if (!slice.profit_by_product.empty() &&
      ImGui::BeginTable("##profit_products", 4, kTableFlags, ImVec2(0, ImGui::GetFontSize() * 10))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* column : {"numbers.col.offer", "numbers.col.postings", "numbers.payout", "numbers.margin"})
      ImGui::TableSetupColumn(app.tr(column));
    ImGui::TableHeadersRow();
    for (const auto& g : slice.profit_by_product) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(g.key.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(g.postings));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(money(g.payout).c_str());
      ImGui::TableNextColumn();
      ImGui::TextColored(g.margin < 0 ? palette::error : palette::ok, "%s", money(g.margin).c_str());
    }
    ImGui::EndTable();
  }
}

// --- Shipping presets --------------------------------------------------------------

// Comma-separated text <-> a list (the preset's conditions).
std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out.append(out.empty() ? "" : ", ").append(item);
  return out;
}
std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(start, end - start);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) out.push_back(item);
    start = end + 1;
  }
  return out;
}

// "zone;max grams;cost" per line <-> the tariff table.
std::string tariff_text(const std::vector<core::TariffLine>& tariff) {
  std::string out;
  for (const auto& line : tariff)
    out.append(line.zone).append(";").append(std::to_string(line.max_weight_g)).append(";").append(core::format_kopecks(line.cost)).append("\n");
  return out;
}
std::vector<core::TariffLine> parse_tariff(const std::string& text) {
  std::vector<core::TariffLine> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const auto cells = split_list([&] {
      std::string line = text.substr(start, end - start);
      for (char& c : line) c = c == ';' || c == '\t' ? ',' : c;
      return line;
    }());
    start = end + 1;
    if (cells.size() != 3) continue;
    char* rest = nullptr;
    const long long grams = std::strtoll(cells[1].c_str(), &rest, 10);
    const auto cost = core::parse_amount_minor(cells[2]);
    if (grams > 0 && rest && *rest == 0 && cost && *cost >= 0) out.push_back({cells[0], grams, *cost});
  }
  return out;
}

// A preference among `options` (0 = none), labelled by `key`.
bool choose_option(const app::App& app, std::string_view key, const std::vector<core::FilterOption>& options,
                   std::int64_t& chosen) {
  std::string preview = chosen == 0 ? std::string(app.tr("numbers.preset.no_preference")) : "#" + std::to_string(chosen);
  for (const auto& option : options)
    if (option.id == chosen) preview = option.name;
  bool changed = false;
  combo(key, preview.c_str(), [&] {
    if (selectable(std::string(key).append(".none"), app.tr("numbers.preset.no_preference"), chosen == 0)) {
      chosen = 0;
      changed = true;
    }
    for (const auto& option : options)
      if (selectable(std::string(key).append(".").append(std::to_string(option.id)), option.name, option.id == chosen)) {
        chosen = option.id;
        changed = true;
      }
  });
  ImGui::SameLine();
  ImGui::TextUnformatted(app.tr(key));
  return changed;
}

void draw_preset_editor(const app::App& app, const app::NumbersSlice& slice, app::ActionQueue& actions) {
  core::ShippingPreset p = slice.preset_draft;
  bool changed = false;
  ImGui::SeparatorText(app.tr(p.id.empty() ? "numbers.preset.new" : "numbers.preset.edit"));
  const float field = ImGui::GetFontSize() * 16;
  ImGui::SetNextItemWidth(field);
  changed |= input_text(app, "numbers.preset.name", p.name, {.labelled = true});
  // The list fields are edited as text; a buffer per field keeps what is typed between frames.
  static std::string prefixes, regions, tariff, editing_id = "\x01";
  if (editing_id != p.id || !slice.editing_preset) {
    prefixes = joined(p.offer_prefixes);
    regions = joined(p.regions);
    tariff = tariff_text(p.tariff);
    editing_id = p.id;
  }
  ImGui::SetNextItemWidth(field);
  if (input_text(app, "numbers.preset.offer_prefixes", prefixes, {.labelled = true})) {
    p.offer_prefixes = split_list(prefixes);
    changed = true;
  }
  ImGui::SetNextItemWidth(field);
  if (input_text(app, "numbers.preset.regions", regions, {.labelled = true})) {
    p.regions = split_list(regions);
    changed = true;
  }
  // The warehouses and methods the postings use, by name; an id no posting
  // uses any more stays chosen, shown by its number.
  const auto& list = app.state().orders.list;
  ImGui::SetNextItemWidth(field);
  changed |= choose_option(app, "numbers.preset.warehouse_id", list.warehouses(), p.warehouse_id);
  ImGui::SetNextItemWidth(field);
  changed |= choose_option(app, "numbers.preset.method_id", list.delivery_methods(), p.delivery_method_id);
  ImGui::SetNextItemWidth(field);
  changed |= input_text(app, "numbers.preset.box", p.box, {.labelled = true});
  ImGui::SetNextItemWidth(field);
  changed |= input_text(app, "numbers.preset.carrier", p.carrier, {.labelled = true});
  ImGui::SetNextItemWidth(field);
  changed |= input_text(app, "numbers.preset.zone", p.zone, {.labelled = true});
  ImGui::TextDisabled("%s", app.tr("numbers.preset.tariff_hint"));
  if (input_multiline("numbers.preset.tariff", tariff, ImVec2(field, ImGui::GetFontSize() * 5))) {
    p.tariff = parse_tariff(tariff);
    changed = true;
  }
  if (changed) actions.push(app::UpdatePresetDraft{p});
  if (button(app, "numbers.preset.save")) actions.push(app::SavePresetDraft{});
  ImGui::SameLine();
  if (button(app, "numbers.preset.cancel")) actions.push(app::CancelPresetDraft{});
}

void draw_shipping(const app::App& app, const app::NumbersSlice& slice, app::ActionQueue& actions) {
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", app.tr("numbers.presets_intro"));
  ImGui::PopTextWrapPos();
  if (button(app, "numbers.preset.add", {.enabled = !slice.editing_preset})) actions.push(app::EditPreset{""});
  for (std::size_t i = 0; i < slice.presets.size(); ++i) {
    const auto& p = slice.presets[i];
    ImGui::PushID(p.id.c_str());
    note_glyphs(p.name);
    ImGui::BulletText("%zu. %s", i + 1, p.name.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s%s%s", joined(p.offer_prefixes).c_str(), p.regions.empty() ? "" : " \u2192 ",
                        joined(p.regions).c_str());
    ImGui::SameLine();
    if (small_button(app, "numbers.preset.edit." + p.id, {.text = app.tr("numbers.preset.edit_button")}))
      actions.push(app::EditPreset{p.id});
    ImGui::SameLine();
    if (small_button(app, "numbers.preset.up." + p.id, {.text = "\u2191", .enabled = i > 0}))
      actions.push(app::MovePreset{p.id, -1});
    ImGui::SameLine();
    if (small_button(app, "numbers.preset.down." + p.id, {.text = "\u2193", .enabled = i + 1 < slice.presets.size()}))
      actions.push(app::MovePreset{p.id, +1});
    ImGui::SameLine();
    if (small_button(app, "numbers.preset.delete." + p.id, {.text = app.tr("numbers.preset.delete"), .danger = true}))
      actions.push(app::DeletePreset{p.id});
    ImGui::PopID();
  }
  if (slice.editing_preset) draw_preset_editor(app, slice, actions);

  ImGui::SeparatorText(app.tr("numbers.shipping_by_method"));
  export_button(app, "shipping", actions);
  if (slice.shipping_by_method.empty()) {
    ImGui::TextDisabled("%s", app.tr("numbers.no_rfbs"));
    return;
  }
  std::vector<double> cost, income;
  std::vector<std::string> methods;
  for (const auto& m : slice.shipping_by_method) {
    cost.push_back(static_cast<double>(m.expected_cost) / 100.0);
    income.push_back(static_cast<double>(m.delivery_income) / 100.0);
    methods.push_back(m.method);
  }
  ChartOptions options;
  options.x_labels = methods;
  options.height = ImGui::GetTextLineHeight() * 8;
  chart("numbers.chart.shipping",
        {{app.tr("numbers.expected_cost"), cost, palette::warning, true},
         {app.tr("numbers.delivery_income"), income, kSeriesGreen, true}},
        options, "");
  if (ImGui::BeginTable("##shipping", 4, kTableFlags, ImVec2(0, ImGui::GetFontSize() * 8))) {
    for (const char* column : {"numbers.col.method", "numbers.col.postings", "numbers.expected_cost", "numbers.delivery_income"})
      ImGui::TableSetupColumn(app.tr(column));
    ImGui::TableHeadersRow();
    for (const auto& m : slice.shipping_by_method) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      note_glyphs(m.method);
      ImGui::TextUnformatted(m.method.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%lld (%lld)", static_cast<long long>(m.postings), static_cast<long long>(m.costed));
      ImGui::TableNextColumn();
      // No posting costed (no preset with a tariff, or no weights): no figure, not a zero.
      ImGui::TextUnformatted(m.costed > 0 ? money(m.expected_cost).c_str() : "\u2014");
      ImGui::TableNextColumn();
      ImGui::TextColored(m.delivery_income < m.expected_cost ? palette::warning : palette::ok, "%s",
                         money(m.delivery_income).c_str());
    }
    ImGui::EndTable();
  }
}

void draw_numbers_view(const app::App& app, app::ActionQueue& actions) {
  const auto& slice = app.feature<app::NumbersScreen>().slice();
  draw_header(app, slice, actions);
  if (!ImGui::BeginChild("##numbers_body", ImVec2(0, 0))) {
    ImGui::EndChild();
    return;
  }
  if (slice.tab == "sales") draw_sales(app, slice, actions);
  else if (slice.tab == "profit") draw_profit(app, slice, actions);
  else if (slice.tab == "shipping") draw_shipping(app, slice, actions);
  else draw_indicators(app, slice, actions);
  ImGui::EndChild();
}

[[maybe_unused]] const bool registered = register_screen_view({.id = "numbers", .draw = &draw_numbers_view, .help = {}});

}  // namespace
}  // namespace ui
