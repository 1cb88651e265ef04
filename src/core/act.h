#pragma once
// Hand-over documents (acts) for a delivery method and departure day.
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"

namespace core {

struct Act {
  std::int64_t id = 0;
  std::int64_t delivery_method_id = 0;
  std::string delivery_method_name;
  std::string integration_type;
  std::int64_t containers_count = 0;
  std::string status;
  std::string departure_date;  // a date as sent ("2026-05-14")
  EpochMs created_at = 0;
  std::string act_type;
  bool is_partial = false;
};

struct ActStatus {
  std::string status;  // e.g. "FORMING", "FORMED", "CONFIRMED"
  std::string act_type;
  std::vector<std::string> added_to_act;
  std::vector<std::string> removed_from_act;
  bool is_partial = false;
  bool has_postings_for_next_carriage = false;
};

}  // namespace core
