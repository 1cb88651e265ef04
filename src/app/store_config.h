#pragma once
// A store the console works for, and the road its API calls travel. Ozon
// refuses calls straight from a web page (CORS), so a real store goes
// through a proxy (serve.py --proxy, or the seller's own) or the embedding
// portal; "direct" exists for proxies that present Ozon's API at their root.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace app {

enum class Road {
  demo,           // the built-in demo marketplace, in the page
  local_proxy,    // serve.py --proxy on the console's own origin: "/ozon"
  proxy_url,      // a proxy URL the seller runs
  direct,         // https://api-seller.ozon.ru (refused by browsers: kept to explain why)
  portal_fetch,   // configured by the embedding portal, fetched by the console
  portal_bridge,  // configured by the embedding portal, carried by it
};

std::string_view road_name(Road road);
std::optional<Road> road_from_name(std::string_view name);

inline constexpr std::string_view kOzonApiBase = "https://api-seller.ozon.ru";
inline constexpr std::string_view kLocalProxyBase = "/ozon";

struct StoreConfig {
  std::string id;
  std::string name;
  Road road = Road::demo;
  std::string client_id;
  std::string api_key;
  std::string proxy_url;  // proxy_url and portal_fetch
  bool saved = true;      // portal-provided stores live only for the page
  // false: the API key is kept in memory for this page only (a shared
  // warehouse computer); after a reload the console asks for it again.
  bool remember_key = true;

  bool needs_keys() const { return road != Road::demo && road != Road::portal_bridge; }
  bool is_portal() const { return road == Road::portal_fetch || road == Road::portal_bridge; }
};

// The fields that decide whether a store can connect (not its name, nor
// whether the device remembers its key).
bool same_connection(const StoreConfig& a, const StoreConfig& b);

// A portal's store is one Ozon account seen through one portal: its id joins
// the portal's origin and the Client-Id, so that work queued under one
// account (the outbox, offline copies) never goes out or shows under another.
std::string portal_store_id(std::string_view portal_origin, std::string_view client_id);

// Whether `url` may carry an API key: https://, or http:// to this machine
// only (a proxy the seller runs locally). Clear text elsewhere would hand the
// key to anyone on the road.
bool is_safe_api_url(std::string_view url);

// The base URL API paths are appended to ("" for the in-page demo).
std::string api_base_url(const StoreConfig& store);

// Translation keys of what is wrong with a store the seller typed (empty = fine).
std::vector<std::string> validate(const StoreConfig& store);
// The same, for a store that may arrive without its key (a backup made
// without keys): everything but the key is checked.
std::vector<std::string> validate_except_key(const StoreConfig& store);

// The built-in demo store (index 0, id "demo", always there) and the extra
// demo stores a seller may add to try several stores at once (index 1, 2:
// ids "demo-2", "demo-3"), each with its own data.
inline constexpr int kDemoStoresMax = 3;
StoreConfig demo_store(int index = 0);
// The index of a demo store's id (0 for "demo" and for any id not of that form).
int demo_store_index(std::string_view id);

// Stored on this device only (localStorage). The key is included when the
// seller lets the device remember it: the console must be able to call Ozon
// after a reload. It is never logged.
nlohmann::json to_json(const StoreConfig& store);
// The same without the key (drafts, backups without keys).
nlohmann::json to_json_without_key(const StoreConfig& store);
std::optional<StoreConfig> store_from_json(const nlohmann::json& json);

}  // namespace app
