#include "core/tracking_paste.h"

#include <algorithm>
#include <unordered_map>

namespace core {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f'; }

// Clipboard look-alikes -> ASCII: spaces (NBSP, narrow NBSP, U+3000), the
// full-width comma and semicolon, dashes, full-width digits.
std::string normalise(std::string_view line) {
  struct Map {
    std::string_view from;
    char to;
  };
  static constexpr Map kMaps[] = {
      {"\xC2\xA0", ' '},     {"\xE2\x80\xAF", ' '}, {"\xE3\x80\x80", ' '},
      {"\xEF\xBC\x8C", ','}, {"\xEF\xBC\x9B", ';'}, {"\xE2\x80\x90", '-'},
      {"\xE2\x80\x91", '-'}, {"\xE2\x80\x93", '-'}, {"\xE2\x80\x94", '-'},
      {"\xE2\x88\x92", '-'}, {"\xEF\xBC\x8D", '-'},
  };
  std::string out;
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size();) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c < 0x80) {
      out += line[i++];
      continue;
    }
    bool mapped = false;
    for (const auto& m : kMaps) {
      if (line.substr(i, m.from.size()) == m.from) {
        out += m.to;
        i += m.from.size();
        mapped = true;
        break;
      }
    }
    if (mapped) continue;
    // U+FF10..U+FF19 full-width digits: EF BC 90..99
    if (c == 0xEF && i + 2 < line.size() && static_cast<unsigned char>(line[i + 1]) == 0xBC) {
      const auto d = static_cast<unsigned char>(line[i + 2]);
      if (d >= 0x90 && d <= 0x99) {
        out += static_cast<char>('0' + (d - 0x90));
        i += 3;
        continue;
      }
    }
    out += line[i++];
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

enum class Sep { tab, semicolon, comma, spaces };

Sep detect_separator(std::string_view line) {
  bool quoted = false, semicolon = false, comma = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\t') return Sep::tab;
    if (c == ';') semicolon = true;
    if (c == ',') comma = true;
  }
  if (semicolon) return Sep::semicolon;
  if (comma) return Sep::comma;
  return Sep::spaces;
}

struct Cells {
  std::vector<std::string> cells;  // trimmed, empty ones dropped
  bool unterminated_quote = false;
  bool by_spaces = false;  // cells were separated by blanks
};

Cells split_cells(std::string_view line) {
  const Sep sep = detect_separator(line);
  auto is_sep = [&](char c) {
    switch (sep) {
      case Sep::tab: return c == '\t';
      case Sep::semicolon: return c == ';';
      case Sep::comma: return c == ',';
      case Sep::spaces: return is_space(c);
    }
    return false;
  };
  Cells out;
  out.by_spaces = sep == Sep::spaces;
  std::size_t i = 0;
  while (i <= line.size()) {
    // Leading blanks of a cell (never separators themselves in spaces mode:
    // a run of blanks is one separator).
    while (i < line.size() && is_space(line[i]) && !(sep == Sep::tab && line[i] == '\t')) ++i;
    std::string cell;
    if (i < line.size() && line[i] == '"') {
      ++i;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            cell += '"';
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        cell += line[i++];
      }
      if (!closed) out.unterminated_quote = true;
      // Anything between the closing quote and the separator is kept.
      while (i < line.size() && !is_sep(line[i])) cell += line[i++];
    } else {
      while (i < line.size() && !is_sep(line[i])) cell += line[i++];
    }
    const std::string_view trimmed = trim(cell);
    if (!trimmed.empty()) out.cells.emplace_back(trimmed);
    if (i >= line.size()) break;
    ++i;  // the separator
  }
  return out;
}

// Only digits, dashes and blanks: meant as a posting number, not a header.
bool posting_number_attempt(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return is_digit(c) || c == '-' || is_space(c);
  });
}

bool has_space(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return is_space(c) || c == '\r' || c == '\n';
  });
}

}  // namespace

