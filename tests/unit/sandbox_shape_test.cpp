// The demo marketplace's route registry, and the Posting JSON shape across
// its three writers/readers.
//
// The shape is written on purpose in two places: by the sandbox (the
// reference, an independent implementation of Ozon's spec, which the parser
// is tested against) and by ozon/posting_json.cpp (the offline copy, read
// back by ozon/parse_postings.cpp). Sharing one writer would let a wrong
// field name pass on both sides; instead these tests pin the offline writer
// to the reference and to the reader.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/json_read.h"
#include "ozon/endpoints.h"
#include "ozon/parsers.h"
#include "ozon/posting_json.h"
#include "ozon_test_support.h"
#include "sandbox/api.h"
#include "sandbox/marketplace.h"

namespace {

using json = nlohmann::json;
namespace ep = ozon::endpoint;

core::EpochMs at(const char* iso) {
  core::EpochMs t = 0;
  sandbox::parse_iso8601(iso, &t);
  return t;
}

// "/a", "/a/b", "/list[]/c": every key of `j`, by where it sits.
void key_paths(const json& j, const std::string& here, std::set<std::string>* out) {
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      out->insert(here + "/" + key);
      key_paths(value, here + "/" + key, out);
    }
  } else if (j.is_array()) {
    for (const auto& item : j) key_paths(item, here + "[]", out);
  }
}

const json kEveryPart = {{"analytics_data", true}, {"financial_data", true},    {"barcodes", true},
                         {"legal_info", true},     {"product_exemplars", true}, {"related_postings", true}};

}  // namespace

TEST_CASE("sandbox routes: every path is registered once, and each one answers") {
  const auto routes = sandbox::all_routes();
  std::set<std::string_view> paths;
  for (const auto& r : routes) {
    CHECK_MESSAGE(paths.insert(r.path).second, std::string(r.path));
    const bool has_handler = r.handle != nullptr;
    CHECK(has_handler);
  }
  CHECK(paths.count(ep::kPostingList) == 1);
  CHECK(paths.count(ep::kReviewCommentCreate) == 1);
  for (auto buyers : {ep::kChatRead, ep::kRfbsReturnsList, ep::kRfbsReturnGet, ep::kRfbsVerify, ep::kRfbsReject,
                      ep::kRfbsReceive, ep::kRfbsReturnMoney, ep::kRfbsCompensate, ep::kReviewInfo,
                      ep::kReviewChangeStatus, ep::kReviewCommentList})
    CHECK_MESSAGE(paths.count(buyers) == 1, std::string(buyers));  // their replies: sandbox_buyers_test.cpp
  sandbox::Marketplace m(42, at("2026-11-20T09:30:00Z"));
  core::EpochMs t = at("2026-11-20T09:30:00Z");
  for (const auto& r : routes) {
    t += 1000;
    const auto reply = m.handle(r.path, "{}", t);
    CHECK_MESSAGE(reply.body.find("unknown method") == std::string::npos, std::string(r.path));
  }
  CHECK(m.handle("/v1/no/such/method", "{}", t + 1000).status == 404);
}

TEST_CASE("posting shape: the offline writer writes only Ozon's keys, and reads back unchanged") {
  // The reference shape: the sandbox's v4 list and v3 get with every optional
  // part, and the recorded v4 reply.
  sandbox::Marketplace m(42, at("2026-11-20T09:30:00Z"));
  core::EpochMs t = at("2026-11-20T09:30:00Z");
  const json list_request = {{"filter", {{"since", "2020-01-01T00:00:00Z"}, {"to", "2030-01-01T00:00:00Z"}}},
                             {"limit", 1000},
                             {"with", kEveryPart}};
  const auto list_reply = m.handle(ep::kPostingList, list_request.dump(), t);
  REQUIRE(list_reply.status == 200);
  const json list = json::parse(list_reply.body);
  REQUIRE(list["postings"].size() > 100);

  std::set<std::string> reference;
  for (const auto& p : list["postings"]) key_paths(p, "", &reference);
  int got = 0;
  for (const auto& p : list["postings"]) {
    if (got == 20) break;
    t += 1000;  // under the posting/get rate limit
    const json one = {{"posting_number", p["posting_number"]}, {"with", kEveryPart}};
    const auto reply = m.handle(ep::kPostingGet, one.dump(), t);
    REQUIRE(reply.status == 200);
    key_paths(json::parse(reply.body)["result"], "", &reference);
    ++got;
  }
  const json recorded = json::parse(ozon_test::fixture("posting_list_v4.json"));
  REQUIRE(recorded["postings"].size() == 2);
  for (const auto& p : recorded["postings"]) key_paths(p, "", &reference);

  // The console's reading of the sandbox's list, written as the offline copy.
  const auto parsed = ozon::parse_posting_list(list_reply.body);
  REQUIRE(parsed);
  REQUIRE(parsed->items.size() == list["postings"].size());
  const std::string offline = ozon::postings_to_list_json(parsed->items);
  const json offline_json = json::parse(offline);
  std::set<std::string> written;
  for (const auto& p : offline_json["result"]["postings"]) key_paths(p, "", &written);
  for (const auto& path : written) CHECK_MESSAGE(reference.count(path) == 1, "not in Ozon's shape: " << path);

  // Reader and offline writer agree on every field the writer keeps: a
  // second round trip changes nothing.
  const auto again = ozon::parse_posting_list(offline);
  REQUIRE(again);
  CHECK(ozon::postings_to_list_json(again->items) == offline);
}
