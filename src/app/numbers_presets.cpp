// The Numbers screen's shipping presets (the seller's, per store, kept on the
// device and in backups), the shipping cost of a posting, the CSV tables and
// the snapshot.
#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>

#include "app/numbers_screen.h"
#include "app/stock_screen.h"
#include "core/csv.h"
#include "core/json_read.h"

namespace app {
namespace {

constexpr std::string_view kDraftKey = "shipping_presets";
constexpr std::size_t kMostPresets = 100;
constexpr std::size_t kMostTariffLines = 200;

using core::json_read::read_int64_strict;
using core::json_read::read_string_strict;

std::vector<std::string> string_list(const nlohmann::json& json, const char* name) {
  std::vector<std::string> out;
  if (auto it = json.find(name); it != json.end() && it->is_array())
    for (const auto& item : *it)
      if (item.is_string() && !item.get_ref<const std::string&>().empty()) out.push_back(item.get<std::string>());
  return out;
}

nlohmann::json preset_json(const core::ShippingPreset& p) {
  nlohmann::json tariff = nlohmann::json::array();
  for (const auto& line : p.tariff)
    tariff.push_back({{"zone", line.zone}, {"maxWeightG", line.max_weight_g}, {"costKopecks", line.cost}});
  return {{"id", p.id},
          {"name", p.name},
          {"offerPrefixes", p.offer_prefixes},
          {"regions", p.regions},
          {"warehouseId", p.warehouse_id},
          {"deliveryMethodId", p.delivery_method_id},
          {"box", p.box},
          {"carrier", p.carrier},
          {"zone", p.zone},
          {"tariff", tariff}};
}

// Tolerant: odd fields keep their defaults; a preset needs an id.
std::optional<core::ShippingPreset> preset_from_json(const nlohmann::json& json) {
  if (!json.is_object()) return std::nullopt;
  core::ShippingPreset p;
  p.id = read_string_strict(json, "id");
  p.name = read_string_strict(json, "name");
  p.offer_prefixes = string_list(json, "offerPrefixes");
  p.regions = string_list(json, "regions");
  p.warehouse_id = std::max<std::int64_t>(0, read_int64_strict(json, "warehouseId", 0));
  p.delivery_method_id = std::max<std::int64_t>(0, read_int64_strict(json, "deliveryMethodId", 0));
  p.box = read_string_strict(json, "box");
  p.carrier = read_string_strict(json, "carrier");
  p.zone = read_string_strict(json, "zone");
  if (auto it = json.find("tariff"); it != json.end() && it->is_array())
    for (const auto& line : *it) {
      if (!line.is_object() || p.tariff.size() >= kMostTariffLines) continue;
      core::TariffLine t{read_string_strict(line, "zone"), read_int64_strict(line, "maxWeightG", 0),
                         read_int64_strict(line, "costKopecks", 0)};
      if (t.max_weight_g > 0 && t.cost >= 0) p.tariff.push_back(std::move(t));
    }
  if (p.id.empty()) return std::nullopt;
  return p;
}

const char* danger_name(core::Danger level) {
  switch (level) {
    case core::Danger::ok: return "ok";
    case core::Danger::warning: return "warning";
    case core::Danger::danger: return "danger";
    case core::Danger::unknown: break;
  }
  return "unknown";
}

std::string rate_text(std::int64_t basis_points) {
  if (basis_points < 0) return "";
  return std::to_string(basis_points / 100) + "." + (basis_points % 100 < 10 ? "0" : "") +
         std::to_string(basis_points % 100);
}

std::string number_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

}  // namespace

// --- Presets --------------------------------------------------------------------

void NumbersScreen::on(const EditPreset& a) {
  slice_.editing_preset = true;
  slice_.preset_draft = {};
  for (const auto& p : slice_.presets)
    if (p.id == a.id) slice_.preset_draft = p;
  app_.schedule_draft_save();
}

void NumbersScreen::on(const UpdatePresetDraft& a) {
  if (!slice_.editing_preset) return;
  const std::string id = slice_.preset_draft.id;  // not the seller's to change
  slice_.preset_draft = a.preset;
  slice_.preset_draft.id = id;
  app_.schedule_draft_save();
}

void NumbersScreen::on(const SavePresetDraft&) {
  if (!slice_.editing_preset) return;
  core::ShippingPreset preset = slice_.preset_draft;
  if (preset.name.empty()) preset.name = std::string("#").append(std::to_string(slice_.presets.size() + 1));
  std::sort(preset.tariff.begin(), preset.tariff.end(), [](const core::TariffLine& x, const core::TariffLine& y) {
    return x.zone != y.zone ? x.zone < y.zone : x.max_weight_g < y.max_weight_g;
  });
  auto& presets = presets_[store_id_];
  auto existing = std::find_if(presets.begin(), presets.end(), [&](const auto& p) { return p.id == preset.id; });
  if (preset.id.empty() || existing == presets.end()) {
    if (presets.size() >= kMostPresets) return;
    std::set<std::string> ids;
    for (const auto& p : presets) ids.insert(p.id);
    std::size_t n = presets.size() + 1;
    auto id_of = [](std::size_t k) { return std::string("preset-").append(std::to_string(k)); };
    while (ids.count(id_of(n))) ++n;
    preset.id = id_of(n);
    presets.push_back(std::move(preset));
  } else {
    *existing = std::move(preset);
  }
  slice_.presets = presets;
  slice_.editing_preset = false;
  slice_.preset_draft = {};
  recompute_shipping();
  app_.schedule_draft_save();
}

void NumbersScreen::on(const CancelPresetDraft&) {
  slice_.editing_preset = false;
  slice_.preset_draft = {};
  app_.schedule_draft_save();
}

void NumbersScreen::on(const DeletePreset& a) {
  auto& presets = presets_[store_id_];
  std::erase_if(presets, [&](const auto& p) { return p.id == a.id; });
  slice_.presets = presets;
  recompute_shipping();
  app_.schedule_draft_save();
}

void NumbersScreen::on(const MovePreset& a) {
  auto& presets = presets_[store_id_];
  auto it = std::find_if(presets.begin(), presets.end(), [&](const auto& p) { return p.id == a.id; });
  if (it == presets.end() || a.by == 0) return;
  const auto at = static_cast<std::ptrdiff_t>(it - presets.begin());
  const auto to = at + (a.by < 0 ? -1 : 1);
  if (to < 0 || to >= static_cast<std::ptrdiff_t>(presets.size())) return;
  std::swap(presets[static_cast<std::size_t>(at)], presets[static_cast<std::size_t>(to)]);
  slice_.presets = presets;
  recompute_shipping();
  app_.schedule_draft_save();
}

// --- Shipping cost ------------------------------------------------------------

// The packed weight from the products' packing notes; 0 when a product has none.
std::int64_t NumbersScreen::packed_weight(const core::Posting& posting) const {
  const auto& notes = app_.feature<StockScreen>().slice().notes;
  std::int64_t grams = 0;
  for (const auto& product : posting.products) {
    auto note = notes.find(product.offer_id);
    if (note == notes.end() || note->second.packaging.weight_g <= 0) return 0;
    grams += note->second.packaging.weight_g * std::max<std::int64_t>(product.quantity, 1);
  }
  return grams;
}

PostingShipping NumbersScreen::shipping_for(const core::Posting& posting) const {
  PostingShipping out;
  out.preset = core::match_preset(slice_.presets, posting);
  out.weight_g = packed_weight(posting);
  if (out.preset && out.weight_g > 0) out.expected_cost = core::tariff_cost(out.preset->tariff, out.preset->zone, out.weight_g);
  auto finance = std::lower_bound(slice_.finance.begin(), slice_.finance.end(), posting.posting_number,
                                  [](const core::PostingFinance& f, const std::string& n) { return f.posting_number < n; });
  if (finance != slice_.finance.end() && finance->posting_number == posting.posting_number)
    out.delivery_income = finance->delivery_income;
  return out;
}

void NumbersScreen::recompute_shipping() {
  std::map<std::string, MethodShipping> by_method;
  for (const core::Posting* posting : store_postings()) {
    if (!posting->is_rfbs()) continue;  // the seller pays the carrier only for rFBS
    auto& row = by_method[posting->delivery_method.name];
    row.method = posting->delivery_method.name;
    ++row.postings;
    const PostingShipping shipping = shipping_for(*posting);
    if (shipping.expected_cost) {
      ++row.costed;
      row.expected_cost += *shipping.expected_cost;
    }
    if (shipping.delivery_income) row.delivery_income += *shipping.delivery_income;
  }
  slice_.shipping_by_method.clear();
  for (auto& [method, row] : by_method) slice_.shipping_by_method.push_back(std::move(row));
}

// --- Kept on the device -------------------------------------------------------

void NumbersScreen::collect_drafts(std::map<std::string, std::string>& drafts) const {
  nlohmann::json stores = nlohmann::json::object();
  for (const auto& [store, presets] : presets_) {
    if (presets.empty()) continue;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : presets) list.push_back(preset_json(p));
    stores[store] = list;
  }
  nlohmann::json record = {{"stores", stores}};
  if (slice_.editing_preset) record["editing"] = preset_json(slice_.preset_draft);
  if (stores.empty() && !slice_.editing_preset) return;
  drafts[std::string(kDraftKey)] = core::json_read::dump(record);
}

