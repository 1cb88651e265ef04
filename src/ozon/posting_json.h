#pragma once
// Postings back to the Seller API's JSON shape: the offline copy's earlier
// form (now ozon/posting_compact.h, which is held to read back the same),
// read by the same parser as Ozon's replies.
//
// This writer keeps only the fields parse_postings.cpp reads, under Ozon's
// names, and leaves out those that read back as their default (empty text,
// 0, false, null, empty lists and objects). It is deliberately not shared
// with the demo marketplace's writer (sandbox/api_postings.cpp): that one is
// the independent reference the parser is tested against, and a writer
// shared by both sides would let a wrong field name pass.
// tests/unit/sandbox_shape_test.cpp checks that every key written here is one
// the reference writes, and that reading and writing again changes nothing.
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
