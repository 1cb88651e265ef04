// Export, import and clearing of this device's work (settings, drafts, the
// outbox). API keys leave the browser only when the seller ticks the box.
#include <algorithm>

#include "app/app.h"
#include "app/backup.h"
#include "app/drafts.h"
#include "store/schema.h"

namespace app {

void App::on(const SetBackupIncludeKeys& a) {
  state_.device.backup_include_keys = a.include;
  state_.device.confirm_clear = false;
}

void App::on(const ExportBackup&) {
  flush_drafts();
  BackupContents contents;
  contents.lang = std::string(lang_code(state_.lang));
  contents.stores = state_.stores.saved;
  contents.active_store = state_.stores.active_id;
  for (const auto& [key, value] : written_drafts_) contents.drafts.emplace_back(key, value);
  // The outbox goes into the file as a record of what was sent or waits; an
  // import does not replay it (an old copy could ship a posting twice).
  for (const auto& entry : outbox_->entries()) contents.outbox.emplace_back(outbox_key(entry.id), to_json_text(entry));
  const core::EpochMs now = services_.clock.now_ms();
  const std::string text = make_backup(contents, state_.device.backup_include_keys, now);
  if (services_.save_file) services_.save_file("ozon-seller-console-backup.json", text);
  state_.device.backup_notice = {"backup.exported", std::to_string(contents.drafts.size())};
}

void App::on(const ImportBackup&) {
  if (!services_.pick_file) return;
  services_.pick_file(guard([this](std::string text) { import_backup(text); }));
}

void App::import_backup(const std::string& text) {
  const BackupRead read = read_backup(text);
  if (!read.contents) {
    state_.device.backup_notice = {read.problem, ""};
    return;
  }
  const BackupContents& contents = *read.contents;
  // Stores: the file's versions of the same id win; keys kept when the file has none.
  for (const auto& incoming : contents.stores) {
    auto it = std::find_if(state_.stores.saved.begin(), state_.stores.saved.end(),
                           [&](const StoreConfig& s) { return s.id == incoming.id; });
    if (it == state_.stores.saved.end()) {
      state_.stores.saved.push_back(incoming);
    } else {
      const std::string key = it->api_key;
      *it = incoming;
      if (it->api_key.empty()) it->api_key = key;
    }
  }
  save_stores();
  if (!contents.lang.empty()) on(SetLanguage{lang_from_code(contents.lang)});
  // Drafts: into the store, and restored when their posting opens.
  int drafts = 0;
  for (const auto& [key, value] : contents.drafts) {
    auto json = nlohmann::json::parse(value, nullptr, false);
    if (json.is_discarded()) continue;
    ++drafts;
    if (key == kUiDraftKey) {
      saved_ui_ = json;
      ui_restored_.clear();
      apply_saved_ui();
    } else {
      bool claimed = false;
      for (auto& feature : features_) claimed = claimed || feature->restore_draft(key, json);
      if (!claimed) unclaimed_drafts_.push_back(key);
    }
    if (services_.records) write_record(key, value);
  }
  state_.device.backup_notice = {"backup.imported", std::to_string(drafts)};
}

void App::on(const ClearLocalData& a) {
  state_.device.confirm_clear = a.step == ClearLocalData::Step::ask;
  if (a.step != ClearLocalData::Step::confirm) return;
  services_.settings.set(kStoresSettingKey, "[]");
  services_.settings.set(kActiveStoreSettingKey, "");
  auto reload = [this] {
    if (services_.reload_page) services_.reload_page();
  };
  written_drafts_.clear();
  unclaimed_drafts_.clear();
  saved_ui_.reset();
  for (auto& feature : features_) feature->forget_local_data();  // nothing left to write back
  if (!services_.records) return reload();
  services_.records->clear_all(guard([this, reload](store::WriteResult result) {
    if (!result.ok()) {
      state_.device.storage_error = {std::string(store::error_key(result.status)), result.detail};
      return;
    }
    reload();
  }));
}

}  // namespace app
