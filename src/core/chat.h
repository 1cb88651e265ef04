#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/posting_status.h"

namespace core {

// Message ids exceed int64 at times (uint64 in the spec): kept as text.
struct Chat {
  std::string chat_id;
  std::string type;    // "Buyer_Seller", "Seller_Support", ...
  std::string status;  // "Opened" | "Closed"
  EpochMs created_at = 0;
  std::int64_t unread_count = 0;
  std::string first_unread_message_id;
  std::string last_message_id;
};

struct ChatMessage {
  std::string message_id;
  std::string user_id;
  std::string user_type;  // "customer", "seller", "support", ...
  EpochMs created_at = 0;
  bool is_read = false;
  bool is_image = false;
  std::vector<std::string> data;  // text lines or image links
  std::string order_number;       // context, when the chat is about an order
  std::int64_t sku = 0;
};

// Whether the seller may write in a buyer's chat (Ozon's rule for FBS and
// rFBS): from payment until 72 h after delivery; after that only a reply,
// within 48 h of the buyer's last message.
enum class ChatWindow {
  open,        // may write (until `until` when known)
  reply_only,  // after delivery: may answer until `until` (48 h after the buyer's last message)
  closed,      // no more messages about this order
  not_paid,    // the order is not paid yet
  unknown,     // the posting is not known here: Ozon decides
};
inline constexpr std::int64_t kChatAfterDeliveryMs = 72LL * 3'600'000;
inline constexpr std::int64_t kChatReplyWindowMs = 48LL * 3'600'000;

struct ChatWindowFacts {
  bool posting_known = false;
  PostingStatus status = PostingStatus::unknown;
  EpochMs delivered_at = 0;             // 0 = not known
  EpochMs last_buyer_message_at = 0;    // 0 = none
};
struct ChatWindowState {
  ChatWindow window = ChatWindow::unknown;
  EpochMs until = 0;  // 0 = no known end
};
ChatWindowState chat_write_window(const ChatWindowFacts& facts, EpochMs now);
bool may_send(ChatWindow window);  // open, reply_only and unknown (Ozon's answer then tells)

// Messages a buyer (not the seller, support or the system) wrote.
bool from_buyer(const ChatMessage& message);

}  // namespace core
