#pragma once
// Test doubles for the Seller API client: a manual clock, a scheduler that
// runs tasks as manual time advances, and a fake transport that answers from
// a script (through the scheduler, never inside send()).
#include <algorithm>
#include <cstdint>
#include <deque>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "net/transport.h"

namespace ozon_test {

class ManualClock final : public core::Clock {
 public:
  explicit ManualClock(core::EpochMs start = 1'770'000'000'000) : now_(start) {}
  core::EpochMs now_ms() const override { return now_; }
  void set(core::EpochMs now) { now_ = now; }
  void advance(std::int64_t ms) { now_ += ms; }

 private:
  core::EpochMs now_;
};

class ManualScheduler final : public core::Scheduler {
 public:
  explicit ManualScheduler(ManualClock& clock) : clock_(clock) {}

  void after(std::int64_t delay_ms, std::function<void()> task) override {
    tasks_.push_back({clock_.now_ms() + std::max<std::int64_t>(0, delay_ms), next_seq_++, std::move(task)});
  }

  // Runs due tasks in time order, moving the clock, until none are left or
  // `limit_ms` of manual time has passed. Returns the number of tasks run.
  int run(std::int64_t limit_ms = 3'600'000) {
    const core::EpochMs end = clock_.now_ms() + limit_ms;
    int count = 0;
    while (!tasks_.empty()) {
      auto it = std::min_element(tasks_.begin(), tasks_.end(), [](const Task& a, const Task& b) {
        return a.due != b.due ? a.due < b.due : a.seq < b.seq;
      });
      if (it->due > end) break;
      Task task = std::move(*it);
      tasks_.erase(it);
      if (task.due > clock_.now_ms()) clock_.set(task.due);
      task.run();
      ++count;
    }
    return count;
  }

  std::size_t pending() const { return tasks_.size(); }

 private:
  struct Task {
    core::EpochMs due;
    std::uint64_t seq;
    std::function<void()> run;
  };
  ManualClock& clock_;
  std::vector<Task> tasks_;
  std::uint64_t next_seq_ = 0;
};

inline net::HttpResponse reply_of(int status, std::string content_type, std::string body) {
  net::HttpResponse r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

inline net::HttpResponse json_reply(int status, std::string body) {
  return reply_of(status, "application/json", std::move(body));
}

inline net::HttpResponse failure_reply(net::Failure failure, std::string detail = "failed") {
  net::HttpResponse r;
  r.failure = failure;
  r.failure_detail = std::move(detail);
  return r;
}

// Answers each request from `script` (front first; the last entry repeats),
// after `latency_ms`. A `silent` transport never answers.
class FakeTransport final : public net::Transport {
 public:
  FakeTransport(ManualClock& clock, ManualScheduler& scheduler) : clock_(clock), scheduler_(scheduler) {}

  void send(net::HttpRequest request, net::ResponseCallback on_done) override {
    sent.push_back(request);
    sent_at.push_back(clock_.now_ms());
    if (silent) {
      held.push_back(std::move(on_done));
      return;
    }
    net::HttpResponse reply;
    if (responder) {
      reply = responder(request);
    } else if (!script.empty()) {
      reply = script.front();
      if (script.size() > 1) script.pop_front();
    } else {
      reply = json_reply(200, "{}");
    }
    scheduler_.after(latency_ms, [on_done = std::move(on_done), reply] { on_done(reply); });
  }

  std::deque<net::HttpResponse> script;
  std::function<net::HttpResponse(const net::HttpRequest&)> responder;
  std::int64_t latency_ms = 50;
  bool silent = false;
  std::vector<net::ResponseCallback> held;  // callbacks of a silent transport
  std::vector<net::HttpRequest> sent;
  std::vector<core::EpochMs> sent_at;

 private:
  ManualClock& clock_;
  ManualScheduler& scheduler_;
};

inline std::string fixture(const std::string& name) {
  std::ifstream in(std::string(FIXTURES_DIR) + "/ozon/" + name, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace ozon_test
