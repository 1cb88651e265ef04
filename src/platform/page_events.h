#pragma once
// The page's life around the app: the network coming and going, the tab
// being hidden or closed (save now: beforeunload often never finishes), a
// new version installed by the service worker, and storage use. boot.js
// reports the service-worker side through the sc_* exports.
#include <functional>

namespace platform {

struct PageEvents {
  std::function<void(bool online)> online;
  std::function<void()> hidden;  // visibilitychange to hidden, pagehide
  std::function<void(bool available)> update_available;
  std::function<void(bool persisted, double usage_bytes, double quota_bytes)> storage;
};

void install_page_events(PageEvents events);

// Reloads under the waiting service worker (the seller agreed).
void apply_update();

}  // namespace platform
