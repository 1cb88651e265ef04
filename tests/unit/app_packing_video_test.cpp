// Packing video through the app, against the demo marketplace: a fake camera
// and a fake recorder stand in for the browser's, so the test sees when the
// app starts and stops recording and what it keeps, lists and deletes.
#include <doctest/doctest.h>

#include <algorithm>

#include "app/camera_scan.h"
#include "app/orders_screen.h"
#include "app/packing_video.h"
#include "app/snapshot.h"
#include "app_test_support.h"

namespace {

// The browser's recorder as the app sees it: what was asked, and a device's
// "file system" (name -> metadata, size) it lists back.
struct FakeRecorder final : app::VideoRecorder {
  app::RecorderHooks hooks;
  std::vector<app::RecordingStart> starts;
  std::vector<std::string> stops;
  std::vector<std::vector<std::string>> removed;
  std::vector<std::pair<std::string, std::string>> saved;
  int lists = 0;
  std::map<std::string, std::pair<std::string, std::int64_t>> files;

  void connect(app::RecorderHooks h) override { hooks = std::move(h); }
  void start(const app::RecordingStart& s) override {
    starts.push_back(s);
    files[s.name] = {s.meta_json, 0};
  }
  void stop(const std::string& reason) override { stops.push_back(reason); }
  void list() override {
    ++lists;
    answer_list();
  }
  void remove(const std::vector<std::string>& names) override {
    removed.push_back(names);
    for (const auto& n : names) files.erase(n);
    answer_list();
  }
  void save(const std::string& name, const std::string& file_name) override { saved.emplace_back(name, file_name); }

  void answer_list() {
    std::vector<app::StoredRecording> out;
    for (const auto& [name, file] : files) out.push_back({name, file.first, file.second});
    hooks.listed(true, "", out);
  }
  // The recorder's report of the current recording after `seconds`.
  void progress(double seconds, std::int64_t bytes) {
    const auto& name = starts.back().name;
    files[name].second = bytes;
    hooks.changed({.name = name, .recording = true, .seconds = seconds, .bytes = bytes, .mime = "video/webm;codecs=vp8"});
  }
  // Stopped as asked: the metadata written with how it ended.
  void stopped(double seconds, std::int64_t bytes) {
    const auto& start = starts.back();
    core::Recording r = *core::recording_from_name(start.name);
    r.duration_ms = static_cast<std::int64_t>(seconds * 1000);
    r.bytes = bytes;
    r.ended = core::recording_end_from(stops.back());
    r.mime = "video/webm;codecs=vp8";
    files[start.name] = {core::recording_meta_json(r), bytes};
    hooks.changed({.name = start.name, .recording = false, .seconds = seconds, .bytes = bytes, .ended = stops.back()});
  }
};

struct Table {
  ozon_test::ManualClock clock;
  ozon_test::ManualScheduler scheduler{clock};
  app_test::SandboxRoads roads{11, clock, scheduler};
  store::MemorySettingsStore settings;
  FakeRecorder recorder;
  app::CameraHooks camera;
  int camera_closed = 0;
  std::unique_ptr<app::App> app;

