#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace core {

struct Warehouse {
  std::int64_t warehouse_id = 0;
  std::string name;
  bool is_rfbs = false;
  std::string status;           // e.g. "created", "disabled"
  std::string first_mile_type;  // "DropOff" | "Pickup"
  std::vector<std::string> working_days;
  bool can_print_act_in_advance = false;
};

}  // namespace core
