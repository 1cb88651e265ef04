#include "ui/widgets.h"

#include <imgui_stdlib.h>

#include <cfloat>

#include "ui/automation.h"
#include "ui/fonts.h"
#include "ui/palette.h"
#include "ui/text_fields.h"
#include "ui/widget_id.h"

namespace ui {
namespace {

std::string label_of(const app::App& app, std::string_view key, const char* text) {
  return hidden_id(text ? std::string_view(text) : std::string_view(app.tr(key)), key);
}

template <class Draw>
bool draw_button(const app::App& app, std::string_view key, const ButtonOptions& options, Draw draw) {
  if (!options.enabled) ImGui::BeginDisabled();
  int colours = 0;
  if (options.current) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    ++colours;
  }
  if (options.danger) {
    ImGui::PushStyleColor(ImGuiCol_Button, palette::danger_button);
    ++colours;
  }
  const bool clicked = draw(label_of(app, key, options.text).c_str());
  ImGui::PopStyleColor(colours);
  if (!options.enabled) ImGui::EndDisabled();
  automation::tag(key);
  return clicked && !options.current;
}

// Keeps the next item on the previous one's line when `width` more fits there.
void same_line_if_fits(float width) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
}

}  // namespace

bool button(const app::App& app, std::string_view key, const ButtonOptions& options) {
  return draw_button(app, key, options, [](const char* label) { return ImGui::Button(label); });
}

bool next_button(const app::App& app, std::string_view key, const ButtonOptions& options) {
  const char* text = options.text ? options.text : app.tr(key);
  same_line_if_fits(ImGui::CalcTextSize(text, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2);
  return button(app, key, options);
}

void next_text(const ImVec4& color, const char* text) {
  same_line_if_fits(ImGui::CalcTextSize(text).x);
  ImGui::TextColored(color, "%s", text);
}

bool small_button(const app::App& app, std::string_view key, const ButtonOptions& options) {
  return draw_button(app, key, options, [](const char* label) { return ImGui::SmallButton(label); });
}

bool checkbox(const app::App& app, std::string_view key, bool& value, const ToggleOptions& options) {
  if (!options.enabled) ImGui::BeginDisabled();
  const bool changed = ImGui::Checkbox(label_of(app, key, options.text).c_str(), &value);
  if (!options.enabled) ImGui::EndDisabled();
  automation::tag(key);
  return changed;
}

bool radio_button(const app::App& app, std::string_view key, bool active, const ToggleOptions& options) {
  if (!options.enabled) ImGui::BeginDisabled();
  const bool clicked = ImGui::RadioButton(label_of(app, key, options.text).c_str(), active);
  if (!options.enabled) ImGui::EndDisabled();
  automation::tag(key);
  return clicked;
}

bool selectable(std::string_view key, std::string_view text, bool selected, ImGuiSelectableFlags flags) {
  const bool clicked = ImGui::Selectable(hidden_id(text, key).c_str(), selected, flags);
  automation::tag(key);
  return clicked;
}

namespace {

// Every text field: where it is (the page opens a phone keyboard over it) and
// which characters its text needs in the font atlas.
void text_field_drawn(std::string_view key, const std::string& value) {
  automation::tag(key);
  text_fields::add_last_item();
  note_glyphs(value);
}

}  // namespace

bool input_text(const app::App& app, std::string_view key, std::string& value, const InputOptions& options) {
  const std::string label = hidden_id(options.labelled ? app.tr(key) : "", key);
  const bool changed = options.hint ? ImGui::InputTextWithHint(label.c_str(), options.hint, &value, options.flags)
                                    : ImGui::InputText(label.c_str(), &value, options.flags);
  text_field_drawn(key, value);
  return changed;
}

bool input_multiline(std::string_view key, std::string& value, const ImVec2& size) {
  const bool changed = ImGui::InputTextMultiline(hidden_id("", key).c_str(), &value, size);
  text_field_drawn(key, value);
  return changed;
}

bool input_count(std::string_view key, long long& value) {
  const bool changed =
      // CharsDecimal: digits only, and a phone offers its number keyboard.
      ImGui::InputScalar(hidden_id("", key).c_str(), ImGuiDataType_S64, &value, nullptr, nullptr, "%lld",
                         ImGuiInputTextFlags_CharsDecimal);
  automation::tag(key);
  text_fields::add_last_item();
  return changed;
}

bool combo(std::string_view key, int& current, const char* const items[], int count) {
  const bool changed = ImGui::Combo(hidden_id("", key).c_str(), &current, items, count);
  automation::tag(key);
  return changed;
}

namespace detail {

bool begin_combo(std::string_view key, const char* preview) {
  return ImGui::BeginCombo(hidden_id("", key).c_str(), preview);
}

// After EndCombo the last item is the combo's frame again (ImGui restores it
// when the popup window ends), so the tag lands on the frame either way.
void end_combo(std::string_view key, bool open) {
  if (open) ImGui::EndCombo();
  automation::tag(key);
}

}  // namespace detail

void count_badge(long long count, bool danger) {
  if (count <= 0) return;
  const std::string text = count > 999 ? "999+" : std::to_string(count);
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize() * 0.72f;
  const ImVec2 text_size = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str());
  const float pad = size * 0.3f;
  const ImVec2 corner = ImGui::GetItemRectMax();
  const ImVec2 min(corner.x - text_size.x - pad * 2 + pad, ImGui::GetItemRectMin().y - pad);
  const ImVec2 max(min.x + text_size.x + pad * 2, min.y + text_size.y + pad);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, ImGui::GetColorU32(danger ? palette::alarm_button : palette::badge), size);
  draw->AddText(font, size, ImVec2(min.x + pad, min.y + pad * 0.5f), IM_COL32_WHITE, text.c_str());
}

}  // namespace ui
