// Export, import and clearing of this device's work (settings, drafts, the
// outbox). API keys leave the browser only when the seller ticks the box.
#include <algorithm>

#include "app/app.h"
#include "app/backup.h"
#include "app/drafts.h"
#include "core/json_read.h"
#include "store/schema.h"

namespace app {

void App::on(const SetBackupIncludeKeys& a) {
  state_.device.backup_include_keys = a.include;
  state_.device.confirm_clear = false;
}

namespace {
// Drafts never hold a key (the store form keeps only "a key was typed"), but
// one written by an older build might: an export without keys removes any.
void drop_api_keys(nlohmann::json& json) {
  if (json.is_object()) {
    json.erase("apiKey");
    for (auto& [name, value] : json.items()) drop_api_keys(value);
  } else if (json.is_array()) {
    for (auto& value : json) drop_api_keys(value);
  }
}
}  // namespace

void App::on(const ExportBackup&) {
  flush_drafts();
  const bool keys = state_.device.backup_include_keys;
  BackupContents contents;
  contents.lang = std::string(lang_code(state_.lang));
  contents.stores = state_.stores.saved;
  contents.active_store = state_.stores.active_id;
  for (const auto& [key, value] : written_drafts_) {
    if (keys) {
      contents.drafts.emplace_back(key, value);
      continue;
    }
    auto json = nlohmann::json::parse(value, nullptr, false);
    if (json.is_discarded()) continue;  // a damaged record is not worth carrying
    drop_api_keys(json);
    contents.drafts.emplace_back(key, core::json_read::dump(json));
  }
  // The outbox goes into the file as a record of what was sent or waits; an
  // import does not replay it (an old copy could ship a posting twice).
  for (const auto& entry : outbox_->entries()) contents.outbox.emplace_back(outbox_key(entry.id), to_json_text(entry));
  const core::EpochMs now = services_.clock.now_ms();
  const std::string text = make_backup(contents, keys, now);
  if (services_.save_file) services_.save_file("ozon-seller-console-backup.json", text);
  state_.device.backup_notice = {"backup.exported", std::to_string(contents.drafts.size())};
}

void App::on(const ImportBackup&) {
  if (!services_.pick_file) return;
  services_.pick_file(guard([this](std::string text) { import_backup(text); }));
}

// Reads and checks the file; nothing changes until the seller applies it.
void App::import_backup(const std::string& text) {
  BackupRead read = read_backup(text);
  state_.device.import_plan.reset();
  if (!read.contents) {
    state_.device.backup_notice = {read.problem, ""};
    return;
  }
  state_.device.import_plan = plan_import(std::move(*read.contents), state_.stores.saved);
  state_.device.backup_notice = {};
}

void App::on(const ApplyImport& a) {
  if (!state_.device.import_plan) return;
  const ImportPlan plan = std::move(*state_.device.import_plan);
  state_.device.import_plan.reset();
  if (!a.apply) return;
  const BackupContents& contents = plan.contents;
  for (const auto& change : plan.stores) {
    if (change.kind == StoreImport::Kind::refused || change.kind == StoreImport::Kind::unchanged) continue;
    auto& saved = state_.stores.saved;
    auto it = std::find_if(saved.begin(), saved.end(), [&](const StoreConfig& s) { return s.id == change.store.id; });
    if (it == saved.end())
      saved.push_back(change.store);
    else
      *it = change.store;
    // The open store changed under the seller: open it again as it is now.
    if (change.store.id == state_.stores.active_id) activate(change.store);
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

void App::on(const SetBuyerDataDays& a) {
  if (a.days <= 0) return;
  state_.device.buyer_data_days = a.days;
  save_setting(kBuyerDataDaysSettingKey, std::to_string(a.days));
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
