#pragma once
// The application controller: owns the state, applies actions, talks to the
// active store through its session, persists settings. UI-agnostic and
// testable natively (with the sandbox transport and a manual clock).
#include <functional>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>
#include <memory>
#include <string>
#include <vector>

#include "app/actions.h"
#include "app/app_state.h"
#include "app/i18n.h"
#include "app/session.h"
#include "core/clock.h"
#include "store/record_store.h"
#include "store/settings_store.h"

namespace app {

inline constexpr const char* kLangSettingKey = "lang";
inline constexpr const char* kStoresSettingKey = "stores";
inline constexpr const char* kActiveStoreSettingKey = "active_store";

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
  // Reloads the page under the new version (the seller agreed).
  std::function<void()> apply_update = {};
  // Files: save a text file (a download); ask the seller for one and read it;
  // reload the page (after clearing local data).
  std::function<void(const std::string& name, const std::string& text)> save_file = {};
  std::function<void(std::function<void(std::string text)>)> pick_file = {};
  std::function<void()> reload_page = {};
};

// How long typing may pause before the draft is written (the issue allows 500 ms).
inline constexpr std::int64_t kDraftSaveDelayMs = 300;
inline constexpr std::int64_t kDraftRetryMs = 5'000;  // after the store refused a write

class App {
 public:
  // `browser_languages` is navigator.languages, used when no choice is saved.
  App(AppServices services, const std::vector<std::string>& browser_languages);

  const AppState& state() const { return state_; }
  AppState& mutable_state() { return state_; }
  const Translations& translations() const { return translations_; }
  const char* tr(std::string_view key) const { return translations_.get(state_.lang, key); }
  core::EpochMs now() const { return services_.clock.now_ms(); }

  void apply(const Action& action);
  void apply_all(ActionQueue& queue);
  // Starts work that the saved state asks for (loading the active store).
  void start();
  // Once per frame before drawing: brings derived state (the visible
  // orders, risk buckets as the minute changes) up to date. Cheap when
  // nothing changed.
  void prepare_frame();
  // When the next minute starts (countdowns and risk buckets change then).
  core::EpochMs next_minute() const;
  // Benchmarks only: fills the orders list with `count` postings copied from
  // the loaded ones under new numbers (100,000 for the frame-time benchmark).
  void replace_postings_for_benchmark(std::size_t count);
  // Writes every changed draft now (the tab is being hidden or closed).
  void flush_drafts();
  // Browser events: the network came or went; a new version is ready; storage use.
  void set_online(bool online);
  void set_update_available(bool available);
  void set_storage_info(bool persisted, double usage_bytes, double quota_bytes);
  // True while a countdown in seconds is on screen (label retries).
  bool wants_second_ticks() const { return state_.labels.retry_in_ms.has_value(); }

 private:
  // One handler per action (app.cpp: stores and settings; orders.cpp: the
  // orders screen and the posting detail).
  void on(const SetLanguage&);
  void on(const ShowView&);
  void on(const RefreshOrders&);
  void on(const SelectTab&);
  void on(const SetSearch&);
  void on(const SetSort&);
  void on(const SetFilters&);
  void on(const ClickRow&);
  void on(const SelectAllFiltered&);
  void on(const ClearSelection&);
  void on(const OpenPosting&);
  void on(const ClosePosting&);
  void on(const OpenNeighbour&);
  void on(const EditScanText&);
  void on(const ScanCode&);
  void on(const SetCheck&);
  void on(const SetLineCount&);
  void on(const SetBoxCount&);
  void on(const SetBoxQuantity&);
  void on(const ShipOpenPosting&);
  void on(const BatchShipSelected&);
  void on(const LoadMarking&);
  void on(const EditMarking&);
  void on(const SendMarking&);
  void on(const OpenCancel&);
  void on(const CloseCancel&);
  void on(const SetCancelReason&);
  void on(const EditCancelMessage&);
  void on(const ConfirmCancel&);
  void on(const SetCancelPartial&);
  void on(const SetCancelQuantity&);
  void on(const EditCutoff&);
  void on(const SetCutoff&);
  void on(const EditTracking&);
  void on(const SetTrackingNumber&);
  void on(const OpenTrackingPaste&);
  void on(const EditTrackingPaste&);
  void on(const SendTrackingPaste&);
  void on(const MarkDelivery&);
  void on(const PrintLabels&);
  void on(const OpenDocument&);
  void on(const CreateAct&);
  void on(const DownloadAct&);
  void on(const PrintPickList&);
  void on(const FocusSearch&);
  void on(const FocusScan&);
  void on(const ToggleHelp&);
  void on(const CopyText&);
  void on(const EditStoreDraft&);
  void on(const TestConnection&);
  void on(const SaveStore&);
  void on(const SelectStore&);
  void on(const DeleteStore&);
  void on(const ConfigureFromPortal&);
  void on(const ApplyUpdate&);
  void on(const ResendOutboxEntry&);
  void on(const DiscardOutboxEntry&);
  void on(const SetBackupIncludeKeys&);
  void on(const ExportBackup&);
  void on(const ImportBackup&);
  void on(const ClearLocalData&);
  void import_backup(const std::string& text);

