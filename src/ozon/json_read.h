#pragma once
// Tolerant readers over nlohmann::json that never throw: Ozon's replies
// sometimes send a documented string as a number and vice versa, omit
// fields or send null. Each reader returns a fallback instead of failing.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/clock.h"
#include "core/money.h"

namespace ozon::json_read {

using Json = nlohmann::json;

// The member `key` of `obj`, or nullptr when obj is no object or lacks it.
const Json* find(const Json& obj, std::string_view key);
const Json* find_object(const Json& obj, std::string_view key);  // nullptr unless an object
const Json* find_array(const Json& obj, std::string_view key);   // nullptr unless an array

// Scalars as text: strings as is, numbers and bools converted; else "".
std::string as_string(const Json& value);
std::optional<std::int64_t> as_int64(const Json& value);  // numbers and numeric strings
std::optional<double> as_double(const Json& value);       // numbers and "123.45"
std::optional<bool> as_bool(const Json& value);           // true/false, "true"/"false", 0/1

std::string read_string(const Json& obj, std::string_view key);
std::int64_t read_int64(const Json& obj, std::string_view key, std::int64_t fallback = 0);
double read_double(const Json& obj, std::string_view key, double fallback = 0.0);
bool read_bool(const Json& obj, std::string_view key, bool fallback = false);
core::EpochMs read_time(const Json& obj, std::string_view key);  // 0 when absent/bad
std::vector<std::string> read_string_list(const Json& obj, std::string_view key);
std::vector<std::int64_t> read_int64_list(const Json& obj, std::string_view key);

// Prices: v3 "1990.0000" (with the currency in a sibling field) or v4
// {"amount": "1990.00" | 1990, "currency": "RUB"}, or a plain number.
std::optional<core::Money> as_money(const Json& value, std::string_view fallback_currency = {});
core::Money read_price(const Json& obj, std::string_view key, std::string_view currency_key = "currency_code");

// Text helpers, usable without JSON.
std::optional<std::int64_t> parse_int64(std::string_view text);
std::optional<std::int64_t> parse_minor_units(std::string_view text);  // "1990.5" -> 199050
std::optional<core::EpochMs> parse_iso8601(std::string_view text);
std::string format_iso8601(core::EpochMs ms);  // "2026-05-14T09:30:00Z" (".123Z" if ms)

}  // namespace ozon::json_read
