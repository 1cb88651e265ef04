#include "core/order_changes.h"

#include <unordered_set>

#include "core/deadline.h"
#include "core/text_search.h"

namespace core {
namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool same_status(const Posting& a, const Posting& b) {
  return a.status == b.status && (a.status != PostingStatus::unknown || a.status_raw == b.status_raw);
}

// Precedence of marks: a higher one is never replaced by a lower one.
int rank(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::new_posting: return 3;
    case ChangeKind::cancelled: return 2;
    case ChangeKind::status_changed: return 1;
    case ChangeKind::none: break;
  }
  return 0;
}

using NumberIndex = std::unordered_map<std::string_view, const Posting*>;

NumberIndex index_by_number(const PostingView& postings) {
  NumberIndex index;
  index.reserve(postings.size());
  for (const Posting* p : postings) index[p->posting_number] = p;  // a later duplicate wins
  return index;
}

}  // namespace

bool is_buyer_initiator(std::string_view initiator) {
  const std::string folded = fold(trimmed(initiator));
  return folded == "клиент" || folded == "покупатель" || folded == "client" || folded == "customer" ||
         folded == "buyer";
}

bool is_cancelled_status(PostingStatus status) { return stage_of(status) == Stage::cancelled; }

bool cancelled_by_buyer(const Posting& posting) {
  return is_cancelled_status(posting.status) && is_buyer_initiator(posting.cancellation->initiator);
}

PostingView view_of(const std::vector<Posting>& postings) {
  PostingView view;
  view.reserve(postings.size());
  for (const Posting& p : postings) view.push_back(&p);
  return view;
}

PostingDiff diff_postings(const std::vector<Posting>& old, const std::vector<Posting>& fresh) {
  return diff_postings(view_of(old), view_of(fresh));
}

PostingDiff diff_postings(const PostingView& old, const PostingView& fresh) {
  const NumberIndex old_index = index_by_number(old);
  const NumberIndex fresh_index = index_by_number(fresh);
  PostingDiff diff;
  std::unordered_set<std::string_view> reported;  // duplicates in a list are reported once
  for (const Posting* p : fresh) {
    const Posting& current = *fresh_index.at(p->posting_number);
    if (!reported.insert(current.posting_number).second) continue;
    const auto before = old_index.find(current.posting_number);
    if (before == old_index.end()) {
      diff.added.push_back({current.posting_number, PostingStatus::unknown, current.status, false});
      continue;
    }
    const Posting& previous = *before->second;
    if (same_status(previous, current)) continue;
    if (is_cancelled_status(current.status) && !is_cancelled_status(previous.status))
      diff.cancelled.push_back(
          {current.posting_number, previous.status, current.status, is_buyer_initiator(current.cancellation->initiator)});
    else
      diff.status_changed.push_back({current.posting_number, previous.status, current.status, false});
  }
  reported.clear();
  for (const Posting* p : old) {
    if (fresh_index.count(p->posting_number) != 0 || !reported.insert(p->posting_number).second) continue;
    diff.gone.push_back({p->posting_number, old_index.at(p->posting_number)->status, PostingStatus::unknown, false});
  }
  return diff;
}

std::string_view change_kind_name(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::new_posting: return "new";
    case ChangeKind::status_changed: return "status_changed";
    case ChangeKind::cancelled: return "cancelled";
    case ChangeKind::none: break;
  }
  return "none";
}

void ChangeMarks::raise(const std::string& posting_number, ChangeKind kind) {
  auto [it, inserted] = marks_.try_emplace(posting_number, kind);
  if (!inserted && rank(kind) > rank(it->second)) it->second = kind;
}

void ChangeMarks::apply(const PostingDiff& diff) {
  for (const PostingDelta& d : diff.added) raise(d.posting_number, ChangeKind::new_posting);
  for (const PostingDelta& d : diff.status_changed) raise(d.posting_number, ChangeKind::status_changed);
  for (const PostingDelta& d : diff.cancelled) raise(d.posting_number, ChangeKind::cancelled);
  for (const PostingDelta& d : diff.gone) {
    const auto it = marks_.find(std::string_view(d.posting_number));
    if (it != marks_.end()) marks_.erase(it);
  }
}

ChangeKind ChangeMarks::mark(std::string_view posting_number) const {
  const auto it = marks_.find(posting_number);
  return it == marks_.end() ? ChangeKind::none : it->second;
}

bool ChangeMarks::mark_seen(std::string_view posting_number) {
  const auto it = marks_.find(posting_number);
  if (it == marks_.end()) return false;
  marks_.erase(it);
  return true;
}

void ChangeMarks::mark_all_seen() { marks_.clear(); }

void ChangeMarks::prune(const std::vector<Posting>& present) {
  if (marks_.empty()) return;
  std::unordered_set<std::string_view> numbers;
  numbers.reserve(present.size());
  for (const Posting& p : present) numbers.insert(p.posting_number);
  std::erase_if(marks_, [&numbers](const auto& entry) { return numbers.count(entry.first) == 0; });
}

std::size_t ChangeMarks::count(ChangeKind kind) const {
  std::size_t n = 0;
  for (const auto& entry : marks_) n += entry.second == kind ? 1 : 0;
  return n;
}

}  // namespace core
