// After-sales requests and replies: chat read marks, rFBS return requests
// (/v2/returns/rfbs/*), the FBS returns filter, review status, comments and
// details. Bodies follow the spec's request schemas (types as declared:
// return_id int64, compensation_amount a string, return_for_back_way int64,
// from_message_id a uint64 number); replies follow the spec's examples and
// shapes, tolerant inside a good shape, malformed_reply outside it.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "ozon/endpoints.h"
#include "ozon/json_read.h"
#include "ozon/parsers.h"
#include "ozon/requests.h"
#include "ozon_test_support.h"

using namespace ozon;
using nlohmann::json;

namespace {
json body_of(const net::HttpRequest& r) { return json::parse(r.body); }
const core::EpochMs kT = json_read::parse_iso8601("2026-05-14T00:00:00Z").value_or(0);
}  // namespace

TEST_CASE("chat read: chat id and the message id as a uint64 number") {
  auto r = build_chat_read("99feb3fc-a474-469f-95d5-268b470cc607", "3000000000118032000");
  REQUIRE(r);
  CHECK(r->path == endpoint::kChatRead);
  const auto b = body_of(*r);
  CHECK(b["chat_id"] == "99feb3fc-a474-469f-95d5-268b470cc607");
  CHECK(b["from_message_id"].is_number_unsigned());
  CHECK(b["from_message_id"].get<std::uint64_t>() == 3000000000118032000ULL);
  // Beyond int64, still exact.
  CHECK(body_of(*build_chat_read("c", "18446744073709551615"))["from_message_id"].get<std::uint64_t>() ==
        18446744073709551615ULL);
  CHECK(build_chat_read("c", "12ab").error().kind == ErrorKind::invalid_request);
  CHECK_FALSE(build_chat_read("c", ""));
  CHECK_FALSE(build_chat_read("", "1"));
}

TEST_CASE("chat read reply: the unread count, as a number or a string; a wrong shape is malformed") {
  CHECK(*parse_chat_read(R"({"unread_count": 3})") == 3);
  CHECK(*parse_chat_read(R"({"unread_count": "0"})") == 0);
  CHECK(*parse_chat_read(R"({"result": {"unread_count": 2}})") == 2);
  for (const char* bad : {"{}", R"({"unread_count": "many"})", R"({"unread_count": -1})", "[]", "<html>"}) {
    auto r = parse_chat_read(bad);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::malformed_reply);
  }
}

TEST_CASE("rFBS list: group states (All when none), posting, offer, created window, last_id after the first page") {
  const auto all = body_of(build_rfbs_returns_list({}));
  CHECK(all["filter"]["group_state"] == json::array({"All"}));
  CHECK_FALSE(all.contains("last_id"));
  CHECK(all["limit"] == 100);
  RfbsReturnsFilter f;
  f.group_states = {"New", "Checkout"};
  f.posting_number = "1-2-3";
  f.offer_id = "mug-1";
  f.created_at = {kT, kT + 86'400'000};
  const auto r = build_rfbs_returns_list(f, 77, 5000);
  CHECK(r.path == endpoint::kRfbsReturnsList);
  const auto b = body_of(r);
  CHECK(b["filter"]["group_state"] == json::array({"New", "Checkout"}));
  CHECK(b["filter"]["posting_number"] == "1-2-3");
  CHECK(b["filter"]["offer_id"] == "mug-1");
  CHECK(b["filter"]["created_at"]["from"] == "2026-05-14T00:00:00Z");
  CHECK(b["filter"]["created_at"]["to"] == "2026-05-15T00:00:00Z");
  CHECK(b["last_id"] == 77);
  CHECK(b["limit"] == 1000);
}

