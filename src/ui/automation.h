#pragma once
// Stable automation names for widgets: after drawing an actionable widget a
// view calls tag("orders.ship"); window.sellerConsole.itemRect(name) then
// returns where it was drawn in the last complete frame, in CSS pixels, so
// tests click real pixels through the real input path.
#include <optional>
#include <string_view>

namespace ui::automation {

struct Rect {
  float x, y, w, h;
};

void begin_frame();
void end_frame();
// Records the rectangle of the last ImGui item under `name`.
void tag(std::string_view name);
std::optional<Rect> rect(std::string_view name);

}  // namespace ui::automation
