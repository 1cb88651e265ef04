#pragma once
// The device camera for scanning barcodes and marking codes (web/camera.js,
// loaded the first time the camera opens): getUserMedia, a preview <video>
// over the page, frames decoded off the main thread by the browser's
// BarcodeDetector where it reads every format we need, else by ZXing-C++ in
// a worker (web/scanner-worker.js). No frame is grabbed while it is closed.
#include "app/camera_device.h"

namespace platform {

void open_camera(bool back, app::CameraHooks hooks);
void close_camera();
void switch_camera();
void set_torch(bool on);

}  // namespace platform
