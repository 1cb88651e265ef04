#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "ozon/endpoints.h"
#include "ozon/json_read.h"
#include "ozon/requests.h"

using namespace ozon;
using nlohmann::json;

namespace {
json body_of(const net::HttpRequest& r) { return json::parse(r.body); }
// append(), not "p" + s: GCC 12 at -O3 warns falsely (-Wrestrict) on that.
std::string numbered(const char* prefix, int i) { return std::string(prefix).append(std::to_string(i)); }
const core::EpochMs kT = ozon::json_read::parse_iso8601("2026-05-14T00:00:00Z").value_or(0);
}  // namespace

TEST_CASE("v4 posting lists: filter, ids as strings, limit, sort, with, cursor") {
  PostingListQuery q;
  q.since_to = {kT, kT + 86'400'000};
  q.cutoff = {kT, kT + 3'600'000};
  q.delivering_date = {kT, kT + 1};  // ignored: cutoff wins
  q.statuses = {"awaiting_packaging"};
  q.warehouse_ids = {21321684811000};
  q.delivery_method_ids = {1001, 1002};
  q.cursor = "abc";
  q.limit = 1000;
  q.sort_ascending = false;
  const auto r = build_unfulfilled_list(q);
  CHECK(r.path == endpoint::kPostingUnfulfilledList);
  const auto b = body_of(r);
  CHECK(b["filter"]["since"] == "2026-05-14T00:00:00Z");
  CHECK(b["filter"]["to"] == "2026-05-15T00:00:00Z");
  CHECK(b["filter"]["cutoff_from"] == "2026-05-14T00:00:00Z");
  CHECK(b["filter"]["cutoff_to"] == "2026-05-14T01:00:00Z");
  CHECK_FALSE(b["filter"].contains("delivering_date_from"));
  CHECK(b["filter"]["statuses"] == json::array({"awaiting_packaging"}));
  CHECK(b["filter"]["warehouse_ids"] == json::array({"21321684811000"}));
  CHECK(b["filter"]["delivery_method_ids"] == json::array({"1001", "1002"}));
  CHECK(b["limit"] == 100);
  CHECK(b["sort_dir"] == "DESC");
  CHECK(b["cursor"] == "abc");
  CHECK(b["with"]["analytics_data"] == true);

  PostingListQuery d;
  d.delivering_date = {kT, kT + 1000};
  const auto b2 = body_of(build_unfulfilled_list(d));
  CHECK(b2["filter"].contains("delivering_date_from"));
  CHECK_FALSE(b2.contains("cursor"));
  CHECK(b2["sort_dir"] == "ASC");

  PostingListQuery l;
  l.cutoff = {kT, kT + 1};
  l.last_changed_status_date = {kT, 0};
  const auto r3 = build_posting_list(l);
  CHECK(r3.path == endpoint::kPostingList);
  const auto b3 = body_of(r3);
  CHECK_FALSE(b3["filter"].contains("cutoff_from"));  // only the unfulfilled list takes it
  CHECK(b3["filter"]["last_changed_status_date"]["from"] == "2026-05-14T00:00:00Z");
}

TEST_CASE("posting get, by barcode, ship, ship package, multibox") {
  auto r = build_posting_get("1-2-3");
  CHECK(r.path == endpoint::kPostingGet);
  CHECK(body_of(r)["posting_number"] == "1-2-3");
  CHECK(body_of(r)["with"]["related_postings"] == true);
  CHECK(body_of(build_posting_get_by_barcode("200"))["barcode"] == "200");

  auto ship = build_ship("1-2-3", {{{10, 1}, {11, 2}}, {{12, 1}}});
  REQUIRE(ship);
  CHECK(ship->path == endpoint::kPostingShip);
  const auto b = body_of(ship.value());
  CHECK(b["posting_number"] == "1-2-3");
  REQUIRE(b["packages"].size() == 2);
  CHECK(b["packages"][0]["products"][1] == json({{"product_id", 11}, {"quantity", 2}}));
  CHECK(b["with"]["additional_data"] == true);
  CHECK_FALSE(build_ship("1-2-3", {}));
  CHECK_FALSE(build_ship("1-2-3", {{}}));
  CHECK_FALSE(build_ship("1-2-3", {{{10, 0}}}));
  CHECK(build_ship("", {{{10, 1}}}).error().kind == ErrorKind::invalid_request);
  auto part = build_ship_package("1-2-3", {{10, 1}});
  REQUIRE(part);
  CHECK(part->path == endpoint::kPostingShipPackage);
  CHECK(body_of(part.value())["products"][0]["product_id"] == 10);
  auto multi = build_multibox_qty_set("1-2-3", 3);
  CHECK(multi.path == endpoint::kMultiBoxQtySet);
  CHECK(body_of(multi)["multi_box_qty"] == 3);
}

