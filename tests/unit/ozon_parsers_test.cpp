#include <doctest/doctest.h>

#include "ozon/base64.h"
#include "ozon/json_read.h"
#include "ozon/parsers.h"
#include "ozon_test_support.h"

using namespace ozon;
using ozon_test::fixture;

TEST_CASE("v4 posting list page: every field, tolerant types") {
  auto page = parse_posting_list(fixture("posting_list_v4.json"));
  REQUIRE(page);
  CHECK(page->has_next);
  CHECK(page->cursor == "eyJsYXN0X2lkIjoxMjN9");
  REQUIRE(page->items.size() == 2);
  const auto& p = page->items[0];
  CHECK(p.posting_number == "23713478-0018-3");
  CHECK(p.order_id == 778899001);
  CHECK(p.status == core::PostingStatus::awaiting_packaging);
  CHECK(p.substatus == "posting_created");
  CHECK(p.delivery_method.id == 21321684811000);
  CHECK(p.delivery_method.tpl_provider == "Ozon Логистика");
  CHECK(p.in_process_at == json_read::parse_iso8601("2026-05-14T08:12:45.123Z"));
  CHECK(p.shipment_date == p.shipment_date_without_delay);
  CHECK(p.delivering_date == 0);
  REQUIRE(p.products.size() == 2);
  CHECK(p.products[0].price == core::Money{199000, "RUB"});
  CHECK(p.products[0].quantity == 2);
  CHECK(p.products[1].sku == 1234567891);
  CHECK(p.products[1].quantity == 1);
  CHECK(p.products[1].price.minor == 14950);
  CHECK(p.barcodes->lower_barcode == "20325804886000");
  CHECK(p.analytics.delivery_type == "PVZ");
  CHECK(p.requirements->mandatory_mark == std::vector<std::int64_t>{1234567890});
  CHECK(p.can("ship"));
  CHECK_FALSE(p.is_rfbs());
  const auto& r = page->items[1];
  CHECK(r.order_id == 990011);
  CHECK(r.delivery_method.warehouse_id == 555);
  CHECK(r.is_rfbs());
  CHECK(r.customer->name == "Иван Петров");
  CHECK(r.customer->address.pvz_code == "17");
  CHECK(r.customer->address.comment == "домофон 12");
  CHECK(*r.products[0].imei == std::vector<std::string>{"356938035643809"});
  CHECK(r.is_multibox);
  CHECK(r.multi_box_qty == 2);
  CHECK(r.delivering_date != 0);
}

TEST_CASE("v3-shaped posting list and unknown statuses") {
  auto page = parse_posting_list(
      R"({"result": {"postings": [{"posting_number": "1-1-1", "status": "brand_new_status",
          "products": [{"price": "279.0000", "currency_code": "RUB", "quantity": 1}]}], "has_next": false}})");
  REQUIRE(page);
  REQUIRE(page->items.size() == 1);
  CHECK(page->items[0].status == core::PostingStatus::unknown);
  CHECK(page->items[0].status_raw == "brand_new_status");
  CHECK(page->items[0].products[0].price == core::Money{27900, "RUB"});
  CHECK_FALSE(page->has_next);
}

TEST_CASE("v3 posting get") {
  auto p = parse_posting(fixture("posting_get_v3.json"));
  REQUIRE(p);
  CHECK(p->posting_number == "57195475-0050-3");
  CHECK(p->cancellation.edit().reason_id == 352);
  CHECK(p->cancellation.edit().affect_cancellation_rating);
  CHECK(p->cancellation.edit().initiator == "Продавец");
  CHECK(p->products[0].price == core::Money{27900, "RUB"});
  CHECK(p->customer.edit().name.empty());
  CHECK_FALSE(parse_posting(R"({"result": {}})"));
  CHECK_FALSE(parse_posting(R"({"result": []})"));
}

TEST_CASE("ship result: numbers from result or additional_data") {
  auto numbers = parse_ship_result(fixture("ship_result.json"));
  REQUIRE(numbers);
  CHECK(numbers.value() == std::vector<std::string>{"89491381-0072-1", "89491381-0072-2"});
  auto extra = parse_ship_result(R"({"additional_data": [{"posting_number": "x-1"}]})");
  REQUIRE(extra);
  CHECK(extra.value() == std::vector<std::string>{"x-1"});
  auto single = parse_ship_result(R"({"result": "x-2"})");
  REQUIRE(single);
  CHECK(single->front() == "x-2");
  CHECK_FALSE(parse_ship_result(R"({"result": []})"));
  CHECK_FALSE(parse_ship_result(R"({"result": 5})"));
}

