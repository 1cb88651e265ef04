#pragma once
// Every road of an app under test leads to one in-process demo marketplace,
// answering through the manual scheduler; the roads asked for are recorded.
#include <memory>
#include <vector>

#include "app/session.h"
#include "sandbox/marketplace.h"
#include "sandbox/sandbox_transport.h"

namespace app_test {

class SandboxRoads final : public app::TransportFactory {
 public:
  SandboxRoads(std::uint64_t seed, core::Clock& clock, core::Scheduler& scheduler)
      : market(seed, clock.now_ms()), clock_(clock), scheduler_(scheduler) {}
  std::unique_ptr<net::Transport> make(const app::StoreConfig& store) override {
    roads.push_back(store.road);
    return std::make_unique<sandbox::SandboxTransport>(market, clock_, scheduler_, 10);
  }
  sandbox::Marketplace market;
  std::vector<app::Road> roads;

 private:
  core::Clock& clock_;
  core::Scheduler& scheduler_;
};

}  // namespace app_test
