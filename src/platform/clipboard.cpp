#include "platform/clipboard.h"

#include <emscripten.h>
#include <imgui.h>

#include <string>

#include "platform/web_runner.h"

namespace platform {
namespace {

std::string clipboard_text;  // last text copied here or pasted into the page

EM_JS(void, js_write_clipboard, (const char* text), {
  var value = UTF8ToString(text);
  if (navigator.clipboard && navigator.clipboard.writeText)
    navigator.clipboard.writeText(value).catch(function() {});
});

EM_JS(void, js_listen_for_paste, (), {
  window.addEventListener("paste", function(event) {
    var text = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
    var ptr = allocateUTF8(text);
    Module._sc_on_paste(ptr);
    _free(ptr);
  });
});

const char* get_clipboard(void*) { return clipboard_text.c_str(); }
void set_clipboard(void*, const char* text) { copy_to_clipboard(text); }

}  // namespace

void copy_to_clipboard(const char* text) {
  clipboard_text = text ? text : "";
  js_write_clipboard(clipboard_text.c_str());
}

void install_clipboard(ImGuiIO& io) {
  io.GetClipboardTextFn = get_clipboard;
  io.SetClipboardTextFn = set_clipboard;
  js_listen_for_paste();
}

}  // namespace platform

extern "C" EMSCRIPTEN_KEEPALIVE void sc_on_paste(const char* text) {
  platform::clipboard_text = text ? text : "";
  platform::request_redraw();
}
