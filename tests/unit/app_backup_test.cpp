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

namespace {

std::string nested(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string backup_with_draft(const std::string& value) {
  return R"({"format":"ozon-seller-console-backup","version":1,"drafts":[{"key":"posting:1","value":)" + value + "}]}";
}

}  // namespace

// Before the cap, this file crashed the app: read_backup dumped the draft
// value recursively (a stack overflow natively under ASan; in the browser
// wasm's call stack runs out near 5,400 levels).
TEST_CASE("a backup nested 10,000 deep is refused before nlohmann parses or dumps it") {
  const auto deep = app::read_backup(backup_with_draft(nested(10'000)));
  CHECK_FALSE(deep.contents.has_value());
  CHECK(deep.problem == "backup.too_deep");
  CHECK(app::read_backup(nested(10'000)).problem == "backup.too_deep");
  CHECK(app::read_backup(std::string(10'000, '{')).problem == "backup.too_deep");
  // Up to the cap a file reads (the value sits under three levels of the file's own).
  const int record_depth = app::kBackupMaxDepth - 3;
  CHECK(app::read_backup(backup_with_draft(nested(record_depth))).contents.has_value());
  CHECK(app::read_backup(backup_with_draft(nested(record_depth + 1))).problem == "backup.too_deep");
}

TEST_CASE("a draft held as a JSON string nested too deep is dropped; the rest of the backup reads") {
  const std::string text = R"({"format":"ozon-seller-console-backup","version":1,"drafts":[)"
                           R"({"key":"posting:1","value":")" + nested(10'000) + R"("},)"
                           R"({"key":"posting:2","value":"{\"number\":\"2\"}"}]})";
  const auto read = app::read_backup(text);
  REQUIRE(read.contents.has_value());
  CHECK(read.contents->drafts == std::vector<std::pair<std::string, std::string>>{{"posting:2", R"({"number":"2"})"}});
}

TEST_CASE("a file over the size cap is refused before it is parsed; a thousand drafts are far below it") {
  app::BackupContents contents;
  contents.lang = "ru";
  // A posting draft as the app writes it, three marking codes included: ~1.5 KB.
  std::string draft =
      R"({"v":1,"number":"12345678-0001-1","counts":[1,2],"items_picked":true,"address_checked":false,"log":[)";
  for (int scan = 0; scan < 3; ++scan)
    draft += R"({"at":1770000000000,"code":"4600000000017","outcome":"accepted","line":0},)";
  draft += R"({"at":1770000000000,"code":"4600000000024","outcome":"completed_line","line":1}],"boxes":[[1,1],[0,1]],)"
           R"("scan_text":"","tracking_text":"RA123456789RU","cutoff_text":"","cancel":{"open":false,"reason_id":0,)"
           R"("message":"","partial":false,"quantities":[]},"marking":{"form":{"posting_number":"12345678-0001-1",)"
           R"("multi_box_qty":0,"products":[{"product_id":1,"quantity":3,"gtd_needed":true,"mark_needed":true,)"
           R"("mark_possible":true,"rnpt_needed":false,"exemplars":[)";
  for (int unit = 0; unit < 3; ++unit)
    draft += R"({"id":1,"gtd":"10702070/140526/0012345","gtd_absent":false,"rnpt":"","rnpt_absent":false,)"
             R"("country":"CN","marks":[{"mark":"010460000000001721abcdefghijklm\u001d91EE06\u001d92)"
             R"(abcdefghijklmnopqrstuvwxyz0123456789","type":"mandatory_mark"}]},)";
  draft.back() = ']';
  draft += R"(}]},"countries":{"1":"CN"}}})";
  REQUIRE_FALSE(nlohmann::json::parse(draft, nullptr, false).is_discarded());
  for (int i = 0; i < 1'000; ++i) contents.drafts.emplace_back("posting:" + std::to_string(i), draft);
  const std::string file = app::make_backup(contents, false, 1'000);
  CHECK(file.size() < app::kBackupMaxBytes / 4);
  REQUIRE(app::read_backup(file).contents.has_value());
  CHECK(app::read_backup(file).contents->drafts.size() == 1'000);

  // Whitespace keeps it JSON: only the size is wrong.
  std::string padded = app::make_backup({}, false, 1'000);
  padded.resize(app::kBackupMaxBytes, ' ');
  CHECK(app::read_backup(padded).contents.has_value());
  padded.push_back(' ');
  CHECK(app::read_backup(padded).problem == "backup.too_large");
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
