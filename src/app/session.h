#pragma once
// The live connection to one store: its transport, rate limiter, retry
// policy and API client. Replacing the session drops every pending callback
// of the old one (the client's destructor does), so a late answer from a
// store the seller left never lands in the new one's state.
#include <memory>

#include "app/store_config.h"
#include "core/clock.h"
#include "net/transport.h"
#include "ozon/api_client.h"
#include "ozon/rate_limiter.h"
#include "ozon/retry_policy.h"

namespace app {

// Makes the transport for a store's road (fetch, portal bridge, demo).
class TransportFactory {
 public:
  virtual ~TransportFactory() = default;
  virtual std::unique_ptr<net::Transport> make(const StoreConfig& store) = 0;
};

class StoreSession {
 public:
  StoreSession(StoreConfig store, TransportFactory& factory, core::Clock& clock, core::Scheduler& scheduler);

  const StoreConfig& store() const { return store_; }
  ozon::ApiClient& client() { return *client_; }

 private:
  StoreConfig store_;
  std::unique_ptr<net::Transport> transport_;
  ozon::RateLimiter limiter_;
  ozon::RetryPolicy retry_;
  std::unique_ptr<ozon::ApiClient> client_;
};

}  // namespace app
