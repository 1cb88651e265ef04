// Drafts on this device: read once at start, written 300 ms after the last
// edit and at once when the tab is hidden or closed, discarded when Ozon
// confirmed what they prepared. Also the device's state (online, update
// available, storage use).
#include <algorithm>

#include "app/app.h"
#include "app/drafts.h"
#include "ozon/parsers.h"
#include "store/schema.h"
#include "core/json_read.h"

namespace app {

void App::load_local_data() {
  if (!services_.records) {
    state_.device.drafts_loaded = true;
    outbox_->restore({});
    return;
  }
  services_.records->load_all(guard([this](store::LoadResult loaded) {
    state_.device.drafts_loaded = true;
    if (!loaded.ok()) {
      state_.device.storage_error = {std::string(store::error_key(loaded.status)), loaded.detail};
      outbox_->restore({});  // still works, in memory only
      return;
    }
    expire_old_lists(loaded.records);
    restore_offline_copies(loaded.records);
    outbox_->restore(loaded.records);  // replays what was waiting, in order
    state_.outbox.entries = outbox_->entries();
    state_.outbox.pending = outbox_->pending_count();
    state_.outbox.failed = outbox_->needs_attention().size();
    for (auto& record : loaded.records) {
      if (record.collection != store::collection::drafts) continue;
      written_drafts_[record.key] = record.value;
      // Too large or too deep counts as damaged: dumping it again would recurse per level.
      if (!store::readable_record(record.value)) continue;
      auto json = nlohmann::json::parse(record.value, nullptr, false);
      if (json.is_discarded()) continue;  // a damaged record: skipped, the rest restores
      if (record.key == kUiDraftKey) {
        saved_ui_ = std::move(json);
        continue;
      }
      bool claimed = false;
      for (auto& feature : features_) claimed = claimed || feature->restore_draft(record.key, json);
      if (!claimed) unclaimed_drafts_.push_back(record.key);
    }
    apply_saved_ui();
  }));
}

// The screen as it was: the view at once; each feature takes its part,
// some only once their data is in (the open posting may not exist any more).
void App::apply_saved_ui() {
  if (!saved_ui_) return;
  if (ui_restored_.empty()) {
    const std::string view = ui_draft_view(*saved_ui_);
    if (const Feature* feature = find_feature(view); feature && feature->has_screen()) state_.view = view;
    if (state_.stores.key_needed) state_.view = "stores";  // the open store waits for its key there
  }
  for (auto& feature : features_) {
    if (std::find(ui_restored_.begin(), ui_restored_.end(), feature.get()) != ui_restored_.end()) continue;
    if (feature->restore_ui_draft(*saved_ui_)) ui_restored_.push_back(feature.get());
  }
  if (ui_restored_.size() == features_.size()) saved_ui_.reset();
}

void App::schedule_draft_save() {
  if (draft_save_scheduled_ || !services_.records || !state_.device.drafts_loaded) return;
  draft_save_scheduled_ = true;
  after(kDraftSaveDelayMs, [this] {
    draft_save_scheduled_ = false;
    flush_drafts();
  });
}

void App::write_record(std::string key, std::string value) {
  auto done = guard([this, key](store::WriteResult result) {
    if (result.ok()) {
      ++state_.device.drafts_saved;
      state_.device.last_saved_at = services_.clock.now_ms();
      state_.device.storage_error = {};
      return;
    }
    state_.device.storage_error = {std::string(store::error_key(result.status)), result.detail};
    // Not written: forget it was, so the next save tries again.
    written_drafts_.erase(key);
    after(kDraftRetryMs, [this] { schedule_draft_save(); });
  });
  const std::string collection(store::collection::drafts);
  if (value.empty()) {
    written_drafts_.erase(key);
    services_.records->remove(collection, std::move(key), done);
  } else {
    written_drafts_[key] = value;
    services_.records->put(collection, std::move(key), std::move(value), done);
  }
}

void App::flush_drafts() {
  // Before the saved drafts are read, writing would overwrite them with nothing.
  if (!services_.records || !state_.device.drafts_loaded) return;
  std::map<std::string, std::string> current;
  for (const auto& feature : features_) feature->collect_drafts(current);
  // Drafts no feature of this build knows (another build's) stay as they were.
  for (const auto& key : unclaimed_drafts_)
    if (auto it = written_drafts_.find(key); it != written_drafts_.end()) current.emplace(key, it->second);
  if (!saved_ui_) {
    nlohmann::json ui = {{"v", 1}, {"view", state_.view}};
    for (const auto& feature : features_) feature->write_ui_draft(ui);
    current[kUiDraftKey] = core::json_read::dump(ui);
  }
  else if (auto it = written_drafts_.find(kUiDraftKey); it != written_drafts_.end()) current.emplace(kUiDraftKey, it->second);

  for (const auto& [key, value] : current) {
    auto it = written_drafts_.find(key);
    if (it == written_drafts_.end() || it->second != value) write_record(key, value);
  }
  std::vector<std::string> gone;
  for (const auto& [key, value] : written_drafts_)
    if (!current.count(key)) gone.push_back(key);
  for (auto& key : gone) write_record(std::move(key), {});
}

void App::set_online(bool online) {
  state_.device.online = online;
  outbox_->set_online(online);
  for (auto& feature : features_) feature->on_online_changed(online);
}

std::string_view to_string(StorageMode mode) {
  switch (mode) {
    case StorageMode::unknown: return "unknown";
    case StorageMode::device: return "device";
    case StorageMode::portal: return "portal";
    case StorageMode::none: return "none";
  }
  return "unknown";
}

void App::set_storage_mode(StorageMode mode, bool access_possible) {
  state_.device.storage_mode = mode;
  state_.device.storage_access_possible = access_possible;
}

void App::set_translator_available(bool available) { state_.device.translator = available; }

void App::on(const RequestStorageAccess&) {
  if (services_.request_storage_access) services_.request_storage_access();
}

void App::set_update_available(bool available) { state_.device.update_available = available; }

void App::set_storage_info(bool persisted, double usage_bytes, double quota_bytes) {
  state_.device.storage = {true, persisted, usage_bytes, quota_bytes};
}

void App::on(const ApplyUpdate&) {
  flush_drafts();  // nothing typed is lost across the reload
  if (services_.apply_update) services_.apply_update();
}

}  // namespace app
