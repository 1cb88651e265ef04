#pragma once
// A backup of this device's work as one JSON file: settings (language,
// stores: API keys only when the seller asks), drafts and the outbox. The
// seller downloads it, imports it on another browser or after clearing.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/store_config.h"
#include "core/clock.h"
#include "store/schema.h"

namespace app {

inline constexpr const char* kBackupFormat = "ozon-seller-console-backup";
inline constexpr int kBackupVersion = 1;
// A file beyond either cap is refused before it is parsed. Settings and
// drafts of a few KB each: a thousand drafts weigh ~3.5 MB. (The message
// backup.too_large names the 32 MB.)
inline constexpr std::size_t kBackupMaxBytes = 32u << 20;
// The file's own levels (root, list, record) around a record as deep as the
// record store allows, so that every export reads back.
inline constexpr int kBackupMaxDepth = store::kMaxRecordDepth + 3;

struct BackupContents {
  std::string lang;  // "" = not set
  std::vector<StoreConfig> stores;
  std::string active_store;
  std::vector<std::pair<std::string, std::string>> drafts;  // key, JSON text
  std::vector<std::pair<std::string, std::string>> outbox;  // key, JSON text
};

std::string make_backup(const BackupContents& contents, bool include_api_keys, core::EpochMs exported_at);

// The contents, or the translation key of what is wrong with the file.
struct BackupRead {
  std::optional<BackupContents> contents;
  // "backup.too_large", "backup.too_deep", "backup.not_json", "backup.not_a_backup", "backup.newer_version"
  std::string problem;
};
BackupRead read_backup(const std::string& text);

}  // namespace app
