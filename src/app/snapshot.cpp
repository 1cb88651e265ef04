#include "app/snapshot.h"

#include "app/app.h"

namespace app {
namespace {

// What an import would do, without the keys.
nlohmann::json import_plan_json(const std::optional<ImportPlan>& plan) {
  if (!plan) return nullptr;
  nlohmann::json stores = nlohmann::json::array();
  for (const auto& change : plan->stores)
    stores.push_back({{"id", change.store.id},
                      {"kind", to_string(change.kind)},
                      {"problem", change.problem},
                      {"changed", change.changed},
                      {"keyDropped", change.key_dropped},
                      {"needsKey", change.needs_key}});
  return {{"stores", stores}, {"drafts", plan->drafts}};
}

}  // namespace

nlohmann::json snapshot(const App& app) {
  const AppState& state = app.state();
  nlohmann::json out;
  out["view"] = state.view;
  out["lang"] = lang_code(state.lang);
  out["langLoading"] = state.lang_loading ? nlohmann::json(lang_code(*state.lang_loading)) : nlohmann::json(nullptr);
  out["langProblem"] = state.lang_problem.key;
  out["device"] = {{"online", state.device.online},
                   {"draftsLoaded", state.device.drafts_loaded},
                   {"draftsSaved", state.device.drafts_saved},
                   {"storageError", state.device.storage_error.key},
                   {"updateAvailable", state.device.update_available},
                   {"storageKnown", state.device.storage.known},
                   {"storageUsage", state.device.storage.usage_bytes},
                   {"storageMode", to_string(state.device.storage_mode)},
                   {"storageAccessPossible", state.device.storage_access_possible},
                   {"buyerDataDays", state.device.buyer_data_days},
                   {"backupNotice", state.device.backup_notice.key},
                   {"importPlan", import_plan_json(state.device.import_plan)}};
  out["update_available"] = state.device.update_available;
  {
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : state.outbox.entries)
      entries.push_back({{"id", e.id},
                         {"kind", e.kind},
                         {"posting", e.posting_number},
                         {"state", to_string(e.state)},
                         {"attempts", e.attempts},
                         {"error", e.last_error},
                         {"skipped", e.skipped_as_already_done}});
    out["outbox"] = {{"pending", state.outbox.pending}, {"failed", state.outbox.failed}, {"entries", entries}};
  }
  out["framesDrawn"] = state.frames_drawn;
  out["display"] = {{"cssWidth", state.display.css_width},
                    {"cssHeight", state.display.css_height},
                    {"pixelRatio", state.display.pixel_ratio}};
  if (!state.storage_warning.empty()) out["storageWarning"] = state.storage_warning;
  if (state.unhandled_actions > 0) out["unhandledActions"] = state.unhandled_actions;
  nlohmann::json screens = nlohmann::json::array();
  for (const auto& feature : app.features()) {
    if (feature->has_screen()) screens.push_back(feature->id());
    feature->write_snapshot(out);
  }
  out["screens"] = screens;
  out["document"] = state.document_name;
  out["embedding"] = {{"origin", state.embedding.origin},
                      {"configured", state.embedding.configured},
                      {"refused", state.embedding.refused},
                      {"refusedDetail", state.embedding.refused_detail},
                      {"storeId", state.stores.active.is_portal() ? state.stores.active_id : std::string()}};
  return out;
}

}  // namespace app
