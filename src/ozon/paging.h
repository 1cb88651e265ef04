#pragma once
// Cursor paging that always ends: every page is taken once; it stops on
// has_next=false or an empty cursor, fails on a cursor seen before (a server
// loop) and after max_pages.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ozon/parsers.h"
#include "ozon/result.h"

namespace ozon {

inline constexpr int kDefaultMaxPages = 500;

class CursorPaging {
 public:
  enum class Step { fetch_next, done, failed };

  explicit CursorPaging(int max_pages = kDefaultMaxPages) : max_pages_(max_pages) {}

  // Report one received page; says whether to fetch next_cursor() next.
  Step after_page(const std::string& cursor, bool has_next);

  const std::string& next_cursor() const { return next_cursor_; }
  const ApiError& error() const { return error_; }
  int pages() const { return pages_; }

 private:
  int max_pages_;
  int pages_ = 0;
  std::string next_cursor_;
  std::set<std::string> seen_;
  ApiError error_;
};

// Collects the items of every page.
template <typename T>
class PageGatherer {
 public:
  explicit PageGatherer(int max_pages = kDefaultMaxPages) : paging_(max_pages) {}

  CursorPaging::Step add(Page<T>&& page) {
    const auto step = paging_.after_page(page.cursor, page.has_next);
    if (step != CursorPaging::Step::failed)
      for (auto& item : page.items) items_.push_back(std::move(item));
    return step;
  }

  const std::string& next_cursor() const { return paging_.next_cursor(); }
  const ApiError& error() const { return paging_.error(); }
  int pages() const { return paging_.pages(); }
  std::vector<T> take() { return std::move(items_); }

 private:
  CursorPaging paging_;
  std::vector<T> items_;
};

}  // namespace ozon
