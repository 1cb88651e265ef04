#pragma once
// The model behind the Orders screen: postings plus precomputed search text
// and sort keys, a query (tab, text, filters, sort), and the visible rows.
//
// Cost model (100,000 postings must stay smooth): nothing here is per-frame.
//  - set_postings() builds the index once (O(n)); upsert()/remove() touch one
//    posting (amortised O(1) plus its text).
//  - recompute() runs when the query, the data or the minute changes: it
//    filters and searches (only when data or filters/search changed; tab,
//    sort and time changes reuse the filtered set), computes risk, sorts.
//    A pure minute tick (nothing else changed) only refreshes risk, unless
//    the table is sorted by risk.
//  - Drawing reads visible() / at(row) / risk_at(row): O(1) per row.
// No exceptions, no per-comparison allocation; safe for 32-bit size_t.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "core/deadline.h"
#include "core/posting.h"

namespace core {

enum class OrderSortKey : std::uint8_t {
  deadline,         // shipment_date
  posting_number,   // byte order of the text
  order_date,       // in_process_at
  status,           // lifecycle order: stage, then status
  warehouse,        // warehouse name (folded), then id
  delivery_method,  // delivery method name (folded), then id
  items,            // total quantity of all products
  risk,             // overdue, under_2h, today, later, then none
};
inline constexpr std::size_t kOrderSortKeyCount = 8;
std::string_view sort_key_name(OrderSortKey key);  // "deadline", "posting_number", ...

// Sorting rules: the key decides; missing deadlines/dates (0) and risk
// `none` sort last in BOTH directions; ties are broken by deadline ascending
// (for keys other than deadline/posting_number), then by posting number
// ascending, also when `ascending` is false (descending flips only the key,
// so equal rows keep a stable, predictable order). posting_number descending
// is fully descending.
struct OrderQuery {
  using SortKey = OrderSortKey;
  enum class Schema : std::uint8_t { any, fbs, rfbs };

  Stage tab = Stage::awaiting_packaging;
  std::vector<std::string> store_ids;            // empty = every store (Posting::store_id)
  std::string search;                            // whitespace-separated terms, all must match
  std::vector<std::int64_t> warehouse_ids;       // empty = every warehouse
  std::vector<std::int64_t> delivery_method_ids; // empty = every delivery method
  Schema schema = Schema::any;                   // fbs / rfbs via Posting::is_rfbs()
  bool needs_marking_or_gtd_only = false;        // see needs_marking_or_gtd()
  bool express_only = false;
  SortKey sort_key = SortKey::deadline;
  bool ascending = true;

  bool operator==(const OrderQuery&) const = default;
};

// Any product needs exemplar data before shipping: requirements list SKUs
// for mandatory mark, GTD, country, RNPT, jewellery UIN or IMEI (weight alone
// does not count: it is entered at packing, not looked up).
bool needs_marking_or_gtd(const Posting& posting);

struct RiskCounts {
  int overdue = 0;
  int under_2h = 0;
  int today = 0;
  bool operator==(const RiskCounts&) const = default;
};

// One store's postings in the list: all of them, and those of the current tab
// matching search + filters (the store filter ignored, so every store's count
// shows what choosing it would list).
struct StoreCount {
  std::string store_id;
  int total = 0;
  int in_tab = 0;
  bool operator==(const StoreCount&) const = default;
};

// One entry of a filter dropdown: present in the data, with how many postings.
struct FilterOption {
  std::int64_t id = 0;
  std::string name;
  int count = 0;
  bool operator==(const FilterOption&) const = default;
};

class OrderListModel {
 public:
  static constexpr std::uint32_t kNotFound = 0xFFFFFFFFu;

  // Data. Postings are identified by posting_number (a later duplicate
  // replaces an earlier one), across stores too: Ozon's posting numbers are
  // unique across sellers, and the demo stores draw disjoint ones. An
  // upserted posting with no store_id keeps the one it had. upsert/remove keep visible() safe to draw
  // (a removed posting leaves it at once; an updated one is redrawn with its
  // new data) but filters, counts and order are updated by the next recompute().
  void set_postings(std::vector<Posting> postings);
  void upsert(const Posting& posting);
  void upsert(Posting&& posting);
  bool remove(std::string_view posting_number);  // false if absent
  // The postings of one store replaced by `postings` (each gets that
  // store_id); the other stores' postings stay. O(all postings).
  void replace_store(std::string_view store_id, std::vector<Posting> postings);
  // One store's postings, in list order, as pointers into postings():
  // valid until the list next changes.
  std::vector<const Posting*> store_view(std::string_view store_id) const;

  // Query; takes effect at the next recompute().
  void set_query(OrderQuery query);
  const OrderQuery& query() const { return query_; }

  // True when data or query changed since the last recompute() (the UI
  // also recomputes when the wall-clock minute changes, for risk).
  bool stale() const { return data_dirty_ || filter_dirty_ || view_dirty_; }
  void recompute(EpochMs now, int utc_offset_minutes);

  // All postings (unordered; indices are valid until the next set_postings/remove).
  const std::vector<Posting>& postings() const { return postings_; }
  std::size_t size() const { return postings_.size(); }
  std::uint32_t index_of(std::string_view posting_number) const;  // kNotFound if absent
  const Posting* find(std::string_view posting_number) const;     // nullptr if absent

