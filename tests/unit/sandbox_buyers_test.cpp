// The demo marketplace's buyers side: chats, FBS returns, rFBS return
// requests and reviews, consistent with the postings, their rules and
// refusals, Premium Plus, and every reply against the spec's 200-response
// keys and types (tests/fixtures/ozon/buyers_reply_schemas.json, extracted
// from Ozon's OpenAPI spec).
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <string>

#include "ozon_test_support.h"
#include "sandbox_test_support.h"

using namespace sandbox_test;

namespace {

// Every key of `j` must be one of the spec's for `route`, with its JSON type
// (null stands for any). `list_as_object`: the spec declares /v2/returns/rfbs/
// list's `returns` an object, Ozon (and the sandbox) answer a list of them.
void check_keys(const json& spec, const json& j, const std::string& here, const std::string& route,
                bool list_as_object) {
  if (j.is_array()) {
    for (const auto& item : j) check_keys(spec, item, list_as_object ? here : here + "[]", route, false);
    return;
  }
  if (!j.is_object()) return;
  for (const auto& item : j.items()) {  // no structured binding: clang 14 cannot capture one in CHECK_MESSAGE
    const json& value = item.value();
    const std::string path = here + "/" + item.key();
    // The sandbox's two extensions of /get, as its list writes them (see sandbox/marketplace.h).
    const bool extension =
        route == "/v2/returns/rfbs/get" && (path == "/returns/state/group_state" || path == "/returns/return_id");
    if (extension) continue;
    REQUIRE_MESSAGE(spec.contains(path), route << ": not in the spec: " << path);
    const std::string type = spec[path].get<std::string>();
    const bool listed = list_as_object && path == "/returns" && value.is_array();
    const bool ok = listed || value.is_null() || type.empty() || (type == "integer" && value.is_number_integer()) ||
                    (type == "number" && value.is_number()) || (type == "string" && value.is_string()) ||
                    (type == "boolean" && value.is_boolean()) || (type == "object" && value.is_object()) ||
                    (type == "array" && value.is_array());
    CHECK_MESSAGE(ok, route << ": " << path << " is not a " << type << ": " << value.dump());
    check_keys(spec, value, path, route, list_as_object && path == "/returns");
  }
}

void check_shape(std::string_view route, const json& reply) {
  static const json all = json::parse(ozon_test::fixture("buyers_reply_schemas.json"));
  const std::string r(route);
  REQUIRE(all.contains(r));
  check_keys(all[r], reply, "", r, r == "/v2/returns/rfbs/list");
}

std::string error_message(const Sim& s) { return message(s.last); }

std::vector<json> all_chats(Sim& s) {
  json r = s.call(ep::kChatList, {{"limit", 1000}});
  REQUIRE(s.last.status == 200);
  return r["chats"].get<std::vector<json>>();
}

json history(Sim& s, const std::string& chat) {
  json h = s.call(ep::kChatHistory, {{"chat_id", chat}, {"limit", 1000}, {"direction", "Forward"}});
  REQUIRE(s.last.status == 200);
  return h["messages"];
}

std::vector<json> rfbs_all(Sim& s, const json& filter = json::object()) {
  json r = s.call(ep::kRfbsReturnsList, {{"limit", 1000}, {"filter", filter}});
  REQUIRE(s.last.status == 200);
  REQUIRE(r["returns"].is_array());
  return r["returns"].get<std::vector<json>>();
}

json rfbs_get(Sim& s, std::int64_t id) {
  json r = s.call(ep::kRfbsReturnGet, {{"return_id", id}});
  REQUIRE(s.last.status == 200);
  return r["returns"];
}

std::int64_t rfbs_in(Sim& s, const char* group) {
  auto rows = rfbs_all(s, {{"group_state", {group}}});
  REQUIRE(!rows.empty());
  return rows[0]["return_id"].get<std::int64_t>();
}

std::set<std::int64_t> action_ids(const json& r) {
  std::set<std::int64_t> ids;
  for (const auto& a : r["available_actions"]) ids.insert(a["id"].get<std::int64_t>());
  return ids;
}

}  // namespace

TEST_CASE("sandbox buyers: Premium Plus guards chats and reviews, not returns") {
  CHECK(sandbox::Marketplace(sandbox::Marketplace::demo_seed(0), kNow).premium_plus());
  CHECK(sandbox::Marketplace(sandbox::Marketplace::demo_seed(1), kNow).premium_plus());
  CHECK_FALSE(sandbox::Marketplace(sandbox::Marketplace::demo_seed(2), kNow).premium_plus());
  Sim s;
  REQUIRE(s.m.premium_plus());
  s.call(ep::kChatList, {{"limit", 10}});
  CHECK(s.last.status == 200);
  s.m.set_premium_plus(false);
  for (auto path : {ep::kChatList, ep::kChatHistory, ep::kChatSendMessage, ep::kChatRead, ep::kReviewList,
                    ep::kReviewInfo, ep::kReviewChangeStatus, ep::kReviewCommentList, ep::kReviewCommentCreate}) {
    json e = s.call(path, {{"limit", 20}});
    CHECK_MESSAGE(s.last.status == 403, path);
    CHECK(e["code"] == 7);
    CHECK(e["details"].is_array());
    CHECK(e["message"].get<std::string>().find("Premium Plus") != std::string::npos);
  }
  s.call(ep::kReturnsList, {{"limit", 10}});
  CHECK(s.last.status == 200);
  s.call(ep::kRfbsReturnsList, {{"limit", 10}});
  CHECK(s.last.status == 200);
  s.m.set_premium_plus(true);
  s.call(ep::kReviewList, {{"limit", 20}});
  CHECK(s.last.status == 200);
}

