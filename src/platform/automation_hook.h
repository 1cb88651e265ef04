#pragma once
// The native side of window.sellerConsole (see shell/boot.js): the page asks
// for the frame count, the app snapshot and widget rectangles through these.
#include <functional>
#include <optional>
#include <string>

namespace platform {

struct WidgetRect {
  float x, y, w, h;
};

struct AutomationProviders {
  std::function<std::string()> snapshot_json;
  std::function<std::optional<WidgetRect>(const std::string& name)> item_rect;
};

void install_automation(AutomationProviders providers);

}  // namespace platform
