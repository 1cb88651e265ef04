#include "app/session.h"

namespace app {

StoreSession::StoreSession(StoreConfig store, TransportFactory& factory, core::Clock& clock,
                           core::Scheduler& scheduler)
    : store_(std::move(store)),
      transport_(factory.make(store_)),
      limiter_(clock),
      retry_(),
      client_(std::make_unique<ozon::ApiClient>(*transport_, clock, scheduler, limiter_, retry_)) {}

}  // namespace app
