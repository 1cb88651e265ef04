#include "app/picture_catalog.h"

#include <algorithm>

namespace app {

const std::string* PictureCatalog::url(std::string_view store_id, std::int64_t sku) const {
  auto store = stores_.find(store_id);
  if (store == stores_.end()) return nullptr;
  auto it = store->second.urls.find(sku);
  return it == store->second.urls.end() ? nullptr : &it->second;
}

std::vector<std::vector<std::int64_t>> PictureCatalog::take_batches(const std::string& store_id,
                                                                    const std::vector<std::int64_t>& wanted,
                                                                    core::EpochMs now, std::size_t batch) {
  std::vector<std::vector<std::int64_t>> out;
  if (batch == 0) return out;
  StorePictures& store = stores_[store_id];
  std::set<std::int64_t> taken;  // a SKU wanted twice is asked once
  for (const std::int64_t sku : wanted) {
    if (sku <= 0 || store.urls.count(sku) || store.asking.count(sku) || taken.count(sku)) continue;
    if (auto retry = store.retry_at.find(sku); retry != store.retry_at.end()) {
      if (now < retry->second) continue;
      store.retry_at.erase(retry);
    }
    taken.insert(sku);
    if (out.empty() || out.back().size() == batch) out.emplace_back();
    out.back().push_back(sku);
  }
  store.asking.insert(taken.begin(), taken.end());
  if (!taken.empty()) ++version_;
  return out;
}

void PictureCatalog::learn(const std::string& store_id, const std::vector<std::int64_t>& asked,
                           const std::vector<core::Product>& products) {
  StorePictures& store = stores_[store_id];
  for (const std::int64_t sku : asked) {
    store.asking.erase(sku);
    store.retry_at.erase(sku);
    store.urls.try_emplace(sku);  // "" unless the answer names it below
  }
  for (const auto& product : products)
    if (product.sku > 0) store.urls[product.sku] = product.primary_image;
  ++version_;
}

void PictureCatalog::failed(const std::string& store_id, const std::vector<std::int64_t>& asked,
                            core::EpochMs retry_at) {
  StorePictures& store = stores_[store_id];
  for (const std::int64_t sku : asked) {
    store.asking.erase(sku);
    store.retry_at[sku] = retry_at;
  }
  ++version_;
}

const std::map<std::int64_t, std::string>* PictureCatalog::urls_of(std::string_view store_id) const {
  auto store = stores_.find(store_id);
  return store == stores_.end() ? nullptr : &store->second.urls;
}

void PictureCatalog::restore(const std::string& store_id, const std::map<std::int64_t, std::string>& urls) {
  StorePictures& store = stores_[store_id];
  for (const auto& [sku, url] : urls)
    if (sku > 0 && !store.asking.count(sku)) store.urls.try_emplace(sku, url);
  ++version_;
}

std::size_t PictureCatalog::known_count() const {
  std::size_t n = 0;
  for (const auto& [id, store] : stores_) n += store.urls.size();
  return n;
}

std::size_t PictureCatalog::asking_count() const {
  std::size_t n = 0;
  for (const auto& [id, store] : stores_) n += store.asking.size();
  return n;
}

core::EpochMs PictureCatalog::next_retry() const {
  core::EpochMs earliest = 0;
  for (const auto& [id, store] : stores_)
    for (const auto& [sku, at] : store.retry_at) earliest = earliest == 0 ? at : std::min(earliest, at);
  return earliest;
}

}  // namespace app
