#include "platform/font_file.h"

#include <emscripten.h>

#include <map>
#include <string>
#include <utility>

#include "platform/web_runner.h"

namespace platform {
namespace {

std::map<std::string, std::function<void(std::vector<unsigned char>)>> pending;  // by file, while its fetch runs

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
      loaded(ptr, bytes.length);
      _free(ptr);
    }, function(err) {
      console.warn("[seller-console] font not loaded: " + (err && err.message || err));
      loaded(0, 0);
    });
  // The caller's text may be gone by then: the answer names the file with a copy.
  function loaded(ptr, length) {
    var size = lengthBytesUTF8(path) + 1, name = _malloc(size);
    stringToUTF8(path, name, size);
    Module._sc_font_file_loaded(name, ptr, length);
    _free(name);
  }
});

}  // namespace

void fetch_font_file(const char* url, std::function<void(std::vector<unsigned char>)> done) {
  if (!pending.emplace(url, std::move(done)).second) return;
  js_fetch_font_file(url);
}

}  // namespace platform

extern "C" EMSCRIPTEN_KEEPALIVE void sc_font_file_loaded(const char* url, const unsigned char* bytes, int size) {
  auto it = platform::pending.find(url);
  if (it == platform::pending.end()) return;
  auto done = std::move(it->second);
  platform::pending.erase(it);
  if (done) done(bytes && size > 0 ? std::vector<unsigned char>(bytes, bytes + size) : std::vector<unsigned char>{});
  platform::request_redraw();
}
