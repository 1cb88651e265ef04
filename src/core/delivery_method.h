#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace core {

struct DeliveryMethod {
  std::int64_t id = 0;
  std::string name;
  std::int64_t warehouse_id = 0;
  std::int64_t provider_id = 0;
  std::string status;
  std::string cutoff;            // daily cutoff as sent, e.g. "14:00"
  int cutoff_minutes = -1;       // minutes after midnight; -1 when unknown
  std::int64_t sla_cut_in = 0;   // minutes
};

// "HH:MM" or "HH:MM:SS" (also the time part of an ISO date-time) -> minutes
// after midnight; -1 when the text is not a time.
int cutoff_minutes_from_text(std::string_view text);

}  // namespace core