TEST_CASE("sandbox buyers: chats follow the postings, in Russian, with uint64 ids and unread messages") {
  Sim s;
  std::map<std::string, json> by_order;
  for (auto& p : s.all()) by_order[p["order_number"].get<std::string>()] = p;
  json list = s.call(ep::kChatList, {{"limit", 1000}});
  check_shape(ep::kChatList, list);
  const auto chats = list["chats"];
  CHECK(chats.size() >= 40);
  std::int64_t unread = 0;
  bool high_ids = false;
  for (const auto& c : chats) {
    unread += c["unread_count"].get<std::int64_t>();
    CHECK(c["chat"]["chat_type"] == "Buyer_Seller");
    const json& last = c["last_message_id"];
    if (last.is_number_unsigned() && last.get<std::uint64_t>() > std::uint64_t{1} << 63) high_ids = true;
  }
  CHECK(unread > 5);
  CHECK(list["total_unread_count"] == unread);
  CHECK(high_ids);
  // Every chat is about one of the store's orders and one of its products.
  int checked = 0;
  for (const auto& c : chats) {
    if (checked++ == 25) break;
    json msgs = history(s, c["chat"]["chat_id"]);
    check_shape(ep::kChatHistory, {{"has_next", false}, {"messages", msgs}});
    REQUIRE(!msgs.empty());
    const std::string order = msgs[0]["context"]["order_number"];
    REQUIRE(by_order.count(order) == 1);
    bool sku_of_posting = false;
    for (auto& pr : by_order[order]["products"])
      sku_of_posting = sku_of_posting || std::to_string(pr["sku"].get<std::int64_t>()) == msgs[0]["context"]["sku"];
    CHECK(sku_of_posting);
    CHECK(msgs[0]["user"]["type"] == "customer");
    const std::string text = msgs[0]["data"][0];
    CHECK(text.find("\xd0") != std::string::npos);  // Cyrillic
    for (std::size_t i = 1; i < msgs.size(); ++i)
      CHECK(msgs[i]["message_id"].get<std::uint64_t>() > msgs[i - 1]["message_id"].get<std::uint64_t>());
  }
  // unread_only and the status filter.
  json only = s.call(ep::kChatList, {{"limit", 1000}, {"filter", {{"unread_only", true}}}});
  for (auto& c : only["chats"]) CHECK(c["unread_count"].get<std::int64_t>() > 0);
  s.call(ep::kChatList, {{"limit", 10}, {"filter", {{"chat_status", "Opened"}}}});
  CHECK(s.last.status == 200);
}

TEST_CASE("sandbox buyers: chat requests are validated as the spec says") {
  Sim s;
  const std::string chat = all_chats(s)[0]["chat"]["chat_id"];
  s.call(ep::kChatList, {{"limit", 0}});
  CHECK(s.last.status == 400);
  s.call(ep::kChatList, {{"limit", "ten"}});
  CHECK(s.last.status == 400);
  s.call(ep::kChatList, {{"limit", 10}, {"filter", {{"chat_status", "Archived"}}}});
  CHECK(s.last.status == 400);
  s.call(ep::kChatList, {{"limit", 10}, {"cursor", "x"}});
  CHECK(s.last.status == 400);
  s.call(ep::kChatHistory, {{"limit", 10}});
  CHECK(s.last.status == 400);
  s.call(ep::kChatHistory, {{"chat_id", "no-such-chat"}});
  CHECK(s.last.status == 404);
  s.call(ep::kChatHistory, {{"chat_id", chat}, {"direction", "Sideways"}});
  CHECK(s.last.status == 400);
  s.call(ep::kChatHistory, {{"chat_id", chat}, {"limit", 1001}});
  CHECK(s.last.status == 400);
  s.call(ep::kChatHistory, {{"chat_id", chat}, {"from_message_id", -1}});
  CHECK(s.last.status == 400);
  // Backward (the default) from a message: it and older ones, newest first.
  json msgs = history(s, chat);
  REQUIRE(msgs.size() >= 2);
  json back = s.call(ep::kChatHistory, {{"chat_id", chat}, {"from_message_id", msgs[msgs.size() - 2]["message_id"]}});
  CHECK(back["messages"].size() == msgs.size() - 1);
  CHECK(back["messages"][0]["message_id"] == msgs[msgs.size() - 2]["message_id"]);
  json picked = s.call(ep::kChatHistory, {{"chat_id", chat},
                                          {"filter", {{"message_ids", {std::to_string(msgs[0]["message_id"].get<std::uint64_t>())}}}}});
  CHECK(picked["messages"].size() == 1);
  // Send: chat_id and text required, 1..1000 characters.
  s.call(ep::kChatSendMessage, {{"text", "Здравствуйте"}});
  CHECK(s.last.status == 400);
  s.call(ep::kChatSendMessage, {{"chat_id", "no-such-chat"}, {"text", "Здравствуйте"}});
  CHECK(s.last.status == 404);
  std::string long_text;
  for (int i = 0; i < 1001; ++i) long_text += "я";
  s.call(ep::kChatSendMessage, {{"chat_id", chat}, {"text", long_text}});
  CHECK(s.last.status == 400);
}