TEST_CASE("exemplar builders send the full set") {
  CHECK(build_exemplar_create_or_get("p").path == endpoint::kExemplarCreateOrGet);
  CHECK(build_exemplar_status("p").path == endpoint::kExemplarStatus);
  core::ExemplarData data;
  data.posting_number = "p";
  core::ExemplarProduct product;
  product.product_id = 7;
  core::Exemplar e{};
  e.exemplar_id = 8;
  e.gtd = std::string("G");
  e.country_iso = std::string("CN");
  e.marks = {{"M1", "mandatory_mark", {}, {}}};
  product.exemplars = {e};
  data.products = {product};
  const auto r = build_exemplar_set(data);
  CHECK(r.path == endpoint::kExemplarSet);
  const auto b = body_of(r);
  CHECK(b["products"][0]["product_id"] == 7);
  CHECK(b["products"][0]["exemplars"][0]["gtd"] == "G");
  // Not a field of exemplar/set: the country goes through product/country/set.
  CHECK_FALSE(b["products"][0]["exemplars"][0].contains("country_iso_code"));
  CHECK(b["products"][0]["exemplars"][0]["marks"][0]["mark_type"] == "mandatory_mark");
}

TEST_CASE("the country of manufacture is set by the seller's product_id") {
  const auto r = build_product_country_set("1-2-3", 180550365, "NO");
  CHECK(r.path == endpoint::kProductCountrySet);
  CHECK(body_of(r) == json({{"posting_number", "1-2-3"}, {"product_id", 180550365}, {"country_iso_code", "NO"}}));
}

TEST_CASE("labels go in batches of 20") {
  std::vector<std::string> numbers;
  for (int i = 0; i < 45; ++i) numbers.push_back(numbered("p", i));
  const auto reqs = build_package_labels(numbers);
  REQUIRE(reqs.size() == 3);
  CHECK(reqs[0].path == endpoint::kPackageLabel);
  CHECK(body_of(reqs[0])["posting_number"].size() == 20);
  CHECK(body_of(reqs[2])["posting_number"].size() == 5);
  CHECK(body_of(reqs[2])["posting_number"][4] == "p44");
  CHECK(build_package_labels({}).empty());
  CHECK(build_package_label_tasks(numbers).size() == 3);
  CHECK(body_of(build_package_label_get(5))["task_id"] == 5);
}

TEST_CASE("cancel: reason 402 needs a message") {
  CHECK(build_cancel_reason_list().path == endpoint::kCancelReasonList);
  CHECK(body_of(build_posting_cancel_reasons({"a"}))["related_posting_numbers"][0] == "a");
  auto r = build_cancel("1-2-3", 352, "");
  REQUIRE(r);
  CHECK(r->path == endpoint::kPostingCancel);
  CHECK(body_of(r.value())["cancel_reason_id"] == 352);
  CHECK_FALSE(body_of(r.value()).contains("cancel_reason_message"));
  auto refused = build_cancel("1-2-3", 402, "  ");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == ErrorKind::invalid_request);
  auto with_text = build_cancel("1-2-3", 402, "Покупатель передумал");
  REQUIRE(with_text);
  CHECK(body_of(with_text.value())["cancel_reason_message"] == "Покупатель передумал");
  CHECK_FALSE(build_cancel("1-2-3", 0, "x"));
  auto partial = build_product_cancel("1-2-3", 352, "Нет в наличии", {{42, 1}});
  REQUIRE(partial);
  CHECK(partial->path == endpoint::kProductCancel);
  CHECK(body_of(partial.value())["items"][0] == json({{"sku", 42}, {"quantity", 1}}));
  CHECK(body_of(partial.value())["cancel_reason_message"] == "Нет в наличии");
  CHECK_FALSE(build_product_cancel("1-2-3", 402, "", {{42, 1}}));
  // cancel_reason_message is required by product/cancel whatever the reason.
  const auto silent = build_product_cancel("1-2-3", 352, " ", {{42, 1}});
  REQUIRE_FALSE(silent);
  CHECK(silent.error().kind == ErrorKind::invalid_request);
  CHECK_FALSE(build_product_cancel("1-2-3", 352, "", {}));
}

