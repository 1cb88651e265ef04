#include "app/backup_import.h"

#include <algorithm>

namespace app {

std::string_view to_string(StoreImport::Kind kind) {
  switch (kind) {
    case StoreImport::Kind::add: return "add";
    case StoreImport::Kind::replace: return "replace";
    case StoreImport::Kind::unchanged: return "unchanged";
    case StoreImport::Kind::refused: return "refused";
  }
  return "refused";
}

namespace {

// Ids the console gives itself: a file may not claim them.
bool reserved_id(const std::string& id) { return id == "demo" || id.rfind("portal", 0) == 0; }

StoreImport plan_store(const StoreConfig& incoming, const std::vector<StoreConfig>& saved) {
  StoreImport out;
  out.store = incoming;
  out.store.saved = true;
  if (incoming.is_portal() || reserved_id(incoming.id)) {
    out.kind = StoreImport::Kind::refused;
    out.problem = "backup.store_portal";
    return out;
  }
  if (auto problems = validate_except_key(incoming); !problems.empty()) {
    out.kind = StoreImport::Kind::refused;
    out.problem = problems.front();
    return out;
  }
  auto it = std::find_if(saved.begin(), saved.end(), [&](const StoreConfig& s) { return s.id == incoming.id; });
  if (it == saved.end()) {
    out.kind = StoreImport::Kind::add;
  } else {
    const StoreConfig& current = *it;
    if (current.name != incoming.name) out.changed.push_back("name");
    if (current.road != incoming.road) out.changed.push_back("road");
    if (api_base_url(current) != api_base_url(incoming)) out.changed.push_back("proxyUrl");
    if (current.client_id != incoming.client_id) out.changed.push_back("clientId");
    if (current.remember_key != incoming.remember_key) out.changed.push_back("rememberKey");
    const bool road_changed = current.road != incoming.road || api_base_url(current) != api_base_url(incoming) ||
                              current.client_id != incoming.client_id;
    if (incoming.api_key.empty()) {
      // The key on this device stays only where it was going already.
      if (road_changed)
        out.key_dropped = !current.api_key.empty();
      else
        out.store.api_key = current.api_key;
    } else if (incoming.api_key != current.api_key) {
      out.changed.push_back("apiKey");
    }
    out.kind = out.changed.empty() && !out.key_dropped ? StoreImport::Kind::unchanged : StoreImport::Kind::replace;
  }
  out.needs_key = out.store.needs_keys() && out.store.api_key.empty();
  return out;
}

}  // namespace

ImportPlan plan_import(BackupContents contents, const std::vector<StoreConfig>& saved) {
  ImportPlan plan;
  for (const auto& incoming : contents.stores) {
    // A file naming the same id twice: the first wins, the rest are refused.
    const bool repeated = std::any_of(plan.stores.begin(), plan.stores.end(),
                                      [&](const StoreImport& s) { return s.store.id == incoming.id; });
    StoreImport store = plan_store(incoming, saved);
    if (repeated) {
      store.kind = StoreImport::Kind::refused;
      store.problem = "backup.store_repeated";
    }
    plan.stores.push_back(std::move(store));
  }
  plan.drafts = contents.drafts.size();
  plan.contents = std::move(contents);
  return plan;
}

}  // namespace app