TEST_CASE("sandbox buyers: /v2/chat/read marks a message and the earlier ones read") {
  Sim s;
  s.m.set_arrivals(false);
  std::string chat;
  for (auto& c : all_chats(s))
    if (c["unread_count"].get<std::int64_t>() >= 1) chat = c["chat"]["chat_id"];
  REQUIRE(!chat.empty());
  // Two unread at least: one more from the buyer.
  auto added = s.m.add_buyer_message(chat, "Есть новости по заказу?", s.t);
  REQUIRE(added);
  CHECK(added->chat_id == chat);
  json msgs = history(s, chat);
  std::vector<std::uint64_t> unread_ids;
  for (auto& m : msgs)
    if (!m["is_read"].get<bool>()) unread_ids.push_back(m["message_id"].get<std::uint64_t>());
  REQUIRE(unread_ids.size() >= 2);
  CHECK(unread_ids.back() == added->message_id);
  json r = s.call(ep::kChatRead, {{"chat_id", chat}, {"from_message_id", unread_ids[0]}});
  check_shape(ep::kChatRead, r);
  CHECK(r["unread_count"] == static_cast<std::int64_t>(unread_ids.size() - 1));
  // A uint64 in text form is read too (protobuf's JSON).
  r = s.call(ep::kChatRead, {{"chat_id", chat}, {"from_message_id", std::to_string(unread_ids.back())}});
  CHECK(r["unread_count"] == 0);
  for (auto& m : history(s, chat)) CHECK(m["is_read"] == true);
  s.call(ep::kChatRead, {{"from_message_id", unread_ids[0]}});
  CHECK(s.last.status == 400);
  s.call(ep::kChatRead, {{"chat_id", "no-such-chat"}});
  CHECK(s.last.status == 404);
  s.call(ep::kChatRead, {{"chat_id", chat}, {"from_message_id", "latest"}});
  CHECK(s.last.status == 400);
  s.call(ep::kChatRead, {{"chat_id", chat}, {"from_message_id", 12345}});
  CHECK(s.last.status == 400);  // not a message of this chat
}

TEST_CASE("sandbox buyers: the seller writes until 72 h after delivery, then only answers within 48 h") {
  Sim s;
  s.m.set_arrivals(false);
  std::vector<std::string> refused;
  std::string allowed;
  for (auto& c : all_chats(s)) {
    if (c["chat"]["chat_status"] != "Opened") continue;
    const std::string id = c["chat"]["chat_id"];
    json r = s.call(ep::kChatSendMessage, {{"chat_id", id}, {"text", "Добрый день! Чем можем помочь?"}});
    if (s.last.status == 200) {
      check_shape(ep::kChatSendMessage, r);
      allowed = id;
      continue;
    }
    CHECK(s.last.status == 400);
    CHECK(error_message(s).rfind("CHAT_SEND_NOT_ALLOWED", 0) == 0);
    refused.push_back(id);
  }
  CHECK(!allowed.empty());
  REQUIRE(refused.size() >= 2);  // one delivered long ago, one cancelled
  bool delivered_long_ago = false;
  for (const auto& id : refused) {
    json msgs = history(s, id);
    const std::string order = msgs[0]["context"]["order_number"];
    for (auto& p : s.all())
      if (p["order_number"] == order) {
        CHECK((p["status"] == "delivered" || p["status"] == "cancelled"));
        delivered_long_ago = delivered_long_ago || p["status"] == "delivered";
      }
  }
  CHECK(delivered_long_ago);
  // The buyer writes: the seller may answer for 48 h.
  REQUIRE(s.m.add_buyer_message(refused[0], "", s.t));
  s.call(ep::kChatSendMessage, {{"chat_id", refused[0]}, {"text", "Здравствуйте! Отвечаем на ваш вопрос."}});
  CHECK(s.last.status == 200);
  s.t += 49 * 3'600'000LL;
  s.call(ep::kChatSendMessage, {{"chat_id", refused[0]}, {"text", "Ещё одно сообщение"}});
  CHECK(s.last.status == 400);
  // A closed chat refuses too.
  for (auto& c : all_chats(s))
    if (c["chat"]["chat_status"] == "Closed") {
      s.call(ep::kChatSendMessage, {{"chat_id", c["chat"]["chat_id"]}, {"text", "Здравствуйте"}});
      CHECK(s.last.status == 400);
      CHECK(error_message(s).rfind("CHAT_IS_CLOSED", 0) == 0);
    }
}

