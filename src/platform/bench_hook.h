#pragma once
// Benchmark hooks reached through window.sellerConsole (bench/web_bench.mjs).
#include <cstddef>
#include <functional>

namespace platform {

// `load(count)` fills the app with `count` postings for the frame-time benchmark.
void install_bench(std::function<void(std::size_t count)> load);

}  // namespace platform
