#pragma once
// Time and timers behind interfaces so that rate limits, retries, deadlines
// and the sandbox are testable with a manual clock.
#include <chrono>
#include <cstdint>
#include <functional>

namespace core {

// Milliseconds since the Unix epoch (UTC); Ozon's times are UTC too.
using EpochMs = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual EpochMs now_ms() const = 0;
};

// Runs a callback later on the main thread (emscripten_set_timeout in the
// browser, a manual queue in tests).
class Scheduler {
 public:
  virtual ~Scheduler() = default;
  virtual void after(std::int64_t delay_ms, std::function<void()> task) = 0;
};

class SystemClock final : public Clock {
 public:
  EpochMs now_ms() const override {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  }
};

}  // namespace core
