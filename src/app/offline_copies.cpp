// Copies of what Ozon last sent, kept on this device so that the console
// works offline: the orders list, the warehouses and delivery methods (Today's
// plan), and product barcodes (scan-to-verify). Each is stored in the API's
// own JSON shape and read back by the same parser as Ozon's replies, with the
// time it was loaded. Written after each successful load; read at start and
// when another store opens, and used only while the network has not answered.
#include <cstdlib>
#include <optional>
#include <type_traits>

#include "app/app.h"
#include "ozon/catalog_json.h"
#include "ozon/parsers.h"
#include "ozon/posting_json.h"
#include "store/schema.h"

namespace app {
namespace {

std::string postings_key(const std::string& store_id) { return "list:" + store_id; }
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
  if (!record) return std::nullopt;
  auto parsed = parse(record->value);
  if (!parsed) return std::nullopt;
  return std::move(*parsed);
}

}  // namespace

void App::put_offline_copy(std::string_view collection, const std::string& key, std::string value) {
  if (!services_.records) return;
  services_.records->put(std::string(collection), key, std::move(value), [this](store::WriteResult result) {
    if (!result.ok()) state_.device.storage_error = {std::string(store::error_key(result.status)), result.detail};
  });
}

void App::cache_postings(const std::vector<core::Posting>& postings) {
  const std::string& store = state_.stores.active_id;
  put_offline_copy(store::collection::postings, postings_key(store), ozon::postings_to_list_json(postings));
  put_offline_copy(store::collection::meta, postings_time_key(store), std::to_string(services_.clock.now_ms()));
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

void App::restore_offline_copies(const std::vector<store::Record>& records) {
  const std::string& store = state_.stores.active_id;
  // Each copy only fills in what the network has not brought yet: its answer is newer.
  auto& orders = state_.orders;
  if (orders.as_of == 0) {
    if (auto page = read_copy(records, store::collection::postings, postings_key(store), &ozon::parse_posting_list)) {
      orders.list.set_postings(std::move(page->items));
      ++orders.data_version;
      orders.as_of = stored_time(records, postings_time_key(store));
      orders.from_cache = true;
    }
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
}

void App::reread_offline_copies() {
  if (!services_.records) return;
  const std::string store = state_.stores.active_id;
  services_.records->load_all([this, store](store::LoadResult loaded) {
    if (loaded.ok() && state_.stores.active_id == store) restore_offline_copies(loaded.records);
  });
}

}  // namespace app
