#include "platform/web_runner.h"

#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>  // GImGui->InputEventsQueue: input ImGui has not applied yet
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include <GLES3/gl3.h>

#include "platform/clipboard.h"
#include "platform/text_input.h"

namespace platform {
namespace {

struct Runner {
  RunnerCallbacks callbacks;
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  float font_pixel_ratio = 0.0f;
  int pending_frames = 0;
  // Ring of the last kFrameHistory frames: {layout ms, total ms}. Layout is
  // our work (events, views, draw lists); total adds GL submission, which
  // headless Chromium runs on a software rasterizer.
  std::vector<std::pair<double, double>> frame_ms;
  std::size_t frame_ms_next = 0;
  bool frame_scheduled = false;
  long frames = 0;
};
Runner runner;

EM_JS(void, js_report_fatal, (const char* reason, const char* detail), {
  if (Module.reportFatal) Module.reportFatal(UTF8ToString(reason), UTF8ToString(detail));
});

// Start-up milestones for the benchmark (window.sellerConsole.timings).

}  // namespace

// Start-up milestones for the benchmark (window.sellerConsole.timings).
EM_JS(void, js_mark, (const char* name), {
  if (Module.mark) Module.mark(UTF8ToString(name));
});

namespace {

EM_JS(void, js_first_frame_drawn, (), {
  if (Module.onFirstFrame) Module.onFirstFrame();
});

EM_BOOL on_animation_frame(double, void*);

void schedule_frame() {
  if (runner.frame_scheduled) return;
  runner.frame_scheduled = true;
  emscripten_request_animation_frame(on_animation_frame, nullptr);
}

// SDL pushes browser input into its queue from the DOM event handlers; this
// watch sees each event as it is pushed and wakes the frame loop. SDL_PollEvent
// itself pushes a sentinel each call: waking on it would never let the tab rest.
int wake_on_event(void*, SDL_Event* event) {
  if (event->type != SDL_POLLSENTINEL) request_redraw(kFramesAfterInput);
  return 0;
}

constexpr std::size_t kFrameHistory = 600;

void draw_frame() {
  const double started = emscripten_get_now();
  SDL_Event event;
  while (SDL_PollEvent(&event)) ImGui_ImplSDL2_ProcessEvent(&event);

  int css_w = 0, css_h = 0, px_w = 0, px_h = 0;
  SDL_GetWindowSize(runner.window, &css_w, &css_h);
  SDL_GL_GetDrawableSize(runner.window, &px_w, &px_h);
  const float ratio = css_w > 0 ? static_cast<float>(px_w) / static_cast<float>(css_w) : 1.0f;
  const bool fonts_stale = runner.callbacks.fonts_stale && runner.callbacks.fonts_stale();
  if (std::fabs(ratio - runner.font_pixel_ratio) > 0.01f || fonts_stale) {
    runner.font_pixel_ratio = ratio;
    runner.callbacks.rebuild_fonts(ratio);
    if (runner.frames == 0) js_mark("atlasBuilt");
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    if (runner.frames == 0) js_mark("fontsBuilt");
  }

  ImGui_ImplOpenGL3_NewFrame();  // the first call compiles the shaders
  if (runner.frames == 0) js_mark("shadersBuilt");
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  runner.callbacks.draw(css_w, css_h, ratio);
  ImGui::Render();
  if (runner.frames == 0) js_mark("firstLayout");
  const double layout_ms = emscripten_get_now() - started;

  glViewport(0, 0, px_w, px_h);
  glClearColor(0.10f, 0.11f, 0.13f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  ++runner.frames;
  const std::pair<double, double> took{layout_ms, emscripten_get_now() - started};
  if (runner.frame_ms.size() < kFrameHistory)
    runner.frame_ms.push_back(took);
  else
    runner.frame_ms[runner.frame_ms_next++ % kFrameHistory] = took;
  if (runner.frames == 1) js_first_frame_drawn();
  update_text_input();
  runner.callbacks.after_frame();
  // ImGui applies at most one change per key or button a frame ("trickling"):
  // fast typing leaves events queued after the frames the input asked for.
  // They must not wait for the next input: draw until the queue is empty.
  if (GImGui->InputEventsQueue.Size > 0) request_redraw(1);
}

EM_BOOL on_animation_frame(double, void*) {
  runner.frame_scheduled = false;
  draw_frame();
  runner.pending_frames = std::max(0, runner.pending_frames - 1);
  if (runner.pending_frames > 0) schedule_frame();
  return EM_FALSE;
}

}  // namespace

void request_redraw(int frames) {
  runner.pending_frames = std::max(runner.pending_frames, frames);
  schedule_frame();
}

long frames_drawn() { return runner.frames; }

std::vector<std::pair<double, double>> recent_frame_ms() {
  if (runner.frame_ms.size() < kFrameHistory) return runner.frame_ms;
  std::vector<std::pair<double, double>> ordered;
  for (std::size_t i = 0; i < kFrameHistory; ++i)
    ordered.push_back(runner.frame_ms[(runner.frame_ms_next + i) % kFrameHistory]);
  return ordered;
}

bool start_runner(RunnerCallbacks callbacks) {
  runner.callbacks = std::move(callbacks);
  js_mark("mainStarted");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    js_report_fatal("sdl", SDL_GetError());
    return false;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  // The canvas is sized by CSS (the whole page); SDL follows it and scales
  // the backing store by devicePixelRatio.
  runner.window = SDL_CreateWindow("Ozon Seller Console", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1280,
                                   800, SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (!runner.window) {
    js_report_fatal("window", SDL_GetError());
    return false;
  }
  runner.gl = SDL_GL_CreateContext(runner.window);
  if (!runner.gl) {
    js_report_fatal("webgl2", SDL_GetError());
    return false;
  }
  SDL_GL_MakeCurrent(runner.window, runner.gl);
  js_mark("glReady");

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is code, not a file
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep an idle tab drawing
  ImGui::StyleColorsDark();
  ImGui_ImplSDL2_InitForOpenGL(runner.window, runner.gl);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  install_clipboard(io);
  install_text_input(io);  // after the SDL backend, whose IME hook it replaces

  SDL_AddEventWatch(wake_on_event, nullptr);
  request_redraw(kFramesAfterInput);
  return true;
}

}  // namespace platform
