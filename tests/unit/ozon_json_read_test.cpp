#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "ozon/base64.h"
#include "ozon/json_read.h"

using namespace ozon::json_read;
using nlohmann::json;

TEST_CASE("tolerant scalar readers accept numbers as strings and back") {
  const json j = json::parse(R"({"s": "abc", "n": 42, "ns": "42", "big": 30000000001280042740, "f": 1.5,
    "fs": " 123.45 ", "b": true, "bs": "false", "bi": 1, "nul": null, "obj": {}, "arr": [1, "2", "x", 3.0],
    "int_frac": "12.0000", "neg": "-7"})");
  CHECK(read_string(j, "s") == "abc");
  CHECK(read_string(j, "n") == "42");
  CHECK(read_string(j, "nul").empty());
  CHECK(read_string(j, "obj").empty());
  CHECK(read_string(j, "missing").empty());
  CHECK(read_int64(j, "n") == 42);
  CHECK(read_int64(j, "ns") == 42);
  CHECK(read_int64(j, "int_frac") == 12);
  CHECK(read_int64(j, "neg") == -7);
  CHECK(read_int64(j, "s", -1) == -1);
  CHECK(read_int64(j, "big", -1) == -1);  // beyond int64: fallback, no UB
  CHECK(read_int64(j, "obj", 5) == 5);
  CHECK(read_double(j, "f") == doctest::Approx(1.5));
  CHECK(read_double(j, "fs") == doctest::Approx(123.45));
  CHECK(read_double(j, "s", -1) == doctest::Approx(-1));
  CHECK(read_bool(j, "b"));
  CHECK_FALSE(read_bool(j, "bs", true));
  CHECK(read_bool(j, "bi"));
  CHECK(read_bool(j, "nul", true));
  CHECK(read_int64_list(j, "arr") == std::vector<std::int64_t>{1, 2, 3});
  CHECK(read_string_list(j, "arr").size() == 4);
  // Readers on non-objects do not throw.
  const json arr = json::array();
  CHECK(read_string(arr, "x").empty());
  CHECK(read_int64(json(5), "x", 9) == 9);
}

TEST_CASE("ISO-8601 times: fractions, Z, offsets, dates; bad text gives 0") {
  const auto base = parse_iso8601("2026-05-14T09:30:00Z");
  REQUIRE(base);
  CHECK(*base == 1778751000000);
  CHECK(parse_iso8601("2026-05-14T09:30:00.123Z") == *base + 123);
  CHECK(parse_iso8601("2026-05-14T09:30:00.123456789Z") == *base + 123);
  CHECK(parse_iso8601("2026-05-14T09:30:00+00:00") == *base);
  CHECK(parse_iso8601("2026-05-14T12:30:00+03:00") == *base);
  CHECK(parse_iso8601("2026-05-14T12:30:00+0300") == *base);
  CHECK(parse_iso8601("2026-05-14T09:30:00") == *base);
  CHECK(parse_iso8601("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_iso8601("2026-05-14") == *base - (9 * 3600 + 30 * 60) * 1000LL);
  CHECK_FALSE(parse_iso8601(""));
  CHECK_FALSE(parse_iso8601("yesterday"));
  CHECK_FALSE(parse_iso8601("2026-13-01T00:00:00Z"));
  CHECK_FALSE(parse_iso8601("2026-05-14T09:30:00Zjunk"));
  const json j = json::parse(R"({"t": "2026-05-14T09:30:00Z", "n": null, "e": "", "x": 5})");
  CHECK(read_time(j, "t") == *base);
  CHECK(read_time(j, "n") == 0);
  CHECK(read_time(j, "e") == 0);
  CHECK(read_time(j, "x") == 0);
  CHECK(format_iso8601(*base) == "2026-05-14T09:30:00Z");
  CHECK(format_iso8601(*base + 5) == "2026-05-14T09:30:00.005Z");
  CHECK(parse_iso8601(format_iso8601(-1)) == -1);
}

TEST_CASE("prices: v3 strings, v4 objects, numbers") {
  CHECK(parse_minor_units("1990.0000") == 199000);
  CHECK(parse_minor_units("1990") == 199000);
  CHECK(parse_minor_units("0.5") == 50);
  CHECK(parse_minor_units("149.995") == 15000);
  CHECK(parse_minor_units("-3.10") == -310);
  CHECK_FALSE(parse_minor_units(""));
  CHECK_FALSE(parse_minor_units("12a"));
  CHECK_FALSE(parse_minor_units("."));
  CHECK_FALSE(parse_minor_units("99999999999999999999"));
  const json j = json::parse(R"({"v3": "1990.0000", "currency_code": "RUB",
    "v4": {"amount": "1990.00", "currency": "CNY"}, "v4n": {"amount": 149.5, "currency": "RUB"},
    "num": 279, "bad": {"amount": [1]}, "nul": null})");
  CHECK(read_price(j, "v3") == core::Money{199000, "RUB"});
  CHECK(read_price(j, "v4") == core::Money{199000, "CNY"});
  CHECK(read_price(j, "v4n") == core::Money{14950, "RUB"});
  CHECK(read_price(j, "num") == core::Money{27900, "RUB"});
  CHECK(read_price(j, "bad").minor == 0);
  CHECK(read_price(j, "nul").minor == 0);
  CHECK(read_price(j, "missing").minor == 0);
}

TEST_CASE("base64 round-trips and rejects garbage") {
  for (const std::string& text : std::vector<std::string>{"", "f", "fo", "foo", "foob", "fooba", "foobar", std::string("\0\xff\x10", 3)}) {
    CHECK(ozon::base64_decode(ozon::base64_encode(text)) == text);
  }
  CHECK(ozon::base64_encode("foobar") == "Zm9vYmFy");
  CHECK(ozon::base64_decode("Zm9v\nYmE=") == "fooba");
  CHECK(ozon::base64_decode("Zm9vYmE") == "fooba");  // padding optional
  CHECK_FALSE(ozon::base64_decode("Zm9v!"));
  CHECK_FALSE(ozon::base64_decode("Zg==Zg"));
  CHECK_FALSE(ozon::base64_decode("Z"));
}
