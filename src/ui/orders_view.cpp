// The orders screen: stage tabs with live counts, search and filters, the
// deadline-first table (clipped: smooth with 100,000 postings) with
// multi-select, and the posting detail beside it.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>
#include <string>
#include <tuple>

#include "core/deadline.h"
#include "ui/automation.h"
#include "ui/fonts.h"
#include "ui/format.h"
#include "ui/notice.h"
#include "ui/layout.h"
#include "ui/palette.h"
#include "ui/posting_detail.h"
#include "ui/screen_registry.h"
#include "ui/views.h"
#include "ui/widget_id.h"
#include "app/orders_screen.h"
#include "app/stores_screen.h"
#include "ui/widgets.h"

namespace ui {
namespace {

constexpr core::Stage kTabs[] = {core::Stage::awaiting_packaging, core::Stage::awaiting_shipment,
                                 core::Stage::delivering,         core::Stage::delivered,
                                 core::Stage::cancelled,          core::Stage::disputed};


std::string fill_minutes(const char* text, long minutes) {
  return app::fill_placeholders(text, {{"n", std::to_string(minutes)}});
}

// The postings of the stores the list shows.
std::size_t shown_count(const app::App& app) {
  const auto& orders = app.state().orders;
  std::size_t count = 0;
  for (const auto& c : orders.list.store_counts())
    if (orders.all_stores || c.store_id == app.state().stores.active_id) count += static_cast<std::size_t>(c.total);
  return count;
}

// A store's name as the seller knows it (the demo store's, translated).
const char* store_name(const app::App& app, const std::string& store_id) {
  for (const auto& feed : app.state().orders.stores)
    if (feed.store_id == store_id) return feed.name.empty() ? app.tr("store.demo") : feed.name.c_str();
  return store_id.c_str();
}

// Auto-refresh, "All stores", and in that view one chip per store: its
// postings in this tab, when it was last refreshed, its error.
void draw_store_bar(const app::App& app, app::ActionQueue& actions) {
  const auto& orders = app.state().orders;
  constexpr int kMinutes[] = {0, 1, 3, 5, 10, 15, 30};
  const long current = static_cast<long>(orders.refresh_interval_ms / 60'000);
  std::string preview = current == 0 ? app.tr("orders.refresh_manual")
                                     : fill_minutes(app.tr("orders.refresh_every"), current);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  combo("orders.refresh_interval", preview.c_str(), [&] {
    for (const int minutes : kMinutes) {
      const std::string label = minutes == 0 ? app.tr("orders.refresh_manual") : fill_minutes(app.tr("orders.refresh_every"), minutes);
      if (ImGui::Selectable(label.c_str(), minutes == current)) actions.push(app::SetRefreshInterval{minutes});
    }
  });
  if (orders.stores.size() > 1) {
    ImGui::SameLine();
    bool all = orders.all_stores;
    if (checkbox(app, "orders.all_stores", all)) actions.push(app::SetAllStores{all});
  }
  if (orders.changes.count() > 0) {
    ImGui::SameLine();
    ImGui::TextColored(palette::attention, app.tr("orders.changes"),
                       static_cast<int>(orders.changes.count(core::ChangeKind::new_posting)),
                       static_cast<int>(orders.changes.count(core::ChangeKind::status_changed)),
                       static_cast<int>(orders.changes.count(core::ChangeKind::cancelled)));
    ImGui::SameLine();
    if (small_button(app, "orders.changes_seen")) actions.push(app::MarkChangesSeen{});
  }
  if (!orders.all_stores || orders.stores.size() < 2) return;
  for (const auto& feed : orders.stores) {
    int in_tab = 0;
    for (const auto& count : orders.list.store_counts())
      if (count.store_id == feed.store_id) in_tab = count.in_tab;
    std::string text = std::string(store_name(app, feed.store_id)) + " (" + std::to_string(in_tab) + ")";
    if (feed.loading) text += " \xE2\x80\xA6";
    else if (feed.as_of != 0) text += " " + format_local_clock(feed.as_of);
    // A click shows that store alone.
    if (small_button(app, "orders.store." + feed.store_id, {.text = text.c_str(), .danger = !feed.error.empty()})) {
      actions.push(app::SelectStore{feed.store_id});
      actions.push(app::SetAllStores{false});
    }
    if (!feed.error.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.notice_text(feed.error).c_str());
    ImGui::SameLine();
  }
  ImGui::NewLine();
  for (const auto& feed : orders.stores)
    if (!feed.error.empty()) {
      ImGui::TextColored(palette::error, "%s:", store_name(app, feed.store_id));
      ImGui::SameLine();
      draw_notice(app, feed.error);
    }
}

void draw_tabs(const app::App& app, app::ActionQueue& actions) {
  const auto& list = app.state().orders.list;
  auto tab_text = [&](core::Stage stage) {
    return std::string(app.tr("tab." + std::string(core::stage_name(stage)))) + " (" +
           std::to_string(list.tab_counts()[static_cast<std::size_t>(stage)]) + ")";
  };
  if (compact_layout()) {  // the phone: one combo, not a row of buttons wider than the screen
    ImGui::SetNextItemWidth(-1);
    combo("orders.tab", tab_text(list.query().tab).c_str(), [&] {
      for (core::Stage stage : kTabs)
        if (selectable("orders.tab." + std::string(core::stage_name(stage)), tab_text(stage), list.query().tab == stage))
          actions.push(app::SelectTab{stage});
    });
    return;
  }
  for (core::Stage stage : kTabs) {
    const std::string name(core::stage_name(stage));
    const bool current = list.query().tab == stage;
    const std::string text = std::string(app.tr("tab." + name)) + " (" +
                             std::to_string(list.tab_counts()[static_cast<std::size_t>(stage)]) + ")";
    if (button(app, "orders.tab." + name, {.text = text.c_str(), .current = current}))
      actions.push(app::SelectTab{stage});
    ImGui::SameLine();
  }
  ImGui::NewLine();
}

void draw_filters(const app::App& app, app::ActionQueue& actions) {
  const auto& state = app.state();
  const auto& list = state.orders.list;
  core::OrderQuery filters = list.query();
  bool changed = false;

  // The phone: the search on its own line, the other filters folded away.
  const bool compact = compact_layout();
  const auto next = [compact] {
    if (!compact) ImGui::SameLine();
  };
  ImGui::SetNextItemWidth(compact ? -1.0f : ImGui::GetFontSize() * 16);
  std::string search = filters.search;
  if (input_text(app, "orders.search", search, {.hint = app.tr("orders.search_hint")}))
    actions.push(app::SetSearch{search});
  if (state.orders.focus_search) ImGui::SetKeyboardFocusHere(-1);
  if (compact && !ImGui::TreeNode(hidden_id(app.tr("orders.more_filters"), "orders.more_filters").c_str())) return;

  next();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  const char* schemas[] = {app.tr("orders.schema.any"), "FBS", "rFBS"};
  int schema = static_cast<int>(filters.schema);
  if (combo("orders.filter.schema", schema, schemas, 3)) {
    filters.schema = static_cast<core::OrderQuery::Schema>(schema);
    changed = true;
  }

  auto option_combo = [&](std::string_view key, const char* all_key, const std::vector<core::FilterOption>& options,
                          std::vector<std::int64_t>& chosen) {
    next();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    std::string preview = app.tr(all_key);
    for (const auto& option : options)
      if (!chosen.empty() && chosen.front() == option.id) preview = option.name;
    combo(key, preview.c_str(), [&] {
      if (ImGui::Selectable(app.tr(all_key), chosen.empty())) {
        chosen.clear();
        changed = true;
      }
      for (const auto& option : options) {
        const std::string label = option.name + " (" + std::to_string(option.count) + ")##" + std::to_string(option.id);
        if (ImGui::Selectable(label.c_str(), !chosen.empty() && chosen.front() == option.id)) {
          chosen = {option.id};
          changed = true;
        }
      }
    });
  };
  option_combo("orders.filter.warehouse", "orders.all_warehouses", list.warehouses(), filters.warehouse_ids);
  option_combo("orders.filter.method", "orders.all_methods", list.delivery_methods(), filters.delivery_method_ids);

  next();
  changed |= checkbox(app, "orders.filter.marking", filters.needs_marking_or_gtd_only);
  next();
  changed |= checkbox(app, "orders.filter.express", filters.express_only);
  if (changed) actions.push(app::SetFilters{filters});
  if (compact) ImGui::TreePop();
}

void draw_selection_bar(const app::App& app, app::ActionQueue& actions) {
  const auto& orders = app.state().orders;
  if (button(app, "orders.select_all")) actions.push(app::SelectAllFiltered{});
  // Everything up to the tracking paste works on the selection.
  ImGui::BeginDisabled(orders.selection.empty());
  if (next_button(app, "orders.clear_selection")) actions.push(app::ClearSelection{});
  if (next_button(app, "orders.batch_ship")) actions.push(app::BatchShipSelected{});
  if (next_button(app, "orders.print_labels")) actions.push(app::PrintLabels{true});
  if (next_button(app, "orders.mark_delivering")) actions.push(app::MarkDelivery{app::DeliveryStep::delivering, true});
  if (next_button(app, "orders.mark_last_mile")) actions.push(app::MarkDelivery{app::DeliveryStep::last_mile, true});
  if (next_button(app, "orders.mark_delivered")) actions.push(app::MarkDelivery{app::DeliveryStep::delivered, true});
  ImGui::EndDisabled();
  if (next_button(app, "orders.paste_tracking")) actions.push(app::OpenTrackingPaste{!orders.tracking_paste.open});
  // The counts end the row; on a phone they wrap rather than run off its edge.
  char text[96];
  std::snprintf(text, sizeof text, app.tr("orders.selected"), static_cast<int>(orders.selection.count()),
                static_cast<int>(orders.list.visible_count()));
  next_text(ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), text);
  const auto& risk = orders.list.risk_counts();
  if (risk.overdue + risk.under_2h + risk.today > 0) {
    for (const auto& [level, key, count] : {std::tuple{core::Risk::overdue, "orders.risk_overdue", risk.overdue},
                                            std::tuple{core::Risk::under_2h, "orders.risk_under_2h", risk.under_2h},
                                            std::tuple{core::Risk::today, "orders.risk_today", risk.today}}) {
      std::snprintf(text, sizeof text, app.tr(key), count);
      next_text(palette::risk(level), text);
      automation::tag(key);
    }
  }
  if (orders.batch_pending > 0) {
    ImGui::SameLine();
    ImGui::TextDisabled(app.tr("orders.batch_pending"), orders.batch_pending);
  } else if (!orders.batch_failed.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(palette::risk(core::Risk::overdue), app.tr("orders.batch_failed"),
                       static_cast<int>(orders.batch_failed.size()));
  }
}

// Tracking numbers for many rFBS postings, pasted as two spreadsheet columns:
// a preview of what will be sent and what was skipped, then one action.
void draw_tracking_paste(const app::App& app, app::ActionQueue& actions) {
  const auto& paste = app.state().orders.tracking_paste;
  if (!paste.open) return;
  using State = app::OrdersSlice::TrackingPaste::State;
  ImGui::SeparatorText(app.tr("paste.title"));
  std::string text = paste.text;
  ImGui::BeginDisabled(paste.state == State::sending);
  if (input_multiline("paste.text", text, ImVec2(-1, ImGui::GetFontSize() * 6)))
    actions.push(app::EditTrackingPaste{text});
  ImGui::EndDisabled();
  if (paste.text.empty()) ImGui::TextDisabled("%s", app.tr("paste.hint"));
  ImGui::TextColored(palette::ok, app.tr("paste.ready"), static_cast<int>(paste.rows.size()));
  int skipped = 0;
  for (const auto& problem : paste.problems) skipped += problem.severity == core::TrackingSeverity::error;
  if (skipped > 0) {
    ImGui::SameLine();
    ImGui::TextColored(palette::risk(core::Risk::overdue), app.tr("paste.problems"), skipped);
  }
  constexpr std::size_t kShownProblems = 6;
  for (std::size_t i = 0; i < paste.problems.size() && i < kShownProblems; ++i) {
    const auto& problem = paste.problems[i];
    char line[48];
    std::snprintf(line, sizeof line, app.tr("paste.line"), problem.line);
    ImGui::TextDisabled("%s: %s  %s", line, app.tr("paste.problem." + std::string(core::to_string(problem.kind))),
                        problem.text.c_str());
  }
  if (!paste.not_settable.empty()) {
    std::string numbers;
    for (const auto& n : paste.not_settable) numbers += (numbers.empty() ? "" : ", ") + n;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(palette::risk(core::Risk::today), app.tr("paste.not_settable"), numbers.c_str());
    ImGui::PopTextWrapPos();
  }
  if (button(app, "paste.send", {.enabled = !paste.rows.empty() && paste.state != State::sending}))
    actions.push(app::SendTrackingPaste{});
  ImGui::SameLine();
  if (button(app, "paste.close")) actions.push(app::OpenTrackingPaste{false});
  if (paste.state == State::sending) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", app.tr("paste.sending"));
  } else if (paste.state == State::done) {
    ImGui::SameLine();
    ImGui::TextColored(palette::ok, app.tr("paste.done"), paste.sent);
  }
  for (const auto& refusal : paste.refused) ImGui::TextColored(palette::risk(core::Risk::overdue), "%s", refusal.c_str());
  draw_notice(app, paste.error);
}

void draw_labels_status(const app::App& app, app::ActionQueue& actions) {
  const auto& labels = app.state().labels;
  if (labels.jobs.empty() && labels.error.empty()) return;
  if (labels.moved_on && !labels.running) return;  // another batch's news
  if (labels.running) {
    ImGui::TextDisabled(app.tr("labels.progress"), static_cast<int>(labels.progress.finished()),
                        static_cast<int>(labels.progress.total));
    if (labels.retry_in_ms) {
      ImGui::SameLine();
      ImGui::TextColored(palette::risk(core::Risk::today), app.tr("labels.not_ready"),
                         static_cast<int>((*labels.retry_in_ms + 999) / 1000));
    }
  }
  if (labels.document_ready && !labels.document_opened) {
    ImGui::TextColored(palette::ok, app.tr("labels.ready"), static_cast<int>(labels.progress.succeeded));
    ImGui::SameLine();
    if (button(app, "labels.open")) actions.push(app::OpenDocument{false});
    ImGui::SameLine();
    if (button(app, "labels.save")) actions.push(app::OpenDocument{true});
  }
  for (const auto& failure : labels.failed)
    ImGui::TextColored(palette::risk(core::Risk::overdue), "%s: %s", failure.posting_number.c_str(),
                       failure.message.c_str());
  draw_notice(app, labels.error);
}

// Column index -> sort key; the table's sort specs map onto the query.
constexpr core::OrderSortKey kColumnSort[] = {
    core::OrderSortKey::posting_number, core::OrderSortKey::deadline, core::OrderSortKey::status,
    core::OrderSortKey::warehouse,      core::OrderSortKey::delivery_method, core::OrderSortKey::items};

void draw_table(const app::App& app, app::ActionQueue& actions) {
  const auto& orders = app.state().orders;
  const auto& list = orders.list;
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable |
                                    ImGuiTableFlags_SizingStretchProp;
  const bool store_column = orders.all_stores;
  if (!ImGui::BeginTable("##orders", store_column ? 7 : 6, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(app.tr("orders.col.posting"), ImGuiTableColumnFlags_None, 1.3f);
  ImGui::TableSetupColumn(app.tr("orders.col.ship_by"), ImGuiTableColumnFlags_DefaultSort, 1.0f);
  ImGui::TableSetupColumn(app.tr("orders.col.status"), ImGuiTableColumnFlags_None, 1.1f);
  ImGui::TableSetupColumn(app.tr("orders.col.warehouse"), ImGuiTableColumnFlags_None, 1.4f);
  ImGui::TableSetupColumn(app.tr("orders.col.delivery"), ImGuiTableColumnFlags_None, 1.6f);
  ImGui::TableSetupColumn(app.tr("orders.col.items"), ImGuiTableColumnFlags_None, 0.4f);
  if (store_column) ImGui::TableSetupColumn(app.tr("orders.col.store"), ImGuiTableColumnFlags_NoSort, 1.0f);
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0) {
      const auto& spec = specs->Specs[0];
      const auto key = kColumnSort[spec.ColumnIndex];
      const bool ascending = spec.SortDirection != ImGuiSortDirection_Descending;
      if (key != list.query().sort_key || ascending != list.query().ascending)
        actions.push(app::SetSort{key, ascending});
    }
    specs->SpecsDirty = false;
  }

  const core::EpochMs now = app.now();
  const ImGuiIO& io = ImGui::GetIO();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(list.visible_count()));
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const auto index = static_cast<std::size_t>(row);
      const auto& posting = list.at(index);
      const core::Risk risk = list.risk_at(index);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const bool selected = orders.selection.contains(posting.posting_number);
      ImGui::PushID(row);
      if (selectable("orders.row." + posting.posting_number, posting.posting_number,
                     selected || posting.posting_number == orders.open, ImGuiSelectableFlags_SpanAllColumns))
        actions.push(app::ClickRow{index, io.KeyCtrl || io.KeySuper, io.KeyShift});
      ImGui::PopID();
      // What changed since the seller last looked, until they open it.
      if (const auto change = orders.changes.mark(posting.posting_number); change != core::ChangeKind::none) {
        ImGui::SameLine();
        ImGui::TextColored(change == core::ChangeKind::cancelled ? palette::error : palette::attention, "%s",
                           app.tr("orders.change." + std::string(core::change_kind_name(change))));
      }
      ImGui::TableNextColumn();
      if (risk != core::Risk::none)
        ImGui::TextColored(palette::risk(risk), "%s", core::format_countdown(posting.shipment_date - now).c_str());
      else
        ImGui::TextDisabled("%s", format_local_time(posting.shipment_date).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(app.tr("status." + std::string(core::to_string(posting.status))));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(posting.delivery_method.warehouse.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(posting.delivery_method.name.c_str());
      ImGui::TableNextColumn();
      long items = 0;
      for (const auto& product : posting.products) items += static_cast<long>(product.quantity);
      ImGui::Text("%ld", items);
      if (store_column) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(store_name(app, posting.store_id));
      }
    }
  }
  ImGui::EndTable();
}