TEST_CASE("per-posting results for tracking numbers and status changes") {
  auto r = parse_posting_batch_result(fixture("tracking_result.json"));
  REQUIRE(r);
  CHECK(r->succeeded == std::vector<std::string>{"48173252-0034-4"});
  REQUIRE(r->failed.size() == 1);
  CHECK(r->failed[0].key == "48173252-0035-1");
  CHECK(r->failed[0].code == "HAS_INCORRECT_TPL_INTEGRATION_TYPE");
  auto s = parse_posting_batch_result(fixture("status_change_result.json"));
  REQUIRE(s);
  CHECK(s->succeeded.size() == 1);
  REQUIRE(s->failed.size() == 2);
  CHECK(s->failed[0].code == "TRANSITION_IS_NOT_POSSIBLE");
  CHECK(s->failed[1].code == "FAILED");
  CHECK_FALSE(s->all_ok());
  CHECK_FALSE(parse_posting_batch_result(R"({"result": {}})"));
}

TEST_CASE("stock update: updated items and per-item errors") {
  auto r = parse_stock_update(fixture("stocks_update_result.json"));
  REQUIRE(r);
  CHECK(r->succeeded == std::vector<std::string>{"PH11042|22142605386000"});
  REQUIRE(r->failed.size() == 3);
  CHECK(r->failed[0].key == "MUG-RED-350|22142605386000");
  CHECK(r->failed[0].code == "TOO_MANY_REQUESTS");
  CHECK(r->failed[1].key == "#77|999");
  CHECK(r->failed[2].code == "STOCK_TOO_BIG");
  CHECK(stock_item_key("", 77, 999) == "#77|999");
}

TEST_CASE("stock update items: one result per item, the first error, NOT_UPDATED") {
  auto r = parse_stock_update_items(fixture("stocks_update_result.json"));
  REQUIRE(r);
  REQUIRE(r->size() == 3);
  CHECK(r->at(0).updated);
  CHECK(r->at(0).offer_id == "PH11042");
  CHECK(r->at(0).product_id == 118597312);
  CHECK(r->at(0).warehouse_id == 22142605386000);
  CHECK(r->at(0).code.empty());
  CHECK(core::classify_stock_error(r->at(0)) == core::StockItemError::none);
  CHECK_FALSE(r->at(1).updated);
  CHECK(r->at(1).code == "TOO_MANY_REQUESTS");
  CHECK(core::classify_stock_error(r->at(1)) == core::StockItemError::too_many_requests);
  CHECK(r->at(2).product_id == 77);
  CHECK(r->at(2).warehouse_id == 999);
  CHECK(r->at(2).code == "WAREHOUSE_NOT_FOUND");  // the first of two
  CHECK(r->at(2).message == "warehouse not found");
  CHECK(core::classify_stock_error(r->at(2)) == core::StockItemError::unknown_warehouse);

  auto quiet = parse_stock_update_items(R"({"result": [{"product_id": 5, "warehouse_id": 6, "updated": false},
      {"product_id": 7, "warehouse_id": 6, "updated": true, "errors": ["STOCK_TOO_BIG"]}, 3, null]})");
  REQUIRE(quiet);
  REQUIRE(quiet->size() == 2);
  CHECK(quiet->at(0).code == "NOT_UPDATED");
  CHECK(core::classify_stock_error(quiet->at(0)) == core::StockItemError::other);
  CHECK_FALSE(quiet->at(1).updated);  // errors win over `updated`
  CHECK(quiet->at(1).code == "STOCK_TOO_BIG");
  CHECK(core::classify_stock_error(quiet->at(1)) == core::StockItemError::too_big);
  CHECK(parse_stock_update_items(R"({"result": []})")->empty());
}

