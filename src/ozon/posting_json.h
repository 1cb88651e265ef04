#pragma once
// Postings back to the Seller API's JSON shape, so a list kept on this
// device (the offline cache) is read by the same parser as Ozon's replies.
#include <string>
#include <vector>

#include "core/posting.h"

namespace ozon {

// {"result":{"postings":[...]}} as /v3/posting/fbs/list answers; parse_posting_list reads it.
std::string postings_to_list_json(const std::vector<core::Posting>& postings);
// The same, `per_chunk` postings a text (none for no postings): a long list
// kept in several records is read back a record per task.
std::vector<std::string> postings_to_list_json_chunks(const std::vector<core::Posting>& postings,
                                                      std::size_t per_chunk);

}  // namespace ozon
