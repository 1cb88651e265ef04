#include "platform/camera_scanner.h"

#include <emscripten.h>

#include <utility>

#include "platform/web_runner.h"

namespace platform {
namespace {

app::CameraHooks hooks;

// Loads web/camera.js on first use, then hands it the command; commands
// given while it loads wait in order. A script that cannot load (offline
// before it was cached) is a failure the detail shows.
EM_JS(void, js_camera_command, (const char* command, int arg), {
  var name = UTF8ToString(command);
  var camera = Module.camera;
  if (!camera) {
    camera = Module.camera = {waiting : []};
    var script = document.createElement("script");
    script.src = "camera.js";
    script.onload = function() {
      var waiting = camera.waiting;
      Module.camera = self.sellerCamera.create(Module);
      waiting.forEach(function(c) { Module.camera.command(c[0], c[1]); });
    };
    script.onerror = function() {
      Module.camera = null;
      var detail = allocateUTF8("camera.js did not load");
      var decoder = allocateUTF8(""), error = allocateUTF8("decoder_failed");
      Module._sc_camera_state(0, 1, 0, 0, 0, decoder, error, detail);
      _free(detail); _free(decoder); _free(error);
    };
    document.head.appendChild(script);
  }
  if (camera.waiting) camera.waiting.push([ name, arg ]);
  else camera.command(name, arg);
});

}  // namespace

void open_camera(bool back, app::CameraHooks camera_hooks) {
  hooks = std::move(camera_hooks);
  js_camera_command("open", back ? 1 : 0);
}

void close_camera() { js_camera_command("close", 0); }
void switch_camera() { js_camera_command("switch", 0); }
void set_torch(bool on) { js_camera_command("torch", on ? 1 : 0); }

}  // namespace platform

extern "C" {

EMSCRIPTEN_KEEPALIVE void sc_camera_code(const char* code) {
  if (platform::hooks.decoded && code) platform::hooks.decoded(code);
  platform::request_redraw();
}

EMSCRIPTEN_KEEPALIVE void sc_camera_state(int open, int back, int has_torch, int torch_on, int camera_count,
                                          const char* decoder, const char* error, const char* detail) {
  if (platform::hooks.changed)
    platform::hooks.changed({.open = open != 0,
                             .back = back != 0,
                             .has_torch = has_torch != 0,
                             .torch_on = torch_on != 0,
                             .camera_count = camera_count,
                             .decoder = decoder ? decoder : "",
                             .error = error ? error : "",
                             .detail = detail ? detail : ""});
  platform::request_redraw();
}

}  // extern "C"
