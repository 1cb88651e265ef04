// Copies of what Ozon last sent, kept on this device so that the console
// works offline: the orders list, the warehouses and delivery methods (Today's
// plan), and product barcodes (scan-to-verify). The catalog copies are kept
// in the API's own JSON shape and read back by the same parser as Ozon's
// replies; the orders list, read at every start, in its compact form
// (ozon/posting_compact.h). Each with the time it was loaded. Written after
// each successful load; read at start and when another store opens, and used
// only while the network has not answered.
#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>
#include <span>
#include <type_traits>
#include <utility>

#include "app/app.h"
#include "core/buyer_data.h"
#include "ozon/catalog_json.h"
#include "ozon/parsers.h"
#include "ozon/posting_compact.h"
#include "store/schema.h"

namespace app {
namespace {

// The orders list is kept in records of store::kPostingsPerRecord postings,
// so that reading it back is spread over tasks (10,000 postings in one parse
// held the page for ~0.5-0.8 s). Each write is a new generation; the meta
// record that names it ("<generation> <records>") is written last, so a write
// cut short leaves the previous list readable.
std::string legacy_postings_key(const std::string& store_id) { return "list:" + store_id; }  // one record (schema 1)
std::string postings_prefix(const std::string& store_id) { return "list:" + store_id + "@"; }
std::string postings_key(const std::string& store_id, const std::string& generation, std::size_t index) {
  return postings_prefix(store_id) + generation + "#" + std::to_string(index);
}
std::string postings_list_key(const std::string& store_id) { return "postings_list:" + store_id; }
std::string postings_time_key(const std::string& store_id) { return "postings_as_of:" + store_id; }
std::string warehouses_key(const std::string& store_id) { return "warehouses:" + store_id; }
std::string methods_key(const std::string& store_id) { return "delivery_methods:" + store_id; }
std::string products_key(const std::string& store_id) { return "products:" + store_id; }
std::string catalog_time_key(const std::string& store_id) { return "catalog_as_of:" + store_id; }

const store::Record* find_record(const std::vector<store::Record>& records, std::string_view collection,
                                 const std::string& key) {
  for (const auto& record : records)
    if (record.collection == collection && record.key == key) return &record;
  return nullptr;
}
store::Record* find_record(std::vector<store::Record>& records, std::string_view collection, const std::string& key) {
  return const_cast<store::Record*>(find_record(std::as_const(records), collection, key));
}

core::EpochMs stored_time(const std::vector<store::Record>& records, const std::string& key) {
  const store::Record* record = find_record(records, store::collection::meta, key);
  return record ? std::atoll(record->value.c_str()) : 0;
}

// The record read by `parse`, or nothing when it is missing or damaged (then
// the network's answer is awaited).
template <typename Parse>
auto read_copy(const std::vector<store::Record>& records, std::string_view collection, const std::string& key,
               Parse parse) -> std::optional<std::decay_t<decltype(*parse(std::string_view{}))>> {
  const store::Record* record = find_record(records, collection, key);
  if (!record || !store::readable_record(record->value)) return std::nullopt;
  auto parsed = parse(record->value);
  if (!parsed) return std::nullopt;
  return std::move(*parsed);
}

}  // namespace

void App::put_offline_copy(std::string_view collection, const std::string& key, std::string value) {
  if (!services_.records) return;
  services_.records->put(std::string(collection), key, std::move(value), guard([this](store::WriteResult result) {
    if (!result.ok()) state_.device.storage_error = {std::string(store::error_key(result.status)), result.detail};
  }));
}

void App::cache_postings(const std::string& store, std::vector<const core::Posting*> postings) {
  if (!services_.records) return;
  const core::EpochMs now = services_.clock.now_ms();
  const std::string generation = std::to_string(now);
  // Buyers' details of long-finished postings are not written down again:
  // those postings are written from copies without them (only those: the
  // list may hold 100,000 postings).
  const int days = state_.device.buyer_data_days;
  const auto expired = [&](const core::Posting* p) {
    return core::has_buyer_details(*p) && core::buyer_details_expired(*p, now, days);
  };
  std::vector<core::Posting> trimmed;
  trimmed.reserve(static_cast<std::size_t>(std::count_if(postings.begin(), postings.end(), expired)));
  for (const core::Posting*& p : postings) {
    if (!expired(p)) continue;
    trimmed.push_back(*p);
    core::drop_buyer_details(trimmed.back());
    p = &trimmed.back();  // reserved above: stays valid
  }
  // Record by record: one record's text at a time, not the whole list's.
  const std::size_t per_record = store::kPostingsPerRecord;
  std::size_t count = 0;
  for (std::size_t start = 0; start < postings.size(); start += per_record, ++count) {
    const auto part = std::span(postings).subspan(start, std::min(per_record, postings.size() - start));
    put_offline_copy(store::collection::postings, postings_key(store, generation, count),
                     ozon::postings_to_compact_record(part));
  }
  put_offline_copy(store::collection::meta, postings_list_key(store), generation + " " + std::to_string(count));
  put_offline_copy(store::collection::meta, postings_time_key(store), generation);
  // The list this one replaces (and the single record of schema 1) can go.
  const std::string collection(store::collection::postings);
  if (auto old = cached_lists_.find(store); old != cached_lists_.end() && old->second.generation != generation)
    for (std::size_t i = 0; i < old->second.records; ++i)
      services_.records->remove(collection, postings_key(store, old->second.generation, i), {});
  services_.records->remove(collection, legacy_postings_key(store), {});
  cached_lists_[store] = {generation, count};
}

namespace {
// "<generation> <records>" as the meta record names the list; {} when absent.
std::pair<std::string, std::size_t> named_list(const std::vector<store::Record>& records, const std::string& key) {
  std::pair<std::string, std::size_t> named;
  // No <sstream> here: iostreams would add ~70 KB to app.wasm.
  if (const store::Record* list = find_record(records, store::collection::meta, key)) {
    const std::string& text = list->value;
    const std::size_t space = text.find(' ');
    if (space == std::string::npos) return named;
    named.first = text.substr(0, space);
    named.second = static_cast<std::size_t>(std::strtoull(text.c_str() + space + 1, nullptr, 10));
  }
  return named;
}
}  // namespace

// The texts are moved out of `records` (10,000 postings are ~17 MB): nothing reads them after.
void App::read_cached_postings(std::vector<store::Record>& records, const std::string& store) {
  const auto [generation, count] = named_list(records, postings_list_key(store));
  auto read = std::make_shared<CachedListRead>();
  read->store = store;
  read->as_of = stored_time(records, postings_time_key(store));
  const core::EpochMs retention = core::retention_ms(state_.device.buyer_data_days);
  if (read->as_of > 0 && services_.clock.now_ms() - read->as_of > retention) return;  // expired (expire_old_lists)
  if (!generation.empty()) {
    for (std::size_t i = 0; i < count; ++i) {
      store::Record* record = find_record(records, store::collection::postings, postings_key(store, generation, i));
      if (!record) return;  // incomplete: wait for the network
      read->texts.push_back(std::move(record->value));
    }
  } else if (store::Record* legacy = find_record(records, store::collection::postings, legacy_postings_key(store))) {
    read->texts.push_back(std::move(legacy->value));
  }
  if (!read->texts.empty()) read_next_cached_record(std::move(read));
}

// Records of a list no meta record names (a write cut short, or replaced
// before this page knew of it) are dropped; so is the list the device named
// once this page has written a newer one.
void App::drop_unnamed_posting_records(const std::vector<store::Record>& records, const std::string& store) {
  const auto named = named_list(records, postings_list_key(store));
  auto known = cached_lists_.find(store);
  if (known == cached_lists_.end() && !named.first.empty())
    known = cached_lists_.emplace(store, CachedList{named.first, named.second}).first;
  const std::string keep = known != cached_lists_.end() ? known->second.generation : std::string();
  const std::string prefix = postings_prefix(store);
  for (const auto& record : records)
    if (record.collection == store::collection::postings && record.key.rfind(prefix, 0) == 0 &&
        (keep.empty() || record.key.rfind(prefix + keep + "#", 0) != 0))
      services_.records->remove(std::string(store::collection::postings), record.key, {});
}

// One record per task: the page stays responsive while a long list comes back.
void App::read_next_cached_record(std::shared_ptr<CachedListRead> read) {
  after(0, [this, read] {
    auto& orders = state_.orders;
    // The network was faster (its list is newer), or the store left the fleet.
    auto feed = std::find_if(orders.stores.begin(), orders.stores.end(),
                             [&](const StoreFeed& f) { return f.store_id == read->store; });
    if (feed == orders.stores.end() || feed->as_of != 0) return;
    const std::string& text = read->texts[read->next];
    if (!store::readable_record(text)) return;  // too large or too deep: damaged too
    auto kept = ozon::read_offline_postings(text);
    if (!kept) return;  // a damaged copy: wait for the network
    std::string().swap(read->texts[read->next]);
    core::drop_expired_buyer_details(*kept, services_.clock.now_ms(), state_.device.buyer_data_days);
    for (auto& posting : *kept) read->postings.push_back(std::move(posting));
    if (++read->next < read->texts.size()) return read_next_cached_record(read);
    orders.list.replace_store(read->store, std::move(read->postings));
    ++orders.data_version;
    feed->as_of = read->as_of;
    feed->from_cache = true;
    mirror_feeds(orders, state_.stores.active_id);
  });
}

void App::cache_plan_catalog() {
  const std::string& store = state_.stores.active_id;
  const auto& plan = state_.plan;
  put_offline_copy(store::collection::catalog, warehouses_key(store), ozon::warehouses_to_list_json(plan.warehouses));
  put_offline_copy(store::collection::catalog, methods_key(store), ozon::delivery_methods_to_list_json(plan.methods));
  put_offline_copy(store::collection::meta, catalog_time_key(store), std::to_string(plan.catalog_as_of));
}

void App::cache_barcodes() {
  std::vector<core::Product> products;
  products.reserve(state_.orders.barcodes.size());
  for (const auto& [sku, barcodes] : state_.orders.barcodes) {
    core::Product product;
    product.sku = sku;
    product.barcodes = barcodes;
    products.push_back(std::move(product));
  }
  put_offline_copy(store::collection::catalog, products_key(state_.stores.active_id),
                   ozon::products_to_info_list_json(products));
}

namespace {
// Whether `key` is one of `store_id`'s offline copies (see the key makers above).
bool is_copy_of(const store::Record& record, const std::string& store_id) {
  if (record.collection != store::collection::postings && record.collection != store::collection::catalog &&
      record.collection != store::collection::meta)
    return false;
  const std::string& key = record.key;
  const std::string suffix = ":" + store_id;
  if (key.size() > suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0) return true;
  return key.rfind(postings_prefix(store_id), 0) == 0;
}
}  // namespace

void App::forget_store_copies(const std::string& store_id) {
  cached_lists_.erase(store_id);
  if (!services_.records) return;
  services_.records->load_all(guard([this, store_id](store::LoadResult loaded) {
    if (!loaded.ok()) return;
    for (const auto& record : loaded.records)
      if (is_copy_of(record, store_id)) services_.records->remove(record.collection, record.key, {});
  }));
}

// An orders list not refreshed for longer than buyers' details are kept
// (a store not opened for weeks) goes as a whole: it holds their names and
// addresses, and is too old to work from.
void App::expire_old_lists(const std::vector<store::Record>& records) {
  const core::EpochMs now = services_.clock.now_ms();
  const core::EpochMs retention = core::retention_ms(state_.device.buyer_data_days);
  const std::string time_prefix = "postings_as_of:";
  for (const auto& record : records) {
    if (record.collection != store::collection::meta || record.key.rfind(time_prefix, 0) != 0) continue;
    const core::EpochMs as_of = std::atoll(record.value.c_str());
    if (as_of <= 0 || now - as_of <= retention) continue;
    const std::string store_id = record.key.substr(time_prefix.size());
    cached_lists_.erase(store_id);
    auto in_list = [&](const store::Record& r) {
      if (r.collection == store::collection::postings)
        return r.key.rfind(postings_prefix(store_id), 0) == 0 || r.key == legacy_postings_key(store_id);
      return r.collection == store::collection::meta &&
             (r.key == postings_list_key(store_id) || r.key == postings_time_key(store_id));
    };
    for (const auto& other : records)
      if (in_list(other)) services_.records->remove(other.collection, other.key, {});
  }
}

void App::restore_offline_copies(std::vector<store::Record>& records) {
  const std::string& store = state_.stores.active_id;
  // Each copy only fills in what the network has not brought yet: its answer is newer.
  auto& orders = state_.orders;
  for (const auto& feed : orders.stores) {
    if (services_.records) drop_unnamed_posting_records(records, feed.store_id);
    if (feed.as_of == 0) read_cached_postings(records, feed.store_id);
  }
  auto& plan = state_.plan;
  if (plan.warehouses.empty() && plan.methods.empty()) {
    auto warehouses = read_copy(records, store::collection::catalog, warehouses_key(store), &ozon::parse_warehouses);
    auto methods = read_copy(records, store::collection::catalog, methods_key(store), &ozon::parse_delivery_methods);
    if (warehouses && methods) {
      plan.warehouses = std::move(warehouses->items);
      plan.methods = std::move(methods->items);
      plan.computed_version = -1;  // regroup with the cutoffs
      plan.catalog_as_of = stored_time(records, catalog_time_key(store));
      plan.catalog_from_cache = true;
    }
  }
  if (orders.barcodes.empty()) {
    if (auto products = read_copy(records, store::collection::catalog, products_key(store), &ozon::parse_product_info_list))
      for (auto& product : *products) orders.barcodes[product.sku] = std::move(product.barcodes);
  }
  for (auto& feature : features_) feature->on_local_records(records);
}

void App::reread_offline_copies() {
  if (!services_.records) return;
  const std::string store = state_.stores.active_id;
  services_.records->load_all(guard([this, store](store::LoadResult loaded) {
    if (loaded.ok() && state_.stores.active_id == store) restore_offline_copies(loaded.records);
  }));
}

}  // namespace app
