#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "app/backup.h"

TEST_CASE("a backup round-trips settings, drafts and the outbox, and leaves API keys out unless asked") {
  app::BackupContents contents;
  contents.lang = "zh";
  app::StoreConfig store;
  store.id = "s1";
  store.name = "Main";
  store.road = app::Road::local_proxy;
  store.client_id = "123";
  store.api_key = "secret-key";
  contents.stores.push_back(store);
  contents.active_store = "s1";
  contents.drafts = {{"posting:1-2-3", R"({"v":1,"number":"1-2-3"})"}, {"ui", R"({"view":"plan"})"}};
  contents.outbox = {{"42", R"({"id":42,"kind":"ship"})"}};

  const std::string without = app::make_backup(contents, false, 1'000);
  CHECK(without.find("secret-key") == std::string::npos);
  auto read = app::read_backup(without);
  REQUIRE(read.contents.has_value());
  CHECK(read.contents->lang == "zh");
  REQUIRE(read.contents->stores.size() == 1);
  CHECK(read.contents->stores[0].client_id == "123");
  CHECK(read.contents->stores[0].api_key.empty());
  CHECK(read.contents->active_store == "s1");
  // Values come back as the same JSON (key order may differ).
  auto same = [](const auto& a, const auto& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i].first != b[i].first || nlohmann::json::parse(a[i].second) != nlohmann::json::parse(b[i].second)) return false;
    return true;
  };
  CHECK(same(read.contents->drafts, contents.drafts));
  CHECK(same(read.contents->outbox, contents.outbox));

  auto with = app::read_backup(app::make_backup(contents, true, 1'000));
  REQUIRE(with.contents.has_value());
  CHECK(with.contents->stores[0].api_key == "secret-key");
}

TEST_CASE("a file that is not our backup is refused in plain words") {
  CHECK(app::read_backup("not json").problem == "backup.not_json");
  CHECK(app::read_backup(R"({"format":"something-else"})").problem == "backup.not_a_backup");
  CHECK(app::read_backup(R"({"format":"ozon-seller-console-backup","version":99})").problem == "backup.newer_version");
  auto tolerant = app::read_backup(R"({"format":"ozon-seller-console-backup","version":1,"drafts":[1,{"key":"k"},{"key":"a","value":{"x":1}}]})");
  REQUIRE(tolerant.contents.has_value());
  CHECK(tolerant.contents->drafts == std::vector<std::pair<std::string, std::string>>{{"a", R"({"x":1})"}});
}

TEST_CASE("a stored text that is not UTF-8 does not abort the export") {
  app::BackupContents contents;
  app::StoreConfig store;
  store.id = "s1";
  store.name = "Склад \xD0";  // a name cut in the middle of a character
  contents.stores.push_back(store);
  contents.drafts = {{"posting:1-2-3", "not json \xFF\xFE"}};
  std::string text;
  CHECK_NOTHROW(text = app::make_backup(contents, false, 1'000));
  auto read = app::read_backup(text);
  REQUIRE(read.contents.has_value());
  REQUIRE(read.contents->stores.size() == 1);
  CHECK(read.contents->stores[0].name.rfind("Склад ", 0) == 0);
  REQUIRE(read.contents->drafts.size() == 1);
  CHECK(read.contents->drafts[0].second.rfind("not json ", 0) == 0);
}
