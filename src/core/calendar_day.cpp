#include "core/calendar_day.h"

#include <cstdio>

#include "core/civil_date.h"

namespace core {
namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - (a % b < 0 ? 1 : 0); }

}  // namespace

std::int64_t local_day(EpochMs time, int utc_offset_minutes) {
  return floor_div(time + static_cast<EpochMs>(utc_offset_minutes) * 60'000, kMsPerDay);
}

EpochMs local_midnight(std::int64_t day, int utc_offset_minutes) {
  return day * kMsPerDay - static_cast<EpochMs>(utc_offset_minutes) * 60'000;
}

std::string format_day(std::int64_t day) {
  std::int64_t y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(day, y, m, d);
  if (y < 0 || y > 9999) {
    char out[32];
    std::snprintf(out, sizeof out, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
    return out;
  }
  // By hand: a chart's or a table's worth of days is formatted per refresh, and snprintf was most of that.
  const auto year = static_cast<unsigned>(y);
  const auto digit = [](unsigned v) { return static_cast<char>('0' + v % 10); };
  return std::string{digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), '-',
                     digit(m / 10),      digit(m),          '-',               digit(d / 10), digit(d)};
}

std::optional<std::int64_t> parse_day(std::string_view text) {
  int year = 0, month = 0, day = 0;
  if (text.size() != 10 || !read_digits(text, 0, 4, year) || text[4] != '-' || !read_digits(text, 5, 2, month) ||
      text[7] != '-' || !read_digits(text, 8, 2, day) || month < 1 || month > 12 || day < 1)
    return std::nullopt;
  const std::int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  // An impossible date (2023-02-29) comes back as another day: reject it.
  std::int64_t y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(days, y, m, d);
  if (y != year || m != static_cast<unsigned>(month) || d != static_cast<unsigned>(day)) return std::nullopt;
  return days;
}

}  // namespace core
