#include "core/packing_video.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "core/json_read.h"
#include "core/local_time.h"

namespace core {
namespace {

constexpr EpochMs kDayMs = 86'400'000;

template <std::size_t N>
bool one_of(const int (&choices)[N], std::int64_t value) {
  return std::find(std::begin(choices), std::end(choices), value) != std::end(choices);
}

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }

}  // namespace

std::string_view to_string(RecordingEnd end) {
  switch (end) {
    case RecordingEnd::recording: return "recording";
    case RecordingEnd::shipped: return "shipped";
    case RecordingEnd::camera_closed: return "camera_closed";
    case RecordingEnd::posting_closed: return "posting_closed";
    case RecordingEnd::tab_hidden: return "tab_hidden";
    case RecordingEnd::turned_off: return "turned_off";
    case RecordingEnd::storage_full: return "storage_full";
    case RecordingEnd::failed: return "failed";
    case RecordingEnd::interrupted: return "interrupted";
  }
  return "interrupted";
}

RecordingEnd recording_end_from(std::string_view text) {
  for (RecordingEnd end : {RecordingEnd::recording, RecordingEnd::shipped, RecordingEnd::camera_closed,
                           RecordingEnd::posting_closed, RecordingEnd::tab_hidden, RecordingEnd::turned_off,
                           RecordingEnd::storage_full, RecordingEnd::failed})
    if (to_string(end) == text) return end;
  return RecordingEnd::interrupted;
}

VideoSettings parse_video_settings(std::string_view text) {
  VideoSettings settings;
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object()) return settings;
  settings.enabled = json_read::read_bool_strict(json, "enabled");
  settings.used = settings.enabled || json_read::read_bool_strict(json, "used");
  const std::int64_t days = json_read::read_int64_strict(json, "retention_days", settings.retention_days);
  if (one_of(kVideoRetentionDayChoices, days)) settings.retention_days = static_cast<int>(days);
  const std::int64_t mb = json_read::read_int64_strict(json, "budget_mb", settings.budget_bytes / kMegabyte);
  if (one_of(kVideoBudgetMbChoices, mb)) settings.budget_bytes = mb * kMegabyte;
  return settings;
}

std::string video_settings_json(const VideoSettings& settings) {
  return json_read::dump(nlohmann::json{{"enabled", settings.enabled},
                                        {"retention_days", settings.retention_days},
                                        {"budget_mb", settings.budget_bytes / kMegabyte},
                                        {"used", settings.used || settings.enabled}});
}

std::string recording_name(std::string_view posting, EpochMs started_at) {
  std::string name;
  for (char c : posting) name.push_back(is_name_char(c) ? c : '-');
  if (name.empty()) name = "posting";
  return name + "_" + std::to_string(started_at);
}

std::optional<Recording> recording_from_name(std::string_view name) {
  const auto cut = name.rfind('_');
  if (cut == std::string_view::npos || cut == 0 || cut + 1 >= name.size()) return std::nullopt;
  const std::string_view posting = name.substr(0, cut);
  if (!std::all_of(posting.begin(), posting.end(), is_name_char)) return std::nullopt;
  const std::string_view time = name.substr(cut + 1);
  if (!std::all_of(time.begin(), time.end(), [](char c) { return c >= '0' && c <= '9'; }) || time.size() > 15)
    return std::nullopt;
  const auto started = json_read::parse_int64(time);
  if (!started) return std::nullopt;
  Recording r;
  r.name = std::string(name);
  r.posting = std::string(posting);
  r.started_at = *started;
  r.ended = RecordingEnd::interrupted;
  return r;
}

std::string recording_meta_json(const Recording& r) {
  return json_read::dump(nlohmann::json{{"posting", r.posting},
                                        {"startedAt", r.started_at},
                                        {"durationMs", r.duration_ms},
                                        {"bytes", r.bytes},
                                        {"ended", to_string(r.ended)},
                                        {"mime", r.mime}});
}

std::optional<Recording> read_recording(std::string_view name, std::string_view meta, std::int64_t file_bytes,
                                        bool active) {
  auto r = recording_from_name(name);
  if (!r) return std::nullopt;
  const auto json = meta.empty() ? nlohmann::json() : nlohmann::json::parse(meta, nullptr, false);
  if (json.is_object()) {
    // The name is the file's: metadata naming another posting or time is not believed over it.
    if (const std::string posting = json_read::read_string_strict(json, "posting"); !posting.empty())
      r->posting = posting;
    r->duration_ms = std::max<std::int64_t>(0, json_read::read_int64_strict(json, "durationMs"));
    r->ended = recording_end_from(json_read::read_string_strict(json, "ended"));
    r->mime = json_read::read_string_strict(json, "mime");
  }
  if (r->ended == RecordingEnd::recording && !active) r->ended = RecordingEnd::interrupted;
  r->bytes = std::max<std::int64_t>(0, file_bytes);  // the file itself: written up to the last flushed chunk
  return r;
}

std::string_view video_extension(std::string_view mime) {
  return mime.substr(0, 9) == "video/mp4" ? "mp4" : "webm";
}

std::string export_file_name(const Recording& recording, int utc_offset_minutes) {
  std::string stamp;
  for (char c : format_local_datetime(recording.started_at, utc_offset_minutes)) {
    if (c >= '0' && c <= '9') stamp.push_back(c);
    else if (c == ' ') stamp.push_back('-');
  }
  std::string posting;
  for (char c : recording.posting) posting.push_back(is_name_char(c) ? c : '-');
  return "packing-" + posting + "-" + stamp + "." + std::string(video_extension(recording.mime));
}

std::int64_t total_bytes(const std::vector<Recording>& recordings) {
  std::int64_t total = 0;
  for (const auto& r : recordings) total += r.bytes;
  return total;
}

std::vector<std::string> recordings_to_delete(const std::vector<Recording>& recordings, EpochMs now,
                                              const VideoSettings& settings, std::string_view keep) {
  std::vector<const Recording*> by_age;
  for (const auto& r : recordings) by_age.push_back(&r);
  std::stable_sort(by_age.begin(), by_age.end(),
                   [](const Recording* a, const Recording* b) { return a->started_at < b->started_at; });
  const Recording* newest = by_age.empty() ? nullptr : by_age.back();
  const EpochMs oldest_kept = now - static_cast<EpochMs>(settings.retention_days) * kDayMs;
  std::vector<std::string> doomed;
  std::int64_t left = total_bytes(recordings);
  for (const Recording* r : by_age) {
    if (r->name == keep) continue;
    const bool expired = r->started_at < oldest_kept;
    const bool over_budget = left > settings.budget_bytes && r != newest;
    if (!expired && !over_budget) continue;
    doomed.push_back(r->name);
    left -= r->bytes;
  }
  return doomed;
}

}  // namespace core
