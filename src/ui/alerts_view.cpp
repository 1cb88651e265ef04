// The alerts screen: what needs the seller now, newest first, each opening
// its posting; how alerts reach them (system notifications, a sound, per
// kind) and quiet hours. The unseen count sits beside the button in the top bar.
#include <imgui.h>

#include <cstdio>
#include <string>

#include "app/alerts_screen.h"
#include "ui/format.h"
#include "ui/palette.h"
#include "ui/screen_registry.h"
#include "ui/widgets.h"

namespace ui {
namespace {

constexpr core::AlertKind kKinds[] = {core::AlertKind::new_order, core::AlertKind::under_2h, core::AlertKind::overdue,
                                      core::AlertKind::buyer_cancelled_while_packing,
                                      core::AlertKind::marking_refused, core::AlertKind::buyer_message};

std::string kind_key(core::AlertKind kind) { return "alerts.kind." + std::string(core::alert_kind_name(kind)); }

ImVec4 kind_colour(core::AlertKind kind) {
  switch (kind) {
    case core::AlertKind::overdue:
    case core::AlertKind::buyer_cancelled_while_packing:
    case core::AlertKind::marking_refused: return palette::error;
    case core::AlertKind::under_2h: return palette::attention;
    case core::AlertKind::new_order:
    case core::AlertKind::buyer_message: break;
  }
  return palette::ok;
}

// "HH:MM" <-> minutes after local midnight.
std::string clock_text(int minutes) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
  return text;
}

bool parse_clock(const std::string& text, int& minutes) {
  int h = 0, m = 0;
  if (std::sscanf(text.c_str(), "%d:%d", &h, &m) != 2 || h < 0 || h > 23 || m < 0 || m > 59) return false;
  minutes = h * 60 + m;
  return true;
}

void draw_list(const app::App& app, const app::AlertsScreen& screen, app::ActionQueue& actions) {
  const auto& alerts = screen.book().alerts();
  if (alerts.empty()) {
    ImGui::TextDisabled("%s", app.tr("alerts.empty"));
    return;
  }
  constexpr ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##alerts", 4, flags, ImVec2(0, ImGui::GetFontSize() * 18))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(app.tr("alerts.col.time"), ImGuiTableColumnFlags_None, 0.6f);
  ImGui::TableSetupColumn(app.tr("alerts.col.what"), ImGuiTableColumnFlags_None, 2.0f);
  ImGui::TableSetupColumn(app.tr("alerts.col.posting"), ImGuiTableColumnFlags_None, 1.3f);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_None, 0.6f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;  // newest first
  clipper.Begin(static_cast<int>(alerts.size()));
  while (clipper.Step())
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const core::Alert& alert = alerts[alerts.size() - 1 - static_cast<std::size_t>(row)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", format_local_clock(alert.at).c_str());
      ImGui::TableNextColumn();
      const std::string words = screen.describe(alert);
      if (alert.seen) ImGui::TextDisabled("%s", words.c_str());
      else ImGui::TextColored(kind_colour(alert.kind), "%s", words.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(alert.posting_number.c_str());
      ImGui::TableNextColumn();
      if (small_button(app, "alerts.open." + std::to_string(alert.id), {.text = app.tr("alerts.open")}))
        actions.push(app::OpenAlert{alert.id});
    }
  ImGui::EndTable();
}

void draw_settings(const app::App& app, const app::AlertsScreen& screen, app::ActionQueue& actions) {
  const auto& settings = screen.book().settings();
  ImGui::SeparatorText(app.tr("alerts.settings"));
  const std::string& permission = screen.permission();
  if (permission == "granted") {
    ImGui::TextColored(palette::ok, "%s", app.tr("alerts.permission.granted"));
  } else if (permission == "unsupported") {
    ImGui::TextDisabled("%s", app.tr("alerts.permission.unsupported"));
  } else {
    // Asked on this click only, never on load: browsers block pages that ask unprompted.
    if (button(app, "alerts.allow_notifications")) actions.push(app::AskNotificationPermission{});
    if (permission == "denied") {
      ImGui::SameLine();
      ImGui::TextColored(palette::attention, "%s", app.tr("alerts.permission.denied"));
    }
  }
  if (ImGui::BeginTable("##alert_channels", 3, ImGuiTableFlags_SizingFixedFit)) {
    for (const auto kind : kKinds) {
      const auto index = static_cast<std::size_t>(kind);
      const std::string name(core::alert_kind_name(kind));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(app.tr(kind_key(kind)));
      ImGui::TableNextColumn();
      bool notify = settings.notify[index], sound = settings.sound[index];
      const bool notify_changed = checkbox(app, "alerts.notify." + name, notify);
      ImGui::TableNextColumn();
      const bool sound_changed = checkbox(app, "alerts.sound." + name, sound);
      if (notify_changed || sound_changed) actions.push(app::SetAlertChannel{kind, notify, sound});
    }
    ImGui::EndTable();
  }
  core::QuietHours quiet = settings.quiet;
  bool changed = checkbox(app, "alerts.quiet", quiet.enabled);
  ImGui::SameLine();
  std::string from = clock_text(quiet.start_minute), to = clock_text(quiet.end_minute);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
  if (input_text(app, "alerts.quiet_from", from) && parse_clock(from, quiet.start_minute)) changed = true;
  ImGui::SameLine();
  ImGui::TextUnformatted("-");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
  if (input_text(app, "alerts.quiet_to", to) && parse_clock(to, quiet.end_minute)) changed = true;
  if (changed) actions.push(app::SetQuietHours{quiet});
  ImGui::TextDisabled("%s", app.tr("alerts.quiet_help"));
}

void draw_alerts_view(const app::App& app, app::ActionQueue& actions) {
  const auto& screen = app.feature<app::AlertsScreen>();
  const auto& book = screen.book();
  ImGui::Text(app.tr("alerts.unseen"), static_cast<int>(book.unseen_count()));
  ImGui::SameLine();
  if (button(app, "alerts.mark_all_seen", {.enabled = book.unseen_count() > 0})) actions.push(app::MarkAllAlertsSeen{});
  draw_list(app, screen, actions);
  draw_settings(app, screen, actions);
}

// On the Alerts button in the top bar, on every screen.
void draw_alerts_badge(const app::App& app, app::ActionQueue&) {
  count_badge(static_cast<long long>(app.feature<app::AlertsScreen>().book().unseen_count()), true);
}

[[maybe_unused]] const bool registered =
    register_screen_view({.id = "alerts", .draw = &draw_alerts_view, .badge = &draw_alerts_badge});

}  // namespace
}  // namespace ui
