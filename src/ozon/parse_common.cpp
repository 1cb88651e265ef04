#include "ozon/parse_common.h"

namespace ozon::detail {

Result<Json> parse_object(std::string_view body) {
  if (!core::json_read::nesting_within(body, kMaxReplyDepth)) return malformed("reply nested too deeply", body);
  Json json = Json::parse(body.begin(), body.end(), nullptr, false);
  if (json.is_discarded()) return malformed(body.empty() ? "empty reply" : "reply is not JSON", body);
  if (!json.is_object()) return malformed("reply is not a JSON object", body);
  return json;
}

const Json& result_object(const Json& root) {
  const Json* result = find_object(root, "result");
  return result != nullptr ? *result : root;
}

const Json* find_list(const Json& root, std::initializer_list<std::string_view> keys) {
  for (auto key : keys)
    if (const Json* list = find_array(root, key)) return list;
  if (const Json* result = find_object(root, "result"))
    for (auto key : keys)
      if (const Json* list = find_array(*result, key)) return list;
  return nullptr;
}

void read_paging(const Json& root, std::string& cursor, bool& has_next) {
  const Json& inner = result_object(root);
  cursor = read_string(root, "cursor");
  if (cursor.empty()) cursor = read_string(inner, "cursor");
  const Json* flag = find(root, "has_next");
  if (flag == nullptr) flag = find(inner, "has_next");
  has_next = flag != nullptr && as_bool(*flag).value_or(false);
}

}  // namespace ozon::detail
