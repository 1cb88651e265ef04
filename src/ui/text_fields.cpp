#include "ui/text_fields.h"

#include <imgui.h>
#include <imgui_internal.h>  // the last item's frame rectangle

#include <algorithm>

namespace ui::text_fields {
namespace {
std::vector<Rect> drawing;
std::vector<Rect> completed;
}  // namespace

void begin_frame() { drawing.clear(); }

void add_last_item() {
  // The frame the text is typed in, without the label beside it (a press
  // there activates nothing).
  const ImRect frame = GImGui->LastItemData.NavRect;
  const ImVec2 min = frame.Min;
  const ImVec2 max = frame.Max;
  const ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin();
  const ImVec2 clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
  const float x0 = std::max(min.x, clip_min.x), y0 = std::max(min.y, clip_min.y);
  const float x1 = std::min(max.x, clip_max.x), y1 = std::min(max.y, clip_max.y);
  if (x1 > x0 && y1 > y0) drawing.push_back({x0, y0, x1 - x0, y1 - y0});
}

bool end_frame() {
  const auto same = [](const Rect& a, const Rect& b) { return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h; };
  const bool changed = !std::equal(drawing.begin(), drawing.end(), completed.begin(), completed.end(), same);
  completed.swap(drawing);
  return changed;
}

const std::vector<Rect>& drawn() { return completed; }

}  // namespace ui::text_fields
