// The Stock screen: stock per product and warehouse with the seller's
// edits, pasted stock with its preview, shortages with their postings, the
// "to reorder" list, and the selected product's notes for packing. Also the
// top bar's low/zero counts and the stock lines of the posting detail.
#include "ui/stock_view.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/orders_screen.h"
#include "app/stock_screen.h"
#include "core/money.h"
#include "ui/fonts.h"
#include "ui/format.h"
#include "ui/notice.h"
#include "ui/palette.h"
#include "ui/product_picture.h"
#include "ui/screen_registry.h"
#include "ui/widget_id.h"
#include "ui/widgets.h"

namespace ui {
namespace {

using app::StockEditState;

const app::StockSlice& stock_of(const app::App& app) { return app.feature<app::StockScreen>().slice(); }

std::string warehouse_name(const app::StockSlice& stock, std::int64_t id) {
  const auto& ids = stock.table.warehouse_ids();
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (ids[i] == id) return stock.table.warehouse_names()[i];
  return std::to_string(id);
}

// A posting number that opens the posting on the orders screen.
void posting_link(const app::App& app, const std::string& number, app::ActionQueue& actions) {
  if (small_button(app, "stock.posting." + number, {.text = number.c_str()})) {
    actions.push(app::ShowView{"orders"});
    actions.push(app::OpenPosting{number});
  }
}

void draw_header(const app::App& app, const app::StockSlice& stock, app::ActionQueue& actions) {
  if (button(app, "stock.refresh", {.enabled = !stock.loading})) actions.push(app::RefreshStock{});
  ImGui::SameLine();
  if (stock.loading) ImGui::TextDisabled("%s", app.tr("stock.loading"));
  else if (stock.loaded)
    ImGui::TextDisabled(app.tr("stock.summary"), static_cast<int>(stock.table.products().size()),
                        static_cast<int>(stock.table.warehouse_ids().size()), format_local_clock(stock.as_of).c_str());
  if (stock.from_cache) {
    ImGui::SameLine();
    ImGui::TextColored(palette::attention, "%s", app.tr("orders.cached"));
  }
  int drafts = 0, pushing = 0, refused = 0;
  for (const auto& [pair, edit] : stock.edits) {
    if (edit.state == StockEditState::State::draft) ++drafts;
    else if (edit.state == StockEditState::State::pushing) ++pushing;
    else ++refused;
  }
  ImGui::SameLine();
  const std::string push = std::string(app.tr("stock.push")) + " (" + std::to_string(drafts + refused) + ")";
  if (button(app, "stock.push", {.text = push.c_str(), .enabled = drafts + refused > 0})) actions.push(app::PushStock{});
  ImGui::SameLine();
  if (button(app, "stock.discard", {.enabled = drafts + refused > 0})) actions.push(app::DiscardStockEdits{});
  ImGui::SameLine();
  if (button(app, "stock.paste", {.current = stock.paste_open})) actions.push(app::OpenStockPaste{true});
  if (pushing > 0) {
    ImGui::SameLine();
    ImGui::TextColored(palette::attention, app.tr("stock.pushing"), pushing);
  }
  const auto& last = stock.last_push;
  if (last.calls > 0 || !last.errors.empty()) {
    ImGui::TextDisabled(app.tr("stock.last_push"), last.sent, last.calls, last.accepted, last.waiting,
                        static_cast<int>(last.errors.size()));
  }
  draw_notice(app, stock.error);
  for (const char* tab : {"stock", "shortages", "reorder"}) {
    const std::string key = std::string("stock.tab.") + tab;
    std::string text = app.tr(key);
    if (std::string_view(tab) == "shortages") text += " (" + std::to_string(stock.shortages.size()) + ")";
    if (button(app, key, {.text = text.c_str(), .current = stock.tab == tab})) actions.push(app::SetStockTab{tab});
    ImGui::SameLine();
  }
  ImGui::NewLine();
}

void draw_paste(const app::App& app, const app::StockSlice& stock, app::ActionQueue& actions) {
  ImGui::SeparatorText(app.tr("stock.paste_title"));
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", app.tr("stock.paste_help"));
  ImGui::PopTextWrapPos();
  std::string preview = app.tr("stock.paste_no_default");
  if (stock.paste_warehouse != 0) preview = warehouse_name(stock, stock.paste_warehouse);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  std::int64_t chosen = stock.paste_warehouse;
  combo("stock.paste_warehouse", preview.c_str(), [&] {
    if (ImGui::Selectable(app.tr("stock.paste_no_default"), chosen == 0)) chosen = 0;
    for (std::size_t i = 0; i < stock.table.warehouse_ids().size(); ++i) {
      const std::string label = stock.table.warehouse_names()[i] + "##" + std::to_string(i);
      if (ImGui::Selectable(label.c_str(), chosen == stock.table.warehouse_ids()[i])) chosen = stock.table.warehouse_ids()[i];
    }
  });
  std::string text = stock.paste_text;
  const bool typed = input_multiline("stock.paste_text", text, ImVec2(-1, ImGui::GetFontSize() * 6));
  if (typed || chosen != stock.paste_warehouse) actions.push(app::EditStockPaste{text, chosen});
  const auto& paste = stock.paste;
  ImGui::Text(app.tr("stock.paste_counts"), static_cast<int>(paste.lines.size()), static_cast<int>(paste.skipped.size()));
  if (!paste.lines.empty() && ImGui::BeginTable("##paste_lines", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                                                ImVec2(0, ImGui::GetFontSize() * 7))) {
    for (const auto& line : paste.lines) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(line.offer_id.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(warehouse_name(stock, line.warehouse_id).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(line.quantity));
    }
    ImGui::EndTable();
  }
  for (const auto& skipped : paste.skipped)
    ImGui::TextColored(palette::attention, "%d: %s — %s", skipped.line, skipped.text.c_str(),
                       app.tr("stock.skip." + std::string(core::to_string(skipped.reason))));
  if (button(app, "stock.paste_apply", {.enabled = !paste.lines.empty()})) actions.push(app::ApplyStockPaste{});
  ImGui::SameLine();
  if (button(app, "stock.paste_close")) actions.push(app::OpenStockPaste{false});
}

void draw_filters(const app::App& app, const app::StockSlice& stock, app::ActionQueue& actions) {
  core::StockQuery query = stock.query;
  bool changed = false;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  if (input_text(app, "stock.search", query.text, {.hint = app.tr("stock.search_hint")})) changed = true;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  const std::string preview = query.warehouse_id == 0 ? app.tr("stock.all_warehouses") : warehouse_name(stock, query.warehouse_id);
  combo("stock.warehouse", preview.c_str(), [&] {
    if (ImGui::Selectable(app.tr("stock.all_warehouses"), query.warehouse_id == 0)) {
      query.warehouse_id = 0;
      changed = true;
    }
    for (std::size_t i = 0; i < stock.table.warehouse_ids().size(); ++i) {
      const std::string label = stock.table.warehouse_names()[i] + "##" + std::to_string(i);
      if (ImGui::Selectable(label.c_str(), query.warehouse_id == stock.table.warehouse_ids()[i])) {
        query.warehouse_id = stock.table.warehouse_ids()[i];
        changed = true;
      }
    }
  });
  constexpr std::pair<core::StockFilter, const char*> kFilters[] = {{core::StockFilter::all, "all"},
                                                                     {core::StockFilter::short_only, "short"},
                                                                     {core::StockFilter::low, "low"},
                                                                     {core::StockFilter::zero, "zero"}};
  for (const auto& [filter, name] : kFilters) {
    ImGui::SameLine();
    if (radio_button(app, std::string("stock.filter.") + name, query.filter == filter)) {
      query.filter = filter;
      changed = true;
    }
  }
  if (changed) actions.push(app::SetStockQuery{query});
}

constexpr core::StockSortKey kColumnSort[] = {core::StockSortKey::offer_id, core::StockSortKey::name,
                                              core::StockSortKey::warehouse, core::StockSortKey::present,
                                              core::StockSortKey::reserved, core::StockSortKey::free,
                                              core::StockSortKey::demand, core::StockSortKey::short_by};

// The free column: the seller's edit (or Ozon's number), editable in place.
void draw_free_cell(const app::App& app, const app::StockSlice& stock, const core::StockProductInfo& product,
                    std::int64_t warehouse_id, const core::StockLine& line, app::ActionQueue& actions) {
  auto edit = stock.edits.find({product.product_id, warehouse_id});
  long long value = edit != stock.edits.end() ? edit->second.stock : line.free();
  ImGui::SetNextItemWidth(-1);
  const bool edited = edit != stock.edits.end();
  if (edited) {
    const ImVec4 colour = edit->second.state == StockEditState::State::refused ? palette::error
                          : edit->second.state == StockEditState::State::pushing ? palette::attention
                                                                                  : palette::ok;
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
  }
  const std::string key = "stock.cell." + product.offer_id + "." + std::to_string(warehouse_id);
  if (input_count(key, value) && value >= 0)
    actions.push(app::EditStock{product.product_id, warehouse_id, static_cast<std::int64_t>(value)});
  if (edited) ImGui::PopStyleColor();
  if (edited && ImGui::IsItemHovered()) {
    const auto& e = edit->second;
    if (e.state == StockEditState::State::refused) ImGui::SetTooltip("%s\n%s", e.code.c_str(), e.message.c_str());
    else ImGui::SetTooltip(app.tr("stock.edit_tooltip"), static_cast<long long>(line.free()));
  }
}

const char* error_kind(core::StockItemError kind) {
  switch (kind) {
    case core::StockItemError::unknown_offer: return "stock.refused.unknown_offer";
    case core::StockItemError::unknown_warehouse: return "stock.refused.unknown_warehouse";
    case core::StockItemError::too_big: return "stock.refused.too_big";
    case core::StockItemError::too_many_requests: return "stock.refused.too_many_requests";
    case core::StockItemError::none:
    case core::StockItemError::other: break;
  }
  return "stock.refused.other";
}

// The last column: the edit's fate (Ozon's refusal on its own row), else low/zero.
void draw_state_cell(const app::App& app, const app::StockSlice& stock, const core::StockProductInfo& product,
                     std::int64_t warehouse_id, const core::StockLine& line) {
  auto edit = stock.edits.find({product.product_id, warehouse_id});
  if (edit != stock.edits.end()) {
    const auto& e = edit->second;
    switch (e.state) {
      case StockEditState::State::draft: ImGui::TextColored(palette::ok, "%s", app.tr("stock.state.draft")); return;
      case StockEditState::State::pushing:
        ImGui::TextColored(palette::attention, "%s", app.tr("stock.state.pushing"));
        return;
      case StockEditState::State::refused: {
        core::StockItemResult result;
        result.code = e.code;
        ImGui::TextColored(palette::error, "%s", app.tr(error_kind(core::classify_stock_error(result))));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s", e.code.c_str(), e.message.c_str());
        return;
      }
    }
  }
  if (line.free() <= 0) ImGui::TextColored(palette::error, "%s", app.tr("stock.badge.zero"));
  else if (core::line_matches(line, product, core::StockFilter::low))
    ImGui::TextColored(palette::attention, "%s", app.tr("stock.badge.low"));
}

void draw_table(const app::App& app, const app::StockSlice& stock, app::ActionQueue& actions) {
  const auto& table = stock.table;
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable |
                                    ImGuiTableFlags_SizingStretchProp;
  const float detail_height = stock.selected_product != 0 ? ImGui::GetFontSize() * 12 : 0;
  if (!ImGui::BeginTable("##stock", 9, flags, ImVec2(0, -detail_height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(app.tr("stock.col.offer"), ImGuiTableColumnFlags_DefaultSort, 1.2f);
  ImGui::TableSetupColumn(app.tr("stock.col.name"), ImGuiTableColumnFlags_None, 2.6f);
  ImGui::TableSetupColumn(app.tr("stock.col.warehouse"), ImGuiTableColumnFlags_None, 1.3f);
  ImGui::TableSetupColumn(app.tr("stock.col.present"), ImGuiTableColumnFlags_None, 0.6f);
  ImGui::TableSetupColumn(app.tr("stock.col.reserved"), ImGuiTableColumnFlags_None, 0.6f);
  ImGui::TableSetupColumn(app.tr("stock.col.free"), ImGuiTableColumnFlags_None, 0.9f);
  ImGui::TableSetupColumn(app.tr("stock.col.demand"), ImGuiTableColumnFlags_None, 0.6f);
  ImGui::TableSetupColumn(app.tr("stock.col.short"), ImGuiTableColumnFlags_None, 0.6f);
  ImGui::TableSetupColumn(app.tr("stock.col.state"), ImGuiTableColumnFlags_NoSort, 0.9f);
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0 && specs->Specs[0].ColumnIndex < 8) {
      core::StockQuery query = stock.query;
      query.sort = kColumnSort[specs->Specs[0].ColumnIndex];
      query.descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
      if (!(query == stock.query)) actions.push(app::SetStockQuery{query});
    }
    specs->SpecsDirty = false;
  }
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(table.visible().size()));
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const auto& line = table.lines()[table.visible()[static_cast<std::size_t>(row)]];
      const auto& product = table.products()[line.product];
      const std::int64_t warehouse_id = table.warehouse_ids()[line.warehouse];
      ImGui::PushID(row);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (selectable("stock.row." + product.offer_id + "." + std::to_string(warehouse_id), product.offer_id,
                     stock.selected_product == product.product_id))
        actions.push(app::SelectStockProduct{stock.selected_product == product.product_id ? 0 : product.product_id});
      ImGui::TableNextColumn();
      // A row-high picture: the clipper needs every row equally high.
      product_picture(app, {}, product.sku, product.name, ImGui::GetTextLineHeight(),
                      "stock.picture." + product.offer_id + "." + std::to_string(warehouse_id));
      ImGui::SameLine();
      if (!product.own_name.empty()) {
        note_glyphs(product.own_name);  // the seller's own name, often Chinese
        ImGui::TextUnformatted(product.own_name.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s", product.name.c_str());
      } else {
        ImGui::TextUnformatted(product.name.c_str());
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(table.warehouse_names()[line.warehouse].c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(line.present));
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(line.reserved));
      ImGui::TableNextColumn();
      draw_free_cell(app, stock, product, warehouse_id, line, actions);
      ImGui::TableNextColumn();
      if (line.demand > 0) ImGui::Text("%lld", static_cast<long long>(line.demand));
      ImGui::TableNextColumn();
      if (line.short_by > 0) ImGui::TextColored(palette::error, "%lld", static_cast<long long>(line.short_by));
      ImGui::TableNextColumn();
      draw_state_cell(app, stock, product, warehouse_id, line);
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

// The selected product: the seller's own name, packaging and note, and the
// reorder settings.
void draw_product_detail(const app::App& app, const app::StockSlice& stock, app::ActionQueue& actions) {
  const core::StockProductInfo* product = nullptr;
  for (const auto& p : stock.table.products())
    if (p.product_id == stock.selected_product) product = &p;
  if (!product) return;
  ImGui::SeparatorText((product->offer_id + " · " + product->name).c_str());
  auto found = stock.notes.find(product->offer_id);
  app::ProductNote note = found != stock.notes.end() ? found->second : app::ProductNote{};
  bool changed = false;
  const float field = ImGui::GetFontSize() * 12;
  ImGui::SetNextItemWidth(field);
  changed |= input_text(app, "stock.note.own_name", note.own_name, {.labelled = true});
  ImGui::SameLine();
  const char* containers[] = {app.tr("stock.container.none"), app.tr("stock.container.box"),
                              app.tr("stock.container.bag"), app.tr("stock.container.envelope")};
  const char* container_names[] = {"", "box", "bag", "envelope"};
  int container = 0;
  for (int i = 0; i < 4; ++i)
    if (note.packaging.container == container_names[i]) container = i;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  if (combo("stock.note.container", container, containers, 4)) {
    note.packaging.container = container_names[container];
    changed = true;
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  changed |= input_text(app, "stock.note.size", note.packaging.size, {.hint = app.tr("stock.note.size_hint")});
  ImGui::SetNextItemWidth(field);
  changed |= input_text(app, "stock.note.material", note.packaging.material, {.labelled = true});
  ImGui::SameLine();
  changed |= checkbox(app, "stock.note.fragile", note.packaging.fragile);
  ImGui::SameLine();
  long long weight = note.packaging.weight_g;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  if (input_count("stock.note.weight", weight) && weight >= 0 && weight <= 1'000'000) {
    note.packaging.weight_g = static_cast<int>(weight);
    changed = true;
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", app.tr("stock.note.weight"));
  // Costs for the margin (Numbers screen): typed as text ("12.50"), kept in kopecks.
  static std::string unit_cost_text, packaging_cost_text, costs_of;
  if (costs_of != product->offer_id) {
    unit_cost_text = note.unit_cost ? core::format_amount({note.unit_cost, ""}) : "";
    packaging_cost_text = note.packaging.cost ? core::format_amount({note.packaging.cost, ""}) : "";
    costs_of = product->offer_id;
  }
  for (auto* cost : {&unit_cost_text, &packaging_cost_text}) {
    const bool unit = cost == &unit_cost_text;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    if (input_text(app, unit ? "stock.note.unit_cost" : "stock.note.packaging_cost", *cost, {.labelled = true})) {
      const auto kopecks = cost->empty() ? std::optional<std::int64_t>(0) : core::parse_amount_minor(*cost);
      if (kopecks && *kopecks >= 0) {
        (unit ? note.unit_cost : note.packaging.cost) = *kopecks;
        changed = true;
      }
    }
    if (unit) ImGui::SameLine();
  }
  ImGui::SetNextItemWidth(-1);
  changed |= input_text(app, "stock.note.text", note.note, {.hint = app.tr("stock.note.text_hint")});
  // A set: the parts the packer scans for it (the pick list and shortages count them).
  ImGui::SetNextItemWidth(-1);
  changed |= input_text(app, "stock.note.set_parts", note.set_parts, {.hint = app.tr("stock.note.set_parts_hint")});
  if (!note.set_parts.empty()) {
    const core::BundleParse parsed = core::parse_bundle_parts(note.set_parts);
    if (!parsed.error.empty()) {
      const std::string problem = app::fill_placeholders(app.tr("stock.note.set_parts_error." + parsed.error),
                                                         {{"part", parsed.near}});
      ImGui::TextColored(palette::warning, "%s", problem.c_str());
    } else {
      const std::string reads =
          app::fill_placeholders(app.tr("stock.note.set_parts_reads"), {{"parts", core::format_bundle_parts(parsed.parts)}});
      ImGui::TextDisabled("%s", reads.c_str());
    }
  }
  long long lead = note.reorder.lead_time_days, safety = note.reorder.safety_days;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
  if (input_count("stock.note.lead", lead) && lead >= 0 && lead <= 365) {
    note.reorder.lead_time_days = static_cast<int>(lead);
    changed = true;
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", app.tr("stock.note.lead"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
  if (input_count("stock.note.safety", safety) && safety >= 0 && safety <= 365) {
    note.reorder.safety_days = static_cast<int>(safety);
    changed = true;
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", app.tr("stock.note.safety"));
  if (changed) actions.push(app::EditProductNote{product->offer_id, note});
}

void draw_shortages(const app::App& app, const app::StockSlice& stock, app::ActionQueue& actions) {
  if (stock.shortages.empty()) {
    ImGui::TextDisabled("%s", app.tr(stock.loaded ? "stock.no_shortages" : "stock.loading"));
    return;
  }
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##shortages", 6, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(app.tr("stock.col.offer"), ImGuiTableColumnFlags_None, 1.2f);
  ImGui::TableSetupColumn(app.tr("stock.col.warehouse"), ImGuiTableColumnFlags_None, 1.3f);
  ImGui::TableSetupColumn(app.tr("stock.col.demand"), ImGuiTableColumnFlags_None, 0.6f);
  ImGui::TableSetupColumn(app.tr("stock.col.present"), ImGuiTableColumnFlags_None, 0.6f);
  ImGui::TableSetupColumn(app.tr("stock.col.short"), ImGuiTableColumnFlags_None, 0.6f);
  ImGui::TableSetupColumn(app.tr("stock.col.at_risk"), ImGuiTableColumnFlags_None, 3.0f);
  ImGui::TableHeadersRow();
  for (const auto& s : stock.shortages) {
    ImGui::PushID(static_cast<int>(s.key.sku ^ s.key.warehouse_id));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(s.offer_id.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(warehouse_name(stock, s.key.warehouse_id).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%lld", static_cast<long long>(s.demand));
    ImGui::TableNextColumn();
    ImGui::Text("%lld", static_cast<long long>(s.present));
    ImGui::TableNextColumn();
    ImGui::TextColored(palette::error, "%lld", static_cast<long long>(s.short_by));
    ImGui::TableNextColumn();
    for (const auto& number : s.at_risk) {
      posting_link(app, number, actions);
      ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void draw_reorder(const app::App& app, const app::StockSlice& stock, app::ActionQueue& actions) {
  int to_reorder = 0;
  for (const auto& line : stock.reorder) to_reorder += line.to_reorder ? 1 : 0;
  ImGui::Text(app.tr("stock.reorder_summary"), to_reorder, static_cast<int>(stock.reorder.size()));
  ImGui::SameLine();
  if (button(app, "stock.reorder_copy", {.enabled = to_reorder > 0})) actions.push(app::ExportReorder{false});
  ImGui::SameLine();
  if (button(app, "stock.reorder_csv", {.enabled = to_reorder > 0})) actions.push(app::ExportReorder{true});
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##reorder", 7, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(app.tr("stock.col.offer"), ImGuiTableColumnFlags_None, 1.2f);
  ImGui::TableSetupColumn(app.tr("stock.col.name"), ImGuiTableColumnFlags_None, 2.4f);
  ImGui::TableSetupColumn(app.tr("stock.col.sold"), ImGuiTableColumnFlags_None, 0.6f);
  ImGui::TableSetupColumn(app.tr("stock.col.free"), ImGuiTableColumnFlags_None, 0.6f);
  ImGui::TableSetupColumn(app.tr("stock.col.cover"), ImGuiTableColumnFlags_None, 0.7f);
  ImGui::TableSetupColumn(app.tr("stock.col.reorder_point"), ImGuiTableColumnFlags_None, 0.7f);
  ImGui::TableSetupColumn(app.tr("stock.col.suggested"), ImGuiTableColumnFlags_None, 0.7f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(stock.reorder.size()));
  while (clipper.Step())
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const auto& line = stock.reorder[static_cast<std::size_t>(row)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (line.to_reorder) ImGui::TextColored(palette::attention, "%s", line.offer_id.c_str());
      else ImGui::TextUnformatted(line.offer_id.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(line.name.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(line.sold));
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(line.free));
      ImGui::TableNextColumn();
      if (line.days_of_cover < 0) ImGui::TextDisabled("-");
      else ImGui::Text("%.1f", line.days_of_cover);
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(line.reorder_point));
      ImGui::TableNextColumn();
      if (line.suggested > 0) ImGui::Text("%lld", static_cast<long long>(line.suggested));
    }
  ImGui::EndTable();
}

void draw_stock_view(const app::App& app, app::ActionQueue& actions) {
  const auto& stock = stock_of(app);
  draw_header(app, stock, actions);
  if (stock.paste_open) draw_paste(app, stock, actions);
  if (stock.tab == "shortages") return draw_shortages(app, stock, actions);
  if (stock.tab == "reorder") return draw_reorder(app, stock, actions);
  draw_filters(app, stock, actions);
  draw_table(app, stock, actions);
  draw_product_detail(app, stock, actions);
}

// Beside the Stock button in the top bar, on every screen.
void draw_stock_badge(const app::App& app, app::ActionQueue& actions) {
  const auto& stock = stock_of(app);
  if (stock.low_products == 0 && stock.zero_products == 0) return;
  ImGui::SameLine(0, 2);
  char text[96];
  std::snprintf(text, sizeof text, app.tr("stock.badge"), stock.low_products, stock.zero_products);
  if (small_button(app, "nav.stock_badge", {.text = text})) {
    actions.push(app::ShowView{"stock"});
    core::StockQuery query = stock.query;
    query.filter = stock.zero_products > 0 ? core::StockFilter::zero : core::StockFilter::low;
    actions.push(app::SetStockQuery{query});
    actions.push(app::SetStockTab{"stock"});
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip(app.tr("stock.badge_tooltip"), stock.low_products, stock.zero_products);
}

[[maybe_unused]] const bool registered = register_screen_view(
    {.id = "stock", .draw = &draw_stock_view, .badge = &draw_stock_badge});

}  // namespace

void draw_stock_for_line(const app::App& app, const core::Posting& posting, const core::PostingProduct& product,
                         app::ActionQueue& actions) {
  const auto& screen = app.feature<app::StockScreen>();
  if (const std::string packing = screen.packing_text(product.offer_id); !packing.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(palette::attention, "%s %s", app.tr("stock.packing"), packing.c_str());
    ImGui::PopTextWrapPos();
  }
  const core::Shortage* shortage = screen.shortage_for(product.sku, posting.delivery_method.warehouse_id);
  if (!shortage) return;
  const bool at_risk = std::find(shortage->at_risk.begin(), shortage->at_risk.end(), posting.posting_number) !=
                       shortage->at_risk.end();
  // Wrapped, and the link on its own line: the products column is narrow.
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(at_risk ? palette::error : palette::attention, app.tr("stock.line_short"),
                     static_cast<long long>(shortage->short_by), static_cast<long long>(shortage->present),
                     static_cast<long long>(shortage->demand));
  ImGui::PopTextWrapPos();
  if (small_button(app, "detail.stock_shortage." + std::to_string(product.sku), {.text = app.tr("stock.open_shortage")})) {
    actions.push(app::ShowView{"stock"});
    actions.push(app::SetStockTab{"shortages"});
  }
}

}  // namespace ui
