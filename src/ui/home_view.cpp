#include <imgui.h>

#include "ui/views.h"

namespace ui {

void draw_home_view(const app::App& app, app::ActionQueue&) {
  const auto& state = app.state();
  ImGui::Spacing();
  ImGui::TextUnformatted(app.tr("home.welcome"));
  ImGui::Spacing();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(app.tr("home.intro"));
  ImGui::TextDisabled("%s", app.tr("home.demo_note"));
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  if (ImGui::BeginTable("##about", 2, ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", app.tr("home.display"));
    ImGui::TableNextColumn();
    ImGui::Text(app.tr("home.display_value"), state.display.css_width, state.display.css_height,
                static_cast<double>(state.display.pixel_ratio));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", app.tr("home.frames"));
    ImGui::TableNextColumn();
    ImGui::Text("%ld", state.frames_drawn);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", app.tr("home.version"));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(CONSOLE_VERSION);
    ImGui::EndTable();
  }
}

}  // namespace ui
