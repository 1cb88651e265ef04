#pragma once
// Packing video (per device, off unless the seller turns it on): while a
// posting that can still be packed has the camera open, the camera is
// recorded with the posting number and the time burned in, until the posting
// ships (Ship, or the station's auto-ship), the camera or the posting closes,
// or the tab hides. The recordings stay on the device (the browser's private
// file system), are listed on their posting, saved as a file for a dispute,
// and deleted by retention days and a storage budget (settings). No screen of
// its own: the posting detail and the device settings draw it.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/video_device.h"
#include "core/packing_video.h"

namespace app {

inline constexpr const char* kVideoSettingKey = "packing_video";
// Low: a packing table at 640x360 and 12 frames a second needs little (about 40 KB a second).
inline constexpr int kVideoBitsPerSecond = 300'000;

struct SetVideoRecording {
  bool on = false;
};
struct SetVideoRetention {
  int days = 90;
};
struct SetVideoBudget {
  int megabytes = 500;
};
struct SaveRecording {
  std::string name;
};
struct DeleteRecording {
  std::string name;
};
// What the recorder reports (through RecorderHooks).
struct RecorderChanged {
  RecorderStatus status;
};
struct RecordingsListed {
  bool ok = true;
  std::string error;
  std::vector<StoredRecording> files;
};

class PackingVideo final : public Feature {
 public:
  explicit PackingVideo(App& app);
  static constexpr std::string_view kId = "packing_video";
  std::string_view id() const override { return kId; }
  bool has_screen() const override { return false; }

  void on_store_opened() override;
  void prepare_frame(bool on_screen) override;
  void write_snapshot(nlohmann::json& snapshot) const override;

  // The browser can record here at all (the services offer a recorder).
  bool available() const { return app_.services().video_recorder != nullptr; }
  const core::VideoSettings& settings() const { return settings_; }
  // The recordings kept on the device, newest first (known once listed).
  const std::vector<core::Recording>& recordings() const { return recordings_; }
  bool listed() const { return listed_; }
  std::vector<const core::Recording*> recordings_of(const std::string& posting) const;
  std::int64_t used_bytes() const { return core::total_bytes(recordings_); }
  // The recording being made: asked for, or written now.
  bool recording() const { return current_.has_value(); }
  const std::string& recording_posting() const;
  double recorded_seconds() const { return current_ ? current_->seconds : 0.0; }
  // The last failure ("no_storage", "unsupported", "storage_full", "no_camera", "failed"), "" = none.
  const std::string& error() const { return error_; }
  const std::string& error_detail() const { return error_detail_; }

  void on(const SetVideoRecording&);
  void on(const SetVideoRetention&);
  void on(const SetVideoBudget&);
  void on(const SaveRecording&);
  void on(const DeleteRecording&);
  void on(const RecorderChanged&);
  void on(const RecordingsListed&);

 private:
  struct Current {
    std::string name;
    std::string posting;
    core::EpochMs started_at = 0;
    double seconds = 0;
    std::int64_t bytes = 0;
    bool writing = false;    // the recorder said it started
    bool stop_sent = false;  // asked to stop; waiting for its last report
  };
  VideoRecorder* recorder() const { return app_.services().video_recorder; }
  void connect();
  void save_settings();
  void request_list();
  void start();
  void stop(core::RecordingEnd reason);
  bool can_start() const;
  std::optional<core::RecordingEnd> end_reason() const;
  void apply_retention();

  core::VideoSettings settings_;
  std::vector<core::Recording> recordings_;
  bool connected_ = false;
  bool listed_ = false;
  bool list_requested_ = false;
  std::vector<std::string> deleting_;  // asked to delete by retention and the budget, not listed since
  std::set<std::string> deletion_asked_;  // each name once: a file that would not go is not asked again and again
  std::optional<Current> current_;
  // A failure while this camera was open: no new attempt until it reopens.
  bool blocked_ = false;
  std::string error_;
  std::string error_detail_;
  std::int64_t recordings_started_ = 0;
};

}  // namespace app
