#pragma once
// Shared by the demo marketplace's tests: a marketplace driven call by call,
// and helpers to read its postings.
#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ozon/endpoints.h"
#include "sandbox/marketplace.h"

namespace sandbox_test {

using json = nlohmann::json;
namespace ep = ozon::endpoint;

inline core::EpochMs at(const char* iso) {
  core::EpochMs t = 0;
  sandbox::parse_iso8601(iso, &t);
  return t;
}

inline const core::EpochMs kNow = at("2026-11-20T09:30:00Z");

struct Sim {
  sandbox::Marketplace m{42, kNow};
  core::EpochMs t = kNow;
  net::HttpResponse last;

  // Each call is 510 ms after the previous one (under every rate limit).
  json call(std::string_view path, const json& body) {
    t += 510;
    last = m.handle(path, body.dump(), t);
    if (last.content_type != "application/json") return json();
    json j = json::parse(last.body, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    return j;
  }
  json get(const std::string& number) { return call(ep::kPostingGet, {{"posting_number", number}})["result"]; }
  // All postings of the v4 list (paged).
  std::vector<json> all(const json& filter_extra = json::object(), int limit = 1000) {
    std::vector<json> out;
    std::string cursor;
    for (int guard = 0; guard < 1000; ++guard) {
      json f = {{"since", "2020-01-01T00:00:00Z"}, {"to", "2030-01-01T00:00:00Z"}};
      for (auto& [k, v] : filter_extra.items()) f[k] = v;
      json r = call(ep::kPostingList, {{"filter", f}, {"limit", limit}, {"cursor", cursor}});
      REQUIRE(last.status == 200);
      for (auto& p : r["postings"]) out.push_back(p);
      if (!r["has_next"].get<bool>()) break;
      cursor = r["cursor"].get<std::string>();
    }
    return out;
  }
  json find(const std::function<bool(const json&)>& pred) {
    for (auto& p : all())
      if (pred(p)) return p;
    FAIL("no posting matches");
    return json();
  }
};

inline bool needs_exemplars(const json& p) {
  return !p["requirements"]["products_requiring_mandatory_mark"].empty() ||
         !p["requirements"]["products_requiring_gtd"].empty();
}

inline int units(const json& p) {
  int n = 0;
  for (auto& pr : p["products"]) n += pr["quantity"].get<int>();
  return n;
}

inline json one_package(const json& p) {
  json prods = json::array();
  for (auto& pr : p["products"]) prods.push_back({{"product_id", pr["sku"]}, {"quantity", pr["quantity"]}});
  return json::array({{{"products", prods}}});
}

inline std::string message(const net::HttpResponse& r) {
  json j = json::parse(r.body, nullptr, false);
  return j.is_object() && j.contains("message") ? j["message"].get<std::string>() : std::string();
}

}  // namespace sandbox_test
