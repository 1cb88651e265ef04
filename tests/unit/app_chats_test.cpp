// The chats screen against the in-process demo marketplace: chats loaded
// with the postings they are about, a template reply sent through the
// outbox, a refused reply put back in the draft, read marks, a buyer's new
// message as an alert, Premium Plus refused plainly, drafts across a reload.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>

#include "app/alerts_screen.h"
#include "app/chats_screen.h"
#include "app/reply_templates.h"
#include "app/snapshot.h"
#include "app_test_support.h"

namespace {

const app::ChatsSlice& chats_of(app::App& app) { return app.feature<app::ChatsScreen>().slice(); }

// A chat about a posting of the loaded list whose window is open.
const app::ChatEntry* writable_chat(app::App& app) {
  const auto& screen = app.feature<app::ChatsScreen>();
  for (const auto& entry : screen.slice().chats)
    if (!entry.posting_number.empty() && entry.chat.status != "Closed" &&
        screen.write_window(entry).window == core::ChatWindow::open)
      return &entry;
  return nullptr;
}

int calls_to(app_test::Device& device, std::string_view path) {
  return device.roads.market.faults().calls(path);
}

}  // namespace

TEST_CASE("chats: the list loads with the store, each chat with its posting and the newest message") {
  app_test::Device device;
  const auto& slice = chats_of(*device.app);
  REQUIRE(slice.loaded);
  REQUIRE_FALSE(slice.chats.empty());
  CHECK(slice.total_unread > 0);
  const auto linked = std::count_if(slice.chats.begin(), slice.chats.end(),
                                    [](const app::ChatEntry& e) { return !e.posting_number.empty(); });
  CHECK(linked > 0);
  // The newest chats and every unread one are read at once; the rest when opened.
  for (std::size_t i = 0; i < slice.chats.size(); ++i)
    if (i < 30 || slice.chats[i].chat.unread_count > 0) CHECK_MESSAGE(!slice.chats[i].preview.empty(), i);
  // The first list of the page alerts nothing: what is unread is counted, not announced.
  for (const auto& alert : device.app->feature<app::AlertsScreen>().book().alerts())
    CHECK(alert.kind != core::AlertKind::buyer_message);
  const auto snap = app::snapshot(*device.app);
  CHECK(snap["chats"]["list"].size() == slice.chats.size());
}

TEST_CASE("chats: opening reads the chat; a template filled from the posting is sent once through the outbox") {
  app_test::Device device;
  auto& app = *device.app;
  const app::ChatEntry* chat = writable_chat(app);
  REQUIRE(chat != nullptr);
  const std::string id = chat->chat.chat_id, posting = chat->posting_number;
  app.apply(app::OpenChat{id});
  device.settle();
  const auto& slice = chats_of(app);
  REQUIRE(slice.open.chat_id == id);
  REQUIRE_FALSE(slice.open.messages.empty());
  CHECK(app.feature<app::ChatsScreen>().find_chat(id)->chat.unread_count == 0);

  const auto& library = app.feature<app::ReplyTemplates>();
  const auto templates = library.templates("chat");
  auto delayed = std::find_if(templates.begin(), templates.end(), [](const auto& t) { return t.id == "delayed"; });
  REQUIRE(delayed != templates.end());
  const std::string text = core::fill_template(delayed->text_ru, library.values_for(app.state().orders.list.find(posting)));
  CHECK(text.find(posting) != std::string::npos);
  CHECK(core::unfilled_placeholders(text).empty());
  const int sent_before = calls_to(device, "/v1/chat/send/message");
  // A placeholder the posting had no value for is refused, the draft kept.
  app.apply(app::EditChatDraft{id, text + " Трек-номер: {tracking_number}."});
  app.apply(app::SendChatMessage{id});
  REQUIRE(slice.send_errors.count(id) == 1);
  CHECK(slice.send_errors.at(id).key == "chats.unfilled");
  CHECK(slice.send_errors.at(id).params.at(0).second == "{tracking_number}");
  CHECK(slice.drafts.count(id) == 1);
  app.apply(app::EditChatDraft{id, text});
  app.apply(app::SendChatMessage{id});
  CHECK(slice.drafts.count(id) == 0);  // the outbox holds it now
  device.settle();
  CHECK(calls_to(device, "/v1/chat/send/message") - sent_before == 1);
  CHECK(app.state().outbox.pending == 0);
  const auto& messages = chats_of(app).open.messages;
  CHECK(std::any_of(messages.begin(), messages.end(), [&](const core::ChatMessage& m) {
    return (m.user_type == "seller" || m.user_type == "Seller") && !m.data.empty() && m.data.front() == text;
  }));
}

