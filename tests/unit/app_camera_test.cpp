// Scanning with the camera through the app, against the demo marketplace: a
// fake camera stands in for the browser's and "sees" codes frame by frame.
#include <doctest/doctest.h>

#include <algorithm>

#include "app/camera_scan.h"
#include "app/snapshot.h"
#include "app_test_support.h"
#include "core/scan_debounce.h"

namespace {

// The browser's camera as the app sees it: what was asked, and the hooks to
// report frames and changes through.
struct FakeCamera {
  int opened = 0;
  int closed = 0;
  int switched = 0;
  std::vector<bool> torch;
  bool last_open_back = false;
  app::CameraHooks hooks;

  // The browser's report: the camera open (or not), what it can do, why not.
  static app::CameraStatus status(bool open, bool has_torch, int cameras, std::string error = {},
                                  std::string decoder = "zxing") {
    app::CameraStatus s;
    s.open = open;
    s.has_torch = has_torch;
    s.camera_count = cameras;
    if (open) s.decoder = std::move(decoder);
    s.error = std::move(error);
    return s;
  }
  void open_with(bool has_torch, int cameras) { hooks.changed(status(true, has_torch, cameras)); }
};

struct CameraDemo {
  ozon_test::ManualClock clock;
  ozon_test::ManualScheduler scheduler{clock};
  app_test::SandboxRoads roads{11, clock, scheduler};
  store::MemorySettingsStore settings;
  FakeCamera camera;
  app::App app{{.settings = settings,
                .clock = clock,
                .scheduler = scheduler,
                .transports = roads,
                .open_camera =
                    [this](bool back, app::CameraHooks hooks) {
                      ++camera.opened;
                      camera.last_open_back = back;
                      camera.hooks = std::move(hooks);
                    },
                .close_camera = [this] { ++camera.closed; },
                .switch_camera = [this] { ++camera.switched; },
                .set_torch = [this](bool on) { camera.torch.push_back(on); }},
               {"en"}};

