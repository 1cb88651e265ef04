#include "core/stock_demand.h"

#include <algorithm>

namespace core {
namespace {

// One posting's units at one key, with what orders it among the others.
struct PendingPart {
  const Posting* posting = nullptr;
  std::int64_t units = 0;
};

// Packed first, then the shipment deadline (0 = none, last), then the number.
bool takes_stock_before(const Posting& a, const Posting& b) {
  const bool packed_a = a.status == PostingStatus::awaiting_deliver;
  const bool packed_b = b.status == PostingStatus::awaiting_deliver;
  if (packed_a != packed_b) return packed_a;
  const bool dated_a = a.shipment_date != 0;
  const bool dated_b = b.shipment_date != 0;
  if (dated_a != dated_b) return dated_a;
  if (a.shipment_date != b.shipment_date) return a.shipment_date < b.shipment_date;
  return a.posting_number < b.posting_number;
}

}  // namespace

bool takes_stock(PostingStatus status) {
  return status == PostingStatus::awaiting_packaging || status == PostingStatus::awaiting_deliver;
}

std::map<StockKey, StockDemand> open_demand(const std::vector<Posting>& postings) {
  std::map<StockKey, std::vector<PendingPart>> pending;
  for (const Posting& posting : postings) {
    if (!takes_stock(posting.status)) continue;
    for (const PostingProduct& product : posting.products) {
      std::vector<PendingPart>& parts = pending[StockKey{product.sku, posting.delivery_method.warehouse_id}];
      // The same SKU twice in one posting: one part with both lines' units.
      if (!parts.empty() && parts.back().posting == &posting) {
        parts.back().units += product.quantity;
      } else {
        parts.push_back(PendingPart{&posting, product.quantity});
      }
    }
  }
  std::map<StockKey, StockDemand> out;
  for (auto& [key, parts] : pending) {
    std::stable_sort(parts.begin(), parts.end(), [](const PendingPart& a, const PendingPart& b) {
      return takes_stock_before(*a.posting, *b.posting);
    });
    StockDemand& demand = out[key];
    demand.postings.reserve(parts.size());
    for (const PendingPart& part : parts) {
      demand.units += part.units;
      demand.postings.push_back(DemandPart{part.posting->posting_number, part.units});
    }
  }
  return out;
}

std::vector<Shortage> shortages(const std::map<StockKey, StockDemand>& demand, const std::vector<StockRow>& rows) {
  std::map<StockKey, const StockRow*> by_key;
  for (const StockRow& row : rows) by_key[StockKey{row.sku, row.warehouse_id}] = &row;

  std::vector<Shortage> out;
  for (const auto& [key, wanted] : demand) {
    const auto found = by_key.find(key);
    if (found == by_key.end()) continue;  // stock not known is not a shortage
    const StockRow& row = *found->second;
    if (wanted.units <= row.present) continue;
    Shortage s;
    s.key = key;
    s.offer_id = row.offer_id;
    s.demand = wanted.units;
    s.present = row.present;
    s.short_by = wanted.units - row.present;
    s.postings.reserve(wanted.postings.size());
    std::int64_t shelf = std::max<std::int64_t>(row.present, 0);
    bool covered = true;
    for (const DemandPart& part : wanted.postings) {
      s.postings.push_back(part.posting_number);
      if (covered && part.units <= shelf) {
        shelf -= part.units;
      } else {
        covered = false;
        s.at_risk.push_back(part.posting_number);
      }
    }
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(), [](const Shortage& a, const Shortage& b) {
    if (a.short_by != b.short_by) return a.short_by > b.short_by;
    return a.key < b.key;
  });
  return out;
}

}  // namespace core
