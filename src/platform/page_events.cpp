#include "platform/page_events.h"

#include <emscripten.h>

#include <utility>

#include "platform/web_runner.h"

namespace platform {
namespace {

PageEvents events;

EM_JS(void, js_watch_page, (), {
  window.addEventListener("online", function() { Module._sc_set_online(1); });
  window.addEventListener("offline", function() { Module._sc_set_online(0); });
  document.addEventListener("visibilitychange", function() {
    if (document.visibilityState === "hidden") Module._sc_page_hidden();
  });
  window.addEventListener("pagehide", function() { Module._sc_page_hidden(); });
  Module._sc_set_online(navigator.onLine ? 1 : 0);
});

EM_JS(void, js_apply_update, (), {
  if (Module.pwa && Module.pwa.applyUpdate) Module.pwa.applyUpdate(); else location.reload();
});

}  // namespace

void install_page_events(PageEvents handlers) {
  events = std::move(handlers);
  js_watch_page();
}

void apply_update() { js_apply_update(); }

}  // namespace platform

extern "C" {

EMSCRIPTEN_KEEPALIVE void sc_set_online(int online) {
  if (platform::events.online) platform::events.online(online != 0);
  platform::request_redraw(1);
}

EMSCRIPTEN_KEEPALIVE void sc_page_hidden() {
  if (platform::events.hidden) platform::events.hidden();
}

EMSCRIPTEN_KEEPALIVE void sc_set_update_available(int available) {
  if (platform::events.update_available) platform::events.update_available(available != 0);
  platform::request_redraw(1);
}

EMSCRIPTEN_KEEPALIVE void sc_set_storage_info(int persisted, double usage_bytes, double quota_bytes) {
  if (platform::events.storage) platform::events.storage(persisted != 0, usage_bytes, quota_bytes);
  platform::request_redraw(1);
}

}  // extern "C"
