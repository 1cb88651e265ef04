#include "ui/notice.h"

#include <imgui.h>

#include "ui/palette.h"

namespace ui {

void draw_notice(const app::App& app, const app::Notice& notice) {
  if (notice.empty()) return;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(palette::error, "%s", app.notice_text(notice).c_str());
  if (!notice.detail.empty()) ImGui::TextDisabled("%s", notice.detail.c_str());
  ImGui::PopTextWrapPos();
}

}  // namespace ui
