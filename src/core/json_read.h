#pragma once
// Reading JSON without exceptions, and the one way to write JSON text.
// Used by every layer that touches JSON: the Seller API parsers (ozon/), the
// demo marketplace (sandbox/) and the app's own records (app/). The WASM
// build has no exceptions, so nothing here throws: a missing key, a null, a
// wrong type or a non-object gives the fallback.
//
// Two levels, over the same lookup (a null member counts as absent, as in
// protobuf's JSON mapping):
//   lenient  read_* / as_*        converts where the meaning is clear: "42" and
//                                 42 are both 42, 42 reads as the text "42",
//                                 "true"/1 are true. For Ozon's replies, which
//                                 mix numbers and strings across versions.
//   strict   *_strict             only the declared JSON type; anything else is
//                                 the fallback. An int64 may still be an
//                                 integral number or a string of decimal
//                                 digits, as protobuf's JSON mapping allows.
//                                 For requests (the demo marketplace answers
//                                 what Ozon would refuse) and for our own
//                                 stored records (a damaged field reads as its
//                                 default, not as something else).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace core::json_read {

using Json = nlohmann::json;

// The member `key` of `obj`; nullptr when obj is no object, lacks it, or it is null.
const Json* find(const Json& obj, std::string_view key);
const Json* find_object(const Json& obj, std::string_view key);  // nullptr unless an object
const Json* find_array(const Json& obj, std::string_view key);   // nullptr unless an array

// ---- lenient ----------------------------------------------------------------
// Scalars as text: strings as is, numbers and bools converted; else "".
std::string as_string(const Json& value);
std::optional<std::int64_t> as_int64(const Json& value);  // numbers and numeric strings ("12", "-7", "12.000")
std::optional<double> as_double(const Json& value);       // numbers and "123.45"
std::optional<bool> as_bool(const Json& value);           // true/false, "true"/"false", 0/1

std::string read_string(const Json& obj, std::string_view key);
std::int64_t read_int64(const Json& obj, std::string_view key, std::int64_t fallback = 0);
double read_double(const Json& obj, std::string_view key, double fallback = 0.0);
bool read_bool(const Json& obj, std::string_view key, bool fallback = false);
// Array items that read as the type; the others are skipped (absent -> empty).
std::vector<std::string> read_string_list(const Json& obj, std::string_view key);
std::vector<std::int64_t> read_int64_list(const Json& obj, std::string_view key);

// ---- strict -----------------------------------------------------------------
// An integer number, an integral float, or a string of 1-19 decimal digits
// (no sign, no spaces); nullopt otherwise and beyond int64.
std::optional<std::int64_t> as_int64_strict(const Json& value);
// as_int64_strict of the member: nullopt when absent, null or not an int64.
std::optional<std::int64_t> find_int64_strict(const Json& obj, std::string_view key);

std::string read_string_strict(const Json& obj, std::string_view key);  // "" unless a string
std::int64_t read_int64_strict(const Json& obj, std::string_view key, std::int64_t fallback = 0);
bool read_bool_strict(const Json& obj, std::string_view key, bool fallback = false);  // fallback unless a bool
// Appends the array's items to `out`. Absent or null: true, nothing added.
// Not an array, or an item of another type: false, `out` untouched.
bool read_string_list_strict(const Json& obj, std::string_view key, std::vector<std::string>* out);
bool read_int64_list_strict(const Json& obj, std::string_view key, std::vector<std::int64_t>* out);

// Text helper, usable without JSON: "12", " -7 ", "+3", "12.0000" (all-zero fraction).
std::optional<std::int64_t> parse_int64(std::string_view text);

// ---- before parsing -------------------------------------------------------------
// nlohmann's parser is iterative, but dump(), copies and comparisons recurse
// once per level: a text nested thousands deep can overflow the stack (an
// abort in the browser). Text from storage, a file or another window is
// checked with this before it is parsed.
// Whether no array or object in `text` nests deeper than `max_depth`;
// brackets inside strings (escapes included) do not count. Exact for valid
// JSON; for invalid JSON at least as deep as what a parser builds before
// it stops.
bool nesting_within(std::string_view text, int max_depth);

// ---- writing ------------------------------------------------------------------
// JSON text, compact (indent < 0) or indented by `indent` spaces. Invalid
// UTF-8 in a string (typed, pasted, or sent by Ozon) is replaced with U+FFFD
// instead of throwing, which would abort the WASM module. Every JSON text
// the project writes goes through here.
std::string dump(const Json& value, int indent = -1);

}  // namespace core::json_read