bool NumbersScreen::restore_draft(const std::string& key, const nlohmann::json& draft) {
  if (key != kDraftKey) return false;
  presets_.clear();
  if (!draft.is_object()) return true;
  if (auto stores = draft.find("stores"); stores != draft.end() && stores->is_object())
    for (auto it = stores->begin(); it != stores->end(); ++it) {
      if (!it->is_array()) continue;
      auto& presets = presets_[it.key()];
      for (const auto& item : *it)
        if (auto p = preset_from_json(item); p && presets.size() < kMostPresets) presets.push_back(std::move(*p));
    }
  if (auto editing = draft.find("editing"); editing != draft.end() && editing->is_object()) {
    // Half-typed: a new preset has no id yet.
    nlohmann::json fields = *editing;
    const std::string id = read_string_strict(fields, "id");
    fields["id"] = "editing";
    if (auto p = preset_from_json(fields)) {
      slice_.preset_draft = std::move(*p);
      slice_.preset_draft.id = id;
      slice_.editing_preset = true;
    }
  }
  slice_.presets = presets_[store_id_];
  return true;
}

void NumbersScreen::write_ui_draft(nlohmann::json& ui) const {
  ui["numbersTab"] = slice_.tab;
  ui["numbersPeriod"] = slice_.period_days;
}