TEST_CASE("tracking numbers and status changes go in batches of 20") {
  std::vector<TrackingNumber> numbers;
  for (int i = 0; i < 41; ++i) numbers.push_back({numbered("p", i), numbered("T", i)});
  const auto reqs = build_tracking_numbers(numbers);
  REQUIRE(reqs.size() == 3);
  CHECK(reqs[1].path == endpoint::kTrackingNumberSet);
  CHECK(body_of(reqs[0])["tracking_numbers"].size() == 20);
  CHECK(body_of(reqs[2])["tracking_numbers"][0] == json({{"posting_number", "p40"}, {"tracking_number", "T40"}}));
  CHECK(build_status_change(StatusChange::delivering, {"a"})[0].path == endpoint::kMarkDelivering);
  CHECK(build_status_change(StatusChange::last_mile, {"a"})[0].path == endpoint::kMarkLastMile);
  CHECK(build_status_change(StatusChange::delivered, {"a"})[0].path == endpoint::kMarkDelivered);
  const auto sent = build_status_change(StatusChange::sent_by_seller, {"a", "b"});
  CHECK(sent[0].path == endpoint::kMarkSentBySeller);
  CHECK(body_of(sent[0])["posting_number"] == json::array({"a", "b"}));
  const auto cutoff = build_cutoff_set("a", kT);
  CHECK(cutoff.path == endpoint::kCutoffSet);
  CHECK(body_of(cutoff)["new_cutoff_date"] == "2026-05-14T00:00:00Z");
}

TEST_CASE("acts and pick list") {
  const auto act = build_act_create(77, kT, 2);
  CHECK(act.path == endpoint::kActCreate);
  CHECK(body_of(act)["delivery_method_id"] == 77);
  CHECK(body_of(act)["containers_count"] == 2);
  CHECK(body_of(build_act_check_status(5))["id"] == 5);
  CHECK(build_act_get_pdf(5).path == endpoint::kActGetPdf);
  const auto list = body_of(build_act_list({kT, kT + 86'400'000}, {"ready"}).value());
  CHECK(list["filter"]["date_from"] == "2026-05-14");
  CHECK(list["filter"]["date_to"] == "2026-05-15");
  CHECK(list["limit"] == 50);
  // filter.date_from and date_to are required.
  CHECK_FALSE(build_act_list({}));
  CHECK_FALSE(build_act_list({kT, 0}));
  CHECK(list["filter"]["status"][0] == "ready");
  const auto pick = build_pick_list({kT, kT + 1000}, 77);
  CHECK(pick.path == endpoint::kAssemblyProductList);
  CHECK(body_of(pick)["filter"]["cutoff_from"] == "2026-05-14T00:00:00Z");
  CHECK(body_of(pick)["filter"]["delivery_method_id"] == "77");
}

