#include "core/order_list.h"

#include <algorithm>
#include <functional>
#include <limits>

#include "core/text_search.h"

namespace core {
namespace {

constexpr std::uint8_t kFlagRfbs = 1;
constexpr std::uint8_t kFlagMarking = 2;
constexpr std::uint8_t kFlagExpress = 4;
constexpr std::uint32_t kEmptySlot = 0xFFFFFFFFu;
constexpr std::int64_t kMissingLast = std::numeric_limits<std::int64_t>::max();
constexpr std::size_t kNpos = static_cast<std::size_t>(-1);

std::uint64_t number_key_of(std::string_view number) {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    key <<= 8;
    if (i < number.size()) key |= static_cast<unsigned char>(number[i]);
  }
  return key;
}

// Orders the key ascending, or descending without overflow; missing values last.
std::int64_t directed(std::int64_t value, bool ascending) { return ascending ? value : ~value; }
std::int64_t directed_or_last(std::int64_t value, bool present, bool ascending) {
  return present ? std::min(directed(value, ascending), kMissingLast - 1) : kMissingLast;
}

void append_number(std::string& out, std::int64_t value) {
  char buffer[24];
  int n = 0;
  std::uint64_t magnitude = value < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(value)
                                      : static_cast<std::uint64_t>(value);
  do {
    buffer[n++] = static_cast<char>('0' + static_cast<int>(magnitude % 10));
    magnitude /= 10;
  } while (magnitude != 0);
  if (value < 0) buffer[n++] = '-';
  while (n > 0) out.push_back(buffer[--n]);
}

bool contains_id(const std::vector<std::int64_t>& ids, std::int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

std::string_view sort_key_name(OrderSortKey key) {
  switch (key) {
    case OrderSortKey::deadline: return "deadline";
    case OrderSortKey::posting_number: return "posting_number";
    case OrderSortKey::order_date: return "order_date";
    case OrderSortKey::status: return "status";
    case OrderSortKey::warehouse: return "warehouse";
    case OrderSortKey::delivery_method: return "delivery_method";
    case OrderSortKey::items: return "items";
    case OrderSortKey::risk: break;
  }
  return "risk";
}

bool needs_marking_or_gtd(const Posting& posting) {
  const PostingRequirements& r = *posting.requirements;
  return !r.mandatory_mark.empty() || !r.gtd.empty() || !r.country.empty() || !r.rnpt.empty() ||
         !r.jw_uin.empty() || !r.imei.empty();
}

// ---------------------------------------------------------------- data ----

void OrderListModel::clear_data() {
  postings_.clear();
  meta_.clear();
  risk_.clear();
  index_.clear();
  index_used_ = 0;
  text_.clear();
  text_garbage_ = 0;
  product_refs_.clear();
  refs_garbage_ = 0;
  product_text_.clear();
  product_text_offsets_.assign(1, 0);
  product_ids_.clear();
  warehouses_ = {};
  methods_ = {};
  store_ids_.clear();
  filtered_.clear();
  visible_.clear();
}

void OrderListModel::set_postings(std::vector<Posting> postings) {
  clear_data();
  // Adopt the caller's vector (no copy or move of the postings themselves).
  postings_ = std::move(postings);
  const std::size_t n = postings_.size();

  // Hash index, folding duplicates: a later posting replaces the earlier one.
  std::size_t capacity = 16;
  while (capacity < n * 2) capacity *= 2;
  index_.assign(capacity, kEmptySlot);
  const std::size_t mask = capacity - 1;
  std::vector<std::uint8_t> duplicate;
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t j = slot_home(postings_[i].posting_number);
    while (index_[j] != kEmptySlot && postings_[index_[j]].posting_number != postings_[i].posting_number) {
      j = (j + 1) & mask;
    }
    if (index_[j] == kEmptySlot) {
      index_[j] = static_cast<std::uint32_t>(i);
      ++index_used_;
    } else {
      postings_[index_[j]] = std::move(postings_[i]);
      if (duplicate.empty()) duplicate.assign(n, 0);
      duplicate[i] = 1;
    }
  }
  if (!duplicate.empty()) {  // rare: close the gaps, then index again
    std::size_t out = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (duplicate[i] != 0) continue;
      if (out != i) postings_[out] = std::move(postings_[i]);
      ++out;
    }
    postings_.resize(out);
    index_.clear();
    index_rebuild(out);
  }

