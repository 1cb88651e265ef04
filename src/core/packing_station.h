#pragma once
// The packing station's own rules, beside the posting's checklist: what the
// station does by itself when the last item is scanned (ship, print the
// label, open the next posting), and the label check ("check the waybill"):
// the printed label scanned back must be this posting's.
// Pure logic; the app keeps the settings per device and runs the steps.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/posting.h"
#include "core/verification.h"

namespace core {

// Per device (a station is a table with a scanner and a printer).
struct StationSettings {
  // On the scan that completes the checklist: ship, print the label, open the
  // next posting. Off unless the seller turns it on: shipping cannot be undone.
  bool auto_ship = false;
  // After the label is printed, the packer scans it: another posting's label
  // raises the STOP.
  bool label_check = false;
  friend bool operator==(const StationSettings&, const StationSettings&) = default;
};

// The posting on the table after a scan.
struct PackingState {
  bool all_counted = false;    // every line counted in full
  bool ready_to_ship = false;  // the whole checklist holds
  bool boxes_valid = false;    // the boxes add up to the order
  bool can_ship = false;       // Ozon offers "ship" for it
};
// True when this scan is the one that finishes the posting: it was counted,
// and nothing else is missing.
bool completes_packing(ScanOutcome last_scan, const PackingState& state);

// Where the automatic steps after the last scan stand.
enum class AutoStep {
  none,
  shipping,        // the ship call is on its way
  awaiting_label,  // shipped: waiting for Ozon to show the posting as awaiting shipment
  printing,        // the label is being fetched
  checking_label,  // printed: the packer scans it back (label check on)
  done,            // finished; the next posting was opened
  failed,          // a step failed: the packer takes over (the reason is on screen)
};
std::string_view to_string(AutoStep step);

enum class LabelMatch {
  this_posting,   // the scanned code is this posting's label (upper or lower barcode, or its number)
  other_posting,  // it is another posting's label
  unknown,        // it is no label known here
  empty,
};
std::string_view to_string(LabelMatch match);

// Matches a scanned label code against the posting's barcodes. `others` are
// the other postings the station knows; `other_number` gets the one matched.
LabelMatch match_label(const Posting& posting, std::string_view code, const std::vector<const Posting*>& others,
                       std::string* other_number = nullptr);

// The posting to open after the one at `row` (of `count` visible rows) is
// done: the next one, or the previous one when it was the last. None when it
// was the only one.
std::optional<std::size_t> next_row_after(std::size_t row, std::size_t count);

// What the station recorded about a posting once it left the table (kept on
// the device as proof; the posting's own draft ends when it ships).
struct PackingRecord {
  std::string posting_number;
  EpochMs label_checked_at = 0;  // 0: not checked
  std::string label_code;
  friend bool operator==(const PackingRecord&, const PackingRecord&) = default;
};

}  // namespace core
