#include "core/refresh_window.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

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

RefreshMerge merge_refresh(const std::vector<Posting>& previous, std::vector<Posting> fetched,
                           const RefreshWindow& window) {
  // For each fetched posting, the index of the last copy of its number. The
  // map's keys view `fetched`, so nothing is moved until the plan is made.
  std::vector<std::size_t> last_copy(fetched.size());
  {
    std::unordered_map<std::string_view, std::size_t> latest;
    latest.reserve(fetched.size());
    for (std::size_t i = 0; i < fetched.size(); ++i) latest[fetched[i].posting_number] = i;
    for (std::size_t i = 0; i < fetched.size(); ++i) last_copy[i] = latest.at(fetched[i].posting_number);
  }
  // The plan: one entry per output posting, a previous one (kept as it was)
  // or a fetched one (its last copy).
  struct Source {
    bool fetched;
    std::size_t index;
  };
  std::vector<Source> plan;
  std::vector<bool> placed(fetched.size(), false);
  RefreshMerge out;
  if (!window.full) {
    std::unordered_map<std::string_view, std::size_t> fetched_index;
    fetched_index.reserve(fetched.size());
    for (std::size_t i = 0; i < fetched.size(); ++i) fetched_index.emplace(fetched[i].posting_number, last_copy[i]);
    plan.reserve(previous.size() + fetched.size());
    for (std::size_t i = 0; i < previous.size(); ++i) {
      const Posting& old = previous[i];
      const auto hit = fetched_index.find(old.posting_number);
      if (hit != fetched_index.end()) {
        if (!placed[hit->second]) plan.push_back({true, hit->second});
        placed[hit->second] = true;
        continue;
      }
      const bool open = is_refresh_open_status(old.status);
      if (open) out.unaccounted.push_back(old.posting_number);
      if (open || old.in_process_at == 0 || old.in_process_at >= window.lookback_from) plan.push_back({false, i});
    }
  }
  for (std::size_t i = 0; i < fetched.size(); ++i) {
    if (placed[last_copy[i]]) continue;
    placed[last_copy[i]] = true;
    plan.push_back({true, last_copy[i]});
  }
  out.postings.reserve(plan.size());
  for (const Source& source : plan) {
    if (source.fetched)
      out.postings.push_back(std::move(fetched[source.index]));
    else
      out.postings.push_back(previous[source.index]);
  }
  return out;
}

}  // namespace core