  // The haystacks and product references are sized up front: growing them
  // by doubling would hold two copies at once (the heap's peak, #17).
  std::size_t text_bytes = 0, product_count = 0;
  for (const Posting& posting : postings_) {
    text_bytes += haystack_estimate(posting);
    product_count += posting.products.size();
  }
  text_.reserve(text_bytes);
  product_refs_.reserve(product_count);
  meta_.reserve(postings_.size());
  for (const Posting& posting : postings_) meta_.push_back(build_meta(posting));
  risk_.assign(postings_.size(), Risk::none);
  data_dirty_ = options_dirty_ = true;
}

void OrderListModel::upsert(const Posting& posting) { upsert(Posting(posting)); }

void OrderListModel::upsert(Posting&& posting) {
  put(std::move(posting));
  data_dirty_ = options_dirty_ = true;
  maybe_compact();
}

void OrderListModel::put(Posting&& posting) {
  const std::size_t pos = find_slot(posting.posting_number);
  if (pos != kNpos) {  // replace in place: the index and visible rows stay valid
    const std::uint32_t i = index_[pos];
    // A re-read posting (Ozon's answer carries no store) stays in its store.
    if (posting.store_id.empty()) posting.store_id = postings_[i].store_id;
    release(meta_[i]);
    meta_[i] = build_meta(posting);
    postings_[i] = std::move(posting);
    return;
  }
  const auto i = static_cast<std::uint32_t>(postings_.size());
  meta_.push_back(build_meta(posting));
  postings_.push_back(std::move(posting));
  risk_.push_back(Risk::none);
  index_insert(i);
}

bool OrderListModel::remove(std::string_view posting_number) {
  std::size_t pos = find_slot(posting_number);
  if (pos == kNpos) return false;
  const std::uint32_t victim = index_[pos];
  const auto last = static_cast<std::uint32_t>(postings_.size() - 1);

  // Backward-shift deletion keeps probe chains intact without tombstones.
  const std::size_t mask = index_.size() - 1;
  index_[pos] = kEmptySlot;
  for (std::size_t j = (pos + 1) & mask; index_[j] != kEmptySlot; j = (j + 1) & mask) {
    const std::size_t home = slot_home(postings_[index_[j]].posting_number);
    const bool movable = (j > pos) ? (home <= pos || home > j) : (home <= pos && home > j);
    if (movable) {
      index_[pos] = index_[j];
      index_[j] = kEmptySlot;
      pos = j;
    }
  }
  --index_used_;

  release(meta_[victim]);
  if (victim != last) {  // move the last posting into the hole
    const std::size_t moved = find_slot(postings_[last].posting_number);
    index_[moved] = victim;
    postings_[victim] = std::move(postings_[last]);
    meta_[victim] = meta_[last];
    risk_[victim] = risk_[last];
  }
  postings_.pop_back();
  meta_.pop_back();
  risk_.pop_back();

  // Keep the drawn rows valid until the next recompute.
  visible_.erase(std::remove(visible_.begin(), visible_.end(), victim), visible_.end());
  if (victim != last) std::replace(visible_.begin(), visible_.end(), last, victim);
  filtered_.clear();
  data_dirty_ = options_dirty_ = true;
  maybe_compact();
  return true;
}

std::uint32_t OrderListModel::intern_slot(SlotTable& table, std::int64_t id, std::string_view name) {
  auto [it, inserted] = table.by_id.try_emplace(id, static_cast<std::uint32_t>(table.slots.size()));
  if (inserted) table.slots.push_back(Slot{id, std::string(name), 0, 0});
  Slot& slot = table.slots[it->second];
  if (slot.name.empty() && !name.empty()) slot.name = std::string(name);
  ++slot.count;
  return it->second;
}