TEST_CASE("sandbox buyers: buyer messages keep arriving, the same for the same seed") {
  Sim a, b;
  auto unread = [](Sim& s) { return s.call(ep::kChatList, {{"limit", 1}})["total_unread_count"].get<std::int64_t>(); };
  const std::int64_t before = unread(a);
  CHECK(unread(b) == before);
  a.t += 3 * 3'600'000LL;  // about 12..30 messages in 3 h
  b.t += 3 * 3'600'000LL;
  const std::int64_t after = unread(a);
  CHECK(after >= before + 10);
  CHECK(unread(b) == after);
  CHECK(a.call(ep::kChatList, {{"limit", 1000}}) == b.call(ep::kChatList, {{"limit", 1000}}));
  // Arrivals off: the chats stay as they are.
  a.m.set_arrivals(false);
  const std::int64_t still = unread(a);
  a.t += 3 * 3'600'000LL;
  CHECK(unread(a) == still);
  // The control call: a random open chat, or a given one; unknown chats refused.
  auto any = a.m.add_buyer_message("", "", a.t);
  REQUIRE(any);
  CHECK(unread(a) == still + 1);
  CHECK_FALSE(a.m.add_buyer_message("no-such-chat", "Привет", a.t));
}

TEST_CASE("sandbox buyers: FBS returns come from delivered FBS postings, with the spec's filters") {
  Sim s;
  std::map<std::string, json> postings;
  for (auto& p : s.all()) postings[p["posting_number"].get<std::string>()] = p;
  std::vector<json> all;
  std::int64_t last = 0;
  for (int guard = 0; guard < 100; ++guard) {
    json r = s.call(ep::kReturnsList, {{"limit", 7}, {"last_id", last}});
    REQUIRE(s.last.status == 200);
    check_shape(ep::kReturnsList, r);
    for (auto& x : r["returns"]) all.push_back(x);
    if (!r["has_next"].get<bool>()) break;
    last = r["returns"].back()["id"].get<std::int64_t>();
  }
  REQUIRE(all.size() >= 20);
  std::set<std::string> statuses;
  std::set<std::int64_t> ids;
  for (auto& r : all) {
    CHECK(ids.insert(r["id"].get<std::int64_t>()).second);
    statuses.insert(r["visual"]["status"]["sys_name"].get<std::string>());
    const std::string number = r["posting_number"];
    REQUIRE(postings.count(number) == 1);
    const json& p = postings[number];
    CHECK(p["status"] == "delivered");
    CHECK(p["customer"].is_null());  // FBS
    CHECK(r["order_number"] == p["order_number"]);
    bool sku = false;
    for (auto& pr : p["products"]) sku = sku || pr["sku"] == r["product"]["sku"];
    CHECK(sku);
  }
  CHECK(statuses.size() >= 3);
  // Filters.
  const json& one = all[3];
  json by_number = s.call(ep::kReturnsList, {{"limit", 500}, {"filter", {{"posting_numbers", {one["posting_number"]}}}}});
  REQUIRE(!by_number["returns"].empty());
  for (auto& r : by_number["returns"]) CHECK(r["posting_number"] == one["posting_number"]);
  const std::string status = one["visual"]["status"]["sys_name"];
  json by_status = s.call(ep::kReturnsList, {{"limit", 500}, {"filter", {{"visual_status_name", status}}}});
  REQUIRE(!by_status["returns"].empty());
  for (auto& r : by_status["returns"]) CHECK(r["visual"]["status"]["sys_name"] == status);
  const std::string moment = one["visual"]["change_moment"];
  json by_moment = s.call(ep::kReturnsList, {{"limit", 500},
                                             {"filter", {{"visual_status_change_moment", {{"time_from", moment}, {"time_to", moment}}}}}});
  REQUIRE(!by_moment["returns"].empty());
  for (auto& r : by_moment["returns"]) CHECK(r["visual"]["change_moment"] == moment);
  s.call(ep::kReturnsList, {{"limit", 10},
                            {"filter", {{"visual_status_change_moment", {{"time_from", moment}}},
                                        {"logistic_return_date", {{"time_from", moment}}}}}});
  CHECK(s.last.status == 400);
  s.call(ep::kReturnsList, {{"limit", 10}, {"filter", {{"visual_status_change_moment", {{"time_from", "yesterday"}}}}}});
  CHECK(s.last.status == 400);
  json fbo = s.call(ep::kReturnsList, {{"limit", 10}, {"filter", {{"return_schema", "FBO"}}}});
  CHECK(fbo["returns"].empty());
  s.call(ep::kReturnsList, {{"limit", 10}, {"filter", {{"return_schema", "DBS"}}}});
  CHECK(s.last.status == 400);
}

