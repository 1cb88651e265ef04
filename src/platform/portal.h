#pragma once
// The embedding protocol (README, "Embedding in a seller portal"). When the
// console runs in an iframe opened with ?embedder=<origin>, it talks to that
// parent only: every message from another origin or window is ignored.
//
//   console -> parent  {type: "seller-console:hello", version}
//   parent  -> console {type: "seller-console:configure", clientId, apiKey, apiBaseUrl, bridge, lang}
//   console -> parent  {type: "seller-console:request", id, path, body}              (bridge: true)
//   parent  -> console {type: "seller-console:response", id, status, body | bodyBase64, contentType?}
#include <functional>
#include <optional>
#include <string>

#include "app/portal_config.h"
#include "net/transport.h"

namespace platform {

using app::PortalConfig;

// Starts listening and says hello; returns the embedder's origin, or "" when
// not embedded (no ?embedder=, or not inside a frame).
std::string start_portal_link(const char* version, std::function<void(PortalConfig)> on_configure);

// Carries each API call through the embedding page.
class BridgeTransport final : public net::Transport {
 public:
  void send(net::HttpRequest request, net::ResponseCallback on_done) override;
};

}  // namespace platform
