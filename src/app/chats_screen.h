#pragma once
// Chats with buyers (Premium Plus): the open store's chats with their unread
// counts and the posting each is about, a chat's history paged backwards,
// replies sent through the outbox (a half-written reply is a draft kept on
// the device), read marks, new buyer messages as alerts, and translation on
// the device where the browser offers it. Implemented across
// chats_screen.cpp (loading, refresh, reading) and chats_send.cpp (replies,
// drafts, translation, the snapshot).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/chats_actions.h"
#include "core/chat.h"

namespace app {

inline constexpr std::string_view kChatMessageKind = "chat_message";

// A chat in the list, with what its newest messages tell (read separately:
// the list itself does not say which order a chat is about).
struct ChatEntry {
  core::Chat chat;
  std::string order_number;    // from the messages' context
  std::string posting_number;  // that order's posting in the orders list, if loaded
  std::string preview;         // the newest message's text
  core::EpochMs last_at = 0;
  core::EpochMs last_buyer_at = 0;
  std::string preview_of;  // the last_message_id the preview was read for ("" = not read)
};

// Text translated on this device: an incoming message, or the seller's draft.
struct Translation {
  bool pending = false;
  std::string text;
  std::string error;  // why it could not be translated
};

struct OpenChatState {
  std::string chat_id;  // "" = none open
  std::vector<core::ChatMessage> messages;  // oldest first
  bool loading = false;
  bool has_older = false;
  Notice error;
};

struct ChatsSlice {
  bool loading = false;
  bool loaded = false;
  bool premium_required = false;  // Ozon answered 403: the store has no Premium Plus
  Notice error;
  core::EpochMs as_of = 0;
  std::vector<ChatEntry> chats;  // newest activity first
  std::int64_t total_unread = 0;
  bool unread_only = false;
  std::string query;  // posting or order number, or text in the preview
  OpenChatState open;
  // Half-written replies by chat id, and where a reply that came back refused stands.
  std::map<std::string, std::string> drafts;
  std::map<std::string, Notice> send_errors;
  // The draft before it was translated into Russian (to show beside it, or undo).
  std::map<std::string, std::string> draft_originals;
  std::map<std::string, Translation> translations;  // by message id, or "draft:<chat id>"
  Notice notice;  // e.g. "no chat yet for order X"
};

struct RefreshChats {};
struct SetChatFilter {
  bool unread_only = false;
  std::string query;
};
struct OpenChat {
  std::string chat_id;
};
struct CloseChat {};
struct LoadOlderMessages {};
struct MarkChatRead {
  std::string chat_id;
};
struct EditChatDraft {
  std::string chat_id;
  std::string text;
};
struct SendChatMessage {
  std::string chat_id;
};
// The posting the open chat is about, on the orders screen.
struct OpenChatPosting {
  std::string chat_id;
};
// On-device translation: an incoming message into the seller's language; the
// draft into Russian (undo puts the original back).
struct TranslateMessage {
  std::string message_id;
};
struct TranslateDraft {
  std::string chat_id;
};
struct UndoDraftTranslation {
  std::string chat_id;
};

class ChatsScreen final : public Feature {
 public:
  explicit ChatsScreen(App& app);
  static constexpr std::string_view kId = "chats";
  std::string_view id() const override { return kId; }
  char shortcut() const override { return 'c'; }

  void on_store_opened() override;
  void prepare_frame(bool on_screen) override;
  void write_snapshot(nlohmann::json& snapshot) const override;
  void collect_drafts(std::map<std::string, std::string>& drafts) const override;
  bool restore_draft(const std::string& key, const nlohmann::json& draft) override;
  void write_ui_draft(nlohmann::json& ui) const override;
  bool restore_ui_draft(const nlohmann::json& ui) override;
  void forget_local_data() override;
  bool owns_change(std::string_view kind) const override { return kind == kChatMessageKind; }
  void verify_change(const OutboxEntry& entry, std::function<void(VerifyOutcome)> done) override;
  void on_change_finished(const OutboxEntry& entry) override;

  const ChatsSlice& slice() const { return slice_; }
  const ChatEntry* find_chat(std::string_view chat_id) const;
  // Whether the seller may write in this chat now (Ozon's 72 h / 48 h rule).
  core::ChatWindowState write_window(const ChatEntry& chat) const;
  // The outbox's replies to this chat not yet confirmed (to show as pending bubbles).
  std::vector<const OutboxEntry*> pending_replies(std::string_view chat_id) const;
  // The text of a reply the outbox holds (its body's "text").
  static std::string reply_text(const OutboxEntry& entry);
  // A message's lines as one text (Ozon sends them as a list).
  static std::string message_text(const core::ChatMessage& message);
  static std::string reply_chat(const OutboxEntry& entry);

  void on(const RefreshChats&);
  void on(const SetChatFilter&);
  void on(const OpenChat&);
  void on(const CloseChat&);
  void on(const LoadOlderMessages&);
  void on(const MarkChatRead&);
  void on(const EditChatDraft&);
  void on(const SendChatMessage&);
  void on(const OpenChatPosting&);
  void on(const OpenChatForPosting&);
  void on(const TranslateMessage&);
  void on(const TranslateDraft&);
  void on(const UndoDraftTranslation&);

 private:
  ChatEntry* find_chat_mut(std::string_view chat_id);
  void load_list(bool background);
  void apply_list(std::vector<core::Chat> chats, bool background);
  void read_next_preview();
  void apply_preview(const std::string& chat_id, const std::string& last_id, std::vector<core::ChatMessage> newest,
                     bool report_new);
  void link_postings();
  void load_open_history(const std::string& from_message_id);
  void mark_read(const std::string& chat_id, const std::string& message_id);
  void arm_refresh();
  void follow_open_chat();
  void reset_slice();
  static std::string store_key(std::string_view store_id);

  ChatsSlice slice_;
  std::string store_id_;  // the store slice_ belongs to
  int generation_ = 0;    // a store switch or newer load ignores older replies
  int refresh_timer_ = 0;
  bool preview_in_flight_ = false;
  // Newest message id per chat already accounted for: newer buyer messages raise alerts.
  std::map<std::string, std::string> known_last_;
  std::string pending_open_;   // a chat to open once the list is in (restored UI)
  std::string pending_order_;  // open the chat about this order once its messages are read (OpenChatForPosting)
  // The open chat's newest message id last read in: while the screen is away
  // it falls behind (unread, alerted), and catches up once, on return.
  std::string followed_last_;
  std::map<std::string, nlohmann::json> other_store_drafts_;
};

}  // namespace app
