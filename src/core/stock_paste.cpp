#include "core/stock_paste.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/text_search.h"

namespace core {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == '\n'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Trims ASCII blanks and no-break spaces (U+00A0, U+202F) at both ends.
std::string_view trim(std::string_view s) {
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    if (is_blank(s.front())) s.remove_prefix(1), changed = true;
    else if (s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2), changed = true;
    else if (s.substr(0, 3) == "\xE2\x80\xAF") s.remove_prefix(3), changed = true;
    if (s.empty()) break;
    if (is_blank(s.back())) s.remove_suffix(1), changed = true;
    else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2), changed = true;
    else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xAF") s.remove_suffix(3), changed = true;
  }
  return s;
}

// The line's separator: a tab if it has one outside quotes, else ';', else ','.
char separator_of(std::string_view line) {
  bool in_quotes = false;
  bool semicolon = false;
  bool comma = false;
  for (const char c : line) {
    if (c == '"') in_quotes = !in_quotes;
    else if (in_quotes) continue;
    else if (c == '\t') return '\t';
    else if (c == ';') semicolon = true;
    else if (c == ',') comma = true;
  }
  return semicolon ? ';' : comma ? ',' : '\t';
}

// Cells, trimmed; a cell that starts with '"' runs to the matching quote
// ("" is a quote inside), anything after it up to the separator is kept.
// Empty cells at the end of the line are dropped (spreadsheets copy them).
std::vector<std::string> split_cells(std::string_view line) {
  const char sep = separator_of(line);
  std::vector<std::string> cells;
  std::string cell;
  enum class State { start, plain, quoted, after_quote } state = State::start;
  auto finish = [&] {
    cells.emplace_back(trim(cell));
    cell.clear();
    state = State::start;
  };
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (state == State::quoted) {
      if (c != '"') cell += c;
      else if (i + 1 < line.size() && line[i + 1] == '"') cell += line[++i];
      else state = State::after_quote;
    } else if (c == sep) {
      finish();
    } else if (state == State::start && c == '"' && trim(cell).empty()) {
      cell.clear();
      state = State::quoted;
    } else {
      cell += c;
      if (state == State::start && !is_blank(c)) state = State::plain;
    }
  }
  finish();
  while (!cells.empty() && cells.back().empty()) cells.pop_back();
  return cells;
}

enum class Quantity { ok, bad, too_big };

// A whole number >= 0. Blanks and no-break spaces group thousands anywhere;
// ',' groups thousands when exactly three digits follow it ("1,000"), else it
// is a decimal comma and the cell is not a whole number.
bool thousands_follow(std::string_view rest) {
  return rest.size() >= 3 && is_digit(rest[0]) && is_digit(rest[1]) && is_digit(rest[2]) &&
         (rest.size() == 3 || !is_digit(rest[3]));
}

Quantity parse_quantity(std::string_view cell, std::int64_t& value) {
  value = 0;
  bool digits = false;
  bool big = false;
  std::size_t i = 0;
  while (i < cell.size()) {
    const char c = cell[i];
    if (is_digit(c)) {
      digits = true;
      if (!big) value = value * 10 + (c - '0');
      if (value > kMaxPastedStock) big = true;
      ++i;
    } else if (c == ' ') {
      ++i;
    } else if (cell.substr(i, 2) == "\xC2\xA0") {
      i += 2;
    } else if (cell.substr(i, 3) == "\xE2\x80\xAF") {
      i += 3;
    } else if (c == ',' && digits && thousands_follow(cell.substr(i + 1))) {
      ++i;
    } else {
      return Quantity::bad;
    }
  }
  if (!digits) return Quantity::bad;
  return big ? Quantity::too_big : Quantity::ok;
}

bool has_digit(std::string_view text) { return std::any_of(text.begin(), text.end(), is_digit); }

bool all_digits(std::string_view text) { return !text.empty() && std::all_of(text.begin(), text.end(), is_digit); }

std::string folded_name(std::string_view name) { return std::string(trim(fold(trim(name)))); }

}  // namespace

std::string_view to_string(PasteSkip reason) {
  switch (reason) {
    case PasteSkip::header: return "header";
    case PasteSkip::wrong_columns: return "wrong_columns";
    case PasteSkip::unknown_offer: return "unknown_offer";
    case PasteSkip::unknown_warehouse: return "unknown_warehouse";
    case PasteSkip::no_warehouse: return "no_warehouse";
    case PasteSkip::bad_quantity: return "bad_quantity";
    case PasteSkip::too_big: return "too_big";
    case PasteSkip::replaced: break;
  }
  return "replaced";
}

