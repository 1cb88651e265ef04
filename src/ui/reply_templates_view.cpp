// The reply-template menu and editor. Each template shows what the seller
// reads (their language) with the Russian text the buyer gets beneath it.
#include "ui/reply_templates_view.h"

#include <imgui.h>

#include <algorithm>

#include "app/reply_templates.h"
#include "ui/fonts.h"
#include "ui/widgets.h"

namespace ui {
namespace {

void draw_editor(const app::App& app, app::ActionQueue& actions, const std::string& popup) {
  const auto& library = app.feature<app::ReplyTemplates>();
  if (!library.editing()) return;
  core::ReplyTemplate draft = *library.editing();
  const std::string lang(app::lang_code(app.state().lang));
  std::string meaning = draft.meaning.count(lang) ? draft.meaning.at(lang) : library.meaning_of(draft);
  bool changed = input_text(app, popup + ".title", draft.title, {.hint = app.tr("templates.title_hint")});
  ImGui::TextDisabled("%s", app.tr("templates.text_ru"));
  changed |= input_multiline(popup + ".text", draft.text_ru, ImVec2(-1, ImGui::GetTextLineHeight() * 5));
  ImGui::TextDisabled("%s", app.tr("templates.meaning"));
  if (input_multiline(popup + ".meaning", meaning, ImVec2(-1, ImGui::GetTextLineHeight() * 3))) {
    draft.meaning[lang] = meaning;
    changed = true;
  }
  ImGui::TextDisabled("%s", app.tr("templates.placeholders"));
  if (changed) actions.push(app::EditReplyTemplate{draft});
  if (button(app, popup + ".save", {.text = app.tr("templates.save"), .enabled = !draft.text_ru.empty()}))
    actions.push(app::SaveReplyTemplate{draft});
  ImGui::SameLine();
  if (button(app, popup + ".cancel", {.text = app.tr("templates.cancel")})) actions.push(app::EditReplyTemplate{});
  const bool own = !draft.id.empty() && std::any_of(library.own().begin(), library.own().end(),
                                                    [&](const core::ReplyTemplate& t) { return t.id == draft.id; });
  if (own) {
    ImGui::SameLine();
    const char* words = draft.id.rfind("own-", 0) == 0 ? app.tr("templates.delete") : app.tr("templates.restore");
    if (button(app, popup + ".delete", {.text = words, .danger = true})) {
      actions.push(app::DeleteReplyTemplate{draft.id});
      actions.push(app::EditReplyTemplate{});
    }
  }
}

}  // namespace

std::optional<std::string> reply_template_menu(const app::App& app, app::ActionQueue& actions, std::string_view id,
                                               std::string_view use, const core::TemplateValues& values) {
  const auto& library = app.feature<app::ReplyTemplates>();
  const std::string popup = "templates." + std::string(id);
  std::optional<std::string> chosen;
  if (button(app, popup, {.text = app.tr("templates.menu")})) ImGui::OpenPopup(popup.c_str());
  ImGui::SetNextWindowSizeConstraints(ImVec2(ImGui::GetFontSize() * 18, 0),
                                      ImVec2(ImGui::GetFontSize() * 40, ImGui::GetFontSize() * 30));
  if (!ImGui::BeginPopup(popup.c_str())) return chosen;
  if (library.editing()) {
    draw_editor(app, actions, popup + ".editor");
    ImGui::EndPopup();
    return chosen;
  }
  const float wrap = ImGui::GetFontSize() * 36;
  for (const auto& tmpl : library.templates(use)) {
    ImGui::PushID(tmpl.id.c_str());
    const std::string meaning = tmpl.title.empty() ? library.meaning_of(tmpl) : tmpl.title + ": " + library.meaning_of(tmpl);
    ImGui::PushTextWrapPos(wrap);
    note_glyphs(meaning);  // the seller's own templates: their own words
    if (selectable(popup + ".use." + tmpl.id, meaning, false)) {
      chosen = core::fill_template(tmpl.text_ru, values);
      ImGui::CloseCurrentPopup();
    }
    ImGui::TextDisabled("%s", core::fill_template(tmpl.text_ru, values).c_str());
    ImGui::PopTextWrapPos();
    if (small_button(app, popup + ".edit." + tmpl.id, {.text = app.tr("templates.edit")}))
      actions.push(app::EditReplyTemplate{tmpl});
    ImGui::Separator();
    ImGui::PopID();
  }
  if (button(app, popup + ".new", {.text = app.tr("templates.new")})) {
    core::ReplyTemplate fresh;
    fresh.use = std::string(use);
    actions.push(app::EditReplyTemplate{fresh});
  }
  ImGui::EndPopup();
  return chosen;
}

}  // namespace ui