  explicit Table(bool recording_on) {
    if (recording_on) settings.set(app::kVideoSettingKey, R"({"enabled":true})");
    app = std::make_unique<app::App>(
        app::AppServices{.settings = settings,
                         .clock = clock,
                         .scheduler = scheduler,
                         .transports = roads,
                         .open_camera = [this](bool, app::CameraHooks hooks) { camera = std::move(hooks); },
                         .close_camera = [this] { ++camera_closed; },
                         .video_recorder = &recorder},
        std::vector<std::string>{"en"});
    app->start();
    settle();
  }
  void settle(std::int64_t ms = 10'000) {
    scheduler.run(ms);
    app->prepare_frame();
  }
  const app::OrdersSlice& orders() const { return app->state().orders; }
  app::PackingVideo& video() { return app->feature<app::PackingVideo>(); }
  // A plain posting awaiting packaging, opened.
  core::Posting open_plain() {
    const auto& list = orders().list;
    for (std::size_t row = 0; row < list.visible_count(); ++row) {
      const auto& p = list.at(row);
      if (!p.can("ship") || p.requirements->any() || p.is_rfbs() || p.products.size() != 1 ||
          p.status != core::PostingStatus::awaiting_packaging)
        continue;
      const core::Posting copy = p;  // the list may be replaced by a refresh
      app->apply(app::OpenPosting{copy.posting_number});
      app->prepare_frame();
      return copy;
    }
    return {};
  }
  void open_camera() {
    clock.advance(1'000);  // each recording its own start time (and name)
    app->apply(app::OpenCamera{});
    app::CameraStatus s;
    s.open = true;
    s.camera_count = 1;
    s.decoder = "zxing";
    camera.changed(s);
    app->prepare_frame();
  }
};

}  // namespace

TEST_CASE("packing video off (the default): the camera records nothing and nothing is loaded") {
  Table t(false);
  CHECK_FALSE(t.video().settings().enabled);
  CHECK(t.recorder.lists == 0);  // a device that never recorded loads no recorder
  const auto posting = t.open_plain();
  REQUIRE_FALSE(posting.posting_number.empty());
  t.open_camera();
  CHECK(t.recorder.starts.empty());
  const auto snap = app::snapshot(*t.app);
  CHECK(snap["device"]["recorder"]["enabled"] == false);
  CHECK(snap["device"]["recorder"]["recording"] == false);
  CHECK(snap["orders"]["detail"]["recordings"].empty());
}

TEST_CASE("packing video: recording starts with the camera on a posting to pack and stops on ship, kept and listed") {
  Table t(true);
  CHECK(t.recorder.lists == 1);  // listed at the start: retention runs
  const auto posting = t.open_plain();
  REQUIRE_FALSE(posting.posting_number.empty());
  CHECK(t.recorder.starts.empty());  // no camera, no recording
  t.open_camera();
  REQUIRE(t.recorder.starts.size() == 1);
  const auto& start = t.recorder.starts.front();
  CHECK(start.posting == posting.posting_number);
  CHECK(start.name == core::recording_name(posting.posting_number, t.clock.now_ms()));
  CHECK(start.bits_per_second == app::kVideoBitsPerSecond);
  CHECK(t.video().recording());
  t.recorder.progress(5.2, 200'000);
  t.app->prepare_frame();
  CHECK(t.recorder.starts.size() == 1);  // one recording, not one a frame
  auto snap = app::snapshot(*t.app);
  CHECK(snap["device"]["recorder"]["recording"] == true);
  CHECK(snap["device"]["recorder"]["posting"] == posting.posting_number);
  CHECK(snap["device"]["recorder"]["seconds"] == 5.2);

  // Packed and shipped: the recording ends "shipped".
  for (std::int64_t n = 0; n < posting.products.front().quantity; ++n)
    t.app->apply(app::ScanCode{posting.products.front().offer_id});
  t.app->apply(app::ShipOpenPosting{});
  t.settle(3'000);
  REQUIRE(t.recorder.stops.size() == 1);
  CHECK(t.recorder.stops.front() == "shipped");
  t.app->prepare_frame();
  CHECK(t.recorder.stops.size() == 1);  // asked once
  t.recorder.stopped(6.0, 230'000);
  t.app->prepare_frame();
  CHECK_FALSE(t.video().recording());
  CHECK(t.recorder.starts.size() == 1);  // shipped: the open camera records no more
  snap = app::snapshot(*t.app);
  REQUIRE(snap["orders"]["detail"]["recordings"].size() == 1);
  const auto& listed = snap["orders"]["detail"]["recordings"][0];
  CHECK(listed["seconds"] == 6.0);
  CHECK(listed["bytes"] == 230'000);
  CHECK(listed["ended"] == "shipped");
  CHECK(snap["device"]["recorder"]["count"] == 1);
  CHECK(snap["device"]["recorder"]["usedBytes"] == 230'000);

  // Saved under the posting's name and the local time.
  t.app->apply(app::SaveRecording{start.name});
  REQUIRE(t.recorder.saved.size() == 1);
  CHECK(t.recorder.saved.front().second.rfind("packing-" + posting.posting_number + "-", 0) == 0);
  // Deleted by the seller.
  t.app->apply(app::DeleteRecording{start.name});
  CHECK(t.video().recordings().empty());
}

TEST_CASE("packing video: closing the camera or the posting, or turning it off, ends the recording; a failure waits") {
  Table t(true);
  const auto posting = t.open_plain();
  REQUIRE_FALSE(posting.posting_number.empty());
  t.open_camera();
  REQUIRE(t.recorder.starts.size() == 1);
  t.app->apply(app::CloseCamera{});
  t.app->prepare_frame();
  REQUIRE(t.recorder.stops.size() == 1);
  CHECK(t.recorder.stops.back() == "camera_closed");
  t.recorder.stopped(2.0, 80'000);

  t.open_camera();
  REQUIRE(t.recorder.starts.size() == 2);
  t.app->apply(app::ClosePosting{});
  t.app->prepare_frame();
  CHECK(t.recorder.stops.back() == "posting_closed");
  t.recorder.stopped(1.0, 40'000);

  t.open_plain();
  t.open_camera();
  REQUIRE(t.recorder.starts.size() == 3);
  t.app->apply(app::SetVideoRecording{false});
  t.app->prepare_frame();
  CHECK(t.recorder.stops.back() == "turned_off");
  t.recorder.stopped(1.0, 40'000);
  CHECK(t.video().recordings().size() == 3);  // partial recordings are kept
  t.app->apply(app::SetVideoRecording{true});
  t.app->prepare_frame();
  REQUIRE(t.recorder.starts.size() == 4);  // on again with the camera open: records again

  // The storage is full: the recording ends, the error is shown, no new attempt until the camera reopens.
  t.recorder.hooks.changed({.name = t.recorder.starts.back().name, .recording = false, .seconds = 3, .bytes = 9,
                            .error = "storage_full", .ended = "storage_full"});
  t.app->prepare_frame();
  CHECK(t.video().error() == "storage_full");
  CHECK(t.recorder.starts.size() == 4);
  CHECK(app::snapshot(*t.app)["device"]["recorder"]["error"] == "storage_full");
  t.app->apply(app::CloseCamera{});
  t.app->prepare_frame();
  t.open_camera();
  CHECK(t.recorder.starts.size() == 5);
  // The scan is untouched by all of it.
  CHECK(t.app->state().orders.open == t.recorder.starts.back().posting);
}

TEST_CASE("packing video: after a reload the kept recordings are listed and retention and the budget delete the old") {
  Table t(true);
  // What a previous session left: an old one, a big one, one cut off by a closed tab.
  const core::EpochMs now = t.clock.now_ms();
  auto keep = [&](const std::string& posting, core::EpochMs at, std::int64_t bytes, core::RecordingEnd ended) {
    core::Recording r;
    r.posting = posting;
    r.started_at = at;
    r.name = core::recording_name(posting, at);
    r.duration_ms = 5'000;
    r.ended = ended;
    t.recorder.files[r.name] = {core::recording_meta_json(r), bytes};
    return r.name;
  };
  const auto old_name = keep("1-1-1", now - 100LL * 86'400'000, 1'000, core::RecordingEnd::shipped);
  const auto big_name = keep("2-2-2", now - 2LL * 86'400'000, 450 * core::kMegabyte, core::RecordingEnd::shipped);
  const auto cut_name = keep("3-3-3", now - 86'400'000, 100 * core::kMegabyte, core::RecordingEnd::recording);
  t.app->apply(app::SetVideoRetention{90});  // lists nothing new: applies to what is listed
  t.recorder.answer_list();
  // 90 days: the old one goes; 550 MB over 500: the oldest of the rest (the big one) goes; the newest stays.
  REQUIRE(t.recorder.removed.size() == 1);
  CHECK(t.recorder.removed.front() == std::vector<std::string>{old_name, big_name});
  REQUIRE(t.video().recordings().size() == 1);
  CHECK(t.video().recordings().front().name == cut_name);
  CHECK(t.video().recordings().front().ended == core::RecordingEnd::interrupted);
  // The settings persist per device.
  t.app->apply(app::SetVideoBudget{1000});
  t.app->apply(app::SetVideoRetention{30});
  const auto saved = core::parse_video_settings(*t.settings.get(app::kVideoSettingKey));
  CHECK(saved.enabled);
  CHECK(saved.retention_days == 30);
  CHECK(saved.budget_bytes == 1000 * core::kMegabyte);
  t.app->apply(app::SetVideoBudget{123});  // not a choice: ignored
  CHECK(t.video().settings().budget_bytes == 1000 * core::kMegabyte);
}
