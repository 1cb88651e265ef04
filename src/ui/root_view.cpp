#include <imgui.h>

#include "ui/views.h"

namespace ui {

void draw_root(const app::App& app, app::ActionQueue& actions) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoBringToFrontOnFocus |
                                     ImGuiWindowFlags_NoSavedSettings;
  ImGui::Begin("##root", nullptr, flags);
  draw_top_bar(app, actions);
  ImGui::Separator();
  switch (app.state().view) {
    case app::View::home: draw_home_view(app, actions); break;
  }
  ImGui::End();
}

}  // namespace ui
