// The demo marketplace, chats domain: the seller's chats with buyers (list,
// history, send a message).
#include <algorithm>

#include "ozon/endpoints.h"
#include "sandbox/api.h"

namespace sandbox {
namespace {

namespace ep = ozon::endpoint;

json message_json(const Chat& c, const ChatMessage& m) {
  return {{"message_id", m.id},
          {"user", {{"id", m.user_id}, {"type", m.user_type}}},
          {"created_at", format_iso8601(m.created_at)},
          {"is_read", m.is_read},
          {"is_image", false},
          {"data", json::array({m.text})},
          {"context", {{"order_number", c.order_number}, {"sku", std::to_string(c.sku)}}}};
}

net::HttpResponse chat_list(const Call& call, const json& b) {
  const json f = object_or_empty(b, "filter");
  std::string status = read_string_strict(f, "chat_status");
  bool unread_only = read_bool_strict(f, "unread_only");
  const auto given_limit = find_int64_strict(b, "limit");  // required; at most 1000 (the spec)
  if (!given_limit) return bad("INVALID_ARGUMENT: limit is required");
  const std::int64_t limit = *given_limit;
  if (limit < 1 || limit > 1000) return bad("INVALID_ARGUMENT: limit must be between 1 and 1000");
  std::size_t start = 0;
  if (!index_cursor(b, &start)) return bad("INVALID_ARGUMENT: invalid cursor");
  std::vector<const Chat*> rows;
  std::int64_t total_unread = 0;
  for (const auto& c : call.state.chats) {
    int unread = 0;
    for (const auto& m : c.messages) unread += (!m.is_read && m.user_type != "Seller") ? 1 : 0;
    total_unread += unread;
    if (!status.empty() && status != "All" && status != "ALL" && c.status != status) continue;
    if (unread_only && unread == 0) continue;
    rows.push_back(&c);
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Chat* a, const Chat* c) {
    return a->messages.back().created_at > c->messages.back().created_at;
  });
  json chats = json::array();
  std::size_t i = start;
  for (; i < rows.size() && static_cast<std::int64_t>(chats.size()) < limit; ++i) {
    const Chat& c = *rows[i];
    std::uint64_t first_unread = 0;
    int unread = 0;
    for (const auto& m : c.messages)
      if (!m.is_read && m.user_type != "Seller") {
        if (!first_unread) first_unread = m.id;
        ++unread;
      }
    chats.push_back({{"chat",
                      {{"chat_id", c.id},
                       {"chat_status", c.status},
                       {"chat_type", "Buyer_Seller"},
                       {"created_at", format_iso8601(c.created_at)}}},
                     {"first_unread_message_id", first_unread},
                     {"last_message_id", c.messages.back().id},
                     {"unread_count", unread}});
  }
  bool has_next = i < rows.size();
  return ok({{"chats", chats}, {"total_unread_count", total_unread}, {"cursor", has_next ? std::to_string(i) : ""},
             {"has_next", has_next}});
}

net::HttpResponse chat_history(const Call& call, const json& b) {
  std::string id = read_string_strict(b, "chat_id");
  if (id.empty()) return bad("INVALID_ARGUMENT: chat_id is required");
  const Chat* chat = nullptr;
  for (const auto& c : call.state.chats)
    if (c.id == id) chat = &c;
  if (!chat) return not_found("CHAT_NOT_FOUND");
  std::string dir = read_string_strict(b, "direction");
  bool forward = dir == "Forward" || dir == "FORWARD";
  const std::int64_t limit = read_int64_strict(b, "limit", 50);
  if (limit < 1 || limit > 1000) return bad("INVALID_ARGUMENT: limit must be between 1 and 1000");
  // A uint64 (message ids pass int64's range on Ozon): an unsigned number, or an int64.
  std::uint64_t from = 0;
  if (const json* given = find(b, "from_message_id")) {
    if (given->is_number_unsigned()) from = given->get<std::uint64_t>();
    else if (const auto v = as_int64_strict(*given); v && *v >= 0) from = static_cast<std::uint64_t>(*v);
    else return bad("proto: syntax error: from_message_id must be a uint64");
  }
  const bool has_from = from > 0;
  std::vector<const ChatMessage*> rows;
  for (const auto& m : chat->messages)
    if (!has_from || (forward ? m.id >= from : m.id <= from)) rows.push_back(&m);
  if (!forward) std::reverse(rows.begin(), rows.end());
  json msgs = json::array();
  for (std::size_t i = 0; i < rows.size() && static_cast<std::int64_t>(i) < limit; ++i)
    msgs.push_back(message_json(*chat, *rows[i]));
  return ok({{"has_next", static_cast<std::int64_t>(rows.size()) > limit}, {"messages", msgs}});
}

net::HttpResponse chat_send(const Call& call, const json& b) {
  std::string id = read_string_strict(b, "chat_id"), text = read_string_strict(b, "text");
  Chat* chat = nullptr;
  for (auto& c : call.state.chats)
    if (c.id == id) chat = &c;
  if (!chat) return not_found("CHAT_NOT_FOUND");
  std::size_t len = utf8_length(text);
  if (len < 1 || len > 1000) return bad("INVALID_ARGUMENT: text must be 1..1000 characters");
  if (chat->status != "Opened") return bad("CHAT_IS_CLOSED: the chat is closed");
  ChatMessage m;
  m.id = call.state.next_message_id++;
  m.user_type = "Seller";
  m.user_id = "seller";
  m.created_at = call.now;
  m.text = text;
  for (auto& old : chat->messages) old.is_read = true;  // answering reads the chat
  chat->messages.push_back(std::move(m));
  return ok({{"result", "success"}});
}

}  // namespace

Routes chat_routes() {
  static constexpr Route kRoutes[] = {
      {ep::kChatList, chat_list},
      {ep::kChatHistory, chat_history},
      {ep::kChatSendMessage, chat_send},
  };
  return kRoutes;
}

}  // namespace sandbox
