#pragma once
// rFBS tracking numbers pasted from a spreadsheet: two columns, posting
// number and tracking number. Accepts what Excel, Google Sheets, LibreOffice
// and WPS put on the clipboard: tab-, semicolon- or comma-separated cells,
// or cells separated by runs of spaces (also the full-width space U+3000 and
// NBSP); CRLF/LF/CR line ends; a UTF-8 BOM; quoted cells ("a ""b"""); blank
// lines; a header row. Full-width ，；and dash look-alikes (‐‑–—−－) in
// posting numbers are normalised.
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct TrackingRow {
  std::string posting_number;
  std::string tracking_number;
  int line = 0;  // 1-based line of the text the row came from (the last one for duplicates)
  friend bool operator==(const TrackingRow&, const TrackingRow&) = default;
};

enum class TrackingProblemKind {
  header_skipped,          // note: the first row was taken as a header
  bad_posting_number,      // error: not digits-digits-digits; row skipped
  missing_tracking_number, // error: no second cell; row skipped
  tracking_has_spaces,     // error: the tracking cell holds whitespace; row skipped
  unterminated_quote,      // warning: a quoted cell never closed; taken to the end of line
  extra_cells,             // warning: cells after the second were ignored (tab/;/, only;
                           // with blank separators extra cells are tracking_has_spaces)
  duplicate_posting,       // warning: the posting appeared before; this line wins
};
std::string_view to_string(TrackingProblemKind kind);

enum class TrackingSeverity { note, warning, error };

struct TrackingProblem {
  int line = 0;  // 1-based
  TrackingProblemKind kind = TrackingProblemKind::bad_posting_number;
  TrackingSeverity severity = TrackingSeverity::error;
  std::string text;      // the offending cell (or line), for display
  int other_line = 0;    // duplicate_posting: the earlier line it replaces
  friend bool operator==(const TrackingProblem&, const TrackingProblem&) = default;
};

// "12345678-0001-1": three groups of ASCII digits joined by '-'.
bool looks_like_posting_number(std::string_view text);

// Rows in order of first appearance of each posting number; a repeated
// posting keeps that position and takes the later tracking number. Problems
// (if wanted) are appended in line order.
std::vector<TrackingRow> parse_tracking_paste(std::string_view text,
                                              std::vector<TrackingProblem>* problems = nullptr);

}  // namespace core
