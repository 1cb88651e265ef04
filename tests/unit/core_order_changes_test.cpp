#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/order_changes.h"

namespace {

using S = core::PostingStatus;

core::Posting posting(const char* number, S status, const char* initiator = "") {
  core::Posting p;
  p.posting_number = number;
  p.status = status;
  p.cancellation.edit().initiator = initiator;
  return p;
}

std::vector<std::string> numbers(const std::vector<core::PostingDelta>& deltas) {
  std::vector<std::string> out;
  for (const auto& d : deltas) out.push_back(d.posting_number);
  return out;
}

}  // namespace

TEST_CASE("order changes: the buyer as Ozon names the cancellation's initiator") {
  // v3Cancellation.cancellation_initiator in the 2025 spec, and the demo store.
  CHECK(core::is_buyer_initiator("Покупатель"));
  CHECK(core::is_buyer_initiator("покупатель"));
  CHECK(core::is_buyer_initiator("Клиент"));
  CHECK(core::is_buyer_initiator(" КЛИЕНТ "));
  // The codes of the conditional-cancellation methods and cancellation_type.
  CHECK(core::is_buyer_initiator("CLIENT"));
  CHECK(core::is_buyer_initiator("customer"));
  CHECK(core::is_buyer_initiator("buyer"));
  CHECK_FALSE(core::is_buyer_initiator("Продавец"));
  CHECK_FALSE(core::is_buyer_initiator("SELLER"));
  CHECK_FALSE(core::is_buyer_initiator("Ozon"));
  CHECK_FALSE(core::is_buyer_initiator("Система"));
  CHECK_FALSE(core::is_buyer_initiator("Служба доставки"));
  CHECK_FALSE(core::is_buyer_initiator(""));
  CHECK_FALSE(core::is_buyer_initiator("Покупатель отказался"));

  CHECK(core::cancelled_by_buyer(posting("1", S::cancelled, "Покупатель")));
  CHECK_FALSE(core::cancelled_by_buyer(posting("1", S::awaiting_packaging, "Покупатель")));
  CHECK(core::is_cancelled_status(S::cancelled_from_split_pending));
  CHECK_FALSE(core::is_cancelled_status(S::not_accepted));
}

TEST_CASE("order changes: new, status changed, cancelled by buyer or seller, gone") {
  const std::vector<core::Posting> old = {
      posting("A", S::awaiting_packaging), posting("B", S::awaiting_packaging), posting("C", S::awaiting_deliver),
      posting("D", S::awaiting_packaging), posting("E", S::delivering),         posting("G", S::delivered),
  };
  const std::vector<core::Posting> fresh = {
      posting("N", S::awaiting_packaging),         // new
      posting("A", S::awaiting_packaging),         // unchanged
      posting("B", S::awaiting_deliver),           // packed
      posting("C", S::cancelled, "Покупатель"),    // the buyer cancelled
      posting("D", S::cancelled, "Продавец"),      // the seller cancelled
      posting("E", S::delivered),
      posting("M", S::cancelled, "Клиент"),        // new and already cancelled: only new
  };
  const core::PostingDiff diff = core::diff_postings(old, fresh);
  CHECK(numbers(diff.added) == std::vector<std::string>{"N", "M"});
  CHECK(diff.added[0].to == S::awaiting_packaging);
  CHECK(diff.added[0].from == S::unknown);
  CHECK(numbers(diff.status_changed) == std::vector<std::string>{"B", "E"});
  CHECK(diff.status_changed[0].from == S::awaiting_packaging);
  CHECK(diff.status_changed[0].to == S::awaiting_deliver);
  REQUIRE(numbers(diff.cancelled) == std::vector<std::string>{"C", "D"});
  CHECK(diff.cancelled[0].by_buyer);
  CHECK(diff.cancelled[0].from == S::awaiting_deliver);
  CHECK(diff.cancelled[0].to == S::cancelled);
  CHECK_FALSE(diff.cancelled[1].by_buyer);
  REQUIRE(numbers(diff.gone) == std::vector<std::string>{"G"});
  CHECK(diff.gone[0].from == S::delivered);
  CHECK(diff.gone[0].to == S::unknown);
  CHECK_FALSE(diff.empty());

  CHECK(core::diff_postings(old, old).empty());
  CHECK(numbers(core::diff_postings({}, old).added).size() == old.size());  // a first load: all new
}

