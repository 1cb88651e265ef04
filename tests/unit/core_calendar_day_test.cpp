#include <doctest/doctest.h>

#include "core/calendar_day.h"

TEST_CASE("calendar day: local day of an instant, its midnight and its text") {
  const core::EpochMs may31_2130_utc = 1717191000000;  // 2024-05-31 21:30 UTC
  CHECK(core::format_day(core::local_day(may31_2130_utc, 0)) == "2024-05-31");
  CHECK(core::format_day(core::local_day(may31_2130_utc, 180)) == "2024-06-01");
  CHECK(core::format_day(core::local_day(may31_2130_utc, -600)) == "2024-05-31");
  CHECK(core::local_midnight(core::local_day(may31_2130_utc, 180), 180) == 1717189200000);  // 21:00 UTC
  CHECK(core::local_day(-1, 0) == -1);  // floors before 1970
  CHECK(core::format_day(-1) == "1969-12-31");
  CHECK(core::format_day(0) == "1970-01-01");
  CHECK(core::format_day(19782) == "2024-02-29");

  CHECK(core::parse_day("2024-02-29") == 19782);
  CHECK(core::parse_day("1970-01-01") == 0);
  CHECK(core::parse_day("2023-02-29") == std::nullopt);
  CHECK(core::parse_day("2024-13-01") == std::nullopt);
  CHECK(core::parse_day("2024-04-31") == std::nullopt);
  CHECK(core::parse_day("2024-4-30") == std::nullopt);
  CHECK(core::parse_day("2024-04-30 ") == std::nullopt);
  CHECK(core::parse_day("") == std::nullopt);
  for (std::int64_t day = 19000; day < 20000; day += 37) CHECK(core::parse_day(core::format_day(day)) == day);
}