TEST_CASE("classify_stock_error: Ozon's codes in every spelling") {
  using core::StockItemError;
  auto kind = [](const char* code, const char* message = "") {
    core::StockItemResult item;
    item.code = code;
    item.message = message;
    return core::classify_stock_error(item);
  };
  CHECK(kind("offer_id_not_found") == StockItemError::unknown_offer);
  CHECK(kind("OFFER_ID_NOT_FOUND") == StockItemError::unknown_offer);
  CHECK(kind("NOT_FOUND_ERROR") == StockItemError::unknown_offer);
  CHECK(kind("NOT_FOUND") == StockItemError::unknown_offer);
  CHECK(kind("PRODUCT_NOT_FOUND") == StockItemError::unknown_offer);
  CHECK(kind("UNKNOWN_PRODUCT") == StockItemError::unknown_offer);
  CHECK(kind("WAREHOUSE_NOT_FOUND") == StockItemError::unknown_warehouse);
  CHECK(kind("warehouse_not_found") == StockItemError::unknown_warehouse);
  CHECK(kind("INVALID_WAREHOUSE_ID") == StockItemError::unknown_warehouse);
  CHECK(kind("STOCK_TOO_BIG") == StockItemError::too_big);
  CHECK(kind("stock-too-big") == StockItemError::too_big);
  CHECK(kind("TOO_MANY_REQUESTS") == StockItemError::too_many_requests);
  CHECK(kind("too_many_requests") == StockItemError::too_many_requests);
  CHECK(kind("Stock is updated too frequently") == StockItemError::too_many_requests);
  CHECK(kind("", "Stock is updated too frequently") == StockItemError::too_many_requests);
  CHECK(kind("INVALID_STOCK_VALUE") == StockItemError::other);
  CHECK(kind("product_is_not_created") == StockItemError::other);
  CHECK(kind("SOURCE_TYPE_NOT_FOUND") == StockItemError::other);
  CHECK(kind("NON_KGT_ON_KGT_WAREHOUSE") == StockItemError::other);
  CHECK(kind("NOT_UPDATED") == StockItemError::other);
  core::StockItemResult silent;  // not updated, nothing said
  CHECK(core::classify_stock_error(silent) == StockItemError::other);
  silent.updated = true;
  CHECK(core::classify_stock_error(silent) == StockItemError::none);
}

TEST_CASE("product stocks v4: parts per scheme, cursor paging, fbs_sku") {
  auto page = parse_product_stocks(fixture("product_stocks_v4.json"));
  REQUIRE(page);
  REQUIRE(page->items.size() == 3);
  CHECK(page->cursor == "WyIzMTM0NTUyNzYiXQ==");
  CHECK(page->has_next);
  const core::ProductStock& first = page->items[0];
  CHECK(first.product_id == 313455276);
  CHECK(first.offer_id == "PH11042");
  REQUIRE(first.stocks.size() == 3);
  CHECK(first.stocks[0].type == "fbs");
  CHECK(first.stocks[0].present == 10);
  CHECK(first.stocks[0].reserved == 2);
  CHECK(first.stocks[0].warehouse_ids == std::vector<std::int64_t>{21321684811000, 21321684812000});
  CHECK(first.fbs_sku() == 1234567890);
  const core::ProductStock& second = page->items[1];  // numbers as strings, rFBS only
  CHECK(second.product_id == 313455277);
  CHECK(second.stocks.at(0).present == 3);
  CHECK(second.fbs_sku() == 1234567891);
  CHECK(page->items[2].fbs_sku() == 0);

  auto last = parse_product_stocks(fixture("product_stocks_v4_last.json"));
  REQUIRE(last);
  CHECK(last->items.empty());
  CHECK_FALSE(last->has_next);  // a cursor, but nothing came with it
  auto end = parse_product_stocks(R"({"items": [{"product_id": 1}], "cursor": ""})");
  REQUIRE(end);
  CHECK_FALSE(end->has_next);
  CHECK_FALSE(parse_product_stocks(R"({"cursor": "x"})"));

  core::ProductStock fbo_only;
  fbo_only.stocks = {{5, "fbo", 1, 0, {}}, {6, "RFBS", 1, 0, {}}, {7, "FBS", 1, 0, {}}};
  CHECK(fbo_only.fbs_sku() == 7);  // fbs first, whatever the case
  fbo_only.stocks.pop_back();
  CHECK(fbo_only.fbs_sku() == 6);
}