  // The outbox (outbox_sync.cpp): every mutating call goes through it.
  void init_outbox();
  void enqueue_change(const std::string& kind, const std::string& posting_number, const net::HttpRequest& request);
  void send_outbox_entry(const OutboxEntry& entry, std::function<void(SendOutcome)> done);
  void verify_outbox_entry(const OutboxEntry& entry, std::function<void(VerifyOutcome)> done);
  void on_outbox_change(const OutboxEntry& entry);
  void abandon_outbox_calls();

  // Drafts (draft_sync.cpp).
  void load_local_data();
  void load_local_data_once();  // at start, or at the first portal configuration
  // Copies kept on this device to work offline, each with its time
  // (offline_copies.cpp): the orders list, warehouses and delivery methods,
  // product barcodes.
  void cache_postings(const std::vector<core::Posting>& postings);
  void cache_plan_catalog();
  void cache_barcodes();
  void restore_offline_copies(const std::vector<store::Record>& records);
  struct CachedListRead {  // the orders list coming back from this device, a record per task
    std::string store;
    core::EpochMs as_of = 0;
    std::vector<std::string> texts;
    std::size_t next = 0;
    std::vector<core::Posting> postings;
  };
  void read_cached_postings(const std::vector<store::Record>& records);
  void drop_unnamed_posting_records(const std::vector<store::Record>& records);
  void read_next_cached_record(std::shared_ptr<CachedListRead> read);
  void reread_offline_copies();  // after a store switch: that store's copies
  void put_offline_copy(std::string_view collection, const std::string& key, std::string value);
  void schedule_draft_save();
  void apply_saved_ui();
  void write_record(std::string key, std::string value);

  void save_setting(const char* key, const std::string& value);
  void save_stores();
  void activate(StoreConfig store);
  void refresh_orders();
  void load_products();
  void test_connection(StoreConfig store);
  PostingWork* open_work();
  PostingWork& work_for(const core::Posting& posting);
  void ship(const std::string& number, const core::BoxPlan& boxes);
  void reload_postings(const std::vector<std::string>& numbers);
  void pump_labels(int generation);
  void load_delivery_methods();
  void poll_act(std::int64_t method_id, std::int64_t act_id, int attempt);
  void send_marking_countries(const std::string& number, int generation);
  void poll_marking(const std::string& number, int generation);
  // Ozon's verdict arrived (or the form was loaded): update the checklist.
  void apply_marking_status(PostingWork& work, const core::ExemplarData& status);
  void finish_labels();

  AppServices services_;
  Translations translations_;
  AppState state_;
  std::unique_ptr<StoreSession> session_;
  std::unique_ptr<StoreSession> check_session_;  // the store being tested
  // Drafts read at start, applied when their posting is first opened.
  std::map<std::string, nlohmann::json> saved_posting_drafts_;
  std::optional<nlohmann::json> saved_ui_;           // applied once the orders are in
  std::map<std::string, std::string> written_drafts_;  // key -> text last written
  bool draft_save_scheduled_ = false;
  bool local_data_requested_ = false;
  struct CachedList {  // the orders list kept on this device: which write, in how many records
    std::string generation;
    std::size_t records = 0;
  };
  std::map<std::string, CachedList> cached_lists_;  // by store id
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // tasks scheduled by this app check it
  std::unique_ptr<store::RecordStore> memory_records_;  // when the services bring no store
  std::unique_ptr<Outbox> outbox_;
  // The outbox's requests awaiting the open store's answer, by call number.
  std::int64_t outbox_calls_started_ = 0;
  std::map<std::int64_t, std::function<void(SendOutcome)>> outbox_sends_in_flight_;
  std::map<std::int64_t, std::function<void(VerifyOutcome)>> outbox_verifies_in_flight_;
};

// The notice shown for an API failure: the plain-words key and the detail.
Notice notice_for(const ozon::ApiError& error);

}  // namespace app
