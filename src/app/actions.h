#pragma once
// Actions that belong to no one screen: language, which screen is shown,
// help, the clipboard, the update, the portal, the outbox's "Needs
// attention", backup. Each screen declares its own actions in its header
// (orders_screen.h, plan_screen.h, stores_screen.h, ...).
#include <cstdint>
#include <string>

#include "app/action.h"
#include "app/i18n.h"
#include "app/portal_config.h"

namespace app {

struct SetLanguage {
  Lang lang;
};
struct ShowView {
  std::string view;  // a feature's id ("orders", "plan", "stores", ...)
};
struct ToggleHelp {};
struct CopyText {
  std::string text;
};
// Backup of this device's work, and forgetting it.
struct SetBackupIncludeKeys {
  bool include;
};
struct ExportBackup {};
struct ImportBackup {};  // asks the browser for a file, then shows what it would change
struct ApplyImport {
  bool apply;  // false: drop the file, nothing changes
};
// Inside a portal whose browser blocks its storage: ask the browser for it
// (it must follow a click); the page reloads once it is granted.
struct RequestStorageAccess {};
// How long buyer details of finished postings stay on this device.
struct SetBuyerDataDays {
  int days;
};
struct ClearLocalData {
  enum class Step { ask, confirm, cancel } step;  // the first click asks; the second confirms or cancels
};
// "Needs attention": send a refused call again (after correcting its draft), or drop it.
struct ResendOutboxEntry {
  std::int64_t id;
};
struct DiscardOutboxEntry {
  std::int64_t id;
};
// The latest document handed to the browser (labels, an act): open or save it.
struct OpenDocument {
  bool download;  // false: open in a new tab
};
// Reload under the new version (the banner's button).
struct ApplyUpdate {};
// The embedding portal configured the console.
struct ConfigureFromPortal {
  PortalConfig config;
};

}  // namespace app
