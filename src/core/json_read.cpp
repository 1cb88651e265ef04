#include "core/json_read.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include <nlohmann/json.hpp>

namespace core::json_read {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// 2^63 is exactly representable; anything at or beyond it overflows int64.
constexpr double kInt64Limit = 9.2233720368547758e18;

}  // namespace

const Json* find(const Json& obj, std::string_view key) {
  if (!obj.is_object()) return nullptr;
  const auto it = obj.find(key);
  return it == obj.end() || it->is_null() ? nullptr : &*it;
}

const Json* find_object(const Json& obj, std::string_view key) {
  const Json* value = find(obj, key);
  return value != nullptr && value->is_object() ? value : nullptr;
}

const Json* find_array(const Json& obj, std::string_view key) {
  const Json* value = find(obj, key);
  return value != nullptr && value->is_array() ? value : nullptr;
}

// ---- lenient ------------------------------------------------------------------

std::string as_string(const Json& value) {
  switch (value.type()) {
    case Json::value_t::string: return value.get_ref<const std::string&>();
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
    case Json::value_t::boolean:
      return value.dump();  // numbers and bools: no strings inside, cannot throw
    default: return {};
  }
}

std::optional<std::int64_t> parse_int64(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  std::int64_t out = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (ec != std::errc{} || text.empty()) return std::nullopt;
  if (ptr == text.data() + text.size()) return out;
  // "12.0000": accept an all-zero fraction.
  if (*ptr != '.') return std::nullopt;
  for (const char* p = ptr + 1; p < text.data() + text.size(); ++p)
    if (*p != '0') return std::nullopt;
  return out;
}

std::optional<std::int64_t> as_int64(const Json& value) {
  switch (value.type()) {
    case Json::value_t::number_integer: return value.get<std::int64_t>();
    case Json::value_t::number_unsigned: {
      const auto u = value.get<std::uint64_t>();
      if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
      return static_cast<std::int64_t>(u);
    }
    case Json::value_t::number_float: {
      const double d = value.get<double>();
      if (!std::isfinite(d) || std::fabs(d) >= kInt64Limit) return std::nullopt;
      return static_cast<std::int64_t>(d);
    }
    case Json::value_t::string: return parse_int64(value.get_ref<const std::string&>());
    default: return std::nullopt;
  }
}

std::optional<double> as_double(const Json& value) {
  if (value.is_number()) return value.get<double>();
  if (!value.is_string()) return std::nullopt;
  const std::string_view text = trim(value.get_ref<const std::string&>());
  if (text.empty()) return std::nullopt;
  // strtod, not from_chars: Emscripten's libc++ has no floating-point from_chars.
  const std::string copy(text);
  char* end = nullptr;
  const double out = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || !std::isfinite(out)) return std::nullopt;
  return out;
}

std::optional<bool> as_bool(const Json& value) {
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_number_integer() || value.is_number_unsigned()) return as_int64(value).value_or(0) != 0;
  if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    if (s == "true" || s == "1") return true;
    if (s == "false" || s == "0") return false;
  }
  return std::nullopt;
}

std::string read_string(const Json& obj, std::string_view key) {
  const Json* value = find(obj, key);
  return value == nullptr ? std::string{} : as_string(*value);
}

std::int64_t read_int64(const Json& obj, std::string_view key, std::int64_t fallback) {
  const Json* value = find(obj, key);
  if (value == nullptr) return fallback;
  return as_int64(*value).value_or(fallback);
}

double read_double(const Json& obj, std::string_view key, double fallback) {
  const Json* value = find(obj, key);
  if (value == nullptr) return fallback;
  return as_double(*value).value_or(fallback);
}

bool read_bool(const Json& obj, std::string_view key, bool fallback) {
  const Json* value = find(obj, key);
  if (value == nullptr) return fallback;
  return as_bool(*value).value_or(fallback);
}

std::vector<std::string> read_string_list(const Json& obj, std::string_view key) {
  std::vector<std::string> out;
  const Json* list = find_array(obj, key);
  if (list == nullptr) return out;
  for (const auto& item : *list) {
    std::string text = as_string(item);
    if (!text.empty()) out.push_back(std::move(text));
  }
  return out;
}

std::vector<std::int64_t> read_int64_list(const Json& obj, std::string_view key) {
  std::vector<std::int64_t> out;
  const Json* list = find_array(obj, key);
  if (list == nullptr) return out;
  for (const auto& item : *list)
    if (const auto v = as_int64(item)) out.push_back(*v);
  return out;
}

// ---- strict -------------------------------------------------------------------

std::optional<std::int64_t> as_int64_strict(const Json& value) {
  if (value.is_number_integer() || value.is_number_unsigned()) return as_int64(value);
  if (value.is_number_float()) {
    const double d = value.get<double>();
    if (!std::isfinite(d) || std::fabs(d) >= kInt64Limit || d != std::trunc(d)) return std::nullopt;
    return static_cast<std::int64_t>(d);
  }
  if (!value.is_string()) return std::nullopt;
  const std::string& s = value.get_ref<const std::string&>();
  if (s.empty() || s.size() > 19) return std::nullopt;
  for (char c : s)
    if (c < '0' || c > '9') return std::nullopt;
  std::int64_t out = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc{} || ptr != s.data() + s.size()) return std::nullopt;  // 19 digits beyond int64
  return out;
}

std::optional<std::int64_t> find_int64_strict(const Json& obj, std::string_view key) {
  const Json* value = find(obj, key);
  return value == nullptr ? std::nullopt : as_int64_strict(*value);
}

std::string read_string_strict(const Json& obj, std::string_view key) {
  const Json* value = find(obj, key);
  return value != nullptr && value->is_string() ? value->get<std::string>() : std::string{};
}

std::int64_t read_int64_strict(const Json& obj, std::string_view key, std::int64_t fallback) {
  return find_int64_strict(obj, key).value_or(fallback);
}

bool read_bool_strict(const Json& obj, std::string_view key, bool fallback) {
  const Json* value = find(obj, key);
  return value != nullptr && value->is_boolean() ? value->get<bool>() : fallback;
}

bool read_string_list_strict(const Json& obj, std::string_view key, std::vector<std::string>* out) {
  const Json* list = find(obj, key);
  if (list == nullptr) return true;
  if (!list->is_array()) return false;
  std::vector<std::string> items;
  for (const auto& item : *list) {
    if (!item.is_string()) return false;
    items.push_back(item.get<std::string>());
  }
  out->insert(out->end(), items.begin(), items.end());
  return true;
}

bool read_int64_list_strict(const Json& obj, std::string_view key, std::vector<std::int64_t>* out) {
  const Json* list = find(obj, key);
  if (list == nullptr) return true;
  if (!list->is_array()) return false;
  std::vector<std::int64_t> items;
  for (const auto& item : *list) {
    const auto v = as_int64_strict(item);
    if (!v) return false;
    items.push_back(*v);
  }
  out->insert(out->end(), items.begin(), items.end());
  return true;
}

// ---- before parsing -------------------------------------------------------------

bool nesting_within(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;  // the escaped character cannot end the string
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return false;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;  // an unmatched closer: the parser refuses the text anyway
    }
  }
  return true;
}

// ---- writing --------------------------------------------------------------------

std::string dump(const Json& value, int indent) {
  return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace core::json_read
