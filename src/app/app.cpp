#include "app/app.h"

#include <algorithm>

#include "ozon/parsers.h"
#include "ozon/requests.h"

namespace app {

std::string_view view_name(View view) {
  switch (view) {
    case View::orders: return "orders";
    case View::plan: return "plan";
    case View::stores: return "stores";
  }
  return "orders";
}

Notice notice_for(const ozon::ApiError& error) {
  return {"problem." + std::string(ozon::to_string(ozon::classify(error))), error.summary()};
}

App::App(AppServices services, const std::vector<std::string>& browser_languages)
    : services_(services), translations_(Translations::embedded()) {
  init_outbox();
  if (auto saved = services_.settings.get(kLangSettingKey))
    state_.lang = lang_from_code(*saved);
  else
    state_.lang = lang_from_preferences(browser_languages);

  if (auto text = services_.settings.get(kStoresSettingKey)) {
    auto json = nlohmann::json::parse(*text, nullptr, false);
    if (json.is_array())
      for (const auto& item : json)
        if (auto store = store_from_json(item)) state_.stores.saved.push_back(std::move(*store));
  }
  if (auto active = services_.settings.get(kActiveStoreSettingKey)) {
    for (const auto& store : state_.stores.saved)
      if (store.id == *active) state_.stores.active = store;
  }
  state_.stores.active_id = state_.stores.active.id;
}

void App::start() {
  load_local_data_once();
  activate(state_.stores.active);
}

void App::load_local_data_once() {
  if (local_data_requested_) return;
  local_data_requested_ = true;
  load_local_data();
}

void App::save_setting(const char* key, const std::string& value) {
  if (!services_.settings.set(key, value)) state_.storage_warning = "storage.unavailable";
}

void App::save_stores() {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& store : state_.stores.saved)
    if (store.saved) list.push_back(to_json(store));
  save_setting(kStoresSettingKey, list.dump());
}

void App::activate(StoreConfig store) {
  state_.stores.active = store;
  state_.stores.active_id = store.id;
  if (store.saved) save_setting(kActiveStoreSettingKey, store.id);
  // Keep the seller's query (tab, search, filters) across stores.
  core::OrderQuery query = state_.orders.list.query();
  state_.orders = OrdersSlice{};
  state_.orders.list.set_query(std::move(query));
  session_ = std::make_unique<StoreSession>(std::move(store), services_.transports, services_.clock,
                                            services_.scheduler);
  abandon_outbox_calls();  // the old session's answers will not come
  state_.plan = PlanSlice{};
  refresh_orders();
  load_products();
  load_delivery_methods();
  // A store opened after the start shows its copies on this device until the
  // network answers (at the start, load_local_data brings them).
  if (state_.device.drafts_loaded) reread_offline_copies();
}

void App::test_connection(StoreConfig store) {
  auto& stores = state_.stores;
  stores.check_notice = {};
  ++stores.check_count;
  if (auto problems = validate(store); !problems.empty()) {
    stores.check = StoresSlice::Check::failed;
    stores.check_notice = {problems.front(), ""};
    return;
  }
  stores.check = StoresSlice::Check::running;
  check_session_ = std::make_unique<StoreSession>(std::move(store), services_.transports, services_.clock,
                                                  services_.scheduler);
  check_session_->client().call(ozon::build_warehouse_list(), &ozon::parse_warehouses,
                                [this](ozon::Result<ozon::Page<core::Warehouse>> result) {
                                  auto& s = state_.stores;
                                  if (result) {
                                    s.check = StoresSlice::Check::ok;
                                    s.check_warehouses = static_cast<int>(result->items.size());
                                  } else {
                                    s.check = StoresSlice::Check::failed;
                                    s.check_notice = notice_for(result.error());
                                  }
                                });
}

void App::apply(const Action& action) {
  std::visit([this](const auto& a) { on(a); }, action);
  schedule_draft_save();  // cheap: writes only what changed, 300 ms later
}

void App::on(const SetLanguage& a) {
  state_.lang = a.lang;
  state_.storage_warning.clear();
  save_setting(kLangSettingKey, std::string(lang_code(a.lang)));
}

void App::on(const ShowView& a) { state_.view = a.view; }

void App::on(const EditStoreDraft& a) { state_.stores.draft = a.draft; }

void App::on(const TestConnection& a) { test_connection(a.store); }

void App::on(const SaveStore& a) {
  if (!validate(a.store).empty()) return;
  StoreConfig store = a.store;
  if (store.id.empty()) store.id = "store-" + std::to_string(services_.clock.now_ms());
  auto& saved = state_.stores.saved;
  auto it = std::find_if(saved.begin(), saved.end(), [&](const StoreConfig& s) { return s.id == store.id; });
  if (it != saved.end())
    *it = store;
  else
    saved.push_back(store);
  save_stores();
  activate(store);
  state_.stores.draft = StoresSlice{}.draft;
  state_.stores.check = StoresSlice::Check::idle;
  state_.view = View::orders;
}

void App::on(const SelectStore& a) {
  if (a.id == "demo") return activate(demo_store());
  for (const auto& store : state_.stores.saved)
    if (store.id == a.id) return activate(store);
}

void App::on(const DeleteStore& a) {
  auto& saved = state_.stores.saved;
  saved.erase(std::remove_if(saved.begin(), saved.end(), [&](const StoreConfig& s) { return s.id == a.id; }),
              saved.end());
  save_stores();
  if (state_.stores.active_id == a.id) activate(demo_store());
}

void App::on(const ConfigureFromPortal& a) {
  const auto& config = a.config;
  if (!config.lang.empty()) state_.lang = lang_from_code(config.lang);
  StoreConfig store;
  store.id = "portal";
  store.name = "portal";
  store.saved = false;  // the portal sends the keys on every load
  store.client_id = config.client_id;
  store.api_key = config.api_key;
  store.proxy_url = config.api_base_url;
  store.road = config.bridge ? Road::portal_bridge : Road::portal_fetch;
  state_.embedding.configured = true;
  // Inside a portal this is the start: the drafts and the outbox (which sends
  // nothing before it has read what was waiting) come from this device too.
  load_local_data_once();
  activate(std::move(store));
}

void App::apply_all(ActionQueue& queue) {
  for (const auto& action : queue.take()) apply(action);
}

}  // namespace app
