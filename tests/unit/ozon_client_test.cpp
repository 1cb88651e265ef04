#include <doctest/doctest.h>

#include <optional>

#include <nlohmann/json.hpp>

#include "ozon/api_client.h"
#include "ozon/endpoints.h"
#include "ozon/paging.h"
#include "ozon/rate_limiter.h"
#include "ozon/requests.h"
#include "ozon/retry_policy.h"
#include "ozon_test_support.h"

using namespace ozon;
using namespace ozon_test;

namespace {

Page<int> page(std::vector<int> items, std::string cursor, bool has_next) {
  return Page<int>{std::move(items), std::move(cursor), has_next};
}

// Everything a client needs, wired to manual time.
struct Rig {
  ManualClock clock;
  ManualScheduler scheduler{clock};
  FakeTransport transport{clock, scheduler};
  RateLimiter limiter{clock};
  RetryPolicy retry{RetryConfig{}, [] { return 0.5; }};
  ApiClient client{transport, clock, scheduler, limiter, retry};
};

}  // namespace

TEST_CASE("paging takes every page once and stops") {
  PageGatherer<int> g;
  CHECK(g.add(page({1, 2}, "a", true)) == CursorPaging::Step::fetch_next);
  CHECK(g.next_cursor() == "a");
  CHECK(g.add(page({3}, "b", true)) == CursorPaging::Step::fetch_next);
  CHECK(g.add(page({4}, "c", false)) == CursorPaging::Step::done);
  CHECK(g.take() == std::vector<int>{1, 2, 3, 4});

  PageGatherer<int> empty_cursor;
  CHECK(empty_cursor.add(page({1}, "", true)) == CursorPaging::Step::done);

  PageGatherer<int> loop;
  CHECK(loop.add(page({1}, "a", true)) == CursorPaging::Step::fetch_next);
  CHECK(loop.add(page({2}, "b", true)) == CursorPaging::Step::fetch_next);
  CHECK(loop.add(page({1}, "a", true)) == CursorPaging::Step::failed);
  CHECK(loop.error().kind == ErrorKind::paging);

  PageGatherer<int> bounded(3);
  CHECK(bounded.add(page({}, "1", true)) == CursorPaging::Step::fetch_next);
  CHECK(bounded.add(page({}, "2", true)) == CursorPaging::Step::fetch_next);
  CHECK(bounded.add(page({}, "3", true)) == CursorPaging::Step::failed);
}

