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

namespace app {

inline constexpr const char* kBackupFormat = "ozon-seller-console-backup";
inline constexpr int kBackupVersion = 1;

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
  std::string problem;  // "backup.not_json", "backup.not_a_backup", "backup.newer_version"
};
BackupRead read_backup(const std::string& text);

}  // namespace app
