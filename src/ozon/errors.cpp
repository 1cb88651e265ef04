#include "ozon/errors.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "ozon/json_read.h"

namespace ozon {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool has(const std::string& haystack_lower, std::string_view needle_lower) {
  return haystack_lower.find(needle_lower) != std::string::npos;
}

constexpr std::int64_t kCircleOpenWaitMs = 60'000;
constexpr std::int64_t kLabelNotReadyWaitMs = 15'000;

// Refines kind from the message text: rate limits, open circuit, labels.
void refine_kind(ApiError& error) {
  const std::string text = lower(error.message) + " " + lower(error.code);
  if (error.http_status == 429 || has(text, "rate limit") || has(text, "too_many_requests") ||
      has(text, "too many requests")) {
    error.kind = ErrorKind::rate_limited;
  } else if (has(text, "circle is open")) {
    error.kind = ErrorKind::circle_open;
    if (error.retry_after_ms == 0) error.retry_after_ms = kCircleOpenWaitMs;
  } else if (has(text, "not ready") || has(text, "not_ready") ||
             has(text, "is being generated")) {
    error.kind = ErrorKind::label_not_ready;
    if (error.retry_after_ms == 0) error.retry_after_ms = kLabelNotReadyWaitMs;
  }
}

}  // namespace

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::http: return "http";
    case ErrorKind::network: return "network";
    case ErrorKind::cors: return "cors";
    case ErrorKind::timeout: return "timeout";
    case ErrorKind::bridge: return "bridge";
    case ErrorKind::malformed_reply: return "malformed_reply";
    case ErrorKind::rate_limited: return "rate_limited";
    case ErrorKind::circle_open: return "circle_open";
    case ErrorKind::label_not_ready: return "label_not_ready";
    case ErrorKind::invalid_request: return "invalid_request";
    case ErrorKind::paging: return "paging";
  }
  return "unknown";
}

std::string_view to_string(Problem problem) {
  switch (problem) {
    case Problem::none: return "none";
    case Problem::wrong_api_key: return "wrong_api_key";
    case Problem::missing_role: return "missing_role";
    case Problem::ip_restricted: return "ip_restricted";
    case Problem::offer_not_signed: return "offer_not_signed";
    case Problem::rate_limited: return "rate_limited";
    case Problem::cors_refused: return "cors_refused";
    case Problem::proxy_unreachable: return "proxy_unreachable";
    case Problem::not_ozon_reply: return "not_ozon_reply";
    case Problem::proxy_off: return "proxy_off";
    case Problem::server_error: return "server_error";
    case Problem::unknown: return "unknown";
  }
  return "unknown";
}

bool ApiError::retryable() const {
  switch (kind) {
    case ErrorKind::network:
    case ErrorKind::timeout:
    case ErrorKind::bridge:
    case ErrorKind::rate_limited:
    case ErrorKind::circle_open:
    case ErrorKind::label_not_ready:
      return true;
    case ErrorKind::http:
      return http_status >= 500 || http_status == 429;
    case ErrorKind::malformed_reply:
      // A proxy's 502/503 HTML page is a server hiccup, not a bad reply.
      return http_status >= 500;
    case ErrorKind::cors:
    case ErrorKind::invalid_request:
    case ErrorKind::paging:
      return false;
  }
  return false;
}

std::string ApiError::summary() const {
  // append() rather than operator+ chains: GCC 12 warns falsely (-Wrestrict) on those.
  std::string out(to_string(kind));
  if (http_status != 0) out.append(" ").append(std::to_string(http_status));
  // What came instead of Ozon's JSON: "malformed_reply 200 text/html: <html>...".
  if (kind == ErrorKind::malformed_reply && !content_type.empty()) out.append(" ").append(media_type(content_type));
  if (!code.empty()) out.append(" [").append(code).append("]");
  if (!message.empty()) out.append(": ").append(message);
  return out;
}

