#pragma once
// The mutations the fuzz drivers apply to valid seeds (fixed seed, no
// libFuzzer): byte flips, truncation, splices with another seed, inserted
// structural characters, and type swaps inside valid JSON.
#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_read.h"

namespace fuzz {

using Json = nlohmann::json;
using Rng = std::mt19937_64;

inline std::size_t pick(Rng& rng, std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng() % n); }

inline Json random_value(Rng& rng) {
  switch (pick(rng, 12)) {
    case 0: return nullptr;
    case 1: return true;
    case 2: return static_cast<std::int64_t>(rng());
    case 3: return -1;
    case 4: return 1.5e300;
    case 5: return "";
    case 6: return "12.34";
    case 7: return "2026-05-14T09:30:00Z";
    case 8: return Json::object({{"amount", "1"}, {"x", nullptr}});
    case 9: return Json::array({1, "a", nullptr});
    case 10: return std::uint64_t{18446744073709551615ULL};
    default: return "%PDF-not";
  }
}

// Replaces one random node of a valid document with a random value.
inline void swap_type(Json& node, Rng& rng, int depth = 0) {
  if ((node.is_object() || node.is_array()) && !node.empty() && depth < 12 && pick(rng, 4) != 0) {
    auto it = node.begin();
    std::advance(it, static_cast<std::ptrdiff_t>(pick(rng, node.size())));
    swap_type(*it, rng, depth + 1);
    return;
  }
  node = random_value(rng);
}

inline std::string mutate(const std::vector<std::string>& corpus, Rng& rng) {
  std::string text = corpus[pick(rng, corpus.size())];
  const std::size_t rounds = 1 + pick(rng, 3);
  for (std::size_t round = 0; round < rounds; ++round) {
    switch (pick(rng, 6)) {
      case 0:  // byte flips
        for (std::size_t i = 0, n = 1 + pick(rng, 8); i < n && !text.empty(); ++i)
          text[pick(rng, text.size())] = static_cast<char>(rng());
        break;
      case 1:  // truncation
        text.resize(pick(rng, text.size() + 1));
        break;
      case 2: {  // splice with another seed
        const std::string& other = corpus[pick(rng, corpus.size())];
        text = text.substr(0, pick(rng, text.size() + 1)) + other.substr(pick(rng, other.size() + 1));
        break;
      }
      case 3:  // insert structural characters
        for (std::size_t i = 0, n = 1 + pick(rng, 4); i < n; ++i)
          text.insert(pick(rng, text.size() + 1), 1, "{}[]\",:0-e."[pick(rng, 11)]);
        break;
      default: {  // type swaps inside valid JSON
        // Not a deep text: dumping it would overflow the fuzzer's own stack.
        if (!core::json_read::nesting_within(text, 200)) break;
        Json doc = Json::parse(text, nullptr, false);
        if (doc.is_discarded()) break;
        for (std::size_t i = 0, n = 1 + pick(rng, 3); i < n; ++i) swap_type(doc, rng);
        text = core::json_read::dump(doc);
        break;
      }
    }
  }
  return text;
}

}  // namespace fuzz
