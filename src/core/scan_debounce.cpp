#include "core/scan_debounce.h"

namespace core {

bool ScanDebounce::pass(std::string_view code, EpochMs at) {
  // Codes out of sight for the quiet time are forgotten (the map stays small).
  for (auto it = last_seen_.begin(); it != last_seen_.end();)
    it = at - it->second >= quiet_ms_ ? last_seen_.erase(it) : std::next(it);
  auto [it, fresh] = last_seen_.try_emplace(std::string(code), at);
  it->second = at;
  return fresh;
}

}  // namespace core
