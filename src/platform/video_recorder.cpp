#include "platform/video_recorder.h"

#include <emscripten.h>

#include <nlohmann/json.hpp>
#include <utility>

#include "core/json_read.h"
#include "platform/web_runner.h"

namespace platform {
namespace {

app::RecorderHooks hooks;

// Loads web/recorder.js on first use, then hands it the command (a name and
// its JSON argument); commands given while it loads wait in order. A script
// that cannot load (offline before it was cached) is a failure the app shows.
EM_JS(void, js_recorder_command, (const char* command, const char* arg), {
  var name = UTF8ToString(command);
  var argument = UTF8ToString(arg);
  var recorder = Module.videoRecorder;
  if (!recorder) {
    recorder = Module.videoRecorder = {waiting : []};
    var script = document.createElement("script");
    script.src = "recorder.js";
    script.onload = function() {
      var waiting = recorder.waiting;
      Module.videoRecorder = self.sellerRecorder.create(Module);
      waiting.forEach(function(c) { Module.videoRecorder.command(c[0], c[1]); });
    };
    script.onerror = function() {
      Module.videoRecorder = null;
      var state = allocateUTF8(JSON.stringify({error : "failed", detail : "recorder.js did not load"}));
      Module._sc_recorder_state(state);
      _free(state);
      var error = allocateUTF8("failed"), files = allocateUTF8("[]");
      Module._sc_recorder_listed(0, error, files);
      _free(error); _free(files);
    };
    document.head.appendChild(script);
  }
  if (recorder.waiting) recorder.waiting.push([ name, argument ]);
  else recorder.command(name, argument);
});

void command(const char* name, const nlohmann::json& arg) {
  js_recorder_command(name, core::json_read::dump(arg).c_str());
}

}  // namespace

void WebVideoRecorder::connect(app::RecorderHooks recorder_hooks) { hooks = std::move(recorder_hooks); }

void WebVideoRecorder::start(const app::RecordingStart& s) {
  command("start", {{"name", s.name},
                    {"posting", s.posting},
                    {"startedAt", s.started_at},
                    {"meta", s.meta_json},
                    {"bitsPerSecond", s.bits_per_second}});
}

void WebVideoRecorder::stop(const std::string& reason) { command("stop", {{"reason", reason}}); }
void WebVideoRecorder::list() { command("list", nlohmann::json::object()); }
void WebVideoRecorder::remove(const std::vector<std::string>& names) { command("remove", {{"names", names}}); }
void WebVideoRecorder::save(const std::string& name, const std::string& file_name) {
  command("save", {{"name", name}, {"fileName", file_name}});
}

}  // namespace platform

extern "C" {

EMSCRIPTEN_KEEPALIVE void sc_recorder_state(const char* text) {
  namespace jr = core::json_read;
  const auto json = nlohmann::json::parse(text ? text : "", nullptr, false);
  if (platform::hooks.changed && json.is_object())
    platform::hooks.changed({.name = jr::read_string_strict(json, "name"),
                             .recording = jr::read_bool_strict(json, "recording"),
                             .seconds = jr::read_double(json, "seconds"),
                             .bytes = jr::read_int64_strict(json, "bytes"),
                             .mime = jr::read_string_strict(json, "mime"),
                             .error = jr::read_string_strict(json, "error"),
                             .detail = jr::read_string_strict(json, "detail"),
                             .ended = jr::read_string_strict(json, "ended")});
  platform::request_redraw();
}

EMSCRIPTEN_KEEPALIVE void sc_recorder_listed(int ok, const char* error, const char* files_json) {
  namespace jr = core::json_read;
  std::vector<app::StoredRecording> files;
  const auto json = nlohmann::json::parse(files_json ? files_json : "", nullptr, false);
  if (json.is_array())
    for (const auto& f : json)
      if (f.is_object())
        files.push_back({jr::read_string_strict(f, "name"), jr::read_string_strict(f, "meta"),
                         jr::read_int64_strict(f, "bytes")});
  if (platform::hooks.listed) platform::hooks.listed(ok != 0, error ? error : "", std::move(files));
  platform::request_redraw();
}

}  // extern "C"