TEST_CASE("labels: raw PDF, JSON base64, JSON raw text, and errors") {
  net::HttpResponse raw = ozon_test::json_reply(200, "%PDF-1.4\n...binary...");
  raw.content_type = "application/pdf";
  auto pdf = parse_pdf(raw);
  REQUIRE(pdf);
  CHECK(pdf->rfind("%PDF", 0) == 0);

  auto decoded = parse_pdf(ozon_test::json_reply(200, fixture("label_json.json")));
  REQUIRE(decoded);
  CHECK(decoded->rfind("%PDF-1.4", 0) == 0);

  auto text = parse_pdf(ozon_test::json_reply(200, R"({"file_content": "%PDF-1.7 inline"})"));
  REQUIRE(text);
  CHECK(text.value() == "%PDF-1.7 inline");

  auto not_pdf = parse_pdf(ozon_test::json_reply(200, std::string(R"({"file_content": ")").append(base64_encode("hello")).append("\"}")));
  CHECK_FALSE(not_pdf);
  CHECK(not_pdf.error().kind == ErrorKind::malformed_reply);
  net::HttpResponse junk = ozon_test::json_reply(200, "garbage");
  junk.content_type = "application/pdf";
  CHECK_FALSE(parse_pdf(junk));
  auto not_ready = parse_pdf(ozon_test::json_reply(200, R"({"code": 3, "message": "postings not ready"})"));
  REQUIRE_FALSE(not_ready);
  CHECK(not_ready.error().kind == ErrorKind::label_not_ready);
  CHECK(not_ready.error().retryable());

  auto tasks = parse_label_tasks(fixture("label_tasks.json"));
  REQUIRE(tasks);
  REQUIRE(tasks->size() == 2);
  CHECK((*tasks)[1].task_id == 5819327210249);
  auto task = parse_label_task(fixture("label_task_get.json"));
  REQUIRE(task);
  CHECK(task->done());
}

TEST_CASE("cancel reasons") {
  auto reasons = parse_cancel_reasons(fixture("cancel_reasons.json"));
  REQUIRE(reasons);
  REQUIRE(reasons->size() == 4);
  CHECK((*reasons)[1].id == 400);
  CHECK((*reasons)[1].is_available_for_cancellation);
  CHECK_FALSE((*reasons)[3].is_available_for_cancellation);
  auto per = parse_posting_cancel_reasons(fixture("posting_cancel_reasons.json"));
  REQUIRE(per);
  CHECK(per->at(0).reasons.size() == 2);
  CHECK(per->at(0).reasons[1].title == "Продавец отклонил арбитраж");
}

TEST_CASE("acts, pick list, acknowledgements") {
  CHECK(parse_act_create(fixture("act_create.json")).value() == 15684442104000);
  CHECK_FALSE(parse_act_create(R"({"result": {}})"));
  auto status = parse_act_status(fixture("act_status.json"));
  REQUIRE(status);
  CHECK(status->status == "FORMED");
  CHECK(status->added_to_act.size() == 1);
  CHECK_FALSE(status->has_postings_for_next_carriage);
  auto acts = parse_act_list(fixture("act_list.json"));
  REQUIRE(acts);
  CHECK(acts->at(0).containers_count == 2);
  CHECK(acts->at(0).departure_date == "2026-05-15");
  auto pick = parse_pick_list(fixture("pick_list.json"));
  REQUIRE(pick);
  REQUIRE(pick->items.size() == 2);
  CHECK(pick->items[0].quantity == 5);
  CHECK(pick->items[0].posting_numbers.size() == 2);
  CHECK(pick->items[1].sku == 42);
  CHECK(pick->items[1].posting_numbers == std::vector<std::string>{"44556677-0001-1"});
  CHECK(parse_done(fixture("done_result.json")));
  CHECK(parse_done("{}"));
  CHECK(parse_done(R"({"result": "success"})"));
  CHECK(parse_done(R"({"result": {"result": true}})"));
  CHECK_FALSE(parse_done(R"({"result": false})"));
  CHECK_FALSE(parse_done("<html>"));
}

