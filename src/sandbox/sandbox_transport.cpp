#include "sandbox/sandbox_transport.h"

#include <memory>
#include <utility>

namespace sandbox {

SandboxTransport::SandboxTransport(Marketplace& market, core::Clock& clock, core::Scheduler& scheduler,
                                   int latency_ms)
    : market_(market), clock_(clock), scheduler_(scheduler), latency_ms_(latency_ms) {}

void SandboxTransport::send(net::HttpRequest request, net::ResponseCallback on_done) {
  const std::int64_t delay = static_cast<std::int64_t>(latency_ms_) + market_.faults().latency_ms;
  if (delay > request.timeout_ms && request.timeout_ms > 0) {
    scheduler_.after(request.timeout_ms, [cb = std::move(on_done)]() mutable {
      net::HttpResponse r;
      r.failure = net::Failure::timeout;
      r.failure_detail = "sandbox: no answer within the timeout";
      cb(std::move(r));
    });
    return;
  }
  Marketplace* market = &market_;
  core::Clock* clock = &clock_;
  scheduler_.after(delay, [market, clock, req = std::move(request), cb = std::move(on_done)]() mutable {
    cb(market->handle(req.path, req.body, clock->now_ms()));
  });
}

}  // namespace sandbox