Problem classify(const ApiError& error) {
  const std::string text = lower(error.message);
  switch (error.kind) {
    case ErrorKind::cors: return Problem::cors_refused;
    case ErrorKind::network:
    case ErrorKind::bridge:
    case ErrorKind::timeout:
      return Problem::proxy_unreachable;
    case ErrorKind::rate_limited:
    case ErrorKind::circle_open:
      return Problem::rate_limited;
    default: break;
  }
  // serve.py without --proxy, by its own reply (parse_error_body): before the
  // text checks, which would find "proxy" or "api" in its message.
  if (error.kind == ErrorKind::http && error.http_status == 404 && error.code == kProxyOffCode)
    return Problem::proxy_off;
  // Something answered (a proxy's error page, a login page, a static host's
  // 404), but not Ozon: named before the text checks below, which would find
  // "role" or "ip address" in a page's markup.
  if (error.kind == ErrorKind::malformed_reply && error.http_status != 0 && error.looks_like != ReplyBody::ozon)
    return Problem::not_ozon_reply;
  if (has(text, "offer not signed")) return Problem::offer_not_signed;
  if (has(text, "restricted to specific ip") || has(text, "ip address")) return Problem::ip_restricted;
  if (has(text, "missing a required role") || has(text, "role")) return Problem::missing_role;
  if (has(text, "api-key") || has(text, "api key") || has(text, "client-id") ||
      has(text, "client id") || error.http_status == 401)
    return Problem::wrong_api_key;
  if (error.http_status >= 500) return Problem::server_error;
  if (error.http_status == 429) return Problem::rate_limited;
  return Problem::unknown;
}

bool premium_plus_refused(const ApiError& error) {
  if (error.kind != ErrorKind::http || error.http_status != 403) return false;
  const std::string text = lower(error.message);
  if (has(text, "premium")) return true;
  const Problem problem = classify(error);
  return problem == Problem::unknown;  // a bare 403 on a Premium method: the plan
}

namespace {

// Length of the well-formed UTF-8 sequence at the start of `text` (1-4), or 0
// when it is not one: a stray continuation byte, a lead byte without its
// continuations (cut off), an overlong form, a surrogate, beyond U+10FFFF.
std::size_t utf8_sequence(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  else if (lead == 0xE0) length = 3, low = 0xA0;
  else if (lead == 0xED) length = 3, high = 0x9F;
  else if (lead >= 0xE1 && lead <= 0xEF) length = 3;
  else if (lead == 0xF0) length = 4, low = 0x90;
  else if (lead >= 0xF1 && lead <= 0xF3) length = 4;
  else if (lead == 0xF4) length = 4, high = 0x8F;
  else return 0;
  if (text.size() < length || byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i)
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  return length;
}

bool starts_like_json(std::string_view body) {
  const auto at = body.find_first_not_of(" \t\r\n");
  return at != std::string_view::npos && (body[at] == '{' || body[at] == '[');
}

// What a body that could not be read as the reply looked like. The body
// decides over the Content-Type, which proxies get wrong both ways.
ReplyBody look_of(std::string_view content_type, std::string_view body) {
  if (starts_like_json(body) || nlohmann::json::accept(body.begin(), body.end())) return ReplyBody::ozon;
  const auto at = body.find_first_not_of(" \t\r\n");
  const std::string type = lower(content_type);
  if ((at != std::string_view::npos && body[at] == '<') || has(type, "html")) return ReplyBody::web_page;
  if (has(type, "json") || has(type, "pdf") || body.substr(0, 8).find("%PDF") != std::string_view::npos)
    return ReplyBody::ozon;  // Ozon's own kinds, broken on the way
  return ReplyBody::other;
}

}  // namespace

