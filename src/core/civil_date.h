#pragma once
// Calendar arithmetic shared by every place that reads or writes dates
// (Ozon's ISO-8601 times, the seller's local date, the demo marketplace).
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace core {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm), and back.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d);
void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d);

// `count` ASCII digits at `at` as a number; false if any is missing or not a digit.
bool read_digits(std::string_view text, std::size_t at, std::size_t count, int& out);

}  // namespace core
