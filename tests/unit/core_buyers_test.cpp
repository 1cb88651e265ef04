// Reply templates, the chat write window and the rFBS return state rules.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/chat.h"
#include "core/reply_template.h"
#include "core/rfbs_return.h"

using namespace core;

TEST_CASE("templates: placeholders filled from the posting, unknown ones left for the seller to see") {
  const TemplateValues values = {{"posting_number", "123-0001-1"}, {"buyer_name", "Иван"}, {"tracking_number", ""}};
  CHECK(fill_template("Заказ {posting_number} для {buyer_name}", values) == "Заказ 123-0001-1 для Иван");
  // Empty and unknown values stay as placeholders, so the seller sees what is missing.
  CHECK(fill_template("Трек: {tracking_number}, {nope}", values) == "Трек: {tracking_number}, {nope}");
  CHECK(unfilled_placeholders("Трек: {tracking_number}, {nope} {nope}") ==
        std::vector<std::string>{"{tracking_number}", "{nope}"});
  // A value is put in as given, never expanded again; stray braces are text.
  CHECK(fill_template("{a} {b", {{"a", "{b}"}, {"b", "x"}}) == "{b} {b");
  CHECK(unfilled_placeholders("{ not one } {Also_not} {}").empty());
}

TEST_CASE("templates: a greeting without the buyer's name loses its comma, not its sense") {
  const TemplateValues no_name = {{"buyer_name", ""}, {"posting_number", "1-2-3"}};
  CHECK(fill_template("Здравствуйте, {buyer_name}! Заказ {posting_number}.", no_name) == "Здравствуйте! Заказ 1-2-3.");
  // Only a known empty value goes; an unknown one stays for the seller to see.
  CHECK(fill_template("Здравствуйте, {nope}!", no_name) == "Здравствуйте, {nope}!");
  CHECK(fill_template("Здравствуйте, {buyer_name}!", {{"buyer_name", "Анна"}}) == "Здравствуйте, Анна!");
}

TEST_CASE("templates: the built-in library covers the seller's everyday replies, in Russian") {
  const auto library = builtin_reply_templates();
  for (const char* id : {"shipped", "delayed", "out_of_stock", "address_check", "return_steps", "review_thanks"}) {
    auto it = std::find_if(library.begin(), library.end(), [&](const ReplyTemplate& t) { return t.id == id; });
    REQUIRE_MESSAGE(it != library.end(), id);
    CHECK(it->builtin);
    CHECK(it->text_ru.find(it->use == "review" ? "Спасибо" : "Здравствуйте") != std::string::npos);
  }
  // Every placeholder a built-in template uses is one the console can fill.
  const std::vector<std::string> known = {"{posting_number}", "{order_number}", "{tracking_number}", "{buyer_name}",
                                          "{ship_date}",      "{delivery_date}", "{product}",        "{address}",
                                          "{store}",          "{return_number}"};
  for (const auto& t : library)
    for (const auto& p : unfilled_placeholders(t.text_ru))
      CHECK_MESSAGE(std::find(known.begin(), known.end(), p) != known.end(), std::string(t.id + " " + p));
}

TEST_CASE("templates: the buyer's first name from the name as Ozon sends it") {
  CHECK(buyer_first_name("Иванов Иван") == "Иван");
  CHECK(buyer_first_name("Мария Петрова") == "Мария");
  CHECK(buyer_first_name("  Анна  ") == "Анна");
  CHECK(buyer_first_name("Сергей") == "Сергей");
  CHECK(buyer_first_name("Ковальская Ольга Игоревна") == "Ольга");
  CHECK(buyer_first_name("") == "");
}

TEST_CASE("chat window: from payment until 72 h after delivery, then replies within 48 h") {
  const EpochMs hour = 3'600'000;
  const EpochMs now = 1'000 * hour;
  ChatWindowFacts facts;
  CHECK(chat_write_window(facts, now).window == ChatWindow::unknown);  // no posting: Ozon decides
  facts.posting_known = true;
  facts.status = PostingStatus::awaiting_packaging;
  CHECK(chat_write_window(facts, now).window == ChatWindow::open);
  facts.status = PostingStatus::awaiting_approve;
  CHECK(chat_write_window(facts, now).window == ChatWindow::not_paid);
  CHECK_FALSE(may_send(ChatWindow::not_paid));

  facts.status = PostingStatus::delivered;
  facts.delivered_at = now - 10 * hour;
  auto state = chat_write_window(facts, now);
  CHECK(state.window == ChatWindow::open);
  CHECK(state.until == facts.delivered_at + 72 * hour);

  facts.delivered_at = now - 80 * hour;
  CHECK(chat_write_window(facts, now).window == ChatWindow::closed);
  CHECK_FALSE(may_send(ChatWindow::closed));
  facts.last_buyer_message_at = now - 5 * hour;
  state = chat_write_window(facts, now);
  CHECK(state.window == ChatWindow::reply_only);
  CHECK(state.until == now + 43 * hour);
  CHECK(may_send(state.window));

  // Delivered at a time this page does not know: the 72 h may still run.
  facts.delivered_at = 0;
  facts.last_buyer_message_at = 0;
  CHECK(chat_write_window(facts, now).window == ChatWindow::unknown);
  facts.status = PostingStatus::cancelled;
  CHECK(chat_write_window(facts, now).window == ChatWindow::closed);
}

TEST_CASE("rFBS returns: each answer only in the states Ozon allows it") {
  CHECK(allowed_rfbs_actions("New") == std::vector<RfbsAction>{RfbsAction::verify, RfbsAction::reject,
                                                                RfbsAction::return_money, RfbsAction::compensate});
  CHECK(allowed_rfbs_actions("Delivering") == std::vector<RfbsAction>{RfbsAction::receive});
  CHECK(allowed_rfbs_actions("Checkout") ==
        std::vector<RfbsAction>{RfbsAction::return_money, RfbsAction::reject, RfbsAction::compensate});
  for (const char* done : {"Arbitration", "Approved", "Rejected", "", "Something"})
    CHECK(allowed_rfbs_actions(done).empty());
  CHECK_FALSE(rfbs_action_allowed("Delivering", RfbsAction::verify));
  CHECK(rfbs_state_after("New", RfbsAction::verify) == "Delivering");
  CHECK(rfbs_state_after("Delivering", RfbsAction::receive) == "Checkout");
  CHECK(rfbs_state_after("Checkout", RfbsAction::return_money) == "Approved");
  CHECK(rfbs_state_after("New", RfbsAction::reject) == "Rejected");
  CHECK(rfbs_state_after("Approved", RfbsAction::reject) == "Approved");  // refused: unchanged
  for (const auto action : kRfbsActions) CHECK(rfbs_action_from_name(rfbs_action_name(action)) == action);
  CHECK_FALSE(rfbs_action_from_name("refund").has_value());
  RfbsReturn r;
  r.state = "New";
  CHECK(rfbs_group_of(r) == "New");
  r.group_state = "Checkout";
  CHECK(rfbs_group_of(r) == "Checkout");
}
