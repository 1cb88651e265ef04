#include "platform/translator.h"

#include <emscripten.h>

#include <map>
#include <utility>

#include "platform/web_runner.h"

namespace platform {
namespace {

int next_call = 0;
std::function<void(bool)> probe_answer;
std::map<int, std::function<void(bool, std::string)>> translations;
std::map<int, std::function<void(std::string)>> detections;

EM_JS(void, js_probe_translator, (), {
  var has = typeof self !== "undefined" && typeof self.Translator !== "undefined";
  Module._sc_translator_probed(has ? 1 : 0);
});

// One translator per language pair, made on first use (the browser may
// download its model then).
EM_JS(void, js_translate, (int call, const char* text, const char* from, const char* to), {
  var input = UTF8ToString(text), source = UTF8ToString(from), target = UTF8ToString(to);
  var answer = function(ok, value) {
    var ptr = allocateUTF8(String(value));
    Module._sc_translation_done(call, ok ? 1 : 0, ptr);
    _free(ptr);
  };
  try {
    if (typeof self.Translator === "undefined") { answer(false, "no translator in this browser"); return; }
    Module.translators = Module.translators || {};
    var key = source + ">" + target;
    var made = Module.translators[key] ||
               (Module.translators[key] = self.Translator.create({sourceLanguage : source, targetLanguage : target}));
    made.then(function(t) { return t.translate(input); })
        .then(function(result) { answer(true, result); })
        .catch(function(e) {
          delete Module.translators[key];
          answer(false, (e && e.message) || String(e));
        });
  } catch (e) {
    answer(false, (e && e.message) || String(e));
  }
});

EM_JS(void, js_detect_language, (int call, const char* text), {
  var input = UTF8ToString(text);
  var answer = function(lang) {
    var ptr = allocateUTF8(lang || "");
    Module._sc_language_detected(call, ptr);
    _free(ptr);
  };
  try {
    if (typeof self.LanguageDetector === "undefined") { answer(""); return; }
    Module.languageDetector = Module.languageDetector || self.LanguageDetector.create();
    Module.languageDetector.then(function(d) { return d.detect(input); })
        .then(function(results) {
          var best = results && results[0];
          answer(best && best.confidence >= 0.5 ? best.detectedLanguage : "");
        })
        .catch(function() { answer(""); });
  } catch (e) {
    answer("");
  }
});

}  // namespace

void probe_translator(std::function<void(bool)> done) {
  probe_answer = std::move(done);
  js_probe_translator();
}

void translate(const std::string& text, const std::string& from, const std::string& to,
               std::function<void(bool, std::string)> done) {
  const int call = ++next_call;
  translations[call] = std::move(done);
  js_translate(call, text.c_str(), from.c_str(), to.c_str());
}

void detect_language(const std::string& text, std::function<void(std::string)> done) {
  const int call = ++next_call;
  detections[call] = std::move(done);
  js_detect_language(call, text.c_str());
}

}  // namespace platform

extern "C" {

EMSCRIPTEN_KEEPALIVE void sc_translator_probed(int available) {
  if (auto answer = std::exchange(platform::probe_answer, {})) answer(available != 0);
  platform::request_redraw(1);
}

EMSCRIPTEN_KEEPALIVE void sc_translation_done(int call, int ok, const char* text) {
  auto it = platform::translations.find(call);
  if (it == platform::translations.end()) return;
  auto done = std::move(it->second);
  platform::translations.erase(it);
  done(ok != 0, text ? text : "");
  platform::request_redraw();
}

EMSCRIPTEN_KEEPALIVE void sc_language_detected(int call, const char* lang) {
  auto it = platform::detections.find(call);
  if (it == platform::detections.end()) return;
  auto done = std::move(it->second);
  platform::detections.erase(it);
  std::string code = lang ? lang : "";
  if (code.rfind("zh", 0) == 0) code = "zh";  // "zh-Hans" and the like
  done(std::move(code));
  platform::request_redraw();
}

}  // extern "C"
