#include "app/snapshot.h"

namespace app {
namespace {

const char* check_name(StoresSlice::Check check) {
  switch (check) {
    case StoresSlice::Check::idle: return "idle";
    case StoresSlice::Check::running: return "running";
    case StoresSlice::Check::ok: return "ok";
    case StoresSlice::Check::failed: return "failed";
  }
  return "idle";
}

// Never the API key: only whether one is set.
nlohmann::json store_json(const StoreConfig& store, const std::string& active_id) {
  return {{"id", store.id},
          {"name", store.name},
          {"road", road_name(store.road)},
          {"hasApiKey", !store.api_key.empty()},
          {"active", store.id == active_id}};
}

}  // namespace

nlohmann::json snapshot(const AppState& state) {
  nlohmann::json out;
  out["view"] = view_name(state.view);
  out["lang"] = lang_code(state.lang);
  out["framesDrawn"] = state.frames_drawn;
  out["display"] = {{"cssWidth", state.display.css_width},
                    {"cssHeight", state.display.css_height},
                    {"pixelRatio", state.display.pixel_ratio}};
  if (!state.storage_warning.empty()) out["storageWarning"] = state.storage_warning;

  nlohmann::json stores = nlohmann::json::array();
  for (const auto& store : state.stores.saved) stores.push_back(store_json(store, state.stores.active_id));
  out["stores"] = {{"saved", stores},
                   {"active", store_json(state.stores.active, state.stores.active_id)},
                   {"check", check_name(state.stores.check)},
                   {"checkProblem", state.stores.check_notice.key},
                   {"checkDetail", state.stores.check_notice.detail},
                   {"checkWarehouses", state.stores.check_warehouses},
                   {"checkCount", state.stores.check_count}};

  const auto& orders = state.orders;
  nlohmann::json postings = nlohmann::json::array();
  for (std::size_t i = 0; i < orders.postings.size() && i < 50; ++i) {
    const auto& p = orders.postings[i];
    postings.push_back({{"number", p.posting_number}, {"status", core::to_string(p.status)}});
  }
  out["orders"] = {{"loading", orders.loading},
                   {"count", orders.postings.size()},
                   {"error", orders.error.key},
                   {"errorDetail", orders.error.detail},
                   {"asOf", orders.as_of},
                   {"postings", postings}};
  out["embedding"] = {{"origin", state.embedding.origin}, {"configured", state.embedding.configured}};
  return out;
}

}  // namespace app