TEST_CASE("warehouses v2, delivery methods v2, stocks, products") {
  auto w = parse_warehouses(fixture("warehouses_v2.json"));
  REQUIRE(w);
  REQUIRE(w->items.size() == 2);
  CHECK(w->items[0].warehouse_id == 21321684811000);
  CHECK(w->items[0].first_mile_type == "DropOff");
  CHECK(w->items[0].working_days.size() == 5);
  CHECK(w->items[1].is_rfbs);
  CHECK(w->items[1].first_mile_type == "Pickup");
  CHECK(w->items[1].working_days.size() == 7);
  CHECK_FALSE(w->has_next);
  auto v1 = parse_warehouses(R"({"result": [{"warehouse_id": 1, "name": "v1"}]})");
  REQUIRE(v1);
  CHECK(v1->items[0].name == "v1");

  auto dm = parse_delivery_methods(fixture("delivery_methods_v2.json"));
  REQUIRE(dm);
  CHECK(dm->items[0].cutoff_minutes == 840);
  CHECK(dm->items[1].id == 1001);
  CHECK(dm->items[1].cutoff_minutes == 570);
  CHECK(dm->items[1].sla_cut_in == 720);
  CHECK(dm->has_next);
  CHECK(dm->cursor == "c2");

  auto stocks = parse_stocks_by_warehouse(fixture("stocks_by_warehouse.json"));
  REQUIRE(stocks);
  CHECK(stocks->at(0).present == 10);
  CHECK(stocks->at(0).reserved == 2);
  CHECK(stocks->at(1).present == 3);
  CHECK(stocks->at(1).sku == 1234567890);
  CHECK(stocks->at(1).warehouse_name == "rFBS Москва");
  CHECK(stocks->at(0).free() == 8);
  auto old_name = parse_stocks_by_warehouse(R"({"result": [{"fbs_sku": 42, "present": 1}]})");
  REQUIRE(old_name);
  CHECK(old_name->at(0).sku == 42);
  CHECK_FALSE(parse_stocks_by_warehouse(R"({"result": {}})"));

  auto list = parse_product_list(fixture("product_list.json"));
  REQUIRE(list);
  CHECK(list->items.at(0).product_id == 223681945);
  CHECK(list->items.at(0).has_fbs_stocks);
  CHECK(list->has_next);
  auto info = parse_product_info_list(fixture("product_info_list.json"));
  REQUIRE(info);
  CHECK(info->at(0).product_id == 118597312);
  CHECK(info->at(0).price == core::Money{199000, "RUB"});
  CHECK(info->at(0).barcodes.size() == 1);
}

TEST_CASE("chats, history, returns, reviews") {
  auto chats = parse_chat_list(fixture("chats.json"));
  REQUIRE(chats);
  REQUIRE(chats->items.size() == 1);
  CHECK(chats->items[0].chat_id == "5e767w03-b400-4y1b-a841-75319ca8a5c8");
  CHECK(chats->items[0].unread_count == 1);
  CHECK_FALSE(chats->items[0].last_message_id.empty());  // beyond uint64, still text
  CHECK(chats->items[0].type == "Buyer_Seller");
  CHECK(chats->has_next);  // "true" as a string
  auto flat = parse_chat_list(R"({"chats": [{"chat_id": "c", "chat_status": "Closed", "unread_count": "3"}]})");
  REQUIRE(flat);
  CHECK(flat->items[0].unread_count == 3);

  auto history = parse_chat_history(fixture("chat_history.json"));
  REQUIRE(history);
  REQUIRE(history->items.size() == 2);
  CHECK(history->items[0].user_type == "Customer");
  CHECK(history->items[0].sku == 987654321);
  CHECK(history->items[1].message_id == "3000000000817031943");
  CHECK(history->cursor == "3000000000817031943");

  auto returns = parse_returns(fixture("returns.json"));
  REQUIRE(returns);
  const auto& r = returns->items.at(0);
  CHECK(r.posting_number == "58544282-0057-1");
  CHECK(r.price == core::Money{331800, "RUB"});
  CHECK(r.status_name == "MovingToSeller");
  CHECK(r.status_changed_at != 0);
  CHECK(returns->cursor == "1000015552");
  CHECK(returns->has_next);

  auto reviews = parse_reviews(fixture("reviews.json"));
  REQUIRE(reviews);
  CHECK(reviews->items.at(0).rating == 5);
  CHECK(reviews->items.at(0).photos_amount == 2);
  CHECK(reviews->cursor == "01907ef7-1b36-760f-a85d-5b0ee3e68c2c");
  CHECK(parse_review_comment(fixture("review_comment.json")).value() == "01907ef7-aaaa-760f-a85d-5b0ee3e68c2c");
}

