#include <imgui.h>

#include "ui/views.h"

namespace ui {

const char* store_display_name(const app::App& app, const app::StoreConfig& store) {
  if (store.road == app::Road::demo) return app.tr("store.demo");
  if (store.id == "portal") return app.tr("store.portal");
  return store.name.c_str();
}

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
    case app::View::orders: draw_orders_view(app, actions); break;
    case app::View::stores: draw_stores_view(app, actions); break;
  }
  ImGui::End();
}

}  // namespace ui
