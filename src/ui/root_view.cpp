#include <imgui.h>

#include <string>

#include "ui/automation.h"
#include "ui/views.h"

namespace ui {

const char* store_display_name(const app::App& app, const app::StoreConfig& store) {
  if (store.road == app::Road::demo) return app.tr("store.demo");
  if (store.id == "portal") return app.tr("store.portal");
  return store.name.c_str();
}

namespace {

// Keyboard first: the shortcuts work wherever the seller is on the orders
// screen; letters only while no text field has the keyboard.
void handle_shortcuts(const app::App& app, app::ActionQueue& actions) {
  const ImGuiIO& io = ImGui::GetIO();
  const bool typing = io.WantTextInput;
  if (ImGui::IsKeyPressed(ImGuiKey_F1, false)) actions.push(app::ToggleHelp{});
  if (app.state().view != app::View::orders) return;
  if (ImGui::IsKeyPressed(ImGuiKey_F2, false)) actions.push(app::FocusScan{});
  if (io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Enter, false)) actions.push(app::ShipOpenPosting{});
  if (typing) return;
  if (ImGui::IsKeyPressed(ImGuiKey_J)) actions.push(app::OpenNeighbour{+1});
  if (ImGui::IsKeyPressed(ImGuiKey_K)) actions.push(app::OpenNeighbour{-1});
  if (ImGui::IsKeyPressed(ImGuiKey_Slash, false)) actions.push(app::FocusSearch{});
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) actions.push(app::ClosePosting{});
  if (io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_A, false)) actions.push(app::SelectAllFiltered{});
  // Not Ctrl+P: the browser keeps that for its own print dialog.
  if (!io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_L, false))
    actions.push(app::PrintLabels{!app.state().orders.selection.empty()});
}

void draw_help(const app::App& app, app::ActionQueue& actions) {
  if (!app.state().help_open) return;
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::Begin(app.tr("help.title"), nullptr,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
  static const char* const kShortcuts[][2] = {
      {"J / K", "help.next_prev"},    {"/", "help.search"},          {"F2", "help.scan"},
      {"Ctrl+Enter", "help.ship"},    {"L", "help.print_labels"},    {"Ctrl+A", "help.select_all"},
      {"Esc", "help.close_detail"},
      {"Ctrl / Shift + click", "help.multi_select"}, {"F1", "help.toggle"}};
  if (ImGui::BeginTable("##shortcuts", 2, ImGuiTableFlags_SizingFixedFit)) {
    for (const auto& row : kShortcuts) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row[0]);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(app.tr(row[1]));
    }
    ImGui::EndTable();
  }
  if (ImGui::Button((std::string(app.tr("help.close")) + "###help.close").c_str())) actions.push(app::ToggleHelp{});
  automation::tag("help.close");
  ImGui::End();
}

}  // namespace

void draw_root(const app::App& app, app::ActionQueue& actions) {
  handle_shortcuts(app, actions);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoBringToFrontOnFocus |
                                     ImGuiWindowFlags_NoSavedSettings;
  ImGui::Begin("##root", nullptr, flags);
  draw_top_bar(app, actions);
  draw_update_banner(app, actions);
  ImGui::Separator();
  switch (app.state().view) {
    case app::View::orders: draw_orders_view(app, actions); break;
    case app::View::plan: draw_plan_view(app, actions); break;
    case app::View::stores: draw_stores_view(app, actions); break;
  }
  ImGui::End();
  draw_help(app, actions);
}

}  // namespace ui
