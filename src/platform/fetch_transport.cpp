#include "platform/fetch_transport.h"

#include <emscripten.h>

#include <unordered_map>

#include "platform/web_runner.h"

namespace platform {
namespace {

std::unordered_map<int, net::ResponseCallback> pending;
int next_id = 1;

// Module.requestDone(id, status, contentType, bytes, failure, detail) hands a
// finished request to C++ (_sc_request_done): fetch() and the demo worker use it.
EM_JS(void, js_define_request_done, (), {
  if (Module.requestDone) return;
  Module.requestDone = function(id, status, contentType, bytes, failure, detail) {
    var typePtr = allocateUTF8(contentType || "");
    var detailPtr = allocateUTF8(detail || "");
    var length = bytes ? bytes.length : 0;
    var bodyPtr = _malloc(length + 1);
    if (length) HEAPU8.set(bytes, bodyPtr);
    Module._sc_request_done(id, status, typePtr, bodyPtr, length, failure, detailPtr);
    _free(typePtr); _free(detailPtr); _free(bodyPtr);
  };
});

// Runs fetch() and reports back through _sc_request_done. The keys travel
// only in the request headers: never logged, never in the URL.
EM_JS(void, js_fetch, (int id, const char* url, const char* client_id, const char* api_key, const char* body,
                       int timeout_ms), {
  var target = UTF8ToString(url);
  var headers = {"Content-Type": "application/json"};
  var cid = UTF8ToString(client_id), key = UTF8ToString(api_key);
  if (cid) headers["Client-Id"] = cid;
  if (key) headers["Api-Key"] = key;
  var text = UTF8ToString(body);
  // Counts the browser's online/offline switches: a call that failed across
  // one failed because of it, and needs no probe (which would reach the
  // server once it is back, and be refused as a GET).
  if (Module.networkSwitches === undefined) {
    Module.networkSwitches = 0;
    var count = function() { Module.networkSwitches++; };
    window.addEventListener("online", count);
    window.addEventListener("offline", count);
  }
  var switchesAtStart = Module.networkSwitches, onlineAtStart = navigator.onLine;
  var controller = new AbortController();
  var timedOut = false;
  var timer = setTimeout(function() { timedOut = true; controller.abort(); }, timeout_ms);
  function done(status, contentType, bytes, failure, detail) {
    clearTimeout(timer);
    Module.requestDone(id, status, contentType, bytes, failure, detail);
  }
  // A redirect would carry the Api-Key header to wherever it points (fetch
  // keeps custom headers across origins): with a key, redirects are refused.
  fetch(target, {method: "POST", headers: headers, body: text, signal: controller.signal,
                 credentials: "omit", cache: "no-store", redirect: key ? "error" : "follow"})
    .then(function(response) {
      return response.arrayBuffer().then(function(buffer) {
        done(response.status, response.headers.get("Content-Type"), new Uint8Array(buffer), 0, "");
      });
    })
    .catch(function(error) {
      if (timedOut) return done(0, "", null, 3, "no answer within " + timeout_ms + " ms");
      if (!navigator.onLine || !onlineAtStart) return done(0, "", null, 1, "the browser is offline");
      if (Module.networkSwitches !== switchesAtStart) return done(0, "", null, 1, "the network connection changed during the call");
      var crossOrigin = false;
      try { crossOrigin = new URL(target, location.href).origin !== location.origin; } catch (e) {}
      // fetch() hides why a call failed. Probes without the keys tell "it
      // redirects" (a plain GET that does not follow redirects), "the server
      // answered but refused CORS" (a no-cors probe) and "nothing answered" apart.
      var redirected = "the proxy answered with a redirect: the console does not follow redirects with your API key";
      var plain = String(error && error.message || error);
      fetch(target, {method: "GET", credentials: "omit", cache: "no-store", redirect: "manual"})
        .then(function(probe) {
          if (probe.type === "opaqueredirect") return done(0, "", null, 1, redirected);
          if (crossOrigin) return done(0, "", null, 2, "the server does not allow calls from a web page (CORS)");
          done(0, "", null, 1, plain);
        }, function() {
          if (!crossOrigin) return done(0, "", null, 1, plain);
          fetch(target, {method: "GET", mode: "no-cors", credentials: "omit", cache: "no-store"})
            .then(function() { done(0, "", null, 2, "the server does not allow calls from a web page (CORS)"); })
            .catch(function() { done(0, "", null, 1, "the server could not be reached"); });
        });
    });
});

}  // namespace

int register_request(net::ResponseCallback on_done) {
  js_define_request_done();
  const int id = next_id++;
  pending.emplace(id, std::move(on_done));
  return id;
}

void complete_request(int id, net::HttpResponse response) {
  auto it = pending.find(id);
  if (it == pending.end()) return;  // answered twice or cancelled: ignore
  auto callback = std::move(it->second);
  pending.erase(it);
  callback(std::move(response));
  request_redraw();
}

void FetchTransport::send(net::HttpRequest request, net::ResponseCallback on_done) {
  const int id = register_request(std::move(on_done));
  const std::string url = target_.base_url + request.path;
  js_fetch(id, url.c_str(), target_.client_id.c_str(), target_.api_key.c_str(), request.body.c_str(),
           request.timeout_ms);
}

}  // namespace platform

extern "C" EMSCRIPTEN_KEEPALIVE void sc_request_done(int id, int status, const char* content_type,
                                                     const unsigned char* body, int length, int failure,
                                                     const char* detail) {
  net::HttpResponse response;
  response.status = status;
  response.content_type = content_type ? content_type : "";
  response.body.assign(reinterpret_cast<const char*>(body), static_cast<std::size_t>(length));
  response.failure = static_cast<net::Failure>(failure);
  response.failure_detail = detail ? detail : "";
  platform::complete_request(id, std::move(response));
}
