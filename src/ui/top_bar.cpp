#include <imgui.h>

#include <string>

#include "ui/automation.h"
#include "ui/views.h"

namespace ui {
namespace {

// A button that looks pressed while `current`.
bool tab_button(const char* label, const char* automation_name, bool current) {
  if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  const bool clicked = ImGui::Button(label);
  if (current) ImGui::PopStyleColor();
  automation::tag(automation_name);
  return clicked && !current;
}

}  // namespace

void draw_top_bar(const app::App& app, app::ActionQueue& actions) {
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
    const std::string key = "nav." + std::string(feature->id());
    const std::string label = std::string(app.tr(key)) + "###" + key;
    ImGui::SameLine();
    if (tab_button(label.c_str(), key.c_str(), state.view == feature->id()))
      actions.push(app::ShowView{std::string(feature->id())});
  }

  ImGui::SameLine();
  draw_device_indicator(app);
  ImGui::SameLine();
  if (ImGui::SmallButton("?###help")) actions.push(app::ToggleHelp{});
  automation::tag("nav.help");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr("help.title"));

  // Language switcher on the right: each language named in its own script.
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  float width = 0;
  for (app::Lang lang : app::kAllLangs) {
    const std::string key = "lang." + std::string(app::lang_code(lang));
    width += ImGui::CalcTextSize(app.tr(key)).x + ImGui::GetStyle().FramePadding.x * 2 + spacing;
  }
  ImGui::SameLine(ImGui::GetContentRegionMax().x - width + spacing);
  for (app::Lang lang : app::kAllLangs) {
    const std::string key = "lang." + std::string(app::lang_code(lang));
    const std::string label = std::string(app.tr(key)) + "##" + key;
    if (tab_button(label.c_str(), key.c_str(), lang == state.lang)) actions.push(app::SetLanguage{lang});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr("lang.tooltip"));
    ImGui::SameLine();
  }
  ImGui::NewLine();
  if (!state.storage_warning.empty())
    ImGui::TextColored(ImVec4(1.0f, 0.6f, 0.2f, 1.0f), "%s", app.tr(state.storage_warning));
}

}  // namespace ui
