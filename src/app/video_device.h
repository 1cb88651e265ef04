#pragma once
// The packing video recorder as the app sees it: it records the open camera
// (the posting number and the time burned into the picture) into the
// device's private file system, lists, deletes and exports what is kept
// there. The browser side is platform/video_recorder (web/recorder.js and
// its worker); native tests use a fake.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/clock.h"

namespace app {

// What the recorder reports after every change (start, each second written, stop, failure).
struct RecorderStatus {
  std::string name = {};        // the recording it is about ("" for a failure before any)
  bool recording = false;  // writing now
  double seconds = 0;      // recorded and written so far
  std::int64_t bytes = 0;
  std::string mime = {};
  // "" = fine; "no_storage" (no private file system), "unsupported" (no
  // MediaRecorder), "storage_full" (quota), "no_camera" (no picture to
  // record), "failed" (detail says more).
  std::string error = {};
  std::string detail = {};
  std::string ended = {};  // how it ended, once stopped (core::RecordingEnd's names)
};

// One file kept on the device, as listed: its stem, its metadata file's text, its size.
struct StoredRecording {
  std::string name = {};
  std::string meta = {};
  std::int64_t bytes = 0;
};

struct RecorderHooks {
  std::function<void(RecorderStatus)> changed;
  // The whole list, after a listing, a deletion or a recording that ended;
  // ok false (with why) when the device's storage cannot be read.
  std::function<void(bool ok, std::string error, std::vector<StoredRecording>)> listed;
};

struct RecordingStart {
  std::string name = {};
  std::string posting = {};
  core::EpochMs started_at = 0;
  std::string meta_json = {};  // written beside the video at once, then kept up to date by the recorder
  int bits_per_second = 0;
};

class VideoRecorder {
 public:
  virtual ~VideoRecorder() = default;
  // Where the reports go (once, before any other call).
  virtual void connect(RecorderHooks hooks) = 0;
  // Records the open camera until stop(); nothing when it is not open.
  virtual void start(const RecordingStart& start) = 0;
  // `reason`: core::RecordingEnd's name (the browser says "tab_hidden" instead when the tab hid).
  virtual void stop(const std::string& reason) = 0;
  virtual void list() = 0;
  virtual void remove(const std::vector<std::string>& names) = 0;
  // Hands the file to the browser as a download under `file_name`.
  virtual void save(const std::string& name, const std::string& file_name) = 0;
};

}  // namespace app
