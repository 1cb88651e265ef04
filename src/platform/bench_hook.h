#pragma once
// Benchmark hooks reached through window.sellerConsole (bench/web_bench.mjs).
#include <cstddef>
#include <functional>
#include <string>

namespace platform {

// `load(count)` fills the app with `count` postings for the frame-time
// benchmark; `storage(postings, entries, done)` runs the storage benchmark
// and hands its result (JSON text) to `done`.
void install_bench(std::function<void(std::size_t count)> load,
                   std::function<void(std::size_t postings, std::size_t entries,
                                      std::function<void(const std::string& json)> done)>
                       storage);

// `grow(open)` gives every demo store `open` postings to pack (the refresh benchmark).
void install_demo_bench(std::function<void(std::size_t open)> grow);

// `load(products)` fills the Stock screen with `products` x the loaded warehouses.
void install_stock_bench(std::function<void(std::size_t products)> load);

}  // namespace platform
