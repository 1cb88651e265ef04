#pragma once
// FBS/rFBS posting statuses as Ozon names them. Unknown names map to
// `unknown`; the posting keeps the raw text so nothing is lost.
#include <string_view>

namespace core {

enum class PostingStatus {
  unknown,
  awaiting_registration,
  acceptance_in_progress,
  awaiting_approve,
  awaiting_verification,
  awaiting_packaging,
  awaiting_deliver,
  arbitration,
  client_arbitration,
  delivering,
  driver_pickup,
  delivered,
  cancelled,
  cancelled_from_split_pending,
  not_accepted,
  sent_by_seller,
};

inline constexpr PostingStatus kAllPostingStatuses[] = {
    PostingStatus::awaiting_registration, PostingStatus::acceptance_in_progress,
    PostingStatus::awaiting_approve,      PostingStatus::awaiting_verification,
    PostingStatus::awaiting_packaging,    PostingStatus::awaiting_deliver,
    PostingStatus::arbitration,           PostingStatus::client_arbitration,
    PostingStatus::delivering,            PostingStatus::driver_pickup,
    PostingStatus::delivered,             PostingStatus::cancelled,
    PostingStatus::cancelled_from_split_pending, PostingStatus::not_accepted,
    PostingStatus::sent_by_seller,
};

// Cancelled by anyone: nothing to pack or ship.
bool cancelled_status(PostingStatus status);
// Packed and shipped (handed over, on its way, delivered, or disputed after).
bool past_packaging(PostingStatus status);

std::string_view to_string(PostingStatus status);
PostingStatus posting_status_from_string(std::string_view text);  // unknown if not listed

}  // namespace core
