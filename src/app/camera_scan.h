#pragma once
// Scanning with the device camera at the packing table: the posting detail
// opens the camera, the browser decodes what it sees, and each code goes
// into the same scan as a hardware scanner's (ScanCode, source camera) -
// once while it stays in view. The camera closes with the posting, when
// the screen changes, and when the tab hides (the browser side does that).
// No screen of its own: the posting detail draws its controls.
#include <string>

#include "app/app.h"
#include "app/camera_device.h"
#include "core/scan_debounce.h"

namespace app {

struct OpenCamera {};
struct CloseCamera {};
struct SwitchCamera {};  // front <-> back (the device has two or more)
struct SetTorch {
  bool on = false;
};
// What the browser reports (through CameraHooks).
struct CameraDecoded {
  std::string code;
};
struct CameraChanged {
  CameraStatus status;
};

class CameraScan final : public Feature {
 public:
  explicit CameraScan(App& app);
  static constexpr std::string_view kId = "camera";
  std::string_view id() const override { return kId; }
  bool has_screen() const override { return false; }

  void prepare_frame(bool on_screen) override;
  void write_snapshot(nlohmann::json& snapshot) const override;

  // This device can have a camera at all (the services offer one).
  bool available() const { return static_cast<bool>(app_.services().open_camera); }
  const CameraStatus& status() const { return status_; }
  // Asked for and not open yet (the permission prompt, the camera starting).
  bool starting() const { return requested_ && !status_.open; }
  bool active() const { return requested_ || status_.open; }
  std::int64_t codes_decoded() const { return codes_decoded_; }
  // The posting it was opened for.
  const std::string& posting() const { return posting_; }

  void on(const OpenCamera&);
  void on(const CloseCamera&);
  void on(const SwitchCamera&);
  void on(const SetTorch&);
  void on(const CameraDecoded&);
  void on(const CameraChanged&);

 private:
  void close();

  CameraStatus status_;
  bool requested_ = false;  // opened by the seller, not closed since
  std::string posting_;     // the posting it was opened for
  core::ScanDebounce debounce_;
  std::int64_t codes_decoded_ = 0;    // codes handed to the scan
  std::int64_t repeats_ignored_ = 0;  // the same code again while in view
};

}  // namespace app
