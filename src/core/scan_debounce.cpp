#include "core/scan_debounce.h"

#include <algorithm>

namespace core {

bool ScanDebounce::pass(std::string_view code, EpochMs at) {
  // Codes out of sight for the quiet time are forgotten.
  std::erase_if(last_seen_, [&](const auto& seen) { return at - seen.second >= quiet_ms_; });
  auto seen = std::find_if(last_seen_.begin(), last_seen_.end(), [&](const auto& s) { return s.first == code; });
  if (seen != last_seen_.end()) {
    seen->second = at;
    return false;
  }
  last_seen_.emplace_back(std::string(code), at);
  return true;
}

}  // namespace core
