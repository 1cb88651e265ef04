#pragma once
// Postings back to the Seller API's JSON shape, so a list kept on this
// device (the offline cache) is read by the same parser as Ozon's replies.
#include <string>
#include <vector>

#include "core/posting.h"

namespace ozon {

// {"result":{"postings":[...]}} as /v3/posting/fbs/list answers; parse_posting_list reads it.
std::string postings_to_list_json(const std::vector<core::Posting>& postings);

}  // namespace ozon