bool NumbersScreen::restore_ui_draft(const nlohmann::json& ui) {
  if (auto tab = read_string_strict(ui, "numbersTab"); !tab.empty()) on(SetNumbersTab{tab});
  if (auto days = read_int64_strict(ui, "numbersPeriod", 0); days > 0 && days <= 366)
    on(SetNumbersPeriod{static_cast<int>(days)});
  return true;
}

void NumbersScreen::forget_local_data() {
  presets_.clear();
  slice_.presets.clear();
  slice_.editing_preset = false;
  slice_.preset_draft = {};
  sales_cache_.clear();
}

// --- Tables -----------------------------------------------------------------------

std::string NumbersScreen::table_csv(const std::string& table) const {
  using core::format_kopecks;
  std::vector<std::vector<std::string>> rows;
  if (table == "indicators") {
    rows.push_back({"rating", "name", "group", "value", "past_value", "warning", "danger", "state"});
    for (const auto& v : slice_.indicators)
      rows.push_back({v.indicator.rating, v.indicator.name, v.indicator.group, number_text(v.indicator.current_value),
                      number_text(v.indicator.past_value), v.warning ? number_text(*v.warning) : "",
                      v.danger ? number_text(*v.danger) : "", danger_name(v.level)});
  } else if (table == "on_time") {
    rows.push_back({"group", "key", "shipped", "on_time", "late", "on_time_percent"});
    auto add = [&rows](const char* group, const std::vector<core::OnTimeGroup>& groups) {
      for (const auto& g : groups)
        rows.push_back({group, g.key, std::to_string(g.shipped), std::to_string(g.on_time), std::to_string(g.late),
                        rate_text(g.rate_bp())});
    };
    add("total", {slice_.on_time.total});
    add("day", slice_.on_time.by_day);
    add("warehouse", slice_.on_time.by_warehouse);
    add("method", slice_.on_time.by_method);
  } else if (table == "cancellations") {
    rows.push_back({"group", "key", "count", "affect_rating"});
    for (const auto& g : slice_.cancellations.by_reason)
      rows.push_back({"reason", g.key, std::to_string(g.count), std::to_string(g.affect_rating)});
    for (const auto& g : slice_.cancellations.by_initiator)
      rows.push_back({"initiator", g.key, std::to_string(g.count), std::to_string(g.affect_rating)});
  } else if (table == "sales_days") {
    rows.push_back({"day", "revenue", "units"});
    for (const auto& d : slice_.daily) rows.push_back({d.day, format_kopecks(d.revenue), std::to_string(d.units)});
  } else if (table == "sales_products") {
    rows.push_back({"sku", "name", "revenue", "units"});
    for (const auto& p : slice_.products)
      rows.push_back({p.sku, p.name, format_kopecks(p.revenue), std::to_string(p.units)});
  } else if (table == "profit") {
    rows.push_back({"posting_number", "day", "sale", "commission", "logistics", "delivery_income", "other", "payout",
                    "goods_cost", "packaging_cost", "margin", "costs_known"});
    for (const auto& r : slice_.profit)
      rows.push_back({r.posting_number, r.day_key,
                      format_kopecks(r.finance.sale), format_kopecks(r.finance.commission),
                      format_kopecks(r.finance.logistics), format_kopecks(r.finance.delivery_income),
                      format_kopecks(r.finance.other), format_kopecks(r.finance.payout), format_kopecks(r.goods_cost),
                      format_kopecks(r.packaging_cost), format_kopecks(r.margin), r.costs_known ? "yes" : "no"});
  } else if (table == "profit_products" || table == "profit_days") {
    rows.push_back({table == "profit_days" ? "day" : "offer_id", "postings", "payout", "costs", "margin"});
    for (const auto& g : table == "profit_days" ? slice_.profit_by_day : slice_.profit_by_product)
      rows.push_back({g.key, std::to_string(g.postings), format_kopecks(g.payout), format_kopecks(g.costs),
                      format_kopecks(g.margin)});
  } else if (table == "shipping") {
    rows.push_back({"delivery_method", "postings", "costed", "expected_shipping_cost", "delivery_income"});
    for (const auto& m : slice_.shipping_by_method)
      rows.push_back({m.method, std::to_string(m.postings), std::to_string(m.costed), format_kopecks(m.expected_cost),
                      format_kopecks(m.delivery_income)});
  } else {
    return {};
  }
  return core::table_text(rows, core::TableFormat::csv);
}

