#include "ui/posting_detail.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>
#include <vector>

#include "app/camera_scan.h"
#include "app/chats_actions.h"
#include "app/numbers_screen.h"
#include "core/box_split.h"
#include "core/deadline.h"
#include "ui/fonts.h"
#include "ui/format.h"
#include "ui/layout.h"
#include "ui/marking_panel.h"
#include "ui/notice.h"
#include "ui/packing_video_view.h"
#include "ui/palette.h"
#include "ui/product_picture.h"
#include "ui/stock_view.h"
#include "ui/widget_id.h"
#include "ui/widgets.h"

namespace ui {
namespace {

// The warehouse and method the preset prefers, said when this posting goes
// another way (Ozon chose the method at checkout: the seller may change the
// warehouse's settings, or the preset).
void draw_preferred_route(const app::App& app, const core::Posting& posting, const core::ShippingPreset& preset) {
  const auto name_of = [](const std::vector<core::FilterOption>& options, std::int64_t id) {
    for (const auto& option : options)
      if (option.id == id) return option.name;
    return "#" + std::to_string(id);
  };
  const auto& list = app.state().orders.list;
  std::string prefers;
  bool differs = false;
  if (preset.warehouse_id) {
    prefers = name_of(list.warehouses(), preset.warehouse_id);
    differs = posting.delivery_method.warehouse_id != preset.warehouse_id;
  }
  if (preset.delivery_method_id) {
    prefers.append(prefers.empty() ? "" : " \u00B7 ").append(name_of(list.delivery_methods(), preset.delivery_method_id));
    differs = differs || posting.delivery_method.id != preset.delivery_method_id;
  }
  if (prefers.empty()) return;
  note_glyphs(prefers);
  const std::string text =
      app::fill_placeholders(app.tr(differs ? "detail.shipping_other_route" : "detail.shipping_route"), {{"route", prefers}});
  ImGui::TextColored(differs ? palette::warning : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), "%s", text.c_str());
}

// The shipping preset that applies (Numbers screen) and, for rFBS, what the
// seller's tariff says shipping costs next to what the buyer paid for it.
void draw_shipping_preset(const app::App& app, const core::Posting& posting) {
  const app::PostingShipping shipping = app.feature<app::NumbersScreen>().shipping_for(posting);
  if (!shipping.preset) return;
  note_glyphs(shipping.preset->name);
  ImGui::TextDisabled("%s %s%s%s", app.tr("detail.shipping_preset"), shipping.preset->name.c_str(),
                      shipping.preset->box.empty() ? "" : " \u00B7 ", shipping.preset->box.c_str());
  draw_preferred_route(app, posting, *shipping.preset);
  if (!posting.is_rfbs() || shipping.preset->tariff.empty()) return;
  if (!shipping.expected_cost) {
    ImGui::TextDisabled("%s", app.tr("detail.shipping_no_weight"));
    return;
  }
  const std::string paid = shipping.delivery_income ? core::format_amount({*shipping.delivery_income, "RUB"}) + " \u20BD"
                                                    : std::string(app.tr("detail.shipping_unknown_paid"));
  const std::string text = app::fill_placeholders(
      app.tr("detail.shipping_cost"), {{"cost", core::format_amount({*shipping.expected_cost, "RUB"}) + " \u20BD"},
                                        {"grams", std::to_string(shipping.weight_g)},
                                        {"paid", paid}});
  const bool losing = shipping.delivery_income && *shipping.delivery_income < *shipping.expected_cost;
  ImGui::TextColored(losing ? palette::warning : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), "%s", text.c_str());
}

