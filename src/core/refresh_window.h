#pragma once
// What an incremental refresh of one store's postings asks Ozon, and how its
// answers are folded into the list the store had. Plain data and pure
// functions; the app builds the Ozon requests (ozon::PostingListQuery on the
// posting list) from a RefreshWindow.
//
// Ozon's posting list filters `since`/`to` on when a posting started
// processing (in_process_at) and requires both; `statuses` narrows by status.
// An incremental refresh is therefore two paged queries:
//   1. created: since = the last successful refresh - overlap_ms, to = now +
//      ahead_ms, any status: the postings that arrived since (the overlap
//      catches postings Ozon indexed late, with an in_process_at slightly
//      before the last refresh).
//   2. open:    since = now - lookback_ms, to = now + ahead_ms, statuses =
//      kRefreshOpenStatuses: every posting the seller still has to pack or
//      hand over, re-read each time.
// A full refresh is one query: since = now - lookback_ms, to = now + ahead_ms,
// any status (what the orders screen loads today). It is used when there was
// no successful refresh, or the last one is older than full_after_ms (then
// the list may have missed changes a re-read of the open statuses cannot
// show, e.g. postings that went from open to delivered and back to dispute).
//
// Why these open statuses: they are exactly the statuses of the stages that
// carry a deadline risk (deadline.h: awaiting_packaging and awaiting_shipment):
//   awaiting_registration, awaiting_approve, awaiting_verification
//     (before packing: next work, deadline already running),
//   awaiting_packaging (to pack), awaiting_deliver (packed, to hand over).
// Their shipment_date, requirements, available_actions and cancellation can
// change without a new posting appearing, and the alerts and the risk sweep
// must see them fresh. They are bounded by the seller's open work (not by 30
// days of history), so re-reading them costs a few pages. Statuses after
// hand-over (delivering, delivered, ...) change nothing the seller must act on
// within minutes; the periodic full refresh brings them up to date.
//
// A posting that was open and is in neither answer has left the open statuses
// (handed over, cancelled): merge_refresh lists it as `unaccounted`; the app
// re-reads those by number (posting get) to learn their new status and
// cancellation, and upserts them. Until then they keep their old data.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/posting.h"
#include "core/posting_status.h"

namespace core {

inline constexpr PostingStatus kRefreshOpenStatuses[] = {
    PostingStatus::awaiting_registration, PostingStatus::awaiting_approve,
    PostingStatus::awaiting_verification, PostingStatus::awaiting_packaging,
    PostingStatus::awaiting_deliver,
};

// One of kRefreshOpenStatuses.
bool is_refresh_open_status(PostingStatus status);
// Their Ozon names ("awaiting_registration", ...) for the request's statuses filter.
std::vector<std::string> refresh_open_status_names();

struct RefreshWindowConfig {
  std::int64_t overlap_ms = 10 * 60'000;          // created.since = last success - this
  std::int64_t lookback_ms = 30LL * 24 * 3'600'000;  // full window and the open query reach back this far
  std::int64_t ahead_ms = 2LL * 24 * 3'600'000;   // `to` = now + this (a browser clock running behind Ozon's)
  std::int64_t full_after_ms = 6LL * 3'600'000;    // a last success older than this -> full refresh
};

struct RefreshWindow {
  bool full = true;
  // Query 1: any status, in_process_at in [since, to]. For a full refresh
  // since = lookback_from and this is the only query.
  EpochMs since = 0;
  EpochMs to = 0;
  // Query 2 (incremental only): statuses = kRefreshOpenStatuses,
  // in_process_at in [lookback_from, to].
  EpochMs lookback_from = 0;
};

// A last success in the future (clock changed) counts as now.
RefreshWindow refresh_window(std::optional<EpochMs> last_success, EpochMs now,
                             const RefreshWindowConfig& config = {});

// What one refresh changes in a store's list, applied in place (the list of
// 100,000 postings is never copied: #17).
struct RefreshMerge {
  bool full = false;                      // the list becomes `fetched`
  std::vector<Posting> fetched;           // each number once (its later copy), in order of first answer
  std::vector<std::string> dropped;       // previous postings the list no longer holds (incremental)
  std::vector<std::string> unaccounted;   // open before, in no answer: re-read by number
};

// Folds the answers of one refresh (`fetched`: all queries' postings, in any
// order; a posting in several answers counts once, the later copy wins) into
// the store's previous list.
//   full:        the list becomes fetched (deduplicated, in fetched order);
//                dropped and unaccounted are empty.
//   incremental: each previous posting is replaced in place by its fetched
//                copy, then the fetched postings that are new are added, in
//                fetched order; a previous posting that is not open, not
//                fetched and started processing before lookback_from
//                (in_process_at != 0) is dropped, as a full refresh would
//                drop it. unaccounted = the previous postings with an open
//                status that were not fetched, in previous order (they stay).
RefreshMerge merge_refresh(const std::vector<const Posting*>& previous, std::vector<Posting> fetched,
                           const RefreshWindow& window);
RefreshMerge merge_refresh(const std::vector<Posting>& previous, std::vector<Posting> fetched,
                           const RefreshWindow& window);
// The list a merge leaves (what the orders list holds once it is applied),
// as views into `previous` and `merge.fetched`, and as a copy (for tests).
std::vector<const Posting*> merged_view(const std::vector<const Posting*>& previous, const RefreshMerge& merge);
std::vector<Posting> merged_list(const std::vector<Posting>& previous, const RefreshMerge& merge);

}  // namespace core