TEST_CASE("rFBS answers: return_id int64, the optional fields only when given") {
  CHECK(body_of(build_rfbs_return_get(123)) == json{{"return_id", 123}});
  CHECK(build_rfbs_return_get(123).path == endpoint::kRfbsReturnGet);

  CHECK(body_of(build_rfbs_verify(5)) == json{{"return_id", 5}});
  CHECK(body_of(build_rfbs_verify(5, "Почта России")) ==
        json{{"return_id", 5}, {"return_method_description", "Почта России"}});
  CHECK(build_rfbs_verify(5).path == endpoint::kRfbsVerify);

  CHECK(body_of(build_rfbs_receive(6)) == json{{"return_id", 6}});
  CHECK(build_rfbs_receive(6).path == endpoint::kRfbsReceive);

  auto reject = build_rfbs_reject(7, 3, "");
  REQUIRE(reject);
  CHECK(reject->path == endpoint::kRfbsReject);
  CHECK(body_of(*reject) == json{{"return_id", 7}, {"rejection_reason_id", 3}});
  CHECK(body_of(*build_rfbs_reject(7, 3, "Следы использования", true)) ==
        json{{"return_id", 7}, {"rejection_reason_id", 3}, {"comment", "Следы использования"}});
  CHECK(build_rfbs_reject(7, 0, "x").error().kind == ErrorKind::invalid_request);
  CHECK_FALSE(build_rfbs_reject(7, 3, "  ", true));

  auto money = build_rfbs_return_money(8);
  REQUIRE(money);
  CHECK(money->path == endpoint::kRfbsReturnMoney);
  CHECK(body_of(*money) == json{{"return_id", 8}});
  CHECK(body_of(*build_rfbs_return_money(8, 350)) == json{{"return_id", 8}, {"return_for_back_way", 350}});
  CHECK_FALSE(build_rfbs_return_money(8, -1));

  auto compensate = build_rfbs_compensate(9, core::Money{49'990, "RUB"});
  REQUIRE(compensate);
  CHECK(compensate->path == endpoint::kRfbsCompensate);
  const auto c = body_of(*compensate);
  CHECK(c["return_id"] == 9);
  CHECK(c["compensation_amount"] == "499.90");  // a string, as the spec declares
  CHECK_FALSE(build_rfbs_compensate(9, core::Money{0, "RUB"}));
  CHECK_FALSE(build_rfbs_compensate(9, core::Money{-100, "RUB"}));
}

TEST_CASE("FBS returns: the status filter goes as visual_status_name") {
  ReturnsFilter f;
  f.visual_status_name = "MovingToSeller";
  f.visual_status_change_moment = {kT, 0};
  const auto b = body_of(build_returns_list(f, 0, 100).value());
  CHECK(b["filter"]["visual_status_name"] == "MovingToSeller");
  CHECK(b["filter"]["visual_status_change_moment"]["time_from"] == "2026-05-14T00:00:00Z");
  CHECK_FALSE(b["filter"]["visual_status_change_moment"].contains("time_to"));
  CHECK_FALSE(body_of(build_returns_list({}, 0, 100).value())["filter"].contains("visual_status_name"));
}

TEST_CASE("reviews: change-status takes 1..100 ids and PROCESSED or UNPROCESSED; comments 20..100; info") {
  auto status = build_review_change_status({"r1", "r2"}, "PROCESSED");
  REQUIRE(status);
  CHECK(status->path == endpoint::kReviewChangeStatus);
  CHECK(body_of(*status) == json{{"review_ids", {"r1", "r2"}}, {"status", "PROCESSED"}});
  CHECK_FALSE(build_review_change_status({}, "PROCESSED"));
  CHECK_FALSE(build_review_change_status(std::vector<std::string>(101, "r"), "PROCESSED"));
  CHECK(build_review_change_status(std::vector<std::string>(100, "r"), "UNPROCESSED"));
  CHECK_FALSE(build_review_change_status({"r1"}, "DONE"));
  CHECK_FALSE(build_review_change_status({""}, "PROCESSED"));

  const auto list = build_review_comment_list("0187310a-97d9-dfcf-3039-82d809f0e233", 0, 100);
  CHECK(list.path == endpoint::kReviewCommentList);
  CHECK(body_of(list) == json{{"review_id", "0187310a-97d9-dfcf-3039-82d809f0e233"},
                              {"limit", 100},
                              {"offset", 0},
                              {"sort_dir", "ASC"}});
  CHECK(body_of(build_review_comment_list("r", -5, 5))["limit"] == 20);
  CHECK(body_of(build_review_comment_list("r", -5, 5))["offset"] == 0);
  CHECK(body_of(build_review_comment_list("r", 0, 500))["limit"] == 100);

  CHECK(body_of(build_review_info("r9")) == json{{"review_id", "r9"}});
  CHECK(build_review_info("r9").path == endpoint::kReviewInfo);
}

namespace {
constexpr const char* kRfbsItem = R"({
  "client_name": "Иван Петров",
  "created_at": "2026-05-10T12:00:00Z",
  "order_number": "33920113-1000",
  "posting_number": "33920113-1000-1",
  "product": {"name": "Кружка", "offer_id": "mug-1", "currency_code": "RUB", "price": "1990.00", "sku": "1234567"},
  "return_id": 501,
  "return_number": "R-501",
  "state": {"group_state": "New", "money_return_state_name": "Не возвращены", "state": "WaitingForSeller",
            "state_name": "Ожидает решения продавца"}
})";
}  // namespace