// The phone: one card per posting (number, countdown, items, status), a
// finger's height or more, scrolled by dragging.
void draw_cards(const app::App& app, app::ActionQueue& actions) {
  const auto& orders = app.state().orders;
  const auto& list = orders.list;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float card = line * 3 + style.FramePadding.y * 4;
  const core::EpochMs now = app.now();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(list.visible_count()), card + style.ItemSpacing.y);
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const auto index = static_cast<std::size_t>(row);
      const auto& posting = list.at(index);
      const ImVec2 top = ImGui::GetCursorPos();
      ImGui::PushID(row);
      const bool selected = orders.selection.contains(posting.posting_number) || posting.posting_number == orders.open;
      if (ImGui::Selectable(hidden_id("", "orders.row." + posting.posting_number).c_str(), selected,
                            ImGuiSelectableFlags_AllowOverlap, ImVec2(0, card)))
        actions.push(app::ClickRow{index, false, false});
      automation::tag("orders.row." + posting.posting_number);
      ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                          ImGui::GetColorU32(ImGuiCol_Border), style.FrameRounding);
      ImGui::PopID();
      const float pad = style.FramePadding.x;
      ImGui::SetCursorPos(ImVec2(top.x + pad, top.y + style.FramePadding.y));
      ImGui::TextUnformatted(posting.posting_number.c_str());
      ImGui::SameLine();
      const core::Risk risk = list.risk_at(index);
      if (risk != core::Risk::none)
        ImGui::TextColored(palette::risk(risk), "%s", core::format_countdown(posting.shipment_date - now).c_str());
      else
        ImGui::TextDisabled("%s", format_local_time(posting.shipment_date).c_str());
      ImGui::SetCursorPos(ImVec2(top.x + pad, ImGui::GetCursorPosY()));
      std::string items;
      for (const auto& product : posting.products)
        items.append(items.empty() ? "" : " \u00B7 ").append(std::to_string(product.quantity) + " \u00D7 " + product.name.str());
      note_glyphs(items);
      ImGui::PushClipRect(ImGui::GetCursorScreenPos(),
                          ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - pad, ImGui::GetCursorScreenPos().y + line),
                          true);
      ImGui::TextUnformatted(items.c_str());
      ImGui::PopClipRect();
      ImGui::SetCursorPos(ImVec2(top.x + pad, ImGui::GetCursorPosY()));
      ImGui::TextDisabled("%s \u00B7 %s", app.tr("status." + std::string(core::to_string(posting.status))),
                          posting.delivery_method.name.c_str());
      ImGui::SetCursorPos(ImVec2(top.x, top.y + card + style.ItemSpacing.y));
    }
  }
}

}  // namespace