std::uint32_t OrderListModel::intern_product(const PostingProduct& product) {
  scratch_.clear();
  scratch_ += product.offer_id;
  scratch_.push_back(kFieldSeparator);
  append_number(scratch_, product.sku);
  scratch_.push_back(kFieldSeparator);
  scratch_ += product.name;
  auto it = product_ids_.find(scratch_);
  if (it != product_ids_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(product_text_offsets_.size() - 1);
  append_search_field(product_text_, product.offer_id);
  if (product.sku != 0) {
    append_number(product_text_, product.sku);
    product_text_.push_back(kFieldSeparator);
  }
  append_search_field(product_text_, product.name);
  product_text_offsets_.push_back(static_cast<std::uint32_t>(product_text_.size()));
  product_ids_.emplace(scratch_, id);
  return id;
}

std::uint16_t OrderListModel::intern_store(const std::string& store_id) {
  for (std::size_t s = 0; s < store_ids_.size(); ++s)
    if (store_ids_[s] == store_id) return static_cast<std::uint16_t>(s);  // a handful of stores: a scan is fastest
  if (store_ids_.size() >= 0xFFFF) return 0xFFFF - 1;  // absurd: more stores than a seller can have
  store_ids_.push_back(store_id);
  return static_cast<std::uint16_t>(store_ids_.size() - 1);
}

void OrderListModel::replace_store(std::string_view store_id, std::vector<Posting> postings) {
  std::vector<Posting> all;
  all.reserve(postings_.size() + postings.size());
  for (Posting& posting : postings_)
    if (posting.store_id != store_id) all.push_back(std::move(posting));
  for (Posting& posting : postings) {
    posting.store_id = std::string(store_id);
    all.push_back(std::move(posting));
  }
  set_postings(std::move(all));
}

std::vector<const Posting*> OrderListModel::store_view(std::string_view store_id) const {
  std::vector<const Posting*> out;
  for (const Posting& posting : postings_)
    if (posting.store_id == store_id) out.push_back(&posting);
  return out;
}

// About the bytes build_meta appends to the haystacks: each field and a
// separator, twice for a customer's name (folded and transliterated).
std::size_t OrderListModel::haystack_estimate(const Posting& posting) {
  return posting.posting_number.size() + posting.tracking_number.size() + posting.barcodes->upper_barcode.size() +
         posting.barcodes->lower_barcode.size() + 2 * posting.customer->name.size() + 8;
}

OrderListModel::Meta OrderListModel::build_meta(const Posting& posting) {
  Meta m;
  m.store_slot = intern_store(posting.store_id);
  m.shipment_date = posting.shipment_date;
  m.in_process_at = posting.in_process_at;
  m.number_key = number_key_of(posting.posting_number);
  m.status = posting.status;
  m.stage = stage_of(posting.status);
  if (posting.is_rfbs()) m.flags |= kFlagRfbs;
  if (needs_marking_or_gtd(posting)) m.flags |= kFlagMarking;
  if (posting.is_express) m.flags |= kFlagExpress;
  m.warehouse_slot =
      intern_slot(warehouses_, posting.delivery_method.warehouse_id, posting.delivery_method.warehouse);
  m.method_slot = intern_slot(methods_, posting.delivery_method.id, posting.delivery_method.name);

  m.text_offset = static_cast<std::uint32_t>(text_.size());
  append_search_field(text_, posting.posting_number);
  // Usually the posting number's start ("123-0001" of "123-0001-1"): a term
  // found in it is found in the posting number already.
  if (!posting.posting_number.starts_with(posting.order_number)) append_search_field(text_, posting.order_number);
  append_search_field(text_, posting.tracking_number);
  append_search_field(text_, posting.barcodes->upper_barcode);
  append_search_field(text_, posting.barcodes->lower_barcode);
  append_search_field(text_, posting.customer->name);
  m.text_length = static_cast<std::uint32_t>(text_.size() - m.text_offset);

  m.products_offset = static_cast<std::uint32_t>(product_refs_.size());
  for (const PostingProduct& product : posting.products) {
    m.items += product.quantity;
    const std::uint32_t id = intern_product(product);
    // The same product twice in one posting needs one reference.
    const auto begin = product_refs_.begin() + static_cast<std::ptrdiff_t>(m.products_offset);
    if (std::find(begin, product_refs_.end(), id) == product_refs_.end()) product_refs_.push_back(id);
  }
  m.products_count = static_cast<std::uint32_t>(product_refs_.size() - m.products_offset);
  return m;
}

void OrderListModel::release(const Meta& meta) {
  text_garbage_ += meta.text_length;
  refs_garbage_ += meta.products_count;
  Slot& warehouse = warehouses_.slots[meta.warehouse_slot];
  if (warehouse.count > 0) --warehouse.count;
  Slot& method = methods_.slots[meta.method_slot];
  if (method.count > 0) --method.count;
}

void OrderListModel::maybe_compact() {
  constexpr std::size_t kMinGarbage = 1u << 16;
  if (text_garbage_ > kMinGarbage && text_garbage_ * 2 > text_.size()) {
    std::string packed;
    packed.reserve(text_.size() - text_garbage_);
    for (Meta& m : meta_) {
      const std::string_view own = own_text(m);
      m.text_offset = static_cast<std::uint32_t>(packed.size());
      packed.append(own.data(), own.size());
    }
    text_.swap(packed);
    text_garbage_ = 0;
  }
  if (refs_garbage_ > kMinGarbage && refs_garbage_ * 2 > product_refs_.size()) {
    std::vector<std::uint32_t> packed;
    packed.reserve(product_refs_.size() - refs_garbage_);
    for (Meta& m : meta_) {
      const auto begin = product_refs_.begin() + static_cast<std::ptrdiff_t>(m.products_offset);
      m.products_offset = static_cast<std::uint32_t>(packed.size());
      packed.insert(packed.end(), begin, begin + static_cast<std::ptrdiff_t>(m.products_count));
    }
    product_refs_.swap(packed);
    refs_garbage_ = 0;
  }
}

// ------------------------------------------------------------ hash index ----

std::size_t OrderListModel::slot_home(std::string_view number) const {
  return std::hash<std::string_view>{}(number) & (index_.size() - 1);
}

std::size_t OrderListModel::find_slot(std::string_view number) const {
  if (index_.empty()) return kNpos;
  const std::size_t mask = index_.size() - 1;
  for (std::size_t j = slot_home(number);; j = (j + 1) & mask) {
    const std::uint32_t i = index_[j];
    if (i == kEmptySlot) return kNpos;
    if (postings_[i].posting_number == number) return j;
  }
}

void OrderListModel::index_insert(std::uint32_t posting_index) {
  if ((index_used_ + 1) * 2 > index_.size()) {
    index_rebuild(postings_.size());  // re-inserts every posting, this one included
    return;
  }
  const std::size_t mask = index_.size() - 1;
  std::size_t j = slot_home(postings_[posting_index].posting_number);
  while (index_[j] != kEmptySlot) j = (j + 1) & mask;
  index_[j] = posting_index;
  ++index_used_;
}

void OrderListModel::index_rebuild(std::size_t entries) {
  std::size_t capacity = 16;
  while (capacity < entries * 2) capacity *= 2;
  index_.assign(capacity, kEmptySlot);
  const std::size_t mask = capacity - 1;
  for (std::size_t i = 0; i < postings_.size(); ++i) {
    std::size_t j = slot_home(postings_[i].posting_number);
    while (index_[j] != kEmptySlot) j = (j + 1) & mask;
    index_[j] = static_cast<std::uint32_t>(i);
  }
  index_used_ = postings_.size();
}

std::uint32_t OrderListModel::index_of(std::string_view posting_number) const {
  const std::size_t pos = find_slot(posting_number);
  return pos == kNpos ? kNotFound : index_[pos];
}

const Posting* OrderListModel::find(std::string_view posting_number) const {
  const std::uint32_t i = index_of(posting_number);
  return i == kNotFound ? nullptr : &postings_[i];
}

// ----------------------------------------------------------------- query ----

void OrderListModel::set_query(OrderQuery query) {
  if (query.search != query_.search || query.warehouse_ids != query_.warehouse_ids ||
      query.delivery_method_ids != query_.delivery_method_ids || query.schema != query_.schema ||
      query.needs_marking_or_gtd_only != query_.needs_marking_or_gtd_only ||
      query.express_only != query_.express_only || query.store_ids != query_.store_ids) {
    filter_dirty_ = true;
  }
  if (!(query == query_)) view_dirty_ = true;
  query_ = std::move(query);
}

void OrderListModel::recompute(EpochMs now, int utc_offset_minutes) {
  const bool only_time = !data_dirty_ && !filter_dirty_ && !view_dirty_;
  if (only_time && query_.sort_key != OrderSortKey::risk) {
    // Minute tick: the rows and their order stand (deadlines are fixed); risk moves.
    const EpochMs midnight = next_local_midnight(now, utc_offset_minutes);
    for (std::size_t i = 0; i < meta_.size(); ++i) {
      risk_[i] = risk_for(meta_[i].stage, meta_[i].shipment_date, now, midnight);
    }
    risk_counts_ = {};
    for (const std::uint32_t i : visible_) count_risk(risk_[i]);
    return;
  }
  if (options_dirty_) rebuild_options();
  if (data_dirty_ || filter_dirty_) rebuild_filtered();
  const EpochMs midnight = next_local_midnight(now, utc_offset_minutes);
  risk_.resize(postings_.size());
  for (std::size_t i = 0; i < meta_.size(); ++i) {
    const Meta& m = meta_[i];
    risk_[i] = risk_for(m.stage, m.shipment_date, now, midnight);
  }
  rebuild_visible();
  sort_visible();
  data_dirty_ = filter_dirty_ = view_dirty_ = false;
}

void OrderListModel::rebuild_options() {
  auto build = [](SlotTable& table, std::vector<FilterOption>& out) {
    std::vector<std::pair<std::string, std::uint32_t>> order;
    order.reserve(table.slots.size());
    for (std::uint32_t s = 0; s < table.slots.size(); ++s) order.emplace_back(fold(table.slots[s].name), s);
    std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
      if (a.first != b.first) return a.first < b.first;
      return table.slots[a.second].id < table.slots[b.second].id;
    });
    out.clear();
    for (std::uint32_t r = 0; r < order.size(); ++r) {
      Slot& slot = table.slots[order[r].second];
      slot.rank = r;
      if (slot.count > 0) out.push_back(FilterOption{slot.id, slot.name, slot.count});
    }
  };
  build(warehouses_, warehouse_options_);
  build(methods_, method_options_);
  options_dirty_ = false;
}