std::string_view to_string(TrackingProblemKind kind) {
  switch (kind) {
    case TrackingProblemKind::header_skipped: return "header_skipped";
    case TrackingProblemKind::bad_posting_number: return "bad_posting_number";
    case TrackingProblemKind::missing_tracking_number: return "missing_tracking_number";
    case TrackingProblemKind::tracking_has_spaces: return "tracking_has_spaces";
    case TrackingProblemKind::unterminated_quote: return "unterminated_quote";
    case TrackingProblemKind::extra_cells: return "extra_cells";
    case TrackingProblemKind::duplicate_posting: return "duplicate_posting";
  }
  return "unknown";
}

bool looks_like_posting_number(std::string_view text) {
  int groups = 0;
  std::size_t i = 0;
  while (true) {
    const std::size_t start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    if (i == start) return false;
    ++groups;
    if (i == text.size()) return groups == 3;
    if (text[i] != '-' || groups == 3) return false;
    ++i;
  }
}

std::vector<TrackingRow> parse_tracking_paste(std::string_view text,
                                              std::vector<TrackingProblem>* problems) {
  std::vector<TrackingRow> rows;
  std::unordered_map<std::string, std::size_t> index;  // posting number -> rows index
  auto report = [&](int line, TrackingProblemKind kind, TrackingSeverity severity,
                    std::string shown, int other = 0) {
    if (problems) problems->push_back({line, kind, severity, std::move(shown), other});
  };
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

  bool first_row = true;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    ++line_no;
    std::size_t end = pos;
    while (end < text.size() && text[end] != '\r' && text[end] != '\n') ++end;
    const std::string line = normalise(text.substr(pos, end - pos));
    pos = end;
    if (pos < text.size() && text[pos] == '\r') ++pos;
    if (pos < text.size() && text[pos] == '\n') ++pos;

    const Cells split = split_cells(line);
    if (split.cells.empty()) continue;  // blank line
    const bool was_first = first_row;
    first_row = false;
    const std::string& number = split.cells[0];
    if (!looks_like_posting_number(number)) {
      if (was_first && !posting_number_attempt(number)) {
        report(line_no, TrackingProblemKind::header_skipped, TrackingSeverity::note, line);
        continue;
      }
      report(line_no, TrackingProblemKind::bad_posting_number, TrackingSeverity::error, number);
      continue;
    }
    if (split.unterminated_quote)
      report(line_no, TrackingProblemKind::unterminated_quote, TrackingSeverity::warning, line);
    if (split.cells.size() < 2) {
      report(line_no, TrackingProblemKind::missing_tracking_number, TrackingSeverity::error, number);
      continue;
    }
    const std::string& tracking = split.cells[1];
    if (split.by_spaces && split.cells.size() > 2) {
      // "RA 1234 5678": blanks separate the cells, so the tracking number
      // cannot be told from extra columns. Refuse rather than guess.
      std::string rest = tracking;
      for (std::size_t c = 2; c < split.cells.size(); ++c) rest += ' ' + split.cells[c];
      report(line_no, TrackingProblemKind::tracking_has_spaces, TrackingSeverity::error, rest);
      continue;
    }
    if (has_space(tracking)) {
      report(line_no, TrackingProblemKind::tracking_has_spaces, TrackingSeverity::error, tracking);
      continue;
    }
    if (split.cells.size() > 2)
      report(line_no, TrackingProblemKind::extra_cells, TrackingSeverity::warning, line);
    if (auto it = index.find(number); it != index.end()) {
      TrackingRow& row = rows[it->second];
      report(line_no, TrackingProblemKind::duplicate_posting, TrackingSeverity::warning, number,
             row.line);
      row.tracking_number = tracking;
      row.line = line_no;
      continue;
    }
    index.emplace(number, rows.size());
    rows.push_back({number, tracking, line_no});
  }
  return rows;
}

}  // namespace core
