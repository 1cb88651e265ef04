#pragma once
// Date and time as the seller types and reads them: "YYYY-MM-DD HH:MM" in
// the seller's time zone (a UTC offset in minutes, from the browser).
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace core {

// "2026-11-27 18:00" (or "2026-11-27", meaning 00:00) -> epoch ms; nullopt
// for anything else or an impossible date.
std::optional<EpochMs> parse_local_datetime(std::string_view text, int utc_offset_minutes);
std::string format_local_datetime(EpochMs time, int utc_offset_minutes);

}  // namespace core
