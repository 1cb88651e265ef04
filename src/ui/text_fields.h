#pragma once
// Where the text fields are: every input_text / input_multiline records its
// visible rectangle each frame. The page needs them to open a phone's
// keyboard: it may only focus its text input inside the pointer's own event,
// before any frame has seen the press.
#include <vector>

namespace ui::text_fields {

struct Rect {
  float x, y, w, h;  // CSS pixels, clipped to the window's visible area
};

void begin_frame();
// Records the last ImGui item (a text field) as one.
void add_last_item();
// Ends the frame; true when the rectangles differ from the previous frame's.
bool end_frame();
const std::vector<Rect>& drawn();

}  // namespace ui::text_fields