TEST_CASE("sandbox buyers: rFBS return requests in every state, from delivered rFBS postings") {
  Sim s;
  std::map<std::string, json> postings;
  for (auto& p : s.all()) postings[p["posting_number"].get<std::string>()] = p;
  json list = s.call(ep::kRfbsReturnsList, {{"limit", 100}});
  check_shape(ep::kRfbsReturnsList, list);
  const auto rows = list["returns"].get<std::vector<json>>();
  std::map<std::string, int> groups;
  for (auto& r : rows) {
    ++groups[r["state"]["group_state"].get<std::string>()];
    const std::string number = r["posting_number"];
    REQUIRE(postings.count(number) == 1);
    CHECK(postings[number]["status"] == "delivered");
    CHECK(!postings[number]["customer"].is_null());  // rFBS
    CHECK(r["client_name"] == postings[number]["customer"]["name"]);
    CHECK(r["product"]["price"].is_string());
    CHECK(r["state"]["state_name"].get<std::string>().find("\xd0") != std::string::npos);
  }
  CHECK(groups == std::map<std::string, int>{{"New", 3}, {"Delivering", 1}, {"Checkout", 1}, {"Arbitration", 1},
                                             {"Approved", 1}, {"Rejected", 1}});
  // available_actions follow the rules; reasons to reject where rejecting is allowed.
  const std::map<std::string, std::set<std::int64_t>> expected = {
      {"New", {1, -1, 1010, 1020}}, {"Delivering", {2}}, {"Checkout", {1010, -1, 1020}},
      {"Arbitration", {}},          {"Approved", {}},     {"Rejected", {}}};
  for (auto& row : rows) {
    json r = rfbs_get(s, row["return_id"].get<std::int64_t>());
    check_shape(ep::kRfbsReturnGet, {{"returns", r}});
    const std::string group = row["state"]["group_state"];
    CHECK_MESSAGE(action_ids(r) == expected.at(group), group);
    const bool can_reject = group == "New" || group == "Checkout";
    CHECK(r["rejection_reason"].empty() == !can_reject);
    if (can_reject) {
      bool needs_comment = false;
      for (auto& why : r["rejection_reason"]) needs_comment = needs_comment || why["is_comment_required"].get<bool>();
      CHECK(needs_comment);
    }
    CHECK(!r["return_reason"]["name"].get<std::string>().empty());
  }
  // Filters and paging.
  CHECK(rfbs_all(s, {{"group_state", {"New"}}}).size() == 3);
  CHECK(rfbs_all(s, {{"group_state", {"ALL"}}}).size() == rows.size());
  CHECK(rfbs_all(s, {{"group_state", {"Approved", "Rejected"}}}).size() == 2);
  CHECK(rfbs_all(s, {{"posting_number", rows[2]["posting_number"]}}).size() == 1);
  CHECK(rfbs_all(s, {{"offer_id", rows[2]["product"]["offer_id"]}}).size() >= 1);
  const std::string created = rows[4]["created_at"];
  CHECK(rfbs_all(s, {{"created_at", {{"from", created}, {"to", created}}}}).size() >= 1);
  CHECK(rfbs_all(s, {{"created_at", {{"from", "2099-01-01T00:00:00Z"}}}}).empty());
  json page = s.call(ep::kRfbsReturnsList, {{"limit", 3}});
  REQUIRE(page["returns"].size() == 3);
  json next = s.call(ep::kRfbsReturnsList, {{"limit", 3}, {"last_id", page["returns"][2]["return_id"]}});
  CHECK(next["returns"][0]["return_id"] == rows[3]["return_id"]);
  s.call(ep::kRfbsReturnsList, json::object());
  CHECK(s.last.status == 400);
  s.call(ep::kRfbsReturnsList, {{"limit", 10}, {"filter", {{"group_state", {"Lost"}}}}});
  CHECK(s.last.status == 400);
  s.call(ep::kRfbsReturnsList, {{"limit", 10}, {"filter", {{"group_state", "New"}}}});
  CHECK(s.last.status == 400);  // an array
  s.call(ep::kRfbsReturnGet, json::object());
  CHECK(s.last.status == 400);
  s.call(ep::kRfbsReturnGet, {{"return_id", 1}});
  CHECK(s.last.status == 404);
}

