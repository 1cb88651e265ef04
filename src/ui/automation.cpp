#include "ui/automation.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <unordered_map>

namespace ui::automation {
namespace {
// Rects of the frame being drawn and of the last complete frame.
std::unordered_map<std::string, Rect> drawing;
std::unordered_map<std::string, Rect> completed;
}  // namespace

void begin_frame() { drawing.clear(); }

void end_frame() { completed.swap(drawing); }

void tag(std::string_view name) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  // Clip to the window's visible area: a row scrolled out of view is not clickable.
  const ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin();
  const ImVec2 clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
  const float x0 = std::max(min.x, clip_min.x), y0 = std::max(min.y, clip_min.y);
  const float x1 = std::min(max.x, clip_max.x), y1 = std::min(max.y, clip_max.y);
  if (x1 <= x0 || y1 <= y0) return;
  drawing[std::string(name)] = Rect{x0, y0, x1 - x0, y1 - y0};
}

std::optional<Rect> rect(std::string_view name) {
  auto it = completed.find(std::string(name));
  if (it == completed.end()) return std::nullopt;
  return it->second;
}

}  // namespace ui::automation