TEST_CASE("exemplars: create-or-get and status") {
  auto data = parse_exemplar_data(fixture("exemplar_create_or_get.json"));
  REQUIRE(data);
  REQUIRE(data->products.size() == 1);
  const auto& p = data->products[0];
  CHECK(p.is_gtd_needed);
  CHECK(p.is_mandatory_mark_needed);
  CHECK(p.quantity == 2);
  REQUIRE(p.exemplars.size() == 2);
  CHECK(p.exemplars[0].marks_of_type("mandatory_mark").size() == 1);
  CHECK(p.exemplars[1].exemplar_id == 8000002);
  auto status = parse_exemplar_data(fixture("exemplar_status.json"));
  REQUIRE(status);
  CHECK_FALSE(status->ship_available());
  CHECK(status->products[0].exemplars[0].marks[0].check_status == "failed");
  CHECK(status->products[0].exemplars[0].marks[0].error_codes == std::vector<std::string>{"INVALID_CODE"});
}

TEST_CASE("wrong shapes give malformed_reply, never a crash") {
  const char* bad[] = {"", "null", "[]", "42", "\"text\"", "<html><body>502</body></html>", "{\"postings\": 5",
                       "{\"postings\": {}}", "{\"result\": null}", "{\"chats\": \"x\"}"};
  for (const char* body : bad) {
    CAPTURE(body);
    CHECK_FALSE(parse_posting_list(body));
    CHECK_FALSE(parse_chat_list(body));
    CHECK_FALSE(parse_warehouses(body));
    CHECK_FALSE(parse_stock_update(body));
    CHECK_FALSE(parse_stock_update_items(body));
    CHECK_FALSE(parse_stocks_by_warehouse(body));
    CHECK_FALSE(parse_product_stocks(body));
    CHECK_FALSE(parse_exemplar_data(body));
    CHECK_FALSE(parse_ship_result(body));
    const auto result = parse_reviews(body);
    REQUIRE_FALSE(result);
    CHECK(result.error().kind == ErrorKind::malformed_reply);
    CHECK(result.error().message.size() <= 200);
  }
  // Items of the wrong type inside a good shape are skipped.
  auto page = parse_posting_list(R"({"postings": [1, "x", null, {"posting_number": 7, "products": "no"}], "has_next": 0})");
  REQUIRE(page);
  REQUIRE(page->items.size() == 1);
  CHECK(page->items[0].posting_number == "7");
  CHECK(page->items[0].products.empty());
}

