// Drafts on this device: read once at start, written 300 ms after the last
// edit and at once when the tab is hidden or closed, discarded when Ozon
// confirmed what they prepared. Also the device's state (online, update
// available, storage use).
#include "app/app.h"
#include "app/drafts.h"
#include "ozon/parsers.h"
#include "store/schema.h"

namespace app {

void App::load_local_data() {
  if (!services_.records) {
    state_.device.drafts_loaded = true;
    outbox_->restore({});
    return;
  }
  services_.records->load_all([this](store::LoadResult loaded) {
    state_.device.drafts_loaded = true;
    if (!loaded.ok()) {
      state_.device.storage_error = {std::string(store::error_key(loaded.status)), loaded.detail};
      outbox_->restore({});  // still works, in memory only
      return;
    }
    restore_offline_copies(loaded.records);
    outbox_->restore(loaded.records);  // replays what was waiting, in order
    state_.outbox.entries = outbox_->entries();
    state_.outbox.pending = outbox_->pending_count();
    state_.outbox.failed = outbox_->needs_attention().size();
    for (auto& record : loaded.records) {
      if (record.collection != store::collection::drafts) continue;
      written_drafts_[record.key] = record.value;
      auto json = nlohmann::json::parse(record.value, nullptr, false);
      if (json.is_discarded()) continue;  // a damaged record: skipped, the rest restores
      if (record.key == kUiDraftKey) {
        saved_ui_ = std::move(json);
      } else if (record.key.rfind("posting:", 0) == 0) {
        const std::string number = record.key.substr(8);
        // Work the seller started since the page opened wins over an old draft.
        if (!state_.orders.work.count(number)) saved_posting_drafts_[number] = std::move(json);
      }
    }
    apply_saved_ui();
  });
}

// The screen as it was: the view and the store form at once; the open
// posting once the orders are in (it may not exist any more).
void App::apply_saved_ui() {
  if (!saved_ui_) return;
  UiDraft ui = read_ui_draft(*saved_ui_);
  if (ui.view) state_.view = *ui.view;
  if (ui.store_form) state_.stores.draft = *ui.store_form;
  if (!ui.tracking_paste.empty() && state_.orders.tracking_paste.text.empty()) {
    state_.orders.tracking_paste.open = ui.tracking_paste_open;
    on(EditTrackingPaste{ui.tracking_paste});
  }
  if (ui.open_posting.empty()) {
    saved_ui_.reset();
    return;
  }
  if (state_.orders.list.find(ui.open_posting) == nullptr) {
    if (state_.orders.as_of != 0) saved_ui_.reset();  // loaded and gone: nothing to reopen
    return;
  }
  saved_ui_.reset();
  if (state_.orders.open.empty()) on(OpenPosting{ui.open_posting});
}

void App::schedule_draft_save() {
  if (draft_save_scheduled_ || !services_.records || !state_.device.drafts_loaded) return;
  draft_save_scheduled_ = true;
  services_.scheduler.after(kDraftSaveDelayMs, [this] {
    draft_save_scheduled_ = false;
    flush_drafts();
  });
}

void App::write_record(std::string key, std::string value) {
  auto done = [this, key](store::WriteResult result) {
    if (result.ok()) {
      ++state_.device.drafts_saved;
      state_.device.last_saved_at = services_.clock.now_ms();
      state_.device.storage_error = {};
      return;
    }
    state_.device.storage_error = {std::string(store::error_key(result.status)), result.detail};
    // Not written: forget it was, so the next save tries again.
    written_drafts_.erase(key);
    services_.scheduler.after(kDraftRetryMs, [this] { schedule_draft_save(); });
  };
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
  for (const auto& [number, work] : state_.orders.work) {
    // Confirmed by Ozon: the draft has done its job.
    const bool finished = work.ship == PostingWork::Ship::done || work.cancel.state == PostingWork::Cancel::State::done;
    auto draft = finished ? nlohmann::json() : posting_draft(work);
    if (!draft.is_null()) current[posting_draft_key(number)] = draft.dump();
  }
  // Drafts of postings not opened since the reload stay as they were.
  for (const auto& [number, draft] : saved_posting_drafts_) {
    const std::string key = posting_draft_key(number);
    if (auto it = written_drafts_.find(key); it != written_drafts_.end()) current.emplace(key, it->second);
  }
  if (!saved_ui_) current[kUiDraftKey] = ui_draft(state_).dump();
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
