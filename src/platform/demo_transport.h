#pragma once
// net::Transport to a demo store: its marketplace runs in a Web Worker
// (web/demo-worker.js, src/demo_worker), started the first time a demo
// store is asked something. A request goes after `latency_ms` (a real
// store is not instant either) and fails plainly when the worker cannot
// start (offline before the demo was ever cached) or does not answer in time.
#include <string>

#include "core/clock.h"
#include "net/transport.h"

namespace platform {

class DemoTransport final : public net::Transport {
 public:
  // The Clock and Scheduler outlive the transport and what it scheduled.
  DemoTransport(std::string store_id, int seed_index, core::Clock& clock, core::Scheduler& scheduler,
                int latency_ms = 120)
      : store_id_(std::move(store_id)), seed_index_(seed_index), clock_(clock), scheduler_(scheduler),
        latency_ms_(latency_ms) {}
  void send(net::HttpRequest request, net::ResponseCallback on_done) override;

 private:
  std::string store_id_;
  int seed_index_;
  core::Clock& clock_;
  core::Scheduler& scheduler_;
  int latency_ms_;
};

// The refresh benchmark: every demo store opened so far gets at least `open`
// postings to pack (asked in order with the requests, so the next refresh sees them).
void grow_demo_stores(int open, core::EpochMs now);

}  // namespace platform
