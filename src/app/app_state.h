#pragma once
// What the seller sees: the shared state the views draw from. The slices
// here are read by several features (the postings by the orders screen,
// Today's plan and the outbox); a feature's private state lives in the
// feature itself (app/feature.h).
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/i18n.h"
#include "app/outbox.h"
#include "app/scan_source.h"
#include "app/backup_import.h"
#include "app/store_config.h"
#include "core/box_split.h"
#include "core/cancel_reason.h"
#include "core/clock.h"
#include "core/label_job.h"
#include "core/marking_form.h"
#include "core/shipping_plan.h"
#include "core/tracking_paste.h"
#include "core/warehouse.h"
#include "core/delivery_method.h"
#include "core/order_list.h"
#include "core/order_changes.h"
#include "core/packing_station.h"
#include "core/refresh_schedule.h"
#include "core/posting.h"
#include "core/selection.h"
#include "core/verification.h"

namespace app {

struct DisplayInfo {
  int css_width = 0;
  int css_height = 0;
  float pixel_ratio = 1.0f;
};

// A failure shown to the seller: a translation key for the plain-words
// explanation plus the technical detail (status, Ozon's code and message).
// The translation may name values from `params` as {name}, e.g. "(HTTP
// {status}, {type})"; App::notice_text fills them in.
struct Notice {
  std::string key;     // e.g. "problem.wrong_api_key"; "" = none
  std::string detail;  // never contains credentials
  std::vector<std::pair<std::string, std::string>> params = {};  // {name} -> value
  bool empty() const { return key.empty(); }
};

struct StoresSlice {
  std::vector<StoreConfig> saved;  // the demo store is implicit, never saved
  // The store form as typed (a new store, or a saved one being edited).
  StoreConfig draft = [] {
    StoreConfig store;
    store.road = Road::local_proxy;
    return store;
  }();
  std::string active_id = "demo";
  StoreConfig active = demo_store();
  // Result of "Test connection" for the store being edited.
  enum class Check { idle, running, ok, failed } check = Check::idle;
  Notice check_notice;
  int check_warehouses = 0;
  int check_count = 0;  // connection tests started so far
  // The store the latest test tried: "Save and use" of that same store after
  // a failed test asks first ("Save anyway?"); the question is on screen.
  StoreConfig checked;
  bool save_asking = false;
  // The form came back after a reload with a key typed but not saved: keys
  // are never written into drafts, so the seller types it again.
  bool form_key_lost = false;
  // The active store's key is not kept on this device and has not been
  // typed since the page loaded: nothing is called until it is.
  bool key_needed = false;
};

// The posting open in the detail panel: verification before it leaves,
// the boxes it is packed into, and the outcome of shipping it.
struct PostingWork {
  PostingWork(std::string posting_number, core::PostingVerification checks, core::BoxPlan plan)
      : number(std::move(posting_number)), verification(std::move(checks)), boxes(std::move(plan)) {}

  std::string number;
  core::PostingVerification verification;
  core::BoxPlan boxes;
  std::string scan_text;  // the scan field as typed (a scanner types, then Enter)
  struct LastScan {
    core::ScanOutcome outcome = core::ScanOutcome::empty;
    std::string code;
    int line = -1;
    bool any = false;
    ScanSource source = ScanSource::keyboard;
  } last_scan;
  // A refused scan that stops packing (core::stops_packing): further scans
  // are ignored until the packer acknowledges it (AcknowledgeStop).
  struct Stop {
    bool active = false;
    core::ScanOutcome outcome = core::ScanOutcome::empty;
    std::string code;
    std::string label_of;  // a wrong label: the posting it belongs to, when known
  } stop;
  enum class Ship { idle, sending, done, failed } ship = Ship::idle;
  Notice ship_error;
  // The station's own steps after the last scan (core::StationSettings):
  // ship, print the label, have it scanned back, open the next posting.
  struct Auto {
    core::AutoStep step = core::AutoStep::none;
    std::vector<std::string> labels;  // whose labels print (a posting shipped in boxes becomes several)
    std::string next;                 // the posting to open when done ("" = none)
    int rereads = 0;                  // reads of the shipped posting while Ozon had not moved it yet
  } auto_flow;
  std::vector<std::string> shipped_as;  // posting numbers Ozon created