  // Rows in display order (indices into postings()).
  const std::vector<std::uint32_t>& visible() const { return visible_; }
  std::size_t visible_count() const { return visible_.size(); }
  // Out-of-range rows give an empty posting / Risk::none (never UB, never throws).
  const Posting& at(std::size_t visible_row) const;
  Risk risk_at(std::size_t visible_row) const;
  Risk risk_of_index(std::uint32_t index) const;
  const std::vector<Risk>& risks() const { return risk_; }  // parallel to postings(), as of recompute

  // Per stage, the postings matching search + filters, ignoring the tab, so
  // each tab label shows what that tab would contain.
  const std::array<int, kStageCount>& tab_counts() const { return tab_counts_; }
  // Urgency of the rows in the current tab (visible rows).
  const RiskCounts& risk_counts() const { return risk_counts_; }
  // Distinct warehouses / delivery methods in ALL postings (not filtered, so a
  // filter can always be widened again), sorted by name; as of recompute.
  const std::vector<FilterOption>& warehouses() const { return warehouse_options_; }
  const std::vector<FilterOption>& delivery_methods() const { return method_options_; }
  // Per store seen in the data, in order of first appearance; as of recompute.
  const std::vector<StoreCount>& store_counts() const { return store_counts_; }

  // Approximate heap + object bytes: of the index alone (haystacks, keys,
  // maps, row vectors) and including the postings themselves (walks them: O(n)).
  std::size_t index_memory_bytes() const;
  std::size_t memory_bytes() const;

 private:
  struct Meta {
    EpochMs shipment_date = 0;
    EpochMs in_process_at = 0;
    std::int64_t items = 0;
    std::uint64_t number_key = 0;   // first 8 bytes of posting_number, big-endian
    std::uint32_t text_offset = 0;  // own haystack in text_
    std::uint32_t text_length = 0;
    std::uint32_t products_offset = 0;  // product text ids in product_refs_
    std::uint32_t products_count = 0;
    std::uint32_t warehouse_slot = 0;
    std::uint32_t method_slot = 0;
    PostingStatus status = PostingStatus::unknown;
    Stage stage = Stage::other;
    std::uint8_t flags = 0;
    std::uint16_t store_slot = 0;  // into store_ids_
  };
  struct Slot {  // one warehouse or delivery method seen in the data
    std::int64_t id = 0;
    std::string name;
    int count = 0;
    std::uint32_t rank = 0;  // position by (folded name, id), as of recompute
  };
  struct SlotTable {
    std::vector<Slot> slots;
    std::unordered_map<std::int64_t, std::uint32_t> by_id;
  };
  struct SortRow {
    std::int64_t primary;
    std::int64_t secondary;
    std::uint64_t number_key;
    std::uint32_t index;
  };

  void clear_data();
  void put(Posting&& posting);
  Meta build_meta(const Posting& posting);
  static std::size_t haystack_estimate(const Posting& posting);
  void release(const Meta& meta);
  void maybe_compact();
  std::uint32_t intern_slot(SlotTable& table, std::int64_t id, std::string_view name);
  std::uint32_t intern_product(const PostingProduct& product);
  std::string_view own_text(const Meta& meta) const {
    return std::string_view(text_).substr(meta.text_offset, meta.text_length);
  }
  std::string_view product_text(std::uint32_t id) const {
    return std::string_view(product_text_)
        .substr(product_text_offsets_[id], product_text_offsets_[id + 1] - product_text_offsets_[id]);
  }

  // Hash index: posting_number -> index (open addressing, linear probing).
  std::size_t slot_home(std::string_view number) const;
  std::size_t find_slot(std::string_view number) const;  // position in index_, or npos
  void index_insert(std::uint32_t posting_index);
  void index_rebuild(std::size_t capacity);

  void rebuild_options();
  void rebuild_filtered();
  void rebuild_visible();
  void count_risk(Risk risk);
  void sort_visible();

  std::vector<Posting> postings_;
  std::vector<Meta> meta_;
  std::vector<Risk> risk_;
  std::vector<std::uint32_t> index_;  // hash slots holding posting indices
  std::size_t index_used_ = 0;

  std::string text_;                        // own haystacks (numbers, barcodes, customer)
  std::size_t text_garbage_ = 0;
  std::vector<std::uint32_t> product_refs_; // per posting: product text ids
  std::size_t refs_garbage_ = 0;
  std::string product_text_;                // distinct product haystacks
  std::vector<std::uint32_t> product_text_offsets_{0};
  std::unordered_map<std::string, std::uint32_t> product_ids_;  // raw key -> id
  std::string scratch_;

  SlotTable warehouses_;
  SlotTable methods_;
  std::vector<std::string> store_ids_;  // distinct Posting::store_id, first seen first
  std::uint16_t intern_store(const std::string& store_id);

  OrderQuery query_;
  bool data_dirty_ = true;
  bool filter_dirty_ = true;
  bool view_dirty_ = true;
  bool options_dirty_ = true;

  std::vector<std::uint32_t> filtered_;  // all tabs, matching search + filters
  std::vector<std::uint32_t> visible_;
  std::vector<SortRow> sort_rows_;
  std::array<int, kStageCount> tab_counts_{};
  RiskCounts risk_counts_;
  std::vector<FilterOption> warehouse_options_;
  std::vector<FilterOption> method_options_;
  std::vector<StoreCount> store_counts_;
  std::vector<std::array<int, kStageCount>> store_stage_counts_;  // as of rebuild_filtered
};

}  // namespace core