TEST_CASE("rFBS list reply: a list (Ozon's reply) or one object (the spec's schema)") {
  const std::string list = std::string(R"({"returns": [)") + kRfbsItem + "," +
                           R"({"return_id": "502", "state": {"group_state": "Delivering"}}, 7]})";
  auto page = parse_rfbs_returns(list);
  REQUIRE(page);
  REQUIRE(page->items.size() == 2);
  const auto& r = page->items[0];
  CHECK(r.return_id == 501);
  CHECK(r.return_number == "R-501");
  CHECK(r.posting_number == "33920113-1000-1");
  CHECK(r.order_number == "33920113-1000");
  CHECK(r.client_name == "Иван Петров");
  CHECK(r.created_at == json_read::parse_iso8601("2026-05-10T12:00:00Z"));
  CHECK(r.sku == 1234567);
  CHECK(r.offer_id == "mug-1");
  CHECK(r.product_name == "Кружка");
  CHECK(r.price == core::Money{199'000, "RUB"});
  CHECK(r.group_state == "New");
  CHECK(r.state == "WaitingForSeller");
  CHECK(r.state_name == "Ожидает решения продавца");
  CHECK(r.money_return_state_name == "Не возвращены");
  CHECK_FALSE(r.detailed);
  CHECK(page->items[1].return_id == 502);  // a number as a string
  CHECK(page->cursor == "502");
  CHECK(page->has_next);

  auto one = parse_rfbs_returns(std::string(R"({"returns": )") + kRfbsItem + "}");
  REQUIRE(one);
  REQUIRE(one->items.size() == 1);
  CHECK(one->items[0].return_id == 501);

  auto empty = parse_rfbs_returns(R"({"returns": []})");
  REQUIRE(empty);
  CHECK(empty->items.empty());
  CHECK_FALSE(empty->has_next);
  CHECK(parse_rfbs_returns(R"({"returns": {}})")->items.empty());
  CHECK_FALSE(parse_rfbs_returns(R"({"returns": [], "has_next": false})")->has_next);

  for (const char* bad : {"{}", R"({"returns": "none"})", R"({"returns": 5})", "[]", "", "<html></html>"}) {
    auto r2 = parse_rfbs_returns(bad);
    REQUIRE_FALSE(r2);
    CHECK(r2.error().kind == ErrorKind::malformed_reply);
  }
}

TEST_CASE("rFBS return reply: the details the seller answers with") {
  auto r = parse_rfbs_return(R"({"returns": {
    "available_actions": [{"id": 1, "name": "Одобрить"}, {"id": "2", "name": "Отклонить"}],
    "client_name": "Иван Петров",
    "client_photo": ["https://cdn.example/1.jpg", "https://cdn.example/2.jpg"],
    "client_return_method_type": {"id": 1, "name": "Почтой"},
    "comment": "Пришла треснутая",
    "created_at": "2026-05-10T12:00:00Z",
    "order_number": "33920113-1000",
    "posting_number": "33920113-1000-1",
    "product": {"name": "Кружка", "offer_id": "mug-1", "currency_code": "RUB", "price": "1990", "sku": 1234567},
    "rejection_comment": "",
    "rejection_reason": [{"hint": "Приложите фото", "id": 11, "is_comment_required": true, "name": "Товар использовался"},
                         {"id": 12, "is_comment_required": "false", "name": "Другое"}, {"name": "без id"}],
    "return_method_description": "",
    "return_number": "R-501",
    "return_reason": {"id": 3, "is_defect": true, "name": "Брак"},
    "ru_post_tracking_number": "RA123",
    "state": {"state": "WaitingForSeller", "state_name": "Ожидает решения продавца"},
    "warehouse_id": "21321684811000"
  }})");
  REQUIRE(r);
  CHECK(r->detailed);
  CHECK(r->return_id == 0);  // /get does not name it: the caller knows it
  REQUIRE(r->available_actions.size() == 2);
  CHECK(r->available_actions[1].id == 2);
  REQUIRE(r->rejection_reasons.size() == 2);
  CHECK(r->rejection_reasons[0].id == 11);
  CHECK(r->rejection_reasons[0].comment_required);
  CHECK(r->rejection_reasons[0].hint == "Приложите фото");
  CHECK_FALSE(r->rejection_reasons[1].comment_required);
  CHECK(r->return_reason_name == "Брак");
  CHECK(r->is_defect);
  CHECK(r->comment == "Пришла треснутая");
  CHECK(r->return_method_description == "Почтой");  // from the method type when the text is empty
  CHECK(r->client_photos.size() == 2);
  CHECK(r->ru_post_tracking_number == "RA123");
  CHECK(r->warehouse_id == 21321684811000);
  CHECK(r->group_state.empty());
  CHECK(r->state == "WaitingForSeller");
  CHECK(r->price == core::Money{199'000, "RUB"});

  CHECK(parse_rfbs_return(std::string(R"({"returns": [)") + kRfbsItem + "]}")->return_id == 501);
  for (const char* bad : {"{}", R"({"returns": []})", R"({"returns": "x"})", "null", "{"}) {
    auto r2 = parse_rfbs_return(bad);
    REQUIRE_FALSE(r2);
    CHECK(r2.error().kind == ErrorKind::malformed_reply);
  }
}

TEST_CASE("review comments reply: the seller's marked, the next offset") {
  auto page = parse_review_comments(R"({"comments": [
      {"id": "c1", "is_official": false, "is_owner": false, "parent_comment_id": "", "published_at": "2026-05-11T10:00:00Z", "text": "Спасибо"},
      {"id": "c2", "is_official": "false", "is_owner": "true", "parent_comment_id": "c1", "text": "Рады помочь!"},
      "junk"], "offset": 2})");
  REQUIRE(page);
  REQUIRE(page->items.size() == 2);
  CHECK(page->items[0].id == "c1");
  CHECK_FALSE(page->items[0].is_owner);
  CHECK(page->items[0].published_at == json_read::parse_iso8601("2026-05-11T10:00:00Z"));
  CHECK(page->items[1].is_owner);
  CHECK(page->items[1].parent_comment_id == "c1");
  CHECK(page->items[1].text == "Рады помочь!");
  CHECK(page->cursor == "2");
  auto empty = parse_review_comments(R"({"comments": [], "offset": 0})");
  REQUIRE(empty);
  CHECK(empty->cursor.empty());
  for (const char* bad : {"{}", R"({"comments": {}})", "[]", "text"}) {
    auto r = parse_review_comments(bad);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::malformed_reply);
  }
}