void OrderListModel::rebuild_filtered() {
  const std::vector<std::string> terms = search_terms(query_.search);
  const std::size_t mask_terms = std::min<std::size_t>(terms.size(), 64);

  // Which distinct products match which term: once per product, not per posting.
  std::vector<std::uint64_t> product_mask;
  if (!terms.empty()) {
    const std::size_t products = product_text_offsets_.size() - 1;
    product_mask.assign(products, 0);
    for (std::size_t p = 0; p < products; ++p) {
      const std::string_view text = product_text(static_cast<std::uint32_t>(p));
      for (std::size_t t = 0; t < mask_terms; ++t) {
        if (text.find(terms[t]) != std::string_view::npos) product_mask[p] |= std::uint64_t{1} << t;
      }
    }
  }
  auto allowed = [](const SlotTable& table, const std::vector<std::int64_t>& ids) {
    std::vector<std::uint8_t> ok(table.slots.size(), ids.empty() ? 1 : 0);
    if (!ids.empty()) {
      for (std::size_t s = 0; s < table.slots.size(); ++s) ok[s] = contains_id(ids, table.slots[s].id) ? 1 : 0;
    }
    return ok;
  };
  const std::vector<std::uint8_t> warehouse_ok = allowed(warehouses_, query_.warehouse_ids);
  const std::vector<std::uint8_t> method_ok = allowed(methods_, query_.delivery_method_ids);
  std::vector<std::uint8_t> store_ok(store_ids_.size(), query_.store_ids.empty() ? 1 : 0);
  for (std::size_t s = 0; s < store_ids_.size() && !query_.store_ids.empty(); ++s)
    store_ok[s] = std::find(query_.store_ids.begin(), query_.store_ids.end(), store_ids_[s]) != query_.store_ids.end();
  // Per store and stage, matching search + filters: the store counts.
  store_stage_counts_.assign(store_ids_.size(), {});

  std::uint8_t need_flags = 0;
  std::uint8_t want_flags = 0;
  if (query_.schema != OrderQuery::Schema::any) {
    need_flags |= kFlagRfbs;
    if (query_.schema == OrderQuery::Schema::rfbs) want_flags |= kFlagRfbs;
  }
  if (query_.needs_marking_or_gtd_only) {
    need_flags |= kFlagMarking;
    want_flags |= kFlagMarking;
  }
  if (query_.express_only) {
    need_flags |= kFlagExpress;
    want_flags |= kFlagExpress;
  }

  filtered_.clear();
  tab_counts_.fill(0);
  for (std::size_t i = 0; i < meta_.size(); ++i) {
    const Meta& m = meta_[i];
    if ((m.flags & need_flags) != want_flags) continue;
    if (!warehouse_ok[m.warehouse_slot] || !method_ok[m.method_slot]) continue;
    if (!terms.empty()) {
      const std::uint32_t* refs = product_refs_.data() + m.products_offset;
      std::uint64_t found = 0;
      for (std::uint32_t k = 0; k < m.products_count; ++k) found |= product_mask[refs[k]];
      bool ok = true;
      const std::string_view own = own_text(m);
      for (std::size_t t = 0; t < terms.size() && ok; ++t) {
        if (t < mask_terms && (found >> t) & 1u) continue;
        if (own.find(terms[t]) != std::string_view::npos) continue;
        ok = false;
        if (t >= mask_terms) {  // rare: more than 64 terms, check products directly
          for (std::uint32_t k = 0; k < m.products_count && !ok; ++k) {
            ok = product_text(refs[k]).find(terms[t]) != std::string_view::npos;
          }
        }
      }
      if (!ok) continue;
    }
    if (m.store_slot < store_stage_counts_.size()) ++store_stage_counts_[m.store_slot][static_cast<std::size_t>(m.stage)];
    if (m.store_slot < store_ok.size() && !store_ok[m.store_slot]) continue;
    filtered_.push_back(static_cast<std::uint32_t>(i));
    ++tab_counts_[static_cast<std::size_t>(m.stage)];
  }
}

