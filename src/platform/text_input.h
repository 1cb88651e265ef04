#pragma once
// The page's hidden <input>: where input methods (Chinese, Japanese, Korean)
// and phone keyboards type, since neither sends the key presses SDL turns
// into text. It has the focus while ImGui edits text, sits at ImGui's caret
// (the IME's candidate window opens beside it), shows a composition in
// progress, and hands finished text to ImGui. Desktop typing keeps going
// through SDL's keypress (cancelled, so the input never gets that text too);
// keys of a composition stop at the input, so ImGui never sees them as edits.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/automation_hook.h"

struct ImGuiIO;

namespace platform {

// After ImGui_ImplSDL2_InitForOpenGL (replaces its SetPlatformImeDataFn).
void install_text_input(ImGuiIO& io);
// Called with text handed to ImGui (e.g. to add its characters to the atlas).
void on_text_typed(std::function<void(std::string_view)> typed);
// After each frame: focus the input while ImGui wants text, else the canvas.
void update_text_input();
// The text fields of the last frame: a press on one focuses the input in the
// pointer event itself, the only moment a phone opens its keyboard.
void set_text_fields(const std::vector<WidgetRect>& fields);

struct TextInputState {
  bool focused = false;    // the hidden input has the focus
  bool composing = false;  // an input method's composition is in progress
  std::string composition;
  bool want_text = false;  // ImGui edits text (last frame)
};
TextInputState text_input_state();

}  // namespace platform
