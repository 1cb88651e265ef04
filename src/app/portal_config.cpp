#include "app/portal_config.h"

#include <nlohmann/json.hpp>

#include "core/json_read.h"

namespace app {
namespace {

// A configure message is a few hundred bytes of flat JSON: anything far
// bigger or nested is not one, and is not parsed.
constexpr std::size_t kMaxMessageBytes = 64 * 1024;
constexpr int kMaxMessageDepth = 8;

std::string text_field(const nlohmann::json& json, const char* key) {
  auto it = json.find(key);
  return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
}
}  // namespace

std::optional<PortalConfig> parse_portal_configure(const std::string& text) {
  if (text.size() > kMaxMessageBytes || !core::json_read::nesting_within(text, kMaxMessageDepth)) return std::nullopt;
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object() || text_field(json, "type") != "seller-console:configure") return std::nullopt;
  PortalConfig config;
  config.client_id = text_field(json, "clientId");
  config.api_key = text_field(json, "apiKey");
  config.api_base_url = text_field(json, "apiBaseUrl");
  config.lang = text_field(json, "lang");
  auto bridge = json.find("bridge");
  config.bridge = bridge != json.end() && bridge->is_boolean() && bridge->get<bool>();
  return config;
}

}  // namespace app
