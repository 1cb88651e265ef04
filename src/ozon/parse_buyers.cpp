// Parsers for chats, returns and reviews.
#include "ozon/parse_common.h"
#include "ozon/parsers.h"

namespace ozon {
using namespace detail;

Result<Page<core::Chat>> parse_chat_list(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* list = find_list(root.value(), {"chats"});
  if (list == nullptr) return malformed("chat list reply without chats", body);
  Page<core::Chat> page;
  for (const auto& item : *list) {
    if (!item.is_object()) continue;
    const Json* inner = find_object(item, "chat");  // v3 nests, v2 is flat
    const Json& c = inner != nullptr ? *inner : item;
    core::Chat chat;
    chat.chat_id = read_string(c, "chat_id");
    if (chat.chat_id.empty()) continue;
    chat.type = read_string(c, "chat_type");
    chat.status = read_string(c, "chat_status");
    chat.created_at = read_time(c, "created_at");
    chat.unread_count = read_int64(item, "unread_count");
    chat.first_unread_message_id = read_string(item, "first_unread_message_id");
    chat.last_message_id = read_string(item, "last_message_id");
    page.items.push_back(std::move(chat));
  }
  read_paging(root.value(), page.cursor, page.has_next);
  return page;
}

Result<Page<core::ChatMessage>> parse_chat_history(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* list = find_list(root.value(), {"messages"});
  if (list == nullptr) return malformed("chat history reply without messages", body);
  Page<core::ChatMessage> page;
  for (const auto& j : *list) {
    if (!j.is_object()) continue;
    core::ChatMessage m;
    m.message_id = read_string(j, "message_id");
    if (const Json* user = find_object(j, "user")) {
      m.user_id = read_string(*user, "id");
      m.user_type = read_string(*user, "type");
    }
    m.created_at = read_time(j, "created_at");
    m.is_read = read_bool(j, "is_read");
    m.is_image = read_bool(j, "is_image");
    m.data = read_string_list(j, "data");
    if (const Json* context = find_object(j, "context")) {
      m.order_number = read_string(*context, "order_number");
      m.sku = read_int64(*context, "sku");
    }
    page.cursor = m.message_id;
    page.items.push_back(std::move(m));
  }
  page.has_next = read_bool(root.value(), "has_next");
  return page;
}

Result<Page<core::ReturnItem>> parse_returns(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* list = find_list(root.value(), {"returns"});
  if (list == nullptr) return malformed("returns reply without returns", body);
  Page<core::ReturnItem> page;
  for (const auto& j : *list) {
    if (!j.is_object()) continue;
    core::ReturnItem r;
    r.id = read_int64(j, "id");
    r.posting_number = read_string(j, "posting_number");
    r.order_id = read_int64(j, "order_id");
    r.order_number = read_string(j, "order_number");
    r.schema = read_string(j, "schema");
    r.type = read_string(j, "type");
    r.return_reason_name = read_string(j, "return_reason_name");
    if (const Json* p = find_object(j, "product")) {
      r.sku = read_int64(*p, "sku");
      r.offer_id = read_string(*p, "offer_id");
      r.product_name = read_string(*p, "name");
      r.quantity = read_int64(*p, "quantity");
      r.price = read_price(*p, "price");
    }
    if (const Json* visual = find_object(j, "visual")) {
      if (const Json* status = find_object(*visual, "status")) {
        r.status_name = read_string(*status, "sys_name");
        r.status_display = read_string(*status, "display_name");
      }
      r.status_changed_at = read_time(*visual, "change_moment");
    }
    if (const Json* place = find_object(j, "place")) r.place_name = read_string(*place, "name");
    if (r.id != 0) page.cursor = std::to_string(r.id);
    page.items.push_back(std::move(r));
  }
  page.has_next = read_bool(root.value(), "has_next");
  return page;
}

Result<Page<core::Review>> parse_reviews(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* list = find_list(root.value(), {"reviews"});
  if (list == nullptr) return malformed("review reply without reviews", body);
  Page<core::Review> page;
  for (const auto& j : *list) {
    if (!j.is_object()) continue;
    core::Review r;
    r.id = read_string(j, "id");
    r.sku = read_int64(j, "sku");
    r.rating = read_int64(j, "rating");
    r.text = read_string(j, "text");
    r.status = read_string(j, "status");
    r.order_status = read_string(j, "order_status");
    r.published_at = read_time(j, "published_at");
    r.comments_amount = read_int64(j, "comments_amount");
    r.photos_amount = read_int64(j, "photos_amount");
    r.videos_amount = read_int64(j, "videos_amount");
    page.items.push_back(std::move(r));
  }
  page.cursor = read_string(root.value(), "last_id");
  page.has_next = read_bool(root.value(), "has_next");
  return page;
}

Result<std::string> parse_review_comment(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  std::string id = read_string(result_object(root.value()), "comment_id");
  if (id.empty()) return malformed("comment reply without comment_id", body);
  return id;
}

}  // namespace ozon
