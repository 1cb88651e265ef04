#include "ui/palette.h"

namespace ui::palette {

ImVec4 risk(core::Risk risk) {
  switch (risk) {
    case core::Risk::overdue: return {1.0f, 0.35f, 0.35f, 1.0f};
    case core::Risk::under_2h: return {1.0f, 0.65f, 0.2f, 1.0f};
    case core::Risk::today: return {0.95f, 0.9f, 0.4f, 1.0f};
    case core::Risk::later: return {0.6f, 0.85f, 0.6f, 1.0f};
    case core::Risk::none: break;
  }
  return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
}

}  // namespace ui::palette
