#include "platform/text_input.h"

#include <SDL.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>  // GImGui: whether this frame's widgets want text, queued input

#include <algorithm>
#include <utility>

#include "core/text_entry.h"
#include "platform/web_runner.h"

namespace platform {
namespace {

core::TextEntry entry;
bool want_text = false;
std::function<void(std::string_view)> typed_hook;

// The input keeps one character (SENTINEL) before its caret: a phone's
// Backspace must have something to delete, or it sends no event at all.
// Kinds passed to sc_text_event: 0 compositionstart, 1 compositionupdate,
// 2 compositionend, 3 input, 4 blur.
EM_JS(void, js_text_input_install, (), {
  var SENTINEL = " ";
  var input = document.createElement("input");
  input.type = "text";
  input.id = "text-input";
  input.tabIndex = -1;
  input.setAttribute("autocomplete", "off");
  input.setAttribute("autocorrect", "off");
  input.setAttribute("autocapitalize", "off");
  input.setAttribute("spellcheck", "false");
  input.setAttribute("enterkeyhint", "done");
  input.setAttribute("aria-label", document.title);
  input.value = SENTINEL;
  document.body.appendChild(input);
  var composing = false;
  var measure = document.createElement("canvas").getContext("2d");

  function restore() {
    if (input.value !== SENTINEL) input.value = SENTINEL;
    if (document.activeElement === input) input.setSelectionRange(1, 1);
  }
  function send(kind, type, data, isComposing) {
    var t = allocateUTF8(type || "");
    var d = allocateUTF8(data || "");
    Module._sc_text_event(kind, t, d, isComposing ? 1 : 0);
    _free(t);
    _free(d);
  }
  // Shown while composing, as wide as its text.
  function fit() {
    measure.font = getComputedStyle(input).font;
    input.style.width = Math.ceil(measure.measureText(input.value).width + 4) + "px";
  }
  input.addEventListener("compositionstart", function() {
    composing = true;
    input.classList.add("composing");
    send(0, "", "", true);
  });
  input.addEventListener("compositionupdate", function(e) {
    send(1, "", e.data, true);
    fit();
  });
  input.addEventListener("compositionend", function(e) {
    composing = false;
    input.classList.remove("composing");
    input.style.width = "";
    send(2, "", e.data, false);
    restore();
  });
  input.addEventListener("input", function(e) {
    send(3, e.inputType, e.data, e.isComposing);
    if (composing || e.isComposing) fit(); else restore();
  });
  // Keys that belong to a composition (229: an IME or a phone keyboard took
  // the key) stop here: SDL listens on window and would pass them to ImGui.
  ["keydown", "keyup", "keypress"].forEach(function(type) {
    input.addEventListener(type, function(e) { if (e.isComposing || e.keyCode === 229) e.stopPropagation(); });
  });
  input.addEventListener("focus", restore);
  input.addEventListener("blur", function() {
    composing = false;
    input.classList.remove("composing");
    input.style.width = "";
    send(4, "", "", false);
  });

  Module.textInput = {
    element: input,
    fields: [],
    fieldAt: function(x, y) {
      return this.fields.some(function(f) { return x >= f[0] && y >= f[1] && x < f[0] + f[2] && y < f[1] + f[3]; });
    },
    focus: function() { if (document.activeElement !== input) input.focus({preventScroll: true}); },
  };
});

EM_JS(void, js_text_input_place, (float x, float y, float line_height), {
  var style = Module.textInput.element.style;
  style.left = x + "px";
  style.top = y + "px";
  style.height = style.lineHeight = line_height + "px";
});

EM_JS(void, js_text_input_focus, (int focus), {
  var input = Module.textInput.element;
  if (focus) Module.textInput.focus();
  else if (document.activeElement === input) Module.canvas.focus({preventScroll: true});
});

// What a phone keyboard offers: Enter as a new line in a multi-line field,
// digits for a number.
EM_JS(void, js_text_input_kind, (int multiline, int numeric), {
  var input = Module.textInput.element;
  input.setAttribute("enterkeyhint", multiline ? "enter" : "done");
  input.setAttribute("inputmode", numeric ? "decimal" : "text");
});

EM_JS(int, js_text_input_focused, (), {
  return document.activeElement === Module.textInput.element ? 1 : 0;
});

EM_JS(void, js_text_input_fields, (const float* rects, int count), {
  var fields = [];
  for (var i = 0; i < count; i++) fields.push(Array.from(HEAPF32.subarray((rects >> 2) + 4 * i, (rects >> 2) + 4 * i + 4)));
  Module.textInput.fields = fields;
});

// ImGui's caret in CSS pixels (ImGui's coordinates: the canvas fills the page).
void set_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
  if (data->WantVisible) js_text_input_place(data->InputPos.x, data->InputPos.y, data->InputLineHeight);
}

// Through SDL's queue, not straight to ImGui: a key press queued there
// (Enter between two words) must stay before the text typed after it.
void push_key(SDL_Keycode key, SDL_Scancode scancode, bool down) {
  SDL_Event event{};
  event.type = down ? SDL_KEYDOWN : SDL_KEYUP;
  event.key.state = down ? SDL_PRESSED : SDL_RELEASED;
  event.key.keysym.sym = key;
  event.key.keysym.scancode = scancode;
  event.key.keysym.mod = static_cast<Uint16>(SDL_GetModState());
  SDL_PushEvent(&event);
}

void push_text(std::string_view text) {
  // An SDL text event holds 31 bytes: cut between characters, not inside one.
  constexpr std::size_t kMax = SDL_TEXTINPUTEVENT_TEXT_SIZE - 1;
  while (!text.empty()) {
    std::size_t n = std::min(kMax, text.size());
    while (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    SDL_Event event{};
    event.type = SDL_TEXTINPUT;
    text.copy(event.text.text, n);
    SDL_PushEvent(&event);
    text.remove_prefix(n);
  }
}

void apply(const core::TextEdit& edit) {
  if (edit.empty()) return;
  for (int i = 0; i < edit.backspaces; ++i) {
    push_key(SDLK_BACKSPACE, SDL_SCANCODE_BACKSPACE, true);
    push_key(SDLK_BACKSPACE, SDL_SCANCODE_BACKSPACE, false);
  }
  if (!edit.insert.empty()) {
    push_text(edit.insert);
    if (typed_hook) typed_hook(edit.insert);
  }
  request_redraw();
}

}  // namespace

void install_text_input(ImGuiIO& io) {
  js_text_input_install();
  io.SetPlatformImeDataFn = set_ime_data;
}

void on_text_typed(std::function<void(std::string_view)> typed) { typed_hook = std::move(typed); }

void update_text_input() {
  // This frame's widgets (io.WantTextInput is the frame before's).
  want_text = GImGui->WantTextInputNextFrame == 1;
  if (want_text) {
    static int kind = -1;
    const ImGuiInputTextFlags flags = GImGui->InputTextState.Flags;
    const bool multiline = (flags & ImGuiInputTextFlags_Multiline) != 0;
    const bool numeric = (flags & (ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_CharsScientific)) != 0;
    if (const int now = multiline * 2 + numeric; now != kind) {
      kind = now;
      js_text_input_kind(multiline, numeric);
    }
  }
  const bool focused = js_text_input_focused() != 0;
  if (want_text && !focused) {
    js_text_input_focus(1);
  } else if (!want_text && focused && GImGui->InputEventsQueue.Size == 0) {
    // Not while a press is still queued: the page focuses the input on a
    // press over a field, before the frame that activates the field.
    js_text_input_focus(0);
  }
}

void set_text_fields(const std::vector<WidgetRect>& fields) {
  static_assert(sizeof(WidgetRect) == 4 * sizeof(float));
  js_text_input_fields(reinterpret_cast<const float*>(fields.data()), static_cast<int>(fields.size()));
}

TextInputState text_input_state() {
  return {js_text_input_focused() != 0, entry.composing(), entry.composition(), want_text};
}

}  // namespace platform

extern "C" EMSCRIPTEN_KEEPALIVE void sc_text_event(int kind, const char* type, const char* data, int is_composing) {
  using platform::entry;
  switch (kind) {
    case 0: entry.composition_start(); break;
    case 1: entry.composition_update(data); break;
    case 2: platform::apply(entry.composition_end(data)); break;
    case 3: platform::apply(entry.input(type, data, is_composing != 0)); break;
    default: entry.reset(); break;
  }
}
