#pragma once
// Shared by the native benchmarks: a deterministic generator and the
// median-of-runs timer behind their "name value" lines.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <vector>

namespace bench {

inline constexpr int kRuns = 5;

struct Rng {  // xorshift64*: deterministic across platforms
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  std::uint64_t next() {
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 2685821657736338717ull;
  }
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }
};

inline double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Median of kRuns timings of work(), each after an untimed setup().
template <typename Setup, typename Work>
double median_ms(Setup setup, Work work) {
  std::vector<double> times;
  for (int r = 0; r < kRuns; ++r) {
    setup();
    const auto start = std::chrono::steady_clock::now();
    work();
    times.push_back(ms_since(start));
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace bench
