#pragma once
// Routing for one queue across several stores: a selection made in the "All
// stores" view split into one batch per store (each goes with that store's
// keys, road and rate limiter), and the stores' lists merged into one list
// sorted by deadline with a store column. Small and generic: the app's list
// model may sort itself; these fix the rules.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/posting.h"

namespace core {

struct StorePosting {
  std::string store_id;
  std::string posting_number;
  bool operator==(const StorePosting&) const = default;
};

struct StoreBatch {
  std::string store_id;
  std::vector<std::string> posting_numbers;
  bool operator==(const StoreBatch&) const = default;
};

// One batch per store, in the order each store first appears in `selected`;
// inside a batch the numbers keep their selection order. A (store, number)
// pair selected twice is sent once (its first place). The same number under
// two stores stays in both: they are different postings.
std::vector<StoreBatch> split_by_store(const std::vector<StorePosting>& selected);

// One row of the merged list: which store (index into the lists given) and
// which posting (index into that store's list).
struct StoreRow {
  std::uint32_t store = 0;
  std::uint32_t index = 0;
  bool operator==(const StoreRow&) const = default;
};

// Every posting of every list, sorted by deadline (shipment_date) ascending,
// postings without a deadline (0) last; ties by store order, then posting
// number (byte order), then position. The same order as a per-store list
// sorted by deadline, with the store as the first tie-breaker.
std::vector<StoreRow> merge_by_deadline(std::span<const std::span<const Posting>> lists);

}  // namespace core