std::string excerpt(std::string_view body, std::size_t max_len) {
  std::string out;
  bool last_space = false;
  std::size_t at = 0;
  while (at < body.size() && out.size() < max_len) {
    const auto u = static_cast<unsigned char>(body[at]);
    if (std::isspace(u) != 0) {
      if (!last_space && !out.empty()) out.push_back(' ');
      last_space = true;
      ++at;
      continue;
    }
    last_space = false;
    const std::size_t length = utf8_sequence(body.substr(at));
    if (length == 0 || (length == 1 && (u < 0x20 || u == 0x7f))) {
      out.push_back('?');  // a control character or a byte that is no UTF-8 character
      ++at;
      continue;
    }
    if (out.size() + length > max_len) break;  // never half a character
    out.append(body.substr(at, length));
    at += length;
  }
  return out;
}

ApiError malformed(std::string_view what, std::string_view body) {
  ApiError error;
  error.kind = ErrorKind::malformed_reply;
  error.message = std::string(what);
  if (!body.empty()) error.message.append(": ").append(excerpt(body));
  return error;
}

ApiError parse_error_body(int http_status, std::string_view body) {
  ApiError error;
  error.http_status = http_status;
  // One nested too deep is unreadable too: dumping its details would recurse once per level.
  const auto json = core::json_read::nesting_within(body, json_read::kMaxReplyDepth)
                        ? nlohmann::json::parse(body.begin(), body.end(), nullptr, false)
                        : nlohmann::json(nlohmann::json::value_t::discarded);
  if (json.is_discarded() || !json.is_object()) {
    error = malformed(body.empty() ? "empty error reply" : "unreadable error reply", body);
    error.http_status = http_status;
    error.looks_like = look_of({}, body);
  } else {
    error.kind = ErrorKind::http;
    error.code = json_read::read_string(json, "code");
    error.message = json_read::read_string(json, "message");
    const std::string error_field = json_read::read_string(json, "error");
    if (error.message.empty()) error.message = error_field;
    // serve.py's own answer, not Ozon's: {"error": "proxy_off", ...} with no code.
    if (http_status == 404 && error.code.empty() && error_field == kProxyOffCode) error.code = kProxyOffCode;
    if (const auto* details = json_read::find_array(json, "details")) {
      for (const auto& d : *details) {
        if (d.is_object()) {
          std::string text = json_read::read_string(d, "typeUrl");
          const std::string value = json_read::read_string(d, "value");
          if (!value.empty()) text += (text.empty() ? "" : ": ") + value;
          error.details.push_back(excerpt(text, 200));
        } else {
          error.details.push_back(excerpt(
              d.is_string() ? d.get_ref<const std::string&>() : json_read::dump(d), 200));
        }
      }
    }
  }
  refine_kind(error);
  if (error.kind == ErrorKind::malformed_reply && http_status == 429) error.kind = ErrorKind::rate_limited;
  return error;
}

std::string media_type(std::string_view content_type) {
  const auto end = content_type.find(';');
  std::string_view type = content_type.substr(0, end);
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  return lower(type);
}

void note_reply(ApiError& error, const net::HttpResponse& response) {
  if (response.failure != net::Failure::none) return;
  if (error.http_status == 0) error.http_status = response.status;
  // A header is text from anywhere: kept short and valid UTF-8 like any message.
  if (error.content_type.empty()) error.content_type = excerpt(response.content_type, 100);
  if (error.kind == ErrorKind::malformed_reply) error.looks_like = look_of(response.content_type, response.body);
}

ApiError error_from_response(const net::HttpResponse& response) {
  ApiError error;
  switch (response.failure) {
    case net::Failure::none:
      error = parse_error_body(response.status, response.body);
      note_reply(error, response);
      return error;
    case net::Failure::network: error.kind = ErrorKind::network; break;
    case net::Failure::cors: error.kind = ErrorKind::cors; break;
    case net::Failure::timeout: error.kind = ErrorKind::timeout; break;
    case net::Failure::bridge: error.kind = ErrorKind::bridge; break;
  }
  error.message = excerpt(response.failure_detail, 200);
  return error;
}

}  // namespace ozon
