#pragma once
// What an embedding seller portal sends in "seller-console:configure".
#include <optional>
#include <string>

namespace app {

struct PortalConfig {
  std::string client_id;
  std::string api_key;
  std::string api_base_url;
  bool bridge = false;
  std::string lang;  // "" = keep the console's own choice
};

// Parses the message JSON; nullopt unless it is a configure message.
// Tolerant: missing or wrongly typed fields are left empty.
std::optional<PortalConfig> parse_portal_configure(const std::string& json);

}  // namespace app