TEST_CASE("every reply nested deeper than 64 levels is refused before parsing, with a clear message") {
  const std::string deep = R"({"result":[{"x":)" + std::string(20'000, '[') + std::string(20'000, ']') + "}]}";
  for (const auto& error : {parse_warehouses(deep).error(), parse_exemplar_data(deep).error(),
                            parse_reviews(deep).error(), parse_posting(deep).error()}) {
    CHECK(error.kind == ErrorKind::malformed_reply);
    CHECK(error.message.rfind("reply nested too deeply", 0) == 0);
  }
  CHECK(parse_warehouses(R"({"result":[{"x":)" + std::string(60, '[') + std::string(60, ']') + "}]}"));
}

#include "ozon/posting_json.h"

TEST_CASE("postings written back to the API's JSON read the same") {
  core::Posting p;
  p.posting_number = "12345678-0001-1";
  p.order_id = 77;
  p.status = core::PostingStatus::awaiting_packaging;
  p.status_raw = "awaiting_packaging";
  p.delivery_method = {5, 9, 0, "Courier", "Main", ""};
  p.shipment_date = 1'795'791'600'000;
  p.products.push_back({123, 2, core::Money{199000, "RUB"}, "MUG-1", "Кружка 中文", {}});
  p.customer.edit().name = "Иван";
  p.customer.edit().address.city = "Москва";
  p.requirements.edit().gtd = {123};
  p.available_actions = {"ship", "cancel"};
  p.is_express = true;
  auto page = ozon::parse_posting_list(ozon::postings_to_list_json({p}));
  REQUIRE(page);
  REQUIRE(page->items.size() == 1);
  const auto& back = page->items[0];
  CHECK(back.posting_number == p.posting_number);
  CHECK(back.order_id == 77);
  CHECK(back.status == p.status);
  CHECK(back.delivery_method.name == "Courier");
  CHECK(back.shipment_date == p.shipment_date);
  CHECK(back.in_process_at == 0);
  REQUIRE(back.products.size() == 1);
  CHECK(back.products[0].name == "Кружка 中文");
  CHECK(back.products[0].price == p.products[0].price);
  CHECK(back.customer->address.city == "Москва");
  CHECK(back.requirements->gtd == std::vector<std::int64_t>{123});
  CHECK(back.available_actions == p.available_actions);
  CHECK(back.is_express);

  // Members that read back as their default are left out of the copy (it is
  // read at every start), and what is left reads back the same.
  const std::string written = ozon::postings_to_list_json({p});
  for (const char* absent : {"\"tracking_number\"", "\"in_process_at\"", "\"cancellation\"", "\"is_multibox\"",
                             "\"products_requiring_rnpt\"", "\"imei\"", "\"phone\"", "\"tpl_provider_id\""})
    CHECK_MESSAGE(written.find(absent) == std::string::npos, absent);
  for (const char* kept : {"\"posting_number\"", "\"is_express\"", "\"products_requiring_gtd\"", "\"city\""})
    CHECK_MESSAGE(written.find(kept) != std::string::npos, kept);
  CHECK(ozon::postings_to_list_json(page->items) == written);
}

#include "ozon/catalog_json.h"

TEST_CASE("warehouses, delivery methods and products written back to the API's JSON read the same") {
  core::Warehouse w;
  w.warehouse_id = 1020;
  w.name = "Склад Москва";
  w.is_rfbs = true;
  w.status = "created";
  w.first_mile_type = "DropOff";
  w.working_days = {"1", "2", "3"};
  w.can_print_act_in_advance = true;
  auto warehouses = ozon::parse_warehouses(ozon::warehouses_to_list_json({w}));
  REQUIRE(warehouses);
  REQUIRE(warehouses->items.size() == 1);
  const auto& wb = warehouses->items[0];
  CHECK(wb.warehouse_id == 1020);
  CHECK(wb.name == w.name);
  CHECK(wb.is_rfbs);
  CHECK(wb.status == "created");
  CHECK(wb.first_mile_type == "DropOff");
  CHECK(wb.working_days == w.working_days);
  CHECK(wb.can_print_act_in_advance);
  CHECK_FALSE(warehouses->has_next);

  core::DeliveryMethod m;
  m.id = 15'000;
  m.name = "Курьер 中文";
  m.warehouse_id = 1020;
  m.provider_id = 24;
  m.status = "ACTIVE";
  m.cutoff = "14:30";
  m.cutoff_minutes = 14 * 60 + 30;
  m.sla_cut_in = 1440;
  auto methods = ozon::parse_delivery_methods(ozon::delivery_methods_to_list_json({m}));
  REQUIRE(methods);
  REQUIRE(methods->items.size() == 1);
  const auto& mb = methods->items[0];
  CHECK(mb.id == m.id);
  CHECK(mb.name == m.name);
  CHECK(mb.warehouse_id == 1020);
  CHECK(mb.provider_id == 24);
  CHECK(mb.status == "ACTIVE");
  CHECK(mb.cutoff_minutes == m.cutoff_minutes);
  CHECK(mb.sla_cut_in == 1440);
  CHECK_FALSE(methods->has_next);

  core::Product p;
  p.product_id = 9;
  p.offer_id = "MUG-1";
  p.sku = 123456;
  p.name = "Кружка";
  p.barcodes = {"4600000000017", "OZN123"};
  p.price = core::Money{199050, "RUB"};
  auto products = ozon::parse_product_info_list(ozon::products_to_info_list_json({p}));
  REQUIRE(products);
  REQUIRE(products->size() == 1);
  const auto& pb = (*products)[0];
  CHECK(pb.product_id == 9);
  CHECK(pb.offer_id == "MUG-1");
  CHECK(pb.sku == 123456);
  CHECK(pb.barcodes == p.barcodes);
  CHECK(pb.price == p.price);
}

TEST_CASE("postings written in chunks: each chunk reads back, in order, and nothing is left out") {
  std::vector<core::Posting> postings(5);
  for (std::size_t i = 0; i < postings.size(); ++i) postings[i].posting_number = "N-" + std::to_string(i);
  CHECK(ozon::postings_to_list_json_chunks({}, 2).empty());
  const auto chunks = ozon::postings_to_list_json_chunks(postings, 2);
  REQUIRE(chunks.size() == 3);
  std::vector<std::string> numbers;
  for (const auto& chunk : chunks) {
    auto page = ozon::parse_posting_list(chunk);
    REQUIRE(page);
    for (const auto& p : page->items) numbers.push_back(p.posting_number);
  }
  CHECK(numbers == std::vector<std::string>{"N-0", "N-1", "N-2", "N-3", "N-4"});
}
