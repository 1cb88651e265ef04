#pragma once
// The application controller: owns the state, applies actions, talks to the
// active store through its session, persists settings. UI-agnostic and
// testable natively (with the sandbox transport and a manual clock).
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/actions.h"
#include "app/feature.h"
#include "app/app_state.h"
#include "app/camera_device.h"
#include "app/i18n.h"
#include "app/page_picture.h"
#include "app/video_device.h"
#include "app/session.h"
#include "core/clock.h"
#include "store/record_store.h"
#include "store/settings_store.h"

namespace app {

inline constexpr const char* kLangSettingKey = "lang";
inline constexpr const char* kStoresSettingKey = "stores";
inline constexpr const char* kActiveStoreSettingKey = "active_store";
inline constexpr const char* kBuyerDataDaysSettingKey = "buyer_data_days";

struct AppServices {
  store::SettingsStore& settings;
  core::Clock& clock;
  core::Scheduler& scheduler;
  TransportFactory& transports;
  // Puts text on the system clipboard (the browser's); may be empty in tests.
  std::function<void(const std::string&)> copy_text = {};
  // Hands a finished document (PDF parts, in order) to the browser, and
  // opens or saves it on the seller's request. May be empty in tests.
  std::function<void(const std::string& name, const std::vector<std::string>& parts)> publish_document = {};
  std::function<void(bool download)> show_document = {};
  // A printable plain-text document (the pick list), opened in a new tab.
  std::function<void(const std::string& name, const std::string& text)> show_text = {};
  // Drafts and the outbox live here (IndexedDB in the browser); null: kept
  // in memory only.
  store::RecordStore* records = nullptr;
  // Product pictures shown by the page over the canvas, and their offline
  // cache (app/page_picture.h). Null in tests that do not look at them.
  PicturePage* picture_page = nullptr;
  // Reloads the page under the new version (the seller agreed).
  std::function<void()> apply_update = {};
  // Files: save a text file (a download); ask the seller for one and read it;
  // reload the page (after clearing local data).
  std::function<void(const std::string& name, const std::string& text)> save_file = {};
  std::function<void(std::function<void(std::string text)>)> pick_file = {};
  std::function<void()> reload_page = {};
  // Asks the browser for storage access (inside a third-party frame).
  std::function<void()> request_storage_access = {};
  // Alerts outside the page: the unseen count (the tab title, the app
  // badge), a system notification, a sound; asking the browser to allow
  // notifications (on the seller's click; answers "granted", "denied" or
  // "default"). May be empty in tests.
  std::function<void(int unseen)> show_unseen = {};
  std::function<void(const std::string& title, const std::string& body, std::uint64_t alert_id)> notify = {};
  std::function<void()> play_sound = {};
  std::function<void(std::function<void(std::string permission)>)> ask_notification_permission = {};
  // On-device translation (the browser's Translator API; no text leaves the
  // device): language codes "ru", "en", "zh"; answers ok + the text, or
  // false + why. Empty where the browser has none (see DeviceSlice::translator).
  std::function<void(const std::string& text, const std::string& from, const std::string& to,
                     std::function<void(bool ok, std::string text)>)>
      translate = {};
  // The language of a text ("zh", "en", "ru", ...; "" when unsure), where the
  // browser has a language detector.
  std::function<void(const std::string& text, std::function<void(std::string lang)>)> detect_language = {};
  // Sends the latest document straight to the printer (the packing station
  // prints the label by itself after the last scan).
  std::function<void()> print_document = {};
  // The camera for scanning at the packing table: open it (facing back or
  // front) with hooks for decoded codes and status changes; close it; switch
  // to the other camera; torch on/off. Empty where there is none (tests).
  std::function<void(bool back, CameraHooks hooks)> open_camera = {};
  std::function<void()> close_camera = {};
  std::function<void()> switch_camera = {};
  std::function<void(bool on)> set_torch = {};
  // The strings of a language not compiled in (the web build compiles in
  // English only): answers ok and the text of assets/i18n/<code>.json, or
  // false and why. Empty where every language is compiled in.
  std::function<void(Lang lang, std::function<void(bool ok, std::string json_or_error)>)> fetch_language = {};
  // Packing video: records the open camera into the device's private file
  // system, lists, deletes and exports the recordings. Null where there is
  // none (tests that do not look at it).
  VideoRecorder* video_recorder = nullptr;
};

// How long typing may pause before the draft is written (the issue allows 500 ms).
inline constexpr std::int64_t kDraftSaveDelayMs = 300;
inline constexpr std::int64_t kDraftRetryMs = 5'000;  // after the store refused a write

class App {
  friend class ActionRouter;  // calls the App's own (private) handlers