void draw_orders_view(const app::App& app, app::ActionQueue& actions) {
  const auto& state = app.state();
  const auto& orders = state.orders;
  if (!state.embedding.refused.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(palette::error, app.tr(state.embedding.refused), state.embedding.refused_detail.c_str());
    ImGui::PopTextWrapPos();
    return;
  }
  if (!state.embedding.origin.empty() && !state.embedding.configured) {
    ImGui::TextDisabled("%s", app.tr("orders.waiting_portal"));
    return;
  }
  if (button(app, "orders.refresh", {.enabled = !orders.loading})) actions.push(app::RefreshOrders{});
  ImGui::SameLine();
  if (orders.loading) {
    ImGui::TextDisabled("%s", app.tr("orders.loading"));
  } else if (orders.as_of != 0) {
    ImGui::TextDisabled(app.tr("orders.summary"), static_cast<int>(shown_count(app)),
                        format_local_clock(orders.as_of).c_str());
    if (orders.from_cache) {
      ImGui::SameLine();
      ImGui::TextColored(palette::attention, "%s", app.tr("orders.cached"));
    }
  }
  const bool compact = compact_layout();
  if (!compact) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", app.tr("orders.shortcuts_hint"));
  }
  if (!orders.all_stores) draw_notice(app, orders.error);  // all stores: each under its chip
  draw_store_bar(app, actions);
  draw_needs_attention(app, actions);
  draw_tabs(app, actions);
  draw_filters(app, actions);
  draw_selection_bar(app, actions);
  draw_tracking_paste(app, actions);
  draw_labels_status(app, actions);

  const bool detail = !orders.open.empty();
  if (compact) {  // one column: the cards, or the open posting full screen
    if (detail) {
      ImGui::BeginChild("##detail", ImVec2(0, 0), true);
      TouchTargets touch(true);
      draw_posting_detail(app, actions);
      touch_scroll();
    } else {
      ImGui::BeginChild("##cards", ImVec2(0, 0));
      draw_cards(app, actions);
      touch_scroll();
    }
    ImGui::EndChild();
    return;
  }
  const float detail_width = detail ? std::max(ImGui::GetFontSize() * 26, ImGui::GetContentRegionAvail().x * 0.4f) : 0;
  ImGui::BeginChild("##table", ImVec2(detail ? -detail_width : 0, 0));
  draw_table(app, actions);
  ImGui::EndChild();
  if (detail) {
    ImGui::SameLine();
    ImGui::BeginChild("##detail", ImVec2(0, 0), true);
    draw_posting_detail(app, actions);
    ImGui::EndChild();
  }
}

