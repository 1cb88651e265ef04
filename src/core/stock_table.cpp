#include "core/stock_table.h"

#include <algorithm>
#include <numeric>
#include <string_view>

#include "core/text_search.h"

namespace core {
namespace {

// Dense ranks of `keys` (equal keys share a rank), by `less`.
template <typename Key>
std::vector<std::uint32_t> dense_ranks(const std::vector<Key>& keys) {
  std::vector<std::uint32_t> order(keys.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (keys[a] != keys[b]) return keys[a] < keys[b];
    return a < b;
  });
  std::vector<std::uint32_t> rank(keys.size(), 0);
  std::uint32_t r = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (k > 0 && keys[order[k]] != keys[order[k - 1]]) ++r;
    rank[order[k]] = r;
  }
  return rank;
}

std::int64_t directed(std::int64_t value, bool descending) { return descending ? ~value : value; }

}  // namespace

bool line_matches(const StockLine& line, const StockProductInfo& product, StockFilter filter) {
  switch (filter) {
    case StockFilter::all: return true;
    case StockFilter::short_only: return line.short_by > 0;
    case StockFilter::zero: return line.free() <= 0;
    case StockFilter::low: return line.free() > 0 && product.reorder_point > 0 && line.free() <= product.reorder_point;
  }
  return false;
}

void StockTable::assign(std::vector<StockProductInfo> products, std::vector<std::int64_t> warehouse_ids,
                        std::vector<std::string> warehouse_names, std::vector<StockLine> lines) {
  products_ = std::move(products);
  warehouse_ids_ = std::move(warehouse_ids);
  warehouse_names_ = std::move(warehouse_names);
  warehouse_names_.resize(warehouse_ids_.size());
  lines_ = std::move(lines);
  build_index();
  visible_.clear();
  match_valid_ = false;
  dirty_ = true;
}

void StockTable::build_index() {
  haystacks_.assign(products_.size(), {});
  std::vector<std::string_view> offers(products_.size());
  std::vector<std::string> names(products_.size());
  for (std::size_t p = 0; p < products_.size(); ++p) {
    const StockProductInfo& product = products_[p];
    std::string& hay = haystacks_[p];
    append_search_field(hay, product.offer_id);
    if (product.sku != 0) append_search_field(hay, std::to_string(product.sku));
    append_search_field(hay, product.name);
    append_search_field(hay, product.own_name);
    hay.shrink_to_fit();
    offers[p] = product.offer_id;
    names[p] = fold(product.name);
  }
  offer_rank_ = dense_ranks(offers);
  name_rank_ = dense_ranks(names);
  std::vector<std::string> warehouses(warehouse_names_.size());
  for (std::size_t w = 0; w < warehouses.size(); ++w) warehouses[w] = fold(warehouse_names_[w]);
  warehouse_rank_ = dense_ranks(warehouses);

  line_index_.clear();
  line_index_.reserve(lines_.size());
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    const StockLine& line = lines_[i];
    if (line.product >= products_.size() || line.warehouse >= warehouse_ids_.size()) continue;
    line_index_.push_back(
        LineRef{products_[line.product].product_id, warehouse_ids_[line.warehouse], static_cast<std::uint32_t>(i)});
  }
  std::sort(line_index_.begin(), line_index_.end(), [](const LineRef& a, const LineRef& b) {
    if (a.product_id != b.product_id) return a.product_id < b.product_id;
    if (a.warehouse_id != b.warehouse_id) return a.warehouse_id < b.warehouse_id;
    return a.line < b.line;
  });
}

std::int64_t StockTable::find_line(std::int64_t product_id, std::int64_t warehouse_id) const {
  const auto it = std::lower_bound(line_index_.begin(), line_index_.end(), LineRef{product_id, warehouse_id, 0},
                                   [](const LineRef& a, const LineRef& b) {
                                     if (a.product_id != b.product_id) return a.product_id < b.product_id;
                                     return a.warehouse_id < b.warehouse_id;
                                   });
  if (it == line_index_.end() || it->product_id != product_id || it->warehouse_id != warehouse_id) return -1;
  return it->line;
}

void StockTable::set_query(const StockQuery& query) {
  if (query == query_) return;
  query_ = query;
  dirty_ = true;
}

void StockTable::match_text() {
  if (match_valid_ && matched_text_ == query_.text) return;
  const std::vector<std::string> terms = search_terms(query_.text);
  product_match_.resize(products_.size());
  for (std::size_t p = 0; p < products_.size(); ++p) {
    product_match_[p] = contains_all(haystacks_[p], terms) ? 1 : 0;
  }
  matched_text_ = query_.text;
  match_valid_ = true;
}

void StockTable::refresh() {
  if (!dirty_) return;
  dirty_ = false;
  if (offer_rank_.size() != products_.size() || warehouse_rank_.size() != warehouse_ids_.size()) {
    // The product or warehouse list was resized through the mutable accessors: index it again.
    warehouse_names_.resize(warehouse_ids_.size());
    build_index();
    match_valid_ = false;
  }
  match_text();

  // The warehouse filter as an index; an id not in the table shows nothing.
  constexpr std::size_t kEvery = static_cast<std::size_t>(-1);
  std::size_t wanted = kEvery;
  if (query_.warehouse_id != 0) {
    const auto it = std::find(warehouse_ids_.begin(), warehouse_ids_.end(), query_.warehouse_id);
    wanted = it == warehouse_ids_.end() ? warehouse_ids_.size() : static_cast<std::size_t>(it - warehouse_ids_.begin());
  }

  visible_.clear();
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    const StockLine& line = lines_[i];
    if (line.product >= products_.size() || line.warehouse >= warehouse_ids_.size()) continue;
    if (wanted != kEvery && line.warehouse != wanted) continue;
    if (product_match_[line.product] == 0) continue;
    if (!line_matches(line, products_[line.product], query_.filter)) continue;
    visible_.push_back(static_cast<std::uint32_t>(i));
  }
  sort_visible();
}

void StockTable::sort_visible() {
  const bool desc = query_.descending;
  sort_rows_.resize(visible_.size());
  for (std::size_t r = 0; r < visible_.size(); ++r) {
    const std::uint32_t i = visible_[r];
    const StockLine& line = lines_[i];
    SortRow& row = sort_rows_[r];
    row.line = i;
    row.tie = (std::uint64_t{offer_rank_[line.product]} << 32) | line.warehouse;
    switch (query_.sort) {
      case StockSortKey::offer_id: row.primary = offer_rank_[line.product]; break;
      case StockSortKey::name: row.primary = name_rank_[line.product]; break;
      case StockSortKey::warehouse: row.primary = warehouse_rank_[line.warehouse]; break;
      case StockSortKey::present: row.primary = line.present; break;
      case StockSortKey::reserved: row.primary = line.reserved; break;
      case StockSortKey::free: row.primary = line.free(); break;
      case StockSortKey::demand: row.primary = line.demand; break;
      case StockSortKey::short_by: row.primary = line.short_by; break;
    }
    row.primary = directed(row.primary, desc);
  }
  std::sort(sort_rows_.begin(), sort_rows_.end(), [](const SortRow& a, const SortRow& b) {
    if (a.primary != b.primary) return a.primary < b.primary;
    if (a.tie != b.tie) return a.tie < b.tie;
    return a.line < b.line;
  });
  for (std::size_t r = 0; r < sort_rows_.size(); ++r) visible_[r] = sort_rows_[r].line;
}

}  // namespace core