 public:
  // `browser_languages` is navigator.languages, used when no choice is saved.
  // `add_features` adds features after the registered screens (tests).
  App(AppServices services, const std::vector<std::string>& browser_languages,
      const std::function<void(App&, std::vector<std::unique_ptr<Feature>>&)>& add_features = {});
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  const AppState& state() const { return state_; }
  AppState& mutable_state() { return state_; }
  const Translations& translations() const { return translations_; }
  const char* tr(std::string_view key) const {
    const char* text = translations_.get(state_.lang, key);
    if (text_observer_) text_observer_(key, text);
    return text;
  }
  // Sees every UI string looked up: the UI checks the atlas has its glyphs.
  void set_text_observer(std::function<void(std::string_view key, const char* text)> observer) {
    text_observer_ = std::move(observer);
  }
  // The notice's text in the current language, its {params} filled in.
  std::string notice_text(const Notice& notice) const;
  core::EpochMs now() const { return services_.clock.now_ms(); }

  // Runs the action's handler. An action no feature handles is a
  // programming error: it asserts in debug builds and is counted in
  // state().unhandled_actions (shown in the snapshot).
  void apply(const Action& action);
  void apply_all(ActionQueue& queue);
  // Starts work that the saved state asks for (loading the active store).
  void start();
  // Once per frame before drawing: brings derived state (the visible
  // orders, risk buckets as the minute changes) up to date. Cheap when
  // nothing changed.
  void prepare_frame();
  // When a frame must be drawn with no input (a countdown on screen
  // changes), or nothing.
  std::optional<core::EpochMs> next_redraw_at() const;
  // Benchmarks only: fills the orders list with `count` postings copied from
  // the loaded ones under new numbers (100,000 for the frame-time benchmark).
  void replace_postings_for_benchmark(std::size_t count);
  // Writes every changed draft now (the tab is being hidden or closed).
  void flush_drafts();
  // Browser events: the network came or went; a new version is ready; storage use.
  void set_online(bool online);
  void set_update_available(bool available);
  void set_storage_info(bool persisted, double usage_bytes, double quota_bytes);
  void set_storage_mode(StorageMode mode, bool access_possible);
  // The strings of `lang`, arrived (fetched at boot beside app.wasm, or
  // since): the screen switches to it if it was chosen. Returns why they
  // were refused, or "".
  std::string add_language(Lang lang, std::string_view json);
  // Whether the browser can translate on the device (found out after start).
  void set_translator_available(bool available);

  // --- The registry ---------------------------------------------------------
  const std::vector<std::unique_ptr<Feature>>& features() const { return features_; }
  const Feature* find_feature(std::string_view id) const;
  // A registered feature by type (a view reads its screen's slice this way).
  // Found by its id (T::kId), not dynamic_cast: the app is built without RTTI.
  template <typename T>
  T& feature() {
    for (const auto& f : features_)
      if (f->id() == T::kId) return static_cast<T&>(*f);
    std::abort();  // not registered: a programming error
  }
  template <typename T>
  const T& feature() const {
    return const_cast<App*>(this)->feature<T>();
  }
  ActionRouter& router() { return router_; }

  // --- Shared services, for the features -------------------------------------
  const AppServices& services() const { return services_; }
  // The open store's connection; null before the first store opens (or
  // while its key is not known).
  StoreSession* session() { return session_for(state_.stores.active_id); }
  // The stores kept and refreshed together ("All stores"), in order: the
  // demo stores while a demo store is open; a portal's store alone; else the
  // saved stores of Ozon accounts whose key this page knows (the open one first).
  std::vector<StoreConfig> fleet() const;
  // A store's connection (each store: its own keys, road and rate limiter);
  // null for a store that is not in the fleet.
  StoreSession* session_for(std::string_view store_id);
  // Sends a change to Ozon through the outbox (written down first, in order).
  // `kind` is the stored name of the feature's typed change kind; it goes to
  // `store_id`'s store (the open store when empty).
  void enqueue_change(std::string_view kind, const std::string& posting_number, const net::HttpRequest& request,
                      std::string draft_key, const std::string& store_id = {});

  // Runs `task` later unless the app is gone by then.
  void after(std::int64_t delay_ms, std::function<void()> task);
  // Wraps a callback so that it does nothing once the app is gone.
  template <typename F>
  auto guard(F callback) const {
    return [alive = std::weak_ptr<bool>(alive_), callback = std::move(callback)](auto&&... args) mutable {
      if (!alive.expired()) callback(std::forward<decltype(args)>(args)...);
    };
  }
  void schedule_draft_save();
  // Keeps a copy of what Ozon sent on this device (offline use).
  void put_offline_copy(std::string_view collection, const std::string& key, std::string value);
  // The orders list / the product barcodes kept on this device.
  void cache_postings(const std::string& store_id, std::vector<const core::Posting*> postings);
  void cache_barcodes();
  void cache_plan_catalog();

