#pragma once
// Margin per posting, product and day: what Ozon paid out (finance) minus the
// seller's own cost of the goods and of packing them. Kopecks throughout.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/finance.h"
#include "core/posting.h"

namespace core {

// The seller's costs, from their product notes.
struct SellerCosts {
  std::map<std::string, Kopecks> unit_cost;       // offer_id -> cost of one unit
  std::map<std::string, Kopecks> packaging_cost;  // offer_id -> cost of packing one unit
};

struct ProfitRow {
  std::string posting_number;
  EpochMs day = 0;  // local midnight of the posting's first operation
  std::string day_key;  // that day as "YYYY-MM-DD" (profit_by_day's key)
  PostingFinance finance;
  Kopecks goods_cost = 0;      // sum of unit_cost x quantity (positive)
  Kopecks packaging_cost = 0;  // sum of packaging_cost x quantity (positive)
  Kopecks margin = 0;          // finance.payout - goods_cost - packaging_cost
  bool costs_known = true;     // false when a product of it has no unit cost
  std::vector<std::string> offers_without_cost;
};

// One row per posting that has finance operations. `postings` (by number)
// gives the products and quantities; a posting the console does not hold is
// costed as unknown. Rows that lose money first (most negative margin), then
// by margin ascending, then by posting number.
std::vector<ProfitRow> profit_rows(const std::vector<PostingFinance>& finance,
                                   const std::map<std::string, const Posting*>& postings, const SellerCosts& costs,
                                   int utc_offset_minutes);

struct ProfitGroup {
  std::string key;  // offer_id, or the day as "YYYY-MM-DD"
  std::int64_t postings = 0;
  Kopecks payout = 0;
  Kopecks costs = 0;  // goods + packaging
  Kopecks margin = 0;
};
// Per product: a posting's payout and costs shared among its products by
// their sale value (price x quantity), the remainder kopecks to the first.
// A posting the console does not hold counts under the key "". Groups that
// lose money first: margin ascending, then key.
std::vector<ProfitGroup> profit_by_product(const std::vector<ProfitRow>& rows,
                                           const std::map<std::string, const Posting*>& postings);
// Per day (ProfitRow::day_key), oldest first.
std::vector<ProfitGroup> profit_by_day(const std::vector<ProfitRow>& rows);

// `total` split in proportion to `weights`, each share rounded toward zero
// and the remainder to the first: the shares sum exactly to total. Negative
// weights count as zero; when every weight is zero the first takes it all.
std::vector<Kopecks> proportional_shares(Kopecks total, const std::vector<std::int64_t>& weights);

}  // namespace core
