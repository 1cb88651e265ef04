#include <doctest/doctest.h>

#include "core/text_search.h"

TEST_CASE("text search: folding of Latin and Cyrillic") {
  CHECK(core::fold("Hello WORLD 123") == "hello world 123");
  CHECK(core::fold("КРУЖКА Керамическая") == "кружка керамическая");
  CHECK(core::fold("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ") == "абвгдежзийклмнопрстуфхцчшщъыьэюя");
  CHECK(core::fold("абвгдежзийклмнопрстуфхцчшщъыьэюя") == "абвгдежзийклмнопрстуфхцчшщъыьэюя");
  CHECK(core::fold("Ёлка ёж") == "елка еж");
  CHECK(core::fold("ЄІЇҐЎ") == "єіїґў");
  CHECK(core::fold("ÀÉÖ×Þ") == "àéö×þ");
  CHECK(core::fold("杯子 Cup") == "杯子 cup");
  CHECK(core::fold("a\tb\nc\x1f" "d") == "a b c d");
  CHECK(core::fold("a\xC2\xA0" "b") == "a b");  // no-break space
  CHECK(core::fold("\xFF\xD0") == "\xFF\xD0");   // invalid bytes pass through
  CHECK(core::fold("") == "");
}

TEST_CASE("text search: transliteration") {
  CHECK(core::translit_fold("Кружка керамическая") == "kruzhka keramicheskaya");
  CHECK(core::translit_fold("Щука Жук Хлеб Цапля Чай Шар Юла Яма") == "shchuka zhuk khleb tsaplya chay shar yula yama");
  CHECK(core::translit_fold("Йогурт Объём Мыло Эхо Ёлка Соль") == "yogurt obem mylo ekho elka sol");
  CHECK(core::translit_fold("Київ Європа ґанок") == "kiyiv yevropa ganok");
  CHECK(core::translit_fold("Cup 杯子 Кружка") == "cup 杯子 kruzhka");
}

TEST_CASE("text search: terms and matching") {
  const auto terms = core::search_terms("  Кружка\tKRUZHKA  кружка ");
  REQUIRE(terms.size() == 2);
  CHECK(terms[0] == "кружка");  // longest (in bytes) first
  CHECK(terms[1] == "kruzhka");
  CHECK(core::search_terms("").empty());
  CHECK(core::search_terms(" \t\n").empty());
  CHECK(core::search_terms("Ёлка") == std::vector<std::string>{"елка"});

  std::string hay;
  core::append_search_field(hay, "12345678-0001-1");
  core::append_search_field(hay, "");
  core::append_search_field(hay, "Кружка керамическая");
  core::append_search_field(hay, "Ёлка");
  CHECK(hay.find(core::kFieldSeparator) != std::string::npos);
  CHECK(core::contains_all(hay, core::search_terms("кружка")));
  CHECK(core::contains_all(hay, core::search_terms("KRUZHKA")));
  CHECK(core::contains_all(hay, core::search_terms("КЕРАМ 0001")));
  CHECK(core::contains_all(hay, core::search_terms("ёлка")));
  CHECK(core::contains_all(hay, core::search_terms("елка elka")));
  CHECK(core::contains_all(hay, {}));
  CHECK_FALSE(core::contains_all(hay, core::search_terms("кружка чашка")));
  // A term cannot span two fields.
  CHECK_FALSE(core::contains_all(hay, core::search_terms("0001-1кружка")));
  CHECK_FALSE(core::contains_all(hay, core::search_terms("керамическаяелка")));
}
