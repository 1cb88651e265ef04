#pragma once
// Stock pasted from a spreadsheet: two or three columns per line,
//   offer id <sep> quantity                  (at the default warehouse)
//   offer id <sep> warehouse <sep> quantity  (warehouse by id or by name)
// separated by a tab (what spreadsheets copy), ';' or ','. Every line is
// either taken or skipped with a reason, so the preview can show both.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct PasteWarehouse {
  std::int64_t id = 0;
  std::string name;
};

struct StockPasteLine {
  int line = 0;  // 1-based line number in the pasted text
  std::string offer_id;
  std::int64_t product_id = 0;
  std::int64_t sku = 0;
  std::int64_t warehouse_id = 0;
  std::int64_t quantity = 0;
};

enum class PasteSkip {
  header,             // the first line names columns (no number where the quantity goes)
  wrong_columns,      // not 2 or 3 columns
  unknown_offer,      // the offer id is not in the catalogue
  unknown_warehouse,  // no warehouse has that id or name (names compare case-folded, trimmed)
  no_warehouse,       // two columns and no default warehouse
  bad_quantity,       // not a whole number >= 0 ("1 000" and "1,000" with a tab separator are read as 1000)
  too_big,            // more than kMaxPastedStock
  replaced,           // a later line sets the same offer and warehouse
};

struct StockPasteSkipped {
  int line = 0;
  std::string text;  // the line as pasted (trimmed)
  PasteSkip reason = PasteSkip::wrong_columns;
};

struct StockPasteResult {
  std::vector<StockPasteLine> lines;  // in pasted order, duplicates resolved
  std::vector<StockPasteSkipped> skipped;  // in line order
};

inline constexpr std::int64_t kMaxPastedStock = 1'000'000;

// What the catalogue knows of an offer id (product_id and FBS SKU), or nothing.
struct PasteProduct {
  std::int64_t product_id = 0;
  std::int64_t sku = 0;
};
using OfferLookup = std::function<std::optional<PasteProduct>(std::string_view offer_id)>;

// Blank lines are ignored (not listed). Cells are trimmed and may be quoted
// ("..."). `default_warehouse` 0 = none.
StockPasteResult parse_stock_paste(std::string_view text, const OfferLookup& offers,
                                   const std::vector<PasteWarehouse>& warehouses, std::int64_t default_warehouse);

std::string_view to_string(PasteSkip reason);  // "header", "wrong_columns", ... (translation keys stock.skip.<name>)

}  // namespace core
