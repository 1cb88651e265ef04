// Parsers for after-sales replies: chat read marks, rFBS return requests
// (/v2/returns/rfbs/*), review details and review comments.
#include "ozon/parse_common.h"
#include "ozon/parsers.h"

namespace ozon {
using namespace detail;

namespace {

// The list's fields, shared by /list items and the /get object.
void read_return_summary(const Json& j, core::RfbsReturn& r) {
  r.return_id = read_int64(j, "return_id");
  r.return_number = read_string(j, "return_number");
  r.posting_number = read_string(j, "posting_number");
  r.order_number = read_string(j, "order_number");
  r.client_name = read_string(j, "client_name");
  r.created_at = read_time(j, "created_at");
  if (const Json* product = find_object(j, "product")) {
    r.sku = read_int64(*product, "sku");
    r.offer_id = read_string(*product, "offer_id");
    r.product_name = read_string(*product, "name");
    r.price = read_price(*product, "price", "currency_code");
  }
  if (const Json* state = find_object(j, "state")) {
    r.group_state = read_string(*state, "group_state");
    r.state = read_string(*state, "state");
    r.state_name = read_string(*state, "state_name");
    r.money_return_state_name = read_string(*state, "money_return_state_name");
  }
}

void read_return_details(const Json& j, core::RfbsReturn& r) {
  r.detailed = true;
  if (const Json* actions = find_array(j, "available_actions"))
    for (const auto& a : *actions)
      if (a.is_object()) r.available_actions.push_back({read_int64(a, "id"), read_string(a, "name")});
  if (const Json* reasons = find_array(j, "rejection_reason"))
    for (const auto& a : *reasons) {
      if (!a.is_object()) continue;
      core::RfbsRejectionReason reason;
      reason.id = read_int64(a, "id");
      reason.name = read_string(a, "name");
      reason.hint = read_string(a, "hint");
      reason.comment_required = read_bool(a, "is_comment_required");
      if (reason.id > 0) r.rejection_reasons.push_back(std::move(reason));
    }
  if (const Json* reason = find_object(j, "return_reason")) {
    r.return_reason_name = read_string(*reason, "name");
    r.is_defect = read_bool(*reason, "is_defect");
  }
  r.comment = read_string(j, "comment");
  r.return_method_description = read_string(j, "return_method_description");
  if (r.return_method_description.empty())
    if (const Json* method = find_object(j, "client_return_method_type"))
      r.return_method_description = read_string(*method, "name");
  r.rejection_comment = read_string(j, "rejection_comment");
  r.ru_post_tracking_number = read_string(j, "ru_post_tracking_number");
  r.client_photos = read_string_list(j, "client_photo");
  r.warehouse_id = read_int64(j, "warehouse_id");
}

}  // namespace

Result<std::int64_t> parse_chat_read(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* count = find(result_object(root.value()), "unread_count");
  if (count == nullptr) return malformed("chat read reply without unread_count", body);
  const auto value = as_int64(*count);
  if (!value || *value < 0) return malformed("chat read reply: unread_count is not a count", body);
  return *value;
}

Result<Page<core::RfbsReturn>> parse_rfbs_returns(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json& inner = result_object(root.value());
  const Json* returns = find(inner, "returns");
  if (returns == nullptr || !(returns->is_array() || returns->is_object()))
    return malformed("rFBS returns reply without returns", body);
  Page<core::RfbsReturn> page;
  auto add = [&page](const Json& item) {
    if (!item.is_object()) return;
    core::RfbsReturn r;
    read_return_summary(item, r);
    if (r.return_id <= 0) return;  // nothing to act on (the spec's object form of an empty list: {})
    page.cursor = std::to_string(r.return_id);
    page.items.push_back(std::move(r));
  };
  if (returns->is_array())
    for (const auto& entry : *returns) add(entry);
  else
    add(*returns);
  // The spec's reply has no has_next: a page with items may have more.
  const Json* more = find(inner, "has_next");
  page.has_next = more != nullptr ? as_bool(*more).value_or(false) : !page.items.empty();
  return page;
}

Result<core::RfbsReturn> parse_rfbs_return(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json& inner = result_object(root.value());
  const Json* returns = find(inner, "returns");
  if (returns != nullptr && returns->is_array() && returns->size() == 1) returns = &(*returns)[0];
  if (returns == nullptr || !returns->is_object()) return malformed("rFBS return reply without returns", body);
  core::RfbsReturn r;
  read_return_summary(*returns, r);
  read_return_details(*returns, r);
  return r;
}

Result<Page<core::ReviewComment>> parse_review_comments(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* list = find_list(root.value(), {"comments"});
  if (list == nullptr) return malformed("review comments reply without comments", body);
  Page<core::ReviewComment> page;
  for (const auto& j : *list) {
    if (!j.is_object()) continue;
    core::ReviewComment c;
    c.id = read_string(j, "id");
    c.text = read_string(j, "text");
    c.published_at = read_time(j, "published_at");
    c.is_owner = read_bool(j, "is_owner");
    c.is_official = read_bool(j, "is_official");
    c.parent_comment_id = read_string(j, "parent_comment_id");
    page.items.push_back(std::move(c));
  }
  // The reply's offset is where the next page starts; an empty page ends the list.
  const std::int64_t offset = read_int64(result_object(root.value()), "offset", -1);
  if (!page.items.empty() && offset > 0) page.cursor = std::to_string(offset);
  page.has_next = read_bool(result_object(root.value()), "has_next", false);
  return page;
}

Result<core::Review> parse_review_info(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json& j = result_object(root.value());
  core::Review r;
  r.id = read_string(j, "id");
  if (r.id.empty()) return malformed("review reply without id", body);
  r.sku = read_int64(j, "sku");
  r.rating = read_int64(j, "rating");
  r.text = read_string(j, "text");
  r.status = read_string(j, "status");
  r.order_status = read_string(j, "order_status");
  r.published_at = read_time(j, "published_at");
  r.comments_amount = read_int64(j, "comments_amount");
  r.photos_amount = read_int64(j, "photos_amount");
  r.videos_amount = read_int64(j, "videos_amount");
  r.is_rating_participant = read_bool(j, "is_rating_participant");
  return r;
}

}  // namespace ozon
