#pragma once
// The one place that names what the console keeps in the browser's record
// store (IndexedDB): its collections (object stores) and the schema version.
// A record store refuses collections not listed here, so a typo cannot
// silently create a new one.
#include <array>
#include <cstddef>
#include <string_view>

namespace store {

// Bump when the shape of stored records changes (IndexedDB upgrades on it).
inline constexpr int kSchemaVersion = 2;  // 2: + catalog

namespace collection {
inline constexpr std::string_view drafts = "drafts";      // text the seller typed, not sent yet
inline constexpr std::string_view outbox = "outbox";      // mutating API calls, sent or to send
inline constexpr std::string_view postings = "postings";  // cached postings for a fast start
inline constexpr std::string_view meta = "meta";          // app bookkeeping (counters, sync marks)
inline constexpr std::string_view catalog = "catalog";    // warehouses, delivery methods, barcodes: offline copies
}  // namespace collection

// The cached orders list is kept in records of this many postings, read back
// one record per task (app/offline_copies.cpp).
inline constexpr std::size_t kPostingsPerRecord = 1000;

inline constexpr std::array<std::string_view, 5> kCollections = {
    collection::drafts, collection::outbox, collection::postings, collection::meta, collection::catalog};

constexpr bool is_known_collection(std::string_view name) {
  for (auto known : kCollections)
    if (known == name) return true;
  return false;
}

}  // namespace store