  // Cancelling: the reasons Ozon offers for this posting, the seller's
  // choice and message (drafts), and the outcome.
  struct Cancel {
    bool open = false;
    bool loading = false;
    std::vector<core::CancelReason> reasons;
    std::int64_t reason_id = 0;
    std::string message;
    bool partial = false;                 // only some items
    std::vector<std::int64_t> quantities;  // per product line, when partial
    enum class State { idle, sending, done, failed } state = State::idle;
    Notice error;
  } cancel;

  // Marking codes, customs numbers and countries Ozon asks for before
  // shipping: the form as typed (a draft), and Ozon's check of what was sent.
  struct Marking {
    enum class State { idle, loading, editing, sending, checking, accepted, refused, failed } state = State::idle;
    core::MarkingForm form;
    std::vector<std::string> refusals;  // Ozon's failed checks, in words
    Notice error;
    int checks = 0;     // status polls for the current send
    int generation = 0;  // a new send ignores the old one's polls
    std::string last_fill;  // the outcome of the last scanned code ("filled", "duplicate", ...)
    std::map<std::int64_t, bool> countries_sent;  // during a send: which products' countries went
    // SKU -> the seller's product_id: the form speaks in SKUs (Ozon's exemplar
    // methods call them product_id), product/country/set wants the product_id.
    std::map<std::int64_t, std::int64_t> product_ids;
  } marking;

