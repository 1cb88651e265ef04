#pragma once
// Where a scanned code came from: a hardware scanner (it types the code and
// Enter into the scan field) or the device camera (decoded in the browser).
#include <string_view>

namespace app {

enum class ScanSource { keyboard, camera };

inline std::string_view to_string(ScanSource source) {
  return source == ScanSource::camera ? "camera" : "keyboard";
}

}  // namespace app
