#pragma once
// ApiClient: sends Seller API requests through the Transport, waiting for the
// rate limiter, timing out on its own if the transport never answers (a late
// answer is then ignored), mapping failures and HTTP errors to ApiError and
// retrying retryable ones per RetryPolicy. Callbacks run from the transport
// or the scheduler, never inside call(). Destroying the client drops every
// pending callback.
//
// Retry policy: transport failures, 429, 5xx (also a proxy's 5xx HTML page),
// "Circle is open" and "label not ready" are retried; other 4xx and replies
// that parse badly (a 200 with an HTML page or the wrong shape) are not:
// repeating them gives the same answer. Every error from a reply keeps its
// HTTP status and Content-Type (a 200 the parser refused too).
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "net/transport.h"
#include "ozon/paging.h"
#include "ozon/parsers.h"
#include "ozon/rate_limiter.h"
#include "ozon/result.h"
#include "ozon/retry_policy.h"

namespace ozon {

struct ClientOptions {
  int timeout_ms = 30'000;              // per attempt, sent in HttpRequest.timeout_ms
  std::int64_t timeout_grace_ms = 2'000;  // our own timer fires this much later
  int max_pages = kDefaultMaxPages;
};

// Per-call choices.
struct CallOptions {
  // false: a "label not ready" answer comes back at once, so the caller can
  // show its own countdown and retry (labels for many postings).
  bool retry_not_ready = true;
  // false: every failure comes back at once (the outbox retries on its own
  // schedule and must know whether a request may have reached Ozon).
  bool retry = true;
};

class ApiClient {
 public:
  using ResponseCallback = std::function<void(Result<net::HttpResponse>)>;

  ApiClient(net::Transport& transport, core::Clock& clock, core::Scheduler& scheduler, RateLimiter& limiter,
            RetryPolicy& retry, ClientOptions options = {});
  ~ApiClient();
  ApiClient(const ApiClient&) = delete;
  ApiClient& operator=(const ApiClient&) = delete;

  // The raw reply of a 2xx answer, or the final error.
  void call(net::HttpRequest request, ResponseCallback done);
  void call_with(net::HttpRequest request, CallOptions options, ResponseCallback done);

  // The reply parsed by `parse` (a parser taking the body text, or the whole
  // net::HttpResponse like parse_pdf).
  template <typename Parse, typename Callback>
  void call(net::HttpRequest request, Parse parse, Callback done) {
    call(std::move(request), [parse = std::move(parse), done = std::move(done)](Result<net::HttpResponse> reply) mutable {
      if (!reply) {
        using R = decltype(invoke_parser(parse, std::declval<const net::HttpResponse&>()));
        done(R(reply.error()));
        return;
      }
      auto parsed = invoke_parser(parse, reply.value());
      if (!parsed) note_reply(parsed.error(), reply.value());  // the status and type of a 2xx the parser refused
      done(std::move(parsed));
    });
  }

  // Every page of a cursor-paged list: make_request(cursor) builds the
  // request for a page ("" for the first), parse reads one page.
  template <typename T>
  void fetch_all(std::function<net::HttpRequest(const std::string& cursor)> make_request,
                 Result<Page<T>> (*parse)(std::string_view),
                 std::function<void(Result<std::vector<T>>)> done) {
    auto gatherer = std::make_shared<PageGatherer<T>>(options_.max_pages);
    fetch_page<T>(std::move(make_request), parse, std::move(done), gatherer, std::string{});
  }

  int in_flight() const { return in_flight_; }

 private:
  struct Call;

  template <typename Parse>
  static auto invoke_parser(const Parse& parse, const net::HttpResponse& response) {
    if constexpr (std::is_invocable_v<const Parse&, const net::HttpResponse&>) return parse(response);
    else return parse(std::string_view(response.body));
  }

  template <typename T>
  void fetch_page(std::function<net::HttpRequest(const std::string&)> make_request,
                  Result<Page<T>> (*parse)(std::string_view), std::function<void(Result<std::vector<T>>)> done,
                  std::shared_ptr<PageGatherer<T>> gatherer, const std::string& cursor) {
    net::HttpRequest request = make_request(cursor);
    std::weak_ptr<int> alive = alive_;
    call(std::move(request), parse,
         [this, alive, make_request = std::move(make_request), parse, done = std::move(done),
          gatherer](Result<Page<T>> page) mutable {
           if (!page) return done(page.error());
           switch (gatherer->add(std::move(page.value()))) {
             case CursorPaging::Step::done: return done(gatherer->take());
             case CursorPaging::Step::failed: return done(gatherer->error());
             case CursorPaging::Step::fetch_next:
               if (alive.expired()) return;
               fetch_page<T>(std::move(make_request), parse, std::move(done), gatherer, gatherer->next_cursor());
           }
         });
  }

  void start_attempt(const std::shared_ptr<Call>& call);
  void on_reply(const std::shared_ptr<Call>& call, const net::HttpResponse& response);
  void fail_or_retry(const std::shared_ptr<Call>& call, ApiError error);
  void finish(const std::shared_ptr<Call>& call, Result<net::HttpResponse> result);
  // One timer for every attempt's deadline (the earliest), not one per
  // request: a timer that fires wakes the page, and a refresh of three large
  // stores makes hundreds of requests that all answer in time.
  void watch_deadline(const std::shared_ptr<Call>& call, int attempt);
  void arm_watchdog();
  void check_deadlines();

  net::Transport& transport_;
  core::Clock& clock_;
  core::Scheduler& scheduler_;
  struct Deadline {
    std::shared_ptr<Call> call;
    int attempt = 0;
  };
  std::multimap<core::EpochMs, Deadline> deadlines_;
  std::optional<core::EpochMs> watchdog_at_;  // when the armed timer fires, if one is
  RateLimiter& limiter_;
  RetryPolicy& retry_;
  ClientOptions options_;
  int in_flight_ = 0;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // weak refs see the client die
};

}  // namespace ozon