void OrderListModel::rebuild_visible() {
  visible_.clear();
  risk_counts_ = {};
  store_counts_.clear();
  std::vector<int> totals(store_ids_.size(), 0);
  for (const Meta& m : meta_)
    if (m.store_slot < totals.size()) ++totals[m.store_slot];
  for (std::size_t s = 0; s < store_ids_.size(); ++s) {
    if (totals[s] == 0) continue;  // a store whose postings all went
    const int in_tab = s < store_stage_counts_.size() ? store_stage_counts_[s][static_cast<std::size_t>(query_.tab)] : 0;
    store_counts_.push_back(StoreCount{store_ids_[s], totals[s], in_tab});
  }
  for (const std::uint32_t i : filtered_) {
    if (meta_[i].stage != query_.tab) continue;
    visible_.push_back(i);
    count_risk(risk_[i]);
  }
}

void OrderListModel::count_risk(Risk risk) {
  switch (risk) {
    case Risk::overdue: ++risk_counts_.overdue; break;
    case Risk::under_2h: ++risk_counts_.under_2h; break;
    case Risk::today: ++risk_counts_.today; break;
    default: break;
  }
}

void OrderListModel::sort_visible() {
  const bool asc = query_.ascending;
  const OrderSortKey key = query_.sort_key;
  sort_rows_.resize(visible_.size());
  for (std::size_t r = 0; r < visible_.size(); ++r) {
    const std::uint32_t i = visible_[r];
    const Meta& m = meta_[i];
    SortRow& row = sort_rows_[r];
    row.index = i;
    row.number_key = m.number_key;
    row.secondary = m.shipment_date != 0 ? m.shipment_date : kMissingLast;
    switch (key) {
      case OrderSortKey::deadline:
        row.primary = directed_or_last(m.shipment_date, m.shipment_date != 0, asc);
        row.secondary = 0;
        break;
      case OrderSortKey::posting_number:
        row.primary = 0;
        row.secondary = 0;
        break;
      case OrderSortKey::order_date:
        row.primary = directed_or_last(m.in_process_at, m.in_process_at != 0, asc);
        break;
      case OrderSortKey::status:
        row.primary = directed(static_cast<std::int64_t>(m.stage) * 256 + static_cast<std::int64_t>(m.status), asc);
        break;
      case OrderSortKey::warehouse:
        row.primary = directed(warehouses_.slots[m.warehouse_slot].rank, asc);
        break;
      case OrderSortKey::delivery_method:
        row.primary = directed(methods_.slots[m.method_slot].rank, asc);
        break;
      case OrderSortKey::items:
        row.primary = directed(m.items, asc);
        break;
      case OrderSortKey::risk: {
        const Risk risk = risk_[i];
        row.primary = directed_or_last(static_cast<std::int64_t>(risk), risk != Risk::none, asc);
        break;
      }
    }
  }
  const bool number_desc = key == OrderSortKey::posting_number && !asc;
  const std::vector<Posting>& postings = postings_;
  std::sort(sort_rows_.begin(), sort_rows_.end(), [&](const SortRow& a, const SortRow& b) {
    if (a.primary != b.primary) return a.primary < b.primary;
    if (a.secondary != b.secondary) return a.secondary < b.secondary;
    if (a.number_key != b.number_key) return number_desc ? a.number_key > b.number_key : a.number_key < b.number_key;
    const int c = postings[a.index].posting_number.compare(postings[b.index].posting_number);
    if (c != 0) return number_desc ? c > 0 : c < 0;
    return a.index < b.index;
  });
  for (std::size_t r = 0; r < sort_rows_.size(); ++r) visible_[r] = sort_rows_[r].index;
}

