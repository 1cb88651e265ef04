// The demo marketplace: what every domain's handlers share (replies,
// request helpers, posting status rules). See api.h.
#include <cstdint>
#include <cstdio>
#include <utility>

#include "sandbox/api.h"

namespace sandbox {

// ---- replies ------------------------------------------------------------------

net::HttpResponse respond(int status, const json& j) {
  net::HttpResponse r;
  r.status = status;
  r.content_type = "application/json";
  r.body = core::json_read::dump(j);
  return r;
}

net::HttpResponse error(int http, int code, std::string message) {
  return respond(http, json{{"code", code}, {"message", std::move(message)}, {"details", json::array()}});
}
net::HttpResponse bad(std::string message) { return error(400, 3, std::move(message)); }
net::HttpResponse not_found(std::string message) { return error(404, 5, std::move(message)); }
net::HttpResponse ok(const json& j) { return respond(200, j); }

net::HttpResponse pdf(std::string bytes) {
  net::HttpResponse r;
  r.status = 200;
  r.content_type = "application/pdf";
  r.body = std::move(bytes);
  return r;
}

bool rate_limited(std::deque<core::EpochMs>& window, core::EpochMs now, int limit, core::EpochMs window_ms) {
  while (!window.empty() && window.front() <= now - window_ms) window.pop_front();
  if (static_cast<int>(window.size()) >= limit) return true;
  window.push_back(now);
  return false;
}

// ---- reading requests ------------------------------------------------------------

json object_or_empty(const json& body, const char* key) {
  const json* v = find(body, key);
  return v && v->is_object() ? *v : json::object();
}

bool read_uint64(const json& b, const char* key, std::uint64_t* out) {
  *out = 0;
  const json* v = find(b, key);
  if (!v || v->is_null()) return true;
  if (v->is_number_unsigned()) {
    *out = v->get<std::uint64_t>();
    return true;
  }
  if (v->is_number_integer()) {
    if (v->get<std::int64_t>() < 0) return false;
    *out = v->get<std::uint64_t>();
    return true;
  }
  if (!v->is_string()) return false;
  const std::string& s = v->get_ref<const std::string&>();
  if (s.empty() || s.size() > 20) return false;
  std::uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    const auto d = static_cast<std::uint64_t>(c - '0');
    if (n > (UINT64_MAX - d) / 10) return false;
    n = n * 10 + d;
  }
  *out = n;
  return true;
}

bool read_enum(const json& b, const char* key, std::initializer_list<std::string_view> allowed, std::string* out) {
  out->clear();
  const json* v = find(b, key);
  if (!v || v->is_null()) return true;
  if (!v->is_string()) return false;
  for (std::string_view a : allowed)
    if (v->get_ref<const std::string&>() == a) {
      *out = std::string(a);
      return true;
    }
  return false;
}

bool read_window(const json& b, const char* key, const char* from_key, const char* to_key, Window* out) {
  *out = Window{};
  const json* w = find(b, key);
  if (!w || w->is_null()) return true;
  if (!w->is_object()) return false;
  for (const auto& [k, at] : {std::pair{from_key, &out->from}, std::pair{to_key, &out->to}}) {
    const json* v = find(*w, k);
    if (!v || v->is_null()) continue;
    if (!v->is_string() || !parse_iso8601(v->get_ref<const std::string&>(), at)) return false;
  }
  return true;
}

bool index_cursor(const json& b, std::size_t* start) {
  std::string c = read_string_strict(b, "cursor");
  *start = 0;
  if (c.empty()) return true;
  const auto v = as_int64_strict(json(c));
  if (!v || *v < 0) return false;
  *start = static_cast<std::size_t>(*v);
  return true;
}

// ---- small helpers -------------------------------------------------------------

std::string money(std::int64_t kop, int decimals) {
  char buf[48];
  if (decimals == 4)
    std::snprintf(buf, sizeof buf, "%lld.%02lld00", static_cast<long long>(kop / 100), static_cast<long long>(kop % 100));
  else
    std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(kop / 100), static_cast<long long>(kop % 100));
  return buf;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string hex_encode(std::string_view s) {
  static const char* d = "0123456789abcdef";
  std::string out;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    out += d[u >> 4];
    out += d[u & 15];
  }
  return out;
}

bool hex_decode(std::string_view s, std::string* out) {
  if (s.size() % 2) return false;
  out->clear();
  auto val = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < s.size(); i += 2) {
    int a = val(s[i]), b = val(s[i + 1]);
    if (a < 0 || b < 0) return false;
    out->push_back(static_cast<char>(a * 16 + b));
  }
  return true;
}

// ---- posting rules ---------------------------------------------------------------

bool is_shipped_status(const std::string& s) {
  return s == "awaiting_deliver" || s == "delivering" || s == "delivered" || s == "driver_pickup" ||
         s == "sent_by_seller" || s == "not_accepted" || s == "arbitration" || s == "client_arbitration";
}

bool is_cancelled(const std::string& s) { return s == "cancelled" || s == "cancelled_from_split_pending"; }

bool is_unfulfilled_default(const std::string& s) {
  return s == "awaiting_registration" || s == "acceptance_in_progress" || s == "awaiting_approve" ||
         s == "awaiting_packaging" || s == "awaiting_deliver" || s == "awaiting_verification" ||
         s == "arbitration" || s == "client_arbitration" || s == "not_accepted";
}

bool cancellable(const std::string& s) {
  return s == "awaiting_packaging" || s == "awaiting_deliver" || s == "awaiting_registration" ||
         s == "awaiting_approve" || s == "awaiting_verification";
}

void set_status(Posting& p, const std::string& status, core::EpochMs now) {
  p.status = status;
  p.substatus = posting_substatus(status);
  p.status_changed_at = now;
}

}  // namespace sandbox
