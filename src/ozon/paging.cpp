#include "ozon/paging.h"

namespace ozon {

CursorPaging::Step CursorPaging::after_page(const std::string& cursor, bool has_next) {
  ++pages_;
  // has_next with no cursor cannot be followed: treat as the end.
  if (!has_next || cursor.empty()) return Step::done;
  if (!seen_.insert(cursor).second) {
    error_.kind = ErrorKind::paging;
    error_.message = std::string("the server repeated a page cursor; stopped after ").append(std::to_string(pages_)).append(" pages");
    return Step::failed;
  }
  if (pages_ >= max_pages_) {
    error_.kind = ErrorKind::paging;
    error_.message = std::string("more than ").append(std::to_string(max_pages_)).append(" pages; stopped");
    return Step::failed;
  }
  next_cursor_ = cursor;
  return Step::fetch_next;
}

}  // namespace ozon
