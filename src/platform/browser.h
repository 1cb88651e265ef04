#pragma once
// Browser facts and services the app needs, behind plain C++ functions.
// Only platform/ includes Emscripten headers.
#include <string>
#include <vector>

#include "store/settings_store.h"

namespace platform {

// Minutes east of UTC of the browser's time zone right now (Moscow +180).
int utc_offset_minutes();

// navigator.languages (most preferred first).
std::vector<std::string> browser_languages();

// Settings in localStorage under a "seller-console:" prefix. Survives
// reloads; set() reports failure instead of throwing when storage is off.
class LocalStorageSettings final : public store::SettingsStore {
 public:
  std::optional<std::string> get(const std::string& key) const override;
  bool set(const std::string& key, const std::string& value) override;
};

}  // namespace platform
