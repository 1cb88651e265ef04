// Packing video: names and metadata of the recordings kept on the device,
// the per-device settings, and what retention and the budget delete.
#include <doctest/doctest.h>

#include "core/packing_video.h"

namespace {

constexpr core::EpochMs kDay = 86'400'000;
constexpr core::EpochMs kNow = 1'790'000'000'000;  // late 2026

core::Recording rec(std::string posting, core::EpochMs started, std::int64_t megabytes) {
  core::Recording r;
  r.posting = std::move(posting);
  r.started_at = started;
  r.name = core::recording_name(r.posting, started);
  r.bytes = megabytes * core::kMegabyte;
  r.ended = core::RecordingEnd::shipped;
  return r;
}

}  // namespace

TEST_CASE("packing video: a recording's name carries its posting and start, and reads back") {
  CHECK(core::recording_name("12345678-0001-1", 1'790'000'000'123) == "12345678-0001-1_1790000000123");
  CHECK(core::recording_name("a/b c", 5) == "a-b-c_5");  // nothing a file system could take as a path
  CHECK(core::recording_name("", 5) == "posting_5");
  const auto r = core::recording_from_name("12345678-0001-1_1790000000123");
  REQUIRE(r);
  CHECK(r->posting == "12345678-0001-1");
  CHECK(r->started_at == 1'790'000'000'123);
  CHECK(r->ended == core::RecordingEnd::interrupted);
  for (const char* bad : {"", "_", "x_", "_5", "posting", "a_b", "a b_5", "a_-5", "a_12345678901234567"})
    CHECK_MESSAGE(!core::recording_from_name(bad), bad);
}

TEST_CASE("packing video: metadata round-trips; a file without it, or cut off by a closed tab, still lists") {
  core::Recording r = rec("111-1", kNow, 0);
  r.duration_ms = 6'400;
  r.bytes = 250'000;
  r.mime = "video/webm;codecs=vp8";
  const auto back = core::read_recording(r.name, core::recording_meta_json(r), 250'000, false);
  REQUIRE(back);
  CHECK(*back == r);

  // Still "recording" in its metadata: being written now, or cut off by a closed tab.
  r.ended = core::RecordingEnd::recording;
  const std::string meta = core::recording_meta_json(r);
  CHECK(core::read_recording(r.name, meta, 300'000, true)->ended == core::RecordingEnd::recording);
  const auto cut = core::read_recording(r.name, meta, 300'000, false);
  CHECK(cut->ended == core::RecordingEnd::interrupted);
  CHECK(cut->bytes == 300'000);  // the file's size, not the last metadata's

  // No metadata, or damaged: the name says whose and when.
  for (const char* damaged : {"", "{", "[1,2]", "null"}) {
    const auto bare = core::read_recording(r.name, damaged, 1'000, false);
    REQUIRE(bare);
    CHECK(bare->posting == "111-1");
    CHECK(bare->started_at == kNow);
    CHECK(bare->duration_ms == 0);
    CHECK(bare->bytes == 1'000);
    CHECK(bare->ended == core::RecordingEnd::interrupted);
  }
  CHECK_FALSE(core::read_recording("notes", "{}", 10, false));
  CHECK(core::recording_end_from("who knows") == core::RecordingEnd::interrupted);
  for (auto end : {core::RecordingEnd::shipped, core::RecordingEnd::tab_hidden, core::RecordingEnd::storage_full})
    CHECK(core::recording_end_from(core::to_string(end)) == end);
}

TEST_CASE("packing video: the exported file is named after the posting and the local start time") {
  core::Recording r = rec("12345678-0001-1", 1'717'191'000'000, 1);  // 2024-05-31 21:30 UTC
  r.mime = "video/webm;codecs=vp9";
  CHECK(core::export_file_name(r, 180) == "packing-12345678-0001-1-20240601-0030.webm");
  r.mime = "video/mp4;codecs=avc1";
  CHECK(core::export_file_name(r, 0) == "packing-12345678-0001-1-20240531-2130.mp4");
}

TEST_CASE("packing video: settings are off by default and read back, a damaged value as its default") {
  const core::VideoSettings defaults;
  CHECK_FALSE(defaults.enabled);
  CHECK(defaults.retention_days == 90);
  CHECK(defaults.budget_bytes == 500 * core::kMegabyte);
  CHECK(core::parse_video_settings("") == defaults);
  CHECK(core::parse_video_settings("not json") == defaults);
  const core::VideoSettings chosen{true, 30, 2000 * core::kMegabyte, true};
  CHECK(core::parse_video_settings(core::video_settings_json(chosen)) == chosen);
  // Turned off again: still "used" (its recordings stay listed and expire).
  const core::VideoSettings off{false, 60, 200 * core::kMegabyte, true};
  CHECK(core::parse_video_settings(core::video_settings_json(off)) == off);
  const auto odd = core::parse_video_settings(R"({"enabled":"yes","retention_days":7,"budget_mb":-1})");
  CHECK(odd == defaults);
}

TEST_CASE("packing video: retention deletes the expired, the budget the oldest, never the newest or the one recording") {
  core::VideoSettings settings{true, 30, 100 * core::kMegabyte, true};
  const std::vector<core::Recording> list = {
      rec("new", kNow - kDay, 40), rec("old", kNow - 31 * kDay, 10), rec("mid", kNow - 10 * kDay, 40),
      rec("older", kNow - 20 * kDay, 40)};
  // 130 MB: "old" is expired (10 MB); 120 MB left is still over 100: "older" goes too.
  CHECK(core::recordings_to_delete(list, kNow, settings) == std::vector<std::string>{list[1].name, list[3].name});
  CHECK(core::total_bytes(list) == 130 * core::kMegabyte);
  // Within the budget: only the expired one.
  settings.budget_bytes = 500 * core::kMegabyte;
  CHECK(core::recordings_to_delete(list, kNow, settings) == std::vector<std::string>{list[1].name});
  // Exactly 30 days old is kept; a moment older is not.
  CHECK(core::recordings_to_delete({rec("edge", kNow - 30 * kDay, 1)}, kNow, settings).empty());
  CHECK(core::recordings_to_delete({rec("edge", kNow - 30 * kDay - 1, 1)}, kNow, settings).size() == 1);
  // The newest alone over the budget stays (it goes by retention only).
  settings.budget_bytes = 10 * core::kMegabyte;
  const std::vector<core::Recording> big = {rec("a", kNow - 2 * kDay, 5), rec("b", kNow - kDay, 50)};
  CHECK(core::recordings_to_delete(big, kNow, settings) == std::vector<std::string>{big[0].name});
  // The one being recorded is never deleted, whatever its age.
  CHECK(core::recordings_to_delete({rec("rec", kNow - 99 * kDay, 1)}, kNow, settings, core::recording_name("rec", kNow - 99 * kDay))
            .empty());
  CHECK(core::recordings_to_delete({}, kNow, settings).empty());
}
