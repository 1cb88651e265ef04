#include "core/fulfilment_stats.h"

#include <algorithm>
#include <map>

#include "core/calendar_day.h"

namespace core {
namespace {

void count(OnTimeGroup& group, bool on_time) {
  ++group.shipped;
  if (on_time) {
    ++group.on_time;
  } else {
    ++group.late;
  }
}

// Worst rate first; at the same rate the group with more late postings drags harder.
bool worst_first(const OnTimeGroup& a, const OnTimeGroup& b) {
  // Rates compared exactly as fractions (a.on_time / a.shipped < b.on_time / b.shipped);
  // counts of postings are far below 2^31, so the products fit.
  const std::int64_t left = a.on_time * b.shipped;
  const std::int64_t right = b.on_time * a.shipped;
  if (left != right) return left < right;
  if (a.late != b.late) return a.late > b.late;
  return a.key < b.key;
}

std::vector<OnTimeGroup> sorted_worst_first(std::map<std::int64_t, OnTimeGroup>& groups) {
  std::vector<OnTimeGroup> out;
  out.reserve(groups.size());
  for (auto& [id, group] : groups) out.push_back(std::move(group));
  std::sort(out.begin(), out.end(), worst_first);
  return out;
}

std::vector<CancellationGroup> sorted_most_first(std::map<std::string, CancellationGroup>& groups) {
  std::vector<CancellationGroup> out;
  out.reserve(groups.size());
  for (auto& [key, group] : groups) out.push_back(std::move(group));
  std::sort(out.begin(), out.end(), [](const CancellationGroup& a, const CancellationGroup& b) {
    if (a.count != b.count) return a.count > b.count;
    return a.key < b.key;
  });
  return out;
}

}  // namespace

OnTimeStats on_time_stats(const std::vector<Posting>& postings, int utc_offset_minutes) {
  OnTimeStats stats;
  std::map<std::int64_t, OnTimeGroup> days, warehouses, methods;
  for (const Posting& p : postings) {
    if (p.status == PostingStatus::cancelled || p.status == PostingStatus::cancelled_from_split_pending) continue;
    // Not handed over yet, or no deadline to be late against: nothing to count.
    if (p.shipment_date == 0 || p.delivering_date == 0) continue;
    const bool on_time = p.delivering_date <= p.shipment_date;
    count(stats.total, on_time);

    const std::int64_t day = local_day(p.shipment_date, utc_offset_minutes);
    OnTimeGroup& d = days[day];
    if (d.shipped == 0) d.key = format_day(day);
    count(d, on_time);

    OnTimeGroup& w = warehouses[p.delivery_method.warehouse_id];
    if (w.shipped == 0) {
      w.id = p.delivery_method.warehouse_id;
      w.key = p.delivery_method.warehouse.empty() ? std::to_string(w.id) : p.delivery_method.warehouse.str();
    }
    count(w, on_time);

    OnTimeGroup& m = methods[p.delivery_method.id];
    if (m.shipped == 0) {
      m.id = p.delivery_method.id;
      m.key = p.delivery_method.name.empty() ? std::to_string(m.id) : p.delivery_method.name.str();
    }
    count(m, on_time);
  }
  stats.by_day.reserve(days.size());
  for (auto& [day, group] : days) stats.by_day.push_back(std::move(group));  // the map keeps them oldest first
  stats.by_warehouse = sorted_worst_first(warehouses);
  stats.by_method = sorted_worst_first(methods);
  return stats;
}

CancellationStats cancellation_stats(const std::vector<Posting>& postings) {
  CancellationStats stats;
  std::map<std::string, CancellationGroup> reasons, initiators;
  const auto add = [](std::map<std::string, CancellationGroup>& groups, const std::string& key, bool affects) {
    const std::string name = key.empty() ? std::string("unknown") : key;
    CancellationGroup& g = groups[name];
    g.key = name;
    ++g.count;
    if (affects) ++g.affect_rating;
  };
  for (const Posting& p : postings) {
    ++stats.total;
    if (p.status != PostingStatus::cancelled) continue;
    ++stats.cancelled;
    add(reasons, p.cancellation->reason, p.cancellation->affect_cancellation_rating);
    add(initiators, p.cancellation->initiator, p.cancellation->affect_cancellation_rating);
  }
  stats.by_reason = sorted_most_first(reasons);
  stats.by_initiator = sorted_most_first(initiators);
  return stats;
}

}  // namespace core