TEST_CASE("sandbox buyers: rFBS answers move the request on, and a wrong state is refused by name") {
  Sim s;
  // New -> verify -> Delivering -> receive -> Checkout -> return_money -> Approved.
  const std::int64_t id = rfbs_in(s, "New");
  json r = s.call(ep::kRfbsVerify, {{"return_id", id}, {"return_method_description", "Курьером до склада продавца"}});
  CHECK(s.last.status == 200);
  CHECK(r == json::object());
  json got = rfbs_get(s, id);
  CHECK(got["state"]["group_state"] == "Delivering");
  CHECK(got["return_method_description"] == "Курьером до склада продавца");
  s.call(ep::kRfbsVerify, {{"return_id", id}});
  CHECK(s.last.status == 400);
  CHECK(error_message(s) == "RETURN_STATE_INVALID: the return request is in state Delivering; verify is not allowed");
  s.call(ep::kRfbsReturnMoney, {{"return_id", id}});
  CHECK(s.last.status == 400);
  s.call(ep::kRfbsReceive, {{"return_id", id}});
  CHECK(s.last.status == 200);
  CHECK(rfbs_get(s, id)["state"]["group_state"] == "Checkout");
  s.call(ep::kRfbsReceive, {{"return_id", id}});
  CHECK(s.last.status == 400);
  s.call(ep::kRfbsReturnMoney, {{"return_id", id}, {"return_for_back_way", -5}});
  CHECK(s.last.status == 400);
  s.call(ep::kRfbsReturnMoney, {{"return_id", id}, {"return_for_back_way", 350}});
  CHECK(s.last.status == 200);
  json row = rfbs_all(s, {{"posting_number", got["posting_number"]}})[0];
  CHECK(row["state"]["group_state"] == "Approved");
  CHECK(row["state"]["money_return_state_name"].get<std::string>().find("350") != std::string::npos);
  // Approved: every answer refused, naming the state.
  for (auto path : {ep::kRfbsVerify, ep::kRfbsReceive, ep::kRfbsReturnMoney})
    s.call(path, {{"return_id", id}});
  CHECK(s.last.status == 400);
  s.call(ep::kRfbsVerify, {{"return_id", id}});
  CHECK(error_message(s) == "RETURN_STATE_INVALID: the return request is in state Approved; verify is not allowed");
  s.call(ep::kRfbsReject, {{"return_id", id}, {"rejection_reason_id", 101}});
  CHECK(error_message(s).find("state Approved; reject is not allowed") != std::string::npos);
  s.call(ep::kRfbsCompensate, {{"return_id", id}, {"compensation_amount", "1.00"}});
  CHECK(error_message(s).find("state Approved; compensate is not allowed") != std::string::npos);
  // Arbitration and Rejected allow nothing; New allows no receive.
  const std::int64_t arb = rfbs_in(s, "Arbitration");
  s.call(ep::kRfbsReturnMoney, {{"return_id", arb}});
  CHECK(error_message(s) == "RETURN_STATE_INVALID: the return request is in state Arbitration; return_money is not allowed");
  s.call(ep::kRfbsReceive, {{"return_id", rfbs_in(s, "Rejected")}});
  CHECK(s.last.status == 400);
  s.call(ep::kRfbsReceive, {{"return_id", rfbs_in(s, "New")}});
  CHECK(error_message(s) == "RETURN_STATE_INVALID: the return request is in state New; receive is not allowed");
  s.call(ep::kRfbsVerify, json::object());
  CHECK(s.last.status == 400);
  s.call(ep::kRfbsVerify, {{"return_id", 1}});
  CHECK(s.last.status == 404);
}

TEST_CASE("sandbox buyers: rFBS reject needs one of the request's reasons, and a comment when it says so") {
  Sim s;
  const std::int64_t id = rfbs_in(s, "New");
  json r = rfbs_get(s, id);
  std::int64_t plain = 0, with_comment = 0;
  for (auto& why : r["rejection_reason"])
    (why["is_comment_required"].get<bool>() ? with_comment : plain) = why["id"].get<std::int64_t>();
  REQUIRE(plain != 0);
  REQUIRE(with_comment != 0);
  s.call(ep::kRfbsReject, {{"return_id", id}});
  CHECK(s.last.status == 400);
  CHECK(error_message(s).find("rejection_reason_id is required") != std::string::npos);
  s.call(ep::kRfbsReject, {{"return_id", id}, {"rejection_reason_id", 201}});  // a reason of checked items
  CHECK(s.last.status == 400);
  CHECK(error_message(s).find("is not a rejection reason") != std::string::npos);
  s.call(ep::kRfbsReject, {{"return_id", id}, {"rejection_reason_id", with_comment}});
  CHECK(s.last.status == 400);
  CHECK(error_message(s).find("comment is required") != std::string::npos);
  CHECK(rfbs_get(s, id)["state"]["group_state"] == "New");
  s.call(ep::kRfbsReject, {{"return_id", id}, {"rejection_reason_id", with_comment}, {"comment", "Товар из перечня невозвратных"}});
  CHECK(s.last.status == 200);
  r = rfbs_get(s, id);
  CHECK(r["state"]["group_state"] == "Rejected");
  CHECK(r["rejection_comment"] == "Товар из перечня невозвратных");
  CHECK(r["available_actions"].empty());
  // A plain reason needs no comment; Checkout has reasons of its own.
  const std::int64_t checkout = rfbs_in(s, "Checkout");
  json c = rfbs_get(s, checkout);
  std::int64_t checkout_plain = 0;
  for (auto& why : c["rejection_reason"])
    if (!why["is_comment_required"].get<bool>()) checkout_plain = why["id"].get<std::int64_t>();
  REQUIRE(checkout_plain != 0);
  s.call(ep::kRfbsReject, {{"return_id", checkout}, {"rejection_reason_id", checkout_plain}});
  CHECK(s.last.status == 200);
}

