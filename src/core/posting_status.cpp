#include "core/posting_status.h"

namespace core {

bool cancelled_status(PostingStatus status) {
  return status == PostingStatus::cancelled || status == PostingStatus::cancelled_from_split_pending;
}

bool past_packaging(PostingStatus status) {
  switch (status) {
    case PostingStatus::awaiting_deliver:
    case PostingStatus::delivering:
    case PostingStatus::driver_pickup:
    case PostingStatus::delivered:
    case PostingStatus::sent_by_seller:
    case PostingStatus::arbitration:
    case PostingStatus::client_arbitration:
    case PostingStatus::not_accepted: return true;
    default: return false;
  }
}

std::string_view to_string(PostingStatus status) {
  switch (status) {
    case PostingStatus::unknown: return "unknown";
    case PostingStatus::awaiting_registration: return "awaiting_registration";
    case PostingStatus::acceptance_in_progress: return "acceptance_in_progress";
    case PostingStatus::awaiting_approve: return "awaiting_approve";
    case PostingStatus::awaiting_verification: return "awaiting_verification";
    case PostingStatus::awaiting_packaging: return "awaiting_packaging";
    case PostingStatus::awaiting_deliver: return "awaiting_deliver";
    case PostingStatus::arbitration: return "arbitration";
    case PostingStatus::client_arbitration: return "client_arbitration";
    case PostingStatus::delivering: return "delivering";
    case PostingStatus::driver_pickup: return "driver_pickup";
    case PostingStatus::delivered: return "delivered";
    case PostingStatus::cancelled: return "cancelled";
    case PostingStatus::cancelled_from_split_pending: return "cancelled_from_split_pending";
    case PostingStatus::not_accepted: return "not_accepted";
    case PostingStatus::sent_by_seller: return "sent_by_seller";
  }
  return "unknown";
}

PostingStatus posting_status_from_string(std::string_view text) {
  for (PostingStatus status : kAllPostingStatuses) {
    if (to_string(status) == text) return status;
  }
  return PostingStatus::unknown;
}

}  // namespace core
