#include "core/store_batches.h"

#include <algorithm>
#include <limits>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace core {

std::vector<StoreBatch> split_by_store(const std::vector<StorePosting>& selected) {
  std::vector<StoreBatch> batches;
  std::unordered_map<std::string_view, std::size_t> batch_of;  // store id -> batch
  std::set<std::pair<std::string_view, std::string_view>> seen;
  for (const StorePosting& item : selected) {
    if (!seen.emplace(item.store_id, item.posting_number).second) continue;
    auto [it, inserted] = batch_of.try_emplace(item.store_id, batches.size());
    if (inserted) batches.push_back({item.store_id, {}});
    batches[it->second].posting_numbers.push_back(item.posting_number);
  }
  return batches;
}

std::vector<StoreRow> merge_by_deadline(std::span<const std::span<const Posting>> lists) {
  std::vector<StoreRow> rows;
  std::size_t total = 0;
  for (const auto& list : lists) total += list.size();
  rows.reserve(total);
  for (std::size_t s = 0; s < lists.size(); ++s)
    for (std::size_t i = 0; i < lists[s].size(); ++i)
      rows.push_back({static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(i)});
  auto deadline_key = [](EpochMs deadline) {  // 0 (none) sorts last
    return deadline == 0 ? std::numeric_limits<EpochMs>::max() : deadline;
  };
  std::sort(rows.begin(), rows.end(), [&lists, &deadline_key](const StoreRow& a, const StoreRow& b) {
    const Posting& pa = lists[a.store][a.index];
    const Posting& pb = lists[b.store][b.index];
    const EpochMs da = deadline_key(pa.shipment_date);
    const EpochMs db = deadline_key(pb.shipment_date);
    if (da != db) return da < db;
    if (a.store != b.store) return a.store < b.store;
    if (pa.posting_number != pb.posting_number) return pa.posting_number < pb.posting_number;
    return a.index < b.index;
  });
  return rows;
}

}  // namespace core
