#include "ui/marking_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>

#include "ui/notice.h"
#include "ui/palette.h"
#include "ui/widgets.h"

namespace ui {
namespace {

using Field = app::EditMarking::Field;
using State = app::PostingWork::Marking::State;

std::string product_title(const core::Posting& posting, std::int64_t product_id) {
  for (const auto& product : posting.products)
    if (product.sku == product_id) return product.offer_id.str() + " · " + product.name.str();
  return "SKU " + std::to_string(product_id);
}

// Ozon's check of one field: a tick, a cross with the codes, or nothing yet.
void draw_check(const std::string& status, const std::vector<std::string>& codes) {
  if (status == "passed") {
    ImGui::SameLine();
    ImGui::TextColored(palette::ok, "\u2713");
  } else if (status == "failed") {
    std::string text = "\u2715";
    for (const auto& code : codes) text += " " + code;
    ImGui::SameLine();
    ImGui::TextColored(palette::error, "%s", text.c_str());
  }
}

void draw_units(const app::App& app, const core::ExemplarProduct& product, std::size_t index,
                const core::MarkingNeeds& needs, bool locked, app::ActionQueue& actions) {
  const std::string suffix = std::to_string(index);
  for (std::size_t unit = 0; unit < product.exemplars.size(); ++unit) {
    const auto& exemplar = product.exemplars[unit];
    const std::string id = suffix + "." + std::to_string(unit);
    ImGui::PushID(static_cast<int>(unit));
    ImGui::AlignTextToFramePadding();
    ImGui::Text("#%d", static_cast<int>(unit + 1));
    ImGui::BeginDisabled(locked);
    if (needs.mark) {
      ImGui::SameLine();
      std::string mark = core::mark_of(exemplar);
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
      if (input_text(app, "marking.mark." + id, mark, {.hint = app.tr("marking.mark_hint")}))
        actions.push(app::EditMarking{Field::mark, index, unit, mark, false});
      for (const auto& m : exemplar.marks)
        if (m.mark_type == core::kMandatoryMark) draw_check(m.check_status, m.error_codes);
    }
    if (needs.gtd) {
      ImGui::SameLine();
      std::string gtd = exemplar.gtd;
      ImGui::BeginDisabled(exemplar.is_gtd_absent);
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 13);
      if (input_text(app, "marking.gtd." + id, gtd, {.hint = app.tr("marking.gtd_hint")}))
        actions.push(app::EditMarking{Field::gtd, index, unit, gtd, false});
      ImGui::EndDisabled();
      ImGui::SameLine();
      bool absent = exemplar.is_gtd_absent;
      if (checkbox(app, "marking.no_gtd." + id, absent, {.text = app.tr("marking.no_gtd")}))
        actions.push(app::EditMarking{Field::gtd_absent, index, unit, {}, absent});
      if (!exemplar.is_gtd_absent) draw_check(exemplar.gtd_check_status, exemplar.gtd_error_codes);
    }
    ImGui::EndDisabled();
    ImGui::PopID();
  }
}

void draw_status(const app::App& app, const app::PostingWork::Marking& marking, std::size_t missing) {
  switch (marking.state) {
    case State::idle:
    case State::editing:
      if (missing > 0) ImGui::TextDisabled(app.tr("marking.still_empty"), static_cast<int>(missing));
      break;
    case State::loading: ImGui::TextDisabled("%s", app.tr("marking.loading")); break;
    case State::sending: ImGui::TextDisabled("%s", app.tr("marking.sending")); break;
    case State::checking: ImGui::TextDisabled("%s", app.tr("marking.checking")); break;
    case State::accepted: ImGui::TextColored(palette::ok, "%s", app.tr("marking.accepted")); break;
    case State::refused:
      ImGui::TextColored(palette::error, "%s", app.tr("marking.refused"));
      for (const auto& refusal : marking.refusals) ImGui::BulletText("%s", refusal.c_str());
      break;
    case State::failed: break;
  }
  draw_notice(app, marking.error);
}

}  // namespace

void draw_marking_panel(const app::App& app, const core::Posting& posting, const app::PostingWork& work,
                        app::ActionQueue& actions) {
  const auto& marking = work.marking;
  if (!posting.requirements->any() || posting.status != core::PostingStatus::awaiting_packaging) return;
  ImGui::SeparatorText(app.tr("marking.title"));
  const bool busy = app::busy_marking(marking);
  const auto& products = marking.form.data.products;
  if (products.empty()) {
    if (marking.state == State::loading) ImGui::TextDisabled("%s", app.tr("marking.loading"));
    if (!busy && button(app, "marking.load")) actions.push(app::LoadMarking{});
    draw_notice(app, marking.error);
    return;
  }
  for (std::size_t index = 0; index < products.size(); ++index) {
    const auto& product = products[index];
    const core::MarkingNeeds needs = core::needs_of(product, *posting.requirements);
    if (!needs.any()) continue;
    ImGui::PushID(static_cast<int>(index));
    ImGui::TextUnformatted(product_title(posting, product.product_id).c_str());
    if (needs.country) {
      auto found = marking.form.countries.find(product.product_id);
      std::string country = found != marking.form.countries.end() ? found->second : std::string{};
      ImGui::AlignTextToFramePadding();
      ImGui::TextDisabled("%s", app.tr("marking.country"));
      ImGui::SameLine();
      ImGui::BeginDisabled(busy);
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 3);
      if (input_text(app, "marking.country." + std::to_string(index), country,
                     {.hint = "CN", .flags = ImGuiInputTextFlags_CharsUppercase}))
        actions.push(app::EditMarking{Field::country, index, 0, country, false});
      ImGui::EndDisabled();
    }
    draw_units(app, product, index, needs, busy, actions);
    ImGui::PopID();
  }
  const auto missing = core::missing_fields(marking.form, *posting.requirements);
  const bool can_send = !busy && missing.empty() && marking.state != State::accepted;
  if (button(app, "marking.send", {.enabled = can_send})) actions.push(app::SendMarking{});
  ImGui::SameLine();
  draw_status(app, marking, missing.size());
}

}  // namespace ui
