// The one JSON reading helper and no-throw writer (src/core/json_read.h).
#include <doctest/doctest.h>

#include <cstdint>

#include <nlohmann/json.hpp>

#include "core/json_read.h"

using namespace core::json_read;
using nlohmann::json;

namespace {

const json kDoc = json::parse(R"({
  "s": "abc", "digits": "42", "neg": "-7", "spaced": " 5 ", "frac_zero": "12.000", "n": 42, "f": 1.5,
  "whole_f": 3.0, "big": 30000000001280042740, "over": "9223372036854775808", "b": true, "bs": "true",
  "one": 1, "nul": null, "obj": {"k": 1}, "arr": [1, "2", "x", 3.0], "strs": ["a", "b"], "mixed": ["a", 1],
  "empty": []})");

}  // namespace

TEST_CASE("json_read: lookups treat a null like a missing key, and never throw on non-objects") {
  CHECK(find(kDoc, "s") != nullptr);
  CHECK(find(kDoc, "nul") == nullptr);
  CHECK(find(kDoc, "missing") == nullptr);
  CHECK(find_object(kDoc, "obj") != nullptr);
  CHECK(find_object(kDoc, "arr") == nullptr);
  CHECK(find_array(kDoc, "arr") != nullptr);
  CHECK(find_array(kDoc, "obj") == nullptr);
  for (const json& not_object : {json(nullptr), json(5), json("text"), json::array({1, 2})}) {
    CHECK(find(not_object, "s") == nullptr);
    CHECK(read_string(not_object, "s").empty());
    CHECK(read_int64(not_object, "s", 9) == 9);
    CHECK(read_string_strict(not_object, "s").empty());
    CHECK(read_int64_strict(not_object, "s", 9) == 9);
    CHECK(read_bool_strict(not_object, "s", true));
    std::vector<std::string> out;
    CHECK(read_string_list_strict(not_object, "s", &out));
    CHECK(out.empty());
  }
}

TEST_CASE("json_read: lenient readers convert where the meaning is clear, else the fallback") {
  CHECK(read_string(kDoc, "n") == "42");
  CHECK(read_string(kDoc, "b") == "true");
  CHECK(read_string(kDoc, "obj").empty());
  CHECK(read_string(kDoc, "missing").empty());
  CHECK(read_int64(kDoc, "digits") == 42);
  CHECK(read_int64(kDoc, "neg") == -7);
  CHECK(read_int64(kDoc, "spaced") == 5);
  CHECK(read_int64(kDoc, "frac_zero") == 12);
  CHECK(read_int64(kDoc, "s", -1) == -1);
  CHECK(read_int64(kDoc, "big", -1) == -1);
  CHECK(read_int64(kDoc, "over", -1) == -1);
  CHECK(read_int64(kDoc, "nul", -1) == -1);
  CHECK(read_int64(kDoc, "missing", -1) == -1);
  CHECK(read_double(kDoc, "f") == doctest::Approx(1.5));
  CHECK(read_double(kDoc, "obj", 2.5) == doctest::Approx(2.5));
  CHECK(read_bool(kDoc, "bs"));
  CHECK(read_bool(kDoc, "one"));
  CHECK(read_bool(kDoc, "s", true));
  CHECK(read_int64_list(kDoc, "arr") == std::vector<std::int64_t>{1, 2, 3});
  CHECK(read_int64_list(kDoc, "obj").empty());
  CHECK(read_string_list(kDoc, "arr").size() == 4);
}

TEST_CASE("json_read: strict readers take only the declared type; a wrong one gives the default") {
  CHECK(read_string_strict(kDoc, "s") == "abc");
  CHECK(read_string_strict(kDoc, "n").empty());  // a number is no text here
  CHECK(read_string_strict(kDoc, "obj").empty());
  CHECK(read_string_strict(kDoc, "nul").empty());
  CHECK(read_string_strict(kDoc, "missing").empty());

  // int64 as protobuf's JSON mapping allows: integral numbers or digit strings.
  CHECK(find_int64_strict(kDoc, "n") == 42);
  CHECK(find_int64_strict(kDoc, "digits") == 42);
  CHECK(find_int64_strict(kDoc, "whole_f") == 3);
  CHECK_FALSE(find_int64_strict(kDoc, "f"));
  CHECK_FALSE(find_int64_strict(kDoc, "neg"));
  CHECK_FALSE(find_int64_strict(kDoc, "spaced"));
  CHECK_FALSE(find_int64_strict(kDoc, "frac_zero"));
  CHECK_FALSE(find_int64_strict(kDoc, "big"));
  CHECK_FALSE(find_int64_strict(kDoc, "over"));
  CHECK_FALSE(find_int64_strict(kDoc, "b"));
  CHECK_FALSE(find_int64_strict(kDoc, "nul"));
  CHECK_FALSE(find_int64_strict(kDoc, "missing"));
  CHECK(as_int64_strict(json(-5)) == -5);
  CHECK(as_int64_strict(json("9223372036854775807")) == INT64_MAX);
  CHECK_FALSE(as_int64_strict(json("")));
  CHECK(read_int64_strict(kDoc, "s", 7) == 7);
  CHECK(read_int64_strict(kDoc, "n", 7) == 42);

  CHECK(read_bool_strict(kDoc, "b"));
  CHECK_FALSE(read_bool_strict(kDoc, "bs"));  // "true" is text
  CHECK(read_bool_strict(kDoc, "one", true));  // 1 is a number: the fallback
  CHECK(read_bool_strict(kDoc, "missing", true));
}

