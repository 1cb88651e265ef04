#include "ui/notice.h"

#include <imgui.h>

namespace ui {

void draw_notice(const app::App& app, const app::Notice& notice) {
  if (notice.empty()) return;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", app.tr(notice.key));
  if (!notice.detail.empty()) ImGui::TextDisabled("%s", notice.detail.c_str());
  ImGui::PopTextWrapPos();
}

}  // namespace ui
