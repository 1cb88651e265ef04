#pragma once
// The one place that names what the console keeps in the browser's record
// store (IndexedDB): its collections (object stores) and the schema version.
// A record store refuses collections not listed here, so a typo cannot
// silently create a new one.
#include <array>
#include <cstddef>
#include <string_view>

#include "core/json_read.h"

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

// What a record read back may weigh and how deep its JSON may nest; beyond
// either it is damaged (skipped) and not parsed. The largest record is a
// chunk of the orders list (~1.7 MB for 1,000 postings); our own records nest
// at most ~10 levels (a draft's marking codes). Thousands of levels would
// overflow the stack in nlohmann's recursive parts (dump, copies).
inline constexpr std::size_t kMaxRecordBytes = 16u << 20;
inline constexpr int kMaxRecordDepth = 64;
inline bool readable_record(std::string_view value) {
  return value.size() <= kMaxRecordBytes && core::json_read::nesting_within(value, kMaxRecordDepth);
}

inline constexpr std::array<std::string_view, 5> kCollections = {
    collection::drafts, collection::outbox, collection::postings, collection::meta, collection::catalog};

constexpr bool is_known_collection(std::string_view name) {
  for (auto known : kCollections)
    if (known == name) return true;
  return false;
}

}  // namespace store
