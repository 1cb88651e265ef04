#pragma once
// The embedding protocol (README, "Embedding in a seller portal"). When the
// console runs in an iframe opened with ?embedder=<origin>, it talks to that
// parent only, and only when the site lists that origin among its portals
// (portals.json, written where the site is deployed) and the browser's
// location.ancestorOrigins agrees: every message from another origin or
// window is ignored.
//
//   console -> parent  {type: "seller-console:hello", version}
//   parent  -> console {type: "seller-console:configure", clientId, apiKey, apiBaseUrl, bridge, lang}
//   console -> parent  {type: "seller-console:request", id, path, body}              (bridge: true)
//   parent  -> console {type: "seller-console:response", id, status, body | bodyBase64, contentType?}
//   console -> parent  {type: "seller-console:storage", id, op, collection?, key?, value?}  (configure storage: true)
//   parent  -> console {type: "seller-console:stored", id, ok, error?, records?}
#include <functional>
#include <optional>
#include <string>

#include "app/portal_config.h"
#include "net/transport.h"

namespace platform {

using app::PortalConfig;

struct PortalLink {
  std::string origin;   // the embedder's origin; "" when not embedded or refused
  std::string refused;  // why an embedder gets nothing (a translation key), or ""
  std::string detail;   // the origin refused
};

// Starts listening and says hello to a listed embedder. Not embedded (no
// ?embedder=, or not inside a frame): an empty link.
PortalLink start_portal_link(const char* version, std::function<void(PortalConfig)> on_configure);

// Carries each API call through the embedding page.
class BridgeTransport final : public net::Transport {
 public:
  void send(net::HttpRequest request, net::ResponseCallback on_done) override;
};

}  // namespace platform
