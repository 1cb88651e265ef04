#pragma once
// What the views may ask for. Views push actions; App::apply runs them after
// the frame, so drawing never mutates state in the middle of a frame.
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "app/app_state.h"
#include "app/portal_config.h"

namespace app {

struct SetLanguage {
  Lang lang;
};
struct ShowView {
  View view;
};
struct RefreshOrders {};

// The orders screen: tabs, search, filters, sorting, selection.
struct SelectTab {
  core::Stage tab;
};
struct SetSearch {
  std::string text;
};
struct SetSort {
  core::OrderSortKey key;
  bool ascending;
};
struct SetFilters {  // schema, warehouse, delivery method, marking, express
  core::OrderQuery filters;
};
struct ClickRow {
  std::size_t row;
  bool ctrl = false;
  bool shift = false;
};
struct SelectAllFiltered {};
struct ClearSelection {};

// The posting detail: verify, pack into boxes, ship.
struct OpenPosting {
  std::string number;
};
struct ClosePosting {};
struct OpenNeighbour {  // next (+1) / previous (-1) visible posting
  int step;
};
struct EditScanText {
  std::string text;
};
struct ScanCode {
  std::string code;
};
struct SetCheck {
  std::string item;  // "items_picked", "address_checked", "marking_complete"
  bool value;
};
struct SetLineCount {
  std::size_t line;
  std::int64_t count;
};
struct SetBoxCount {
  int boxes;
};
struct SetBoxQuantity {
  std::size_t box;
  std::size_t line;
  std::int64_t quantity;
};
struct ShipOpenPosting {};

// The marking form of the open posting (codes, customs numbers, countries).
struct LoadMarking {};
struct EditMarking {
  enum class Field { mark, gtd, gtd_absent, country } field;
  std::size_t product = 0;  // index in the form
  std::size_t unit = 0;     // exemplar index (not used for country)
  std::string text;
  bool flag = false;  // gtd_absent
};
struct SendMarking {};
struct BatchShipSelected {};

// Cancelling the open posting (reason 402 needs a message).
struct OpenCancel {};
struct CloseCancel {};
struct SetCancelReason {
  std::int64_t reason_id;
};
struct EditCancelMessage {
  std::string text;
};
struct ConfirmCancel {};
// Cancel only some items: the quantity of each product line to cancel.
struct SetCancelPartial {
  bool partial;
};
struct SetCancelQuantity {
  std::size_t line;
  std::int64_t quantity;
};

// rFBS: the shipping date Ozon asks the seller to set ("set_cutoff").
struct EditCutoff {
  std::string text;  // "YYYY-MM-DD HH:MM", the seller's local time
};
struct SetCutoff {};

// rFBS: tracking number and delivery statuses set by the seller.
struct EditTracking {
  std::string text;
};
struct SetTrackingNumber {};
// Many tracking numbers at once, pasted as two columns.
struct OpenTrackingPaste {
  bool open;
};
struct EditTrackingPaste {
  std::string text;
};
struct SendTrackingPaste {};
enum class DeliveryStep { delivering, last_mile, delivered };
struct MarkDelivery {
  DeliveryStep step;
  bool selected;  // true: every selected posting; false: the open one
};

// Labels for the selected postings (or the open one): one PDF.
struct PrintLabels {
  bool selected;
};
struct OpenDocument {
  bool download;  // false: open in a new tab
};

// Hand-over: the act for a delivery method's departure today, and the pick list.
struct CreateAct {
  std::int64_t delivery_method_id;
};
struct DownloadAct {
  std::int64_t delivery_method_id;
};
struct PrintPickList {
  std::int64_t delivery_method_id;  // 0 = the selected postings
};

// Keyboard-first helpers.
struct FocusSearch {};
struct FocusScan {};
struct ToggleHelp {};
struct CopyText {
  std::string text;
};
// The store form changed (every keystroke; the form lives in app state).
struct EditStoreDraft {
  StoreConfig draft;
};
// Tries a store's keys and road with a cheap call (the warehouse list).
struct TestConnection {
  StoreConfig store;
};
// Saves a new or edited store and switches to it.
struct SaveStore {
  StoreConfig store;
};
struct SelectStore {
  std::string id;
};
struct DeleteStore {
  std::string id;
};
// Backup of this device's work, and forgetting it.
struct SetBackupIncludeKeys {
  bool include;
};
struct ExportBackup {};
struct ImportBackup {};  // asks the browser for a file
struct ClearLocalData {
  enum class Step { ask, confirm, cancel } step;  // the first click asks; the second confirms or cancels
};
// "Needs attention": send a refused call again (after correcting its draft), or drop it.
struct ResendOutboxEntry {
  std::int64_t id;
};
struct DiscardOutboxEntry {
  std::int64_t id;
};
// Reload under the new version (the banner's button).
struct ApplyUpdate {};
// The embedding portal configured the console.
struct ConfigureFromPortal {
  PortalConfig config;
};

using Action = std::variant<SetLanguage, ShowView, RefreshOrders, SelectTab, SetSearch, SetSort, SetFilters, ClickRow,
                            SelectAllFiltered, ClearSelection, OpenPosting, ClosePosting, OpenNeighbour, EditScanText, ScanCode,
                            SetCheck, SetLineCount, SetBoxCount, SetBoxQuantity, ShipOpenPosting, BatchShipSelected,
                            LoadMarking, EditMarking, SendMarking,
                            OpenCancel, CloseCancel, SetCancelReason, EditCancelMessage, ConfirmCancel,
                            SetCancelPartial, SetCancelQuantity, EditCutoff, SetCutoff,
                            EditTracking, SetTrackingNumber, OpenTrackingPaste, EditTrackingPaste, SendTrackingPaste, MarkDelivery, PrintLabels, OpenDocument, CreateAct, DownloadAct, PrintPickList, FocusSearch, FocusScan, ToggleHelp,
                            CopyText,
                            EditStoreDraft, TestConnection, SaveStore, SelectStore, DeleteStore,
                            ConfigureFromPortal, ApplyUpdate, SetBackupIncludeKeys, ExportBackup, ImportBackup,
                            ClearLocalData, ResendOutboxEntry, DiscardOutboxEntry>;

class ActionQueue {
 public:
  void push(Action action) { pending_.push_back(std::move(action)); }
  std::vector<Action> take() { return std::exchange(pending_, {}); }
  bool empty() const { return pending_.empty(); }

 private:
  std::vector<Action> pending_;
};

}  // namespace app
