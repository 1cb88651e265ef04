#pragma once
// What changed in one store's postings between two refreshes, and the marks
// the orders list shows on changed rows until the seller has seen them.
// Postings are identified by posting_number; within one list a later
// duplicate replaces an earlier one (as in OrderListModel).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/posting.h"
#include "core/posting_status.h"

namespace core {

// Whether Ozon names the buyer as the one who cancelled. The v3/v4 posting
// list and get send `cancellation.cancellation_initiator` as Russian text;
// the 2025 spec (components.schemas.v3Cancellation) lists "Продавец",
// "Клиент" or "покупатель", "Ozon", "Система", "Служба доставки". The demo
// store sends "Покупатель" / "Продавец". The conditional-cancellation
// methods use the codes OZON, SELLER, CLIENT, SYSTEM, DELIVERY, and
// `cancellation_type` uses seller, client/customer, ozon, system, delivery.
// True, ignoring case and surrounding spaces, for "клиент", "покупатель",
// "client", "customer" and "buyer"; false for anything else (empty included).
bool is_buyer_initiator(std::string_view initiator);
bool cancelled_by_buyer(const Posting& posting);  // cancelled stage and a buyer initiator

// Postings that are cancelled for the seller: stage_of(status) == Stage::cancelled
// (cancelled, cancelled_from_split_pending).
bool is_cancelled_status(PostingStatus status);

struct PostingDelta {
  std::string posting_number;
  PostingStatus from = PostingStatus::unknown;  // old status (unknown for added)
  PostingStatus to = PostingStatus::unknown;    // new status (unknown for gone)
  bool by_buyer = false;                        // cancelled: is_buyer_initiator of the fresh copy
};

struct PostingDiff {
  std::vector<PostingDelta> added;           // in fresh only (whatever its status), fresh order
  std::vector<PostingDelta> status_changed;  // in both, status differs, not a cancellation
  std::vector<PostingDelta> cancelled;       // in both, became cancelled from a non-cancelled status
  std::vector<PostingDelta> gone;            // in old only, old order

  bool empty() const { return added.empty() && status_changed.empty() && cancelled.empty() && gone.empty(); }
};

// Compares two snapshots of one store's postings. A status "differs" when the
// enum differs, or both are unknown with a different status_raw. A posting
// cancelled in both lists, or moving between the two cancelled statuses, is
// a status change, not a new cancellation. Other fields (deadline, products)
// are not compared: the list redraws them anyway. O(old + fresh).
// Note for the caller: a first load diffed against an empty list reports
// every posting as added; diff only when there was a list before (or its
// cached copy).
PostingDiff diff_postings(const std::vector<Posting>& old, const std::vector<Posting>& fresh);
// The same over postings held elsewhere (a store's part of the orders list):
// nothing is copied.
using PostingView = std::vector<const Posting*>;
PostingDiff diff_postings(const PostingView& old, const PostingView& fresh);
PostingView view_of(const std::vector<Posting>& postings);

// The mark a row carries until the seller has seen it.
enum class ChangeKind : std::uint8_t { none, new_posting, status_changed, cancelled };
std::string_view change_kind_name(ChangeKind kind);  // "none", "new", "status_changed", "cancelled"

class ChangeMarks {
 public:
  // Merges a diff. Precedence: new_posting > cancelled > status_changed; an
  // unseen mark is never downgraded (new, then changed, stays new; changed,
  // then cancelled, becomes cancelled). A gone posting loses its mark.
  void apply(const PostingDiff& diff);

  ChangeKind mark(std::string_view posting_number) const;  // none if unmarked
  bool mark_seen(std::string_view posting_number);           // false if it had no mark
  void mark_all_seen();
  // Drops the marks of postings that are not in `present` (the store's list).
  void prune(const std::vector<Posting>& present);

  std::size_t count() const { return marks_.size(); }
  std::size_t count(ChangeKind kind) const;  // O(marks)
  bool empty() const { return marks_.empty(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  void raise(const std::string& posting_number, ChangeKind kind);

  std::unordered_map<std::string, ChangeKind, Hash, std::equal_to<>> marks_;
};

}  // namespace core
