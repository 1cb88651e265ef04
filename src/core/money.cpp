#include "core/money.h"

#include <cinttypes>
#include <cstdio>

namespace core {

std::string format_amount(const Money& money) {
  const bool negative = money.minor < 0;
  // Work in unsigned so INT64_MIN does not overflow on negation.
  const std::uint64_t abs_minor = negative ? static_cast<std::uint64_t>(-(money.minor + 1)) + 1u
                                           : static_cast<std::uint64_t>(money.minor);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%" PRIu64 ".%02u", negative ? "-" : "", abs_minor / 100u,
                static_cast<unsigned>(abs_minor % 100u));
  return buf;
}

}  // namespace core
