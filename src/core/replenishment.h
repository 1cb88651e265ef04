#pragma once
// Replenishment: sales over the last days, days of cover at the current free
// stock, and a reorder point from the seller's lead time and safety days.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/posting.h"

namespace core {

inline constexpr int kSalesWindowDays = 30;

// The seller's numbers for one product (kept on the device).
struct ReorderSettings {
  int lead_time_days = 14;  // from ordering to units on the shelf (cross-border: weeks)
  int safety_days = 7;      // extra cover against late arrivals and spikes
  bool operator==(const ReorderSettings&) const = default;
};

// Units sold per SKU in the `days` before `now`: postings whose in_process_at
// falls in [now - days, now], cancelled ones (cancelled, cancelled_from_split_pending,
// not_accepted) excluded. A posting without in_process_at uses shipment_date.
// With `store_id`, only that store's postings count (a list of several stores).
std::map<std::int64_t, std::int64_t> sales_by_sku(const std::vector<Posting>& postings, EpochMs now,
                                                  int days = kSalesWindowDays, std::string_view store_id = {});

struct ReorderLine {
  std::int64_t sku = 0;
  std::string offer_id;
  std::string name;
  std::int64_t sold = 0;         // in the window
  int window_days = kSalesWindowDays;
  double per_day = 0;            // sold / window_days
  std::int64_t free = 0;         // free stock over all warehouses
  double days_of_cover = -1;     // free / per_day; -1 = no sales (cover unbounded)
  ReorderSettings settings;
  std::int64_t reorder_point = 0;  // ceil(per_day * (lead + safety))
  bool to_reorder = false;         // sold something and free <= reorder_point
  // Units to order: enough for lead + safety + one more window of sales,
  // minus the free stock (ceil, >= 0); 0 when not to_reorder.
  std::int64_t suggested = 0;
};

// The arithmetic for one product (offer_id and name are copied through).
ReorderLine reorder_line(std::int64_t sku, std::string offer_id, std::string name, std::int64_t sold, std::int64_t free,
                         const ReorderSettings& settings, int window_days = kSalesWindowDays);

// "offer_id,sku,name,sold_30d,per_day,free,days_of_cover,lead_time_days,safety_days,reorder_point,suggested"
// then one line per entry (RFC 4180 quoting; numbers with '.' decimals, cover "" when unbounded).
std::string reorder_csv(const std::vector<ReorderLine>& lines);
// Tab-separated, same columns: pastes into a spreadsheet.
std::string reorder_tsv(const std::vector<ReorderLine>& lines);

}  // namespace core
