#include <imgui.h>

#include <string>

#include "ui/automation.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/palette.h"
#include "ui/screen_registry.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace ui {

namespace {

// A language's name in its own script; "..." while its strings are on their way.
std::string language_label(const app::App& app, app::Lang lang) {
  std::string label = app.tr("lang." + std::string(app::lang_code(lang)));
  if (app.state().lang_loading == lang) label += "...";
  return label;
}

void draw_bar_warnings(const app::App& app) {
  const auto& state = app.state();
  if (!state.storage_warning.empty()) ImGui::TextColored(palette::warning, "%s", app.tr(state.storage_warning));
  if (!state.lang_problem.empty()) {
    auto problem = state.lang_problem;
    problem.params.emplace_back("detail", problem.detail);
    ImGui::TextColored(palette::warning, "%s", app.notice_text(problem).c_str());
  }
}

// The phone's top bar: a menu (screens, language, help), the screen shown
// and the store, on one line that cannot overlap.
void draw_compact_top_bar(const app::App& app, app::ActionQueue& actions) {
  const auto& state = app.state();
  {
    TouchTargets touch(true);
    if (button(app, "nav.menu")) ImGui::OpenPopup("##menu");
  }
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(app.tr("nav." + state.view));
  automation::tag("topbar.view");
  ImGui::SameLine();
  // The store's name takes what is left of the line, cut short rather than overlap.
  const std::string network = std::string("\u25CF ") + app.tr(state.device.online ? "device.online" : "device.offline");
  const float indicator = ImGui::CalcTextSize(network.c_str()).x + ImGui::GetStyle().ItemSpacing.x;
  const float room = ImGui::GetContentRegionAvail().x - indicator;
  const char* store = store_display_name(app, state.stores.active);
  note_glyphs(store);
  ImGui::PushClipRect(ImGui::GetCursorScreenPos(),
                      ImVec2(ImGui::GetCursorScreenPos().x + room, ImGui::GetCursorScreenPos().y + ImGui::GetFrameHeight()),
                      true);
  ImGui::TextDisabled("%s", store);
  ImGui::PopClipRect();
  automation::tag("topbar.store");
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - indicator);
  draw_device_indicator(app);
  if (ImGui::BeginPopup("##menu")) {
    TouchTargets touch(true);
    for (const auto& feature : app.features()) {
      if (!feature->has_screen()) continue;
      if (button(app, "menu." + std::string(feature->id()),
                 {.text = app.tr("nav." + std::string(feature->id())), .current = state.view == feature->id()})) {
        actions.push(app::ShowView{std::string(feature->id())});
        ImGui::CloseCurrentPopup();
      }
      if (const ScreenView* view = find_screen_view(feature->id()); view && view->badge) view->badge(app, actions);
    }
    ImGui::Separator();
    for (app::Lang lang : app::kAllLangs) {
      const std::string key = "lang." + std::string(app::lang_code(lang));
      if (button(app, "menu." + key, {.text = language_label(app, lang).c_str(), .current = lang == state.lang}))
        actions.push(app::SetLanguage{lang});
      ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::EndPopup();
  }
  draw_bar_warnings(app);
}

}  // namespace

void draw_top_bar(const app::App& app, app::ActionQueue& actions) {
  if (compact_layout()) return draw_compact_top_bar(app, actions);
  const auto& state = app.state();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(app.tr("app.title"));
  ImGui::SameLine();
  ImGui::TextDisabled("|");
  ImGui::SameLine();
  ImGui::TextUnformatted(store_display_name(app, state.stores.active));
  ImGui::SameLine();
  ImGui::TextDisabled("|");

  // One button per registered screen, in the registry's order.
  for (const auto& feature : app.features()) {
    if (!feature->has_screen()) continue;
    ImGui::SameLine();
    if (button(app, "nav." + std::string(feature->id()), {.current = state.view == feature->id()}))
      actions.push(app::ShowView{std::string(feature->id())});
    if (const ScreenView* view = find_screen_view(feature->id()); view && view->badge) view->badge(app, actions);
  }

  ImGui::SameLine();
  draw_device_indicator(app);
  ImGui::SameLine();
  if (small_button(app, "nav.help", {.text = "?"})) actions.push(app::ToggleHelp{});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr("help.title"));

  // Language switcher on the right: each language named in its own script.
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  float width = 0;
  for (app::Lang lang : app::kAllLangs)
    width += ImGui::CalcTextSize(language_label(app, lang).c_str()).x + ImGui::GetStyle().FramePadding.x * 2 + spacing;
  ImGui::SameLine(ImGui::GetContentRegionMax().x - width + spacing);
  for (app::Lang lang : app::kAllLangs) {
    const std::string key = "lang." + std::string(app::lang_code(lang));
    if (button(app, key, {.text = language_label(app, lang).c_str(), .current = lang == state.lang}))
      actions.push(app::SetLanguage{lang});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr("lang.tooltip"));
    ImGui::SameLine();
  }
  ImGui::NewLine();
  draw_bar_warnings(app);
}

}  // namespace ui
