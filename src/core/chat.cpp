#include "core/chat.h"

namespace core {

ChatWindowState chat_write_window(const ChatWindowFacts& facts, EpochMs now) {
  if (!facts.posting_known) return {ChatWindow::unknown, 0};
  switch (facts.status) {
    case PostingStatus::awaiting_registration:
    case PostingStatus::acceptance_in_progress:
    case PostingStatus::awaiting_approve:
      return {ChatWindow::not_paid, 0};
    case PostingStatus::delivered:
    case PostingStatus::cancelled:
    case PostingStatus::cancelled_from_split_pending:
    case PostingStatus::not_accepted: {
      // After delivery (or once the order is off), the 72 h window first,
      // then only answers to the buyer within 48 h of their last message.
      if (facts.status == PostingStatus::delivered && facts.delivered_at != 0 &&
          now <= facts.delivered_at + kChatAfterDeliveryMs)
        return {ChatWindow::open, facts.delivered_at + kChatAfterDeliveryMs};
      if (facts.last_buyer_message_at != 0 && now <= facts.last_buyer_message_at + kChatReplyWindowMs)
        return {ChatWindow::reply_only, facts.last_buyer_message_at + kChatReplyWindowMs};
      // Delivered at an unknown time: the 72 h may still run; Ozon decides.
      if (facts.status == PostingStatus::delivered && facts.delivered_at == 0) return {ChatWindow::unknown, 0};
      return {ChatWindow::closed, 0};
    }
    default:
      return {ChatWindow::open, 0};
  }
}

bool may_send(ChatWindow window) { return window != ChatWindow::closed && window != ChatWindow::not_paid; }

bool from_buyer(const ChatMessage& message) {
  return message.user_type == "customer" || message.user_type == "Customer";
}

}  // namespace core