// ------------------------------------------------------------------ rows ----

const Posting& OrderListModel::at(std::size_t visible_row) const {
  static const Posting kEmpty;
  if (visible_row >= visible_.size()) return kEmpty;
  return postings_[visible_[visible_row]];
}

Risk OrderListModel::risk_at(std::size_t visible_row) const {
  if (visible_row >= visible_.size()) return Risk::none;
  return risk_of_index(visible_[visible_row]);
}

Risk OrderListModel::risk_of_index(std::uint32_t index) const {
  return index < risk_.size() ? risk_[index] : Risk::none;
}

// ---------------------------------------------------------------- memory ----

std::size_t OrderListModel::index_memory_bytes() const {
  std::size_t bytes = sizeof(*this);
  bytes += meta_.capacity() * sizeof(Meta) + risk_.capacity() * sizeof(Risk);
  bytes += index_.capacity() * sizeof(std::uint32_t);
  bytes += text_.capacity() + product_text_.capacity() + scratch_.capacity();
  bytes += product_refs_.capacity() * sizeof(std::uint32_t);
  bytes += product_text_offsets_.capacity() * sizeof(std::uint32_t);
  // unordered_map: a node per entry (key string + id + next + hash) and the buckets.
  for (const auto& [key, id] : product_ids_) {
    (void)id;
    bytes += 48 + sizeof(std::string) + (key.capacity() > 15 ? key.capacity() + 1 : 0);
  }
  bytes += product_ids_.bucket_count() * sizeof(void*);
  for (const SlotTable* table : {&warehouses_, &methods_}) {
    bytes += table->slots.capacity() * sizeof(Slot) + table->by_id.size() * 32 +
             table->by_id.bucket_count() * sizeof(void*);
  }
  bytes += (filtered_.capacity() + visible_.capacity()) * sizeof(std::uint32_t);
  bytes += sort_rows_.capacity() * sizeof(SortRow);
  return bytes;
}

