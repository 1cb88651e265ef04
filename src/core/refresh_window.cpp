#include "core/refresh_window.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/order_changes.h"  // view_of

namespace core {

bool is_refresh_open_status(PostingStatus status) {
  return std::find(std::begin(kRefreshOpenStatuses), std::end(kRefreshOpenStatuses), status) !=
         std::end(kRefreshOpenStatuses);
}

std::vector<std::string> refresh_open_status_names() {
  std::vector<std::string> names;
  for (PostingStatus status : kRefreshOpenStatuses) names.emplace_back(to_string(status));
  return names;
}

RefreshWindow refresh_window(std::optional<EpochMs> last_success, EpochMs now, const RefreshWindowConfig& config) {
  RefreshWindow window;
  window.to = now + config.ahead_ms;
  window.lookback_from = now - config.lookback_ms;
  const EpochMs last = last_success ? std::min(*last_success, now) : 0;
  window.full = !last_success || now - last > config.full_after_ms;
  window.since = window.full ? window.lookback_from : std::max(window.lookback_from, last - config.overlap_ms);
  return window;
}

RefreshMerge merge_refresh(const std::vector<const Posting*>& previous, std::vector<Posting> fetched,
                           const RefreshWindow& window) {
  RefreshMerge out;
  out.full = window.full;
  // Each number once: its last copy, at the place of its first.
  {
    std::unordered_map<std::string_view, std::size_t> last_copy;
    last_copy.reserve(fetched.size());
    for (std::size_t i = 0; i < fetched.size(); ++i) last_copy[fetched[i].posting_number] = i;
    std::vector<bool> placed(fetched.size(), false);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < fetched.size(); ++i) {
      const std::size_t last = last_copy.at(fetched[i].posting_number);
      if (!placed[last]) order.push_back(last);
      placed[last] = true;
    }
    out.fetched.reserve(order.size());
    for (const std::size_t i : order) out.fetched.push_back(std::move(fetched[i]));
  }
  if (out.full) return out;
  std::unordered_set<std::string_view> answered;
  answered.reserve(out.fetched.size());
  for (const Posting& p : out.fetched) answered.insert(p.posting_number);
  for (const Posting* old : previous) {
    if (answered.count(old->posting_number) != 0) continue;
    const bool open = is_refresh_open_status(old->status);
    if (open) out.unaccounted.push_back(old->posting_number);
    if (!open && old->in_process_at != 0 && old->in_process_at < window.lookback_from)
      out.dropped.push_back(old->posting_number);
  }
  return out;
}

RefreshMerge merge_refresh(const std::vector<Posting>& previous, std::vector<Posting> fetched,
                           const RefreshWindow& window) {
  return merge_refresh(view_of(previous), std::move(fetched), window);
}

std::vector<const Posting*> merged_view(const std::vector<const Posting*>& previous, const RefreshMerge& merge) {
  std::vector<const Posting*> out;
  if (merge.full) {
    for (const Posting& p : merge.fetched) out.push_back(&p);
    return out;
  }
  std::unordered_map<std::string_view, std::size_t> fetched_at;
  for (std::size_t i = 0; i < merge.fetched.size(); ++i) fetched_at.emplace(merge.fetched[i].posting_number, i);
  const std::unordered_set<std::string_view> dropped(merge.dropped.begin(), merge.dropped.end());
  std::vector<bool> placed(merge.fetched.size(), false);
  out.reserve(previous.size() + merge.fetched.size());
  for (const Posting* old : previous) {
    if (const auto hit = fetched_at.find(old->posting_number); hit != fetched_at.end()) {
      if (!placed[hit->second]) out.push_back(&merge.fetched[hit->second]);
      placed[hit->second] = true;
    } else if (dropped.count(old->posting_number) == 0) {
      out.push_back(old);
    }
  }
  for (std::size_t i = 0; i < merge.fetched.size(); ++i)
    if (!placed[i]) out.push_back(&merge.fetched[i]);
  return out;
}

std::vector<Posting> merged_list(const std::vector<Posting>& previous, const RefreshMerge& merge) {
  std::vector<Posting> out;
  for (const Posting* p : merged_view(view_of(previous), merge)) out.push_back(*p);
  return out;
}

}  // namespace core
