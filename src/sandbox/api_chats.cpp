// The demo marketplace, chats domain: the seller's chats with buyers (list,
// history, send a message, mark read). Premium Plus only.
#include <algorithm>

#include "ozon/endpoints.h"
#include "sandbox/api.h"

namespace sandbox {
namespace {

namespace ep = ozon::endpoint;

bool unread_from_buyer(const ChatMessage& m) { return !m.is_read && m.user_type != "seller"; }

std::int64_t unread_count(const Chat& c) {
  return std::count_if(c.messages.begin(), c.messages.end(), unread_from_buyer);
}

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
  std::string status;
  if (!read_enum(f, "chat_status", {"All", "Opened", "Closed"}, &status))
    return bad("INVALID_ARGUMENT: filter.chat_status must be All, Opened or Closed");
  const bool unread_only = read_bool_strict(f, "unread_only");
  const auto given_limit = find_int64_strict(b, "limit");  // required; at most 1000 (the spec)
  if (!given_limit) return bad("INVALID_ARGUMENT: limit is required");
  const std::int64_t limit = *given_limit;
  if (limit < 1 || limit > 1000) return bad("INVALID_ARGUMENT: limit must be between 1 and 1000");
  std::size_t start = 0;
  if (!index_cursor(b, &start)) return bad("INVALID_ARGUMENT: invalid cursor");
  std::vector<const Chat*> rows;
  std::int64_t total_unread = 0;
  for (const auto& c : call.state.chats) {
    const std::int64_t unread = unread_count(c);
    total_unread += unread;
    if (!status.empty() && status != "All" && c.status != status) continue;
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
    const auto first = std::find_if(c.messages.begin(), c.messages.end(), unread_from_buyer);
    chats.push_back({{"chat",
                      {{"chat_id", c.id},
                       {"chat_status", c.status},
                       {"chat_type", "Buyer_Seller"},
                       {"created_at", format_iso8601(c.created_at)}}},
                     {"first_unread_message_id", first == c.messages.end() ? 0 : first->id},
                     {"last_message_id", c.messages.back().id},
                     {"unread_count", unread_count(c)}});
  }
  const bool has_next = i < rows.size();
  return ok({{"chats", chats}, {"total_unread_count", total_unread}, {"cursor", has_next ? std::to_string(i) : ""},
             {"has_next", has_next}});
}

net::HttpResponse chat_history(const Call& call, const json& b) {
  const std::string id = read_string_strict(b, "chat_id");
  if (id.empty()) return bad("INVALID_ARGUMENT: chat_id is required");
  const Chat* chat = call.state.chat(id);
  if (!chat) return not_found("CHAT_NOT_FOUND");
  std::string dir;
  if (!read_enum(b, "direction", {"Forward", "Backward"}, &dir))
    return bad("INVALID_ARGUMENT: direction must be Forward or Backward");
  const bool forward = dir == "Forward";
  const json* given_limit = find(b, "limit");
  const auto limit = given_limit ? as_int64_strict(*given_limit) : std::optional<std::int64_t>(50);
  if (!limit || *limit < 1 || *limit > 1000) return bad("INVALID_ARGUMENT: limit must be between 1 and 1000");
  std::uint64_t from = 0;
  if (!read_uint64(b, "from_message_id", &from)) return bad("proto: syntax error: from_message_id must be a uint64");
  // filter.message_ids: uint64 texts.
  std::vector<std::uint64_t> only;
  const json f = object_or_empty(b, "filter");
  if (const json* ids = find(f, "message_ids"); ids && !ids->is_null()) {
    if (!ids->is_array()) return bad("proto: syntax error: filter.message_ids must be an array");
    for (const auto& v : *ids) {
      std::uint64_t n = 0;
      if (!read_uint64(json{{"id", v}}, "id", &n) || n == 0)
        return bad("proto: syntax error: filter.message_ids must hold uint64 ids");
      only.push_back(n);
    }
  }
  std::vector<const ChatMessage*> rows;
  for (const auto& m : chat->messages) {
    if (from > 0 && (forward ? m.id < from : m.id > from)) continue;
    if (!only.empty() && !contains(only, m.id)) continue;
    rows.push_back(&m);
  }
  if (!forward) std::reverse(rows.begin(), rows.end());
  json msgs = json::array();
  for (std::size_t i = 0; i < rows.size() && static_cast<std::int64_t>(i) < *limit; ++i)
    msgs.push_back(message_json(*chat, *rows[i]));
  return ok({{"has_next", static_cast<std::int64_t>(rows.size()) > *limit}, {"messages", msgs}});
}

net::HttpResponse chat_send(const Call& call, const json& b) {
  const std::string id = read_string_strict(b, "chat_id"), text = read_string_strict(b, "text");
  if (id.empty()) return bad("INVALID_ARGUMENT: chat_id is required");
  Chat* chat = call.state.chat(id);
  if (!chat) return not_found("CHAT_NOT_FOUND");
  const std::size_t len = utf8_length(text);
  if (len < 1 || len > 1000) return bad("INVALID_ARGUMENT: text must be 1..1000 characters");
  if (chat->status != "Opened") return bad("CHAT_IS_CLOSED: the chat is closed");
  std::string why;
  if (!call.state.seller_may_write(*chat, call.now, &why)) return bad(why);
  ChatMessage m;
  chat->next_message_id += 1 + call.state.message_rng.below(90'000);
  m.id = chat->next_message_id;
  m.user_type = "seller";
  m.user_id = "seller";
  m.created_at = std::max(call.now, chat->messages.back().created_at);
  m.text = text;
  for (auto& old : chat->messages) old.is_read = true;  // answering reads the chat
  chat->messages.push_back(std::move(m));
  return ok({{"result", "success"}});
}

// /v2/chat/read: the message and every earlier one read (all of them
// without from_message_id).
net::HttpResponse chat_read(const Call& call, const json& b) {
  const std::string id = read_string_strict(b, "chat_id");
  if (id.empty()) return bad("INVALID_ARGUMENT: chat_id is required");
  Chat* chat = call.state.chat(id);
  if (!chat) return not_found("CHAT_NOT_FOUND");
  std::uint64_t from = 0;
  if (!read_uint64(b, "from_message_id", &from)) return bad("proto: syntax error: from_message_id must be a uint64");
  if (from > 0 && std::none_of(chat->messages.begin(), chat->messages.end(),
                               [&](const ChatMessage& m) { return m.id == from; }))
    return bad("INVALID_ARGUMENT: message " + std::to_string(from) + " is not in chat " + id);
  for (auto& m : chat->messages)
    if (from == 0 || m.id <= from) m.is_read = true;
  return ok({{"unread_count", unread_count(*chat)}});
}

}  // namespace

Routes chat_routes() {
  static constexpr Route kRoutes[] = {
      {ep::kChatList, chat_list},
      {ep::kChatHistory, chat_history},
      {ep::kChatSendMessage, chat_send},
      {ep::kChatRead, chat_read},
  };
  return kRoutes;
}

}  // namespace sandbox
