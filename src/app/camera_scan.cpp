#include "app/camera_scan.h"

#include <utility>

#include "app/orders_actions.h"

namespace app {

CameraScan::CameraScan(App& app) : Feature(app) {
  handle<OpenCamera, CloseCamera, SwitchCamera, SetTorch, CameraDecoded, CameraChanged>(this);
}

void CameraScan::on(const OpenCamera&) {
  const std::string& open = app_.state().orders.open;
  if (open.empty() || active()) return;
  if (!available()) {
    status_ = {};
    status_.error = "unsupported";
    return;
  }
  requested_ = true;
  posting_ = open;
  const bool back = status_.back;
  status_ = {};
  status_.back = back;
  debounce_.reset();
  app_.services().open_camera(
      back, {.decoded = app_.guard([this](std::string code) { app_.apply(CameraDecoded{std::move(code)}); }),
             .changed = app_.guard([this](CameraStatus status) { app_.apply(CameraChanged{std::move(status)}); })});
}

void CameraScan::on(const CloseCamera&) { close(); }

void CameraScan::close() {
  if (!active()) return;
  requested_ = false;
  status_.open = false;
  status_.torch_on = false;
  if (app_.services().close_camera) app_.services().close_camera();
}

void CameraScan::on(const SwitchCamera&) {
  if (!status_.open || status_.camera_count < 2 || !app_.services().switch_camera) return;
  app_.services().switch_camera();
}

void CameraScan::on(const SetTorch& a) {
  if (!status_.open || !status_.has_torch || !app_.services().set_torch) return;
  app_.services().set_torch(a.on);
}

// Every frame with a code reports it: the first sighting scans, the rest
// of its time in view does not.
void CameraScan::on(const CameraDecoded& a) {
  if (!requested_ || a.code.empty() || app_.state().orders.open != posting_) return;
  if (!debounce_.pass(a.code, app_.now())) {
    ++repeats_ignored_;
    return;
  }
  ++codes_decoded_;
  app_.apply(ScanCode{a.code, ScanSource::camera});
}

void CameraScan::on(const CameraChanged& a) {
  // A report after the seller closed it (the stream was still starting) changes nothing.
  if (!requested_ && a.status.open) return;
  status_ = a.status;
  if (!status_.open) requested_ = false;  // closed by the browser: the tab hid, the track ended, a failure
}

// The camera belongs to the posting it was opened for, on the orders screen.
void CameraScan::prepare_frame(bool /*on_screen*/) {
  if (!active()) return;
  const auto& state = app_.state();
  if (state.orders.open != posting_ || state.view != "orders") close();
}

void CameraScan::write_snapshot(nlohmann::json& snapshot) const {
  snapshot["device"]["camera"] = {{"available", available()},
                                  {"open", status_.open},
                                  {"starting", starting()},
                                  {"facing", status_.back ? "back" : "front"},
                                  {"hasTorch", status_.has_torch},
                                  {"torchOn", status_.torch_on},
                                  {"cameraCount", status_.camera_count},
                                  {"decoder", status_.decoder},
                                  {"error", status_.error},
                                  {"errorDetail", status_.detail},
                                  {"codesDecoded", codes_decoded_},
                                  {"repeatsIgnored", repeats_ignored_}};
}

}  // namespace app