TEST_CASE("sandbox buyers: rFBS compensation is a positive amount up to the price; the state can be forced") {
  Sim s;
  const std::int64_t id = rfbs_in(s, "New");
  json r = rfbs_get(s, id);
  const std::string price = r["product"]["price"];
  for (const char* wrong : {"", "0", "0.00", "-1", "abc", "1.234", "1e3"}) {
    s.call(ep::kRfbsCompensate, {{"return_id", id}, {"compensation_amount", wrong}});
    CHECK_MESSAGE(s.last.status == 400, wrong);
  }
  s.call(ep::kRfbsCompensate, {{"return_id", id}});
  CHECK(s.last.status == 400);
  s.call(ep::kRfbsCompensate, {{"return_id", id}, {"compensation_amount", 100}});
  CHECK(s.last.status == 400);  // a string in the spec
  s.call(ep::kRfbsCompensate, {{"return_id", id}, {"compensation_amount", "99999999.00"}});
  CHECK(s.last.status == 400);
  CHECK(error_message(s).find("above the price") != std::string::npos);
  s.call(ep::kRfbsCompensate, {{"return_id", id}, {"compensation_amount", "100.5"}});
  CHECK(s.last.status == 200);
  r = rfbs_all(s, {{"posting_number", r["posting_number"]}})[0];
  CHECK(r["state"]["group_state"] == "Approved");
  CHECK(r["state"]["money_return_state_name"].get<std::string>().find("100.50") != std::string::npos);
  // The control call: back to New (the console's view goes stale), unknown ones refused.
  CHECK(s.m.set_rfbs_return_state(id, "New"));
  CHECK(rfbs_get(s, id)["available_actions"].size() == 4);
  CHECK(s.m.set_rfbs_return_state(id, "Arbitration"));
  s.call(ep::kRfbsVerify, {{"return_id", id}});
  CHECK(error_message(s).find("state Arbitration") != std::string::npos);
  CHECK_FALSE(s.m.set_rfbs_return_state(id, "Lost"));
  CHECK_FALSE(s.m.set_rfbs_return_state(1, "New"));
}

TEST_CASE("sandbox buyers: reviews of the store's products, their comments and status") {
  Sim s;
  std::set<std::int64_t> skus;
  for (auto& p : s.all())
    for (auto& pr : p["products"]) skus.insert(pr["sku"].get<std::int64_t>());
  std::vector<json> reviews;
  std::string last;
  for (int guard = 0; guard < 20; ++guard) {
    json r = s.call(ep::kReviewList, {{"limit", 20}, {"last_id", last}, {"status", "ALL"}});
    REQUIRE(s.last.status == 200);
    check_shape(ep::kReviewList, r);
    for (auto& x : r["reviews"]) reviews.push_back(x);
    if (!r["has_next"].get<bool>()) break;
    last = r["last_id"];
  }
  REQUIRE(reviews.size() >= 50);
  int low = 0, processed = 0, unprocessed = 0, with_comments = 0;
  std::string commented;
  for (auto& r : reviews) {
    CHECK(skus.count(r["sku"].get<std::int64_t>()) == 1);
    const int rating = r["rating"];
    CHECK((rating >= 1 && rating <= 5));
    low += rating <= 3 ? 1 : 0;
    (r["status"] == "PROCESSED" ? processed : unprocessed) += 1;
    if (r["comments_amount"].get<int>() > 0) {
      ++with_comments;
      commented = r["id"];
    }
  }
  CHECK(low >= 5);
  CHECK(processed >= 5);
  CHECK(unprocessed >= 5);
  CHECK(with_comments >= 5);
  // Comments: the seller's and buyers'.
  bool owner = false, buyer = false;
  for (auto& r : reviews) {
    if (r["comments_amount"].get<int>() == 0) continue;
    json c = s.call(ep::kReviewCommentList, {{"review_id", r["id"]}, {"limit", 20}});
    REQUIRE(s.last.status == 200);
    check_shape(ep::kReviewCommentList, c);
    CHECK(c["comments"].size() == r["comments_amount"].get<std::size_t>());
    CHECK(c["offset"] == c["comments"].size());
    for (auto& x : c["comments"]) (x["is_owner"].get<bool>() ? owner : buyer) = true;
  }
  CHECK(owner);
  CHECK(buyer);
  // Info.
  json info = s.call(ep::kReviewInfo, {{"review_id", commented}});
  REQUIRE(s.last.status == 200);
  check_shape(ep::kReviewInfo, info);
  CHECK(info["id"] == commented);
  s.call(ep::kReviewInfo, {{"review_id", "no-such-review"}});
  CHECK(s.last.status == 404);
  s.call(ep::kReviewInfo, json::object());
  CHECK(s.last.status == 400);
  // The seller answers a comment, then the list shows it.
  json first = s.call(ep::kReviewCommentList, {{"review_id", commented}, {"limit", 20}})["comments"][0];
  s.call(ep::kReviewCommentCreate, {{"review_id", commented}, {"text", "Спасибо!"}, {"parent_comment_id", "nope"}});
  CHECK(s.last.status == 400);
  json made = s.call(ep::kReviewCommentCreate,
                     {{"review_id", commented}, {"text", "Спасибо за вопрос!"}, {"parent_comment_id", first["id"]}});
  REQUIRE(s.last.status == 200);
  check_shape(ep::kReviewCommentCreate, made);
  json desc = s.call(ep::kReviewCommentList, {{"review_id", commented}, {"limit", 20}, {"sort_dir", "DESC"}});
  CHECK(desc["comments"][0]["id"] == made["comment_id"]);
  CHECK(desc["comments"][0]["is_owner"] == true);
  CHECK(desc["comments"][0]["parent_comment_id"] == first["id"]);
  json skipped = s.call(ep::kReviewCommentList, {{"review_id", commented}, {"limit", 20}, {"offset", 1}});
  CHECK(skipped["comments"].size() + 1 == desc["comments"].size());
  // Status: 1..100 ids, PROCESSED | UNPROCESSED, all or none.
  json r = s.call(ep::kReviewChangeStatus, {{"review_ids", {commented}}, {"status", "UNPROCESSED"}});
  CHECK(s.last.status == 200);
  check_shape(ep::kReviewChangeStatus, r);
  CHECK(s.call(ep::kReviewInfo, {{"review_id", commented}})["status"] == "UNPROCESSED");
  s.call(ep::kReviewChangeStatus, {{"review_ids", {commented, "no-such-review"}}, {"status", "PROCESSED"}});
  CHECK(s.last.status == 404);
  CHECK(s.call(ep::kReviewInfo, {{"review_id", commented}})["status"] == "UNPROCESSED");
  s.call(ep::kReviewChangeStatus, {{"review_ids", json::array()}, {"status", "PROCESSED"}});
  CHECK(s.last.status == 400);
  json many = json::array();
  for (int i = 0; i < 101; ++i) many.push_back(commented);
  s.call(ep::kReviewChangeStatus, {{"review_ids", many}, {"status", "PROCESSED"}});
  CHECK(s.last.status == 400);
  s.call(ep::kReviewChangeStatus, {{"review_ids", {commented}}, {"status", "DONE"}});
  CHECK(s.last.status == 400);
  s.call(ep::kReviewChangeStatus, {{"review_ids", {commented}}});
  CHECK(s.last.status == 400);
  // Limits and enums.
  for (const json& wrong : {json{{"limit", 19}}, json{{"limit", 101}}, json{{"limit", 20}, {"status", "NEW"}},
                            json{{"limit", 20}, {"sort_dir", "UP"}}, json{{"limit", 20}, {"last_id", "nope"}}}) {
    s.call(ep::kReviewList, wrong);
    CHECK_MESSAGE(s.last.status == 400, wrong.dump());
  }
  for (const json& wrong : {json{{"review_id", commented}}, json{{"review_id", commented}, {"limit", 10}},
                            json{{"review_id", commented}, {"limit", 20}, {"offset", -1}},
                            json{{"review_id", commented}, {"limit", 20}, {"sort_dir", "UP"}}, json{{"limit", 20}}}) {
    s.call(ep::kReviewCommentList, wrong);
    CHECK_MESSAGE(s.last.status == 400, wrong.dump());
  }
}

