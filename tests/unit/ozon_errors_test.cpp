#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

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
  CHECK(e.looks_like == ReplyBody::web_page);
  CHECK(classify(e) == Problem::not_ozon_reply);  // not a server error of Ozon's: Ozon never saw it

  // Something answered at the proxy's address, with nothing: not "unreachable".
  e = parse_error_body(404, "");
  CHECK(e.kind == ErrorKind::malformed_reply);
  CHECK_FALSE(e.retryable());
  CHECK(e.looks_like == ReplyBody::other);
  CHECK(classify(e) == Problem::not_ozon_reply);

  e = parse_error_body(400, R"({"code": 3, "mess)");
  CHECK(e.kind == ErrorKind::malformed_reply);
  CHECK(parse_error_body(500, "[1,2]").kind == ErrorKind::malformed_reply);
  CHECK(parse_error_body(429, "<html>").kind == ErrorKind::rate_limited);
  CHECK(excerpt(std::string(1000, 'x')).size() == 120);
  CHECK(excerpt("a\n\n  b\x01") == "a b?");
}

TEST_CASE("an error reply nested thousands deep is unreadable, not a crash; 64 levels still read") {
  // Its details used to be dumped for the message, recursing once per level.
  const std::string deep = std::string(20'000, '[') + std::string(20'000, ']');
  auto e = parse_error_body(400, R"({"code":3,"message":"bad","details":[)" + deep + "]}");
  CHECK(e.kind == ErrorKind::malformed_reply);
  CHECK(e.http_status == 400);
  CHECK(e.message.find("unreadable error reply") == 0);
  CHECK(parse_error_body(429, deep).kind == ErrorKind::rate_limited);

  const std::string within = std::string(61, '[') + std::string(61, ']');
  e = parse_error_body(400, R"({"code":3,"message":"bad","details":[)" + within + "]}");
  CHECK(e.kind == ErrorKind::http);
  CHECK(e.code == "3");
  REQUIRE(e.details.size() == 1);
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

namespace {

// nlohmann's default dump is strict: it throws on invalid UTF-8 (and the
// WASM build, which has no exceptions, aborts instead).
bool strict_dump_ok(const std::string& text) {
  try {
    (void)nlohmann::json(text).dump();
    return true;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

}  // namespace

TEST_CASE("excerpt never cuts a character in half") {
  const std::string cyrillic = "Отправление не найдено: проверьте номер";  // 2-byte characters
  const std::string chinese = "未找到货件，请检查编号";                       // 3-byte characters
  const std::string mixed = "a\xF0\x9F\x93\xA6 Кружка 中文 \xF0\x9F\x93\xA6z";    // 4-byte emoji among them
  for (const std::string& text : {cyrillic, chinese, mixed}) {
    for (std::size_t max_len = 0; max_len <= 40; ++max_len) {
      CAPTURE(text);
      CAPTURE(max_len);
      const std::string cut = excerpt(text, max_len);
      CHECK(cut.size() <= max_len);
      CHECK(strict_dump_ok(cut));
      CHECK(text.compare(0, cut.size(), cut) == 0);  // a prefix: nothing replaced in valid text
      // Only a last character that does not fit is left out.
      CHECK((cut.size() == text.size() || max_len - cut.size() < 4));
    }
  }
  CHECK(excerpt("Кружка", 5) == "Кр");
  CHECK(excerpt("中文", 5) == "中");
}

TEST_CASE("excerpt replaces bytes that are not UTF-8, wherever they are") {
  CHECK(excerpt("ok\xFF\xFEok") == "ok??ok");                  // never valid in UTF-8
  CHECK(excerpt("\xD0") == "?");                                // a lead byte cut off at the end
  CHECK(excerpt("\xD0 x") == "? x");                            // ... or in the middle
  CHECK(excerpt("a\x80\xBF" "b") == "a??b");                     // stray continuation bytes
  CHECK(excerpt("\xC0\xAF") == "??");                            // an overlong '/'
  CHECK(excerpt("\xED\xA0\x80") == "???");                      // a UTF-16 surrogate
  CHECK(excerpt("\xF4\x90\x80\x80") == "????");                // beyond U+10FFFF
  CHECK(excerpt("\xE4\xB8 中") == "?? 中");                       // two bytes of a three-byte character
  CHECK(excerpt("Кружка\xFF") == "Кружка?");
  // A latin-1 page (a proxy's error page in cp1251 or latin-1) stays readable.
  const std::string latin1 = "<title>Erreur 502 \xE9" "chec</title>";
  CHECK(strict_dump_ok(excerpt(latin1)));
  CHECK(excerpt(latin1) == "<title>Erreur 502 ?chec</title>");
}

TEST_CASE("a reply with broken UTF-8 gives an error whose summary dumps strictly") {
  // A proxy page in cp1251, cut by the excerpt in the middle of nowhere.
  std::string page = "<html><body>\xCE\xF8\xE8\xE1\xEA\xE0 502: \xF1\xE5\xF0\xE2\xE5\xF0 ";
  page += std::string(200, 'x');
  auto e = parse_error_body(502, page);
  CHECK(strict_dump_ok(e.message));
  CHECK(strict_dump_ok(e.summary()));
  // Truncated UTF-8 at the very place the excerpt would cut.
  std::string cut_reply = "reply: " + std::string(110, '.') + "Кружка";
  e = parse_error_body(500, cut_reply);
  CHECK(strict_dump_ok(e.summary()));
  auto failure = ozon_test::failure_reply(net::Failure::network, "proxy said \xD0");
  CHECK(strict_dump_ok(error_from_response(failure).summary()));
  // Detail entries of a good Ozon body too.
  e = parse_error_body(400, R"({"code": 3, "message": "bad", "details": [{"typeUrl": "t", "value": ")" +
                                std::string(196, 'v') + "Ж\"}]}");
  REQUIRE(e.details.size() == 1);
  CHECK(strict_dump_ok(e.details[0]));
}

TEST_CASE("every error from a reply keeps its HTTP status and Content-Type") {
  auto html = [](int status, std::string type, std::string body) {
    net::HttpResponse r;
    r.status = status;
    r.content_type = std::move(type);
    r.body = std::move(body);
    return error_from_response(r);
  };
  auto e = html(502, "text/html", fixture("error_500.html"));
  CHECK(e.http_status == 502);
  CHECK(e.content_type == "text/html");
  CHECK(classify(e) == Problem::not_ozon_reply);
  CHECK(e.retryable());

  // The markup of a page must not be read as Ozon's words.
  e = html(403, "text/html", R"(<html><body role="main">Your IP address is not allowed</body></html>)");
  CHECK(classify(e) == Problem::not_ozon_reply);
  // Ozon's own 403 still is.
  e = html(403, "application/json", fixture("error_403_ip.json"));
  CHECK(e.kind == ErrorKind::http);
  CHECK(e.content_type == "application/json");
  CHECK(classify(e) == Problem::ip_restricted);

  // Plain text from a gateway: not a web page, but not Ozon's reply either.
  e = html(502, "text/plain", "Bad Gateway");
  CHECK(e.looks_like == ReplyBody::other);
  CHECK(classify(e) == Problem::not_ozon_reply);
  // An HTML page mislabelled as JSON is still a page; JSON mislabelled as HTML is still Ozon's.
  CHECK(html(500, "application/json", "<html>oops</html>").looks_like == ReplyBody::web_page);
  CHECK(html(500, "text/html", R"({"code": 13, "mess)").looks_like == ReplyBody::ozon);
  CHECK(classify(html(500, "text/html", R"({"code": 13, "mess)")) == Problem::server_error);
  // Without a Content-Type (some bridges drop it) the body decides.
  CHECK(html(404, "", "<html>Not Found</html>").looks_like == ReplyBody::web_page);
  // A header that is not UTF-8 is kept as valid text.
  e = html(502, "text/html; charset=\xFF", "<html></html>");
  CHECK(e.content_type == "text/html; charset=?");
  CHECK(media_type(e.content_type) == "text/html");
  CHECK(media_type(" Text/HTML ;charset=utf-8") == "text/html");
  CHECK(media_type("") == "");

  // A stored body parsed outside the client has no reply to name: not "unreachable".
  const auto stored = malformed("batch reply without a result array", "{}");
  CHECK(stored.http_status == 0);
  CHECK(classify(stored) == Problem::unknown);
}

TEST_CASE("serve.py without --proxy is told apart from Ozon's own 404 by the reply's shape") {
  // serve.py's answer for a Seller API path when started without --proxy.
  const auto off = error_from_response(ozon_test::json_reply(
      404, R"({"error": "proxy_off", "message": "this server was started without --proxy: run python3 serve.py --proxy"})"));
  CHECK(off.kind == ErrorKind::http);
  CHECK(off.code == kProxyOffCode);
  CHECK(classify(off) == Problem::proxy_off);
  CHECK(to_string(classify(off)) == "proxy_off");
  CHECK_FALSE(off.retryable());

  // Ozon's 404 through a working proxy: its JSON with code, message and details.
  const auto ozon_404 = error_from_response(
      ozon_test::json_reply(404, R"({"code": 5, "message": "Not Found", "details": []})"));
  CHECK(ozon_404.code == "5");
  CHECK(classify(ozon_404) != Problem::proxy_off);
  // Ozon's code wins even if a message happened to say proxy_off.
  CHECK(classify(error_from_response(ozon_test::json_reply(404, R"({"code": 5, "message": "proxy_off"})"))) !=
        Problem::proxy_off);
  CHECK(classify(error_from_response(ozon_test::json_reply(404, R"({"code": 5, "error": "proxy_off"})"))) !=
        Problem::proxy_off);
  // Another server's JSON 404, and the marker on any other status, are not it either.
  CHECK(classify(error_from_response(ozon_test::json_reply(404, R"({"error": "Not Found"})"))) !=
        Problem::proxy_off);
  CHECK(classify(error_from_response(ozon_test::json_reply(500, R"({"error": "proxy_off"})"))) !=
        Problem::proxy_off);
  // An older serve.py's plain "404 not found": still "not Ozon's reply", as before.
  CHECK(classify(error_from_response(ozon_test::reply_of(404, "text/plain; charset=utf-8", "404 not found\n"))) ==
        Problem::not_ozon_reply);
}

TEST_CASE("Premium Plus refusals: a 403 on a Premium method, not the seller's setup") {
  const auto premium = error_from_response(ozon_test::json_reply(
      403, R"({"code": 7, "message": "Method is available only for sellers with Premium Plus subscription", "details": []})"));
  CHECK(premium_plus_refused(premium));
  // A bare 403 with Ozon's permission code: the plan as well.
  CHECK(premium_plus_refused(
      error_from_response(ozon_test::json_reply(403, R"({"code": 7, "message": "Permission denied"})"))));
  // A wrong key, a missing role, an IP restriction: the seller's setup, said as such.
  CHECK_FALSE(premium_plus_refused(
      error_from_response(ozon_test::json_reply(403, R"({"code": 7, "message": "Invalid Api-Key, please contact support"})"))));
  CHECK_FALSE(premium_plus_refused(
      error_from_response(ozon_test::json_reply(403, R"({"code": 7, "message": "Api-key is missing a required role"})"))));
  CHECK_FALSE(premium_plus_refused(error_from_response(
      ozon_test::json_reply(403, R"({"code": 7, "message": "Access is restricted to specific IP addresses"})"))));
  // Other statuses are not it.
  CHECK_FALSE(premium_plus_refused(
      error_from_response(ozon_test::json_reply(404, R"({"code": 5, "message": "Premium Plus only"})"))));
  CHECK_FALSE(premium_plus_refused(
      error_from_response(ozon_test::json_reply(500, R"({"code": 13, "message": "internal"})"))));
}
