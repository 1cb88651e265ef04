#include <doctest/doctest.h>

#include <string>

#include "app/i18n.h"

using app::Lang;

TEST_CASE("every embedded translation file parses and covers every English key") {
  const auto translations = app::Translations::embedded();
  CHECK(translations.has(Lang::en, "app.title"));
  for (Lang lang : app::kAllLangs) {
    CAPTURE(app::lang_code(lang));
    const auto missing = translations.missing(lang);
    std::string list;
    for (const auto& key : missing) list += key + " ";
    INFO("missing translations: ", list);
    CHECK(missing.empty());
    const auto unknown = translations.unknown(lang);
    std::string stale;
    for (const auto& key : unknown) stale += key + " ";
    INFO("keys not in en.json: ", stale);
    CHECK(unknown.empty());
  }
}

TEST_CASE("a missing translation falls back to English, then to the key") {
  app::Translations translations;
  REQUIRE(translations.load(Lang::en, R"({"a": "Apple", "b": "Bread"})").empty());
  REQUIRE(translations.load(Lang::ru, R"({"a": "Яблоко", "b": ""})").empty());
  CHECK(std::string(translations.get(Lang::ru, "a")) == "Яблоко");
  CHECK(std::string(translations.get(Lang::ru, "b")) == "Bread");
  CHECK(std::string(translations.get(Lang::zh, "a")) == "Apple");
  CHECK(std::string(translations.get(Lang::zh, "nope")) == "nope");
  CHECK(translations.missing(Lang::ru) == std::vector<std::string>{"b"});
  CHECK(translations.missing(Lang::zh) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("a broken translation file is reported, not crashed on") {
  app::Translations translations;
  CHECK_FALSE(translations.load(Lang::en, "{not json").empty());
  CHECK_FALSE(translations.load(Lang::en, "[1,2]").empty());
  CHECK_FALSE(translations.load(Lang::en, R"({"a": 5})").empty());
}

TEST_CASE("language codes from the browser map onto the three UI languages") {
  CHECK(app::lang_from_code("ru-RU") == Lang::ru);
  CHECK(app::lang_from_code("zh-Hans-CN") == Lang::zh);
  CHECK(app::lang_from_code("ZH_tw") == Lang::zh);
  CHECK(app::lang_from_code("en-GB") == Lang::en);
  CHECK(app::lang_from_code("de") == Lang::en);
  CHECK(app::lang_from_code("") == Lang::en);
  CHECK(app::lang_from_preferences({"de-DE", "ru", "en"}) == Lang::ru);
  CHECK(app::lang_from_preferences({"fr", "it"}) == Lang::en);
  CHECK(app::lang_from_preferences({"zh-CN", "en"}) == Lang::zh);
  CHECK(app::lang_code(Lang::zh) == "zh");
}

TEST_CASE("placeholders are filled by name; others are left alone") {
  CHECK(app::fill_placeholders("HTTP {status}, {type}.", {{"status", "200"}, {"type", "text/html"}}) ==
        "HTTP 200, text/html.");
  CHECK(app::fill_placeholders("{a}{a} {b} {", {{"a", "x"}}) == "xx {b} {");
  CHECK(app::fill_placeholders("{a}", {{"a", "{a}"}}) == "{a}");  // values are not expanded again
  CHECK(app::fill_placeholders("no braces", {}) == "no braces");
}

TEST_CASE("every language names the status and type of a reply that is not Ozon's") {
  const auto translations = app::Translations::embedded();
  for (Lang lang : app::kAllLangs) {
    for (const char* key : {"problem.not_ozon_reply", "problem.not_ozon_reply.web_page"}) {
      CAPTURE(app::lang_code(lang));
      CAPTURE(key);
      REQUIRE(translations.has(lang, key));
      const std::string text = translations.get(lang, key);
      CHECK(text.find("{status}") != std::string::npos);
      CHECK(text.find("{type}") != std::string::npos);
    }
  }
}

TEST_CASE("every language gives the command to start serve.py with its proxy, as typed") {
  const auto translations = app::Translations::embedded();
  for (Lang lang : app::kAllLangs) {
    CAPTURE(app::lang_code(lang));
    REQUIRE(translations.has(lang, "problem.proxy_off"));
    CHECK(std::string(translations.get(lang, "problem.proxy_off")).find("`python3 serve.py --proxy`") !=
          std::string::npos);
    for (const char* key : {"stores.save_anyway", "stores.save_cancel", "stores.save_anyway.question"})
      CHECK(translations.has(lang, key));
  }
}

TEST_CASE("the packed catalogues: every key once, null where a language lacks it, malformed packs refused") {
  app::Translations translations;
  REQUIRE(translations
              .load_pack(R"({"keys": ["a", "b"], "en": ["Apple", "Bread"], "ru": ["Яблоко", null],
                             "zh": [null, "面包"]})")
              .empty());
  CHECK(std::string(translations.get(Lang::ru, "a")) == "Яблоко");
  CHECK_FALSE(translations.has(Lang::ru, "b"));
  CHECK(std::string(translations.get(Lang::ru, "b")) == "Bread");  // English fallback
  CHECK(std::string(translations.get(Lang::zh, "b")) == "面包");

  CHECK_FALSE(app::Translations().load_pack("[]").empty());
  CHECK_FALSE(app::Translations().load_pack(R"({"en": []})").empty());
  CHECK_FALSE(app::Translations().load_pack(R"({"keys": ["a"], "ru": ["Б"], "zh": ["乙"]})").empty());  // no English
  CHECK_FALSE(app::Translations().load_pack(R"({"keys": ["a"], "en": ["A", "B"], "ru": ["Б"], "zh": ["乙"]})")
                  .empty());  // lengths differ
  CHECK_FALSE(app::Translations().load_pack(R"({"keys": ["a"], "en": [5], "ru": ["Б"], "zh": ["乙"]})").empty());
}

TEST_CASE("the web build's pack holds English only; the other languages arrive later, whole or not at all") {
  app::Translations translations;
  REQUIRE(translations.load_pack(R"({"keys": ["a", "b"], "en": ["Apple", "Bread"]})").empty());
  CHECK(translations.has_language(Lang::en));
  CHECK_FALSE(translations.has_language(Lang::ru));
  CHECK_FALSE(translations.has_language(Lang::zh));
  CHECK(std::string(translations.get(Lang::zh, "a")) == "Apple");  // English until Chinese is here

  REQUIRE(translations.load(Lang::zh, R"({"a": "苹果", "b": "面包"})").empty());
  CHECK(translations.has_language(Lang::zh));
  CHECK(std::string(translations.get(Lang::zh, "b")) == "面包");
  // A broken file later (a cut download) leaves the strings that were there.
  CHECK_FALSE(translations.load(Lang::zh, R"({"a": "苹", "b": 5})").empty());
  CHECK(std::string(translations.get(Lang::zh, "a")) == "苹果");
  CHECK_FALSE(translations.load(Lang::ru, "{\"a\": ").empty());
  CHECK_FALSE(translations.has_language(Lang::ru));
}

TEST_CASE("a translation file read twice, or with a key given twice, keeps the last text") {
  app::Translations translations;
  REQUIRE(translations.load(Lang::en, R"({"a": "Apple", "b": "Bread", "a": "Apricot"})").empty());
  CHECK(std::string(translations.get(Lang::en, "a")) == "Apricot");
  CHECK(std::string(translations.get(Lang::en, "b")) == "Bread");
  REQUIRE(translations.load(Lang::en, R"({"c": "Cheese \"aged\"\n\u00e9"})").empty());
  CHECK(std::string(translations.get(Lang::en, "c")) == "Cheese \"aged\"\né");
  CHECK(std::string(translations.get(Lang::en, "a")) == "a");  // replaced whole
}

TEST_CASE("a broken translation file leaves the language's strings as they were") {
  app::Translations translations;
  REQUIRE(translations.load(Lang::ru, R"({"a": "Яблоко"})").empty());
  for (const char* broken : {R"({"a": "Груша", "b": 1})", R"({"a": "Груша"} x)", R"({"a": "Груша")", "",
                             "\"text\"", R"({"a": "\xff"})"}) {
    CAPTURE(broken);
    CHECK_FALSE(translations.load(Lang::ru, broken).empty());
    CHECK(std::string(translations.get(Lang::ru, "a")) == "Яблоко");
  }
  CHECK(translations.load(Lang::ru, R"({"a": 5})") == "translation ru:a is not a string");
  CHECK(translations.load(Lang::ru, "[1]") == "translation file for ru is not a JSON object");
}

TEST_CASE("the packed catalogues: every language in the order of the key list, null where one lacks a key") {
  app::Translations translations;
  REQUIRE(translations.load_pack(R"({"keys": ["a", "b"], "en": ["Apple", "Bread"], "ru": ["Яблоко", null],
                                     "note": {"skipped": true}})").empty());
  CHECK(std::string(translations.get(Lang::ru, "a")) == "Яблоко");
  CHECK(std::string(translations.get(Lang::ru, "b")) == "Bread");
  CHECK(translations.missing(Lang::ru) == std::vector<std::string>{"b"});
  CHECK_FALSE(translations.has_language(Lang::zh));
  CHECK(translations.load_pack(R"({"en": ["Apple"]})") == "the translations pack has no key list");
  CHECK(translations.load_pack(R"({"keys": ["a"]})") == "the translations pack has no English");
  CHECK(translations.load_pack(R"({"keys": ["a"], "en": ["Apple"], "zh": []})") ==
        "the translations pack has no texts for zh");
  CHECK(translations.load_pack(R"({"keys": ["a"], "en": [1]})") ==
        "the translations pack has a text that is not a string");
  CHECK(translations.load_pack("[]") == "the translations pack is not a JSON object");
  CHECK(std::string(translations.get(Lang::en, "a")) == "Apple");  // the failed packs changed nothing
}
