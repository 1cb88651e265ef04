#include "ui/format.h"

#include <cstdio>
#include <ctime>

namespace ui {
namespace {
std::string format(core::EpochMs time, const char* pattern) {
  if (time == 0) return "—";
  const std::time_t seconds = static_cast<std::time_t>(time / 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, pattern, &local);
  return buffer;
}
}  // namespace

std::string format_local_time(core::EpochMs time) { return format(time, "%Y-%m-%d %H:%M"); }
std::string format_local_clock(core::EpochMs time) { return format(time, "%H:%M"); }

std::string megabytes(double bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", bytes / 1048576.0);
  return text;
}

}  // namespace ui