TEST_CASE("stocks go in batches of 100; catalogue and buyer builders") {
  std::vector<StockUpdate> updates;
  for (int i = 0; i < 250; ++i) updates.push_back({numbered("offer", i), 1000 + i, 555, i});
  updates.push_back({"", 99, 555, -5});
  const auto stocks = build_stocks_update(updates);
  REQUIRE(stocks);
  const auto& reqs = stocks.value();
  REQUIRE(reqs.size() == 3);
  CHECK(reqs[0].path == endpoint::kStocksUpdate);
  CHECK(body_of(reqs[0])["stocks"].size() == 100);
  CHECK(body_of(reqs[2])["stocks"].size() == 51);
  const auto last = body_of(reqs[2])["stocks"][50];
  CHECK(last["product_id"] == 99);
  CHECK(last["stock"] == 0);  // never negative
  // product_id is required; offer_id is left out (given both, Ozon would go by the offer_id).
  CHECK(body_of(reqs[0])["stocks"][1] == json({{"product_id", 1001}, {"stock", 1}, {"warehouse_id", 555}}));
  const std::vector<StockUpdate> offer_only = {{"offer1", 0, 555, 3}};
  CHECK_FALSE(build_stocks_update(offer_only));

  CHECK(build_warehouse_list().path == endpoint::kWarehouseList);
  CHECK(body_of(build_warehouse_list("c"))["cursor"] == "c");
  const auto dm = build_delivery_method_list({555});
  CHECK(dm.path == endpoint::kDeliveryMethodList);
  CHECK(body_of(dm)["filter"]["warehouse_ids"][0] == "555");
  const auto by_warehouse = build_stocks_by_warehouse({1, 2});
  CHECK(by_warehouse.path == "/v1/product/info/stocks-by-warehouse/fbs");
  CHECK(body_of(by_warehouse) == json({{"sku", {"1", "2"}}}));
  CHECK(kStocksByWarehouseBatch == 500);
  const auto first_stocks = build_product_stocks("");
  CHECK(first_stocks.path == "/v4/product/info/stocks");
  CHECK(body_of(first_stocks) == json({{"filter", {{"visibility", "ALL"}}}, {"limit", 1000}}));
  CHECK(body_of(build_product_stocks("abc", 50)) ==
        json({{"cursor", "abc"}, {"filter", {{"visibility", "ALL"}}}, {"limit", 50}}));
  CHECK(body_of(build_product_stocks("", 0))["limit"] == 1);
  CHECK(body_of(build_product_stocks("", 5000))["limit"] == 1000);
  CHECK(body_of(build_product_list("x"))["last_id"] == "x");
  CHECK(body_of(build_product_info_list({}, {5}).value())["product_id"][0] == "5");
  CHECK(body_of(build_product_info_list({}, {}, {7}).value())["sku"][0] == "7");
  // One kind of identifier per request, at most 1000 of them.
  CHECK_FALSE(build_product_info_list({"o"}, {5}));
  CHECK_FALSE(build_product_info_list({}));
  CHECK(build_product_info_list(std::vector<std::string>(1000, "o")));
  CHECK_FALSE(build_product_info_list(std::vector<std::string>(1001, "o")));

  CHECK(build_chat_list().path == endpoint::kChatList);
  const auto hist = body_of(build_chat_history("c1", "3000000000817031942", 30).value());
  CHECK(hist["chat_id"] == "c1");
  CHECK(hist["from_message_id"] == 3000000000817031942LL);
  CHECK(hist["direction"] == "Backward");
  // Beyond int64: still a JSON number (uint64), never a string.
  const auto big = body_of(build_chat_history("c1", "18446744073709551615").value());
  CHECK(big["from_message_id"].is_number_unsigned());
  CHECK(big["from_message_id"] == 18446744073709551615ULL);
  CHECK(big.dump().find("18446744073709551615") != std::string::npos);
  CHECK_FALSE(build_chat_history("c1", "12ab"));
  CHECK_FALSE(build_chat_history("c1", "-5"));
  CHECK_FALSE(body_of(build_chat_history("c1").value()).contains("from_message_id"));
  auto send = build_chat_send("c1", "Здравствуйте");
  REQUIRE(send);
  CHECK(send->path == endpoint::kChatSendMessage);
  CHECK(body_of(send.value())["text"] == "Здравствуйте");
  CHECK_FALSE(build_chat_send("c1", ""));
  CHECK(build_chat_send("c1", std::string(1000, 'a')));
  CHECK_FALSE(build_chat_send("c1", std::string(1001, 'a')));
  std::string cyrillic;
  for (int i = 0; i < 1000; ++i) cyrillic += "я";  // 2000 bytes, 1000 characters
  CHECK(build_chat_send("c1", cyrillic));
  ReturnsFilter rf;
  rf.posting_numbers = {"p"};
  const auto ret = body_of(build_returns_list(rf, 10, 9999).value());
  CHECK(ret["filter"]["return_schema"] == "FBS");
  CHECK(ret["limit"] == 500);
  CHECK(ret["last_id"] == 10);
  // filter.posting_numbers takes at most 50.
  rf.posting_numbers = std::vector<std::string>(50, "p");
  CHECK(build_returns_list(rf));
  rf.posting_numbers.push_back("p");
  CHECK_FALSE(build_returns_list(rf));
  CHECK(build_review_list().path == endpoint::kReviewList);
  auto comment = build_review_comment("r1", "Спасибо!");
  REQUIRE(comment);
  CHECK(comment->path == endpoint::kReviewCommentCreate);
  CHECK(body_of(comment.value())["review_id"] == "r1");
  CHECK_FALSE(build_review_comment("r1", ""));
}

TEST_CASE("bad UTF-8 in user text does not abort") {
  auto send = build_chat_send("c1", std::string("ok \xff\xfe bad"));
  REQUIRE(send);
  CHECK_FALSE(send->body.empty());
}
