#include "platform/page_overlay.h"

#include <emscripten.h>

#include <cstdint>
#include <map>
#include <utility>

#include "platform/web_runner.h"

namespace platform {
namespace {

std::function<void(const std::string&, bool)> loaded_hook;
std::map<int, std::function<void(app::PictureCacheInfo)>> cache_answers;  // by question number
int cache_questions = 0;

// `rects`: 8 floats a picture (x, y, w, h, then the visible part's x, y, w,
// h), CSS pixels from the canvas's top left, as ImGui lays out (the canvas's
// backing store is devicePixelRatio times larger; ImGui's coordinates are
// not). `urls`: one per picture, separated by "\n".
EM_JS(void, js_place_pictures, (const float* rects, int count, const char* urls_text), {
  var overlay = Module.pageOverlay;
  if (!overlay) {
    var layer = document.createElement("div");
    layer.id = "page-pictures";
    layer.setAttribute("aria-hidden", "true");
    layer.style.cssText = "position:fixed;left:0;top:0;width:0;height:0;overflow:visible;pointer-events:none;z-index:1";
    document.body.appendChild(layer);
    overlay = Module.pageOverlay = {layer: layer, byUrl: new Map(), reported: new Set()};
    overlay.report = function(url, ok) {
      if (overlay.reported.has(url + (ok ? "+" : "-"))) return;
      overlay.reported.add(url + (ok ? "+" : "-"));
      var text = allocateUTF8(url);
      Module._sc_picture_loaded(text, ok ? 1 : 0);
      _free(text);
    };
  }
  var canvas = Module.canvas || document.getElementById("canvas");
  var box = canvas.getBoundingClientRect();
  overlay.layer.style.left = box.left + "px";
  overlay.layer.style.top = box.top + "px";
  var urls = count > 0 ? UTF8ToString(urls_text).split("\n") : [];
  var used = new Map();  // url -> images of it used this frame (a product may be shown twice)
  var base = rects >> 2;
  for (var i = 0; i < count; ++i) {
    var url = urls[i];
    var pool = overlay.byUrl.get(url);
    if (!pool) overlay.byUrl.set(url, pool = []);
    var n = used.get(url) || 0;
    used.set(url, n + 1);
    var img = pool[n];
    if (!img) {
      img = document.createElement("img");
      img.alt = "";
      img.decoding = "async";
      img.draggable = false;
      img.className = "product-picture";
      img.style.cssText = "position:absolute;object-fit:contain;background:#fff;border-radius:2px;pointer-events:none";
      (function(u, image) {
        image.addEventListener("load", function() { overlay.report(u, true); });
        image.addEventListener("error", function() { overlay.report(u, false); });
      })(url, img);
      img.src = url;
      overlay.layer.appendChild(img);
      pool.push(img);
    }
    var r = HEAPF32.subarray(base + i * 8, base + i * 8 + 8);
    img.style.left = r[0] + "px";
    img.style.top = r[1] + "px";
    img.style.width = r[2] + "px";
    img.style.height = r[3] + "px";
    // The part outside the visible rectangle (a scrolled table cuts it) is clipped off.
    var top = Math.max(0, r[5] - r[1]), left = Math.max(0, r[4] - r[0]);
    var bottom = Math.max(0, r[1] + r[3] - (r[5] + r[7])), right = Math.max(0, r[0] + r[2] - (r[4] + r[6]));
    img.style.clipPath = (top || left || bottom || right) ? "inset(" + top + "px " + right + "px " + bottom + "px " + left + "px)" : "";
    img.style.display = "";
    img.dataset.shown = "1";
    if (img.complete && img.naturalWidth > 0) overlay.report(url, true);
  }
  // Not declared this frame: hidden (a closed posting, a row scrolled away).
  // Unused images of a URL beyond the first are dropped, so the pool stays small.
  overlay.byUrl.forEach(function(pool, url) {
    var n = used.get(url) || 0;
    for (var j = n; j < pool.length; ++j) {
      pool[j].style.display = "none";
      pool[j].dataset.shown = "0";
    }
    var keep = Math.max(n, 1);
    while (pool.length > keep) overlay.layer.removeChild(pool.pop());
  });
  // A long scroll through the stock screen: forget the hidden images of
  // URLs not shown now (the browser's cache keeps their pixels).
  if (overlay.byUrl.size > 300) {
    overlay.byUrl.forEach(function(pool, url) {
      if (used.has(url)) return;
      pool.forEach(function(image) { overlay.layer.removeChild(image); });
      overlay.byUrl.delete(url);
    });
  }
});

// Asks the service worker about its picture cache (kind "picture-cache-info")
// or to empty it ("clear-pictures"); the answer comes back through
// sc_picture_cache_answer. No worker controls the page: answered "unknown".
EM_JS(void, js_ask_picture_cache, (int question, const char* kind_text), {
  var kind = UTF8ToString(kind_text);
  function answer(info) {
    info = info || {};
    Module._sc_picture_cache_answer(question, info.known ? 1 : 0, info.entries || 0, info.bytes || 0,
                                    info.unsized || 0, info.budgetBytes || 0, info.maxEntries || 0);
  }
  var worker = navigator.serviceWorker && navigator.serviceWorker.controller;
  if (!worker) {
    answer(null);
    return;
  }
  var channel = new MessageChannel();
  var done = false;
  channel.port1.onmessage = function(event) {
    if (done) return;
    done = true;
    var info = event.data || {};
    info.known = true;
    answer(info);
  };
  // A worker that never answers (being replaced): "unknown" after a while.
  setTimeout(function() {
    if (!done) { done = true; answer(null); }
  }, 5000);
  worker.postMessage({type: kind}, [channel.port2]);
});

int ask(const char* kind, std::function<void(app::PictureCacheInfo)> done) {
  const int question = ++cache_questions;
  cache_answers[question] = std::move(done);
  js_ask_picture_cache(question, kind);
  return question;
}

}  // namespace

void PageOverlay::cache_info(std::function<void(app::PictureCacheInfo)> done) {
  ask("picture-cache-info", std::move(done));
}

void PageOverlay::clear_cache(std::function<void()> done) {
  ask("clear-pictures", [done = std::move(done)](app::PictureCacheInfo) { done(); });
}

void PageOverlay::place(const std::vector<app::PagePicture>& pictures) {
  std::vector<float> rects;
  rects.reserve(pictures.size() * 8);
  std::string urls;
  for (const auto& p : pictures) {
    rects.insert(rects.end(), {p.x, p.y, p.w, p.h, p.clip_x, p.clip_y, p.clip_w, p.clip_h});
    if (!urls.empty()) urls.push_back('\n');
    urls += p.url;
  }
  js_place_pictures(rects.data(), static_cast<int>(pictures.size()), urls.c_str());
}

void on_picture_loaded(std::function<void(const std::string& url, bool ok)> loaded) { loaded_hook = std::move(loaded); }

}  // namespace platform

extern "C" EMSCRIPTEN_KEEPALIVE void sc_picture_loaded(const char* url, int ok) {
  if (platform::loaded_hook) platform::loaded_hook(url, ok != 0);
}

extern "C" EMSCRIPTEN_KEEPALIVE void sc_picture_cache_answer(int question, int known, double entries, double bytes,
                                                             double unsized, double budget_bytes, double max_entries) {
  auto it = platform::cache_answers.find(question);
  if (it == platform::cache_answers.end()) return;
  auto done = std::move(it->second);
  platform::cache_answers.erase(it);
  const auto whole = [](double v) { return static_cast<std::int64_t>(v); };
  done({.known = known != 0, .entries = whole(entries), .bytes = whole(bytes), .unsized = whole(unsized),
        .budget_bytes = whole(budget_bytes), .max_entries = whole(max_entries)});
  platform::request_redraw();
}