TEST_CASE("chats: a reply Ozon refuses comes back into the draft, nothing lost") {
  app_test::Device device;
  auto& app = *device.app;
  const auto& screen = app.feature<app::ChatsScreen>();
  // Ozon refuses what the console cannot rule out: a chat whose posting's
  // window it does not know (delivered long ago) or a closed one.
  std::vector<std::string> ids;  // the list is read again after each reply
  for (const auto& entry : screen.slice().chats) ids.push_back(entry.chat.chat_id);
  std::string refused_chat;
  for (const auto& id : ids) {
    app.apply(app::EditChatDraft{id, "Проверка"});
    app.apply(app::SendChatMessage{id});
    device.settle();
    if (screen.slice().send_errors.count(id) && screen.slice().send_errors.at(id).key == "chats.refused") {
      refused_chat = id;
      break;
    }
    app.apply(app::EditChatDraft{id, ""});
  }
  REQUIRE_FALSE(refused_chat.empty());
  CHECK(screen.slice().drafts.at(refused_chat) == "Проверка");
  CHECK_FALSE(screen.slice().send_errors.at(refused_chat).detail.empty());  // Ozon's words
  CHECK(app.state().outbox.failed == 0);  // the draft has it: nothing waits in Needs attention
}

TEST_CASE("chats: the send button's rules: 1..1000 characters, not where Ozon's window is closed") {
  app_test::Device device;
  auto& app = *device.app;
  const app::ChatEntry* chat = writable_chat(app);
  REQUIRE(chat != nullptr);
  const std::string id = chat->chat.chat_id;
  app.apply(app::EditChatDraft{id, std::string(1001, 'a')});
  app.apply(app::SendChatMessage{id});
  CHECK(chats_of(app).send_errors.at(id).key == "chats.length");
  CHECK(app.state().outbox.pending == 0);
  CHECK(chats_of(app).drafts.at(id).size() == 1001);
}

