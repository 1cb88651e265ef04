#pragma once
// Shortages: what the open postings ask of each product at each warehouse,
// against the stock Ozon holds there, and which postings the shelf cannot
// cover. Plain functions over the orders list and the stock rows.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/posting.h"
#include "core/stock.h"

namespace core {

// Postings that still need units from the shelf: awaiting packaging, and
// awaiting shipment (packed, not yet handed over; Ozon keeps them reserved).
bool takes_stock(PostingStatus status);

struct DemandPart {
  std::string posting_number;
  std::int64_t units = 0;
};

// The units the open postings ask for at one product+warehouse, and the
// postings, in the order they take stock: packed ones first (their units are
// already in a box), then by shipment deadline (earliest first; 0 = none, last),
// then by posting number.
struct StockDemand {
  std::int64_t units = 0;
  std::vector<DemandPart> postings;
};

// Keyed by (sku, the posting's delivery_method.warehouse_id). A posting that
// lists one SKU twice adds both lines. Postings of other statuses add nothing.
// With `store_id`, only that store's postings count (a list of several stores).
std::map<StockKey, StockDemand> open_demand(const std::vector<Posting>& postings, std::string_view store_id = {});

struct Shortage {
  StockKey key;
  std::string offer_id;     // from the stock row
  std::int64_t demand = 0;  // units the open postings ask for
  std::int64_t present = 0; // Ozon's present there (reserved included)
  std::int64_t short_by = 0;  // demand - present, > 0
  std::vector<std::string> postings;  // every open posting asking for it, in stock order
  // Postings the shelf cannot cover: present is handed out in stock order;
  // the first posting that does not get all its units, and every one after it.
  std::vector<std::string> at_risk;
};

// One entry per key whose demand exceeds present, sorted by short_by
// (largest first), then key. A key with no stock row is skipped: stock not
// known is not a shortage.
std::vector<Shortage> shortages(const std::map<StockKey, StockDemand>& demand, const std::vector<StockRow>& rows);

}  // namespace core
