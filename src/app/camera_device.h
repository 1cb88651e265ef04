#pragma once
// The device camera as the app sees it: what the browser reports about it
// (open, which way it faces, torch, the decoder) and the codes it decodes.
// The browser side is platform/camera_scanner; native tests use a fake.
#include <functional>
#include <string>

namespace app {

struct CameraStatus {
  bool open = false;
  bool back = true;        // facing the packing table ("environment"), not the packer
  bool has_torch = false;  // the track can light the torch
  bool torch_on = false;
  int camera_count = 0;    // video inputs the device has (switching needs two)
  std::string decoder;     // "barcode_detector" (the browser's), "zxing" (our worker), "" = not yet
  // Why the camera is not scanning: "denied", "no_camera", "unsupported",
  // "decoder_failed", "failed" (detail says more), "" = fine.
  std::string error;
  std::string detail;
};

struct CameraHooks {
  std::function<void(std::string code)> decoded;   // every code in every frame (the app debounces)
  std::function<void(CameraStatus status)> changed;  // after every change, including closing
};

}  // namespace app
