#include <doctest/doctest.h>

#include "ozon/errors.h"
#include "ozon_test_support.h"

using namespace ozon;
using ozon_test::fixture;

TEST_CASE("Ozon error bodies: int and string codes, details") {
  auto e = parse_error_body(400, fixture("error_400.json"));
  CHECK(e.kind == ErrorKind::http);
  CHECK(e.http_status == 400);
  CHECK(e.code == "3");
  CHECK(e.message.find("proto: syntax error") == 0);
  REQUIRE(e.details.size() == 1);
  CHECK(e.details[0].find("posting_number") != std::string::npos);
  CHECK_FALSE(e.retryable());

  e = parse_error_body(400, fixture("error_ship_string_code.json"));
  CHECK(e.code == "POSTING_ALREADY_SHIPPED");
  CHECK_FALSE(e.retryable());
}

TEST_CASE("429, circle open and label-not-ready are retryable kinds") {
  auto e = parse_error_body(429, fixture("error_429.json"));
  CHECK(e.kind == ErrorKind::rate_limited);
  CHECK(e.code == "8");
  CHECK(e.retryable());
  CHECK(classify(e) == Problem::rate_limited);

  e = parse_error_body(403, fixture("error_circle_open.json"));
  CHECK(e.kind == ErrorKind::circle_open);
  CHECK(e.retryable());
  CHECK(e.retry_after_ms > 0);

  e = parse_error_body(400, fixture("error_label_not_ready.json"));
  CHECK(e.kind == ErrorKind::label_not_ready);
  CHECK(e.retryable());
}

TEST_CASE("HTML, empty and truncated bodies become malformed replies with a short excerpt") {
  auto e = parse_error_body(502, fixture("error_500.html"));
  CHECK(e.kind == ErrorKind::malformed_reply);
  CHECK(e.http_status == 502);
  CHECK(e.message.size() <= 160);
  CHECK(e.message.find("502 Bad Gateway") != std::string::npos);
  CHECK(e.retryable());  // a proxy's 5xx page is a server hiccup
  CHECK(classify(e) == Problem::server_error);

  e = parse_error_body(404, "");
  CHECK(e.kind == ErrorKind::malformed_reply);
  CHECK_FALSE(e.retryable());
  CHECK(classify(e) == Problem::proxy_unreachable);

  e = parse_error_body(400, R"({"code": 3, "mess)");
  CHECK(e.kind == ErrorKind::malformed_reply);
  CHECK(parse_error_body(500, "[1,2]").kind == ErrorKind::malformed_reply);
  CHECK(parse_error_body(429, "<html>").kind == ErrorKind::rate_limited);
  CHECK(excerpt(std::string(1000, 'x')).size() == 120);
  CHECK(excerpt("a\n\n  b\x01") == "a b?");
}

TEST_CASE("connection test classification in plain words") {
  CHECK(classify(parse_error_body(403, fixture("error_403_wrong_key.json"))) == Problem::wrong_api_key);
  CHECK(classify(parse_error_body(403, fixture("error_403_role.json"))) == Problem::missing_role);
  CHECK(classify(parse_error_body(403, fixture("error_403_ip.json"))) == Problem::ip_restricted);
  CHECK(classify(parse_error_body(403, fixture("error_403_offer.json"))) == Problem::offer_not_signed);
  CHECK(classify(parse_error_body(403, R"({"message": "Api-key is deactivated, use another one"})")) ==
        Problem::wrong_api_key);
  CHECK(classify(parse_error_body(401, R"({"message": "Unauthorized"})")) == Problem::wrong_api_key);
  CHECK(classify(parse_error_body(500, R"({"code": 13, "message": "internal error"})")) == Problem::server_error);
  CHECK(classify(parse_error_body(400, fixture("error_400.json"))) == Problem::unknown);
  CHECK(classify(error_from_response(ozon_test::failure_reply(net::Failure::cors))) == Problem::cors_refused);
  CHECK(classify(error_from_response(ozon_test::failure_reply(net::Failure::network))) == Problem::proxy_unreachable);
  CHECK(classify(error_from_response(ozon_test::failure_reply(net::Failure::bridge))) == Problem::proxy_unreachable);
}

TEST_CASE("transport failures map to kinds; cors is not retried") {
  CHECK(error_from_response(ozon_test::failure_reply(net::Failure::network)).retryable());
  CHECK(error_from_response(ozon_test::failure_reply(net::Failure::timeout)).kind == ErrorKind::timeout);
  CHECK(error_from_response(ozon_test::failure_reply(net::Failure::timeout)).retryable());
  CHECK_FALSE(error_from_response(ozon_test::failure_reply(net::Failure::cors)).retryable());
  const auto e = error_from_response(ozon_test::json_reply(500, R"({"code": 13, "message": "boom"})"));
  CHECK(e.retryable());
  CHECK(e.summary() == "http 500 [13]: boom");
}
