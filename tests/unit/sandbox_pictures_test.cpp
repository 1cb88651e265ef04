// The demo store's product pictures: every product has one the site serves
// (tools/make_demo_pictures.py draws demo-images/<kind>-<colour>.svg).
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "sandbox_test_support.h"

using sandbox_test::json;
namespace ep = ozon::endpoint;

namespace {
// "demo-images/<kind>-<colour>.svg" with a kind and a colour the picture tool draws.
// (No std::regex: GCC 12's <regex> trips -Wmaybe-uninitialized under the sanitizer build.)
bool is_demo_picture(const std::string& url) {
  static const std::set<std::string> kinds{"mug", "case", "tool", "tsh", "shoe", "thrm", "bag",
                                           "lamp", "twl", "cbl", "perf", "pan", "toy", "pwr"};
  static const std::set<std::string> colours{"black", "white", "grey", "blue", "red", "green", "beige", "pink"};
  const std::string prefix = "demo-images/", suffix = ".svg";
  if (url.size() <= prefix.size() + suffix.size() || url.compare(0, prefix.size(), prefix) != 0 ||
      url.compare(url.size() - suffix.size(), suffix.size(), suffix) != 0)
    return false;
  const std::string name = url.substr(prefix.size(), url.size() - prefix.size() - suffix.size());
  const auto dash = name.find('-');
  return dash != std::string::npos && kinds.count(name.substr(0, dash)) && colours.count(name.substr(dash + 1));
}
}  // namespace

TEST_CASE("demo products: primary_image points into demo-images/, kinds and colours tell them apart") {
  sandbox_test::Sim sim;
  json list = sim.call(ep::kProductList, {{"filter", {{"visibility", "ALL"}}}, {"limit", 1000}});
  REQUIRE(sim.last.status == 200);
  std::vector<std::string> offers;
  for (const auto& item : list["result"]["items"]) offers.push_back(item["offer_id"].get<std::string>());
  REQUIRE(offers.size() >= 100);
  json info = sim.call(ep::kProductInfoList, {{"offer_id", offers}});
  REQUIRE(sim.last.status == 200);
  std::set<std::string> distinct;
  for (const auto& item : info["items"]) {
    REQUIRE(item["primary_image"].is_array());
    REQUIRE(item["primary_image"].size() == 1);
    const std::string url = item["primary_image"][0].get<std::string>();
    CHECK_MESSAGE(is_demo_picture(url), url);
    CHECK(item["images"] == item["primary_image"]);
    distinct.insert(url);
  }
  CHECK(info["items"].size() == offers.size());
  CHECK(distinct.size() > 40);  // 14 kinds x 8 colours among 200 products
}