void draw_header(const app::App& app, const core::Posting& posting, app::ActionQueue& actions) {
  ImGui::TextUnformatted(posting.posting_number.c_str());
  ImGui::SameLine();
  if (small_button(app, "detail.copy_number", {.text = app.tr("detail.copy")}))
    actions.push(app::CopyText{posting.posting_number});
  ImGui::SameLine();
  if (small_button(app, "detail.chat")) actions.push(app::OpenChatForPosting{posting.posting_number, posting.store_id});
  ImGui::TextDisabled("%s · %s", app.tr("status." + std::string(core::to_string(posting.status))),
                      posting.is_rfbs() ? "rFBS" : "FBS");
  const core::Risk risk = core::risk_of(posting, app.now(), app.state().utc_offset_minutes);
  ImGui::TextColored(palette::risk(risk), "%s %s (%s)", app.tr("detail.ship_by"),
                     format_local_time(posting.shipment_date).c_str(),
                     core::format_countdown(posting.shipment_date - app.now()).c_str());
  ImGui::TextDisabled("%s · %s", posting.delivery_method.warehouse.c_str(), posting.delivery_method.name.c_str());
  if (!posting.tracking_number.empty()) {
    ImGui::TextDisabled("%s %s", app.tr("detail.tracking"), posting.tracking_number.c_str());
    ImGui::SameLine();
    if (small_button(app, "detail.copy_tracking", {.text = app.tr("detail.copy")}))
      actions.push(app::CopyText{posting.tracking_number});
  }
  if (posting.is_rfbs() && !posting.customer->name.empty()) {
    const auto& a = posting.customer->address;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::Text("%s %s, %s", app.tr("detail.buyer"), posting.customer->name.c_str(), posting.customer->phone.c_str());
    ImGui::Text("%s %s %s, %s, %s", app.tr("detail.address"), a.zip_code.c_str(), a.region.c_str(), a.city.c_str(),
                a.address_tail.c_str());
    ImGui::PopTextWrapPos();
  }
  if (posting.requirements->any()) ImGui::TextColored(palette::attention, "%s", app.tr("detail.requires_marking"));
  draw_shipping_preset(app, posting);
}

// A set's line: each part with its count, so the packer sees what is left.
void draw_set_parts(const app::App& app, const app::PostingWork& work, std::size_t line) {
  const auto& v = work.verification;
  if (v.part_count(line) == 0) return;
  std::string text = app.tr("detail.set_of");
  for (std::size_t j = 0; j < v.part_count(line); ++j)
    text += (j ? " \u00B7 " : " ") + v.part_offer_id(line, j) + " " + std::to_string(v.part_counted(line, j)) + "/" +
            std::to_string(v.part_ordered(line, j));
  note_glyphs(text);
  ImGui::TextColored(palette::attention, "%s", text.c_str());
}