TEST_CASE("limiter: 50 posting gets take at least 24.5 s of manual time") {
  ManualClock clock;
  RateLimiter limiter(clock);
  const auto start = clock.now_ms();
  for (int i = 0; i < 50; ++i) {
    while (const auto wait = limiter.delay_ms_for(endpoint::kPostingGet)) clock.advance(wait);
    limiter.record(endpoint::kPostingGet);
  }
  CHECK(clock.now_ms() - start >= 24'500);
  CHECK(clock.now_ms() - start < 25'500);
}

TEST_CASE("limiter: global 25/s and stock updates 80/min") {
  ManualClock clock;
  RateLimiter limiter(clock);
  for (int i = 0; i < 25; ++i) CHECK(limiter.try_acquire(endpoint::kPostingList));
  CHECK_FALSE(limiter.try_acquire(endpoint::kChatList));  // global budget spent
  CHECK(limiter.delay_ms_for(endpoint::kChatList) == 1000);
  clock.advance(1000);
  CHECK(limiter.try_acquire(endpoint::kChatList));

  ManualClock c2;
  RateLimiter stocks(c2);
  const auto start = c2.now_ms();
  for (int i = 0; i < 81; ++i) {
    while (const auto wait = stocks.delay_ms_for(endpoint::kStocksUpdate)) c2.advance(wait);
    stocks.record(endpoint::kStocksUpdate);
  }
  CHECK(c2.now_ms() - start >= 60'000);  // the 81st waited for the minute window

  RateLimiterConfig custom;
  custom.global_per_second = 2;
  custom.rules.clear();
  RateLimiter small(c2, custom);
  CHECK(small.try_acquire("/x"));
  CHECK(small.try_acquire("/y"));
  CHECK_FALSE(small.try_acquire("/z"));
}

TEST_CASE("limiter: one update per stock pair per 30 s") {
  ManualClock clock;
  RateLimiter limiter(clock);
  const std::vector<std::string> first = {"A|1", "B|1"};
  auto plan = limiter.plan_stock_pairs(first);
  CHECK(plan.ready.size() == 2);
  limiter.record_stock_pairs(first);
  clock.advance(10'000);
  plan = limiter.plan_stock_pairs({"A|1", "A|2", "B|1", "A|2"});
  CHECK(plan.ready == std::vector<std::size_t>{1});
  CHECK(plan.deferred == std::vector<std::size_t>{0, 2, 3});  // recent pairs, and a duplicate
  CHECK(plan.next_ready_at == clock.now_ms() + 20'000);
  clock.advance(20'000);
  plan = limiter.plan_stock_pairs({"A|1", "B|1"});
  CHECK(plan.ready.size() == 2);
}

TEST_CASE("retry policy: exponential full jitter, cap, bound, hints") {
  double r = 1.0;
  RetryPolicy policy(RetryConfig{}, [&] { return r; });
  ApiError e;
  e.kind = ErrorKind::http;
  e.http_status = 500;
  CHECK(policy.delay_before_retry(1, e) == 500);
  CHECK(policy.delay_before_retry(2, e) == 1000);
  CHECK(policy.delay_before_retry(4, e) == 4000);
  CHECK_FALSE(policy.delay_before_retry(5, e));  // 5 attempts made: give up
  RetryPolicy long_policy(RetryConfig{500, 30'000, 20, 300'000}, [&] { return r; });
  CHECK(long_policy.delay_before_retry(12, e) == 30'000);  // capped
  r = 0.0;
  CHECK(policy.delay_before_retry(3, e) == 0);  // full jitter reaches zero
  e.retry_after_ms = 7000;
  CHECK(policy.delay_before_retry(1, e) == 7000);
  e.http_status = 400;
  e.retry_after_ms = 0;
  CHECK_FALSE(policy.delay_before_retry(1, e));  // 4xx is final
}

TEST_CASE("client: 429 then success") {
  Rig rig;
  rig.transport.script = {json_reply(429, R"({"code": 8, "message": "You have reached request rate limit per second"})"),
                          json_reply(200, R"({"result": true})")};
  std::optional<Result<net::HttpResponse>> got;
  rig.client.call(build_cancel_reason_list(), [&](Result<net::HttpResponse> r) { got = std::move(r); });
  CHECK_FALSE(got);  // never inside call()
  rig.scheduler.run();
  REQUIRE(got);
  REQUIRE(got->ok());
  CHECK(got->value().body == R"({"result": true})");
  CHECK(rig.transport.sent.size() == 2);
  CHECK(rig.client.in_flight() == 0);
}

TEST_CASE("client: 500 every time gives up after the bound with the last error") {
  Rig rig;
  rig.transport.script = {json_reply(500, R"({"code": 13, "message": "internal"})")};
  std::optional<Result<net::HttpResponse>> got;
  rig.client.call(build_warehouse_list(), [&](Result<net::HttpResponse> r) { got = std::move(r); });
  rig.scheduler.run();
  REQUIRE(got);
  REQUIRE_FALSE(got->ok());
  CHECK(got->error().http_status == 500);
  CHECK(got->error().message == "internal");
  CHECK(rig.transport.sent.size() == 5);
  // Backoff grew between attempts (0.5 of 500, 1000, 2000, 4000 plus latency).
  CHECK(rig.transport.sent_at[4] - rig.transport.sent_at[0] >= 3750);
}

TEST_CASE("client: 4xx and malformed 200 replies are not retried") {
  Rig rig;
  rig.transport.script = {json_reply(400, R"({"code": "POSTING_ALREADY_SHIPPED", "message": "shipped"})")};
  std::optional<Result<std::vector<std::string>>> got;
  rig.client.call(build_ship("1-2-3", {{{1, 1}}}).value(), parse_ship_result,
                  [&](Result<std::vector<std::string>> r) { got = std::move(r); });
  rig.scheduler.run();
  REQUIRE(got);
  CHECK(got->error().code == "POSTING_ALREADY_SHIPPED");
  CHECK(rig.transport.sent.size() == 1);

  Rig rig2;
  rig2.transport.script = {json_reply(200, "<html>captive portal</html>")};
  std::optional<Result<Page<core::Posting>>> page;
  rig2.client.call(build_posting_list({}), parse_posting_list, [&](Result<Page<core::Posting>> r) { page = std::move(r); });
  rig2.scheduler.run();
  REQUIRE(page);
  CHECK(page->error().kind == ErrorKind::malformed_reply);
  CHECK(rig2.transport.sent.size() == 1);
}

TEST_CASE("client: a transport that never answers times out; the late answer is ignored") {
  Rig rig;
  rig.transport.silent = true;
  RetryPolicy once(RetryConfig{500, 30'000, 1, 0}, [] { return 0.5; });
  ApiClient client(rig.transport, rig.clock, rig.scheduler, rig.limiter, once, ClientOptions{5000, 1000, 10});
  int calls = 0;
  std::optional<Result<net::HttpResponse>> got;
  client.call(build_chat_list(), [&](Result<net::HttpResponse> r) {
    ++calls;
    got = std::move(r);
  });
  rig.scheduler.run();
  REQUIRE(got);
  CHECK(got->error().kind == ErrorKind::timeout);
  CHECK(rig.transport.sent.at(0).timeout_ms == 5000);
  REQUIRE(rig.transport.held.size() == 1);
  rig.transport.held[0](json_reply(200, "{}"));  // too late
  rig.scheduler.run();
  CHECK(calls == 1);
}

TEST_CASE("client: timeouts are retried, then succeed") {
  Rig rig;
  rig.transport.script = {failure_reply(net::Failure::timeout), failure_reply(net::Failure::network),
                          json_reply(200, R"({"result": [{"id": 1, "title": "t"}]})")};
  std::optional<Result<std::vector<core::CancelReason>>> got;
  rig.client.call(build_cancel_reason_list(), parse_cancel_reasons,
                  [&](Result<std::vector<core::CancelReason>> r) { got = std::move(r); });
  rig.scheduler.run();
  REQUIRE(got);
  REQUIRE(got->ok());
  CHECK(got->value().size() == 1);
  CHECK(rig.transport.sent.size() == 3);
}

TEST_CASE("client: cors is reported at once, not retried") {
  Rig rig;
  rig.transport.script = {failure_reply(net::Failure::cors, "blocked by CORS")};
  std::optional<Result<net::HttpResponse>> got;
  rig.client.call(build_chat_list(), [&](Result<net::HttpResponse> r) { got = std::move(r); });
  rig.scheduler.run();
  REQUIRE(got);
  CHECK(classify(got->error()) == Problem::cors_refused);
  CHECK(rig.transport.sent.size() == 1);
}

TEST_CASE("client: the limiter spaces posting gets 500 ms apart") {
  Rig rig;
  rig.transport.responder = [](const net::HttpRequest&) {
    return json_reply(200, R"({"result": {"posting_number": "1-1-1"}})");
  };
  int done = 0;
  for (int i = 0; i < 10; ++i)
    rig.client.call(build_posting_get("1-1-1"), parse_posting, [&](Result<core::Posting> r) { done += r.ok() ? 1 : 0; });
  rig.scheduler.run();
  CHECK(done == 10);
  REQUIRE(rig.transport.sent_at.size() == 10);
  CHECK(rig.transport.sent_at[9] - rig.transport.sent_at[0] >= 4500);
}

TEST_CASE("client: paged fetch gathers every page once; a repeated cursor stops it") {
  Rig rig;
  rig.transport.responder = [](const net::HttpRequest& request) {
    const auto body = nlohmann::json::parse(request.body);
    const std::string cursor = body.value("cursor", "");
    if (cursor.empty())
      return json_reply(200, R"({"postings": [{"posting_number": "a"}, {"posting_number": "b"}], "cursor": "c1", "has_next": true})");
    if (cursor == "c1") return json_reply(200, R"({"postings": [{"posting_number": "c"}], "cursor": "c2", "has_next": true})");
    return json_reply(200, R"({"postings": [{"posting_number": "d"}], "cursor": "", "has_next": false})");
  };
  std::optional<Result<std::vector<core::Posting>>> got;
  rig.client.fetch_all<core::Posting>(
      [](const std::string& cursor) {
        PostingListQuery q;
        q.cursor = cursor;
        return build_posting_list(q);
      },
      parse_posting_list, [&](Result<std::vector<core::Posting>> r) { got = std::move(r); });
  rig.scheduler.run();
  REQUIRE(got);
  REQUIRE(got->ok());
  REQUIRE(got->value().size() == 4);
  CHECK(got->value()[3].posting_number == "d");
  CHECK(rig.transport.sent.size() == 3);

  Rig loop;
  loop.transport.responder = [](const net::HttpRequest&) {
    return json_reply(200, R"({"postings": [{"posting_number": "x"}], "cursor": "same", "has_next": true})");
  };
  std::optional<Result<std::vector<core::Posting>>> looped;
  loop.client.fetch_all<core::Posting>([](const std::string&) { return build_posting_list({}); }, parse_posting_list,
                                       [&](Result<std::vector<core::Posting>> r) { looped = std::move(r); });
  loop.scheduler.run();
  REQUIRE(looped);
  CHECK(looped->error().kind == ErrorKind::paging);
  CHECK(loop.transport.sent.size() == 2);
}

TEST_CASE("client: label PDFs parse through the response-taking parser") {
  Rig rig;
  net::HttpResponse pdf = json_reply(200, "%PDF-1.4 body");
  pdf.content_type = "application/pdf";
  rig.transport.script = {json_reply(400, R"({"code": 3, "message": "POSTINGS_NOT_READY"})"), pdf};
  std::optional<Result<std::string>> got;
  rig.client.call(build_package_labels({"1-1-1"}).at(0), parse_pdf, [&](Result<std::string> r) { got = std::move(r); });
  rig.scheduler.run();
  REQUIRE(got);
  REQUIRE(got->ok());
  CHECK(got->value() == "%PDF-1.4 body");
  CHECK(rig.transport.sent_at[1] - rig.transport.sent_at[0] >= 15'000);  // waited the not-ready hint
}

TEST_CASE("client: destroying the client drops pending callbacks") {
  ManualClock clock;
  ManualScheduler scheduler(clock);
  FakeTransport transport(clock, scheduler);
  RateLimiter limiter(clock);
  RetryPolicy retry;
  int calls = 0;
  {
    ApiClient client(transport, clock, scheduler, limiter, retry);
    client.call(build_chat_list(), [&](Result<net::HttpResponse>) { ++calls; });
  }
  scheduler.run();
  CHECK(calls == 0);
}

namespace {

using ozon_test::reply_of;

const char* const kProxyPage =
    "<!DOCTYPE html><html><head><title>Sign in</title></head>"
    "<body><main role=\"main\">Enter your IP address and password</main></body></html>";

}  // namespace

TEST_CASE("client: a reply that is not JSON is named for what it is, with its status and type") {
  SUBCASE("200 with a web page: not Ozon's reply, HTTP 200, text/html; not retried") {
    Rig rig;
    rig.transport.script = {reply_of(200, "text/html; charset=utf-8", kProxyPage)};
    std::optional<Result<Page<core::Posting>>> got;
    rig.client.call(build_posting_list({}), parse_posting_list, [&](Result<Page<core::Posting>> r) { got = std::move(r); });
    rig.scheduler.run();
    REQUIRE(got);
    REQUIRE_FALSE(got->ok());
    const ApiError& e = got->error();
    CHECK(e.kind == ErrorKind::malformed_reply);
    CHECK(e.http_status == 200);
    CHECK(e.content_type == "text/html; charset=utf-8");
    CHECK(e.looks_like == ReplyBody::web_page);
    CHECK(classify(e) == Problem::not_ozon_reply);  // not "missing role" or "IP restricted" from the markup
    CHECK_FALSE(e.retryable());
    CHECK(rig.transport.sent.size() == 1);
    CHECK(e.summary().rfind("malformed_reply 200 text/html: ", 0) == 0);
  }
  SUBCASE("502 with a web page: the same, with 502, and retried") {
    Rig rig;
    rig.transport.script = {reply_of(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>")};
    std::optional<Result<net::HttpResponse>> got;
    rig.client.call(build_chat_list(), [&](Result<net::HttpResponse> r) { got = std::move(r); });
    rig.scheduler.run();
    REQUIRE(got);
    REQUIRE_FALSE(got->ok());
    const ApiError& e = got->error();
    CHECK(e.http_status == 502);
    CHECK(e.content_type == "text/html");
    CHECK(classify(e) == Problem::not_ozon_reply);
    CHECK(e.retryable());
    CHECK(rig.transport.sent.size() > 1);
  }
  SUBCASE("truncated JSON labelled JSON is Ozon's reply, broken: malformed with its status") {
    Rig rig;
    rig.transport.script = {reply_of(200, "application/json", R"({"postings": [{"posting_number": "1-2)")};
    std::optional<Result<Page<core::Posting>>> got;
    rig.client.call(build_posting_list({}), parse_posting_list, [&](Result<Page<core::Posting>> r) { got = std::move(r); });
    rig.scheduler.run();
    REQUIRE(got);
    REQUIRE_FALSE(got->ok());
    CHECK(got->error().kind == ErrorKind::malformed_reply);
    CHECK(got->error().http_status == 200);
    CHECK(got->error().content_type == "application/json");
    CHECK(got->error().looks_like == ReplyBody::ozon);
    CHECK(classify(got->error()) == Problem::unknown);
  }
  SUBCASE("a network failure is still an unreachable proxy") {
    Rig rig;
    RetryPolicy once(RetryConfig{500, 30'000, 1, 0}, [] { return 0.5; });
    ApiClient client(rig.transport, rig.clock, rig.scheduler, rig.limiter, once);
    rig.transport.script = {failure_reply(net::Failure::network, "the server could not be reached")};
    std::optional<Result<net::HttpResponse>> got;
    client.call(build_chat_list(), [&](Result<net::HttpResponse> r) { got = std::move(r); });
    rig.scheduler.run();
    REQUIRE(got);
    CHECK(got->error().http_status == 0);
    CHECK(got->error().content_type.empty());
    CHECK(classify(got->error()) == Problem::proxy_unreachable);
  }
}

TEST_CASE("timeouts: one timer for every request in flight, none left once all are answered") {
  Rig rig;
  int answered = 0;
  for (int i = 0; i < 100; ++i)
    rig.client.call({"/v1/test", "{}"}, [&](Result<net::HttpResponse> reply) { answered += reply ? 1 : 0; });
  rig.scheduler.run(5'000);  // every answer arrives; the deadlines are 30 s away
  CHECK(answered == 100);
  // A timer per request would leave 100 wake-ups due 30 s from now; one remains.
  CHECK(rig.scheduler.pending() == 1);
  rig.scheduler.run(60'000);
  CHECK(rig.scheduler.pending() == 0);  // it found nothing waiting and armed no other

  // A request that never answers still times out.
  rig.transport.silent = true;
  std::optional<ErrorKind> failure;
  rig.client.call_with({"/v1/test", "{}"}, CallOptions{.retry = false},
                       [&](Result<net::HttpResponse> reply) { if (!reply) failure = reply.error().kind; });
  rig.scheduler.run(60'000);
  REQUIRE(failure.has_value());
  CHECK(*failure == ErrorKind::timeout);
}
