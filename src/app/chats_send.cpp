// Replies to buyers: sent through the outbox (written down first, retried,
// checked after a reload), the half-written ones kept on the device per
// store, a refused one put back into the draft so nothing typed is lost;
// translation on the device; the chats part of the snapshot.
#include <algorithm>

#include "app/chats_screen.h"
#include "core/reply_template.h"
#include "core/json_read.h"
#include "ozon/requests.h"

namespace app {
namespace {

constexpr std::string_view kDraftPrefix = "chats:";
constexpr std::size_t kMaxMessageChars = 1000;

std::string draft_translation_key(std::string_view chat_id) { return std::string("draft:").append(chat_id); }

std::string_view window_name(core::ChatWindow window) {
  switch (window) {
    case core::ChatWindow::open: return "open";
    case core::ChatWindow::reply_only: return "reply_only";
    case core::ChatWindow::closed: return "closed";
    case core::ChatWindow::not_paid: return "not_paid";
    case core::ChatWindow::unknown: return "unknown";
  }
  return "unknown";
}

std::map<std::string, std::string> string_map(const nlohmann::json& json) {
  std::map<std::string, std::string> out;
  if (!json.is_object()) return out;
  for (auto it = json.begin(); it != json.end(); ++it)
    if (it.value().is_string() && !it.value().get_ref<const std::string&>().empty())
      out[it.key()] = it.value().get<std::string>();
  return out;
}

}  // namespace

std::string ChatsScreen::reply_text(const OutboxEntry& entry) {
  const auto body = nlohmann::json::parse(entry.body, nullptr, false);
  return core::json_read::read_string_strict(body, "text");
}

std::string ChatsScreen::reply_chat(const OutboxEntry& entry) {
  const auto body = nlohmann::json::parse(entry.body, nullptr, false);
  return core::json_read::read_string_strict(body, "chat_id");
}

std::vector<const OutboxEntry*> ChatsScreen::pending_replies(std::string_view chat_id) const {
  std::vector<const OutboxEntry*> out;
  for (const auto& entry : app_.state().outbox.entries)
    if (entry.kind == kChatMessageKind && entry.store_id == store_id_ && entry.state != OutboxState::done &&
        reply_chat(entry) == chat_id)
      out.push_back(&entry);
  return out;
}

void ChatsScreen::on(const EditChatDraft& a) {
  if (a.text.empty()) {
    slice_.drafts.erase(a.chat_id);
    slice_.draft_originals.erase(a.chat_id);
  } else {
    slice_.drafts[a.chat_id] = a.text;
  }
  slice_.send_errors.erase(a.chat_id);
  slice_.translations.erase(draft_translation_key(a.chat_id));
  app_.schedule_draft_save();
}

void ChatsScreen::on(const SendChatMessage& a) {
  const ChatEntry* chat = find_chat(a.chat_id);
  auto draft = slice_.drafts.find(a.chat_id);
  if (!chat || draft == slice_.drafts.end()) return;
  const std::size_t length = ozon::utf8_length(draft->second);
  if (length == 0 || length > kMaxMessageChars) {
    slice_.send_errors[a.chat_id] = {"chats.length", {}, {{"count", std::to_string(length)}}};
    return;
  }
  // A template's placeholder the posting had no value for ("{tracking_number}"):
  // the buyer would read the braces.
  if (const auto unfilled = core::unfilled_placeholders(draft->second); !unfilled.empty()) {
    std::string names;
    for (const auto& name : unfilled) names.append(names.empty() ? "" : ", ").append(name);
    slice_.send_errors[a.chat_id] = {"chats.unfilled", {}, {{"names", names}}};
    return;
  }
  const core::ChatWindowState window = write_window(*chat);
  if (!core::may_send(window.window)) {
    slice_.send_errors[a.chat_id] = {
        window.window == core::ChatWindow::not_paid ? "chats.window_not_paid" : "chats.window_closed", {}};
    return;
  }
  auto request = ozon::build_chat_send(a.chat_id, draft->second);
  if (!request) {
    slice_.send_errors[a.chat_id] = notice_for(request.error());
    return;
  }
  // The outbox writes it down before sending; the draft is written without
  // it in the same save, so the text is in exactly one of the two.
  app_.enqueue_change(kChatMessageKind, chat->posting_number, request.value(), {}, store_id_);
  slice_.drafts.erase(draft);
  slice_.draft_originals.erase(a.chat_id);
  slice_.send_errors.erase(a.chat_id);
  slice_.translations.erase(draft_translation_key(a.chat_id));
  app_.schedule_draft_save();
}

// A reply whose first attempt may have reached Ozon: sent if the chat's
// newest messages hold no seller message with its text since it was queued.
void ChatsScreen::verify_change(const OutboxEntry& entry, std::function<void(VerifyOutcome)> done) {
  StoreSession* session = app_.session_for(entry.store_id);
  auto request = ozon::build_chat_history(reply_chat(entry), {}, 50, true);
  if (!session || !request) return done(VerifyOutcome::unknown("the chat cannot be read back"));
  const std::string text = reply_text(entry);
  const core::EpochMs since = entry.created_at - 60'000;  // clocks differ a little
  session->client().call(std::move(request.value()), &ozon::parse_chat_history,
                         [text, since, done = std::move(done)](ozon::Result<ozon::Page<core::ChatMessage>> page) {
                           if (!page) return done(VerifyOutcome::unknown(page.error().summary()));
                           for (const auto& m : page->items) {
                             const bool seller = m.user_type == "seller" || m.user_type == "Seller";
                             if (seller && m.created_at >= since && message_text(m) == text)
                               return done(VerifyOutcome::already_done());
                           }
                           done(VerifyOutcome::not_done());
                         });
}

void ChatsScreen::on_change_finished(const OutboxEntry& entry) {
  if (entry.store_id != store_id_) return;
  const std::string chat_id = reply_chat(entry);
  if (entry.state == OutboxState::failed) {
    // Refused (the chat closed, the window passed): the text goes back to the
    // draft, nothing lost, and the outbox entry is no longer needed.
    std::string& draft = slice_.drafts[chat_id];
    const std::string text = reply_text(entry);
    draft = draft.empty() ? text : text + "\n" + draft;
    slice_.send_errors[chat_id] = {"chats.refused", entry.last_error};
    app_.schedule_draft_save();
    app_.apply(DiscardOutboxEntry{entry.id});
    return;
  }
  if (entry.state != OutboxState::done) return;
  if (slice_.open.chat_id == chat_id) load_open_history({});
  load_list(true);
}

// --- translation on the device ---------------------------------------------

void ChatsScreen::on(const TranslateMessage& a) {
  const auto& translate = app_.services().translate;
  if (!translate || !app_.state().device.translator) return;
  const auto& messages = slice_.open.messages;
  auto it = std::find_if(messages.begin(), messages.end(),
                         [&](const core::ChatMessage& m) { return m.message_id == a.message_id; });
  if (it == messages.end()) return;
  const std::string text = message_text(*it);
  const std::string to(lang_code(app_.state().lang));
  Translation& slot = slice_.translations[a.message_id];
  slot = {true, {}, {}};
  translate(text, "ru", to, app_.guard([this, id = a.message_id](bool ok, std::string result) {
    Translation& done = slice_.translations[id];
    done.pending = false;
    (ok ? done.text : done.error) = std::move(result);
  }));
}

// The seller's draft (Chinese or English) into Russian; the original stays
// beside it and comes back with Undo.
void ChatsScreen::on(const TranslateDraft& a) {
  const auto& services = app_.services();
  auto draft = slice_.drafts.find(a.chat_id);
  if (!services.translate || !app_.state().device.translator || draft == slice_.drafts.end()) return;
  const std::string key = draft_translation_key(a.chat_id);
  slice_.translations[key] = {true, {}, {}};
  const std::string text = draft->second;
  auto run = app_.guard([this, chat_id = a.chat_id, key, text](std::string from) {
    if (from.empty() || from == "ru") from = std::string(lang_code(app_.state().lang));
    if (from == "ru") from = "en";
    app_.services().translate(text, from, "ru", app_.guard([this, chat_id, key, text](bool ok, std::string result) {
      Translation& slot = slice_.translations[key];
      slot.pending = false;
      if (!ok) {
        slot.error = std::move(result);
        return;
      }
      // Only if the seller did not type on meanwhile.
      auto current = slice_.drafts.find(chat_id);
      if (current == slice_.drafts.end() || current->second != text) return;
      slice_.draft_originals[chat_id] = text;
      current->second = std::move(result);
      slice_.translations.erase(key);
      app_.schedule_draft_save();
    }));
  });
  if (services.detect_language) services.detect_language(text, std::move(run));
  else run(std::string(lang_code(app_.state().lang)));
}

void ChatsScreen::on(const UndoDraftTranslation& a) {
  auto original = slice_.draft_originals.find(a.chat_id);
  if (original == slice_.draft_originals.end()) return;
  slice_.drafts[a.chat_id] = original->second;
  slice_.draft_originals.erase(original);
  app_.schedule_draft_save();
}

// --- on the device ----------------------------------------------------------

void ChatsScreen::collect_drafts(std::map<std::string, std::string>& drafts) const {
  if (!store_id_.empty() && (!slice_.drafts.empty() || !slice_.draft_originals.empty()))
    drafts[store_key(store_id_)] = core::json_read::dump(
        nlohmann::json{{"drafts", slice_.drafts}, {"originals", slice_.draft_originals}});
  for (const auto& [store, draft] : other_store_drafts_) drafts.emplace(store_key(store), core::json_read::dump(draft));
}

bool ChatsScreen::restore_draft(const std::string& key, const nlohmann::json& draft) {
  if (key.rfind(kDraftPrefix, 0) != 0) return false;
  const std::string store = key.substr(kDraftPrefix.size());
  if (!draft.is_object()) return true;
  if (store != store_id_) {  // another store's, or read before any store opened: kept until it opens
    other_store_drafts_[store] = draft;
    return true;
  }
  for (auto& [chat, text] : string_map(draft.value("drafts", nlohmann::json()))) slice_.drafts[chat] = text;
  for (auto& [chat, text] : string_map(draft.value("originals", nlohmann::json())))
    slice_.draft_originals[chat] = text;
  return true;
}

void ChatsScreen::forget_local_data() {
  other_store_drafts_.clear();
  slice_.drafts.clear();
  slice_.draft_originals.clear();
}

void ChatsScreen::write_ui_draft(nlohmann::json& ui) const {
  ui["chat_open"] = slice_.open.chat_id;
  ui["chat_unread_only"] = slice_.unread_only;
  ui["chat_query"] = slice_.query;
}

bool ChatsScreen::restore_ui_draft(const nlohmann::json& ui) {
  if (!ui.is_object()) return true;
  slice_.unread_only = core::json_read::read_bool_strict(ui, "chat_unread_only");
  slice_.query = core::json_read::read_string_strict(ui, "chat_query");
  const std::string open = core::json_read::read_string_strict(ui, "chat_open");
  if (!open.empty()) on(OpenChat{open});  // waits for the list when it is not in yet
  return true;
}

void ChatsScreen::write_snapshot(nlohmann::json& out) const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& entry : slice_.chats)
    list.push_back({{"id", entry.chat.chat_id},
                    {"status", entry.chat.status},
                    {"unread", entry.chat.unread_count},
                    {"order", entry.order_number},
                    {"posting", entry.posting_number},
                    {"preview", entry.preview},
                    {"lastAt", entry.last_at},
                    {"draft", slice_.drafts.count(entry.chat.chat_id) > 0}});
  nlohmann::json open = nullptr;
  if (const ChatEntry* chat = find_chat(slice_.open.chat_id)) {
    nlohmann::json messages = nlohmann::json::array();
    for (const auto& m : slice_.open.messages) {
      nlohmann::json message = {{"id", m.message_id}, {"from", m.user_type}, {"text", message_text(m)},
                                {"read", m.is_read},  {"at", m.created_at}};
      if (auto t = slice_.translations.find(m.message_id); t != slice_.translations.end())
        message["translation"] = {{"pending", t->second.pending}, {"text", t->second.text}, {"error", t->second.error}};
      messages.push_back(std::move(message));
    }
    nlohmann::json pending = nlohmann::json::array();
    for (const OutboxEntry* e : pending_replies(chat->chat.chat_id))
      pending.push_back({{"id", e->id}, {"text", reply_text(*e)}, {"state", to_string(e->state)}});
    const auto window = write_window(*chat);
    const auto draft = slice_.drafts.find(chat->chat.chat_id);
    const auto original = slice_.draft_originals.find(chat->chat.chat_id);
    const auto error = slice_.send_errors.find(chat->chat.chat_id);
    open = {{"id", chat->chat.chat_id},
            {"posting", chat->posting_number},
            {"order", chat->order_number},
            {"window", window_name(window.window)},
            {"until", window.until},
            {"messages", std::move(messages)},
            {"pending", std::move(pending)},
            {"hasOlder", slice_.open.has_older},
            {"loading", slice_.open.loading},
            {"error", slice_.open.error.key},
            {"draft", draft == slice_.drafts.end() ? std::string() : draft->second},
            {"draftOriginal", original == slice_.draft_originals.end() ? std::string() : original->second},
            {"sendError", error == slice_.send_errors.end() ? std::string() : error->second.key}};
  }
  out["chats"] = {{"loading", slice_.loading},
                  {"reading", preview_in_flight_},
                  {"loaded", slice_.loaded},
                  {"error", slice_.error.key},
                  {"premiumRequired", slice_.premium_required},
                  {"totalUnread", slice_.total_unread},
                  {"unreadOnly", slice_.unread_only},
                  {"query", slice_.query},
                  {"notice", slice_.notice.key},
                  {"translator", app_.state().device.translator && app_.services().translate != nullptr},
                  {"list", std::move(list)},
                  {"open", std::move(open)}};
}

}  // namespace app
