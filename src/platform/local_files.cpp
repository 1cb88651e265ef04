#include "platform/local_files.h"

#include <emscripten.h>

#include <unordered_map>
#include <utility>

#include "platform/web_runner.h"

namespace platform {
namespace {

std::unordered_map<int, std::function<void(std::string)>> pending_picks;
int next_pick = 1;

// Module.files.lastSaved lets tests read what was downloaded.
EM_JS(void, js_save_text_file, (const char* name, const char* text), {
  var fileName = UTF8ToString(name), content = UTF8ToString(text);
  Module.files = Module.files || {};
  Module.files.lastSaved = {name: fileName, text: content};
  var url = URL.createObjectURL(new Blob([content], {type: "application/json;charset=utf-8"}));
  var link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
});

// Reads at most `max_bytes` of the file: a bigger one arrives cut, and the
// app refuses it by its size without the whole of it in memory.
EM_JS(void, js_pick_text_file, (int id, double max_bytes), {
  var input = document.createElement("input");
  input.type = "file";
  input.accept = ".json,application/json";
  input.style.display = "none";
  input.addEventListener("change", function() {
    var file = input.files && input.files[0];
    input.remove();
    if (!file) return;
    file.slice(0, Math.min(file.size, max_bytes)).text().then(function(text) {
      var ptr = allocateUTF8(text);
      Module._sc_file_picked(id, ptr);
      _free(ptr);
    });
  });
  document.body.appendChild(input);
  input.click();
});

EM_JS(void, js_reload_page, (), { location.reload(); });

}  // namespace

void save_text_file(const std::string& name, const std::string& text) { js_save_text_file(name.c_str(), text.c_str()); }

void pick_text_file(std::function<void(std::string text)> done, std::size_t max_bytes) {
  const int id = next_pick++;
  pending_picks.emplace(id, std::move(done));
  js_pick_text_file(id, static_cast<double>(max_bytes));
}

void reload_page() { js_reload_page(); }

}  // namespace platform

extern "C" EMSCRIPTEN_KEEPALIVE void sc_file_picked(int id, const char* text) {
  auto it = platform::pending_picks.find(id);
  if (it == platform::pending_picks.end()) return;
  auto done = std::move(it->second);
  platform::pending_picks.erase(it);
  done(text ? text : "");
  platform::request_redraw();
}
