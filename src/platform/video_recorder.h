#pragma once
// Packing video in the browser (web/recorder.js, loaded the first time it is
// needed, with its worker web/recorder-worker.js): the open camera's picture
// drawn to a 640x360 canvas with the posting number and the time burned in,
// recorded by MediaRecorder at a low bitrate, each second's chunk written by
// the worker into the origin private file system (a sync access handle,
// flushed per chunk, so a closed tab keeps all but its last second).
#include "app/video_device.h"

namespace platform {

class WebVideoRecorder final : public app::VideoRecorder {
 public:
  void connect(app::RecorderHooks hooks) override;
  void start(const app::RecordingStart& start) override;
  void stop(const std::string& reason) override;
  void list() override;
  void remove(const std::vector<std::string>& names) override;
  void save(const std::string& name, const std::string& file_name) override;
};

}  // namespace platform
