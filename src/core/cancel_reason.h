#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace core {

inline constexpr std::int64_t kCancelReasonOther = 402;  // needs a free-text message

struct CancelReason {
  std::int64_t id = 0;
  std::string title;
  std::string type_id;  // "seller" | "buyer" ...
  bool is_available_for_cancellation = true;
};

struct PostingCancelReasons {
  std::string posting_number;
  std::vector<CancelReason> reasons;
};

}  // namespace core
