// Benchmark entry points reached through window.sellerConsole (see
// bench/web_bench.mjs): the same parsers as natively, timed in WebAssembly.
#include <emscripten.h>
#include <emscripten/heap.h>
#include <malloc.h>

#include <chrono>
#include <string_view>

#include <functional>
#include <string>

#include "ozon/parsers.h"
#include "platform/bench_hook.h"
#include "platform/web_runner.h"

namespace {
double last_count = 0;
std::function<void(std::size_t)> load_postings;
std::function<void(std::size_t)> load_stock;
std::function<void(std::size_t)> grow_demo;
std::function<void(std::size_t, std::size_t, std::function<void(const std::string&)>)> storage_bench;

EM_JS(void, js_bench_storage_done, (const char* json), {
  if (Module.onBenchStorage) Module.onBenchStorage(JSON.parse(UTF8ToString(json)));
});
std::string reply;
}  // namespace

namespace platform {
void install_bench(std::function<void(std::size_t count)> load,
                   std::function<void(std::size_t, std::size_t, std::function<void(const std::string&)>)> storage) {
  load_postings = std::move(load);
  storage_bench = std::move(storage);
}
void install_stock_bench(std::function<void(std::size_t products)> load) { load_stock = std::move(load); }
void install_demo_bench(std::function<void(std::size_t open)> grow) { grow_demo = std::move(grow); }
}  // namespace platform

extern "C" {

// Parses a v4 posting-list page into domain postings; returns milliseconds.
EMSCRIPTEN_KEEPALIVE double sc_bench_parse_postings(const char* text, int length) {
  const auto start = std::chrono::steady_clock::now();
  auto page = ozon::parse_posting_list(std::string_view(text, static_cast<std::size_t>(length)));
  last_count = page ? static_cast<double>(page->items.size()) : -1;
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

EMSCRIPTEN_KEEPALIVE double sc_bench_last_count() { return last_count; }

// Replaces the orders with `count` postings (copies of the loaded ones).
EMSCRIPTEN_KEEPALIVE void sc_bench_load_postings(int count) {
  if (load_postings && count > 0) load_postings(static_cast<std::size_t>(count));
  platform::request_redraw();
}

// Replaces the stock with `products` x the loaded warehouses.
EMSCRIPTEN_KEEPALIVE void sc_bench_grow_demo(int open) {
  if (grow_demo && open > 0) grow_demo(static_cast<std::size_t>(open));
}

EMSCRIPTEN_KEEPALIVE void sc_bench_load_stock(int products) {
  if (load_stock && products > 0) load_stock(static_cast<std::size_t>(products));
  platform::request_redraw();
}

// JSON array of recent frames, [layout ms, total ms] each.
EMSCRIPTEN_KEEPALIVE const char* sc_bench_frame_times() {
  reply = "[";
  for (const auto& [layout, total] : platform::recent_frame_ms())
    reply += (reply.size() > 1 ? ",[" : "[") + std::to_string(layout) + "," + std::to_string(total) + "]";
  reply += "]";
  return reply.c_str();
}

// The storage benchmark; the result arrives through Module.onBenchStorage.
EMSCRIPTEN_KEEPALIVE void sc_bench_storage(int postings, int entries) {
  if (!storage_bench || postings <= 0 || entries <= 0) return;
  storage_bench(static_cast<std::size_t>(postings), static_cast<std::size_t>(entries),
                [](const std::string& json) { js_bench_storage_done(json.c_str()); });
}

// Bytes of the WebAssembly heap (its linear memory grows, never shrinks).
EMSCRIPTEN_KEEPALIVE double sc_bench_heap_bytes() { return static_cast<double>(emscripten_get_heap_size()); }

// Bytes malloc has handed out and not had back: what the data needs now,
// where the heap's size above is its high-water mark.
EMSCRIPTEN_KEEPALIVE double sc_bench_heap_in_use() { return static_cast<double>(mallinfo().uordblks); }

}  // extern "C"
