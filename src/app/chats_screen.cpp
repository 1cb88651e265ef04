// The chats screen: loading the list and each chat's newest messages, the
// background refresh that turns new buyer messages into alerts, reading a
// chat's history backwards, read marks, and links to postings.
#include "app/chats_screen.h"

#include <algorithm>

#include "app/alerts_screen.h"
#include "app/orders_screen.h"
#include "ozon/errors.h"
#include "ozon/requests.h"

namespace app {
namespace {

// The list's newest chats and every unread one get a preview at once; the
// others when opened (a store with hundreds of chats would spend its rate
// limit on chats nobody looks at).
constexpr std::size_t kPreviewedChats = 30;
constexpr int kPreviewMessages = 20;
constexpr int kHistoryPage = 50;
constexpr int kChatListPage = 100;

// Message ids are uint64 in decimal text: a longer one is larger.
bool id_less(std::string_view a, std::string_view b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

}  // namespace

std::string ChatsScreen::message_text(const core::ChatMessage& m) {
  std::string text;
  for (const auto& line : m.data) {
    if (!text.empty()) text += '\n';
    text += line;
  }
  return text;
}

ChatsScreen::ChatsScreen(App& app) : Feature(app) {
  handle<RefreshChats, SetChatFilter, OpenChat, CloseChat, LoadOlderMessages, MarkChatRead, EditChatDraft,
         SendChatMessage, OpenChatPosting, OpenChatForPosting, TranslateMessage, TranslateDraft,
         UndoDraftTranslation>(this);
  // A refreshed orders list may hold the postings chats are about.
  app.feature<OrdersScreen>().listen([this](const OrdersRefreshed&) { link_postings(); });
}

std::string ChatsScreen::store_key(std::string_view store_id) { return std::string("chats:").append(store_id); }

void ChatsScreen::reset_slice() {
  ChatsSlice fresh;
  fresh.drafts = std::move(slice_.drafts);
  fresh.draft_originals = std::move(slice_.draft_originals);
  slice_ = std::move(fresh);
  known_last_.clear();
  preview_in_flight_ = false;
}

void ChatsScreen::on_store_opened() {
  const std::string& active = app_.state().stores.active_id;
  if (store_id_ != active) {
    if (!store_id_.empty() && (!slice_.drafts.empty() || !slice_.draft_originals.empty())) {
      nlohmann::json kept = {{"drafts", slice_.drafts}, {"originals", slice_.draft_originals}};
      other_store_drafts_[store_id_] = std::move(kept);
    }
    slice_.drafts.clear();
    slice_.draft_originals.clear();
    store_id_ = active;
    if (auto it = other_store_drafts_.find(active); it != other_store_drafts_.end()) {
      const nlohmann::json kept = std::move(it->second);
      other_store_drafts_.erase(it);
      restore_draft(store_key(active), kept);
    }
  }
  reset_slice();
  ++generation_;
  load_list(false);
}

void ChatsScreen::prepare_frame(bool on_screen) {
  if (!on_screen) return;
  if (!slice_.loaded && !slice_.loading && !slice_.premium_required && app_.session()) load_list(false);
  follow_open_chat();
}

void ChatsScreen::load_list(bool background) {
  StoreSession* session = app_.session();
  if (!session || slice_.loading) return;
  slice_.loading = !background;
  const int generation = generation_;
  session->client().fetch_all<core::Chat>(
      [](const std::string& cursor) { return ozon::build_chat_list(cursor, kChatListPage); },
      &ozon::parse_chat_list,
      app_.guard([this, generation, background](ozon::Result<std::vector<core::Chat>> chats) {
        if (generation != generation_) return;
        slice_.loading = false;
        if (!chats) {
          if (ozon::premium_plus_refused(chats.error())) {
            slice_.premium_required = true;  // said plainly on the screen; no retry loop
            slice_.error = {};
            return;
          }
          if (!background) slice_.error = notice_for(chats.error());
          arm_refresh();
          return;
        }
        slice_.error = {};
        slice_.premium_required = false;
        apply_list(std::move(*chats), background);
        arm_refresh();
      }));
}

void ChatsScreen::apply_list(std::vector<core::Chat> chats, bool background) {
  std::map<std::string, ChatEntry> previous;
  for (auto& entry : slice_.chats) previous.emplace(entry.chat.chat_id, std::move(entry));
  std::vector<ChatEntry> fresh;
  fresh.reserve(chats.size());
  std::int64_t unread = 0;
  for (auto& chat : chats) {
    if (!chat.type.empty() && chat.type != "Buyer_Seller" && chat.type != "BUYER_SELLER") continue;
    ChatEntry entry;
    if (auto it = previous.find(chat.chat_id); it != previous.end()) entry = std::move(it->second);
    entry.chat = std::move(chat);
    unread += entry.chat.unread_count;
    fresh.push_back(std::move(entry));
  }
  slice_.chats = std::move(fresh);
  slice_.total_unread = unread;
  slice_.loaded = true;
  slice_.as_of = app_.now();
  // The first list of a store sets what is known; later ones alert what is
  // new, in a chat that appeared since too (all its unread buyer messages).
  for (const auto& entry : slice_.chats)
    if (!known_last_.count(entry.chat.chat_id))
      known_last_[entry.chat.chat_id] = background ? std::string() : entry.chat.last_message_id;
  read_next_preview();
  if (!pending_open_.empty() && find_chat(pending_open_)) on(OpenChat{std::exchange(pending_open_, {})});
}

// One chat at a time (the rate limiter would queue them anyway; one at a
// time lets a store switch stop them).
void ChatsScreen::read_next_preview() {
  if (preview_in_flight_ || !app_.session()) return;
  for (std::size_t i = 0; i < slice_.chats.size(); ++i) {
    const ChatEntry& entry = slice_.chats[i];
    if (entry.preview_of == entry.chat.last_message_id) continue;
    if (i >= kPreviewedChats && entry.chat.unread_count == 0 && pending_order_.empty()) continue;
    auto request = ozon::build_chat_history(entry.chat.chat_id, {}, kPreviewMessages, true);
    if (!request) continue;
    preview_in_flight_ = true;
    const int generation = generation_;
    const std::string chat_id = entry.chat.chat_id, last_id = entry.chat.last_message_id;
    const auto known = known_last_.find(chat_id);
    const bool report_new = known != known_last_.end();
    app_.session()->client().call(
        std::move(request.value()), &ozon::parse_chat_history,
        app_.guard([this, generation, chat_id, last_id, report_new](ozon::Result<ozon::Page<core::ChatMessage>> page) {
          if (generation != generation_) return;
          preview_in_flight_ = false;
          if (page) apply_preview(chat_id, last_id, std::move(page->items), report_new);
          else if (ChatEntry* failed = find_chat_mut(chat_id)) failed->preview_of = last_id;
          read_next_preview();
        }));
    return;
  }
  if (!pending_order_.empty() && slice_.loaded) {  // every chat read: none is about that order
    slice_.notice = {"chats.no_chat_for_order", {}, {{"order", std::exchange(pending_order_, {})}}};
  }
}

void ChatsScreen::apply_preview(const std::string& chat_id, const std::string& last_id,
                                std::vector<core::ChatMessage> newest, bool report_new) {
  auto* entry = find_chat_mut(chat_id);
  if (!entry) return;
  entry->preview_of = last_id;
  // Newest first (Backward): the first message is the latest.
  std::sort(newest.begin(), newest.end(),
            [](const core::ChatMessage& a, const core::ChatMessage& b) { return id_less(b.message_id, a.message_id); });
  if (!newest.empty()) {
    entry->preview = message_text(newest.front());
    entry->last_at = newest.front().created_at;
  }
  for (const auto& m : newest) {
    if (entry->order_number.empty() && !m.order_number.empty()) entry->order_number = m.order_number;
    if (core::from_buyer(m) && m.created_at > entry->last_buyer_at) entry->last_buyer_at = m.created_at;
  }
  link_postings();
  if (!pending_order_.empty() && entry->order_number == pending_order_) {
    pending_order_.clear();
    slice_.query.clear();
    on(OpenChat{chat_id});
    entry = find_chat_mut(chat_id);
  }
  // Buyer messages newer than what this page knew: alerts (oldest first).
  std::string& known = known_last_[chat_id];
  if (report_new) {
    auto& alerts = app_.feature<AlertsScreen>();
    for (auto it = newest.rbegin(); it != newest.rend(); ++it)
      if (core::from_buyer(*it) && !it->is_read && id_less(known, it->message_id))
        alerts.report_buyer_message(store_id_, chat_id, it->message_id, entry->posting_number);
  }
  if (id_less(known, last_id)) known = last_id;
  // The open chat follows while the seller looks at it. Reading it in marks
  // it read at Ozon: a chat left open behind another screen must stay unread
  // (and its alert unseen) until the seller comes back to it.
  if (app_.state().view == kId) follow_open_chat();
}

void ChatsScreen::follow_open_chat() {
  // Runs every frame the screen shows: the cheap checks before the list is searched.
  if (slice_.open.chat_id.empty() || slice_.open.loading || slice_.open.messages.empty()) return;
  const ChatEntry* entry = find_chat(slice_.open.chat_id);
  if (!entry || followed_last_ == entry->chat.last_message_id) return;
  if (!id_less(slice_.open.messages.back().message_id, entry->chat.last_message_id)) return;
  followed_last_ = entry->chat.last_message_id;
  load_open_history({});
}

// The chats' order numbers (a few dozen) are looked for in one pass over the
// postings: no index of a list of 100,000 is built for them (#17).
void ChatsScreen::link_postings() {
  std::map<std::string, std::string> first_posting;  // order number -> its first posting in the list
  for (const auto& entry : slice_.chats)
    if (!entry.order_number.empty()) first_posting.emplace(entry.order_number, std::string());
  std::size_t left = first_posting.size();
  for (const auto& p : app_.state().orders.list.postings()) {
    if (left == 0) break;
    if (p.order_number.empty() || !(p.store_id.empty() || p.store_id == store_id_)) continue;
    const auto it = first_posting.find(p.order_number);
    if (it == first_posting.end() || !it->second.empty()) continue;
    it->second = p.posting_number;
    --left;
  }
  for (auto& entry : slice_.chats) {
    if (entry.order_number.empty()) continue;
    if (const std::string& number = first_posting[entry.order_number]; !number.empty()) entry.posting_number = number;
  }
}

const ChatEntry* ChatsScreen::find_chat(std::string_view chat_id) const {
  for (const auto& entry : slice_.chats)
    if (entry.chat.chat_id == chat_id) return &entry;
  return nullptr;
}

ChatEntry* ChatsScreen::find_chat_mut(std::string_view chat_id) {
  for (auto& entry : slice_.chats)
    if (entry.chat.chat_id == chat_id) return &entry;
  return nullptr;
}

core::ChatWindowState ChatsScreen::write_window(const ChatEntry& chat) const {
  core::ChatWindowFacts facts;
  if (const core::Posting* p = chat.posting_number.empty() ? nullptr : app_.state().orders.list.find(chat.posting_number)) {
    facts.posting_known = true;
    facts.status = p->status;
  }
  facts.last_buyer_message_at = chat.last_buyer_at;
  if (slice_.open.chat_id == chat.chat.chat_id)
    for (const auto& m : slice_.open.messages)
      if (core::from_buyer(m)) facts.last_buyer_message_at = std::max(facts.last_buyer_message_at, m.created_at);
  if (chat.chat.status == "Closed") return {core::ChatWindow::closed, 0};
  return core::chat_write_window(facts, app_.now());
}

void ChatsScreen::arm_refresh() {
  const int timer = ++refresh_timer_;
  const int generation = generation_;
  const std::int64_t interval = std::max<std::int64_t>(app_.state().orders.refresh_interval_ms, 6'000);
  app_.after(interval, [this, timer, generation] {
    if (timer != refresh_timer_ || generation != generation_) return;
    if (!app_.state().device.online) return arm_refresh();
    load_list(true);
  });
}

void ChatsScreen::on(const RefreshChats&) {
  slice_.error = {};
  slice_.premium_required = false;
  load_list(false);  // a list already on its way is the refresh
}

void ChatsScreen::on(const SetChatFilter& a) {
  slice_.unread_only = a.unread_only;
  slice_.query = a.query;
  slice_.notice = {};
}

void ChatsScreen::on(const OpenChat& a) {
  const ChatEntry* entry = find_chat(a.chat_id);
  if (!entry) {
    pending_open_ = a.chat_id;  // the list is not in yet
    return;
  }
  if (slice_.open.chat_id != a.chat_id) {
    slice_.open = {};
    followed_last_.clear();
    slice_.open.chat_id = a.chat_id;
  }
  slice_.notice = {};
  app_.feature<AlertsScreen>().mark_chat_seen(store_id_, a.chat_id);
  load_open_history({});
  app_.schedule_draft_save();  // the screen draft remembers the open chat
}

void ChatsScreen::on(const CloseChat&) {
  slice_.open = {};
  app_.schedule_draft_save();
}

void ChatsScreen::on(const LoadOlderMessages&) {
  if (slice_.open.chat_id.empty() || slice_.open.loading || !slice_.open.has_older || slice_.open.messages.empty())
    return;
  load_open_history(slice_.open.messages.front().message_id);
}

// The newest page (from_message_id empty), or the page before `from`.
void ChatsScreen::load_open_history(const std::string& from_message_id) {
  if (!app_.session()) return;
  auto request = ozon::build_chat_history(slice_.open.chat_id, from_message_id, kHistoryPage, true);
  if (!request) {
    slice_.open.error = notice_for(request.error());
    return;
  }
  slice_.open.loading = true;
  const int generation = generation_;
  const std::string chat_id = slice_.open.chat_id;
  const bool older = !from_message_id.empty();
  app_.session()->client().call(
      std::move(request.value()), &ozon::parse_chat_history,
      app_.guard([this, generation, chat_id, older](ozon::Result<ozon::Page<core::ChatMessage>> page) {
        if (generation != generation_ || slice_.open.chat_id != chat_id) return;
        slice_.open.loading = false;
        if (!page) {
          slice_.open.error = ozon::premium_plus_refused(page.error()) ? Notice{"chats.premium_required", {}}
                                                                      : notice_for(page.error());
          return;
        }
        slice_.open.error = {};
        // Merge by id: pages overlap at their edge message.
        std::map<std::string, core::ChatMessage, bool (*)(const std::string&, const std::string&)> merged(
            [](const std::string& a, const std::string& b) { return id_less(a, b); });
        for (auto& m : slice_.open.messages) merged.emplace(m.message_id, std::move(m));
        for (auto& m : page->items) merged.insert_or_assign(m.message_id, std::move(m));
        slice_.open.messages.clear();
        for (auto& [id, m] : merged) slice_.open.messages.push_back(std::move(m));
        if (older || slice_.open.messages.size() <= static_cast<std::size_t>(kHistoryPage))
          slice_.open.has_older = page->has_next;
        ChatEntry* entry = find_chat_mut(chat_id);
        if (entry && !slice_.open.messages.empty()) {
          for (const auto& m : slice_.open.messages)
            if (entry->order_number.empty() && !m.order_number.empty()) entry->order_number = m.order_number;
          link_postings();
          // Opening a chat reads it: Ozon's read mark up to the newest message.
          if (!older && entry->chat.unread_count > 0) mark_read(chat_id, slice_.open.messages.back().message_id);
        }
      }));
}

void ChatsScreen::on(const MarkChatRead& a) {
  const ChatEntry* entry = find_chat(a.chat_id);
  if (!entry || entry->chat.last_message_id.empty()) return;
  mark_read(a.chat_id, entry->chat.last_message_id);
}

void ChatsScreen::mark_read(const std::string& chat_id, const std::string& message_id) {
  if (!app_.session()) return;
  auto request = ozon::build_chat_read(chat_id, message_id);
  if (!request) return;
  const int generation = generation_;
  app_.session()->client().call(
      std::move(request.value()), &ozon::parse_chat_read,
      app_.guard([this, generation, chat_id](ozon::Result<std::int64_t> left) {
        if (generation != generation_) return;
        auto* entry = find_chat_mut(chat_id);
        if (!entry) return;
        if (!left) {
          slice_.notice = notice_for(left.error());
          return;
        }
        slice_.total_unread -= entry->chat.unread_count - *left;
        entry->chat.unread_count = *left;
        app_.feature<AlertsScreen>().mark_chat_seen(store_id_, chat_id);
      }));
}

void ChatsScreen::on(const OpenChatPosting& a) {
  const ChatEntry* entry = find_chat(a.chat_id);
  if (!entry || entry->posting_number.empty()) {
    slice_.notice = {"chats.posting_not_loaded", {}, {{"order", entry ? entry->order_number : std::string{}}}};
    return;
  }
  const core::Posting* posting = app_.state().orders.list.find(entry->posting_number);
  if (!posting) return;
  auto& orders = app_.feature<OrdersScreen>();
  orders.on(SelectTab{core::stage_of(posting->status)});
  orders.on(OpenPosting{entry->posting_number});
  app_.mutable_state().view = "orders";
}

// From a posting (or a return): its order's chat, or the list narrowed to
// the order with a word that no chat about it is known yet.
void ChatsScreen::on(const OpenChatForPosting& a) {
  app_.mutable_state().view = "chats";
  const core::Posting* posting = app_.state().orders.list.find(a.posting_number);
  const std::string order = posting ? posting->order_number : a.posting_number.substr(0, a.posting_number.rfind('-'));
  // A posting of another store of the fleet ("All stores"): its chats are that store's.
  if (!a.store_id.empty() && a.store_id != app_.state().stores.active_id)
    for (const auto& store : app_.fleet())
      if (store.id == a.store_id) {
        app_.activate(store);
        break;
      }
  for (const auto& entry : slice_.chats)
    if (!order.empty() && entry.order_number == order) return on(OpenChat{entry.chat.chat_id});
  slice_.query = order;
  // The chat may be one whose messages are not read yet: opened when they are.
  const bool still_reading = !slice_.loaded || std::any_of(slice_.chats.begin(), slice_.chats.end(), [](const ChatEntry& e) {
    return e.preview_of != e.chat.last_message_id;
  });
  pending_order_ = still_reading ? order : std::string();
  slice_.notice = still_reading ? Notice{} : Notice{"chats.no_chat_for_order", {}, {{"order", order}}};
  if (still_reading) read_next_preview();  // now every chat, not only the newest
}

}  // namespace app
