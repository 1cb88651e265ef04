#pragma once
// The posting list's two readers. parse_posting_list (ozon/parsers.h) uses
// the fast one and falls back to the DOM one only to word an error or for
// the rare reply the fast one refuses; both are here for the tests and the
// fuzzer, which hold them to the same results.
#include <string_view>

#include "core/posting.h"
#include "ozon/json_read.h"
#include "ozon/parsers.h"

namespace ozon::detail {

// simdjson On Demand straight into domain types, no DOM. Refuses replies
// nested deeper than every other reply may be (Ozon's nest about 6).
inline constexpr int kMaxPostingListDepth = json_read::kMaxReplyDepth;
inline constexpr std::string_view kPostingListTooDeep = "reply nested too deeply";  // the error's first words
Result<Page<core::Posting>> read_posting_list_fast(std::string_view body);

// nlohmann/json's DOM, then the lenient readers of core/json_read.
Result<Page<core::Posting>> read_posting_list_dom(std::string_view body);

}  // namespace ozon::detail
