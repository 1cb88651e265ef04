#include "ui/layout.h"

#include <imgui_internal.h>  // ClearActiveID (a drag that scrolls is no click), InputTextState

#include <cmath>

namespace ui {
namespace {
// Momentum: the flick's speed (px per second) decays by this much a second.
constexpr float kFriction = 4.0f;
constexpr float kStopSpeed = 20.0f;   // px/s: below this a flick has stopped
bool moving = false;                  // a flick moved something this frame

// A finger dragging mostly up or down from a one-line text field being
// edited: there are no lines to select across, so it means to scroll (the
// scan field keeps the focus after each scan, and sits in a phone's way).
bool vertical_drag_from_line_field() {
  const ImGuiContext& g = *GImGui;
  const bool line_field = g.InputTextState.ID != 0 && g.InputTextState.ID == g.ActiveId &&
                          !(g.InputTextState.Flags & ImGuiInputTextFlags_Multiline);
  const ImVec2 drag = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f);
  return line_field && std::fabs(drag.y) > std::fabs(drag.x);
}
}  // namespace

bool compact_layout() { return ImGui::GetMainViewport()->Size.x < kCompactWidth; }

void touch_scroll() {
  ImGuiIO& io = ImGui::GetIO();
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID velocity_id = ImGui::GetID("##touch_velocity");
  const ImGuiID dragging_id = ImGui::GetID("##touch_dragging");
  float velocity = storage->GetFloat(velocity_id, 0.0f);
  bool dragging = storage->GetBool(dragging_id, false);
  const bool past_field = io.MouseDown[0] && vertical_drag_from_line_field();
  // An active item hides the window's hover; a field being scrolled past is the exception.
  const bool hovered = ImGui::IsWindowHovered(past_field ? ImGuiHoveredFlags_ChildWindows |
                                                               ImGuiHoveredFlags_AllowWhenBlockedByActiveItem
                                                         : ImGuiHoveredFlags_ChildWindows);
  if (io.MouseDown[0] && (dragging || (hovered && ImGui::IsMouseDragging(ImGuiMouseButton_Left, io.MouseDragThreshold)))) {
    // A text field being edited keeps its drag (selecting text), unless it is
    // one line and the drag vertical. Leaving the field keeps what was typed
    // (ImGui hands the field's text back on deactivation).
    if (!dragging && io.WantTextInput && ImGui::IsAnyItemActive() && !past_field) return;
    if (!dragging) ImGui::ClearActiveID();  // the press that became a drag clicks nothing
    dragging = true;
    const float dy = io.MouseDelta.y;
    ImGui::SetScrollY(ImGui::GetScrollY() - dy);
    if (io.DeltaTime > 0) velocity = velocity * 0.5f + (-dy / io.DeltaTime) * 0.5f;
  } else if (dragging) {
    dragging = false;  // let go: the flick's speed carries on
  } else if (std::fabs(velocity) > kStopSpeed && io.DeltaTime > 0) {
    const float before = ImGui::GetScrollY();
    ImGui::SetScrollY(before + velocity * io.DeltaTime);
    velocity *= std::exp(-kFriction * io.DeltaTime);
    const bool at_edge = (velocity < 0 && before <= 0) || (velocity > 0 && before >= ImGui::GetScrollMaxY());
    if (at_edge || io.MouseDown[0]) velocity = 0;  // the edge, or a finger stops it
    moving = moving || velocity != 0;
  } else {
    velocity = 0;
  }
  storage->SetFloat(velocity_id, velocity);
  storage->SetBool(dragging_id, dragging);
}

bool touch_scroll_moving() {
  const bool was = moving;
  moving = false;
  return was;
}

TouchTargets::TouchTargets(bool enabled) : enabled_(enabled) {
  if (!enabled_) return;
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x * 2.0f, style.FramePadding.y * 2.5f));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x * 1.5f, style.ItemSpacing.y * 2.0f));
}

TouchTargets::~TouchTargets() {
  if (enabled_) ImGui::PopStyleVar(2);
}

}  // namespace ui
