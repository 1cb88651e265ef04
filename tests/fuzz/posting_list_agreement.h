#pragma once
// The posting list's fast reader (simdjson) held to the DOM reader's results
// on the same body, for the unit tests and the fuzzer: both accept or both
// refuse, and what they accept reads the same. The one difference allowed:
// the fast reader refuses a reply nested too deeply.
#include <string>
#include <string_view>

#include "ozon/posting_json.h"
#include "ozon/posting_list_reader.h"

namespace fuzz {

// Empty when the readers agree on `body`, else what differs.
inline std::string posting_list_disagreement(std::string_view body) {
  const auto dom = ozon::detail::read_posting_list_dom(body);
  const auto fast = ozon::detail::read_posting_list_fast(body);
  if (!fast && fast.error().message.rfind(ozon::detail::kPostingListTooDeep, 0) == 0) return {};
  if (dom.ok() != fast.ok())
    return dom.ok() ? "the DOM reader accepts, the fast one refuses: " + fast.error().message
                    : "the fast reader accepts, the DOM one refuses: " + dom.error().message;
  if (!dom.ok()) return {};
  const std::string dom_items = ozon::postings_to_list_json(dom->items);
  const std::string fast_items = ozon::postings_to_list_json(fast->items);
  if (dom_items != fast_items) return "postings differ:\n  DOM:  " + dom_items + "\n  fast: " + fast_items;
  if (dom->cursor != fast->cursor) return "cursor differs: " + dom->cursor + " vs " + fast->cursor;
  if (dom->has_next != fast->has_next) return "has_next differs";
  return {};
}

}  // namespace fuzz
