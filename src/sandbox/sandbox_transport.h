#pragma once
// net::Transport answered by the in-process demo marketplace. The answer is
// computed and delivered later through the scheduler (never inside send()),
// after `latency_ms` plus the fault knob's added latency; the marketplace sees
// the clock's time at delivery. The Marketplace, Clock and Scheduler must
// outlive the transport and every task it scheduled.
#include "core/clock.h"
#include "net/transport.h"
#include "sandbox/marketplace.h"

namespace sandbox {

class SandboxTransport final : public net::Transport {
 public:
  SandboxTransport(Marketplace& market, core::Clock& clock, core::Scheduler& scheduler, int latency_ms = 120);
  void send(net::HttpRequest request, net::ResponseCallback on_done) override;
  void set_latency_ms(int ms) { latency_ms_ = ms; }

 private:
  Marketplace& market_;
  core::Clock& clock_;
  core::Scheduler& scheduler_;
  int latency_ms_;
};

}  // namespace sandbox
