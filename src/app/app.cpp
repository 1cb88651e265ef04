#include "app/app.h"

#include <algorithm>
#include <cassert>

#include "ozon/parsers.h"
#include "ozon/requests.h"
#include "core/json_read.h"

namespace app {
namespace {
constexpr core::EpochMs kMinute = 60'000;
}  // namespace

Notice notice_for(const ozon::ApiError& error) {
  const ozon::Problem problem = ozon::classify(error);
  Notice notice{"problem." + std::string(ozon::to_string(problem)), error.summary()};
  if (problem == ozon::Problem::not_ozon_reply) {
    // A web page gets its own words; anything else is "something that is not Ozon's reply".
    if (error.looks_like == ozon::ReplyBody::web_page) notice.key += ".web_page";
    const std::string type = ozon::media_type(error.content_type);
    notice.params = {{"status", std::to_string(error.http_status)}, {"type", type.empty() ? "no Content-Type" : type}};
  }
  return notice;
}

std::string App::notice_text(const Notice& notice) const {
  return fill_placeholders(tr(notice.key), notice.params);
}

App::App(AppServices services, const std::vector<std::string>& browser_languages,
         const std::function<void(App&, std::vector<std::unique_ptr<Feature>>&)>& add_features)
    : services_(services), translations_(Translations::embedded()) {
  init_outbox();
  register_own_actions();
  add_screens(*this, features_);
  if (add_features) add_features(*this, features_);
  // English until the chosen language's strings are here; the web page
  // hands over those it fetched beside app.wasm (add_language) before the
  // first frame, so a seller who chose Chinese never sees English.
  const auto saved_lang = services_.settings.get(kLangSettingKey);
  state_.lang = Lang::en;
  choose_language(saved_lang ? lang_from_code(*saved_lang) : lang_from_preferences(browser_languages));

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
  if (auto days = services_.settings.get(kBuyerDataDaysSettingKey)) {
    const int value = std::atoi(days->c_str());
    if (value > 0) state_.device.buyer_data_days = value;
  }
}

// Callbacks still scheduled (timers, storage answers) find the token gone.
App::~App() { alive_.reset(); }

void App::register_own_actions() {
  handle_own<SetLanguage, ShowView, ToggleHelp, CopyText, OpenDocument, ConfigureFromPortal, ApplyUpdate,
             ResendOutboxEntry, DiscardOutboxEntry, SetBackupIncludeKeys, ExportBackup, ImportBackup, ApplyImport, SetBuyerDataDays,
             RequestStorageAccess,              ClearLocalData>();
}

const Feature* App::find_feature(std::string_view id) const {
  for (const auto& feature : features_)
    if (feature->id() == id) return feature.get();
  return nullptr;
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
  save_setting(kStoresSettingKey, core::json_read::dump(list));
}

void App::activate(StoreConfig store) {
  state_.stores.active = store;
  state_.stores.active_id = store.id;
  if (store.saved) save_setting(kActiveStoreSettingKey, store.id);
  // A key this device does not keep: ask for it before calling anything.
  state_.stores.key_needed = store.needs_keys() && store.api_key.empty();
  if (state_.stores.key_needed && store.saved) {
    state_.stores.draft = store;
    state_.stores.form_key_lost = false;
    state_.view = "stores";
  }
  sync_sessions();
  for (auto& feature : features_) feature->on_store_opened();
  // A store opened after the start shows its copies on this device until the
  // network answers (at the start, load_local_data brings them).
  if (state_.device.drafts_loaded) reread_offline_copies();
}

std::vector<StoreConfig> App::fleet() const {
  const StoreConfig& active = state_.stores.active;
  auto usable = [](const StoreConfig& store) { return !(store.needs_keys() && store.api_key.empty()); };
  if (active.is_portal()) return usable(active) ? std::vector<StoreConfig>{active} : std::vector<StoreConfig>{};
  // In a stable order (the saved list's), so switching stores keeps the fleet.
  const bool demo = active.road == Road::demo;
  std::vector<StoreConfig> stores;
  if (demo) stores.push_back(demo_store());
  bool has_active = active.id == demo_store().id && demo;
  for (const auto& saved : state_.stores.saved) {
    if ((saved.road == Road::demo) != demo || saved.is_portal()) continue;
    // The open store as the page has it (its key may have been typed, not kept).
    const StoreConfig& store = saved.id == active.id ? active : saved;
    has_active = has_active || saved.id == active.id;
    if (usable(store)) stores.push_back(store);  // else its key was not typed since the page loaded
  }
  if (!has_active && usable(active)) stores.push_back(active);
  return stores;
}

StoreSession* App::session_for(std::string_view store_id) {
  auto it = sessions_.find(store_id);
  return it == sessions_.end() ? nullptr : it->second.get();
}

// A session per store of the fleet: kept while its store stays (switching
// between them drops no call), replaced when its road or keys changed.
void App::sync_sessions() {
  const std::vector<StoreConfig> stores = fleet();
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    auto kept = std::find_if(stores.begin(), stores.end(), [&](const StoreConfig& s) { return s.id == it->first; });
    if (kept != stores.end() && same_connection(*kept, it->second->store())) {
      ++it;
      continue;
    }
    const std::string closed = it->first;
    it = sessions_.erase(it);
    abandon_outbox_calls(closed);  // the closed session's answers will not come
  }
  for (const auto& store : stores)
    if (!sessions_.count(store.id))
      sessions_.emplace(store.id, std::make_unique<StoreSession>(store, services_.transports, services_.clock,
                                                                 services_.scheduler));
}

