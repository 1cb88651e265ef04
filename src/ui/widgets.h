#pragma once
// Actionable widgets drawn from one key. The key is both the widget's ImGui
// id (the label is "<visible text>###<key>", so the widget keeps its identity
// and state when the language changes) and its automation name (tagged for
// window.sellerConsole.itemRect), so ImGui and the tests name the same widget
// the same way. The visible text is the key translated unless the caller
// gives another.
//
//   if (ui::button(app, "orders.refresh")) ...
//   if (ui::small_button(app, "plan.pick." + method,
//                        {.text = app.tr("plan.pick_list"), .enabled = group.to_pack > 0})) ...
#include <imgui.h>

#include <string>
#include <string_view>

#include "app/app.h"

namespace ui {

struct ButtonOptions {
  const char* text = nullptr;  // visible text; nullptr: the key translated
  bool enabled = true;         // greyed out and inert while false
  bool current = false;        // drawn pressed (a tab showing its page); clicking it then returns false
  bool danger = false;         // red: cancels or deletes something for good
};
bool button(const app::App& app, std::string_view key, const ButtonOptions& options = {});
bool small_button(const app::App& app, std::string_view key, const ButtonOptions& options = {});
// A button after the previous item on its line if it fits there, else on
// the next line: a row of actions wraps on a phone instead of running off.
bool next_button(const app::App& app, std::string_view key, const ButtonOptions& options = {});
// Text after the previous item on its line if it fits there, else on the
// next line (as next_button): counts at the end of a row stay on a phone.
void next_text(const ImVec4& color, const char* text);

struct ToggleOptions {
  const char* text = nullptr;  // visible text; nullptr: the key translated
  bool enabled = true;         // greyed out and inert while false
};
bool checkbox(const app::App& app, std::string_view key, bool& value, const ToggleOptions& options = {});
bool radio_button(const app::App& app, std::string_view key, bool active, const ToggleOptions& options = {});

// A row of a list or an option of a combo: its text is data (a posting
// number, a reason's title), not a translation.
bool selectable(std::string_view key, std::string_view text, bool selected, ImGuiSelectableFlags flags = 0);

struct InputOptions {
  bool labelled = false;       // the key translated beside the field; no label by default
  const char* hint = nullptr;  // grey text while the field is empty
  ImGuiInputTextFlags flags = 0;
};
bool input_text(const app::App& app, std::string_view key, std::string& value, const InputOptions& options = {});
bool input_multiline(std::string_view key, std::string& value, const ImVec2& size);
// A whole number (a count, a quantity).
bool input_count(std::string_view key, long long& value);

// A count drawn over the top-right corner of the last item (a nav button's
// unread messages, unseen alerts). It takes no room: the buttons after it do
// not move when a count appears, so a click aimed at them lands on them.
void count_badge(long long count, bool danger);

// A combo over fixed items; `current` is the chosen index.
bool combo(std::string_view key, int& current, const char* const items[], int count);

namespace detail {
bool begin_combo(std::string_view key, const char* preview);
void end_combo(std::string_view key, bool open);
}  // namespace detail

// A combo whose options `draw_options()` draws (with selectable() or
// ImGui::Selectable) while it is open.
template <class DrawOptions>
void combo(std::string_view key, const char* preview, DrawOptions&& draw_options) {
  const bool open = detail::begin_combo(key, preview);
  if (open) draw_options();
  detail::end_combo(key, open);
}

}  // namespace ui