StockPasteResult parse_stock_paste(std::string_view text, const OfferLookup& offers,
                                   const std::vector<PasteWarehouse>& warehouses, std::int64_t default_warehouse) {
  std::vector<std::string> warehouse_names;
  warehouse_names.reserve(warehouses.size());
  for (const PasteWarehouse& w : warehouses) warehouse_names.push_back(folded_name(w.name));
  auto find_warehouse = [&](std::string_view cell) -> std::int64_t {
    if (all_digits(cell)) {
      for (const PasteWarehouse& w : warehouses) {
        if (std::to_string(w.id) == cell) return w.id;
      }
    }
    const std::string wanted = folded_name(cell);
    for (std::size_t k = 0; k < warehouses.size(); ++k) {
      if (!wanted.empty() && warehouse_names[k] == wanted) return warehouses[k].id;
    }
    return 0;
  };

  StockPasteResult result;
  std::vector<bool> alive;         // parallel to result.lines: false once a later line replaced it
  std::vector<std::string> texts;  // parallel to result.lines: the line as pasted, trimmed
  std::map<std::pair<std::string, std::int64_t>, std::size_t> taken;  // (offer, warehouse) -> result.lines index

  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  bool first = true;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    ++line_no;
    const std::size_t end = std::min(text.find_first_of("\r\n", pos), text.size());
    const std::string_view raw = text.substr(pos, end - pos);
    pos = end;
    if (pos < text.size()) {  // LF, CR or CRLF
      const bool cr = text[pos++] == '\r';
      if (cr && pos < text.size() && text[pos] == '\n') ++pos;
    }

    const std::vector<std::string> cells = split_cells(raw);
    if (cells.empty()) continue;  // blank line
    const bool was_first = std::exchange(first, false);
    auto skip = [&](PasteSkip reason) {
      result.skipped.push_back(StockPasteSkipped{line_no, std::string(trim(raw)), reason});
    };
    if (was_first && !has_digit(cells.back())) {
      skip(PasteSkip::header);
      continue;
    }
    if (cells.size() != 2 && cells.size() != 3) {
      skip(PasteSkip::wrong_columns);
      continue;
    }
    const std::string& offer = cells[0];
    const std::optional<PasteProduct> product = offer.empty() || !offers ? std::nullopt : offers(offer);
    if (!product) {
      skip(PasteSkip::unknown_offer);
      continue;
    }
    std::int64_t warehouse = default_warehouse;
    if (cells.size() == 3) {
      warehouse = find_warehouse(cells[1]);
      if (warehouse == 0) {
        skip(PasteSkip::unknown_warehouse);
        continue;
      }
    } else if (warehouse == 0) {
      skip(PasteSkip::no_warehouse);
      continue;
    }
    std::int64_t quantity = 0;
    const Quantity parsed = parse_quantity(cells.back(), quantity);
    if (parsed != Quantity::ok) {
      skip(parsed == Quantity::too_big ? PasteSkip::too_big : PasteSkip::bad_quantity);
      continue;
    }

    const auto [it, inserted] = taken.try_emplace(std::pair{offer, warehouse}, result.lines.size());
    if (!inserted) {
      alive[it->second] = false;
      result.skipped.push_back(
          StockPasteSkipped{result.lines[it->second].line, std::move(texts[it->second]), PasteSkip::replaced});
      it->second = result.lines.size();
    }
    result.lines.push_back(StockPasteLine{line_no, offer, product->product_id, product->sku, warehouse, quantity});
    alive.push_back(true);
    texts.emplace_back(trim(raw));
  }

  std::size_t kept = 0;
  for (std::size_t k = 0; k < result.lines.size(); ++k) {
    if (!alive[k]) continue;
    if (kept != k) result.lines[kept] = std::move(result.lines[k]);
    ++kept;
  }
  result.lines.resize(kept);
  std::stable_sort(result.skipped.begin(), result.skipped.end(),
                   [](const StockPasteSkipped& a, const StockPasteSkipped& b) { return a.line < b.line; });
  return result;
}

}  // namespace core
