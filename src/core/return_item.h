#pragma once
#include <cstdint>
#include <string>

#include "core/clock.h"
#include "core/money.h"

namespace core {

struct ReturnItem {
  std::int64_t id = 0;
  std::string posting_number;
  std::int64_t order_id = 0;
  std::string order_number;
  std::string schema;  // "Fbs" | "Fbo"
  std::string type;
  std::string return_reason_name;
  std::int64_t sku = 0;
  std::string offer_id;
  std::string product_name;
  std::int64_t quantity = 0;
  Money price;
  std::string status_name;     // visual.status.sys_name
  std::string status_display;  // visual.status.display_name
  EpochMs status_changed_at = 0;
  std::string place_name;
};

}  // namespace core
