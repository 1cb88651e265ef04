// The demo store in a Web Worker of its own (web/demo-worker.js loads this
// module as demo.js + demo.wasm): each demo store's marketplace answers the
// console's requests here. The console's module carries none of it (about
// 85 KB gzip), a seller with a real store never downloads it, and building
// or answering from the demo never holds up a frame.
#include <emscripten.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "sandbox/marketplace.h"

namespace {

// Demo store id -> its marketplace: switching stores keeps each one's state.
std::map<std::string, std::unique_ptr<sandbox::Marketplace>, std::less<>> markets;
net::HttpResponse reply;  // the last answer, read by the worker's script

}  // namespace

extern "C" {

// Answers one request of demo store `store_id` (seeded with demo_seed(seed_index)
// when first met) at `now_ms`; the answer is read with demo_reply_*.
// `label_delay_ms` below 0 keeps Ozon's delay (Marketplace::kLabelDelayMs).
EMSCRIPTEN_KEEPALIVE void demo_handle(const char* store_id, int seed_index, double now_ms, const char* path,
                                      const char* body, int body_length, double label_delay_ms) {
  const auto now = static_cast<core::EpochMs>(now_ms);
  auto& market = markets[store_id];
  if (!market) market = std::make_unique<sandbox::Marketplace>(sandbox::Marketplace::demo_seed(seed_index), now);
  market->set_label_delay(label_delay_ms < 0 ? sandbox::Marketplace::kLabelDelayMs
                                             : static_cast<core::EpochMs>(label_delay_ms));
  reply = market->handle(path, std::string_view(body, static_cast<std::size_t>(body_length)), now);
}

EMSCRIPTEN_KEEPALIVE int demo_reply_status() { return reply.status; }
EMSCRIPTEN_KEEPALIVE const char* demo_reply_type() { return reply.content_type.c_str(); }
EMSCRIPTEN_KEEPALIVE const char* demo_reply_body() { return reply.body.data(); }
EMSCRIPTEN_KEEPALIVE int demo_reply_length() { return static_cast<int>(reply.body.size()); }

// The refresh benchmark: every demo store with at least `open` postings to pack.
EMSCRIPTEN_KEEPALIVE void demo_grow(int open, double now_ms) {
  const auto now = static_cast<core::EpochMs>(now_ms);
  for (auto& [id, market] : markets) {
    int have = 0;
    for (const auto& number : market->posting_numbers()) {
      const std::string status = market->posting_status(number);
      have += status == "awaiting_packaging" || status == "awaiting_deliver";
    }
    if (have < open) market->add_postings(open - have, now);
  }
}

}  // extern "C"
