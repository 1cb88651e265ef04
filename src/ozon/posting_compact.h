#pragma once
// The compact form of the offline copy of the orders list, read at every
// start: each posting an array of its fields in a fixed order, every text a
// number into one table of the record's distinct texts (warehouses, methods,
// statuses and product names repeat from posting to posting). It is JSON, so
// it survives the text round trip of a portal's storage, and simdjson reads
// it; about a fifth of the bytes of Ozon's shape (posting_json.h), which is
// what IndexedDB's read time follows.
//
//   {"compact_postings":1,"texts":["",...],"postings":[[f0,f1,...],...]}
//
// Field order: see posting_compact.cpp (kFieldCount fields; a later version
// may append fields, which this one skips). Copies in Ozon's shape, written
// by earlier builds, still read: read_offline_postings takes either.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/posting.h"
#include "ozon/result.h"

namespace ozon {

// One record of these postings.
std::string postings_to_compact_record(std::span<const core::Posting* const> postings);
// `per_chunk` postings a record (none for no postings).
std::vector<std::string> postings_to_compact_chunks(const std::vector<core::Posting>& postings,
                                                    std::size_t per_chunk);

// A compact record back; damaged ones are refused with a message.
Result<std::vector<core::Posting>> read_compact_postings(std::string_view body);

// Either form of a kept record: compact, or Ozon's shape (parse_posting_list).
Result<std::vector<core::Posting>> read_offline_postings(std::string_view body);

}  // namespace ozon
