#include "ozon/api_client.h"

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
    : transport_(transport), scheduler_(scheduler), limiter_(limiter), retry_(retry),
      options_(options) {
  (void)clock;  // time comes through the limiter and the scheduler; kept for future deadlines
}

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
  scheduler_.after(c->request.timeout_ms + options_.timeout_grace_ms, [this, alive, c, attempt] {
    if (alive.expired() || c->settled || c->attempt_id != attempt) return;
    ++c->attempt_id;  // a reply arriving now is ignored
    ApiError error;
    error.kind = ErrorKind::timeout;
    error.message = std::string("no answer within ").append(std::to_string(c->request.timeout_ms / 1000)).append(" s");
    fail_or_retry(c, std::move(error));
  });
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
