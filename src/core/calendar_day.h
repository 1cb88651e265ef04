#pragma once
// Whole days as the numbers screens key them: days since 1970-01-01 and the
// "YYYY-MM-DD" text Ozon's reports and the console's CSV use.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace core {

inline constexpr EpochMs kMsPerDay = 86'400'000;

// The local day (days since 1970-01-01) of an instant, at a UTC offset; floors for times before 1970.
std::int64_t local_day(EpochMs time, int utc_offset_minutes);
// The instant that local day starts.
EpochMs local_midnight(std::int64_t day, int utc_offset_minutes);

// 20'000 -> "2024-10-04"; "2024-10-04" -> 20'000, nullopt for anything else or an impossible date.
std::string format_day(std::int64_t day);
std::optional<std::int64_t> parse_day(std::string_view text);

}  // namespace core
