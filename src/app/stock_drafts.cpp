// What the Stock screen keeps on the device (one draft record per store:
// the edits not yet accepted by Ozon and the seller's product notes and
// reorder settings; backups carry the drafts), its part of the screen
// draft, and its part of the snapshot.
#include <algorithm>

#include "app/stock_screen.h"
#include "core/json_read.h"

namespace app {
namespace {

constexpr std::string_view kDraftPrefix = "stock:";

using core::json_read::read_bool_strict;
using core::json_read::read_int64_strict;
using core::json_read::read_string_strict;

// A small count kept in a draft; out of range: the default.
int small_number(const nlohmann::json& json, const char* name, int fallback, int max) {
  const std::int64_t value = read_int64_strict(json, name, fallback);
  return value < 0 || value > max ? fallback : static_cast<int>(value);
}

// A cost the seller set: kopecks, 0..10 million roubles; anything else is "not set".
core::Kopecks money_number(const nlohmann::json& json, const char* name) {
  const std::int64_t value = read_int64_strict(json, name, 0);
  return value < 0 || value > 1'000'000'000 ? 0 : value;
}

const char* state_name(StockEditState::State state) {
  switch (state) {
    case StockEditState::State::draft: return "draft";
    case StockEditState::State::pushing: return "pushing";
    case StockEditState::State::refused: return "refused";
  }
  return "draft";
}

StockEditState::State state_from(const std::string& name) {
  if (name == "pushing") return StockEditState::State::pushing;
  if (name == "refused") return StockEditState::State::refused;
  return StockEditState::State::draft;
}

const char* filter_name(core::StockFilter filter) {
  switch (filter) {
    case core::StockFilter::all: return "all";
    case core::StockFilter::short_only: return "short";
    case core::StockFilter::low: return "low";
    case core::StockFilter::zero: return "zero";
  }
  return "all";
}

core::StockFilter filter_from(const std::string& name) {
  if (name == "short") return core::StockFilter::short_only;
  if (name == "low") return core::StockFilter::low;
  if (name == "zero") return core::StockFilter::zero;
  return core::StockFilter::all;
}

}  // namespace

nlohmann::json to_json(const ProductNote& note) {
  return {{"ownName", note.own_name},
          {"container", note.packaging.container},
          {"size", note.packaging.size},
          {"material", note.packaging.material},
          {"fragile", note.packaging.fragile},
          {"weightG", note.packaging.weight_g},
          {"note", note.note},
          {"leadTimeDays", note.reorder.lead_time_days},
          {"safetyDays", note.reorder.safety_days},
          {"unitCostKopecks", note.unit_cost},
          {"packagingCostKopecks", note.packaging.cost},
          {"setParts", note.set_parts}};
}

ProductNote product_note_from_json(const nlohmann::json& json) {
  ProductNote note;
  if (!json.is_object()) return note;
  note.own_name = read_string_strict(json, "ownName");
  note.packaging.container = read_string_strict(json, "container");
  note.packaging.size = read_string_strict(json, "size");
  note.packaging.material = read_string_strict(json, "material");
  note.packaging.fragile = read_bool_strict(json, "fragile");
  note.packaging.weight_g = small_number(json, "weightG", 0, 1'000'000);
  note.note = read_string_strict(json, "note");
  note.reorder.lead_time_days = small_number(json, "leadTimeDays", note.reorder.lead_time_days, 365);
  note.reorder.safety_days = small_number(json, "safetyDays", note.reorder.safety_days, 365);
  note.unit_cost = money_number(json, "unitCostKopecks");
  note.packaging.cost = money_number(json, "packagingCostKopecks");
  note.set_parts = read_string_strict(json, "setParts");
  return note;
}

std::string StockScreen::store_key(std::string_view store_id) { return std::string(kDraftPrefix) + std::string(store_id); }

// The edits as kept in drafts and shown in the snapshot.
nlohmann::json StockScreen::edits_json() const {
  nlohmann::json edits = nlohmann::json::array();
  for (const auto& [pair, edit] : slice_.edits)
    edits.push_back({{"productId", edit.product_id},
                     {"warehouseId", edit.warehouse_id},
                     {"sku", edit.sku},
                     {"offerId", edit.offer_id},
                     {"stock", edit.stock},
                     {"state", state_name(edit.state)},
                     {"code", edit.code},
                     {"message", edit.message}});
  return edits;
}

// The open store's draft; null when there is nothing to keep.
nlohmann::json StockScreen::drafts_json() const {
  nlohmann::json edits = edits_json();
  nlohmann::json notes = nlohmann::json::object();
  for (const auto& [offer, note] : slice_.notes) notes[offer] = to_json(note);
  if (edits.empty() && notes.empty()) return nullptr;
  return {{"edits", edits}, {"notes", notes}};
}

// A store's draft read back. What the seller did since the page opened wins.
void StockScreen::apply_drafts_json(const nlohmann::json& draft) {
  if (!draft.is_object()) return;
  if (auto edits = draft.find("edits"); edits != draft.end() && edits->is_array())
    for (const auto& e : *edits) {
      if (!e.is_object()) continue;
      StockEditState edit;
      edit.product_id = read_int64_strict(e, "productId");
      edit.warehouse_id = read_int64_strict(e, "warehouseId");
      edit.sku = read_int64_strict(e, "sku");
      edit.offer_id = read_string_strict(e, "offerId");
      edit.stock = read_int64_strict(e, "stock", -1);
      edit.state = state_from(read_string_strict(e, "state"));
      edit.code = read_string_strict(e, "code");
      edit.message = read_string_strict(e, "message");
      if (edit.product_id <= 0 || edit.warehouse_id <= 0 || edit.stock < 0) continue;
      slice_.edits.emplace(std::make_pair(edit.product_id, edit.warehouse_id), std::move(edit));
    }
  bool renamed = false;
  if (auto notes = draft.find("notes"); notes != draft.end() && notes->is_object())
    for (const auto& [offer, json] : notes->items()) {
      auto note = product_note_from_json(json);
      if (note.empty() || slice_.notes.count(offer)) continue;
      renamed = renamed || !note.own_name.empty();
      slice_.notes.emplace(offer, std::move(note));
    }
  if (renamed && !slice_.rows.empty()) rebuild_table();
  ++slice_.data_version;
  resume_pushing();
}

void StockScreen::collect_drafts(std::map<std::string, std::string>& drafts) const {
  if (!store_id_.empty()) {
    auto draft = drafts_json();
    if (!draft.is_null()) drafts[store_key(store_id_)] = core::json_read::dump(draft);
  }
  // A deleted store's draft goes with it.
  const auto& saved = app_.state().stores.saved;
  for (const auto& [store, draft] : other_store_drafts_) {
    const std::string& id = store;  // clang 14 (em++) cannot capture a structured binding
    const bool kept = id == "demo" || id.rfind("portal", 0) == 0 ||
                      std::any_of(saved.begin(), saved.end(), [&id](const StoreConfig& s) { return s.id == id; });
    if (kept) drafts.emplace(store_key(id), core::json_read::dump(draft));
  }
}

bool StockScreen::restore_draft(const std::string& key, const nlohmann::json& draft) {
  if (key.rfind(kDraftPrefix, 0) != 0) return false;
  const std::string store = key.substr(kDraftPrefix.size());
  if (store == store_id_) apply_drafts_json(draft);
  else other_store_drafts_[store] = draft;
  return true;
}

void StockScreen::forget_local_data() {
  other_store_drafts_.clear();
  slice_.edits.clear();
  slice_.notes.clear();
  slice_.paste = {};
  slice_.paste_text.clear();
}

void StockScreen::write_ui_draft(nlohmann::json& ui) const {
  ui["stock_tab"] = slice_.tab;
  ui["stock_text"] = slice_.query.text;
  ui["stock_filter"] = filter_name(slice_.query.filter);
  ui["stock_warehouse"] = slice_.query.warehouse_id;
  ui["stock_paste"] = slice_.paste_text;
  ui["stock_paste_open"] = slice_.paste_open;
  ui["stock_paste_warehouse"] = slice_.paste_warehouse;
  ui["stock_selected"] = slice_.selected_product;
}

bool StockScreen::restore_ui_draft(const nlohmann::json& ui) {
  if (!ui.is_object()) return true;
  if (const auto tab = read_string_strict(ui, "stock_tab"); !tab.empty()) on(SetStockTab{tab});
  slice_.query.text = read_string_strict(ui, "stock_text");
  slice_.query.filter = filter_from(read_string_strict(ui, "stock_filter"));
  slice_.query.warehouse_id = read_int64_strict(ui, "stock_warehouse");
  slice_.selected_product = read_int64_strict(ui, "stock_selected");
  slice_.paste_open = read_bool_strict(ui, "stock_paste_open");
  const std::string paste = read_string_strict(ui, "stock_paste");
  // The preview needs the catalogue: wait for the stock before reading the paste again.
  if (!paste.empty() && !slice_.loaded) {
    slice_.paste_text = paste;
    return false;
  }
  if (!paste.empty()) on(EditStockPaste{paste, read_int64_strict(ui, "stock_paste_warehouse")});
  return true;
}

void StockScreen::write_snapshot(nlohmann::json& out) const {
  const auto& table = slice_.table;
  // Every row for a store of a few thousand products; a benchmark's 50,000
  // would make each snapshot (tests poll them) heavy: the first ones only.
  constexpr std::size_t kSnapshotRows = 5'000;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& line : table.lines()) {
    if (rows.size() == kSnapshotRows) break;
    const auto& product = table.products()[line.product];
    rows.push_back({{"offerId", product.offer_id},
                    {"sku", product.sku},
                    {"productId", product.product_id},
                    {"warehouseId", table.warehouse_ids()[line.warehouse]},
                    {"present", line.present},
                    {"reserved", line.reserved},
                    {"free", line.free()},
                    {"demand", line.demand},
                    {"short", line.short_by}});
  }
  nlohmann::json shortages = nlohmann::json::array();
  for (const auto& s : slice_.shortages)
    shortages.push_back({{"offerId", s.offer_id},
                         {"sku", s.key.sku},
                         {"warehouseId", s.key.warehouse_id},
                         {"demand", s.demand},
                         {"present", s.present},
                         {"shortBy", s.short_by},
                         {"postings", s.postings},
                         {"atRisk", s.at_risk}});
  const nlohmann::json edits = edits_json();
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : slice_.last_push.errors)
    errors.push_back({{"offerId", e.offer_id}, {"warehouseId", e.warehouse_id}, {"code", e.code}, {"message", e.message}});
  nlohmann::json reorder = nlohmann::json::array();
  for (const auto& line : slice_.reorder)
    reorder.push_back({{"offerId", line.offer_id},
                       {"sku", line.sku},
                       {"sold", line.sold},
                       {"free", line.free},
                       {"daysOfCover", line.days_of_cover},
                       {"reorderPoint", line.reorder_point},
                       {"toReorder", line.to_reorder},
                       {"suggested", line.suggested}});
  nlohmann::json notes = nlohmann::json::object();
  for (const auto& [offer, note] : slice_.notes) notes[offer] = to_json(note);
  nlohmann::json skipped = nlohmann::json::array();
  for (const auto& s : slice_.paste.skipped) skipped.push_back({{"line", s.line}, {"reason", core::to_string(s.reason)}});
  out["stock"] = {{"loading", slice_.loading},
                  {"loaded", slice_.loaded},
                  {"fromCache", slice_.from_cache},
                  {"asOf", slice_.as_of},
                  {"error", slice_.error.key},
                  {"rows", rows},
                  {"rowsTotal", table.lines().size()},
                  {"visible", table.visible().size()},
                  {"shortages", shortages},
                  {"pendingEdits", edits},
                  {"lastPush",
                   {{"calls", slice_.last_push.calls},
                    {"sent", slice_.last_push.sent},
                    {"accepted", slice_.last_push.accepted},
                    {"waiting", slice_.last_push.waiting},
                    {"errors", errors}}},
                  {"reorder", reorder},
                  {"lowProducts", slice_.low_products},
                  {"zeroProducts", slice_.zero_products},
                  {"notes", notes},
                  {"tab", slice_.tab},
                  {"selected", slice_.selected_product},
                  {"paste", {{"open", slice_.paste_open}, {"lines", slice_.paste.lines.size()}, {"skipped", skipped}}}};
}

}  // namespace app