TEST_CASE("chats: a buyer's new message raises an alert that opens the chat") {
  app_test::Device device;
  auto& app = *device.app;
  const app::ChatEntry* chat = writable_chat(app);
  REQUIRE(chat != nullptr);
  const std::string id = chat->chat.chat_id;
  auto added = device.roads.market.add_buyer_message(id, "Здравствуйте! Когда будет отправка?", device.clock.now_ms());
  REQUIRE(added);
  device.clock.set(device.clock.now_ms() + app.state().orders.refresh_interval_ms + 1'000);
  device.settle();
  const auto& alerts = app.feature<app::AlertsScreen>().book().alerts();
  auto it = std::find_if(alerts.begin(), alerts.end(),
                         [&](const core::Alert& a) { return a.kind == core::AlertKind::buyer_message && a.chat_id == id; });
  REQUIRE(it != alerts.end());
  CHECK_FALSE(it->seen);
  const std::uint64_t alert_id = it->id;
  app.apply(app::OpenAlert{alert_id});
  device.settle();
  CHECK(app.state().view == "chats");
  CHECK(chats_of(app).open.chat_id == id);
  const auto& messages = chats_of(app).open.messages;
  CHECK(std::any_of(messages.begin(), messages.end(), [](const core::ChatMessage& m) {
    return !m.data.empty() && m.data.front() == "Здравствуйте! Когда будет отправка?";
  }));
  const auto& after = app.feature<app::AlertsScreen>().book().alerts();
  CHECK(std::all_of(after.begin(), after.end(), [&](const core::Alert& a) { return a.chat_id != id || a.seen; }));
}

TEST_CASE("chats: a chat left open behind another screen stays unread, its alert unseen, until the seller is back") {
  app_test::Device device;
  auto& app = *device.app;
  const app::ChatEntry* chat = writable_chat(app);
  REQUIRE(chat != nullptr);
  const std::string id = chat->chat.chat_id;
  app.apply(app::ShowView{"chats"});
  app.apply(app::OpenChat{id});
  device.settle();
  app.apply(app::ShowView{"orders"});
  const std::string text = "А можно поменять адрес?";
  REQUIRE(device.roads.market.add_buyer_message(id, text, device.clock.now_ms()));
  device.clock.set(device.clock.now_ms() + app.state().orders.refresh_interval_ms + 1'000);
  device.settle();
  const auto has_text = [&] {
    const auto& messages = chats_of(app).open.messages;
    return std::any_of(messages.begin(), messages.end(),
                       [&](const core::ChatMessage& m) { return !m.data.empty() && m.data.front() == text; });
  };
  const auto alert_seen = [&] {
    for (const auto& a : app.feature<app::AlertsScreen>().book().alerts())
      if (a.kind == core::AlertKind::buyer_message && a.chat_id == id) return std::optional<bool>(a.seen);
    return std::optional<bool>();
  };
  REQUIRE(alert_seen().has_value());
  CHECK_FALSE(*alert_seen());
  CHECK(app.feature<app::ChatsScreen>().find_chat(id)->chat.unread_count > 0);
  CHECK_FALSE(has_text());
  // Back on the screen: the open chat catches up and is read.
  app.apply(app::ShowView{"chats"});
  device.settle();
  device.settle();
  CHECK(has_text());
  CHECK(app.feature<app::ChatsScreen>().find_chat(id)->chat.unread_count == 0);
  CHECK(*alert_seen());
}

TEST_CASE("chats: without Premium Plus the screen says so and the orders are untouched") {
  app_test::Device device;
  device.roads.market.set_premium_plus(false);
  device.reload();
  auto& app = *device.app;
  CHECK(chats_of(app).premium_required);
  CHECK(chats_of(app).error.empty());
  CHECK(app.state().orders.list.postings().size() > 0);
  CHECK(app.state().orders.error.empty());
  // The plan comes back: a check again finds the chats.
  device.roads.market.set_premium_plus(true);
  app.apply(app::RefreshChats{});
  device.settle();
  CHECK_FALSE(chats_of(app).premium_required);
  CHECK_FALSE(chats_of(app).chats.empty());
}

TEST_CASE("chats: a half-written reply and the seller's own template survive a reload") {
  app_test::Device device;
  const std::string id = chats_of(*device.app).chats.front().chat.chat_id;
  device.app->apply(app::EditChatDraft{id, "Добрый день! Уточните"});
  core::ReplyTemplate own;
  own.text_ru = "Спасибо, что выбрали наш магазин!";
  own.meaning["en"] = "Thanks for choosing our shop!";
  device.app->apply(app::SaveReplyTemplate{own});
  device.app->apply(app::OpenChat{id});
  device.settle();
  device.reload();
  auto& app = *device.app;
  CHECK(chats_of(app).drafts.at(id) == "Добрый день! Уточните");
  CHECK(app.feature<app::ChatsScreen>().slice().open.chat_id == id);
  const auto& mine = app.feature<app::ReplyTemplates>().own();
  REQUIRE(mine.size() == 1);
  CHECK(mine.front().text_ru == own.text_ru);
  CHECK(app.feature<app::ReplyTemplates>().meaning_of(mine.front()) == "Thanks for choosing our shop!");
}

TEST_CASE("chats: opened from a posting (its order's chat), and the posting from the chat") {
  app_test::Device device;
  auto& app = *device.app;
  const app::ChatEntry* chat = writable_chat(app);
  REQUIRE(chat != nullptr);
  const std::string id = chat->chat.chat_id, posting = chat->posting_number;
  app.apply(app::OpenChatForPosting{posting, {}});
  device.settle();
  CHECK(app.state().view == "chats");
  CHECK(chats_of(app).open.chat_id == id);
  app.apply(app::OpenChatPosting{id});
  device.settle();
  CHECK(app.state().view == "orders");
  CHECK(app.state().orders.open == posting);
  // A posting no buyer wrote about: said so, the list narrowed to its order.
  std::string quiet;
  for (const auto& p : app.state().orders.list.postings()) {
    const auto& chats = chats_of(app).chats;
    if (std::none_of(chats.begin(), chats.end(), [&](const app::ChatEntry& e) { return e.order_number == p.order_number; })) {
      quiet = p.posting_number;
      break;
    }
  }
  REQUIRE_FALSE(quiet.empty());
  app.apply(app::OpenChatForPosting{quiet, {}});
  device.settle();
  CHECK(chats_of(app).notice.key == "chats.no_chat_for_order");
}

TEST_CASE("chats: a buyer writing in an old chat far down the list (not read at start) is alerted too") {
  app_test::Device device;
  auto& app = *device.app;
  const auto before = chats_of(app).chats.size();
  const std::string id = chats_of(app).chats.back().chat.chat_id;
  REQUIRE(device.roads.market.add_buyer_message(id, "Добрый вечер, есть вопрос по заказу", device.clock.now_ms()));
  device.clock.set(device.clock.now_ms() + app.state().orders.refresh_interval_ms + 1'000);
  device.settle();
  CHECK(chats_of(app).chats.size() == before);
  const auto& alerts = app.feature<app::AlertsScreen>().book().alerts();
  CHECK(std::any_of(alerts.begin(), alerts.end(),
                    [&](const core::Alert& a) { return a.kind == core::AlertKind::buyer_message && a.chat_id == id; }));
}
