#pragma once
#include <cstdint>
#include <string>

#include "core/clock.h"

namespace core {

struct Review {
  std::string id;
  std::int64_t sku = 0;
  std::int64_t rating = 0;  // 1..5
  std::string text;
  std::string status;        // "UNPROCESSED" | "PROCESSED"
  std::string order_status;  // "DELIVERED" | "CANCELLED"
  EpochMs published_at = 0;
  std::int64_t comments_amount = 0;
  std::int64_t photos_amount = 0;
  std::int64_t videos_amount = 0;
};

}  // namespace core