  CameraDemo() {
    app.start();
    settle();
  }
  void settle() {
    scheduler.run(120'000);
    app.prepare_frame();
  }
  const app::OrdersSlice& orders() const { return app.state().orders; }
  app::CameraScan& scan() { return app.feature<app::CameraScan>(); }
  // A posting that can ship and needs marking codes, opened; its first marked line.
  std::pair<std::string, std::size_t> open_marked_posting() {
    const auto& list = orders().list;
    for (std::size_t row = 0; row < list.visible_count(); ++row) {
      const auto& p = list.at(row);
      if (!p.can("ship") || p.requirements->mandatory_mark.empty()) continue;
      for (std::size_t line = 0; line < p.products.size(); ++line)
        if (std::count(p.requirements->mandatory_mark.begin(), p.requirements->mandatory_mark.end(), p.products[line].sku)) {
          app.apply(app::OpenPosting{p.posting_number});
          settle();
          return {p.posting_number, line};
        }
    }
    return {};
  }
  std::string barcode_of(const std::string& number, std::size_t line) {
    const auto* posting = orders().list.find(number);
    auto found = orders().barcodes.find(posting->products[line].sku);
    return found == orders().barcodes.end() || found->second.empty() ? std::string() : found->second.front();
  }
};

}  // namespace

TEST_CASE("the scan debounce lets each code through once while it stays in view") {
  core::ScanDebounce debounce(1'500);
  CHECK(debounce.pass("4600000000017", 0));
  CHECK_FALSE(debounce.pass("4600000000017", 100));
  CHECK_FALSE(debounce.pass("4600000000017", 1'500));  // still in view: each sighting restarts the quiet time
  CHECK(debounce.pass("4600000000024", 1'600));         // another code: at once
  // Two codes in every frame (a package's EAN and its marking code): neither repeats.
  CHECK_FALSE(debounce.pass("4600000000017", 1'700));
  CHECK_FALSE(debounce.pass("4600000000024", 1'700));
  CHECK_FALSE(debounce.pass("4600000000017", 1'800));
  CHECK(debounce.pass("4600000000017", 3'300));  // out of sight 1.5 s, shown again: a new scan
  debounce.reset();
  CHECK(debounce.pass("4600000000017", 3'400));
}

TEST_CASE("a code the camera decodes is counted like a scanner's, once while in view, source camera") {
  CameraDemo demo;
  const auto [number, line] = demo.open_marked_posting();
  REQUIRE_FALSE(number.empty());
  const std::string ean = demo.barcode_of(number, line);
  REQUIRE_FALSE(ean.empty());

  demo.app.apply(app::OpenCamera{});
  CHECK(demo.camera.opened == 1);
  CHECK(demo.camera.last_open_back);
  CHECK(demo.scan().starting());
  demo.camera.open_with(true, 2);
  CHECK(demo.scan().status().open);
  CHECK_FALSE(demo.scan().starting());

  const auto& work = demo.orders().work.at(number);
  std::string gtin = ean;
  gtin.insert(0, 14 - gtin.size(), '0');
  // A Chestny ZNAK marking code as the decoder gives it (GS between the fields).
  const std::string mark = "01" + gtin + "215Bx7Kq\x1d" "93AbCd";
  // Ten frames of the marking code held in view: one scan, and it fills the form.
  for (int frame = 0; frame < 10; ++frame) {
    demo.camera.hooks.decoded(mark);
    demo.clock.advance(100);
  }
  CHECK(work.verification.counted(line) == 1);
  CHECK(work.last_scan.code == mark);
  CHECK(work.last_scan.source == app::ScanSource::camera);
  CHECK(demo.scan().codes_decoded() == 1);
  bool filled = false;
  for (const auto& product : work.marking.form.data.products)
    for (const auto& e : product.exemplars) filled = filled || core::mark_of(e) == mark;
  CHECK(filled);

  // The snapshot says where the last scan came from and what the camera is.
  const auto snap = app::snapshot(demo.app);
  CHECK(snap["orders"]["detail"]["lastScan"]["source"] == "camera");
  CHECK(snap["device"]["camera"]["open"] == true);
  CHECK(snap["device"]["camera"]["decoder"] == "zxing");
  CHECK(snap["device"]["camera"]["codesDecoded"] == 1);
  CHECK(snap["device"]["camera"]["repeatsIgnored"] == 9);

  // The product's EAN-13, a different code: scanned at once.
  demo.camera.hooks.decoded(ean);
  CHECK(work.last_scan.code == ean);
  CHECK(work.last_scan.source == app::ScanSource::camera);
  CHECK(demo.scan().codes_decoded() == 2);

  // A keyboard scan after it is recorded as the keyboard's.
  demo.app.apply(app::AcknowledgeStop{});
  demo.app.apply(app::ScanCode{"not-in-this-posting"});
  CHECK(work.last_scan.code == "not-in-this-posting");
  CHECK(work.last_scan.source == app::ScanSource::keyboard);
  CHECK(app::snapshot(demo.app)["orders"]["detail"]["lastScan"]["source"] == "keyboard");
}

TEST_CASE("the camera switches and lights only when it can, and closes with the posting or the screen") {
  CameraDemo demo;
  const auto [number, line] = demo.open_marked_posting();
  REQUIRE_FALSE(number.empty());
  demo.app.apply(app::OpenCamera{});
  demo.camera.open_with(false, 1);
  demo.app.apply(app::SwitchCamera{});
  demo.app.apply(app::SetTorch{true});
  CHECK(demo.camera.switched == 0);  // one camera, no torch: nothing to ask for
  CHECK(demo.camera.torch.empty());
  demo.camera.open_with(true, 2);
  demo.app.apply(app::SwitchCamera{});
  demo.app.apply(app::SetTorch{true});
  CHECK(demo.camera.switched == 1);
  CHECK(demo.camera.torch == std::vector<bool>{true});

  // The posting closes: so does the camera, and a late frame scans nothing.
  demo.app.apply(app::ClosePosting{});
  demo.app.prepare_frame();
  CHECK(demo.camera.closed == 1);
  CHECK_FALSE(demo.scan().active());
  demo.camera.hooks.decoded(demo.barcode_of(number, line));
  CHECK(demo.scan().codes_decoded() == 0);

  // Opened again, then another screen: closed.
  demo.app.apply(app::OpenPosting{number});
  demo.app.apply(app::OpenCamera{});
  CHECK(demo.camera.opened == 2);
  demo.app.apply(app::ShowView{"stock"});
  demo.app.prepare_frame();
  CHECK(demo.camera.closed == 2);

  // The browser closed it (the tab hid): the app follows.
  demo.app.apply(app::ShowView{"orders"});
  demo.app.apply(app::OpenCamera{});
  demo.camera.open_with(false, 1);
  demo.camera.hooks.changed(FakeCamera::status(false, false, 1));
  CHECK_FALSE(demo.scan().active());
}

TEST_CASE("a refused camera or a decoder that failed is reported, and nothing else changes") {
  CameraDemo demo;
  const auto [number, line] = demo.open_marked_posting();
  REQUIRE_FALSE(number.empty());
  demo.app.apply(app::OpenCamera{});
  demo.camera.hooks.changed(FakeCamera::status(false, false, 0, "denied"));
  CHECK_FALSE(demo.scan().active());
  auto snap = app::snapshot(demo.app);
  CHECK(snap["device"]["camera"]["error"] == "denied");
  CHECK(snap["orders"]["open"] == number);
  // Trying again clears the old error.
  demo.app.apply(app::OpenCamera{});
  CHECK(demo.scan().status().error.empty());
  CHECK(demo.camera.opened == 2);

  // No camera services at all (the native build): a clear "unsupported".
  app_test::Demo plain;
  plain.app.apply(app::OpenPosting{plain.find([](const core::Posting&) { return true; })});
  plain.app.apply(app::OpenCamera{});
  CHECK(plain.app.feature<app::CameraScan>().status().error == "unsupported");
}
