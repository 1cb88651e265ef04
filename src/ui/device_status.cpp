// This device, in the top bar and the settings screen: online or offline,
// drafts saved, storage problems, an installed update waiting for the seller.
#include <imgui.h>

#include <cstdio>
#include <string>

#include "ui/automation.h"
#include "ui/notice.h"
#include "ui/palette.h"
#include "ui/picture_cache_settings.h"
#include "ui/packing_video_view.h"
#include "ui/views.h"
#include "ui/format.h"
#include "ui/widgets.h"
#include "app/orders_screen.h"
#include "core/buyer_data.h"

namespace ui {

void draw_device_indicator(const app::App& app) {
  const auto& device = app.state().device;
  if (device.online) {
    ImGui::TextColored(palette::ok, "\u25CF %s", app.tr("device.online"));
  } else {
    ImGui::TextColored(palette::warning, "\u25CB %s", app.tr("device.offline"));
  }
  automation::tag("device.network");
  const auto& outbox = app.state().outbox;
  if (outbox.pending > 0) {
    ImGui::SameLine();
    ImGui::TextColored(palette::attention, app.tr("outbox.pending"), static_cast<int>(outbox.pending));
    automation::tag("outbox.pending");
  }
  if (!device.storage_error.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(palette::error, "%s", app.tr(device.storage_error.key));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", device.storage_error.detail.c_str());
  }
}

// Shown until the seller reloads: never reloads by itself (never mid-edit).
void draw_update_banner(const app::App& app, app::ActionQueue& actions) {
  if (!app.state().device.update_available) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, palette::update_banner);
  ImGui::BeginChild("##update", ImVec2(0, ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2),
                    ImGuiChildFlags_AlwaysUseWindowPadding);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(app.tr("update.available"));
  ImGui::SameLine();
  if (button(app, "update.reload")) actions.push(app::ApplyUpdate{});
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

// Changes Ozon refused: what, which posting, Ozon's words; send again
// (after correcting), open the posting, or drop it.
void draw_needs_attention(const app::App& app, app::ActionQueue& actions) {
  const auto& outbox = app.state().outbox;
  if (outbox.failed == 0) return;
  ImGui::PushStyleColor(ImGuiCol_Text, palette::error_heading);
  ImGui::SeparatorText(app.tr("outbox.needs_attention"));
  ImGui::PopStyleColor();
  for (const auto& entry : outbox.entries) {
    if (entry.state != app::OutboxState::failed) continue;
    const std::string id = std::to_string(entry.id);
    ImGui::PushID(id.c_str());
    ImGui::AlignTextToFramePadding();
    if (entry.unknown_kind)  // written by another version: not ours to interpret
      ImGui::Text("%s (%s) %s", app.tr("outbox.unknown_kind"), entry.kind.c_str(), entry.posting_number.c_str());
    else
      ImGui::Text("%s %s", app.tr("outbox.kind." + entry.kind), entry.posting_number.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", entry.last_error.c_str());
    ImGui::SameLine();
    if (small_button(app, "outbox.open." + id, {.text = app.tr("outbox.open")}))
      actions.push(app::OpenPosting{entry.posting_number});
    ImGui::SameLine();
    if (small_button(app, "outbox.resend." + id, {.text = app.tr("outbox.resend")}))
      actions.push(app::ResendOutboxEntry{entry.id});
    ImGui::SameLine();
    if (small_button(app, "outbox.discard." + id, {.text = app.tr("outbox.discard")}))
      actions.push(app::DiscardOutboxEntry{entry.id});
    ImGui::PopID();
  }
}

namespace {
void draw_storage_mode(const app::App& app, app::ActionQueue& actions);
}  // namespace

void draw_device_settings(const app::App& app, app::ActionQueue& actions) {
  const auto& device = app.state().device;
  ImGui::SeparatorText(app.tr("device.title"));
  draw_storage_mode(app, actions);
  // How long buyers' names, phones and addresses of finished postings stay here.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(app.tr("device.buyer_data"));
  for (int days : core::kBuyerDataDayChoices) {
    ImGui::SameLine();
    char text[32];
    std::snprintf(text, sizeof text, app.tr("device.days"), days);
    if (radio_button(app, "device.buyer_days." + std::to_string(days), device.buyer_data_days == days, {.text = text}))
      actions.push(app::SetBuyerDataDays{days});
  }
  if (device.storage.known) {
    ImGui::Text(app.tr("device.storage_use"), megabytes(device.storage.usage_bytes).c_str(),
                megabytes(device.storage.quota_bytes).c_str());
    ImGui::TextDisabled("%s", app.tr(device.storage.persisted ? "device.persisted" : "device.best_effort"));
  }
  ImGui::TextDisabled(app.tr("device.drafts_saved"), static_cast<int>(device.drafts_saved));
  draw_picture_cache_settings(app, actions);
  draw_video_settings(app, actions);
  draw_notice(app, device.storage_error);
}

namespace {

// Where drafts and the outbox are kept; inside a portal whose browser blocks
// storage, the remedy.
void draw_storage_mode(const app::App& app, app::ActionQueue& actions) {
  const auto& device = app.state().device;
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
  switch (device.storage_mode) {
    case app::StorageMode::unknown: break;
    case app::StorageMode::device: ImGui::TextDisabled("%s", app.tr("device.storage_mode.device")); break;
    case app::StorageMode::portal: ImGui::TextColored(palette::ok, "%s", app.tr("device.storage_mode.portal")); break;
    case app::StorageMode::none:
      ImGui::TextColored(palette::error, "%s", app.tr("device.storage_mode.none"));
      if (device.storage_access_possible && button(app, "device.storage_access"))
        actions.push(app::RequestStorageAccess{});
      break;
  }
  ImGui::PopTextWrapPos();
}

// What a backup would change, line by line, in a dialog: nothing changes
// until the seller applies it.
void draw_import_plan(const app::App& app, app::ActionQueue& actions) {
  const auto& plan = app.state().device.import_plan;
  constexpr const char* kPopup = "##import_plan";
  if (!plan && !ImGui::IsPopupOpen(kPopup)) return;
  if (plan && !ImGui::IsPopupOpen(kPopup)) ImGui::OpenPopup(kPopup);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(viewport->Size.x * 0.95f, viewport->Size.y * 0.9f));
  if (!ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) return;
  if (!plan) {  // applied or dropped: the dialog goes
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
  ImGui::TextUnformatted(app.tr("backup.plan.title"));
  for (const auto& change : plan->stores) {
    const std::string name = change.store.name.empty() ? change.store.id : change.store.name;
    switch (change.kind) {
      case app::StoreImport::Kind::add: ImGui::BulletText(app.tr("backup.plan.add"), name.c_str()); break;
      case app::StoreImport::Kind::unchanged: ImGui::BulletText(app.tr("backup.plan.unchanged"), name.c_str()); break;
      case app::StoreImport::Kind::replace: {
        std::string fields;
        for (const auto& field : change.changed) {
          if (!fields.empty()) fields += ", ";
          fields += app.tr("backup.field." + field);
        }
        ImGui::BulletText(app.tr("backup.plan.replace"), name.c_str(), fields.c_str());
        break;
      }
      case app::StoreImport::Kind::refused:
        ImGui::Bullet();
        ImGui::TextColored(palette::error, app.tr("backup.plan.refused"), name.c_str(), app.tr(change.problem));
        break;
    }
    if (change.key_dropped) {
      ImGui::Indent();
      ImGui::TextColored(palette::warning, "%s", app.tr("backup.plan.key_dropped"));
      ImGui::Unindent();
    } else if (change.needs_key && change.kind != app::StoreImport::Kind::refused) {
      ImGui::Indent();
      ImGui::TextDisabled("%s", app.tr("backup.plan.needs_key"));
      ImGui::Unindent();
    }
  }
  ImGui::BulletText(app.tr("backup.plan.drafts"), static_cast<int>(plan->drafts));
  ImGui::PopTextWrapPos();
  if (button(app, "backup.apply")) actions.push(app::ApplyImport{true});
  ImGui::SameLine();
  if (button(app, "backup.cancel_import") || ImGui::IsKeyPressed(ImGuiKey_Escape, false))
    actions.push(app::ApplyImport{false});
  ImGui::EndPopup();
}

}  // namespace

void draw_backup(const app::App& app, app::ActionQueue& actions) {
  const auto& device = app.state().device;
  ImGui::SeparatorText(app.tr("backup.title"));
  bool keys = device.backup_include_keys;
  if (checkbox(app, "backup.include_keys", keys)) actions.push(app::SetBackupIncludeKeys{keys});
  if (button(app, "backup.export")) actions.push(app::ExportBackup{});
  ImGui::SameLine();
  if (button(app, "backup.import")) actions.push(app::ImportBackup{});
  ImGui::SameLine();
  if (!device.confirm_clear) {
    if (button(app, "backup.clear")) actions.push(app::ClearLocalData{app::ClearLocalData::Step::ask});
  } else {
    ImGui::TextColored(palette::warning, "%s", app.tr("backup.clear_confirm"));
    if (button(app, "backup.clear_yes", {.danger = true}))
      actions.push(app::ClearLocalData{app::ClearLocalData::Step::confirm});
    ImGui::SameLine();
    if (button(app, "backup.clear_no")) actions.push(app::ClearLocalData{app::ClearLocalData::Step::cancel});
  }
  draw_import_plan(app, actions);
  const auto& notice = device.backup_notice;
  if (notice.key == "backup.exported" || notice.key == "backup.imported") {
    ImGui::TextColored(palette::ok, app.tr(notice.key), notice.detail.c_str());
  } else {
    draw_notice(app, notice);
  }
}

}  // namespace ui
