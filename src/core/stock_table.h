#pragma once
// The Stock screen's table: one line per product and warehouse, searched,
// filtered and sorted fast enough for 10,000 products x 5 warehouses.
// Search haystacks are built once per product when the data arrives; a query
// change only filters and sorts indices.
#include <cstdint>
#include <string>
#include <vector>

namespace core {

struct StockProductInfo {
  std::int64_t product_id = 0;
  std::int64_t sku = 0;
  std::string offer_id;
  std::string name;      // Ozon's name
  std::string own_name;  // the seller's own name for it (may be Chinese), "" = none
  std::int64_t reorder_point = 0;  // from replenishment; 0 = no sales
};

struct StockLine {
  std::uint32_t product = 0;    // index into StockTable::products
  std::uint32_t warehouse = 0;  // index into StockTable::warehouse_ids / warehouse_names
  std::int64_t present = 0;
  std::int64_t reserved = 0;
  std::int64_t demand = 0;    // units open postings ask for here
  std::int64_t short_by = 0;  // max(0, demand - present)
  std::int64_t free() const { return present - reserved; }
};

enum class StockFilter { all, short_only, low, zero };
// zero: free <= 0; low: free > 0 and free <= the product's reorder_point
// (products with no sales are never low); short_only: short_by > 0.
bool line_matches(const StockLine& line, const struct StockProductInfo& product, StockFilter filter);

enum class StockSortKey { offer_id, name, warehouse, present, reserved, free, demand, short_by };

struct StockQuery {
  std::string text;              // offer id, SKU, name, own name (case-folded; Cyrillic also transliterated)
  std::int64_t warehouse_id = 0;  // 0 = every warehouse
  StockFilter filter = StockFilter::all;
  StockSortKey sort = StockSortKey::offer_id;
  bool descending = false;
  bool operator==(const StockQuery&) const = default;
};

class StockTable {
 public:
  // Replaces everything; builds the haystacks (text_search.h).
  void assign(std::vector<StockProductInfo> products, std::vector<std::int64_t> warehouse_ids,
              std::vector<std::string> warehouse_names, std::vector<StockLine> lines);
  // Updates numbers in place (present/reserved/demand/short_by of existing
  // lines, reorder points) without rebuilding haystacks; call refresh() after.
  std::vector<StockLine>& mutable_lines() { return lines_; }
  std::vector<StockProductInfo>& mutable_products_numbers() { return products_; }  // do not change text fields
  void invalidate() { dirty_ = true; }

  void set_query(const StockQuery& query);  // marks dirty when it differs
  const StockQuery& query() const { return query_; }
  // Recomputes the visible lines when dirty. Sort is stable: ties keep
  // offer_id, then warehouse order.
  void refresh();

  const std::vector<StockProductInfo>& products() const { return products_; }
  const std::vector<std::int64_t>& warehouse_ids() const { return warehouse_ids_; }
  const std::vector<std::string>& warehouse_names() const { return warehouse_names_; }
  const std::vector<StockLine>& lines() const { return lines_; }
  const std::vector<std::uint32_t>& visible() const { return visible_; }  // indices into lines()
  // Index of the line for (product_id, warehouse_id), or -1.
  std::int64_t find_line(std::int64_t product_id, std::int64_t warehouse_id) const;

 private:
  struct LineRef {  // find_line's index, sorted by (product_id, warehouse_id, line)
    std::int64_t product_id = 0;
    std::int64_t warehouse_id = 0;
    std::uint32_t line = 0;
  };
  struct SortRow {
    std::int64_t primary = 0;   // the sort key, directed
    std::uint64_t tie = 0;      // offer rank, then warehouse index (always ascending)
    std::uint32_t line = 0;
  };
  void build_index();
  void match_text();  // product_match_ for query_.text, when the text changed
  void sort_visible();

  std::vector<StockProductInfo> products_;
  std::vector<std::string> haystacks_;  // per product
  std::vector<std::int64_t> warehouse_ids_;
  std::vector<std::string> warehouse_names_;
  std::vector<StockLine> lines_;
  std::vector<std::uint32_t> visible_;
  StockQuery query_;
  bool dirty_ = true;

  std::vector<std::uint32_t> offer_rank_;      // per product: position by offer_id (equal ids share it)
  std::vector<std::uint32_t> name_rank_;       // per product: position by folded name (equal names share it)
  std::vector<std::uint32_t> warehouse_rank_;  // per warehouse: position by folded name
  std::vector<LineRef> line_index_;
  std::vector<std::uint8_t> product_match_;    // per product: matches matched_text_
  std::string matched_text_;
  bool match_valid_ = false;
  std::vector<SortRow> sort_rows_;
};

}  // namespace core