namespace {

// Keyboard first: these work wherever the seller is on the orders screen;
// letters only while no text field has the keyboard.
void orders_shortcuts(const app::App& app, app::ActionQueue& actions) {
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsKeyPressed(ImGuiKey_F2, false)) actions.push(app::FocusScan{});
  if (io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Enter, false)) actions.push(app::ShipOpenPosting{});
  if (io.WantTextInput) return;
  if (ImGui::IsKeyPressed(ImGuiKey_J)) actions.push(app::OpenNeighbour{+1});
  if (ImGui::IsKeyPressed(ImGuiKey_K)) actions.push(app::OpenNeighbour{-1});
  if (ImGui::IsKeyPressed(ImGuiKey_Slash, false)) actions.push(app::FocusSearch{});
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) actions.push(app::ClosePosting{});
  if (io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_A, false)) actions.push(app::SelectAllFiltered{});
  // Not Ctrl+P: the browser keeps that for its own print dialog.
  if (!io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_L, false))
    actions.push(app::PrintLabels{!app.state().orders.selection.empty()});
}

[[maybe_unused]] const bool registered = register_screen_view({
    .id = "orders",
    .draw = &draw_orders_view,
    .shortcuts = &orders_shortcuts,
    .help = {{"J / K", "help.next_prev"},
             {"/", "help.search"},
             {"F2", "help.scan"},
             {"Ctrl+Enter", "help.ship"},
             {"L", "help.print_labels"},
             {"Ctrl+A", "help.select_all"},
             {"Esc", "help.close_detail"},
             {"Ctrl / Shift + click", "help.multi_select"}},
});

}  // namespace

}  // namespace ui
