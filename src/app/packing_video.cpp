#include "app/packing_video.h"

#include <algorithm>
#include <utility>

#include "app/camera_scan.h"
#include "core/posting_status.h"

namespace app {

PackingVideo::PackingVideo(App& app) : Feature(app) {
  handle<SetVideoRecording, SetVideoRetention, SetVideoBudget, SaveRecording, DeleteRecording, RecorderChanged,
         RecordingsListed>(this);
  if (const auto saved = app_.services().settings.get(kVideoSettingKey)) settings_ = core::parse_video_settings(*saved);
}

void PackingVideo::connect() {
  if (connected_ || !recorder()) return;
  connected_ = true;
  recorder()->connect(
      {.changed = app_.guard([this](RecorderStatus status) { app_.apply(RecorderChanged{std::move(status)}); }),
       .listed = app_.guard([this](bool ok, std::string error, std::vector<StoredRecording> files) {
         app_.apply(RecordingsListed{ok, std::move(error), std::move(files)});
       })});
}

void PackingVideo::save_settings() { app_.save_setting(kVideoSettingKey, core::video_settings_json(settings_)); }

void PackingVideo::request_list() {
  if (!recorder()) return;
  connect();
  list_requested_ = true;
  recorder()->list();
}

// At the start (after the first frame): what is kept, and retention applied,
// where recording was ever on. A device that never recorded loads nothing.
void PackingVideo::on_store_opened() {
  if (!list_requested_ && settings_.used) request_list();
}

std::vector<const core::Recording*> PackingVideo::recordings_of(const std::string& posting) const {
  std::vector<const core::Recording*> out;
  for (const auto& r : recordings_)
    if (r.posting == posting) out.push_back(&r);
  return out;
}

const std::string& PackingVideo::recording_posting() const {
  static const std::string none;
  return current_ ? current_->posting : none;
}

void PackingVideo::on(const SetVideoRecording& a) {
  if (settings_.enabled == a.on) return;
  settings_.enabled = a.on;
  settings_.used = settings_.used || a.on;
  if (a.on) {
    error_.clear();
    error_detail_.clear();
    blocked_ = false;
  }
  save_settings();
  if (a.on && !list_requested_) request_list();
}

void PackingVideo::on(const SetVideoRetention& a) {
  if (std::find(std::begin(core::kVideoRetentionDayChoices), std::end(core::kVideoRetentionDayChoices), a.days) ==
      std::end(core::kVideoRetentionDayChoices))
    return;
  settings_.retention_days = a.days;
  save_settings();
  apply_retention();
}

void PackingVideo::on(const SetVideoBudget& a) {
  if (std::find(std::begin(core::kVideoBudgetMbChoices), std::end(core::kVideoBudgetMbChoices), a.megabytes) ==
      std::end(core::kVideoBudgetMbChoices))
    return;
  settings_.budget_bytes = a.megabytes * core::kMegabyte;
  save_settings();
  apply_retention();
}

void PackingVideo::on(const SaveRecording& a) {
  if (!recorder() || (current_ && current_->name == a.name)) return;  // still being written
  for (const auto& r : recordings_)
    if (r.name == a.name) {
      recorder()->save(r.name, core::export_file_name(r, app_.state().utc_offset_minutes));
      return;
    }
}

void PackingVideo::on(const DeleteRecording& a) {
  if (!recorder() || (current_ && current_->name == a.name)) return;
  recorder()->remove({a.name});
}

// --- Start and stop ------------------------------------------------------------

// The posting on the table with the camera open for it, still to be packed.
bool PackingVideo::can_start() const {
  if (!settings_.enabled || !recorder() || current_ || blocked_) return false;
  const auto& state = app_.state();
  const auto& orders = state.orders;
  const auto& camera = app_.feature<CameraScan>();
  if (state.view != "orders" || orders.open.empty() || !camera.status().open || camera.posting() != orders.open)
    return false;
  const core::Posting* posting = orders.list.find(orders.open);
  const auto work = orders.work.find(orders.open);
  if (!posting || posting->status != core::PostingStatus::awaiting_packaging) return false;
  return work == orders.work.end() || work->second.ship != PostingWork::Ship::done;
}

// Why the recording must end now; none while it goes on.
std::optional<core::RecordingEnd> PackingVideo::end_reason() const {
  const auto& state = app_.state();
  const auto& orders = state.orders;
  const std::string& number = current_->posting;
  const core::Posting* posting = orders.list.find(number);
  const auto work = orders.work.find(number);
  if ((work != orders.work.end() && work->second.ship == PostingWork::Ship::done) ||
      (posting && core::past_packaging(posting->status)))
    return core::RecordingEnd::shipped;
  if (!settings_.enabled) return core::RecordingEnd::turned_off;
  if (orders.open != number || state.view != "orders" || !posting) return core::RecordingEnd::posting_closed;
  if (!app_.feature<CameraScan>().status().open) return core::RecordingEnd::camera_closed;
  return std::nullopt;
}

void PackingVideo::prepare_frame(bool /*on_screen*/) {
  // A failure holds until the camera closes (the packer tries again by reopening it).
  if (blocked_ && !app_.feature<CameraScan>().active()) blocked_ = false;
  if (current_) {
    if (!current_->stop_sent)
      if (const auto reason = end_reason()) stop(*reason);
    return;
  }
  if (can_start()) start();
}

void PackingVideo::start() {
  connect();
  const auto& orders = app_.state().orders;
  core::Recording r;
  r.posting = orders.open;
  r.started_at = app_.now();
  r.name = core::recording_name(r.posting, r.started_at);
  r.ended = core::RecordingEnd::recording;
  current_ = Current{.name = r.name, .posting = r.posting, .started_at = r.started_at};
  error_.clear();
  error_detail_.clear();
  ++recordings_started_;
  recorder()->start({.name = r.name,
                     .posting = r.posting,
                     .started_at = r.started_at,
                     .meta_json = core::recording_meta_json(r),
                     .bits_per_second = kVideoBitsPerSecond});
}

void PackingVideo::stop(core::RecordingEnd reason) {
  if (!current_ || current_->stop_sent) return;
  current_->stop_sent = true;
  recorder()->stop(std::string(core::to_string(reason)));
}

void PackingVideo::on(const RecorderChanged& a) {
  const RecorderStatus& s = a.status;
  if (!s.error.empty()) {
    error_ = s.error;
    error_detail_ = s.detail;
  }
  if (!current_ || (!s.name.empty() && s.name != current_->name)) return;  // a late report of an earlier one
  current_->seconds = s.seconds;
  current_->bytes = s.bytes;
  if (s.recording) {
    current_->writing = true;
    return;
  }
  // Ended (stopped, or failed at start or on the way): what was written is kept.
  const bool failed = !s.error.empty();
  current_.reset();
  if (failed) blocked_ = true;
  request_list();
}

void PackingVideo::on(const RecordingsListed& a) {
  listed_ = true;
  deleting_.clear();
  if (!a.ok) {
    error_ = a.error.empty() ? "no_storage" : a.error;
    return;
  }
  if (error_ == "no_storage") error_.clear();
  recordings_.clear();
  for (const auto& file : a.files)
    if (auto r = core::read_recording(file.name, file.meta, file.bytes, current_ && current_->name == file.name))
      recordings_.push_back(std::move(*r));
  std::stable_sort(recordings_.begin(), recordings_.end(),
                   [](const core::Recording& x, const core::Recording& y) { return x.started_at > y.started_at; });
  apply_retention();
}

// After each listing (at the start, after each recording, after a settings
// change): expired recordings, and the oldest beyond the budget, are deleted.
void PackingVideo::apply_retention() {
  if (!listed_ || !recorder() || !deleting_.empty()) return;
  auto doomed = core::recordings_to_delete(recordings_, app_.now(), settings_, current_ ? current_->name : "");
  doomed.erase(std::remove_if(doomed.begin(), doomed.end(),
                              [this](const std::string& name) { return !deletion_asked_.insert(name).second; }),
               doomed.end());
  if (doomed.empty()) return;
  deleting_ = doomed;
  recorder()->remove(doomed);  // the recorder lists again once they are gone
}

void PackingVideo::write_snapshot(nlohmann::json& snapshot) const {
  snapshot["device"]["recorder"] = {{"available", available()},
                                    {"enabled", settings_.enabled},
                                    {"listed", listed_},
                                    {"recording", current_ && current_->writing},
                                    {"starting", current_ && !current_->writing},
                                    {"posting", recording_posting()},
                                    {"name", current_ ? current_->name : std::string()},
                                    {"seconds", recorded_seconds()},
                                    {"bytes", current_ ? current_->bytes : 0},
                                    {"started", recordings_started_},
                                    {"error", error_},
                                    {"errorDetail", error_detail_},
                                    {"usedBytes", used_bytes()},
                                    {"budgetBytes", settings_.budget_bytes},
                                    {"retentionDays", settings_.retention_days},
                                    {"count", recordings_.size()}};
  auto orders = snapshot.find("orders");
  if (orders == snapshot.end() || !orders->is_object()) return;
  auto detail = orders->find("detail");
  if (detail == orders->end() || !detail->is_object()) return;
  nlohmann::json list = nlohmann::json::array();
  for (const auto* r : recordings_of(app_.state().orders.open))
    list.push_back({{"name", r->name},
                    {"startedAt", r->started_at},
                    {"seconds", static_cast<double>(r->duration_ms) / 1000.0},
                    {"bytes", r->bytes},
                    {"ended", core::to_string(r->ended)},
                    {"mime", r->mime}});
  (*detail)["recordings"] = list;
}

}  // namespace app