  // rFBS delivery by the seller: the tracking number as typed, and the
  // outcome of the last tracking / status call.
  std::string tracking_text;
  std::string cutoff_text;  // "YYYY-MM-DD HH:MM" local, when Ozon asks for the shipping date
  enum class Delivery { idle, sending, done, failed } delivery = Delivery::idle;
  Notice delivery_error;
};

inline bool busy_marking(const PostingWork::Marking& marking) {
  using State = PostingWork::Marking::State;
  return marking.state == State::loading || marking.state == State::sending || marking.state == State::checking;
}

// One store's orders as the console keeps them: refreshed in the background
// on its own schedule, through its own session.
struct StoreFeed {
  StoreFeed(std::string id, std::string store_name, core::RefreshSchedule refresh)
      : store_id(std::move(id)), name(std::move(store_name)), schedule(refresh) {}
  std::string store_id;
  std::string name;
  core::RefreshSchedule schedule;
  bool loading = false;
  Notice error;              // the last refresh's failure ("" after a success)
  core::EpochMs as_of = 0;   // when its list was last loaded (0 = never)
  bool from_cache = false;   // the list is this device's copy, not a fresh load
  bool fetched = false;      // a list came from the network in this page (later ones are diffed)
  int refreshes = 0;         // finished refreshes, failed ones included
  int requests = 0;          // calls made by its refreshes
  core::EpochMs last_duration_ms = 0;
  int generation = 0;        // a refresh's answers are ignored once a newer one started
};

struct OrdersSlice {
  // The postings of every store of the fleet (Posting::store_id), with the
  // seller's query applied: the open store's, or all of them ("All stores").
  core::OrderListModel list;
  core::Selection selection;
  // The open store's feed, mirrored for the screens that show one store.
  bool loading = false;
  Notice error;
  core::EpochMs as_of = 0;  // when the list was last loaded
  bool from_cache = false;  // the list is this device's copy (offline), not a fresh load
  std::vector<StoreFeed> stores;  // the fleet, in order
  bool all_stores = false;        // the list shows every store ("All stores")
  // Background refresh: every this many ms (0 = only when the seller asks).
  std::int64_t refresh_interval_ms = 180'000;
  // What changed since the seller last looked (marked in the list until seen).
  core::ChangeMarks changes;
  core::EpochMs computed_minute = -1;  // risk buckets are as of this minute
  int data_version = 0;                // bumped whenever postings change
  // The packing station (this device): what it does by itself, and what it
  // recorded about postings that left the table (kept as proof).
  core::StationSettings station;
  std::map<std::string, core::PackingRecord> packing_records;
  // Barcodes per SKU from the product catalogue, for scan-to-verify.
  std::unordered_map<std::int64_t, std::vector<std::string>> barcodes;
  // Verification and box plans per posting (drafts: kept while the seller
  // moves between postings).
  std::map<std::string, PostingWork> work;
  std::string open;  // posting number in the detail panel; "" = none
  // One-shot keyboard focus requests: pending until the next frame draws them.
  bool focus_search_pending = false, focus_search = false;
  bool focus_scan_pending = false, focus_scan_now = false;
  // rFBS tracking numbers pasted from a spreadsheet (two columns).
  struct TrackingPaste {
    bool open = false;
    std::string text;
    std::vector<core::TrackingRow> rows;          // ready to send
    std::vector<core::TrackingProblem> problems;  // lines skipped or noted
    std::vector<std::string> not_settable;         // unknown postings, or Ozon takes no tracking for them
    enum class State { idle, sending, done } state = State::idle;
    int pending = 0;  // tracking numbers in flight
    int sent = 0;     // tracking numbers Ozon accepted
    std::vector<std::string> refused;  // "posting: reason"
    Notice error;
  } tracking_paste;
  // Batch ship of the selected single-box postings.
  int batch_pending = 0;
  std::vector<std::string> batch_numbers;  // the postings of the running batch
  std::vector<std::string> batch_failed;
};

// The single-store fields of the slice (loading, error, as of) from the
// feeds: the open store's, or in "All stores" the whole fleet's.
void mirror_feeds(OrdersSlice& orders, const std::string& active_id);

// Printing labels for many postings: batches of 20, "not ready" retried with
// a countdown, a failing posting isolated, the parts merged into one PDF.
struct LabelsSlice {
  // One job per store (a store's labels come from that store), run side by
  // side; the document joins them in this order. Empty when none ran yet.
  struct StoreJob {
    std::string store_id;
    std::shared_ptr<core::LabelJob> job;
  };
  std::vector<StoreJob> jobs;
  int generation = 0;                   // a new job ignores the old one's timers
  bool running = false;
  core::LabelProgress progress;
  std::vector<core::LabelFailure> failed;
  std::optional<std::int64_t> retry_in_ms;  // until the next "not ready" retry
  bool document_ready = false;          // the merged PDF was handed to the browser
  std::string document_name;
  Notice error;
  // The banner belongs to its batch: the document opened (or saved) hides
  // its line, the seller moving on (another posting, another tab) the rest.
  bool document_opened = false;
  bool moved_on = false;
  // Printed by the packing station itself (after the last scan), not on a click.
  bool auto_print = false;
  int printed = 0;  // documents sent to the printer since the page opened
};

// Hand-over of one delivery method's parcels: the act Ozon forms for
// today's departure, which postings went in and which were left out.
struct ActWork {
  std::int64_t id = 0;
  enum class State { creating, forming, ready, failed } state = State::creating;
  std::string status;  // Ozon's text
  std::vector<std::string> added;
  std::vector<std::string> removed;
  bool pdf_ready = false;
  Notice error;
};

// Today's plan: what must leave before each delivery method's cutoff.
struct PlanSlice {
  std::vector<core::Warehouse> warehouses;
  std::vector<core::DeliveryMethod> methods;
  core::EpochMs catalog_as_of = 0;  // when the warehouses and methods were loaded
  bool catalog_from_cache = false;  // they are this device's copy (offline), not a fresh load
  // The delivery methods of the fleet's other stores (their cutoffs, for the
  // plan across stores), by store id.
  std::map<std::string, std::vector<core::DeliveryMethod>> fleet_methods;
  std::vector<core::ShippingGroup> groups;  // as of computed_version / minute
  bool computed_all_stores = false;
  int computed_version = -1;
  core::EpochMs computed_minute = -1;
  std::map<std::int64_t, ActWork> acts;  // by delivery method id
};

// This device: the network, the local record store, the installed version.
// Where drafts and the outbox are kept: this browser's storage, the
// embedding portal's (a browser that blocks storage in third-party frames),
// or nowhere (then nothing survives a reload: shown, with the remedy).
enum class StorageMode { unknown, device, portal, none };
std::string_view to_string(StorageMode mode);

struct DeviceSlice {
  bool online = true;
  StorageMode storage_mode = StorageMode::unknown;
  bool storage_access_possible = false;  // the browser may grant storage on a click (Storage Access API)
  bool drafts_loaded = false;  // the saved drafts were read (or there is no store)
  Notice storage_error;        // the record store failed (private mode, quota): shown, not hidden
  std::int64_t drafts_saved = 0;       // draft writes confirmed so far
  core::EpochMs last_saved_at = 0;
  bool update_available = false;  // a new version is installed and waits for the seller
  bool translator = false;        // the browser translates on the device (Translator API)
  // Backup: export (API keys only when ticked), import, clear everything.
  bool backup_include_keys = false;
  bool confirm_clear = false;   // the second click of "Clear all local data"
  Notice backup_notice;         // what the last export/import did, or what was wrong
  // A backup read and checked, shown to the seller before it is applied.
  std::optional<ImportPlan> import_plan;
  // Buyer details (names, phones, addresses) of finished postings are kept
  // on this device this many days, then dropped from the offline copies.
  int buyer_data_days = 30;
  struct Storage {
    bool known = false;
    bool persisted = false;
    double usage_bytes = 0;
    double quota_bytes = 0;
  } storage;
};

// Mutating calls waiting for Ozon, in order (a copy of the outbox for the
// screen): what is queued, sending, waiting for the network, and what Ozon
// refused ("Needs attention").
struct OutboxSlice {
  std::vector<OutboxEntry> entries;
  std::size_t pending = 0;
  std::size_t failed = 0;
};

struct EmbeddingInfo {
  std::string origin;  // the allowed parent origin; "" = not embedded
  bool configured = false;
  // Why the embedder or its configuration was refused (a translation key:
  // an origin not on the site's list of portals, a clear-text address), or "".
  std::string refused;
  std::string refused_detail;  // the origin or address in question
};

struct AppState {
  std::string view = "orders";  // the id of the feature on screen
  Lang lang = Lang::en;  // the language on screen (its strings are here)
  // Chosen, its strings still on their way (the web build fetches all but
  // English); the screen keeps `lang` until they arrive.
  std::optional<Lang> lang_loading;
  Notice lang_problem;  // the chosen language's strings could not be loaded
  int utc_offset_minutes = 0;  // the seller's time zone (from the browser)
  bool help_open = false;      // the keyboard shortcuts overlay
  std::string copied;          // what was last copied to the clipboard (shown briefly)
  StoresSlice stores;
  OrdersSlice orders;
  LabelsSlice labels;
  PlanSlice plan;
  DeviceSlice device;
  OutboxSlice outbox;
  std::string document_name;  // the latest document handed to the browser ("" = none)
  EmbeddingInfo embedding;
  // Set when a setting could not be saved (e.g. storage disabled): shown, not hidden.
  std::string storage_warning;
  DisplayInfo display;
  long frames_drawn = 0;
  int unhandled_actions = 0;  // actions no feature handles (a programming error, shown in the snapshot)
};

}  // namespace app
