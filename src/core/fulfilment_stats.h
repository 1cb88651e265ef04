#pragma once
// The console's own figures from the postings it holds: shipped on time by
// day, warehouse and delivery method; cancellations by reason and by who
// cancelled. Shows which warehouse or method drags Ozon's rating down.
#include <cstdint>
#include <string>
#include <vector>

#include "core/posting.h"

namespace core {

struct OnTimeGroup {
  std::string key;    // the day "YYYY-MM-DD", the warehouse or the method name
  std::int64_t id = 0;  // warehouse_id / delivery method id (0 for days)
  std::int64_t shipped = 0;  // handed over (delivering_date set) with a deadline
  std::int64_t on_time = 0;  // of them, handed over by shipment_date
  std::int64_t late = 0;     // shipped - on_time
  // Basis points (10000 = 100%) so the rate is exact and comparable; -1 = nothing shipped.
  std::int64_t rate_bp() const { return shipped == 0 ? -1 : on_time * 10000 / shipped; }
};

struct OnTimeStats {
  OnTimeGroup total;
  std::vector<OnTimeGroup> by_day;        // by the deadline's local day, oldest first
  std::vector<OnTimeGroup> by_warehouse;  // worst rate first
  std::vector<OnTimeGroup> by_method;     // worst rate first
};
OnTimeStats on_time_stats(const std::vector<Posting>& postings, int utc_offset_minutes);

struct CancellationGroup {
  std::string key;  // the reason text, or the initiator ("seller", "buyer", "ozon", ...)
  std::int64_t count = 0;
  std::int64_t affect_rating = 0;  // counted against the seller's rating
};
struct CancellationStats {
  std::int64_t cancelled = 0;
  std::int64_t total = 0;  // postings considered
  std::vector<CancellationGroup> by_reason;     // most first
  std::vector<CancellationGroup> by_initiator;  // most first
};
CancellationStats cancellation_stats(const std::vector<Posting>& postings);

}  // namespace core
