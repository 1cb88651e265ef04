#pragma once
// Shared by the parser files only (not part of the public API).
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/interned_json.h"
#include "ozon/json_read.h"
#include "ozon/result.h"

namespace ozon::detail {

using Json = nlohmann::json;
using namespace json_read;

// The body as a JSON object, or malformed_reply with an excerpt.
Result<Json> parse_object(std::string_view body);

// The first array found under one of `keys`, looking at the root and then
// inside a "result" object (v3 wraps, v4 does not). nullptr when none.
const Json* find_list(const Json& root, std::initializer_list<std::string_view> keys);

// root["result"] when it is an object, else root.
const Json& result_object(const Json& root);

// cursor/has_next from the root or the "result" object.
void read_paging(const Json& root, std::string& cursor, bool& has_next);

}  // namespace ozon::detail
