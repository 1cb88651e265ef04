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

std::optional<std::int64_t> parse_amount_minor(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  std::int64_t whole = 0, cents = 0;
  int decimals = -1;  // -1: no separator seen
  bool digits = false;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      digits = true;
      if (decimals < 0) {
        if (whole > 100'000'000'000LL) return std::nullopt;  // 10^13 kopecks and more
        whole = whole * 10 + (c - '0');
      } else if (++decimals <= 2) {
        cents = cents * 10 + (c - '0');
      } else {
        return std::nullopt;
      }
    } else if ((c == '.' || c == ',') && decimals < 0) {
      decimals = 0;
    } else if (c == ' ' && decimals < 0) {
      continue;  // "1 234"
    } else {
      return std::nullopt;
    }
  }
  if (!digits) return std::nullopt;
  if (decimals == 1) cents *= 10;
  const std::int64_t minor = whole * 100 + cents;
  return negative ? -minor : minor;
}

}  // namespace core