TEST_CASE("json_read: strict lists append all or nothing") {
  std::vector<std::string> strs{"kept"};
  CHECK(read_string_list_strict(kDoc, "strs", &strs));
  CHECK(strs == std::vector<std::string>{"kept", "a", "b"});
  CHECK_FALSE(read_string_list_strict(kDoc, "mixed", &strs));
  CHECK_FALSE(read_string_list_strict(kDoc, "s", &strs));
  CHECK(read_string_list_strict(kDoc, "missing", &strs));
  CHECK(read_string_list_strict(kDoc, "nul", &strs));
  CHECK(strs.size() == 3);  // failures left it untouched

  std::vector<std::int64_t> ids;
  CHECK_FALSE(read_int64_list_strict(kDoc, "arr", &ids));  // "x"
  CHECK(ids.empty());
  CHECK(read_int64_list_strict(json::parse(R"({"ids": [1, "2", 3.0]})"), "ids", &ids));
  CHECK(ids == std::vector<std::int64_t>{1, 2, 3});
  CHECK(read_int64_list_strict(kDoc, "empty", &ids));
  CHECK(ids.size() == 3);
}

TEST_CASE("json_read: dump replaces invalid UTF-8 instead of throwing") {
  const std::string bad = "ok \xff\xfe end \xc3";  // stray bytes and a truncated sequence
  json j = {{"text", bad}, {"n", 1}, {"list", json::array({bad})}};
  std::string out;
  CHECK_NOTHROW(out = dump(j));
  CHECK(out.find("\xef\xbf\xbd") != std::string::npos);  // U+FFFD
  const json back = json::parse(out, nullptr, false);
  REQUIRE_FALSE(back.is_discarded());
  CHECK(back["n"] == 1);
  CHECK(read_string_strict(back, "text").rfind("ok ", 0) == 0);
  // Valid text is written compactly and unchanged.
  const json valid = {{"a", "Кружка 中文"}, {"b", json::array({1, 2})}};
  CHECK(dump(valid) == R"({"a":"Кружка 中文","b":[1,2]})");
  CHECK(dump(json()) == "null");
}

TEST_CASE("json_read: nesting_within counts arrays and objects, not brackets inside strings") {
  CHECK(nesting_within("", 0));
  CHECK(nesting_within("42", 0));
  CHECK_FALSE(nesting_within("[]", 0));
  CHECK(nesting_within("[]", 1));
  CHECK(nesting_within("[][][]{}", 1));  // siblings do not add up
  CHECK(nesting_within(R"({"a":[1,{"b":[]}]})", 4));
  CHECK_FALSE(nesting_within(R"({"a":[1,{"b":[]}]})", 3));
  CHECK(nesting_within(R"(["[[[{{", "\"[[[", "\\"])", 1));  // in strings, after escaped quotes and backslashes
  CHECK_FALSE(nesting_within(R"(["\\", [[]]])", 2));         // an escaped backslash does not hide the quote after it
  CHECK(nesting_within("]]][[", 2));                         // unmatched closers do not go below zero
  CHECK_FALSE(nesting_within("]]][[", 1));
  const std::string deep = std::string(10'000, '[') + std::string(10'000, ']');
  CHECK_FALSE(nesting_within(deep, 64));
  CHECK(nesting_within(deep, 10'000));
  CHECK_FALSE(nesting_within(std::string(10'000, '{'), 64));  // never closed counts too
  // Whatever it lets through, nlohmann builds no deeper.
  const json parsed = json::parse(R"({"a":[[["]]]\"{{"]]]})");
  CHECK(nesting_within(dump(parsed), 4));
  CHECK_FALSE(nesting_within(dump(parsed), 3));
}
