#pragma once
// A price in minor units (kopecks) so sums never drift the way doubles do.
#include <cstdint>
#include <string>

namespace core {

struct Money {
  std::int64_t minor = 0;      // 1990.00 RUB -> 199000
  std::string currency;        // ISO code as sent ("RUB", "CNY"); may be empty

  bool operator==(const Money&) const = default;
};

// "1990.00" style text (two decimals, no currency), for display and requests.
std::string format_amount(const Money& money);

}  // namespace core
