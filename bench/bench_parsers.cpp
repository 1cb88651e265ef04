// Benchmark (prints numbers): parsing a 100-posting v4 page and 100,000
// postings into domain types, natively. The postings are the demo
// marketplace's own JSON (real shapes), replicated with fresh numbers.
// With a path argument it also writes the 100-posting page there, so the
// browser benchmark measures the same input in WebAssembly and JSON.parse.
// 100,000 postings arrive as 1,000 such pages (cursor paging, limit 100).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ozon/endpoints.h"
#include "ozon/parsers.h"
#include "ozon/posting_list_reader.h"
#include "sandbox/marketplace.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

template <typename F>
double median_ms(int runs, F&& run) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    run();
    times.push_back(ms_since(start));
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

// Every posting of the demo marketplace, as Ozon's v4 list returns them.
nlohmann::json demo_postings() {
  const core::EpochMs now = 1'795'600'000'000;
  sandbox::Marketplace market(42, now);
  nlohmann::json all = nlohmann::json::array();
  std::string cursor;
  for (int page = 0; page < 100; ++page) {
    nlohmann::json request = {{"cursor", cursor},
                              {"filter", {{"since", "2020-01-01T00:00:00Z"}, {"to", "2030-01-01T00:00:00Z"}}},
                              {"limit", 100}};
    auto reply = market.handle(ozon::endpoint::kPostingList, request.dump(), now);
    auto json = nlohmann::json::parse(reply.body, nullptr, false);
    if (!json.is_object() || !json.contains("postings")) break;
    for (auto& posting : json["postings"]) all.push_back(posting);
    if (!json.value("has_next", false)) break;
    cursor = json.value("cursor", "");
  }
  return all;
}

std::string page_text(const nlohmann::json& source, std::size_t count) {
  nlohmann::json postings = nlohmann::json::array();
  for (std::size_t i = 0; i < count; ++i) {
    nlohmann::json posting = source[i % source.size()];
    posting["posting_number"] = std::to_string(10000000 + i) + "-0001-1";
    posting["order_number"] = std::to_string(10000000 + i) + "-0001";
    posting["order_id"] = 500000000 + static_cast<std::int64_t>(i);
    postings.push_back(std::move(posting));
  }
  return nlohmann::json{{"postings", postings}, {"cursor", "next"}, {"has_next", true}}.dump();
}

}  // namespace

int main(int argc, char** argv) {
  const auto source = demo_postings();
  if (source.empty()) {
    std::puts("bench_parsers: the demo marketplace returned no postings");
    return 1;
  }
  const std::string page100 = page_text(source, 100);
  const std::string page100k = page_text(source, 100'000);

  std::size_t parsed = 0;
  const double page_ms = median_ms(51, [&] { parsed = ozon::parse_posting_list(page100)->items.size(); });
  std::printf("parse_v4_page_100_postings_ms %.3f (%zu postings, %zu bytes; simdjson On Demand)\n", page_ms, parsed,
              page100.size());
  const double dom_page_ms = median_ms(51, [&] { parsed = ozon::detail::read_posting_list_dom(page100)->items.size(); });
  std::printf("parse_v4_page_100_postings_dom_ms %.3f (nlohmann DOM + lenient readers, the reader before; %.1fx)\n",
              dom_page_ms, dom_page_ms / page_ms);

  std::size_t top_level = 0;
  const double json_only_ms = median_ms(5, [&] { top_level = nlohmann::json::parse(page100k, nullptr, false).size(); });
  std::printf("json_parse_only_100k_ms %.1f (nlohmann DOM, %.1f MB, %zu keys)\n", json_only_ms,
              static_cast<double>(page100k.size()) / 1048576.0, top_level);

  const double big_ms = median_ms(3, [&] { parsed = ozon::parse_posting_list(page100k)->items.size(); });
  std::printf("parse_v4_100k_postings_one_text_ms %.1f (%zu postings)\n", big_ms, parsed);

  const double pages_ms = median_ms(3, [&] {
    parsed = 0;
    for (int page = 0; page < 1000; ++page) parsed += ozon::parse_posting_list(page100)->items.size();
  });
  std::printf("parse_v4_100k_postings_as_1000_pages_ms %.1f (%zu postings)\n", pages_ms, parsed);

  if (argc > 1) {
    std::ofstream out(argv[1], std::ios::binary);
    out << page100;
    std::printf("wrote %s\n", argv[1]);
  }
  return 0;
}
