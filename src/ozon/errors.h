#pragma once
// The error model of the Seller API client: one value type for everything
// that can go wrong with a call, a plain-words classification for the
// "Test connection" screen, and per-item errors of batch methods.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "net/transport.h"

namespace ozon {

enum class ErrorKind {
  http,             // an HTTP error status with an Ozon error body (or none)
  network,          // offline, DNS, refused
  cors,             // the browser refused the call: a proxy/bridge is needed
  timeout,          // no answer in time
  bridge,           // the embedding page did not answer properly
  malformed_reply,  // a body we cannot read (HTML page, truncated JSON, wrong shape)
  rate_limited,     // 429 or "rate limit" text
  circle_open,      // "Circle is open": the method is blocked for a few minutes
  label_not_ready,  // label requested too soon after shipping
  invalid_request,  // refused by our own builder before sending
  paging,           // cursor paging went wrong (repeated cursor, too many pages)
};

std::string_view to_string(ErrorKind kind);

// What a reply that could not be read looked like (kind malformed_reply).
enum class ReplyBody {
  ozon,      // JSON (or a PDF) as Ozon sends it, but truncated or of the wrong shape
  web_page,  // an HTML page: a proxy's error page, a login or captive portal, a static host
  other,     // plain text, an empty body, other bytes: nothing Ozon sends
};

struct ApiError {
  ErrorKind kind = ErrorKind::http;
  int http_status = 0;        // 0 when no HTTP response
  std::string content_type;   // the reply's Content-Type as received; "" when none or no reply
  ReplyBody looks_like = ReplyBody::ozon;  // what the body was; meaningful for malformed_reply
  std::string code;           // Ozon code as text: "8", "POSTING_ALREADY_SHIPPED"
  std::string message;        // Ozon message, or our own explanation
  std::vector<std::string> details;  // detail entries as compact text
  std::int64_t retry_after_ms = 0;   // hint; 0 = none

  bool retryable() const;
  std::string summary() const;  // one line for logs and the UI
};

// What the seller should do, for the connection test and error banners.
enum class Problem {
  none,
  wrong_api_key,
  missing_role,
  ip_restricted,
  offer_not_signed,
  rate_limited,
  cors_refused,
  proxy_unreachable,
  not_ozon_reply,  // something answered, but not with Ozon's JSON (a web page, plain text)
  proxy_off,       // serve.py answered for the local proxy road, but runs without --proxy
  server_error,
  unknown,
};

std::string_view to_string(Problem problem);

// serve.py started without --proxy answers a Seller API path with 404 and
// the JSON body {"error": "proxy_off", "message": ...}: its own shape, never
// Ozon's ({"code", "message", "details"}). parse_error_body gives such a
// reply this code, and classify() Problem::proxy_off.
inline constexpr std::string_view kProxyOffCode = "proxy_off";
Problem classify(const ApiError& error);

// Chats, reviews and parts of analytics need Ozon's Premium Plus
// subscription: without it Ozon answers 403 (a wrong key, a missing role or
// an IP restriction are told apart: they are the seller's setup, not the plan).
bool premium_plus_refused(const ApiError& error);

// One failed item of a batch call.
struct ItemError {
  std::string key;  // posting number, or "offer_id|warehouse_id"
  std::string code;
  std::string message;
};

// Builds the error for a transport failure or a non-2xx reply.
// Returns an error with kind http/rate_limited/... for status >= 400, with
// the reply's status and Content-Type.
ApiError error_from_response(const net::HttpResponse& response);

// Parses an Ozon error body. An HTML page, empty or non-JSON body gives
// malformed_reply carrying a short excerpt; the status is kept either way.
ApiError parse_error_body(int http_status, std::string_view body);

// Notes on `error` the reply it came from (a 2xx reply a parser refused):
// the HTTP status and Content-Type, and for malformed_reply what the body
// looked like. Transport failures carry no reply and are left alone.
void note_reply(ApiError& error, const net::HttpResponse& response);

// "text/html" of "text/html; charset=utf-8"; "" for "".
std::string media_type(std::string_view content_type);

ApiError malformed(std::string_view what, std::string_view body = {});

// At most `max_len` bytes of printable text from `body`, for messages: runs
// of whitespace become one space, control characters and bytes that are not
// UTF-8 become '?', and a character is never cut in half, so the result is
// always valid UTF-8 (a strict JSON dump of it cannot fail).
std::string excerpt(std::string_view body, std::size_t max_len = 120);

}  // namespace ozon
