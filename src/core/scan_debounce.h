#pragma once
// A camera sees the same barcode in frame after frame, and a package often
// shows two codes at once (its EAN and its marking code): each code counts
// once while it stays in view. A code is let through again only after it was
// out of sight for the quiet time; a code not seen lately passes at once.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"

namespace core {

class ScanDebounce {
 public:
  static constexpr std::int64_t kQuietMs = 1'500;
  explicit ScanDebounce(std::int64_t quiet_ms = kQuietMs) : quiet_ms_(quiet_ms) {}

  // True when `code`, seen at `at`, is a new scan; every sighting restarts
  // that code's quiet time.
  bool pass(std::string_view code, EpochMs at);
  void reset() { last_seen_.clear(); }

 private:
  std::int64_t quiet_ms_;
  // Codes seen within the quiet time (a few at most: what one frame shows).
  std::vector<std::pair<std::string, EpochMs>> last_seen_;
};

}  // namespace core
