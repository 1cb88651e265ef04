#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"

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

}  // namespace core