void App::after(std::int64_t delay_ms, std::function<void()> task) { services_.scheduler.after(delay_ms, guard(std::move(task))); }

void App::apply(const Action& action) {
  if (!router_.dispatch(action)) {
    ++state_.unhandled_actions;
    assert(!"an action no feature handles");
  }
  schedule_draft_save();  // cheap: writes only what changed, 300 ms later
}

void App::apply_all(ActionQueue& queue) {
  for (const auto& action : queue.take()) apply(action);
}

void App::prepare_frame() {
  request_language();
  for (auto& feature : features_) feature->prepare_frame(feature->id() == state_.view);
}

std::optional<core::EpochMs> App::next_redraw_at() const {
  RedrawNeeds needs;
  for (const auto& feature : features_) {
    const RedrawNeeds own = feature->redraw_needs(feature->id() == state_.view);
    needs.minute_ticks = needs.minute_ticks || own.minute_ticks;
    needs.second_ticks = needs.second_ticks || own.second_ticks;
  }
  const core::EpochMs now = services_.clock.now_ms();
  // Whole seconds and minutes: every frame in between asks for the same time.
  if (needs.second_ticks) return (now / 1000 + 1) * 1000;
  if (needs.minute_ticks) return (now / kMinute + 1) * kMinute;
  return std::nullopt;
}

void App::on(const SetLanguage& a) {
  choose_language(a.lang);
  state_.storage_warning.clear();
  save_setting(kLangSettingKey, std::string(lang_code(a.lang)));
}

void App::choose_language(Lang lang) {
  state_.lang_problem = {};
  if (translations_.has_language(lang)) {
    state_.lang = lang;
    state_.lang_loading.reset();
    return;
  }
  state_.lang_loading = lang;
  // Asked for at the next frame, not here: the page may hand the strings
  // over first (add_language after the App is built).
  lang_requested_ = false;
}

std::string App::add_language(Lang lang, std::string_view json) {
  std::string error = translations_.load(lang, json);
  if (error.empty() && !translations_.has_language(lang)) error = "no strings";
  if (!error.empty()) return error;
  if (state_.lang_loading == lang) {
    state_.lang = lang;
    state_.lang_loading.reset();
  }
  return {};
}

void App::request_language() {
  if (!state_.lang_loading || lang_requested_) return;
  lang_requested_ = true;
  const Lang lang = *state_.lang_loading;
  if (!services_.fetch_language) {
    state_.lang_loading.reset();
    state_.lang_problem = {.key = "lang.load_failed", .detail = "not compiled in"};
    return;
  }
  services_.fetch_language(lang, guard([this, lang](bool ok, std::string text) {
    if (state_.lang_loading != lang) return;  // chosen otherwise meanwhile
    std::string error = ok ? add_language(lang, text) : std::move(text);
    if (error.empty()) return;
    state_.lang_loading.reset();
    state_.lang_problem = {.key = "lang.load_failed", .detail = std::move(error),
                           .params = {{"lang", std::string(lang_code(lang))}}};
  }));
}

void App::on(const ShowView& a) {
  const Feature* feature = find_feature(a.view);
  if (feature && feature->has_screen()) {
    state_.view = a.view;
    return;
  }
  ++state_.unhandled_actions;  // no such screen: a typo in the code, reported like an unhandled action
  assert(!"ShowView names no registered screen");
}

void App::on(const ToggleHelp&) { state_.help_open = !state_.help_open; }

void App::on(const CopyText& a) {
  if (services_.copy_text) services_.copy_text(a.text);
  state_.copied = a.text;
}

void App::on(const OpenDocument& a) {
  if (!state_.document_name.empty() && services_.show_document) services_.show_document(a.download);
  if (state_.labels.document_ready && state_.document_name == state_.labels.document_name)
    state_.labels.document_opened = true;
}

void App::on(const ConfigureFromPortal& a) {
  const auto& config = a.config;
  if (!config.lang.empty()) choose_language(lang_from_code(config.lang));
  StoreConfig store;
  // One store per portal and account: another account's outbox entries and
  // offline copies (kept under their own id) are never sent or shown here.
  store.id = portal_store_id(state_.embedding.origin, config.client_id);
  store.name = "portal";
  store.saved = false;  // the portal sends the keys on every load
  store.client_id = config.client_id;
  store.api_key = config.api_key;
  store.proxy_url = config.api_base_url;
  store.road = config.bridge ? Road::portal_bridge : Road::portal_fetch;
  // The key must not travel in clear text: an http:// address off this machine is refused.
  if (!config.bridge && !is_safe_api_url(config.api_base_url)) {
    state_.embedding.refused = "embed.clear_text";
    state_.embedding.refused_detail = config.api_base_url;
    return;
  }
  state_.embedding.refused.clear();
  state_.embedding.refused_detail.clear();
  state_.embedding.configured = true;
  // Inside a portal this is the start: the drafts and the outbox (which sends
  // nothing before it has read what was waiting) come from this device too.
  load_local_data_once();
  activate(std::move(store));
}

void App::replace_postings_for_benchmark(std::size_t count) {
  auto& orders = state_.orders;
  const auto& source = orders.list.postings();
  if (source.empty()) return;
  std::vector<core::Posting> copies;
  copies.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    core::Posting posting = source[i % source.size()];
    posting.posting_number = std::to_string(10'000'000 + i) + "-0001-1";
    posting.order_number = std::to_string(10'000'000 + i) + "-0001";
    copies.push_back(std::move(posting));
  }
  orders.list.set_postings(std::move(copies));
  ++orders.data_version;
}

}  // namespace app
