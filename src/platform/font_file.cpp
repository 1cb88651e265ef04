#include "platform/font_file.h"

#include <emscripten.h>

#include <utility>

#include "platform/web_runner.h"

namespace platform {
namespace {

std::function<void(std::vector<unsigned char>)> pending;  // set while a fetch runs

EM_JS(void, js_fetch_font_file, (const char* url), {
  var path = UTF8ToString(url);
  fetch(path)
    .then(function(r) {
      if (!r.ok) throw new Error(path + ": HTTP " + r.status);
      return r.arrayBuffer();
    })
    .then(function(buffer) {
      var bytes = new Uint8Array(buffer);
      var ptr = _malloc(bytes.length);
      HEAPU8.set(bytes, ptr);
      Module._sc_font_file_loaded(ptr, bytes.length);
      _free(ptr);
    })
    .catch(function(err) {
      console.warn("[seller-console] font not loaded: " + (err && err.message || err));
      Module._sc_font_file_loaded(0, 0);
    });
});

}  // namespace

void fetch_font_file(const char* url, std::function<void(std::vector<unsigned char>)> done) {
  if (pending) return;
  pending = std::move(done);
  js_fetch_font_file(url);
}

}  // namespace platform

extern "C" EMSCRIPTEN_KEEPALIVE void sc_font_file_loaded(const unsigned char* bytes, int size) {
  auto done = std::move(platform::pending);
  platform::pending = nullptr;
  if (done) done(bytes && size > 0 ? std::vector<unsigned char>(bytes, bytes + size) : std::vector<unsigned char>{});
  platform::request_redraw();
}
