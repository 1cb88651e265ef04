#include "platform/language_pack.h"

#include <emscripten.h>

#include <map>
#include <utility>

#include "platform/web_runner.h"

namespace platform {
namespace {

using Done = std::function<void(bool ok, LanguagePack pack, std::string error)>;
std::map<int, Done> pending;  // by request; 0 is the boot pack, answered at once
int next_request = 1;

// Hands a pack (or why there is none) to sc_language_pack. Module.fetchLanguagePack
// (boot.js) fetches; Module.languagePack is the one boot fetched, if any.
EM_JS(void, js_language_pack, (int request, const char* lang_code), {
  function deliver(pack, error) {
    var json = pack ? pack.json : "", none = new Uint8Array(0);
    var font = pack && pack.font ? pack.font : none, rest = pack && pack.fontRest ? pack.fontRest : none;
    var jsonLength = lengthBytesUTF8(json) + 1, jsonPtr = _malloc(jsonLength);
    stringToUTF8(json, jsonPtr, jsonLength);
    var bytes = function(array) {
      var ptr = _malloc(Math.max(1, array.length));
      HEAPU8.set(array, ptr);
      return ptr;
    };
    var fontPtr = bytes(font), restPtr = bytes(rest);
    var text = function(value) {
      var length = lengthBytesUTF8(value) + 1, ptr = _malloc(length);
      stringToUTF8(value, ptr, length);
      return ptr;
    };
    var errorPtr = text(error ? String(error && error.message || error) : "");
    var langPtr = text(pack ? String(pack.lang) : "");
    Module._sc_language_pack(request, pack ? 1 : 0, langPtr, jsonPtr, jsonLength - 1, fontPtr, font.length,
                             restPtr, rest.length, errorPtr);
    _free(jsonPtr); _free(fontPtr); _free(restPtr); _free(errorPtr); _free(langPtr);
  }
  if (request === 0) {
    var booted = Module.languagePack || null;
    Module.languagePack = null;
    deliver(booted, booted ? "" : "none");
    return;
  }
  if (!Module.fetchLanguagePack) { deliver(null, "no loader"); return; }
  // A later choice: the whole Chinese font at once (boot's leaves the rest to after the first frame).
  Module.fetchLanguagePack(UTF8ToString(lang_code), true).then(
      function(pack) { deliver(pack, ""); }, function(error) { deliver(null, error || "failed"); });
});

}  // namespace

std::optional<LanguagePack> take_boot_language_pack() {
  std::optional<LanguagePack> booted;
  pending[0] = [&booted](bool ok, LanguagePack pack, std::string) {
    if (ok) booted = std::move(pack);
  };
  js_language_pack(0, "");
  pending.erase(0);
  return booted;
}

void fetch_language_pack(const std::string& lang, Done done) {
  const int request = next_request++;
  pending[request] = std::move(done);
  js_language_pack(request, lang.c_str());
}

}  // namespace platform

extern "C" EMSCRIPTEN_KEEPALIVE void sc_language_pack(int request, int ok, const char* lang, const char* json,
                                                      int json_length,
                                                      const unsigned char* font, int font_length,
                                                      const unsigned char* font_rest, int font_rest_length,
                                                      const char* error) {
  auto it = platform::pending.find(request);
  if (it == platform::pending.end()) return;
  auto done = std::move(it->second);
  if (request != 0) platform::pending.erase(it);
  platform::LanguagePack pack;
  if (ok) {
    pack.lang = lang ? lang : "";
    pack.json.assign(json, static_cast<std::size_t>(json_length));
    pack.font.assign(font, font + font_length);
    pack.font_rest.assign(font_rest, font_rest + font_rest_length);
  }
  if (done) done(ok != 0, std::move(pack), error ? error : "");
  platform::request_redraw();
}