void draw_products(const app::App& app, const core::Posting& posting, const app::PostingWork& work,
                   app::ActionQueue& actions) {
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##products", 4, flags)) return;
  ImGui::TableSetupColumn(app.tr("detail.col.product"), ImGuiTableColumnFlags_None, 3.0f);
  ImGui::TableSetupColumn(app.tr("detail.col.price"), ImGuiTableColumnFlags_None, 1.0f);
  ImGui::TableSetupColumn(app.tr("detail.col.ordered"), ImGuiTableColumnFlags_None, 0.6f);
  ImGui::TableSetupColumn(app.tr("detail.col.counted"), ImGuiTableColumnFlags_None, 1.0f);
  ImGui::TableHeadersRow();
  const auto& v = work.verification;
  for (std::size_t i = 0; i < posting.products.size(); ++i) {
    const auto& product = posting.products[i];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    note_glyphs(product.name);  // a name in Chinese: its characters join the atlas
    // The picture beside the name, large enough to match the item by sight.
    product_picture(app, posting.store_id, product.sku, product.name, ImGui::GetTextLineHeightWithSpacing() * 3.5f,
                    "detail.picture." + std::to_string(i));
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(product.name.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("%s · SKU %lld", product.offer_id.c_str(), static_cast<long long>(product.sku));
    draw_set_parts(app, work, i);
    draw_stock_for_line(app, posting, product, actions);
    ImGui::EndGroup();
    ImGui::TableNextColumn();
    ImGui::Text("%s %s", core::format_amount(product.price).c_str(), product.price.currency.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%lld", static_cast<long long>(product.quantity));
    ImGui::TableNextColumn();
    const bool complete = v.counted(i) == v.ordered(i);
    ImGui::PushID(static_cast<int>(i));
    ImGui::SetNextItemWidth(-1);
    long long counted = v.counted(i);
    if (complete) ImGui::PushStyleColor(ImGuiCol_Text, palette::ok);
    if (ImGui::InputScalar("##counted", ImGuiDataType_S64, &counted, nullptr, nullptr, "%lld"))
      actions.push(app::SetLineCount{i, counted});
    if (complete) ImGui::PopStyleColor();
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void draw_scan_field(const app::App& app, const app::PostingWork& work, app::ActionQueue& actions);
void draw_camera_state(const app::App& app, const app::CameraScan& camera, app::ActionQueue& actions);
void draw_checks(const app::App& app, const app::PostingWork& work, app::ActionQueue& actions);

// The STOP: the whole width red, in place of the scan field, until the
// packer has taken the item out and said so. A scanner's keystrokes meanwhile
// reach no field: nothing is counted.
void draw_stop(const app::App& app, const app::PostingWork& work, app::ActionQueue& actions) {
  const float line = ImGui::GetFrameHeightWithSpacing();
  ImGui::PushStyleColor(ImGuiCol_ChildBg, palette::alarm_button);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  ImGui::BeginChild("##stop", ImVec2(-1, line * 4.5f), ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar);
  ImGui::SetWindowFontScale(2.0f);
  ImGui::TextUnformatted(app.tr("detail.stop.title"));
  ImGui::SetWindowFontScale(1.0f);
  const std::string key = work.stop.label_of.empty() ? "detail.stop." + std::string(core::to_string(work.stop.outcome))
                                                     : std::string("detail.stop.wrong_label_of");
  const std::string reason =
      app::fill_placeholders(app.tr(key), {{"code", work.stop.code}, {"posting", work.stop.label_of}});
  note_glyphs(reason);
  ImGui::TextWrapped("%s", reason.c_str());
  if (button(app, "detail.stop.ack")) actions.push(app::AcknowledgeStop{});
  ImGui::EndChild();
  ImGui::PopStyleColor(2);
}

// The station's own options (this device): what happens after the last scan.
void draw_station(const app::App& app, const app::OrdersSlice& orders, app::ActionQueue& actions) {
  auto option = [&](app::StationOption which, bool value) {
    bool checked = value;
    const std::string name(app::to_string(which));
    if (checkbox(app, "detail.station." + name, checked, {.text = app.tr("station." + name)}))
      actions.push(app::SetStationOption{which, checked});
  };
  option(app::StationOption::auto_ship, orders.station.auto_ship);
  option(app::StationOption::label_check, orders.station.label_check);
  draw_video_option(app, actions);
}

// Where the station's own steps after the last scan stand.
void draw_auto_flow(const app::App& app, const app::PostingWork& work) {
  const core::AutoStep step = work.auto_flow.step;
  if (step == core::AutoStep::none) return;
  const std::string text = app.tr("station.step." + std::string(core::to_string(step)));
  if (step == core::AutoStep::failed) {
    ImGui::TextColored(palette::warning, "%s", text.c_str());
  } else if (step == core::AutoStep::done) {
    ImGui::TextColored(palette::ok, "%s", text.c_str());
  } else {
    ImGui::TextColored(palette::attention, "%s", text.c_str());
  }
}

void draw_checklist(const app::App& app, const app::PostingWork& work, app::ActionQueue& actions) {
  const auto& v = work.verification;
  ImGui::SeparatorText(app.tr("detail.checklist"));
  if (work.stop.active) {
    draw_stop(app, work, actions);
  } else {
    draw_scan_field(app, work, actions);
  }
  if (v.refused_count() > 0) ImGui::TextDisabled(app.tr("detail.refused_scans"), static_cast<int>(v.refused_count()));
  draw_checks(app, work, actions);
  draw_station(app, app.state().orders, actions);
}

// The scan field: a barcode scanner types the code and Enter.
void draw_scan_input(const app::App& app, const app::PostingWork& work, const char* hint_key,
                     app::ActionQueue& actions) {
  std::string code = work.scan_text;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  if (app.state().orders.focus_scan_now) ImGui::SetKeyboardFocusHere();
  if (input_text(app, "detail.scan", code, {.hint = app.tr(hint_key), .flags = ImGuiInputTextFlags_EnterReturnsTrue})) {
    actions.push(app::ScanCode{code});
    ImGui::SetKeyboardFocusHere(-1);  // stay in the field for the next scan
  } else if (code != work.scan_text) {
    actions.push(app::EditScanText{code});
  }
}

void draw_scan_field(const app::App& app, const app::PostingWork& work, app::ActionQueue& actions) {
  draw_scan_input(app, work, "detail.scan_hint", actions);
  const auto& camera = app.feature<app::CameraScan>();
  ImGui::SameLine();
  if (!camera.active()) {
    if (button(app, "detail.camera.open")) actions.push(app::OpenCamera{});
  } else if (button(app, "detail.camera.close")) {
    actions.push(app::CloseCamera{});
  }
  if (work.last_scan.any) {
    ImGui::SameLine();
    const bool refused = core::is_refused(work.last_scan.outcome);
    const std::string key = "scan." + std::string(core::to_string(work.last_scan.outcome));
    if (refused) {
      // Loud on purpose: a wrong item must not go into the box unnoticed.
      ImGui::PushStyleColor(ImGuiCol_Button, palette::alarm_button);
      ImGui::Button((std::string(app.tr(key)) + ": " + work.last_scan.code + "###scan_result").c_str());
      ImGui::PopStyleColor();
    } else {
      ImGui::TextColored(palette::ok, "%s: %s", app.tr(key), work.last_scan.code.c_str());
    }
  }
  draw_camera_state(app, camera, actions);
}

// Under the scan field while the camera is open: switching (two cameras or
// more), the torch (where the track has one), what it is doing or why not.
void draw_camera_state(const app::App& app, const app::CameraScan& camera, app::ActionQueue& actions) {
  const auto& status = camera.status();
  if (status.open) {
    if (status.camera_count > 1) {
      if (small_button(app, "detail.camera.switch")) actions.push(app::SwitchCamera{});
      ImGui::SameLine();
    }
    if (status.has_torch) {
      if (small_button(app, status.torch_on ? "detail.camera.torch_off" : "detail.camera.torch_on"))
        actions.push(app::SetTorch{!status.torch_on});
      ImGui::SameLine();
    }
    ImGui::TextDisabled("%s", app.tr("camera.scanning"));
  } else if (camera.starting()) {
    ImGui::TextDisabled("%s", app.tr("camera.starting"));
  } else if (!status.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::error);
    ImGui::TextWrapped("%s", app.tr("camera.error." + status.error));
    ImGui::PopStyleColor();
    if (!status.detail.empty()) ImGui::TextDisabled("%s", status.detail.c_str());
  }
  draw_recording_indicator(app);
}

void draw_checks(const app::App& app, const app::PostingWork& work, app::ActionQueue& actions) {
  const auto& v = work.verification;
  auto check = [&](app::CheckItem item, bool value) {
    bool checked = value;
    const std::string name(app::to_string(item));
    if (checkbox(app, "detail.check." + name, checked, {.text = app.tr("check." + name)}))
      actions.push(app::SetCheck{item, checked});
  };
  check(app::CheckItem::items_picked, v.items_picked());
  bool match = v.quantities_match();
  ImGui::BeginDisabled();
  ImGui::Checkbox(hidden_id(app.tr("check.quantities_match"), "quantities_match").c_str(), &match);
  ImGui::EndDisabled();
  if (v.address_required()) check(app::CheckItem::address_checked, v.address_checked());
  // Ticked by Ozon's check of the marking form below, never by hand.
  if (v.marking_required()) {
    bool complete = v.marking_complete();
    checkbox(app, "detail.check.marking_complete", complete, {.text = app.tr("check.marking_complete"), .enabled = false});
  }
}

void draw_boxes(const app::App& app, const core::Posting& posting, const app::PostingWork& work,
                app::ActionQueue& actions) {
  ImGui::SeparatorText(app.tr("detail.boxes"));
  const int boxes = static_cast<int>(work.boxes.box_count());
  ImGui::AlignTextToFramePadding();
  ImGui::Text(app.tr("detail.box_count"), boxes);
  ImGui::SameLine();
  if (button(app, "detail.box_add")) actions.push(app::SetBoxCount{boxes + 1});
  ImGui::SameLine();
  if (button(app, "detail.box_remove", {.enabled = boxes > 1})) actions.push(app::SetBoxCount{boxes - 1});
  if (work.boxes.box_count() > 1 &&
      ImGui::BeginTable("##boxes", static_cast<int>(work.boxes.box_count()) + 1, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(app.tr("detail.col.product"));
    for (std::size_t b = 0; b < work.boxes.box_count(); ++b)
      ImGui::TableSetupColumn((std::string(app.tr("detail.box")) + " " + std::to_string(b + 1)).c_str());
    ImGui::TableHeadersRow();
    for (std::size_t line = 0; line < posting.products.size(); ++line) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(posting.products[line].offer_id.c_str());
      for (std::size_t b = 0; b < work.boxes.box_count(); ++b) {
        ImGui::TableNextColumn();
        long long quantity = work.boxes.boxes[b][line];
        ImGui::PushID(static_cast<int>(b * 1000 + line));
        ImGui::SetNextItemWidth(-1);
        if (input_count("detail.box." + std::to_string(b) + "." + std::to_string(line), quantity))
          actions.push(app::SetBoxQuantity{b, line, quantity});
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }
  for (const auto& problem : core::validate(posting, work.boxes))
    ImGui::TextColored(palette::error, "%s", app.tr("box." + std::string(core::to_string(problem.kind))));
}

void draw_ship(const app::App& app, const core::Posting& posting, const app::PostingWork& work,
               app::ActionQueue& actions) {
  ImGui::Separator();
  const auto missing = work.verification.missing();
  const bool boxes_ok = core::validate(posting, work.boxes).empty();
  const bool can_ship = posting.can("ship") && missing.empty() && boxes_ok && work.ship != app::PostingWork::Ship::sending;
  if (button(app, "detail.ship", {.enabled = can_ship})) actions.push(app::ShipOpenPosting{});
  if (!posting.can("ship")) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", app.tr("detail.ship_not_available"));
  } else if (!missing.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", app.tr("detail.finish_checklist"));
  }
  switch (work.ship) {
    case app::PostingWork::Ship::idle:
    case app::PostingWork::Ship::done: break;
    case app::PostingWork::Ship::sending: ImGui::TextDisabled("%s", app.tr("detail.shipping")); break;
    case app::PostingWork::Ship::failed: draw_notice(app, work.ship_error); break;
  }
  draw_auto_flow(app, work);
}

// The label check: the printed label scanned back must be this posting's.
void draw_label_check(const app::App& app, const core::Posting& posting, const app::PostingWork& work,
                      app::ActionQueue& actions) {
  const auto& orders = app.state().orders;
  const auto record = orders.packing_records.find(posting.posting_number);
  const bool checked = record != orders.packing_records.end() && record->second.label_checked_at > 0;
  if (!orders.station.label_check && !checked && !work.stop.active) return;
  ImGui::SeparatorText(app.tr("station.label_check_title"));
  if (work.stop.active) {
    draw_stop(app, work, actions);
    return;
  }
  if (checked) {
    ImGui::TextColored(palette::ok, "%s %s", app.tr("station.label_checked"),
                       format_local_time(record->second.label_checked_at).c_str());
    return;
  }
  draw_scan_input(app, work, "station.label_hint", actions);
}

// After Ship: the postings Ozon made of it (one per box) and the label.
void draw_shipped(const app::App& app, const core::Posting& posting, const app::PostingWork& work,
                  app::ActionQueue& actions) {
  ImGui::Separator();
  std::string numbers;
  for (const auto& n : work.shipped_as) numbers.append(numbers.empty() ? "" : ", ").append(n);
  if (numbers.empty()) numbers = posting.posting_number;
  ImGui::TextColored(palette::ok, "%s %s", app.tr("detail.shipped_as"), numbers.c_str());
  draw_auto_flow(app, work);
  // Ozon prints a label once it has the posting as awaiting shipment (read back right after Ship).
  if (posting.status != core::PostingStatus::awaiting_deliver) return;
  if (button(app, "detail.print_label")) actions.push(app::PrintLabels{false});
  draw_label_check(app, posting, work, actions);
}

void draw_cancel(const app::App& app, const core::Posting& posting, const app::PostingWork& work,
                 app::ActionQueue& actions) {
  const auto& cancel = work.cancel;
  if (cancel.state == app::PostingWork::Cancel::State::done) {
    ImGui::TextColored(palette::ok, "%s", app.tr("cancel.done"));
    return;
  }
  if (!posting.can("cancel")) return;
  // Scrolled into view once when it opens (it sits at the bottom of a long panel).
  bool& scrolled = *ImGui::GetStateStorage()->GetBoolRef(ImGui::GetID("cancel_scrolled"));
  if (!cancel.open) {
    scrolled = false;
    if (button(app, "detail.cancel", {.text = app.tr("cancel.open")})) actions.push(app::OpenCancel{});
    return;
  }
  ImGui::SeparatorText(app.tr("cancel.title"));
  if (cancel.loading) ImGui::TextDisabled("%s", app.tr("cancel.loading"));
  const core::CancelReason* chosen = nullptr;
  for (const auto& reason : cancel.reasons)
    if (reason.id == cancel.reason_id) chosen = &reason;
  ImGui::SetNextItemWidth(-1);
  combo("cancel.reason", chosen ? chosen->title.c_str() : app.tr("cancel.choose_reason"), [&] {
    for (const auto& reason : cancel.reasons)
      if (selectable("cancel.reason." + std::to_string(reason.id), reason.title, chosen == &reason))
        actions.push(app::SetCancelReason{reason.id});
  });
  const bool needs_message = cancel.reason_id == core::kCancelReasonOther;
  if (needs_message) {
    std::string message = cancel.message;
    ImGui::SetNextItemWidth(-1);
    if (input_multiline("cancel.message", message, ImVec2(-1, ImGui::GetFontSize() * 3.5f)))
      actions.push(app::EditCancelMessage{message});
    if (message.empty()) ImGui::TextColored(palette::warning, "%s", app.tr("cancel.message_required"));
  }
  bool partial = cancel.partial;
  if (posting.products.size() > 1 || (!posting.products.empty() && posting.products.front().quantity > 1)) {
    if (checkbox(app, "cancel.partial", partial)) actions.push(app::SetCancelPartial{partial});
  }
  if (cancel.partial) {
    for (std::size_t line = 0; line < posting.products.size() && line < cancel.quantities.size(); ++line) {
      const auto& product = posting.products[line];
      long long quantity = cancel.quantities[line];
      ImGui::PushID(static_cast<int>(line));
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
      if (input_count("cancel.quantity." + std::to_string(line), quantity))
        actions.push(app::SetCancelQuantity{line, quantity});
      ImGui::SameLine();
      ImGui::Text("/ %lld  %s", static_cast<long long>(product.quantity), product.offer_id.c_str());
      ImGui::PopID();
    }
  }
  if (chosen && chosen->type_id == "seller")
    ImGui::TextColored(palette::error, "%s", app.tr("cancel.rating_warning"));
  const bool ready = chosen && (!needs_message || !cancel.message.empty()) &&
                     cancel.state != app::PostingWork::Cancel::State::sending;
  if (button(app, "cancel.confirm", {.enabled = ready, .danger = true})) actions.push(app::ConfirmCancel{});
  ImGui::SameLine();
  if (button(app, "cancel.keep")) actions.push(app::CloseCancel{});
  if (!scrolled && !cancel.reasons.empty()) {
    ImGui::SetScrollHereY(1.0f);
    scrolled = true;
  }
  draw_notice(app, cancel.error);
}

// rFBS: Ozon asks some sellers to set the shipping date themselves.
void draw_cutoff(const app::App& app, const core::Posting& posting, const app::PostingWork& work,
                 app::ActionQueue& actions) {
  if (!posting.can("set_cutoff")) return;
  ImGui::SeparatorText(app.tr("cutoff.title"));
  std::string text = work.cutoff_text;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  if (input_text(app, "cutoff.date", text, {.hint = app.tr("cutoff.hint")})) actions.push(app::EditCutoff{text});
  ImGui::SameLine();
  const bool can_set = !work.cutoff_text.empty() && work.delivery != app::PostingWork::Delivery::sending;
  if (button(app, "cutoff.set", {.enabled = can_set})) actions.push(app::SetCutoff{});
}

void draw_delivery(const app::App& app, const core::Posting& posting, const app::PostingWork& work,
                   app::ActionQueue& actions) {
  if (!posting.is_rfbs()) return;
  draw_cutoff(app, posting, work, actions);
  const bool can_track = posting.can("set_track_number");
  const bool any = can_track || posting.can("non_int_delivering") || posting.can("non_int_last_mile") ||
                   posting.can("non_int_delivered");
  if (!any) {
    draw_notice(app, work.delivery_error);  // e.g. a refused shipping date
    return;
  }
  ImGui::SeparatorText(app.tr("delivery.title"));
  if (can_track) {
    std::string tracking = work.tracking_text;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (input_text(app, "delivery.tracking", tracking, {.hint = app.tr("delivery.tracking_hint")}))
      actions.push(app::EditTracking{tracking});
    ImGui::SameLine();
    if (button(app, "delivery.set_tracking", {.enabled = !work.tracking_text.empty()}))
      actions.push(app::SetTrackingNumber{});
  }
  auto step = [&](const char* action, const char* key, app::DeliveryStep value) {
    if (!posting.can(action)) return;
    if (button(app, std::string("delivery.") + action, {.text = app.tr(key)}))
      actions.push(app::MarkDelivery{value, false});
    ImGui::SameLine();
  };
  step("non_int_delivering", "delivery.mark_delivering", app::DeliveryStep::delivering);
  step("non_int_last_mile", "delivery.mark_last_mile", app::DeliveryStep::last_mile);
  step("non_int_delivered", "delivery.mark_delivered", app::DeliveryStep::delivered);
  ImGui::NewLine();
  switch (work.delivery) {
    case app::PostingWork::Delivery::idle: break;
    case app::PostingWork::Delivery::sending: ImGui::TextDisabled("%s", app.tr("delivery.sending")); break;
    case app::PostingWork::Delivery::done:
      ImGui::TextColored(palette::ok, "%s", app.tr("delivery.done"));
      break;
    case app::PostingWork::Delivery::failed: draw_notice(app, work.delivery_error); break;
  }
}

}  // namespace

void draw_posting_detail(const app::App& app, app::ActionQueue& actions) {
  const auto& orders = app.state().orders;
  const core::Posting* posting = orders.list.find(orders.open);
  auto it = orders.work.find(orders.open);
  // On a phone the detail is the whole screen: closing it is a full-size button.
  if (compact_layout() ? button(app, "detail.close") : small_button(app, "detail.close"))
    actions.push(app::ClosePosting{});
  if (!posting || it == orders.work.end()) return;
  const auto& work = it->second;
  draw_header(app, *posting, actions);
  draw_products(app, *posting, work, actions);
  // A cancelled posting has nothing to pack, whatever available_actions says.
  if (core::cancelled_status(posting->status)) {
    ImGui::Separator();
    ImGui::TextColored(palette::warning, "%s", app.tr("detail.cancelled_nothing_to_pack"));
    draw_posting_recordings(app, posting->posting_number, actions);
    return;
  }
  // Shipped: what went, and its label; no scan field, checklist or Ship.
  if (work.ship == app::PostingWork::Ship::done || core::past_packaging(posting->status)) {
    draw_shipped(app, *posting, work, actions);
  } else {
    draw_checklist(app, work, actions);
    draw_marking_panel(app, *posting, work, actions);
    draw_boxes(app, *posting, work, actions);
    draw_ship(app, *posting, work, actions);
  }
  draw_posting_recordings(app, posting->posting_number, actions);
  draw_delivery(app, *posting, work, actions);
  draw_cancel(app, *posting, work, actions);
}

}  // namespace ui
