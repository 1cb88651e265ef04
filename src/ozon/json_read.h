#pragma once
// Ozon's own JSON conventions on top of core/json_read.h (the lenient and
// strict readers and the no-throw writer, re-exported here so the parsers
// keep saying json_read::read_string): prices in their v3 and v4 shapes,
// ISO-8601 times, amounts in minor units.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/json_read.h"
#include "core/money.h"

namespace ozon::json_read {

// Replies nested deeper are refused before parsing: nlohmann's dump and
// copies recurse once per level, and Ozon's replies nest about 6 levels.
inline constexpr int kMaxReplyDepth = 64;

using core::json_read::Json;
using core::json_read::find;
using core::json_read::find_object;
using core::json_read::find_array;
using core::json_read::as_string;
using core::json_read::as_int64;
using core::json_read::as_double;
using core::json_read::as_bool;
using core::json_read::read_string;
using core::json_read::read_int64;
using core::json_read::read_double;
using core::json_read::read_bool;
using core::json_read::read_string_list;
using core::json_read::read_int64_list;
using core::json_read::parse_int64;
using core::json_read::dump;

core::EpochMs read_time(const Json& obj, std::string_view key);  // 0 when absent/bad

// Prices: v3 "1990.0000" (with the currency in a sibling field) or v4
// {"amount": "1990.00" | 1990, "currency": "RUB"}, or a plain number.
std::optional<core::Money> as_money(const Json& value, std::string_view fallback_currency = {});
core::Money read_price(const Json& obj, std::string_view key, std::string_view currency_key = "currency_code");

// Text helpers, usable without JSON.
std::optional<std::int64_t> parse_minor_units(std::string_view text);  // "1990.5" -> 199050
std::optional<core::EpochMs> parse_iso8601(std::string_view text);
std::string format_iso8601(core::EpochMs ms);  // "2026-05-14T09:30:00Z" (".123Z" if ms)

}  // namespace ozon::json_read
