#include "ozon/json_read.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include <nlohmann/json.hpp>

#include "core/civil_date.h"

namespace ozon::json_read {
namespace {

using core::civil_from_days;
using core::days_from_civil;
constexpr auto digits = core::read_digits;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

core::EpochMs read_time(const Json& obj, std::string_view key) {
  const Json* value = find(obj, key);
  if (value == nullptr || !value->is_string()) return 0;
  return parse_iso8601(value->get_ref<const std::string&>()).value_or(0);
}

std::optional<std::int64_t> parse_minor_units(std::string_view text) {
  text = trim(text);
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (text.empty()) return std::nullopt;
  const auto dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() && fraction.empty()) return std::nullopt;
  constexpr std::int64_t kMaxWhole = std::numeric_limits<std::int64_t>::max() / 100 - 1;
  std::int64_t units = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    units = units * 10 + (c - '0');
    if (units > kMaxWhole) return std::nullopt;
  }
  std::int64_t minor = 0;
  int round_up = 0;
  for (std::size_t i = 0; i < fraction.size(); ++i) {
    const char c = fraction[i];
    if (c < '0' || c > '9') return std::nullopt;
    if (i < 2) minor = minor * 10 + (c - '0');
    if (i == 2) round_up = c >= '5' ? 1 : 0;  // half-up on the third decimal
  }
  if (fraction.size() == 1) minor *= 10;
  const std::int64_t total = units * 100 + minor + round_up;
  return negative ? -total : total;
}

std::optional<core::Money> as_money(const Json& value, std::string_view fallback_currency) {
  core::Money money;
  money.currency = std::string(fallback_currency);
  const Json* amount = &value;
  if (value.is_object()) {
    amount = find(value, "amount");
    if (amount == nullptr) amount = find(value, "price");
    if (amount == nullptr) amount = find(value, "value");
    std::string currency = read_string(value, "currency");
    if (currency.empty()) currency = read_string(value, "currency_code");
    if (!currency.empty()) money.currency = std::move(currency);
    if (amount == nullptr) return std::nullopt;
  }
  if (amount->is_string()) {
    const auto minor = parse_minor_units(amount->get_ref<const std::string&>());
    if (!minor) return std::nullopt;
    money.minor = *minor;
  } else if (amount->is_number()) {
    const double d = amount->get<double>();
    if (!std::isfinite(d) || std::fabs(d) > 9.0e16) return std::nullopt;
    money.minor = static_cast<std::int64_t>(std::llround(d * 100.0));
  } else {
    return std::nullopt;
  }
  return money;
}

core::Money read_price(const Json& obj, std::string_view key, std::string_view currency_key) {
  const std::string currency = read_string(obj, currency_key);
  const Json* value = find(obj, key);
  if (value == nullptr) return core::Money{0, currency};
  return as_money(*value, currency).value_or(core::Money{0, currency});
}

std::optional<core::EpochMs> parse_iso8601(std::string_view text) {
  text = trim(text);
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2, month) ||
      text[7] != '-' || !digits(text, 8, 2, day))
    return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  std::size_t at = 10;
  std::int64_t millis = 0;
  std::int64_t offset_minutes = 0;
  if (at < text.size() && (text[at] == 'T' || text[at] == 't' || text[at] == ' ')) {
    if (!digits(text, at + 1, 2, hour) || at + 3 >= text.size() || text[at + 3] != ':' ||
        !digits(text, at + 4, 2, minute))
      return std::nullopt;
    at += 6;
    if (at < text.size() && text[at] == ':') {
      if (!digits(text, at + 1, 2, second)) return std::nullopt;
      at += 3;
    }
    if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
    if (at < text.size() && (text[at] == '.' || text[at] == ',')) {
      ++at;
      int scale = 100;
      const std::size_t start = at;
      while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
        millis += (text[at] - '0') * scale;
        scale /= 10;
        ++at;
      }
      if (at == start) return std::nullopt;
    }
    if (at < text.size()) {
      const char zone = text[at];
      if (zone == 'Z' || zone == 'z') {
        ++at;
      } else if (zone == '+' || zone == '-') {
        int oh = 0, om = 0;
        if (!digits(text, at + 1, 2, oh)) return std::nullopt;
        std::size_t next = at + 3;
        if (next < text.size() && text[next] == ':') ++next;
        if (next < text.size()) {
          if (!digits(text, next, 2, om)) return std::nullopt;
          next += 2;
        }
        offset_minutes = (zone == '+' ? 1 : -1) * (oh * 60 + om);
        at = next;
      }
    }
  }
  if (at != text.size()) return std::nullopt;
  const std::int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  const std::int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
  return seconds * 1000 + millis;
}

std::string format_iso8601(core::EpochMs ms) {
  std::int64_t seconds = ms / 1000;
  std::int64_t millis = ms % 1000;
  if (millis < 0) {
    millis += 1000;
    seconds -= 1;
  }
  std::int64_t days = seconds / 86400;
  std::int64_t rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    days -= 1;
  }
  std::int64_t y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(days, y, m, d);
  char buf[40];
  const int hh = static_cast<int>(rest / 3600), mm = static_cast<int>(rest / 60 % 60), ss = static_cast<int>(rest % 60);
  if (millis != 0) {
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<long long>(y), m, d, hh,
                  mm, ss, static_cast<int>(millis));
  } else {
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02dZ", static_cast<long long>(y), m, d, hh, mm, ss);
  }
  return buf;
}

}  // namespace ozon::json_read
