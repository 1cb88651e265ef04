// Today's plan: what must leave before each delivery method's cutoff,
// grouped by warehouse and delivery method, with the pick list and the
// hand-over act for each group.
#include <imgui.h>

#include <string>
#include <vector>

#include "core/deadline.h"
#include "core/shipping_plan.h"
#include "ui/automation.h"
#include "ui/fonts.h"
#include "ui/format.h"
#include "ui/notice.h"
#include "ui/palette.h"
#include "ui/posting_detail.h"
#include "ui/product_picture.h"
#include "ui/screen_registry.h"
#include "ui/views.h"
#include "app/plan_screen.h"
#include "ui/widget_id.h"
#include "ui/widgets.h"

namespace ui {
namespace {

void draw_act(const app::App& app, const core::ShippingGroup& group, app::ActionQueue& actions) {
  const std::string method = std::to_string(group.delivery_method_id);
  const auto& acts = app.state().plan.acts;
  auto it = acts.find(group.delivery_method_id);
  if (it == acts.end() || it->second.state == app::ActWork::State::failed) {
    if (small_button(app, "plan.act." + method,
                     {.text = app.tr("plan.create_act"), .enabled = group.packed_waiting != 0}))
      actions.push(app::CreateAct{group.delivery_method_id});
    if (it != acts.end()) draw_notice(app, it->second.error);
    return;
  }
  const auto& act = it->second;
  switch (act.state) {
    case app::ActWork::State::creating:
    case app::ActWork::State::forming: ImGui::TextDisabled(app.tr("plan.act_forming"), act.status.c_str()); break;
    case app::ActWork::State::ready:
      ImGui::TextColored(palette::ok, app.tr("plan.act_ready"), static_cast<long long>(act.id),
                         static_cast<int>(act.added.size()), static_cast<int>(act.removed.size()));
      if (small_button(app, "plan.act_pdf." + method, {.text = app.tr("plan.act_pdf")}))
        actions.push(app::DownloadAct{group.delivery_method_id});
      if (act.pdf_ready) {
        ImGui::SameLine();
        if (small_button(app, "plan.act_open." + method, {.text = app.tr("labels.open")}))
          actions.push(app::OpenDocument{false});
      }
      if (!act.removed.empty() && ImGui::TreeNode(hidden_id(app.tr("plan.left_out"), "left." + method).c_str())) {
        for (const auto& number : act.removed) ImGui::BulletText("%s", number.c_str());
        ImGui::TreePop();
      }
      if (!act.added.empty() && ImGui::TreeNode(hidden_id(app.tr("plan.in_act"), "in." + method).c_str())) {
        for (const auto& number : act.added) ImGui::BulletText("%s", number.c_str());
        ImGui::TreePop();
      }
      break;
    case app::ActWork::State::failed: break;
  }
  draw_notice(app, act.error);
}

// The pick list on screen, under its group when opened: each product with
// its picture, so the picker matches the shelf by sight (the printed pick
// list stays text).
void draw_pick_rows(const app::App& app, const core::ShippingGroup& group) {
  const std::string method = std::to_string(group.delivery_method_id);
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  const bool open = ImGui::TreeNode(hidden_id(app.tr("plan.pick_on_screen"), "plan.pick_items." + method).c_str());
  automation::tag("plan.pick_items." + method);
  if (!open) return;
  const float size = ImGui::GetTextLineHeightWithSpacing() * 2;
  // Sets as their parts, like the printed list: the parts are on the shelf.
  for (const auto& row : app.feature<app::PlanScreen>().pick_list(group.delivery_method_id).rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    note_glyphs(row.name);
    product_picture(app, group.store_id, row.sku, row.name, size,
                    "plan.picture." + method + "." + std::to_string(row.sku));
    ImGui::SameLine();
    ImGui::TextUnformatted(row.offer_id.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.name.c_str());
    ImGui::TableNextColumn();
    ImGui::TableNextColumn();  // under "To pack"
    ImGui::Text("%lld", static_cast<long long>(row.quantity));
  }
  ImGui::TreePop();
}

}  // namespace

void draw_plan_view(const app::App& app, app::ActionQueue& actions) {
  const auto& plan = app.state().plan;
  ImGui::TextDisabled("%s", app.tr("plan.intro"));
  if (plan.catalog_as_of != 0) {
    ImGui::TextDisabled(app.tr("plan.catalog_as_of"), format_local_clock(plan.catalog_as_of).c_str());
    if (plan.catalog_from_cache) {
      ImGui::SameLine();
      ImGui::TextColored(palette::attention, "%s", app.tr("orders.cached"));
    }
  }
  if (plan.groups.empty()) {
    ImGui::TextDisabled("%s", app.tr("plan.empty"));
    return;
  }
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##plan", 7, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(app.tr("orders.col.warehouse"), ImGuiTableColumnFlags_None, 1.4f);
  ImGui::TableSetupColumn(app.tr("orders.col.delivery"), ImGuiTableColumnFlags_None, 1.6f);
  ImGui::TableSetupColumn(app.tr("plan.col.cutoff"), ImGuiTableColumnFlags_None, 1.0f);
  ImGui::TableSetupColumn(app.tr("plan.col.to_pack"), ImGuiTableColumnFlags_None, 0.6f);
  ImGui::TableSetupColumn(app.tr("plan.col.packed"), ImGuiTableColumnFlags_None, 0.6f);
  ImGui::TableSetupColumn(app.tr("plan.col.due"), ImGuiTableColumnFlags_None, 0.9f);
  ImGui::TableSetupColumn(app.tr("plan.col.handover"), ImGuiTableColumnFlags_None, 2.0f);
  ImGui::TableHeadersRow();
  const auto& orders = app.state().orders;
  const std::string* shown_store = nullptr;
  for (const auto& group : plan.groups) {
    // All stores: each store's groups under its name.
    if (orders.all_stores && (!shown_store || *shown_store != group.store_id)) {
      shown_store = &group.store_id;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const char* name = group.store_id.c_str();
      for (const auto& feed : orders.stores)
        if (feed.store_id == group.store_id) name = feed.name.empty() ? app.tr("store.demo") : feed.name.c_str();
      ImGui::TextColored(palette::attention, "%s", name);
    }
    ImGui::PushID(group.store_id.c_str());
    ImGui::PushID(static_cast<int>(group.delivery_method_id));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(group.warehouse_name.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(group.delivery_method_name.c_str());
    ImGui::TableNextColumn();
    if (group.has_cutoff) {
      const core::Risk risk = group.remaining_ms < 2 * 3600 * 1000 ? core::Risk::under_2h : core::Risk::today;
      ImGui::TextColored(palette::risk(risk), "%02d:%02d (%s)", group.cutoff_minutes / 60, group.cutoff_minutes % 60,
                         core::format_countdown(group.remaining_ms).c_str());
    } else {
      ImGui::TextDisabled("—");
    }
    ImGui::TableNextColumn();
    ImGui::Text("%d", group.to_pack);
    ImGui::TableNextColumn();
    ImGui::Text("%d", group.packed_waiting);
    ImGui::TableNextColumn();
    if (group.overdue > 0)
      ImGui::TextColored(palette::risk(core::Risk::overdue), app.tr("plan.due_overdue"), group.due_before_cutoff,
                         group.overdue);
    else
      ImGui::Text("%d", group.due_before_cutoff);
    ImGui::TableNextColumn();
    const std::string method = std::to_string(group.delivery_method_id);
    if (small_button(app, "plan.pick." + method, {.text = app.tr("plan.pick_list"), .enabled = group.to_pack != 0}))
      actions.push(app::PrintPickList{group.delivery_method_id});
    ImGui::SameLine();
    draw_act(app, group, actions);
    if (group.to_pack != 0) draw_pick_rows(app, group);
    ImGui::PopID();
    ImGui::PopID();
  }
  ImGui::EndTable();
}

namespace {
[[maybe_unused]] const bool registered = register_screen_view({.id = "plan", .draw = &draw_plan_view});
}  // namespace

}  // namespace ui
