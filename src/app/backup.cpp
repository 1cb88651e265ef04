#include "app/backup.h"

#include <nlohmann/json.hpp>

#include "core/json_read.h"

namespace app {
namespace {

using Json = nlohmann::json;

Json records(const std::vector<std::pair<std::string, std::string>>& list) {
  Json out = Json::array();
  for (const auto& [key, value] : list) {
    // Values are JSON text: embed them as JSON, so the file stays readable.
    auto parsed = Json::parse(value, nullptr, false);
    out.push_back({{"key", key}, {"value", parsed.is_discarded() ? Json(value) : parsed}});
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> read_records(const Json& root, const char* name) {
  std::vector<std::pair<std::string, std::string>> out;
  auto it = root.find(name);
  if (it == root.end() || !it->is_array()) return out;
  for (const auto& item : *it) {
    if (!item.is_object()) continue;
    auto key = item.find("key");
    auto value = item.find("value");
    if (key == item.end() || !key->is_string() || value == item.end()) continue;
    std::string text = value->is_string() ? value->get<std::string>() : core::json_read::dump(*value);
    // JSON held as a string escapes the file's depth check: checked as the store checks its records.
    if (!store::readable_record(text)) continue;
    out.emplace_back(key->get<std::string>(), std::move(text));
  }
  return out;
}

}  // namespace

std::string make_backup(const BackupContents& contents, bool include_api_keys, core::EpochMs exported_at) {
  Json stores = Json::array();
  for (auto store : contents.stores) {
    if (!include_api_keys) store.api_key.clear();
    stores.push_back(to_json(store));
  }
  Json root = {{"format", kBackupFormat},
               {"version", kBackupVersion},
               {"exported_at", exported_at},
               {"api_keys_included", include_api_keys},
               {"settings", {{"lang", contents.lang}, {"stores", stores}, {"active_store", contents.active_store}}},
               {"drafts", records(contents.drafts)},
               {"outbox", records(contents.outbox)}};
  return core::json_read::dump(root, 2);  // a stored text that is not UTF-8 must not abort the export
}

BackupRead read_backup(const std::string& text) {
  // Before parsing: a huge file would take the page's memory, a deep one
  // its stack (nlohmann's dump and copies recurse once per level).
  if (text.size() > kBackupMaxBytes) return {std::nullopt, "backup.too_large"};
  if (!core::json_read::nesting_within(text, kBackupMaxDepth)) return {std::nullopt, "backup.too_deep"};
  auto root = Json::parse(text, nullptr, false);
  if (root.is_discarded()) return {std::nullopt, "backup.not_json"};
  auto format = root.find("format");
  if (!root.is_object() || format == root.end() || *format != kBackupFormat) return {std::nullopt, "backup.not_a_backup"};
  auto version = root.find("version");
  if (version == root.end() || !version->is_number_integer() || version->get<int>() > kBackupVersion)
    return {std::nullopt, "backup.newer_version"};
  BackupContents contents;
  if (auto settings = root.find("settings"); settings != root.end() && settings->is_object()) {
    if (auto lang = settings->find("lang"); lang != settings->end() && lang->is_string()) contents.lang = *lang;
    if (auto active = settings->find("active_store"); active != settings->end() && active->is_string())
      contents.active_store = *active;
    if (auto stores = settings->find("stores"); stores != settings->end() && stores->is_array())
      for (const auto& item : *stores)
        if (auto store = store_from_json(item)) contents.stores.push_back(std::move(*store));
  }
  contents.drafts = read_records(root, "drafts");
  contents.outbox = read_records(root, "outbox");
  return {std::move(contents), {}};
}

}  // namespace app
