#include "core/local_time.h"

#include <cstdio>

#include "core/civil_date.h"

namespace core {
namespace {

unsigned days_in_month(long long y, unsigned m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

}  // namespace

std::optional<EpochMs> parse_local_datetime(std::string_view text, int utc_offset_minutes) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  int year = 0, month = 0, day = 0, hour = 0, minute = 0;
  if (!read_digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' || !read_digits(text, 5, 2, month) ||
      text[7] != '-' || !read_digits(text, 8, 2, day))
    return std::nullopt;
  if (text.size() > 10) {
    if (text.size() != 16 || (text[10] != ' ' && text[10] != 'T') || !read_digits(text, 11, 2, hour) || text[13] != ':' ||
        !read_digits(text, 14, 2, minute))
      return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || static_cast<unsigned>(day) > days_in_month(year, static_cast<unsigned>(month)) ||
      hour > 23 || minute > 59)
    return std::nullopt;
  const long long days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  const long long local_minutes = days * 1440 + hour * 60 + minute;
  return (local_minutes - utc_offset_minutes) * 60'000LL;
}

std::string format_local_datetime(EpochMs time, int utc_offset_minutes) {
  const long long local_minutes = time / 60'000 + utc_offset_minutes - (time % 60'000 < 0 ? 1 : 0);
  long long days = local_minutes / 1440;
  long long minutes = local_minutes % 1440;
  if (minutes < 0) {
    minutes += 1440;
    --days;
  }
  std::int64_t y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(days, y, m, d);
  char out[32];
  std::snprintf(out, sizeof out, "%04lld-%02u-%02u %02lld:%02lld", static_cast<long long>(y), m, d, minutes / 60, minutes % 60);
  return out;
}

}  // namespace core
