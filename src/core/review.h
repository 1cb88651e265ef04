#pragma once
#include <cstdint>
#include <string>
#include <vector>

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
  bool is_rating_participant = false;
};

// A comment under a review (/v1/review/comment/list): the seller's or a buyer's.
struct ReviewComment {
  std::string id;
  std::string text;
  EpochMs published_at = 0;
  bool is_owner = false;     // the seller wrote it
  bool is_official = false;  // an official (Ozon or the brand) wrote it
  std::string parent_comment_id;
};

}  // namespace core