std::size_t OrderListModel::memory_bytes() const {
  auto heap = [](const std::string& s) -> std::size_t {
    return s.capacity() > 15 ? s.capacity() + 1 : 0;  // libstdc++ SSO; an estimate elsewhere
  };
  // Interned texts are shared by all postings (one pool entry per distinct
  // text), so they cost a pointer here and nothing per posting.
  std::size_t bytes = index_memory_bytes() + postings_.capacity() * sizeof(Posting);
  for (const Posting& p : postings_) {
    bytes += heap(p.posting_number) + heap(p.order_number) + heap(p.tracking_number) + heap(p.parent_posting_number);
    if (p.barcodes.has_value())
      bytes += sizeof(PostingBarcodes) + heap(p.barcodes->upper_barcode) + heap(p.barcodes->lower_barcode);
    if (p.customer.has_value())
      bytes += sizeof(Customer) + heap(p.customer->name) + heap(p.customer->phone) +
               heap(p.customer->address.address_tail) + heap(p.customer->address.comment);
    if (p.cancellation.has_value()) bytes += sizeof(Cancellation);
    if (p.requirements.has_value()) bytes += sizeof(PostingRequirements);  // + its SKU lists, rarely long
    bytes += p.products.capacity() * sizeof(PostingProduct);
    bytes += p.available_actions.capacity() * sizeof(Interned);
  }
  return bytes;
}

}  // namespace core
