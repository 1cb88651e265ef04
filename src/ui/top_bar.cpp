#include <imgui.h>

#include <string>

#include "ui/automation.h"
#include "ui/views.h"

namespace ui {

void draw_top_bar(const app::App& app, app::ActionQueue& actions) {
  const auto& state = app.state();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(app.tr("app.title"));
  ImGui::SameLine();
  ImGui::TextDisabled("|");
  ImGui::SameLine();
  ImGui::TextUnformatted(app.tr(state.store_name_key));

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
    const bool current = lang == state.lang;
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const std::string label = std::string(app.tr(key)) + "##" + key;
    if (ImGui::Button(label.c_str()) && !current) actions.push(app::SetLanguage{lang});
    if (current) ImGui::PopStyleColor();
    automation::tag(key);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr("lang.tooltip"));
    ImGui::SameLine();
  }
  ImGui::NewLine();
  if (!state.storage_warning.empty())
    ImGui::TextColored(ImVec4(1.0f, 0.6f, 0.2f, 1.0f), "%s", app.tr(state.storage_warning));
}

}  // namespace ui
