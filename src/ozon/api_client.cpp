#include "ozon/api_client.h"

#include <algorithm>
#include <vector>

namespace ozon {

struct ApiClient::Call {
  net::HttpRequest request;
  ResponseCallback done;
  int attempts = 0;
  int attempt_id = 0;  // which attempt a reply or timer belongs to
  bool settled = false;
  CallOptions options;
};

ApiClient::ApiClient(net::Transport& transport, core::Clock& clock, core::Scheduler& scheduler,
                     RateLimiter& limiter, RetryPolicy& retry, ClientOptions options)
    : transport_(transport), clock_(clock), scheduler_(scheduler), limiter_(limiter), retry_(retry),
      options_(options) {}

ApiClient::~ApiClient() = default;

void ApiClient::call(net::HttpRequest request, ResponseCallback done) {
  call_with(std::move(request), CallOptions{}, std::move(done));
}

void ApiClient::call_with(net::HttpRequest request, CallOptions options, ResponseCallback done) {
  auto c = std::make_shared<Call>();
  c->options = options;
  if (request.timeout_ms <= 0 || request.timeout_ms > options_.timeout_ms) request.timeout_ms = options_.timeout_ms;
  c->request = std::move(request);
  c->done = std::move(done);
  ++in_flight_;
  // Start from the scheduler so the callback never runs inside call().
  std::weak_ptr<int> alive = alive_;
  scheduler_.after(0, [this, alive, c] {
    if (!alive.expired()) start_attempt(c);
  });
}

void ApiClient::start_attempt(const std::shared_ptr<Call>& c) {
  std::weak_ptr<int> alive = alive_;
  if (const auto wait = limiter_.delay_ms_for(c->request.path); wait > 0) {
    scheduler_.after(wait, [this, alive, c] {
      if (!alive.expired()) start_attempt(c);
    });
    return;
  }
  limiter_.record(c->request.path);
  ++c->attempts;
  const int attempt = ++c->attempt_id;
  transport_.send(c->request, [this, alive, c, attempt](net::HttpResponse response) {
    if (alive.expired() || c->settled || c->attempt_id != attempt) return;  // late: already timed out
    ++c->attempt_id;  // disarms this attempt's timer
    on_reply(c, response);
  });
  watch_deadline(c, attempt);
}

void ApiClient::watch_deadline(const std::shared_ptr<Call>& c, int attempt) {
  deadlines_.emplace(clock_.now_ms() + c->request.timeout_ms + options_.timeout_grace_ms, Deadline{c, attempt});
  arm_watchdog();
}

// Answered attempts leave the front; a timer is armed for the first one still
// waiting, unless one fires at or before it already. None while nothing waits.
void ApiClient::arm_watchdog() {
  auto stale = [](const Deadline& d) { return d.call->settled || d.call->attempt_id != d.attempt; };
  while (!deadlines_.empty() && stale(deadlines_.begin()->second)) deadlines_.erase(deadlines_.begin());
  if (deadlines_.empty()) return;
  const core::EpochMs earliest = deadlines_.begin()->first;
  if (watchdog_at_ && *watchdog_at_ <= earliest) return;
  watchdog_at_ = earliest;
  std::weak_ptr<int> alive = alive_;
  scheduler_.after(std::max<core::EpochMs>(0, earliest - clock_.now_ms()), [this, alive, earliest] {
    if (alive.expired()) return;
    if (watchdog_at_ == earliest) watchdog_at_.reset();
    check_deadlines();
  });
}

void ApiClient::check_deadlines() {
  const core::EpochMs now = clock_.now_ms();
  std::vector<Deadline> expired;
  while (!deadlines_.empty() && deadlines_.begin()->first <= now) {
    expired.push_back(std::move(deadlines_.begin()->second));
    deadlines_.erase(deadlines_.begin());
  }
  for (auto& d : expired) {
    const auto& c = d.call;
    if (c->settled || c->attempt_id != d.attempt) continue;
    ++c->attempt_id;  // a reply arriving now is ignored
    ApiError error;
    error.kind = ErrorKind::timeout;
    error.message = std::string("no answer within ").append(std::to_string(c->request.timeout_ms / 1000)).append(" s");
    fail_or_retry(c, std::move(error));
  }
  arm_watchdog();
}

void ApiClient::on_reply(const std::shared_ptr<Call>& c, const net::HttpResponse& response) {
  if (response.failure == net::Failure::none && response.status >= 200 && response.status < 300) {
    finish(c, response);
    return;
  }
  fail_or_retry(c, error_from_response(response));
}

void ApiClient::fail_or_retry(const std::shared_ptr<Call>& c, ApiError error) {
  const bool surface = !c->options.retry || (error.kind == ErrorKind::label_not_ready && !c->options.retry_not_ready);
  const auto delay = surface ? std::nullopt : retry_.delay_before_retry(c->attempts, error);
  if (!delay) {
    finish(c, std::move(error));
    return;
  }
  std::weak_ptr<int> alive = alive_;
  scheduler_.after(*delay, [this, alive, c] {
    if (!alive.expired()) start_attempt(c);
  });
}

void ApiClient::finish(const std::shared_ptr<Call>& c, Result<net::HttpResponse> result) {
  if (c->settled) return;
  c->settled = true;
  --in_flight_;
  auto done = std::move(c->done);
  if (done) done(std::move(result));
}

}  // namespace ozon
