// Benchmark entry points reached through window.sellerConsole (see
// bench/web_bench.mjs): the same parsers as natively, timed in WebAssembly.
#include <emscripten.h>

#include <chrono>
#include <string_view>

#include "ozon/parsers.h"

namespace {
double last_count = 0;
}

extern "C" {

// Parses a v4 posting-list page into domain postings; returns milliseconds.
EMSCRIPTEN_KEEPALIVE double sc_bench_parse_postings(const char* text, int length) {
  const auto start = std::chrono::steady_clock::now();
  auto page = ozon::parse_posting_list(std::string_view(text, static_cast<std::size_t>(length)));
  last_count = page ? static_cast<double>(page->items.size()) : -1;
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

EMSCRIPTEN_KEEPALIVE double sc_bench_last_count() { return last_count; }

}  // extern "C"
