#pragma once
// A price in minor units (kopecks) so sums never drift the way doubles do.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/interned.h"

namespace core {

struct Money {
  std::int64_t minor = 0;  // 1990.00 RUB -> 199000
  Interned currency;       // ISO code as sent ("RUB", "CNY"); may be empty

  bool operator==(const Money&) const = default;
};

// "1990.00" style text (two decimals, no currency), for display and requests.
std::string format_amount(const Money& money);

// What the seller types as an amount: "12", "12.5", "12,50", "1 234.56" ->
// minor units (1250, 123456); nullopt for anything else (letters, a third
// decimal, a sign other than a leading minus, more than 10^13 minor units).
std::optional<std::int64_t> parse_amount_minor(std::string_view text);

}  // namespace core
