#pragma once
// What importing a backup would change, worked out before anything changes:
// a backup is a file from anywhere, so its stores are checked like a store
// the seller types (and portal roads, which only a portal may configure, are
// refused), and a key already on this device never follows a store whose
// road, proxy URL or Client-Id the file changes (a file could otherwise send
// the seller's key to a proxy of its choosing). The seller sees the plan and
// applies it or not.
#include <string>
#include <vector>

#include "app/backup.h"
#include "app/store_config.h"

namespace app {

struct StoreImport {
  enum class Kind { add, replace, unchanged, refused };
  Kind kind = Kind::add;
  StoreConfig store;          // as it would be saved (the key already decided)
  std::string problem;        // refused: the translation key of why
  std::vector<std::string> changed;  // replace: "name", "road", "proxyUrl", "clientId"
  bool key_dropped = false;   // replace: the key on this device is not kept (the road changed)
  bool needs_key = false;     // saved without a key: the console will ask for it
};

struct ImportPlan {
  BackupContents contents;
  std::vector<StoreImport> stores;
  std::size_t drafts = 0;
};

ImportPlan plan_import(BackupContents contents, const std::vector<StoreConfig>& saved);

std::string_view to_string(StoreImport::Kind kind);

}  // namespace app
