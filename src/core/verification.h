#pragma once
// "Verify before it leaves": scan-to-count and a short checklist per posting.
// Pure state, no I/O; the app persists VerificationState as a draft.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/posting.h"

namespace core {

enum class ScanOutcome {
  accepted,        // counted +1 on `line`
  completed_line,  // counted +1 and the line is now fully counted
  surplus,         // line already fully counted: refused, not counted
  unknown,         // matches no line: refused
  empty,           // blank after trimming: refused
  duplicate,       // a marking code already scanned for another unit: refused (set by the app)
  wrong_label,     // the label check: a label that is not this posting's (set by the app)
};
std::string_view to_string(ScanOutcome outcome);
std::optional<ScanOutcome> scan_outcome_from(std::string_view text);
inline bool is_refused(ScanOutcome o) {
  return o == ScanOutcome::surplus || o == ScanOutcome::unknown || o == ScanOutcome::empty ||
         o == ScanOutcome::duplicate || o == ScanOutcome::wrong_label;
}
// Trims what scanners add around a code: Enter, Tab, spaces, a leading GS.
std::string_view trim_scan(std::string_view code);

// The packing station's STOP: a wrong item, one too many, or a marked unit
// scanned twice must come out of the box before anything else is scanned.
// A blank scan (a stray Enter) is refused quietly.
inline bool stops_packing(ScanOutcome o) {
  return o == ScanOutcome::surplus || o == ScanOutcome::unknown || o == ScanOutcome::duplicate ||
         o == ScanOutcome::wrong_label;
}

struct ScanResult {
  ScanOutcome outcome = ScanOutcome::empty;
  int line = -1;              // product line index, -1 for unknown/empty
  std::int64_t counted = 0;   // the line's count after the scan
  std::int64_t ordered = 0;   // the line's ordered quantity
  bool all_counted = false;   // every line fully counted after this scan
  // A set's line counted through one of its parts: which part, and its count.
  int part = -1;
  std::int64_t part_counted = 0;
  std::int64_t part_ordered = 0;
  bool counted_now() const { return !is_refused(outcome); }
};

// A line the seller packs from parts (a set: core/bundle.h): each part's
// codes (barcodes, offer ID, SKU) and its units in one set.
struct SetPart {
  std::string offer_id;
  std::vector<std::string> codes;
  std::int64_t per_set = 1;
};
using LineParts = std::vector<SetPart>;  // empty: a plain line

struct ScanLogEntry {
  EpochMs at = 0;
  std::string code;  // trimmed
  ScanOutcome outcome = ScanOutcome::empty;
  int line = -1;
  friend bool operator==(const ScanLogEntry&, const ScanLogEntry&) = default;
};

// Plain snapshot for drafts (store it as JSON or anything else).
struct VerificationState {
  std::string posting_number;
  std::vector<std::int64_t> counts;  // per product line
  std::vector<std::vector<std::int64_t>> part_counts;  // per line, per part of a set (empty for plain lines)
  bool items_picked = false;
  bool address_checked = false;
  bool marking_complete = false;
  std::vector<ScanLogEntry> log;
  friend bool operator==(const VerificationState&, const VerificationState&) = default;
};

// Checklist item names, as returned by missing()/required_items().
inline constexpr std::string_view kItemsPicked = "items_picked";
inline constexpr std::string_view kQuantitiesMatch = "quantities_match";
inline constexpr std::string_view kAddressChecked = "address_checked";
inline constexpr std::string_view kMarkingComplete = "marking_complete";

class PostingVerification {
 public:
  // barcodes[i] = catalogue barcodes (EAN/GTIN...) of product line i; may be
  // shorter than the product list. Besides them a line matches its offer_id
  // (case-insensitive) and its SKU digits, for manual entry. Numeric codes of
  // 8..14 digits compare as GTINs (leading zeros ignored), and a GS1
  // DataMatrix marking code ("01" + GTIN-14 + ...) matches by its GTIN.
  // sets[i], when not empty, makes line i a set counted through its parts:
  // a part's code counts one unit of that part, the set's own code a whole
  // set, and the line's count is the number of whole sets.
  PostingVerification(const Posting& posting, std::vector<std::vector<std::string>> barcodes,
                      std::vector<LineParts> sets = {});

  // Trims spaces/tabs/CR/LF, matches, counts. Several lines may match one
  // code (same SKU twice): the first line not yet fully counted takes it.
  // The scan that counts the last unit also ticks "all items picked": every
  // item went through the packer's hands.
  ScanResult scan(std::string_view code, EpochMs at);

  std::size_t line_count() const { return ordered_.size(); }
  std::int64_t counted(std::size_t line) const;
  std::int64_t ordered(std::size_t line) const;
  // A set's parts (0 for a plain line), and each part's offer ID and counts.
  std::size_t part_count(std::size_t line) const;
  const std::string& part_offer_id(std::size_t line, std::size_t part) const;
  std::int64_t part_counted(std::size_t line, std::size_t part) const;
  std::int64_t part_ordered(std::size_t line, std::size_t part) const;
  const std::vector<ScanLogEntry>& log() const { return log_; }
  std::size_t refused_count() const;

  bool items_picked() const { return items_picked_; }
  bool quantities_match() const;  // derived: every line counted == ordered
  bool address_checked() const { return address_checked_; }
  bool marking_complete() const { return marking_complete_; }
  bool address_required() const { return address_required_; }  // rFBS with a customer address
  bool marking_required() const { return marking_required_; }  // requirements list a line's SKU

  void set_items_picked(bool value) { items_picked_ = value; }
  void set_address_checked(bool value) { address_checked_ = value; }
  // Set by the app when /exemplar/status says ship_available.
  void set_marking_complete(bool value) { marking_complete_ = value; }
  // Manual correction, clamped to 0..ordered; false for a bad line index.
  bool set_count(std::size_t line, std::int64_t quantity);
  void reset();  // counts, flags and log back to empty

  std::vector<std::string> required_items() const;  // in checklist order
  std::vector<std::string> missing() const;         // unmet required items, in order
  bool ready_to_ship() const { return missing().empty(); }

  VerificationState to_state() const;
  // Restores a draft. Refused (false, nothing changes) when it was made for
  // another posting or another number of lines; counts are clamped.
  bool from_state(const VerificationState& state);

 private:
  std::vector<std::size_t> matching_lines(const std::string& key) const;
  bool scan_part(const std::string& key, ScanResult& result);
  bool scan_whole_set(std::size_t line);
  void recount_set(std::size_t line);

  std::string posting_number_;
  std::vector<std::int64_t> ordered_;
  std::vector<std::int64_t> counts_;
  std::vector<std::vector<std::string>> keys_;  // per line: normalised codes
  struct Part {
    std::string offer_id;
    std::vector<std::string> keys;  // normalised codes
    std::int64_t per_set = 1;
    std::int64_t counted = 0;
  };
  std::vector<std::vector<Part>> parts_;  // per line: the set's parts (empty: a plain line)
  bool address_required_ = false;
  bool marking_required_ = false;
  bool items_picked_ = false;
  bool address_checked_ = false;
  bool marking_complete_ = false;
  std::vector<ScanLogEntry> log_;
};

}  // namespace core
