// The Returns screen: rFBS return requests (filtered by state and date,
// each opening its detail with the answers Ozon allows in its state) and
// FBS returns, each linking to its posting and the buyer's chat.
#include <imgui.h>

#include <string>

#include "app/chats_actions.h"
#include "app/returns_screen.h"
#include "ui/format.h"
#include "ui/notice.h"
#include "ui/palette.h"
#include "ui/screen_registry.h"
#include "ui/widgets.h"

namespace ui {
namespace {

using app::RfbsInputs;
using core::RfbsAction;

// FBS return statuses worth filtering by (the spec's visual_status_name values).
constexpr const char* kFbsStatuses[] = {"", "MovingToSeller", "ArrivedAtReturnPlace", "ReturningToSellerByCourier",
                                        "ReceivedBySeller", "DisputeOpened", "Utilizing", "Utilized"};

std::string status_label(const app::App& app, const std::string& status) {
  return status.empty() ? std::string(app.tr("returns.fbs_status.any")) : app.tr("returns.fbs_status." + status);
}

void draw_links(const app::App& app, const std::string& key, const std::string& posting, app::ActionQueue& actions) {
  if (small_button(app, "returns.open_posting." + key, {.text = app.tr("returns.open_posting")}))
    actions.push(app::OpenReturnPosting{posting});
  ImGui::SameLine();
  if (small_button(app, "returns.chat." + key, {.text = app.tr("returns.chat")}))
    actions.push(app::OpenChatForPosting{posting, {}});
}

void draw_header(const app::App& app, const app::ReturnsSlice& slice, app::ActionQueue& actions) {
  const bool loading = slice.rfbs_loading || slice.fbs_loading;
  if (button(app, "returns.refresh", {.enabled = !loading})) actions.push(app::RefreshReturns{});
  ImGui::SameLine();
  if (button(app, "returns.tab.rfbs", {.current = slice.tab == "rfbs"})) actions.push(app::SetReturnsTab{"rfbs"});
  ImGui::SameLine();
  if (button(app, "returns.tab.fbs", {.current = slice.tab == "fbs"})) actions.push(app::SetReturnsTab{"fbs"});
  if (loading) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", app.tr("returns.loading"));
  }
  draw_notice(app, slice.error);
  if (!slice.missing_posting.empty())
    ImGui::TextColored(palette::attention, app.tr("returns.posting_not_loaded"), slice.missing_posting.c_str());
}

// Dates as typed, applied on the button (each keystroke would be a request).
void draw_dates(const app::App& app, const char* from_key, const char* to_key, std::string& from, std::string& to,
                bool& changed) {
  ImGui::TextUnformatted(app.tr(from_key));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  changed = input_text(app, from_key, from, {.hint = "YYYY-MM-DD"}) || changed;
  ImGui::SameLine();
  ImGui::TextUnformatted(app.tr(to_key));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  changed = input_text(app, to_key, to, {.hint = "YYYY-MM-DD"}) || changed;
}

void draw_rfbs_filters(const app::App& app, const app::ReturnsSlice& slice, app::ActionQueue& actions) {
  for (const char* group : app::kRfbsGroups) {
    if (radio_button(app, std::string("returns.group.") + group, slice.group == group))
      actions.push(app::SetRfbsFilter{group, slice.created_from, slice.created_to});
    ImGui::SameLine();
  }
  ImGui::NewLine();
  std::string from = slice.created_from, to = slice.created_to;
  bool changed = false;
  draw_dates(app, "returns.created_from", "returns.created_to", from, to, changed);
  if (changed) actions.push(app::SetRfbsFilter{slice.group, from, to});
  ImGui::SameLine();
  if (button(app, "returns.apply")) actions.push(app::ApplyRfbsFilter{});
}

std::string action_label(const app::App& app, RfbsAction action) {
  return app.tr("returns.action." + std::string(core::rfbs_action_name(action)));
}

// Where the row's last answer stands: on its way, or refused.
void draw_progress(const app::App& app, const app::ReturnsScreen& screen, const app::RfbsRow& row) {
  if (const app::OutboxEntry* entry = screen.pending_for(row.data.return_id)) {
    const auto action = app::rfbs_action_of_kind(entry->kind);
    ImGui::TextColored(palette::attention, "%s: %s", action ? action_label(app, *action).c_str() : "",
                       app.tr("returns.progress." + std::string(app::to_string(entry->state))));
  } else if (!row.refusal.empty()) {
    ImGui::TextColored(palette::error, "%s", app.tr("returns.refused"));
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(palette::error, "%s", row.refusal.c_str());
    ImGui::PopTextWrapPos();
  }
}

void draw_rfbs_table(const app::App& app, const app::ReturnsScreen& screen, app::ActionQueue& actions) {
  const auto& slice = screen.slice();
  if (slice.rfbs.empty()) {
    if (slice.rfbs_loaded) ImGui::TextDisabled("%s", app.tr("returns.rfbs_empty"));
    return;
  }
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##rfbs", 5, flags, ImVec2(0, ImGui::GetFontSize() * 10))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(app.tr("returns.col.number"), ImGuiTableColumnFlags_None, 1.0f);
  ImGui::TableSetupColumn(app.tr("returns.col.posting"), ImGuiTableColumnFlags_None, 1.0f);
  ImGui::TableSetupColumn(app.tr("returns.col.product"), ImGuiTableColumnFlags_None, 2.2f);
  ImGui::TableSetupColumn(app.tr("returns.col.price"), ImGuiTableColumnFlags_None, 0.7f);
  ImGui::TableSetupColumn(app.tr("returns.col.state"), ImGuiTableColumnFlags_None, 1.4f);
  ImGui::TableHeadersRow();
  for (const auto& row : slice.rfbs) {
    const auto& r = row.data;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const std::string number = r.return_number.empty() ? std::to_string(r.return_id) : r.return_number;
    if (selectable("returns.row." + std::to_string(r.return_id), number, slice.open == r.return_id,
                   ImGuiSelectableFlags_SpanAllColumns))
      actions.push(app::SelectReturn{slice.open == r.return_id ? 0 : r.return_id});
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.posting_number.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.product_name.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(core::format_amount(r.price).c_str());
    ImGui::TableNextColumn();
    const std::string group(core::rfbs_group_of(r));
    const bool refused = !row.refusal.empty() && !screen.pending_for(r.return_id);
    ImGui::TextColored(refused ? palette::error : ImGui::GetStyleColorVec4(ImGuiCol_Text), "%s",
                       app.tr("returns.group." + group));
  }
  ImGui::EndTable();
  if (slice.rfbs_more && button(app, "returns.more", {.enabled = !slice.rfbs_loading}))
    actions.push(app::LoadMoreRfbs{});
}

// The inputs and button of one answer (only the answers Ozon allows now are drawn).
void draw_answer(const app::App& app, const app::RfbsRow& row, RfbsAction action, const RfbsInputs& typed,
                 bool busy, app::ActionQueue& actions) {
  const auto& r = row.data;
  RfbsInputs edited = typed;
  bool changed = false;
  const float field = ImGui::GetFontSize() * 14;
  switch (action) {
    case RfbsAction::verify:
      ImGui::SetNextItemWidth(field);
      changed = input_text(app, "returns.method", edited.method, {.hint = app.tr("returns.method_hint")});
      ImGui::SameLine();
      break;
    case RfbsAction::reject: {
      const core::RfbsRejectionReason* chosen = nullptr;
      for (const auto& reason : r.rejection_reasons)
        if (reason.id == typed.reason_id) chosen = &reason;
      ImGui::SetNextItemWidth(field);
      const std::string preview = chosen ? chosen->name : std::string(app.tr("returns.reason_choose"));
      combo("returns.reason", preview.c_str(), [&] {
        for (const auto& reason : r.rejection_reasons)
          if (selectable("returns.reason." + std::to_string(reason.id), reason.name, reason.id == typed.reason_id)) {
            edited.reason_id = reason.id;
            changed = true;
          }
      });
      if (chosen && !chosen->hint.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", chosen->hint.c_str());
        ImGui::PopTextWrapPos();
      }
      ImGui::SetNextItemWidth(field);
      const char* hint = chosen && chosen->comment_required ? app.tr("returns.comment_required_hint")
                                                            : app.tr("returns.comment_hint");
      changed = input_text(app, "returns.comment", edited.comment, {.hint = hint}) || changed;
      ImGui::SameLine();
      break;
    }
    case RfbsAction::receive: break;
    case RfbsAction::return_money:
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
      changed = input_text(app, "returns.postage", edited.postage, {.hint = app.tr("returns.postage_hint")});
      ImGui::SameLine();
      break;
    case RfbsAction::compensate:
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
      changed = input_text(app, "returns.amount", edited.amount, {.hint = app.tr("returns.amount_hint")});
      ImGui::SameLine();
      break;
  }
  if (changed) actions.push(app::EditRfbsInputs{r.return_id, edited});
  const std::string key = "returns.action." + std::string(core::rfbs_action_name(action));
  const std::string label = action_label(app, action);
  if (button(app, key, {.text = label.c_str(), .enabled = !busy, .danger = action == RfbsAction::reject}))
    actions.push(app::AnswerReturn{r.return_id, action});
  if (action == RfbsAction::compensate && r.price.minor > 0) {
    ImGui::SameLine();
    ImGui::TextDisabled(app.tr("returns.amount_max"), core::format_amount(r.price).c_str());
  }
}

void draw_detail(const app::App& app, const app::ReturnsScreen& screen, app::ActionQueue& actions) {
  const app::RfbsRow* row = screen.find(screen.slice().open);
  if (!row) return;
  const auto& r = row->data;
  const std::string title = std::string(app.tr("returns.request")) + " " + r.return_number;
  ImGui::SeparatorText(title.c_str());
  ImGui::Text("%s %s", app.tr("returns.col.posting"), r.posting_number.c_str());
  ImGui::SameLine();
  draw_links(app, "rfbs." + std::to_string(r.return_id), r.posting_number, actions);
  ImGui::Text("%s: %s (%s)", app.tr("returns.col.product"), r.product_name.c_str(), core::format_amount(r.price).c_str());
  const std::string group(core::rfbs_group_of(r));
  ImGui::Text("%s: %s — %s", app.tr("returns.col.state"), app.tr("returns.group." + group), r.state_name.c_str());
  if (!r.money_return_state_name.empty()) ImGui::TextDisabled("%s", r.money_return_state_name.c_str());
  if (row->reading) ImGui::TextDisabled("%s", app.tr("returns.reading"));
  if (r.detailed) {
    ImGui::PushTextWrapPos(0);
    ImGui::Text("%s: %s", app.tr("returns.reason"), r.return_reason_name.c_str());
    if (r.is_defect) {
      ImGui::SameLine();
      ImGui::TextColored(palette::attention, "%s", app.tr("returns.defect"));
    }
    if (!r.comment.empty()) ImGui::Text("%s: %s", app.tr("returns.buyer_comment"), r.comment.c_str());
    if (!r.return_method_description.empty())
      ImGui::Text("%s: %s", app.tr("returns.method_label"), r.return_method_description.c_str());
    if (!r.rejection_comment.empty())
      ImGui::Text("%s: %s", app.tr("returns.rejection_comment"), r.rejection_comment.c_str());
    ImGui::Text(app.tr("returns.photos"), static_cast<int>(r.client_photos.size()));
    for (std::size_t i = 0; i < r.client_photos.size(); ++i) {
      ImGui::TextDisabled("%s", r.client_photos[i].c_str());
      ImGui::SameLine();
      if (small_button(app, "returns.copy_photo." + std::to_string(i), {.text = app.tr("returns.copy")}))
        actions.push(app::CopyText{r.client_photos[i]});
    }
    ImGui::PopTextWrapPos();
  }
  draw_progress(app, screen, *row);
  if (!row->input_error.empty()) ImGui::TextColored(palette::error, "%s", app.tr(row->input_error));
  const auto allowed = core::allowed_rfbs_actions(group);
  if (allowed.empty()) {
    ImGui::TextDisabled("%s", app.tr("returns.no_actions"));
    return;
  }
  const bool busy = screen.pending_for(r.return_id) != nullptr || row->reading;
  const RfbsInputs& typed = screen.inputs_for(r.return_id);
  for (const auto action : allowed) {
    // Rejecting needs the request's reasons (/get): until they are read there is nothing to choose.
    if (action == RfbsAction::reject && !r.detailed) continue;
    draw_answer(app, *row, action, typed, busy, actions);
  }
}

void draw_fbs(const app::App& app, const app::ReturnsSlice& slice, app::ActionQueue& actions) {
  app::FbsFilter filter = slice.fbs_filter;
  bool changed = false;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  const std::string preview = status_label(app, filter.status);
  combo("returns.fbs_status", preview.c_str(), [&] {
    for (const char* status : kFbsStatuses)
      if (selectable(std::string("returns.fbs_status.pick.") + status, status_label(app, status), filter.status == status)) {
        filter.status = status;
        changed = true;
      }
  });
  ImGui::SameLine();
  draw_dates(app, "returns.changed_from", "returns.changed_to", filter.from_text, filter.to_text, changed);
  if (changed) actions.push(app::SetFbsFilter{filter});
  ImGui::SameLine();
  if (button(app, "returns.fbs_apply", {.text = app.tr("returns.apply")})) actions.push(app::ApplyFbsFilter{});
  if (slice.fbs.empty()) {
    if (slice.fbs_loaded) ImGui::TextDisabled("%s", app.tr("returns.fbs_empty"));
    return;
  }
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##fbs_returns", 7, flags, ImVec2(0, ImGui::GetFontSize() * 20))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(app.tr("returns.col.posting"), ImGuiTableColumnFlags_None, 1.1f);
  ImGui::TableSetupColumn(app.tr("returns.col.product"), ImGuiTableColumnFlags_None, 2.0f);
  ImGui::TableSetupColumn(app.tr("returns.col.quantity"), ImGuiTableColumnFlags_None, 0.4f);
  ImGui::TableSetupColumn(app.tr("returns.reason"), ImGuiTableColumnFlags_None, 1.6f);
  ImGui::TableSetupColumn(app.tr("returns.col.status"), ImGuiTableColumnFlags_None, 1.1f);
  ImGui::TableSetupColumn(app.tr("returns.col.place"), ImGuiTableColumnFlags_None, 1.1f);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_None, 1.2f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(slice.fbs.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const auto& item = slice.fbs[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(item.posting_number.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(item.product_name.empty() ? std::to_string(item.sku).c_str() : item.product_name.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(item.quantity));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(item.return_reason_name.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(item.status_display.empty() ? item.status_name.c_str() : item.status_display.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(item.place_name.c_str());
      ImGui::TableNextColumn();
      draw_links(app, "fbs." + std::to_string(item.id), item.posting_number, actions);
    }
  ImGui::EndTable();
  if (slice.fbs_more && button(app, "returns.fbs_more", {.text = app.tr("returns.more"), .enabled = !slice.fbs_loading}))
    actions.push(app::LoadMoreFbs{});
}

void draw_returns_view(const app::App& app, app::ActionQueue& actions) {
  const auto& screen = app.feature<app::ReturnsScreen>();
  const auto& slice = screen.slice();
  draw_header(app, slice, actions);
  if (slice.tab == "fbs") return draw_fbs(app, slice, actions);
  draw_rfbs_filters(app, slice, actions);
  draw_rfbs_table(app, screen, actions);
  draw_detail(app, screen, actions);
}

[[maybe_unused]] const bool registered = register_screen_view({.id = "returns", .draw = &draw_returns_view, .help = {}});

}  // namespace
}  // namespace ui