 private:
  // Handlers of the actions that belong to no screen: language, views,
  // help, clipboard, update, portal, the outbox's "Needs attention", backup.
  void on(const SetLanguage&);
  // Shows `lang` now if its strings are here, else asks for them (once).
  void choose_language(Lang lang);
  void on(const ShowView&);
  void on(const ToggleHelp&);
  void on(const CopyText&);
  void on(const OpenDocument&);
  void on(const ConfigureFromPortal&);
  void on(const ApplyUpdate&);
  void on(const ResendOutboxEntry&);
  void on(const DiscardOutboxEntry&);
  void on(const SetBackupIncludeKeys&);
  void on(const ExportBackup&);
  void on(const ImportBackup&);
  void on(const ApplyImport&);
  void on(const SetBuyerDataDays&);
  void on(const RequestStorageAccess&);
  void on(const ClearLocalData&);
  void import_backup(const std::string& text);
  void register_own_actions();
  template <typename... A>
  void handle_own() {
    (router_.on<A>(this), ...);
  }

  // The outbox (outbox_sync.cpp): every mutating call goes through it.
  void init_outbox();
  Feature* owner_of(std::string_view kind) const;
  void send_outbox_entry(const OutboxEntry& entry, std::function<void(SendOutcome)> done);
  void verify_outbox_entry(const OutboxEntry& entry, std::function<void(VerifyOutcome)> done);
  void on_outbox_change(const OutboxEntry& entry);
  void abandon_outbox_calls(const std::string& store_id);

  // Drafts (draft_sync.cpp).
  void load_local_data();
  void load_local_data_once();  // at start, or at the first portal configuration
  // Copies kept on this device to work offline, each with its time
  // (offline_copies.cpp): the orders list, warehouses and delivery methods,
  // product barcodes.
  void restore_offline_copies(std::vector<store::Record>& records);  // takes the cached lists' texts
  struct CachedListRead {  // the orders list coming back from this device, a record per task
    std::string store;
    core::EpochMs as_of = 0;
    std::vector<std::string> texts;
    std::size_t next = 0;
    std::vector<core::Posting> postings;
  };
  void read_cached_postings(std::vector<store::Record>& records, const std::string& store);
  void drop_unnamed_posting_records(const std::vector<store::Record>& records, const std::string& store);
  void read_next_cached_record(std::shared_ptr<CachedListRead> read);
  void reread_offline_copies();  // after a store switch: that store's copies
  void expire_old_lists(const std::vector<store::Record>& records);
 public:
  // Removes the offline copies of a store (it was deleted).
  void forget_store_copies(const std::string& store_id);
 private:
 public:
  // The screen as it was before a reload (each feature takes its part,
  // some once their data is in); the stores screen activates stores.
  void apply_saved_ui();
  void activate(StoreConfig store);
  void save_setting(const char* key, const std::string& value);
  void save_stores();  // the saved stores list, after a change

 private:
  void write_record(std::string key, std::string value);

  AppServices services_;
  Translations translations_;
  std::function<void(std::string_view, const char*)> text_observer_;
  AppState state_;
  ActionRouter router_;
  void request_language();
  bool lang_requested_ = false;  // the strings of state_.lang_loading are asked for
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // guard() and after() check it
  // One session per store of the fleet, by store id (see sync_sessions).
  std::map<std::string, std::unique_ptr<StoreSession>, std::less<>> sessions_;
  void sync_sessions();
  std::optional<nlohmann::json> saved_ui_;           // applied once the features took it
  std::vector<const Feature*> ui_restored_;          // features that took their part
  std::map<std::string, std::string> written_drafts_;  // key -> text last written
  std::vector<std::string> unclaimed_drafts_;          // read at start, known to no feature: kept
  bool draft_save_scheduled_ = false;
  bool local_data_requested_ = false;
  struct CachedList {  // the orders list kept on this device: which write, in how many records
    std::string generation;
    std::size_t records = 0;
  };
  std::map<std::string, CachedList> cached_lists_;  // by store id
  std::unique_ptr<store::RecordStore> memory_records_;  // when the services bring no store
  std::unique_ptr<Outbox> outbox_;
  // The outbox's requests awaiting the open store's answer, by call number.
  std::int64_t outbox_calls_started_ = 0;
  template <typename Outcome>
  struct InFlight {
    std::string store_id;
    std::function<void(Outcome)> answer;
  };
  std::map<std::int64_t, InFlight<SendOutcome>> outbox_sends_in_flight_;
  std::map<std::int64_t, InFlight<VerifyOutcome>> outbox_verifies_in_flight_;
  // Last: destroyed first, while the services they use still exist.
  std::vector<std::unique_ptr<Feature>> features_;
};

template <typename... A, typename Self>
void Feature::handle(Self* self) {
  (app_.router().template on<A>(self), ...);
}

// The screens of the console in navigation order: the one list a new screen
// is added to (screens.cpp).
void add_screens(App& app, std::vector<std::unique_ptr<Feature>>& features);

// The notice shown for an API failure: the plain-words key and the detail.
Notice notice_for(const ozon::ApiError& error);

}  // namespace app
