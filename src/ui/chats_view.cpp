// The chats screen: the list (unread first in count, the order each chat is
// about, the newest message) beside the open conversation, its history
// paged backwards, and the reply box with templates and on-device
// translation. Below ~600 CSS px it is one column: the list, or the chat.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/chats_screen.h"
#include "app/reply_templates.h"
#include "core/text_search.h"
#include "ozon/requests.h"
#include "ui/fonts.h"
#include "ui/format.h"
#include "ui/notice.h"
#include "ui/palette.h"
#include "ui/reply_templates_view.h"
#include "ui/screen_registry.h"
#include "ui/widgets.h"

namespace ui {
namespace {

constexpr float kNarrowWidth = 600.0f;

bool matches(const app::ChatEntry& entry, const std::vector<std::string>& terms) {
  if (terms.empty()) return true;
  std::string haystack;
  core::append_search_field(haystack, entry.order_number);
  core::append_search_field(haystack, entry.posting_number);
  core::append_search_field(haystack, entry.preview);
  return core::contains_all(haystack, terms);
}

void draw_list(const app::App& app, const app::ChatsScreen& screen, app::ActionQueue& actions) {
  const auto& slice = screen.slice();
  bool unread_only = slice.unread_only;
  std::string query = slice.query;
  bool changed = checkbox(app, "chats.unread_only", unread_only);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  changed |= input_text(app, "chats.search", query, {.hint = app.tr("chats.search_hint")});
  if (changed) actions.push(app::SetChatFilter{unread_only, query});
  ImGui::SameLine();
  if (small_button(app, "chats.refresh", {.enabled = !slice.loading})) actions.push(app::RefreshChats{});
  if (slice.total_unread > 0) ImGui::TextColored(palette::attention, app.tr("chats.unread_total"), static_cast<int>(slice.total_unread));
  if (!slice.notice.empty()) draw_notice(app, slice.notice);
  if (slice.loading && slice.chats.empty()) ImGui::TextDisabled("%s", app.tr("chats.loading"));
  if (slice.loaded && slice.chats.empty()) ImGui::TextDisabled("%s", app.tr("chats.empty"));

  const auto terms = core::search_terms(slice.query);
  if (!ImGui::BeginChild("##chat_list", ImVec2(0, 0), ImGuiChildFlags_None)) {
    ImGui::EndChild();
    return;
  }
  for (const auto& entry : slice.chats) {
    if (slice.unread_only && entry.chat.unread_count == 0) continue;
    if (!matches(entry, terms)) continue;
    const std::string& id = entry.chat.chat_id;
    std::string title = entry.posting_number.empty() ? entry.order_number : entry.posting_number;
    if (title.empty()) title = app.tr("chats.order_unknown");
    if (entry.chat.unread_count > 0) title += "  (" + std::to_string(entry.chat.unread_count) + ")";
    if (entry.chat.status == "Closed") title += "  " + std::string(app.tr("chats.closed"));
    if (screen.slice().drafts.count(id)) title += "  " + std::string(app.tr("chats.has_draft"));
    ImGui::PushStyleColor(ImGuiCol_Text, entry.chat.unread_count > 0 ? palette::attention
                                                                      : ImGui::GetStyleColorVec4(ImGuiCol_Text));
    if (selectable("chats.row." + id, title, slice.open.chat_id == id)) actions.push(app::OpenChat{id});
    ImGui::PopStyleColor();
    if (!entry.preview.empty()) {
      std::string preview = entry.preview.substr(0, entry.preview.find('\n'));
      if (preview.size() > 90) {
        std::size_t cut = 90;
        while (cut > 0 && (static_cast<unsigned char>(preview[cut]) & 0xC0) == 0x80) --cut;  // whole characters
        preview = preview.substr(0, cut) + "…";
      }
      note_glyphs(preview);
      ImGui::TextDisabled("  %s  %s", format_local_clock(entry.last_at).c_str(), preview.c_str());
    }
  }
  ImGui::EndChild();
}

void draw_window_state(const app::App& app, core::ChatWindowState window) {
  switch (window.window) {
    case core::ChatWindow::open:
      if (window.until) ImGui::TextDisabled(app.tr("chats.window_open_until"), format_local_time(window.until).c_str());
      break;
    case core::ChatWindow::reply_only:
      ImGui::TextColored(palette::attention, app.tr("chats.window_reply_until"), format_local_time(window.until).c_str());
      break;
    case core::ChatWindow::closed: ImGui::TextColored(palette::error, "%s", app.tr("chats.window_closed")); break;
    case core::ChatWindow::not_paid: ImGui::TextColored(palette::attention, "%s", app.tr("chats.window_not_paid")); break;
    case core::ChatWindow::unknown: ImGui::TextDisabled("%s", app.tr("chats.window_rule")); break;
  }
}

void draw_messages(const app::App& app, const app::ChatsScreen& screen, app::ActionQueue& actions, float height) {
  const auto& slice = screen.slice();
  const auto& open = slice.open;
  if (!ImGui::BeginChild("##chat_messages", ImVec2(0, height), ImGuiChildFlags_Border)) {
    ImGui::EndChild();
    return;
  }
  if (open.has_older && small_button(app, "chats.older", {.enabled = !open.loading})) actions.push(app::LoadOlderMessages{});
  const bool translator = app.state().device.translator && app.services().translate;
  const float wrap = ImGui::GetContentRegionAvail().x;
  for (const auto& m : open.messages) {
    const bool buyer = core::from_buyer(m);
    const bool seller = m.user_type == "seller" || m.user_type == "Seller";
    const char* who = buyer ? app.tr("chats.from_buyer") : seller ? app.tr("chats.from_you") : app.tr("chats.from_ozon");
    ImGui::TextColored(buyer ? palette::attention : seller ? palette::ok : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled),
                       "%s  %s", who, format_local_time(m.created_at).c_str());
    ImGui::PushTextWrapPos(wrap);
    const std::string text = app::ChatsScreen::message_text(m);
    note_glyphs(text);  // buyers write what they like: glyphs beyond the UI strings' come from the extra font
    ImGui::TextUnformatted(m.is_image ? app.tr("chats.image") : text.c_str());
    if (auto t = slice.translations.find(m.message_id); t != slice.translations.end()) {
      if (t->second.pending) ImGui::TextDisabled("%s", app.tr("chats.translating"));
      else if (!t->second.error.empty()) ImGui::TextColored(palette::error, "%s", t->second.error.c_str());
      else {
        note_glyphs(t->second.text);
        ImGui::TextColored(palette::ok, "%s", t->second.text.c_str());
      }
    } else if (translator && buyer && !m.is_image) {
      if (small_button(app, "chats.translate." + m.message_id, {.text = app.tr("chats.translate")}))
        actions.push(app::TranslateMessage{m.message_id});
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
  }
  for (const app::OutboxEntry* entry : screen.pending_replies(open.chat_id)) {
    const char* state = entry->state == app::OutboxState::waiting ? app.tr("chats.reply_waiting")
                                                                   : app.tr("chats.reply_sending");
    ImGui::TextColored(palette::ok, "%s  %s", app.tr("chats.from_you"), state);
    ImGui::PushTextWrapPos(wrap);
    ImGui::TextDisabled("%s", app::ChatsScreen::reply_text(*entry).c_str());
    ImGui::PopTextWrapPos();
  }
  // Keep the newest in view as messages arrive, unless the seller scrolled up.
  if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - ImGui::GetFontSize() * 2) ImGui::SetScrollHereY(1.0f);
  ImGui::EndChild();
}

void draw_reply_box(const app::App& app, const app::ChatsScreen& screen, const app::ChatEntry& chat,
                    app::ActionQueue& actions) {
  const auto& slice = screen.slice();
  const std::string& id = chat.chat.chat_id;
  std::string draft = slice.drafts.count(id) ? slice.drafts.at(id) : std::string();
  const auto window = screen.write_window(chat);
  draw_window_state(app, window);
  if (input_multiline("chats.reply", draft, ImVec2(-1, ImGui::GetTextLineHeight() * 4)))
    actions.push(app::EditChatDraft{id, draft});
  const auto& templates = app.feature<app::ReplyTemplates>();
  const core::Posting* posting =
      chat.posting_number.empty() ? nullptr : app.state().orders.list.find(chat.posting_number);
  if (auto text = reply_template_menu(app, actions, "chat", "chat", templates.values_for(posting)))
    actions.push(app::EditChatDraft{id, *text});
  ImGui::SameLine();
  const bool translator = app.state().device.translator && app.services().translate;
  const auto translation = slice.translations.find("draft:" + id);
  const bool translating = translation != slice.translations.end() && translation->second.pending;
  if (translator) {
    if (button(app, "chats.translate_draft", {.enabled = !draft.empty() && !translating})) actions.push(app::TranslateDraft{id});
    ImGui::SameLine();
  }
  const std::size_t length = ozon::utf8_length(draft);
  const bool can_send = length >= 1 && length <= 1000 && core::may_send(window.window);
  if (button(app, "chats.send", {.enabled = can_send})) actions.push(app::SendChatMessage{id});
  ImGui::SameLine();
  ImGui::TextColored(length > 1000 ? palette::error : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), "%zu / 1000",
                     length);
  if (translation != slice.translations.end() && !translation->second.error.empty())
    ImGui::TextColored(palette::error, "%s", translation->second.error.c_str());
  if (auto original = slice.draft_originals.find(id); original != slice.draft_originals.end()) {
    ImGui::PushTextWrapPos(0);
    note_glyphs(original->second);
    ImGui::TextDisabled(app.tr("chats.translated_from"), original->second.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SameLine();
    if (small_button(app, "chats.undo_translation")) actions.push(app::UndoDraftTranslation{id});
  }
  if (auto error = slice.send_errors.find(id); error != slice.send_errors.end()) draw_notice(app, error->second);
}

void draw_conversation(const app::App& app, const app::ChatsScreen& screen, app::ActionQueue& actions, bool narrow) {
  const auto& slice = screen.slice();
  const app::ChatEntry* chat = screen.find_chat(slice.open.chat_id);
  if (!chat) {
    ImGui::TextDisabled("%s", app.tr("chats.pick_one"));
    return;
  }
  if (narrow) {
    if (button(app, "chats.back")) actions.push(app::CloseChat{});
    ImGui::SameLine();
  }
  const std::string title = chat->posting_number.empty() ? chat->order_number : chat->posting_number;
  ImGui::TextUnformatted(title.empty() ? app.tr("chats.order_unknown") : title.c_str());
  if (!chat->posting_number.empty()) {
    ImGui::SameLine();
    if (small_button(app, "chats.open_posting")) actions.push(app::OpenChatPosting{chat->chat.chat_id});
  }
  if (chat->chat.unread_count > 0) {
    ImGui::SameLine();
    if (small_button(app, "chats.mark_read")) actions.push(app::MarkChatRead{chat->chat.chat_id});
  }
  if (!slice.open.error.empty()) draw_notice(app, slice.open.error);
  const float reply_height = ImGui::GetTextLineHeightWithSpacing() * 9;
  draw_messages(app, screen, actions, std::max(ImGui::GetContentRegionAvail().y - reply_height, ImGui::GetFontSize() * 6));
  draw_reply_box(app, screen, *chat, actions);
}

void draw_chats_view(const app::App& app, app::ActionQueue& actions) {
  const auto& screen = app.feature<app::ChatsScreen>();
  const auto& slice = screen.slice();
  if (slice.premium_required) {
    // Said plainly, once: the rest of the console is not affected.
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(palette::attention, "%s", app.tr("chats.premium_required"));
    ImGui::TextDisabled("%s", app.tr("chats.premium_help"));
    ImGui::PopTextWrapPos();
    if (button(app, "chats.retry")) actions.push(app::RefreshChats{});
    return;
  }
  if (!slice.error.empty()) draw_notice(app, slice.error);
  const bool narrow = ImGui::GetContentRegionAvail().x < kNarrowWidth;
  if (narrow) {
    if (slice.open.chat_id.empty()) draw_list(app, screen, actions);
    else draw_conversation(app, screen, actions, true);
    return;
  }
  if (ImGui::BeginTable("##chats_layout", 2, ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV,
                        ImGui::GetContentRegionAvail())) {
    ImGui::TableSetupColumn("list", ImGuiTableColumnFlags_WidthStretch, 0.36f);
    ImGui::TableSetupColumn("chat", ImGuiTableColumnFlags_WidthStretch, 0.64f);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    draw_list(app, screen, actions);
    ImGui::TableNextColumn();
    draw_conversation(app, screen, actions, false);
    ImGui::EndTable();
  }
}

// The unread count on the Chats button in the top bar.
void draw_chats_badge(const app::App& app, app::ActionQueue&) {
  count_badge(app.feature<app::ChatsScreen>().slice().total_unread, false);
}

[[maybe_unused]] const bool registered =
    register_screen_view({.id = "chats", .draw = &draw_chats_view, .badge = &draw_chats_badge});

}  // namespace
}  // namespace ui
