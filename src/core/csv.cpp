#include "core/csv.h"

namespace core {
namespace {

// "-12", "3.50", "0": what a spreadsheet reads as a number, never as a formula.
bool plain_number(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  if (text.empty()) return false;
  bool digits = false, point = false;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  return digits;
}

}  // namespace

void append_table_cell(std::string& out, std::string_view raw, TableFormat format) {
  std::string guarded;
  if (!raw.empty() && std::string_view("=+-@").find(raw.front()) != std::string_view::npos && !plain_number(raw)) {
    guarded.reserve(raw.size() + 1);  // not "'" + std::string: GCC 12 -O3 warns -Wrestrict on that (a false positive)
    guarded += '\'';
    guarded += raw;
    raw = guarded;
  }
  if (format == TableFormat::tsv) {
    // A tab or line break would start a new cell or row: spreadsheets get a space.
    for (const char c : raw) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    return;
  }
  if (raw.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += raw;
    return;
  }
  out += '"';
  for (const char c : raw) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string table_text(const std::vector<std::vector<std::string>>& rows, TableFormat format) {
  const char separator = format == TableFormat::csv ? ',' : '\t';
  const std::string_view end_of_line = format == TableFormat::csv ? "\r\n" : "\n";
  std::string out;
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += separator;
      append_table_cell(out, row[i], format);
    }
    out += end_of_line;
  }
  return out;
}

}  // namespace core
