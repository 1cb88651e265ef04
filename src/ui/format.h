#pragma once
// Small text formatting helpers shared by the views.
#include <string>

#include "core/clock.h"

namespace ui {

// "2026-11-26 14:05" in the browser's time zone; "—" for 0.
std::string format_local_time(core::EpochMs time);
// "12.3 MB": storage use, caches and recordings.
std::string megabytes(double bytes);
// "14:05" in the browser's time zone.
std::string format_local_clock(core::EpochMs time);

}  // namespace ui
