#pragma once
// What the orders screen and the posting detail may ask for: the list
// (tabs, search, filters, sorting, selection), verifying and packing the
// open posting, shipping, marking codes, cancelling, rFBS delivery, labels.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "app/scan_source.h"
#include "core/order_list.h"

namespace app {

struct RefreshOrders {};
// "All stores": the list shows the postings of every store of the fleet.
struct SetAllStores {
  bool all = false;
};
// Background refresh every this many minutes; 0 = only when the seller asks.
struct SetRefreshInterval {
  std::int64_t minutes = 3;
};
// The seller has seen every change marked in the list.
struct MarkChangesSeen {};

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
  ScanSource source = ScanSource::keyboard;
};
// The packer took the wrong item out: scanning goes on.
struct AcknowledgeStop {};
// The packing station's own options, per device (core::StationSettings).
enum class StationOption { auto_ship, label_check };
std::string_view to_string(StationOption option);
struct SetStationOption {
  StationOption option;
  bool value;
};
// The checklist items a seller ticks ("marking complete" is Ozon's to say).
enum class CheckItem { items_picked, address_checked };
std::string_view to_string(CheckItem item);
struct SetCheck {
  CheckItem item;
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

// Keyboard-first helpers of the orders screen.
struct FocusSearch {};
struct FocusScan {};

}  // namespace app
