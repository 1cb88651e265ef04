#include <imgui.h>

#include <string>

#include "ui/screen_registry.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace ui {

const char* store_display_name(const app::App& app, const app::StoreConfig& store) {
  if (store.road == app::Road::demo) return app.tr("store.demo");
  if (store.is_portal()) return app.tr("store.portal");
  return store.name.c_str();
}

namespace {

// Letter shortcuts of a screen (Alt+<letter>): ImGui's key for it.
ImGuiKey letter_key(char letter) {
  if (letter < 'a' || letter > 'z') return ImGuiKey_None;
  return static_cast<ImGuiKey>(ImGuiKey_A + (letter - 'a'));
}

// F1 and Alt+<letter> (show a screen) work everywhere; the screen on show
// adds its own.
void handle_shortcuts(const app::App& app, app::ActionQueue& actions) {
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsKeyPressed(ImGuiKey_F1, false)) actions.push(app::ToggleHelp{});
  if (io.KeyAlt && !io.KeyCtrl)
    for (const auto& feature : app.features()) {
      const ImGuiKey key = letter_key(feature->shortcut());
      if (feature->has_screen() && key != ImGuiKey_None && ImGui::IsKeyPressed(key, false))
        actions.push(app::ShowView{std::string(feature->id())});
    }
  if (const ScreenView* view = find_screen_view(app.state().view); view && view->shortcuts) view->shortcuts(app, actions);
}

void draw_help(const app::App& app, app::ActionQueue& actions) {
  if (!app.state().help_open) return;
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::Begin(app.tr("help.title"), nullptr,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
  if (ImGui::BeginTable("##shortcuts", 2, ImGuiTableFlags_SizingFixedFit)) {
    auto row = [&](const std::string& keys, const std::string& what) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(keys.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(app.tr(what));
    };
    for (const auto& feature : app.features()) {
      const ScreenView* view = feature->has_screen() ? find_screen_view(feature->id()) : nullptr;
      if (!view) continue;
      for (const auto& help : view->help) row(help.keys, help.what);
    }
    for (const auto& feature : app.features()) {
      if (!feature->has_screen() || !feature->shortcut()) continue;
      row(std::string("Alt+") + static_cast<char>(feature->shortcut() - 'a' + 'A'), "nav." + std::string(feature->id()));
    }
    row("F1", "help.toggle");
    ImGui::EndTable();
  }
  if (button(app, "help.close")) actions.push(app::ToggleHelp{});
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
  if (const ScreenView* view = find_screen_view(app.state().view)) view->draw(app, actions);
  ImGui::End();
  draw_help(app, actions);
}

}  // namespace ui
