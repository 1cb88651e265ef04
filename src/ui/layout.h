#pragma once
// The phone layout: below about 600 CSS px (a phone held upright) the console
// is one column (a compact top bar with a menu, postings as cards, the
// posting detail full screen with large touch targets), and lists scroll by
// dragging with a finger, with momentum.
#include <imgui.h>

namespace ui {

inline constexpr float kCompactWidth = 600.0f;  // CSS px
bool compact_layout();

// Drag-to-scroll for the current (scrolling) window: a finger's drag moves
// the content, and a flick keeps it moving, slowing down. A drag that
// scrolled is no click on what it started on. Call after the window's items.
void touch_scroll();
// True while a flick is still moving something: the next frame must come
// without input (the platform asks for it; idle otherwise).
bool touch_scroll_moving();

// Larger touch targets while alive (the phone layout's detail).
class TouchTargets {
 public:
  explicit TouchTargets(bool enabled);
  ~TouchTargets();
  TouchTargets(const TouchTargets&) = delete;
  TouchTargets& operator=(const TouchTargets&) = delete;

 private:
  bool enabled_;
};

}  // namespace ui