TEST_CASE("order changes: cancelled twice is not a new cancellation; unknown statuses compare their text") {
  const std::vector<core::Posting> old = {posting("A", S::cancelled_from_split_pending), posting("U", S::unknown)};
  std::vector<core::Posting> fresh = {posting("A", S::cancelled, "Покупатель"), posting("U", S::unknown)};
  fresh[1].status_raw = "brand_new_status";
  const core::PostingDiff diff = core::diff_postings(old, fresh);
  CHECK(diff.cancelled.empty());
  CHECK(numbers(diff.status_changed) == std::vector<std::string>{"A", "U"});

  // Duplicates: the later copy wins and each number is reported once.
  const std::vector<core::Posting> dup = {posting("X", S::awaiting_packaging), posting("X", S::awaiting_deliver)};
  const core::PostingDiff d2 = core::diff_postings({posting("X", S::awaiting_packaging)}, dup);
  REQUIRE(d2.status_changed.size() == 1);
  CHECK(d2.status_changed[0].to == S::awaiting_deliver);
  CHECK(core::diff_postings(dup, {}).gone.size() == 1);
}

TEST_CASE("change marks: shown until seen, merged by precedence, pruned") {
  core::ChangeMarks marks;
  core::PostingDiff first;
  first.added = {{"N", S::unknown, S::awaiting_packaging, false}};
  first.status_changed = {{"B", S::awaiting_packaging, S::awaiting_deliver, false}};
  marks.apply(first);
  CHECK(marks.mark("N") == core::ChangeKind::new_posting);
  CHECK(marks.mark("B") == core::ChangeKind::status_changed);
  CHECK(marks.mark("Z") == core::ChangeKind::none);
  CHECK(marks.count() == 2);

  // New then changed stays new; changed then cancelled becomes cancelled.
  core::PostingDiff second;
  second.status_changed = {{"N", S::awaiting_packaging, S::awaiting_deliver, false}};
  second.cancelled = {{"B", S::awaiting_deliver, S::cancelled, true}};
  marks.apply(second);
  CHECK(marks.mark("N") == core::ChangeKind::new_posting);
  CHECK(marks.mark("B") == core::ChangeKind::cancelled);
  // Cancelled then changed stays cancelled.
  core::PostingDiff third;
  third.status_changed = {{"B", S::cancelled, S::cancelled_from_split_pending, false}};
  marks.apply(third);
  CHECK(marks.mark("B") == core::ChangeKind::cancelled);
  CHECK(marks.count(core::ChangeKind::cancelled) == 1);
  CHECK(marks.count(core::ChangeKind::new_posting) == 1);

  CHECK(marks.mark_seen("N"));
  CHECK_FALSE(marks.mark_seen("N"));
  CHECK(marks.mark("N") == core::ChangeKind::none);
  // Seen, then changed again: marked again.
  marks.apply(second);
  CHECK(marks.mark("N") == core::ChangeKind::status_changed);

  // Gone postings lose their mark; prune keeps only what is present.
  core::PostingDiff gone;
  gone.gone = {{"N", S::awaiting_deliver, S::unknown, false}};
  marks.apply(gone);
  CHECK(marks.mark("N") == core::ChangeKind::none);
  marks.apply(first);
  marks.prune({posting("N", S::awaiting_packaging)});
  CHECK(marks.count() == 1);
  CHECK(marks.mark("N") == core::ChangeKind::new_posting);
  marks.mark_all_seen();
  CHECK(marks.empty());

  CHECK(core::change_kind_name(core::ChangeKind::new_posting) == "new");
  CHECK(core::change_kind_name(core::ChangeKind::status_changed) == "status_changed");
  CHECK(core::change_kind_name(core::ChangeKind::cancelled) == "cancelled");
  CHECK(core::change_kind_name(core::ChangeKind::none) == "none");
}
