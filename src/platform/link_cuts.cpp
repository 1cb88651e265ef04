// Code the console never runs, cut from app.wasm at link time.
//
// The functions below are reachable only through tables or branches the
// linker cannot see through, so they and everything they call stayed in the
// first load (785 -> 671 KB gzip together with LTO, no RTTI, the lean SDL
// build and the packed translations).
// cmake/wasm_app.cmake links with -Wl,--wrap=<symbol>, which sends every
// call of <symbol> to __wrap_<symbol> here; the real one is then unused and
// dropped with what only it needed.
#include <SDL.h>
#include <emscripten/html5.h>

struct ImFont;
struct ImFontConfig;

extern "C" {

// SDL's Emscripten driver converts a custom colour cursor's pixels through
// SDL_ConvertSurfaceFormat, which pulls in every software blitter of SDL
// (about 190 KB of code). The console only sets system cursors (ImGui's SDL
// backend uses SDL_CreateSystemCursor), so a custom cursor is refused.
SDL_Surface* __wrap_SDL_ConvertSurfaceFormat(SDL_Surface* /*surface*/, Uint32 /*format*/, Uint32 /*flags*/) {
  SDL_SetError("surface conversion is not built into the console");
  return nullptr;
}

// ImGui's SDL backend opens a game controller only when the app sets
// ImGuiConfigFlags_NavEnableGamepad, which the console never does; the call
// alone kept SDL's game controller code and its mapping database (9 KB gzip).
SDL_GameController* __wrap_SDL_GameControllerOpen(int /*joystick_index*/) {
  SDL_SetError("game controllers are not built into the console");
  return nullptr;
}

// SDL's EGL layer keeps eglGetProcAddress for SDL_GL_GetProcAddress (and
// its extension lookups); Emscripten's answers it from a table of every
// WebGL 1 and 2 entry point by name, so each one's JavaScript stayed in
// app.js and its import in app.wasm. The console calls GL directly (ImGui's
// OpenGL ES 3 backend has no loader) and never asks SDL for a function; an
// extension SDL looks up is then absent, which SDL handles.
void* __wrap_eglGetProcAddress(const char* /*name*/) { return nullptr; }

// SDL's Emscripten driver can make the canvas fullscreen and lock the
// pointer (SDL_SetWindowFullscreen, SDL_SetRelativeMouseMode) and listens for
// both changing. The console does neither, so nothing of theirs can happen:
// the requests are refused and the listeners not set, and Emscripten's
// JavaScript for both (canvas resizing, style saving, event filling) leaves app.js.
EMSCRIPTEN_RESULT __wrap_emscripten_request_fullscreen_strategy(const char* /*target*/, EM_BOOL /*defer*/,
                                                               const EmscriptenFullscreenStrategy* /*strategy*/) {
  return EMSCRIPTEN_RESULT_NOT_SUPPORTED;
}
EMSCRIPTEN_RESULT __wrap_emscripten_exit_fullscreen() { return EMSCRIPTEN_RESULT_NOT_SUPPORTED; }
EMSCRIPTEN_RESULT __wrap_emscripten_set_fullscreenchange_callback_on_thread(const char* /*target*/, void* /*data*/,
                                                                           EM_BOOL /*capture*/,
                                                                           em_fullscreenchange_callback_func /*callback*/,
                                                                           pthread_t /*thread*/) {
  return EMSCRIPTEN_RESULT_SUCCESS;
}
EMSCRIPTEN_RESULT __wrap_emscripten_request_pointerlock(const char* /*target*/, EM_BOOL /*defer*/) {
  return EMSCRIPTEN_RESULT_NOT_SUPPORTED;
}
EMSCRIPTEN_RESULT __wrap_emscripten_exit_pointerlock() { return EMSCRIPTEN_RESULT_NOT_SUPPORTED; }
EMSCRIPTEN_RESULT __wrap_emscripten_set_pointerlockchange_callback_on_thread(const char* /*target*/, void* /*data*/,
                                                                            EM_BOOL /*capture*/,
                                                                            em_pointerlockchange_callback_func /*callback*/,
                                                                            pthread_t /*thread*/) {
  return EMSCRIPTEN_RESULT_SUCCESS;
}

// ImFontAtlas::AddFontDefault(const ImFontConfig*): ImGui 1.90.1 has no
// IMGUI_DISABLE_DEFAULT_FONT, and ImFontAtlas::Build() would call this only
// when no font was added. ui/fonts.cpp always adds the embedded fonts, so
// the compressed ProggyClean font (12 KB) is never used.
ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(void* /*atlas*/, const ImFontConfig* /*config*/) {
  return nullptr;
}
}
