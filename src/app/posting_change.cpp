#include "app/posting_change.h"

namespace app {

// The stored names: never rename one (records written by earlier builds use them).
std::string_view to_string(PostingChange change) {
  switch (change) {
    case PostingChange::ship: return "ship";
    case PostingChange::cancel: return "cancel";
    case PostingChange::cancel_items: return "cancel_items";
    case PostingChange::set_tracking: return "set_tracking";
    case PostingChange::delivering: return "delivering";
    case PostingChange::last_mile: return "last_mile";
    case PostingChange::delivered: return "delivered";
    case PostingChange::set_cutoff: return "set_cutoff";
  }
  return "ship";
}

std::optional<PostingChange> posting_change_from(std::string_view name) {
  for (auto change : {PostingChange::ship, PostingChange::cancel, PostingChange::cancel_items, PostingChange::set_tracking,
                      PostingChange::delivering, PostingChange::last_mile, PostingChange::delivered,
                      PostingChange::set_cutoff})
    if (to_string(change) == name) return change;
  return std::nullopt;
}

}  // namespace app
