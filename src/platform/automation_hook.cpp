#include "platform/automation_hook.h"

#include <emscripten.h>

#include <cstdio>

#include "platform/web_runner.h"
#include "platform/web_scheduler.h"

namespace platform {
namespace {
AutomationProviders providers;
std::string reply;  // keeps the last answer alive until JS has copied it
}  // namespace

void install_automation(AutomationProviders p) { providers = std::move(p); }

}  // namespace platform

using platform::providers;
using platform::reply;

extern "C" {

EMSCRIPTEN_KEEPALIVE long sc_frames_drawn() { return platform::frames_drawn(); }

EMSCRIPTEN_KEEPALIVE long sc_timer_tasks_run() { return platform::timer_tasks_run(); }

EMSCRIPTEN_KEEPALIVE const char* sc_snapshot_json() {
  reply = providers.snapshot_json ? providers.snapshot_json() : "{}";
  return reply.c_str();
}

// JSON {"x","y","w","h"} in CSS pixels, or "null" when the widget was not
// drawn in the last frame.
EMSCRIPTEN_KEEPALIVE const char* sc_item_rect(const char* name) {
  std::optional<platform::WidgetRect> rect;
  if (providers.item_rect && name) rect = providers.item_rect(name);
  if (!rect) {
    reply = "null";
  } else {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, R"({"x":%.1f,"y":%.1f,"w":%.1f,"h":%.1f})", static_cast<double>(rect->x),
                  static_cast<double>(rect->y), static_cast<double>(rect->w), static_cast<double>(rect->h));
    reply = buffer;
  }
  return reply.c_str();
}

EMSCRIPTEN_KEEPALIVE void sc_request_redraw() { platform::request_redraw(); }

}  // extern "C"