TEST_CASE("review info reply: one review; without an id it is malformed") {
  auto r = parse_review_info(R"({"comments_amount": 2, "dislikes_amount": 0, "id": "r1", "is_rating_participant": true,
      "likes_amount": 1, "order_status": "DELIVERED", "photos": [{"height": 10, "url": "u", "width": 10}],
      "photos_amount": 1, "published_at": "2026-05-09T09:00:00Z", "rating": "2", "sku": "1234567",
      "status": "UNPROCESSED", "text": "Треснула", "videos": [], "videos_amount": 0})");
  REQUIRE(r);
  CHECK(r->id == "r1");
  CHECK(r->rating == 2);
  CHECK(r->sku == 1234567);
  CHECK(r->status == "UNPROCESSED");
  CHECK(r->order_status == "DELIVERED");
  CHECK(r->text == "Треснула");
  CHECK(r->comments_amount == 2);
  CHECK(r->photos_amount == 1);
  CHECK(r->is_rating_participant);
  CHECK(r->published_at == json_read::parse_iso8601("2026-05-09T09:00:00Z"));
  for (const char* bad : {"{}", R"({"id": ""})", R"({"id": null})", "[1]", ""}) {
    auto r2 = parse_review_info(bad);
    REQUIRE_FALSE(r2);
    CHECK(r2.error().kind == ErrorKind::malformed_reply);
  }
}

TEST_CASE("the after-sales fixtures (the fuzzer's seeds) parse") {
  using ozon_test::fixture;
  CHECK(*parse_chat_read(fixture("chat_read.json")) == 0);
  auto list = parse_rfbs_returns(fixture("rfbs_returns_list.json"));
  REQUIRE(list);
  CHECK(list->items.size() == 2);
  auto one = parse_rfbs_return(fixture("rfbs_return_get.json"));
  REQUIRE(one);
  CHECK(one->return_id == 501);
  CHECK(one->rejection_reasons.size() == 1);
  auto comments = parse_review_comments(fixture("review_comments.json"));
  REQUIRE(comments);
  CHECK(comments->items.size() == 2);
  auto info = parse_review_info(fixture("review_info.json"));
  REQUIRE(info);
  CHECK(info->rating == 2);
}
