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

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// 127.0.0.0/8 written as four decimal parts.
bool is_loopback_ipv4(std::string_view host) {
  int parts = 0;
  std::size_t start = 0;
  while (start <= host.size()) {
    const std::size_t dot = std::min(host.find('.', start), host.size());
    const std::string_view part = host.substr(start, dot - start);
    if (part.empty() || part.size() > 3 || !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return false;
    if (parts == 0 && part != "127") return false;
    if (std::stoi(std::string(part)) > 255) return false;
    ++parts;
    start = dot + 1;
  }
  return parts == 4;
}

// The host of an absolute URL's authority ("" when there is none or it
// carries credentials: "http://127.0.0.1@example.com" goes to example.com).
std::string url_host(std::string_view rest) {
  const std::size_t end = std::min({rest.find('/'), rest.find('?'), rest.find('#'), rest.size()});
  std::string_view authority = rest.substr(0, end);
  if (authority.find('@') != std::string_view::npos || authority.find('\\') != std::string_view::npos) return {};
  if (starts_with(authority, "[")) {
    const std::size_t close = authority.find(']');
    return close == std::string_view::npos ? std::string() : lower(authority.substr(0, close + 1));
  }
  return lower(authority.substr(0, authority.find(':')));
}
}  // namespace

bool is_safe_api_url(std::string_view url) {
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return false;
  const std::string scheme = lower(url.substr(0, std::min<std::size_t>(url.size(), 8)));
  if (starts_with(scheme, "https://")) return !url_host(url.substr(8)).empty();
  if (!starts_with(scheme, "http://")) return false;
  const std::string host = url_host(url.substr(7));
  return host == "localhost" || host == "[::1]" || is_loopback_ipv4(host);
}

std::string portal_store_id(std::string_view portal_origin, std::string_view client_id) {
  std::string id = "portal:";
  id.append(portal_origin).append("#").append(client_id);
  return id;
}

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

namespace {
std::vector<std::string> problems_of(const StoreConfig& store, bool check_key) {
  std::vector<std::string> problems;
  if (trim(store.name).empty()) problems.push_back("stores.error.name");
  if (store.needs_keys()) {
    const std::string id = trim(store.client_id);
    if (id.empty() || !std::all_of(id.begin(), id.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      problems.push_back("stores.error.client_id");
    if (check_key && trim(store.api_key).empty()) problems.push_back("stores.error.api_key");
  }
  if (store.road == Road::proxy_url || store.road == Road::portal_fetch) {
    const std::string url = lower(trim(store.proxy_url));
    if (!starts_with(url, "https://") && !starts_with(url, "http://"))
      problems.push_back("stores.error.proxy_url");
    else if (!is_safe_api_url(trim(store.proxy_url)))
      problems.push_back("stores.error.clear_text");
  }
  return problems;
}
}  // namespace

std::vector<std::string> validate(const StoreConfig& store) { return problems_of(store, true); }
std::vector<std::string> validate_except_key(const StoreConfig& store) { return problems_of(store, false); }

bool same_connection(const StoreConfig& a, const StoreConfig& b) {
  return a.road == b.road && a.proxy_url == b.proxy_url && a.client_id == b.client_id && a.api_key == b.api_key;
}

StoreConfig demo_store(int index) {
  StoreConfig store;
  store.id = index <= 0 ? "demo" : "demo-" + std::to_string(index + 1);
  store.name = "";  // shown translated ("Demo store"); an added one is named by the stores screen
  store.road = Road::demo;
  return store;
}

int demo_store_index(std::string_view id) {
  constexpr std::string_view kPrefix = "demo-";
  if (id.substr(0, kPrefix.size()) != kPrefix || id.size() != kPrefix.size() + 1) return 0;
  const char digit = id.back();
  if (digit < '2' || digit > '0' + kDemoStoresMax) return 0;
  return digit - '1';
}

nlohmann::json to_json_without_key(const StoreConfig& store) {
  nlohmann::json json = {{"id", store.id},
                         {"name", store.name},
                         {"road", road_name(store.road)},
                         {"clientId", store.client_id},
                         {"proxyUrl", store.proxy_url}};
  if (!store.remember_key) json["rememberKey"] = false;
  return json;
}

nlohmann::json to_json(const StoreConfig& store) {
  nlohmann::json json = to_json_without_key(store);
  if (store.remember_key) json["apiKey"] = store.api_key;
  return json;
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
  store.proxy_url = text("proxyUrl");
  auto remember = json.find("rememberKey");
  store.remember_key = remember == json.end() || !remember->is_boolean() || remember->get<bool>();
  if (store.remember_key) store.api_key = text("apiKey");  // never read one back the seller said not to keep
  return store;
}

}  // namespace app