void NumbersScreen::on(const ExportNumbersTable& a) {
  const std::string csv = table_csv(a.table);
  if (csv.empty() || !app_.services().save_file) return;
  app_.services().save_file("numbers-" + a.table + ".csv", csv);
}

// --- Snapshot -------------------------------------------------------------------

void NumbersScreen::write_snapshot(nlohmann::json& snapshot) const {
  nlohmann::json indicators = nlohmann::json::array();
  for (const auto& v : slice_.indicators)
    indicators.push_back({{"rating", v.indicator.rating},
                          {"name", v.indicator.name},
                          {"value", v.indicator.current_value},
                          {"warning", v.warning ? nlohmann::json(*v.warning) : nlohmann::json()},
                          {"danger", v.danger ? nlohmann::json(*v.danger) : nlohmann::json()},
                          {"level", danger_name(v.level)},
                          {"historyPoints", v.history.size()}});
  nlohmann::json daily = nlohmann::json::array();
  for (const auto& d : slice_.daily) daily.push_back({{"day", d.day}, {"revenueKopecks", d.revenue}, {"units", d.units}});
  nlohmann::json profit = nlohmann::json::array();
  for (std::size_t i = 0; i < slice_.profit.size() && i < 50; ++i) {
    const auto& r = slice_.profit[i];
    profit.push_back({{"postingNumber", r.posting_number},
                      {"payoutKopecks", r.finance.payout},
                      {"saleKopecks", r.finance.sale},
                      {"commissionKopecks", r.finance.commission},
                      {"logisticsKopecks", r.finance.logistics},
                      {"otherKopecks", r.finance.other},
                      {"deliveryIncomeKopecks", r.finance.delivery_income},
                      {"marginKopecks", r.margin},
                      {"costsKnown", r.costs_known}});
  }
  nlohmann::json presets = nlohmann::json::array();
  for (const auto& p : slice_.presets) presets.push_back(preset_json(p));
  nlohmann::json methods = nlohmann::json::array();
  for (const auto& m : slice_.shipping_by_method)
    methods.push_back({{"method", m.method},
                       {"postings", m.postings},
                       {"costed", m.costed},
                       {"expectedCostKopecks", m.expected_cost},
                       {"deliveryIncomeKopecks", m.delivery_income}});
  auto on_time_groups = [](const std::vector<core::OnTimeGroup>& groups) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& g : groups)
      out.push_back({{"key", g.key}, {"shipped", g.shipped}, {"onTime", g.on_time}, {"rateBp", g.rate_bp()}});
    return out;
  };
  snapshot["numbers"] = {
      {"tab", slice_.tab},
      {"periodDays", slice_.period_days},
      {"rating",
       {{"loading", slice_.rating_loading},
        {"loaded", slice_.rating_loaded},
        {"error", slice_.rating_error.key},
        {"premium", slice_.rating.premium},
        {"premiumPlus", slice_.rating.premium_plus}}},
      {"indicators", indicators},
      {"onTime",
       {{"shipped", slice_.on_time.total.shipped},
        {"onTime", slice_.on_time.total.on_time},
        {"rateBp", slice_.on_time.total.rate_bp()},
        {"byWarehouse", on_time_groups(slice_.on_time.by_warehouse)},
        {"byMethod", on_time_groups(slice_.on_time.by_method)},
        {"days", slice_.on_time.by_day.size()}}},
      {"cancellations", {{"cancelled", slice_.cancellations.cancelled}, {"total", slice_.cancellations.total}}},
      {"sales",
       {{"loading", slice_.sales_loading},
        {"error", slice_.sales_error.key},
        {"premiumRequired", slice_.sales_premium_required},
        {"asOf", slice_.sales_as_of},
        {"daily", daily},
        {"products", slice_.products.size()}}},
      {"finance",
       {{"loading", slice_.finance_loading},
        {"error", slice_.finance_error.key},
        {"windowsDone", slice_.finance_windows_done},
        {"windowsTotal", slice_.finance_windows_total},
        {"operations", slice_.finance_operations},
        {"postings", slice_.finance.size()},
        {"feesOnlyPostings", slice_.fees_only_postings},
        {"feesOnlyKopecks", slice_.fees_only_sum},
        {"totalsSumKopecks", slice_.totals.sum()}}},
      {"profit", profit},
      {"losingPostings",
       std::count_if(slice_.profit.begin(), slice_.profit.end(), [](const core::ProfitRow& r) { return r.margin < 0; })},
      {"presets", presets},
      {"editingPreset", slice_.editing_preset},
      {"shippingByMethod", methods},
  };
}

}  // namespace app
