#include "app/store_config.h"

#include <algorithm>
#include <cctype>

namespace app {

std::string_view road_name(Road road) {
  switch (road) {
    case Road::demo: return "demo";
    case Road::local_proxy: return "local_proxy";
    case Road::proxy_url: return "proxy_url";
    case Road::direct: return "direct";
    case Road::portal_fetch: return "portal_fetch";
    case Road::portal_bridge: return "portal_bridge";
  }
  return "demo";
}

std::optional<Road> road_from_name(std::string_view name) {
  for (Road road : {Road::demo, Road::local_proxy, Road::proxy_url, Road::direct, Road::portal_fetch,
                    Road::portal_bridge})
    if (road_name(road) == name) return road;
  return std::nullopt;
}

namespace {
std::string trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return std::string(text);
}
bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }
}  // namespace

std::string api_base_url(const StoreConfig& store) {
  switch (store.road) {
    case Road::demo:
    case Road::portal_bridge: return "";
    case Road::local_proxy: return std::string(kLocalProxyBase);
    case Road::direct: return std::string(kOzonApiBase);
    case Road::proxy_url:
    case Road::portal_fetch: {
      std::string url = trim(store.proxy_url);
      while (!url.empty() && url.back() == '/') url.pop_back();
      return url;
    }
  }
  return "";
}

std::vector<std::string> validate(const StoreConfig& store) {
  std::vector<std::string> problems;
  if (trim(store.name).empty()) problems.push_back("stores.error.name");
  if (store.needs_keys()) {
    const std::string id = trim(store.client_id);
    if (id.empty() || !std::all_of(id.begin(), id.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      problems.push_back("stores.error.client_id");
    if (trim(store.api_key).empty()) problems.push_back("stores.error.api_key");
  }
  if (store.road == Road::proxy_url) {
    const std::string url = trim(store.proxy_url);
    if (!starts_with(url, "https://") && !starts_with(url, "http://")) problems.push_back("stores.error.proxy_url");
  }
  return problems;
}

StoreConfig demo_store() {
  StoreConfig store;
  store.id = "demo";
  store.name = "";  // shown translated ("Demo store")
  store.road = Road::demo;
  return store;
}

nlohmann::json to_json(const StoreConfig& store) {
  return {{"id", store.id},
          {"name", store.name},
          {"road", road_name(store.road)},
          {"clientId", store.client_id},
          {"apiKey", store.api_key},
          {"proxyUrl", store.proxy_url}};
}

std::optional<StoreConfig> store_from_json(const nlohmann::json& json) {
  if (!json.is_object()) return std::nullopt;
  auto text = [&](const char* key) {
    auto it = json.find(key);
    return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  StoreConfig store;
  store.id = text("id");
  store.name = text("name");
  auto road = road_from_name(text("road"));
  if (store.id.empty() || !road) return std::nullopt;
  store.road = *road;
  store.client_id = text("clientId");
  store.api_key = text("apiKey");
  store.proxy_url = text("proxyUrl");
  return store;
}

}  // namespace app
