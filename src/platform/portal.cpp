#include "platform/portal.h"

#include <emscripten.h>

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "core/json_read.h"
#include "platform/fetch_transport.h"

namespace platform {
namespace {

std::function<void(PortalConfig)> configure_handler;

// Filters by origin AND source window before anything reaches C++; answers
// to bridge requests are completed here (base64 decoded in JS). The site's
// list of portals (Module.portals, from portals.json) decides who may embed
// it; location.ancestorOrigins (where the browser has it) must agree, so a
// page cannot claim another's origin in ?embedder=. Returns JSON
// {origin, refused, detail}, or 0 when not embedded.
EM_JS(char*, js_portal_start, (const char* version), {
  var embedder = new URLSearchParams(location.search).get("embedder");
  if (!embedder || window.parent === window) return 0;
  function link(origin, refused, detail) {
    return allocateUTF8(JSON.stringify({origin: origin, refused: refused, detail: detail}));
  }
  var origin;
  try { origin = new URL(embedder).origin; } catch (e) { return link("", "embed.unlisted", embedder); }
  if (!origin || origin === "null") return link("", "embed.unlisted", embedder);
  var listed = Array.isArray(Module.portals) ? Module.portals : [];
  if (listed.indexOf(origin) < 0) return link("", "embed.unlisted", origin);
  var ancestors = location.ancestorOrigins;
  if (ancestors && ancestors.length && ancestors[0] !== origin) return link("", "embed.not_parent", ancestors[0]);
  Module.portal = {origin: origin, ignored: 0, timers: {}, storageOffered: false, storageHandlers: {}};
  window.addEventListener("message", function(event) {
    var data = event.data;
    if (event.origin !== origin || event.source !== window.parent || !data || typeof data !== "object" ||
        typeof data.type !== "string" || data.type.indexOf("seller-console:") !== 0) {
      Module.portal.ignored++;
      return;
    }
    if (data.type === "seller-console:stored") {
      var handler = Module.portal.storageHandlers[Number(data.id)];
      if (handler) handler(data);
      return;
    }
    if (data.type === "seller-console:response") {
      var id = Number(data.id);
      if (!Module.portal.timers[id]) return;  // unknown or already timed out
      clearTimeout(Module.portal.timers[id]);
      delete Module.portal.timers[id];
      var bytes;
      if (typeof data.bodyBase64 === "string") {
        try {
          var raw = atob(data.bodyBase64);
          bytes = new Uint8Array(raw.length);
          for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
        } catch (e) {
          return Module.portal.complete(id, 0, "", null, 4, "the portal sent a body that is not base64");
        }
      } else {
        bytes = new TextEncoder().encode(typeof data.body === "string" ? data.body : "");
      }
      var status = Number(data.status) | 0;
      if (status < 100 || status > 599)
        return Module.portal.complete(id, 0, "", null, 4, "the portal answered without an HTTP status");
      return Module.portal.complete(id, status, String(data.contentType || ""), bytes, 0, "");
    }
    // The portal keeps the console's records (read when storage opens).
    if (data.type === "seller-console:configure" && data.storage === true) Module.portal.storageOffered = true;
    var ptr = allocateUTF8(JSON.stringify(data));
    Module._sc_on_portal_message(ptr);
    _free(ptr);
  });
  // Module.requestDone is defined by the first register_request (fetch_transport.cpp).
  Module.portal.complete = function(id, status, contentType, bytes, failure, detail) {
    Module.requestDone(id, status, contentType, bytes, failure, detail);
  };
  window.parent.postMessage({type: "seller-console:hello", version: UTF8ToString(version)}, origin);
  return link(origin, "", "");
});

EM_JS(void, js_portal_request, (int id, const char* path, const char* body, int timeout_ms), {
  if (!Module.portal) return;
  Module.portal.timers[id] = setTimeout(function() {
    delete Module.portal.timers[id];
    Module.portal.complete(id, 0, "", null, 3, "the portal did not answer within " + timeout_ms + " ms");
  }, timeout_ms);
  window.parent.postMessage({type: "seller-console:request", id: id, path: UTF8ToString(path),
                             body: UTF8ToString(body)}, Module.portal.origin);
});

}  // namespace

PortalLink start_portal_link(const char* version, std::function<void(PortalConfig)> on_configure) {
  configure_handler = std::move(on_configure);
  char* text = js_portal_start(version);
  if (!text) return {};
  const auto json = nlohmann::json::parse(text, nullptr, false);
  free(text);
  PortalLink link;
  link.origin = core::json_read::read_string(json, "origin");
  link.refused = core::json_read::read_string(json, "refused");
  link.detail = core::json_read::read_string(json, "detail");
  return link;
}

void BridgeTransport::send(net::HttpRequest request, net::ResponseCallback on_done) {
  const int id = register_request(std::move(on_done));
  js_portal_request(id, request.path.c_str(), request.body.c_str(), request.timeout_ms);
}

}  // namespace platform

extern "C" EMSCRIPTEN_KEEPALIVE void sc_on_portal_message(const char* json) {
  if (!json || !platform::configure_handler) return;
  if (auto config = app::parse_portal_configure(json)) platform::configure_handler(std::move(*config));
}
