#pragma once
// Packing video: the rules for the recordings kept on the device while
// postings are packed (the camera records with the posting number and the
// time burned in; the browser keeps the files in its private file system).
// Pure logic: the recordings' names and metadata, the per-device settings,
// and which recordings retention and the storage budget remove.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"

namespace core {

// How a recording ended. `recording`: still being written (or the tab was
// closed while it was: read back later, that is `interrupted`).
enum class RecordingEnd {
  recording,
  shipped,         // the posting was shipped (Ship, or the station's auto-ship)
  camera_closed,   // the packer closed the camera, or the browser ended the track
  posting_closed,  // the posting was closed or another one opened
  tab_hidden,      // the tab was hidden (the camera stops with it)
  turned_off,      // recording was turned off in the settings
  storage_full,    // the browser's storage quota was reached
  failed,          // the recorder stopped with an error
  interrupted,     // the tab was closed or crashed: kept up to its last written second
};
std::string_view to_string(RecordingEnd end);
RecordingEnd recording_end_from(std::string_view text);  // unknown text: interrupted

inline constexpr std::int64_t kMegabyte = 1024 * 1024;
inline constexpr int kVideoRetentionDayChoices[] = {30, 60, 90, 180};
inline constexpr int kVideoBudgetMbChoices[] = {200, 500, 1000, 2000};

// Per device: a station with a camera records, a phone at the sofa does not.
struct VideoSettings {
  bool enabled = false;      // off unless the seller turns it on
  int retention_days = 90;   // Ozon's disputes are opened within weeks of delivery
  std::int64_t budget_bytes = 500 * kMegabyte;
  // Recording was on at some time: recordings may be kept, so they are listed
  // (and retention runs) even while it is off.
  bool used = false;
  friend bool operator==(const VideoSettings&, const VideoSettings&) = default;
};
// Stored as {"enabled":..,"retention_days":..,"budget_mb":..,"used":..}; a damaged or
// unknown value reads as its default.
VideoSettings parse_video_settings(std::string_view text);
std::string video_settings_json(const VideoSettings& settings);

struct Recording {
  std::string name;  // the file's stem on the device: "<posting>_<start ms>"
  std::string posting;
  EpochMs started_at = 0;
  std::int64_t duration_ms = 0;
  std::int64_t bytes = 0;
  RecordingEnd ended = RecordingEnd::recording;
  std::string mime;  // "video/webm;codecs=vp8", ...
  friend bool operator==(const Recording&, const Recording&) = default;
};

// The stem for a new recording: the posting number (only letters, digits and
// '-' kept) and its start time, so a file whose metadata is lost still says
// whose and when.
std::string recording_name(std::string_view posting, EpochMs started_at);
// The posting and start time back from a stem; nullopt for a name of no recording.
std::optional<Recording> recording_from_name(std::string_view name);

// The metadata file kept beside the video.
std::string recording_meta_json(const Recording& recording);
// One recording as the device lists it: its stem, its metadata file's text
// ("" when there is none), the video file's size. `active`: it is being
// recorded now (else one that still says "recording" was cut off by a closed
// tab: interrupted). nullopt for a stem that is no recording's.
std::optional<Recording> read_recording(std::string_view name, std::string_view meta, std::int64_t file_bytes,
                                        bool active);

// The file name a saved (exported) recording gets: packing-<posting>-<yyyymmdd-hhmm>.webm
// in the seller's time zone.
std::string export_file_name(const Recording& recording, int utc_offset_minutes);
// "webm" or "mp4", from the mime type.
std::string_view video_extension(std::string_view mime);

std::int64_t total_bytes(const std::vector<Recording>& recordings);
// What to delete: every recording older than the retention days, then the
// oldest ones while the rest is over the budget. Never `keep` (being
// recorded now), and never the newest recording by the budget: the last
// packing recorded is kept even when it alone is over the budget (it goes by
// retention only). Names, oldest first.
std::vector<std::string> recordings_to_delete(const std::vector<Recording>& recordings, EpochMs now,
                                              const VideoSettings& settings, std::string_view keep = {});

}  // namespace core