TEST_CASE("sandbox buyers: the same per seed, disjoint across the demo stores") {
  auto snapshot = [](std::uint64_t seed) {
    sandbox::Marketplace m(seed, kNow);
    m.set_premium_plus(true);
    json out;
    auto call = [&](std::string_view path, const json& body) {
      return json::parse(m.handle(path, body.dump(), kNow).body);
    };
    out["chats"] = call(ep::kChatList, {{"limit", 1000}});
    out["returns"] = call(ep::kReturnsList, {{"limit", 500}});
    out["rfbs"] = call(ep::kRfbsReturnsList, {{"limit", 1000}});
    out["reviews"] = call(ep::kReviewList, {{"limit", 100}});
    return out;
  };
  std::set<std::string> chat_ids, review_ids;
  std::set<std::int64_t> return_ids, rfbs_ids;
  std::set<std::uint64_t> message_ids;
  std::size_t chats = 0, reviews = 0, returns = 0, rfbs = 0;
  for (int store = 0; store < 3; ++store) {
    const auto seed = sandbox::Marketplace::demo_seed(store);
    const json a = snapshot(seed);
    CHECK(a == snapshot(seed));
    for (auto& c : a["chats"]["chats"]) {
      chat_ids.insert(c["chat"]["chat_id"].get<std::string>());
      message_ids.insert(c["last_message_id"].get<std::uint64_t>());
      ++chats;
    }
    for (auto& r : a["reviews"]["reviews"]) review_ids.insert(r["id"].get<std::string>()), ++reviews;
    for (auto& r : a["returns"]["returns"]) return_ids.insert(r["id"].get<std::int64_t>()), ++returns;
    for (auto& r : a["rfbs"]["returns"]) rfbs_ids.insert(r["return_id"].get<std::int64_t>()), ++rfbs;
    CHECK(a["rfbs"]["returns"].size() == 8);
  }
  CHECK(chat_ids.size() == chats);
  CHECK(message_ids.size() == chats);
  CHECK(review_ids.size() == reviews);
  CHECK(return_ids.size() == returns);
  CHECK(rfbs_ids.size() == rfbs);
}
