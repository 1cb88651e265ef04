#pragma once
// net::Transport on the browser's fetch(): POST <base_url><path> with the
// store's Client-Id / Api-Key. The body is copied into JS at send time, so
// nothing on the C++ side must outlive the call. Failures are told apart:
// offline, network (unreachable), CORS refusal (the server answers, but the
// browser withholds the reply), timeout.
#include <string>

#include "net/transport.h"

namespace platform {

struct FetchTarget {
  std::string base_url;  // e.g. "/ozon" (serve.py --proxy) or "https://proxy.example"
  std::string client_id;
  std::string api_key;
};

class FetchTransport final : public net::Transport {
 public:
  explicit FetchTransport(FetchTarget target) : target_(std::move(target)) {}
  void send(net::HttpRequest request, net::ResponseCallback on_done) override;

 private:
  FetchTarget target_;
};

// Resolves a completion from JS (see fetch_transport.cpp); shared with the bridge.
void complete_request(int id, net::HttpResponse response);
int register_request(net::ResponseCallback on_done);

}  // namespace platform
