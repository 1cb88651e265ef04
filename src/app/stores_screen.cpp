#include "app/stores_screen.h"

#include <algorithm>

#include "app/orders_actions.h"
#include "core/json_read.h"
#include "ozon/parsers.h"
#include "ozon/requests.h"

namespace app {
namespace {

constexpr const char* kUnsavedStoreId = "(unsaved)";

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
          {"rememberKey", store.remember_key},
          {"active", store.id == active_id}};
}

}  // namespace

StoresScreen::StoresScreen(App& app) : Feature(app) {
  handle<EditStoreDraft, TestConnection, SaveStore, CancelSaveStore, SelectStore, DeleteStore, AddDemoStore>(this);
}

void StoresScreen::on(const EditStoreDraft& a) {
  auto& stores = app_.mutable_state().stores;
  if (!a.draft.api_key.empty()) stores.form_key_lost = false;
  // A test's outcome no longer speaks for a store whose road, address or keys
  // changed: a new test is needed, and "Save and use" no longer asks.
  if (!same_connection(a.draft, stores.draft) && stores.check != StoresSlice::Check::running) {
    stores.check = StoresSlice::Check::idle;
    stores.check_notice = {};
    stores.save_asking = false;
  }
  stores.draft = a.draft;
}

void StoresScreen::on(const TestConnection& a) {
  auto& stores = app_.mutable_state().stores;
  stores.check_notice = {};
  stores.save_asking = false;
  stores.checked = a.store;
  ++stores.check_count;
  if (auto problems = validate(a.store); !problems.empty()) {
    stores.check = StoresSlice::Check::failed;
    stores.check_notice = {problems.front(), ""};
    return;
  }
  stores.check = StoresSlice::Check::running;
  const auto& services = app_.services();
  check_session_ = std::make_unique<StoreSession>(a.store, services.transports, services.clock, services.scheduler);
  check_session_->client().call(ozon::build_warehouse_list(), &ozon::parse_warehouses,
                                [this](ozon::Result<ozon::Page<core::Warehouse>> result) {
                                  auto& s = app_.mutable_state().stores;
                                  if (result) {
                                    s.check = StoresSlice::Check::ok;
                                    s.check_warehouses = static_cast<int>(result->items.size());
                                  } else {
                                    s.check = StoresSlice::Check::failed;
                                    s.check_notice = notice_for(result.error());
                                  }
                                });
}

void StoresScreen::on(const SaveStore& a) {
  if (!validate(a.store).empty()) return;
  auto& state = app_.mutable_state();
  // The test of this very store failed: saved only when the seller says so
  // (a proxy not up yet is a fair reason), never silently.
  if (!a.anyway && state.stores.check == StoresSlice::Check::failed && same_connection(a.store, state.stores.checked)) {
    state.stores.save_asking = true;
    return;
  }
  state.stores.save_asking = false;
  StoreConfig store = a.store;
  if (store.id.empty()) store.id = "store-" + std::to_string(app_.now());
  auto& saved = state.stores.saved;
  auto it = std::find_if(saved.begin(), saved.end(), [&](const StoreConfig& s) { return s.id == store.id; });
  if (it != saved.end())
    *it = store;
  else
    saved.push_back(store);
  app_.save_stores();
  app_.activate(store);
  state.stores.draft = StoresSlice{}.draft;
  state.stores.check = StoresSlice::Check::idle;
  state.stores.checked = {};
  state.view = "orders";
}

void StoresScreen::on(const CancelSaveStore&) { app_.mutable_state().stores.save_asking = false; }

void StoresScreen::on(const AddDemoStore&) {
  auto& state = app_.mutable_state();
  auto& saved = state.stores.saved;
  for (int index = 1; index < kDemoStoresMax; ++index) {
    StoreConfig store = demo_store(index);
    if (std::any_of(saved.begin(), saved.end(), [&](const StoreConfig& s) { return s.id == store.id; })) continue;
    store.name = fill_placeholders(app_.tr("stores.demo_n"), {{"n", std::to_string(index + 1)}});
    saved.push_back(store);
    app_.save_stores();
    // The new store joins the demo fleet: the orders show every demo store.
    app_.activate(state.stores.active.road == Road::demo ? state.stores.active : demo_store());
    app_.apply(SetAllStores{true});
    state.view = "orders";
    return;
  }
}

void StoresScreen::on(const SelectStore& a) {
  if (a.id == "demo") return app_.activate(demo_store());
  for (const auto& store : app_.state().stores.saved)
    if (store.id == a.id) return app_.activate(store);
}

void StoresScreen::on(const DeleteStore& a) {
  auto& saved = app_.mutable_state().stores.saved;
  saved.erase(std::remove_if(saved.begin(), saved.end(), [&](const StoreConfig& s) { return s.id == a.id; }),
              saved.end());
  app_.save_stores();
  // Its copies on this device (buyers' names and addresses among them) go with it.
  app_.forget_store_copies(a.id);
  // The fleet lost a store: its session and postings go (the open store stays open).
  app_.activate(app_.state().stores.active_id == a.id ? demo_store() : app_.state().stores.active);
}

void StoresScreen::write_snapshot(nlohmann::json& out) const {
  const auto& stores = app_.state().stores;
  nlohmann::json saved = nlohmann::json::array();
  for (const auto& store : stores.saved) saved.push_back(store_json(store, stores.active_id));
  out["stores"] = {{"saved", saved},
                   {"active", store_json(stores.active, stores.active_id)},
                   {"check", check_name(stores.check)},
                   {"checkProblem", stores.check_notice.key},
                   {"checkDetail", stores.check_notice.detail},
                   {"checkWarehouses", stores.check_warehouses},
                   {"checkCount", stores.check_count},
                   {"saveAsking", stores.save_asking},
                   {"formName", stores.draft.name},
                   {"formHasKey", !stores.draft.api_key.empty()},
                   {"formRemembersKey", stores.draft.remember_key},
                   {"formKeyLost", stores.form_key_lost},
                   {"keyNeeded", stores.key_needed}};
}

// The store form as typed survives a reload, except the key: a draft is not
// a safe place for it (drafts go into backups, and stay when the seller asked
// the device not to remember the key). Only "a key was typed" is kept.
void StoresScreen::write_ui_draft(nlohmann::json& ui) const {
  const StoreConfig& form = app_.state().stores.draft;
  if (form.name.empty() && form.client_id.empty() && form.api_key.empty() && form.proxy_url.empty()) return;
  StoreConfig named = form;
  if (named.id.empty()) named.id = kUnsavedStoreId;  // a store being added has no id yet
  nlohmann::json json = to_json_without_key(named);
  if (!form.api_key.empty() || app_.state().stores.form_key_lost) json["keyTyped"] = true;
  ui["store_form"] = std::move(json);
}

bool StoresScreen::restore_ui_draft(const nlohmann::json& ui) {
  if (!ui.is_object()) return true;
  if (auto it = ui.find("store_form"); it != ui.end())
    if (auto form = store_from_json(*it)) {
      if (form->id == kUnsavedStoreId) form->id.clear();
      form->api_key.clear();  // an older build wrote it: not taken back
      auto& stores = app_.mutable_state().stores;
      if (stores.key_needed) return true;  // the form holds the store waiting for its key
      stores.draft = *form;
      auto typed = it->find("keyTyped");
      stores.form_key_lost = (typed != it->end() && typed->is_boolean() && typed->get<bool>()) ||
                             !core::json_read::read_string(*it, "apiKey").empty();
    }
  return true;
}

}  // namespace app
