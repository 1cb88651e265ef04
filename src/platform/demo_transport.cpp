#include "platform/demo_transport.h"

#include <emscripten.h>

#include <utility>

#include "platform/fetch_transport.h"

namespace platform {
namespace {

// Posts one request to the demo worker (started on first use) and reports
// back through Module.requestDone, like fetch() (register_request defines
// it). A worker that cannot start fails every request sent to it at once and
// is dropped: the next request starts a new one (the network may be back).
EM_JS(void, js_demo_post, (int id, const char* store, int seed, double now, const char* path, const char* body,
                           int timeout_ms), {
  var demo = Module.demo;
  if (!demo) {
    demo = Module.demo = {pending: new Map(), worker: null};  // pending: request id -> {timer, worker}
    demo.finish = function(requestId, status, type, bytes, failure, detail) {
      var entry = demo.pending.get(requestId);
      if (entry === undefined) return;  // timed out already
      clearTimeout(entry.timer);
      demo.pending.delete(requestId);
      Module.requestDone(requestId, status, type, bytes, failure, detail);
    };
    demo.drop = function(worker, detail) {
      worker.terminate();
      if (demo.worker === worker) demo.worker = null;
      demo.pending.forEach(function(entry, requestId) {
        if (entry.worker === worker) demo.finish(requestId, 0, "", null, 1, detail);
      });
    };
    demo.start = function() {
      var worker = new Worker("demo-worker.js");
      worker.onmessage = function(event) {
        var m = event.data;
        if (m.restart) demo.drop(worker, m.failure);
        else if (m.failure) demo.finish(m.id, 0, "", null, 1, m.failure);
        else demo.finish(m.id, m.status, m.type, new Uint8Array(m.body), 0, "");
      };
      worker.onerror = function(event) {
        event.preventDefault();
        demo.drop(worker, "the demo store could not start" + (event.message ? ": " + event.message : "") +
                          (navigator.onLine ? "" : " (the browser is offline)"));
      };
      return worker;
    };
  }
  if (!demo.worker) demo.worker = demo.start();
  demo.pending.set(id, {worker: demo.worker, timer: setTimeout(function() {
    demo.finish(id, 0, "", null, 3, "the demo store gave no answer within " + timeout_ms + " ms");
  }, timeout_ms)});
  // labelDelayMs: Ozon's 45 s (-1) unless a test shortened it (boot.js, setDemoLabelDelay).
  demo.worker.postMessage({id: id, store: UTF8ToString(store), seed: seed, now: now, path: UTF8ToString(path),
                           body: UTF8ToString(body), labelDelayMs: Module.demoLabelDelayMs >= 0 ? Module.demoLabelDelayMs : -1});
});

EM_JS(void, js_demo_grow, (int open, double now), {
  if (Module.demo && Module.demo.worker) Module.demo.worker.postMessage({type: "grow", open: open, now: now});
});

}  // namespace

void DemoTransport::send(net::HttpRequest request, net::ResponseCallback on_done) {
  const int id = register_request(std::move(on_done));
  core::Clock* clock = &clock_;
  scheduler_.after(latency_ms_, [id, clock, store = store_id_, seed = seed_index_, req = std::move(request)] {
    js_demo_post(id, store.c_str(), seed, static_cast<double>(clock->now_ms()), req.path.c_str(), req.body.c_str(),
                 req.timeout_ms > 0 ? req.timeout_ms : 30'000);
  });
}

void grow_demo_stores(int open, core::EpochMs now) { js_demo_grow(open, static_cast<double>(now)); }

}  // namespace platform
