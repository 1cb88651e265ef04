#include "ui/packing_video_view.h"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "app/packing_video.h"
#include "ui/automation.h"
#include "ui/format.h"
#include "ui/palette.h"
#include "ui/widgets.h"

namespace ui {
namespace {

std::string minutes_seconds(double seconds) {
  const long long whole = static_cast<long long>(seconds);
  char text[32];
  std::snprintf(text, sizeof text, "%lld:%02lld", whole / 60, whole % 60);
  return text;
}

void draw_error(const app::App& app, const app::PackingVideo& video) {
  if (video.error().empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, palette::error);
  ImGui::TextWrapped("%s", app.tr("video.error." + video.error()));
  ImGui::PopStyleColor();
  if (!video.error_detail().empty()) ImGui::TextDisabled("%s", video.error_detail().c_str());
}

}  // namespace

void draw_video_option(const app::App& app, app::ActionQueue& actions) {
  const auto& video = app.feature<app::PackingVideo>();
  if (!video.available()) return;
  bool on = video.settings().enabled;
  if (checkbox(app, "detail.video.record", on, {.text = app.tr("video.record")}))
    actions.push(app::SetVideoRecording{on});
}

// Beside the camera's controls while the posting is being recorded.
void draw_recording_indicator(const app::App& app) {
  const auto& video = app.feature<app::PackingVideo>();
  if (video.recording() && video.recording_posting() == app.state().orders.open) {
    ImGui::TextColored(palette::error, "\u25CF %s %s", app.tr("video.rec"), minutes_seconds(video.recorded_seconds()).c_str());
    automation::tag("detail.video.rec");
  }
  draw_error(app, video);
}

void draw_posting_recordings(const app::App& app, const std::string& posting, app::ActionQueue& actions) {
  const auto& video = app.feature<app::PackingVideo>();
  const auto list = video.recordings_of(posting);
  if (list.empty()) return;
  ImGui::SeparatorText(app.tr("video.title"));
  for (std::size_t i = 0; i < list.size(); ++i) {
    const core::Recording& r = *list[i];
    const bool live = video.recording() && video.recording_posting() == posting && r.ended == core::RecordingEnd::recording;
    ImGui::PushID(static_cast<int>(i));
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s · %s · %s · %s", format_local_time(r.started_at).c_str(),
                minutes_seconds(static_cast<double>(r.duration_ms) / 1000.0).c_str(),
                megabytes(static_cast<double>(r.bytes)).c_str(),
                app.tr("video.ended." + std::string(core::to_string(r.ended))));
    automation::tag("detail.video.row." + std::to_string(i));
    if (!live) {
      ImGui::SameLine();
      if (small_button(app, "detail.video.save." + std::to_string(i), {.text = app.tr("video.save")}))
        actions.push(app::SaveRecording{r.name});
      ImGui::SameLine();
      if (small_button(app, "detail.video.delete." + std::to_string(i), {.text = app.tr("video.delete"), .danger = true}))
        actions.push(app::DeleteRecording{r.name});
    }
    ImGui::PopID();
  }
}

void draw_video_settings(const app::App& app, app::ActionQueue& actions) {
  const auto& video = app.feature<app::PackingVideo>();
  if (!video.available()) return;
  const auto& settings = video.settings();
  ImGui::AlignTextToFramePadding();
  bool on = settings.enabled;
  if (checkbox(app, "video.enabled", on, {.text = app.tr("video.record")})) actions.push(app::SetVideoRecording{on});
  if (video.listed()) {
    ImGui::Text(app.tr("video.summary"), static_cast<long long>(video.recordings().size()),
                megabytes(static_cast<double>(video.used_bytes())).c_str(),
                megabytes(static_cast<double>(settings.budget_bytes)).c_str(), settings.retention_days);
  } else {
    ImGui::TextDisabled("%s", app.tr("video.not_listed"));
  }
  automation::tag("video.summary");
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(app.tr("video.retention"));
  for (int days : core::kVideoRetentionDayChoices) {
    ImGui::SameLine();
    char text[32];
    std::snprintf(text, sizeof text, app.tr("device.days"), days);
    if (radio_button(app, "video.retention." + std::to_string(days), settings.retention_days == days, {.text = text}))
      actions.push(app::SetVideoRetention{days});
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(app.tr("video.budget"));
  for (int mb : core::kVideoBudgetMbChoices) {
    ImGui::SameLine();
    const std::string text = std::to_string(mb) + " MB";
    if (radio_button(app, "video.budget." + std::to_string(mb), settings.budget_bytes == mb * core::kMegabyte,
                     {.text = text.c_str()}))
      actions.push(app::SetVideoBudget{mb});
  }
  draw_error(app, video);
}

}  // namespace ui
