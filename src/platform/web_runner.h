#pragma once
// The browser host: SDL2 window + WebGL2 context + Dear ImGui, and an
// event-driven frame loop. After input, a resize or an explicit request it
// draws a few frames on requestAnimationFrame and then stops: an idle tab
// draws nothing.
#include <functional>
#include <utility>
#include <vector>

namespace platform {

struct RunnerCallbacks {
  // Called when the device-pixel ratio changes (and once at start): rebuild
  // the font atlas for that ratio.
  std::function<void(float pixel_ratio)> rebuild_fonts;
  // True when the glyphs needed changed (another language): rebuild too.
  std::function<bool()> fonts_stale;
  // Called between ImGui::NewFrame and ImGui::Render with the CSS size.
  std::function<void(int css_width, int css_height, float pixel_ratio)> draw;
  // Called after the frame is on screen (apply actions, persist, ...).
  std::function<void()> after_frame;
};

// Frames drawn after the last input so ImGui's hover/active states settle.
inline constexpr int kFramesAfterInput = 4;

// Creates the window and GL context; on failure tells the page (which shows
// a plain-words message) and returns false.
bool start_runner(RunnerCallbacks callbacks);

// Asks for at least `frames` more frames (from async completions, timers...).
void request_redraw(int frames = kFramesAfterInput);
// request_redraw_after (a countdown's next change) is in web_scheduler.h.

long frames_drawn();

// Marks a start-up milestone (window.sellerConsole.timings[name], in ms from
// navigation start) for the benchmark.
extern "C" void js_mark(const char* name);

// Milliseconds each recent frame took on the main thread, oldest first:
// {layout (events, views, draw lists), total (plus GL submission)}.
std::vector<std::pair<double, double>> recent_frame_ms();

}  // namespace platform
