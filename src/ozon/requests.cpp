#include "ozon/requests.h"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/cancel_reason.h"
#include "ozon/endpoints.h"
#include "ozon/json_read.h"

namespace ozon {
namespace {

using Json = nlohmann::json;

net::HttpRequest make(std::string_view path, const Json& body) {
  net::HttpRequest request;
  request.path = std::string(path);
  request.body = json_read::dump(body);  // invalid UTF-8 typed by a user is replaced, never thrown
  return request;
}

ApiError refuse(std::string message) {
  ApiError error;
  error.kind = ErrorKind::invalid_request;
  error.message = std::move(message);
  return error;
}

Json id_strings(const std::vector<std::int64_t>& ids) {
  Json out = Json::array();
  for (auto id : ids) out.push_back(std::to_string(id));
  return out;
}

Json string_list(const std::vector<std::string>& items) {
  Json out = Json::array();
  for (const auto& s : items) out.push_back(s);
  return out;
}

std::string iso(core::EpochMs ms) { return json_read::format_iso8601(ms); }

Json posting_list_body(const PostingListQuery& q, bool unfulfilled) {
  Json filter = Json::object();
  if (q.since_to.from != 0) filter["since"] = iso(q.since_to.from);
  if (q.since_to.to != 0) filter["to"] = iso(q.since_to.to);
  if (unfulfilled) {
    if (q.cutoff.set()) {
      if (q.cutoff.from != 0) filter["cutoff_from"] = iso(q.cutoff.from);
      if (q.cutoff.to != 0) filter["cutoff_to"] = iso(q.cutoff.to);
    } else if (q.delivering_date.set()) {
      if (q.delivering_date.from != 0) filter["delivering_date_from"] = iso(q.delivering_date.from);
      if (q.delivering_date.to != 0) filter["delivering_date_to"] = iso(q.delivering_date.to);
    }
  }
  if (!q.statuses.empty()) filter["statuses"] = string_list(q.statuses);
  if (!q.warehouse_ids.empty()) filter["warehouse_ids"] = id_strings(q.warehouse_ids);
  if (!q.delivery_method_ids.empty()) filter["delivery_method_ids"] = id_strings(q.delivery_method_ids);
  if (!q.provider_ids.empty()) filter["provider_ids"] = id_strings(q.provider_ids);
  if (!q.order_numbers.empty()) filter["order_numbers"] = string_list(q.order_numbers);
  if (q.last_changed_status_date.set()) {
    Json window = Json::object();
    if (q.last_changed_status_date.from != 0) window["from"] = iso(q.last_changed_status_date.from);
    if (q.last_changed_status_date.to != 0) window["to"] = iso(q.last_changed_status_date.to);
    filter["last_changed_status_date"] = window;
  }
  Json body = {
      {"filter", filter},
      {"limit", std::clamp(q.limit, 1, kPostingListMaxLimit)},
      {"sort_dir", q.sort_ascending ? "ASC" : "DESC"},
      {"with",
       {{"analytics_data", q.with_analytics_data},
        {"barcodes", q.with_barcodes},
        {"financial_data", q.with_financial_data},
        {"legal_info", q.with_legal_info}}},
  };
  if (!q.cursor.empty()) body["cursor"] = q.cursor;
  return body;
}

Json ship_products(const ShipPackage& package) {
  Json products = Json::array();
  for (const auto& item : package) products.push_back({{"product_id", item.product_id}, {"quantity", item.quantity}});
  return products;
}

bool valid_package(const ShipPackage& package) {
  if (package.empty()) return false;
  return std::all_of(package.begin(), package.end(),
                     [](const ShipItem& i) { return i.product_id > 0 && i.quantity > 0; });
}

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

Result<Json> cancel_fields(const std::string& posting_number, std::int64_t reason_id, const std::string& message) {
  if (posting_number.empty()) return refuse("posting number is empty");
  if (reason_id <= 0) return refuse("choose a cancellation reason");
  if (reason_id == core::kCancelReasonOther && blank(message)) return refuse("reason 402 (other) needs a message");
  Json body = {{"posting_number", posting_number}, {"cancel_reason_id", reason_id}};
  if (!blank(message)) body["cancel_reason_message"] = message;
  return body;
}


// The finance methods' date-time: "YYYY-MM-DDTHH:mm:ss.sssZ", milliseconds always written.
std::string iso_millis(core::EpochMs ms) {
  std::string text = iso(ms);
  if (text.size() == 20) text.insert(19, ".000");  // "...:ssZ" -> "...:ss.000Z"
  return text;
}

// A calendar date "YYYY-MM-DD" (of a real day); its day number in *days.
bool calendar_date(const std::string& text, std::int64_t* days) {
  if (text.size() != 10) return false;
  const auto ms = json_read::parse_iso8601(text);
  if (!ms) return false;
  if (json_read::format_iso8601(*ms).substr(0, 10) != text) return false;  // "2026-02-30" rolls over: refused
  *days = *ms / 86'400'000;
  return true;
}

bool one_of(const std::string& value, std::initializer_list<std::string_view> allowed) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

// transaction_type of /v3/finance/transaction/list and /totals (the spec's values).
bool transaction_type_known(const std::string& type) {
  return one_of(type, {"all", "orders", "returns", "services", "compensation", "transferDelivery", "other"});
}

constexpr core::EpochMs kFinanceWindowMax = 31LL * 86'400'000;  // "at most one month"

// The finance window {from, to}: Ozon's `to` is taken as inclusive, so the
// exclusive end of a core::month_windows window is sent 1 ms earlier (an
// operation at 00:00:00 of the next month is not counted in both windows).
Result<Json> finance_window(core::EpochMs from, core::EpochMs to) {
  if (from <= 0 || to <= from) return refuse("the finance window is empty");
  if (to - from > kFinanceWindowMax) return refuse("Ozon answers finance operations for at most one month at a time");
  return Json{{"from", iso_millis(from)}, {"to", iso_millis(to - 1)}};
}

}  // namespace

std::size_t utf8_length(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

net::HttpRequest build_unfulfilled_list(const PostingListQuery& query) {
  return make(endpoint::kPostingUnfulfilledList, posting_list_body(query, true));
}

net::HttpRequest build_posting_list(const PostingListQuery& query) {
  return make(endpoint::kPostingList, posting_list_body(query, false));
}

net::HttpRequest build_posting_get(const std::string& posting_number, const PostingGetOptions& with) {
  return make(endpoint::kPostingGet, {{"posting_number", posting_number},
                                      {"with",
                                       {{"analytics_data", with.analytics_data},
                                        {"barcodes", with.barcodes},
                                        {"financial_data", with.financial_data},
                                        {"legal_info", with.legal_info},
                                        {"product_exemplars", with.product_exemplars},
                                        {"related_postings", with.related_postings},
                                        {"translit", with.translit}}}});
}

net::HttpRequest build_posting_get_by_barcode(const std::string& barcode) {
  return make(endpoint::kPostingGetByBarcode, {{"barcode", barcode}});
}

Result<net::HttpRequest> build_ship(const std::string& posting_number, const std::vector<ShipPackage>& packages,
                                    bool additional_data) {
  if (posting_number.empty()) return refuse("posting number is empty");
  if (packages.empty()) return refuse("nothing to ship: no packages");
  Json list = Json::array();
  for (const auto& package : packages) {
    if (!valid_package(package)) return refuse("every package needs products with a product_id and quantity > 0");
    list.push_back({{"products", ship_products(package)}});
  }
  return make(endpoint::kPostingShip,
              {{"posting_number", posting_number}, {"packages", list}, {"with", {{"additional_data", additional_data}}}});
}

Result<net::HttpRequest> build_ship_package(const std::string& posting_number, const ShipPackage& products) {
  if (posting_number.empty()) return refuse("posting number is empty");
  if (!valid_package(products)) return refuse("the package needs products with a product_id and quantity > 0");
  return make(endpoint::kPostingShipPackage, {{"posting_number", posting_number}, {"products", ship_products(products)}});
}

net::HttpRequest build_multibox_qty_set(const std::string& posting_number, std::int64_t boxes) {
  return make(endpoint::kMultiBoxQtySet, {{"posting_number", posting_number}, {"multi_box_qty", boxes}});
}

net::HttpRequest build_exemplar_create_or_get(const std::string& posting_number) {
  return make(endpoint::kExemplarCreateOrGet, {{"posting_number", posting_number}});
}

net::HttpRequest build_exemplar_set(const core::ExemplarData& data) {
  Json products = Json::array();
  for (const auto& product : data.products) {
    Json exemplars = Json::array();
    for (const auto& e : product.exemplars) {
      Json marks = Json::array();
      for (const auto& m : e.marks) marks.push_back({{"mark", m.mark}, {"mark_type", m.mark_type}});
      Json item = {{"exemplar_id", e.exemplar_id}, {"gtd", e.gtd},       {"is_gtd_absent", e.is_gtd_absent},
                   {"rnpt", e.rnpt},               {"is_rnpt_absent", e.is_rnpt_absent}, {"marks", marks}};
      exemplars.push_back(std::move(item));
    }
    products.push_back({{"product_id", product.product_id}, {"exemplars", exemplars}});
  }
  Json body = {{"posting_number", data.posting_number}, {"products", products}};
  if (data.multi_box_qty > 0) body["multi_box_qty"] = data.multi_box_qty;
  return make(endpoint::kExemplarSet, body);
}

net::HttpRequest build_exemplar_status(const std::string& posting_number) {
  return make(endpoint::kExemplarStatus, {{"posting_number", posting_number}});
}

net::HttpRequest build_product_country_set(const std::string& posting_number, std::int64_t product_id,
                                           const std::string& country_iso_code) {
  return make(endpoint::kProductCountrySet,
              {{"posting_number", posting_number}, {"product_id", product_id}, {"country_iso_code", country_iso_code}});
}

std::vector<net::HttpRequest> build_package_labels(const std::vector<std::string>& posting_numbers) {
  std::vector<net::HttpRequest> out;
  for (const auto& batch : batches(posting_numbers, kLabelBatch))
    out.push_back(make(endpoint::kPackageLabel, {{"posting_number", string_list(batch)}}));
  return out;
}

std::vector<net::HttpRequest> build_package_label_tasks(const std::vector<std::string>& posting_numbers) {
  std::vector<net::HttpRequest> out;
  for (const auto& batch : batches(posting_numbers, kLabelBatch))
    out.push_back(make(endpoint::kPackageLabelCreate, {{"posting_number", string_list(batch)}}));
  return out;
}

net::HttpRequest build_package_label_get(std::int64_t task_id) {
  return make(endpoint::kPackageLabelGet, {{"task_id", task_id}});
}

net::HttpRequest build_cancel_reason_list() { return make(endpoint::kCancelReasonList, Json::object()); }

net::HttpRequest build_posting_cancel_reasons(const std::vector<std::string>& posting_numbers) {
  return make(endpoint::kCancelReasonForPosting, {{"related_posting_numbers", string_list(posting_numbers)}});
}

Result<net::HttpRequest> build_cancel(const std::string& posting_number, std::int64_t reason_id,
                                      const std::string& message) {
  auto body = cancel_fields(posting_number, reason_id, message);
  if (!body) return body.error();
  return make(endpoint::kPostingCancel, body.value());
}

Result<net::HttpRequest> build_product_cancel(const std::string& posting_number, std::int64_t reason_id,
                                              const std::string& message, const std::vector<CancelItem>& items) {
  auto body = cancel_fields(posting_number, reason_id, message);
  if (!body) return body.error();
  // cancel_reason_message is required here whatever the reason.
  if (blank(message)) return refuse("cancelling some products needs a message");
  if (items.empty()) return refuse("choose the products to cancel");
  Json list = Json::array();
  for (const auto& item : items) {
    if (item.sku <= 0 || item.quantity <= 0) return refuse("every cancelled product needs a sku and quantity > 0");
    list.push_back({{"sku", item.sku}, {"quantity", item.quantity}});
  }
  body.value()["items"] = list;
  return make(endpoint::kProductCancel, body.value());
}

std::vector<net::HttpRequest> build_tracking_numbers(const std::vector<TrackingNumber>& numbers) {
  std::vector<net::HttpRequest> out;
  for (const auto& batch : batches(numbers, kTrackingBatch)) {
    Json list = Json::array();
    for (const auto& n : batch)
      list.push_back({{"posting_number", n.posting_number}, {"tracking_number", n.tracking_number}});
    out.push_back(make(endpoint::kTrackingNumberSet, {{"tracking_numbers", list}}));
  }
  return out;
}

std::vector<net::HttpRequest> build_status_change(StatusChange change, const std::vector<std::string>& posting_numbers) {
  std::string_view path = endpoint::kMarkDelivering;
  switch (change) {
    case StatusChange::delivering: path = endpoint::kMarkDelivering; break;
    case StatusChange::last_mile: path = endpoint::kMarkLastMile; break;
    case StatusChange::delivered: path = endpoint::kMarkDelivered; break;
    case StatusChange::sent_by_seller: path = endpoint::kMarkSentBySeller; break;
  }
  // Not documented as capped; batches of 20 like the tracking numbers keep
  // one bad posting from failing a huge request.
  std::vector<net::HttpRequest> out;
  for (const auto& batch : batches(posting_numbers, kTrackingBatch))
    out.push_back(make(path, {{"posting_number", string_list(batch)}}));
  return out;
}

net::HttpRequest build_cutoff_set(const std::string& posting_number, core::EpochMs new_cutoff) {
  return make(endpoint::kCutoffSet, {{"posting_number", posting_number}, {"new_cutoff_date", iso(new_cutoff)}});
}

net::HttpRequest build_act_create(std::int64_t delivery_method_id, core::EpochMs departure_date,
                                  std::int64_t containers_count) {
  Json body = {{"delivery_method_id", delivery_method_id}, {"departure_date", iso(departure_date)}};
  if (containers_count > 0) body["containers_count"] = containers_count;
  return make(endpoint::kActCreate, body);
}

net::HttpRequest build_act_check_status(std::int64_t act_id) { return make(endpoint::kActCheckStatus, {{"id", act_id}}); }

net::HttpRequest build_act_get_pdf(std::int64_t act_id) { return make(endpoint::kActGetPdf, {{"id", act_id}}); }

Result<net::HttpRequest> build_act_list(TimeWindow dates, const std::vector<std::string>& statuses, int limit) {
  // filter.date_from and date_to are required: dates, not times.
  if (dates.from == 0 || dates.to == 0) return refuse("the act list needs both ends of its date window");
  Json filter = {{"date_from", iso(dates.from).substr(0, 10)}, {"date_to", iso(dates.to).substr(0, 10)}};
  if (!statuses.empty()) filter["status"] = string_list(statuses);
  return make(endpoint::kActList, {{"filter", filter}, {"limit", std::clamp(limit, 1, 1000)}});
}

net::HttpRequest build_pick_list(TimeWindow cutoff, std::int64_t delivery_method_id, const std::string& cursor,
                                 int limit) {
  Json filter = Json::object();
  if (cutoff.from != 0) filter["cutoff_from"] = iso(cutoff.from);
  if (cutoff.to != 0) filter["cutoff_to"] = iso(cutoff.to);
  if (delivery_method_id != 0) filter["delivery_method_id"] = std::to_string(delivery_method_id);
  Json body = {{"filter", filter}, {"limit", std::clamp(limit, 1, 1000)}};
  if (!cursor.empty()) body["cursor"] = cursor;
  return make(endpoint::kAssemblyProductList, body);
}

net::HttpRequest build_warehouse_list(const std::string& cursor, int limit) {
  Json body = {{"limit", std::clamp(limit, 1, 1000)}};
  if (!cursor.empty()) body["cursor"] = cursor;
  return make(endpoint::kWarehouseList, body);
}

net::HttpRequest build_delivery_method_list(const std::vector<std::int64_t>& warehouse_ids, const std::string& cursor,
                                            int limit) {
  Json filter = Json::object();
  if (!warehouse_ids.empty()) filter["warehouse_ids"] = id_strings(warehouse_ids);
  Json body = {{"filter", filter}, {"limit", std::clamp(limit, 1, 1000)}};
  if (!cursor.empty()) body["cursor"] = cursor;
  return make(endpoint::kDeliveryMethodList, body);
}

Result<std::vector<net::HttpRequest>> build_stocks_update(const std::vector<StockUpdate>& updates) {
  for (const auto& u : updates)
    if (u.product_id <= 0) return refuse("a stock update needs the product_id (offer " + u.offer_id + ")");
  std::vector<net::HttpRequest> out;
  for (const auto& batch : batches(updates, kStockBatch)) {
    Json list = Json::array();
    for (const auto& u : batch)
      list.push_back({{"product_id", u.product_id},
                      {"warehouse_id", u.warehouse_id},
                      {"stock", std::max<std::int64_t>(0, u.stock)}});
    out.push_back(make(endpoint::kStocksUpdate, {{"stocks", list}}));
  }
  return out;
}

net::HttpRequest build_stocks_by_warehouse(const std::vector<std::int64_t>& skus) {
  return make(endpoint::kStocksByWarehouse, {{"sku", id_strings(skus)}});
}

net::HttpRequest build_product_stocks(const std::string& cursor, int limit) {
  Json body = {{"filter", {{"visibility", "ALL"}}}, {"limit", std::clamp(limit, 1, kProductStocksMaxLimit)}};
  if (!cursor.empty()) body["cursor"] = cursor;
  return make(endpoint::kProductStocks, body);
}

net::HttpRequest build_product_list(const std::string& last_id, int limit, const std::string& visibility) {
  return make(endpoint::kProductList, {{"filter", {{"visibility", visibility}}},
                                       {"last_id", last_id},
                                       {"limit", std::clamp(limit, 1, 1000)}});
}

Result<net::HttpRequest> build_product_info_list(const std::vector<std::string>& offer_ids,
                                                 const std::vector<std::int64_t>& product_ids,
                                                 const std::vector<std::int64_t>& skus) {
  const int kinds = int{!offer_ids.empty()} + int{!product_ids.empty()} + int{!skus.empty()};
  if (kinds != 1) return refuse("product info is asked by one kind of identifier at a time");
  if (offer_ids.size() + product_ids.size() + skus.size() > kProductInfoMax)
    return refuse("at most 1000 products per product info request");
  Json body = Json::object();
  if (!offer_ids.empty()) body["offer_id"] = string_list(offer_ids);
  if (!product_ids.empty()) body["product_id"] = id_strings(product_ids);
  if (!skus.empty()) body["sku"] = id_strings(skus);
  return make(endpoint::kProductInfoList, body);
}

net::HttpRequest build_chat_list(const std::string& cursor, int limit, bool unread_only) {
  Json body = {{"filter", {{"chat_status", "All"}, {"unread_only", unread_only}}}, {"limit", std::clamp(limit, 1, 100)}};
  if (!cursor.empty()) body["cursor"] = cursor;
  return make(endpoint::kChatList, body);
}

Result<net::HttpRequest> build_chat_history(const std::string& chat_id, const std::string& from_message_id, int limit,
                                            bool newest_first) {
  Json body = {{"chat_id", chat_id}, {"direction", newest_first ? "Backward" : "Forward"},
               {"limit", std::clamp(limit, 1, 1000)}};
  if (!from_message_id.empty()) {
    // A uint64 number: ids beyond int64 stay exact as unsigned JSON numbers, never a string.
    std::uint64_t id = 0;
    const char* end = from_message_id.data() + from_message_id.size();
    const auto [ptr, ec] = std::from_chars(from_message_id.data(), end, id);
    if (ec != std::errc{} || ptr != end) return refuse("message id is not a number: " + from_message_id);
    body["from_message_id"] = id;
  }
  return make(endpoint::kChatHistory, body);
}

Result<net::HttpRequest> build_chat_send(const std::string& chat_id, const std::string& text) {
  if (chat_id.empty()) return refuse("chat id is empty");
  const auto length = utf8_length(text);
  if (length == 0) return refuse("the message is empty");
  if (length > 1000) return refuse("the message is longer than 1000 characters");
  return make(endpoint::kChatSendMessage, {{"chat_id", chat_id}, {"text", text}});
}

Result<net::HttpRequest> build_returns_list(const ReturnsFilter& f, std::int64_t last_id, int limit) {
  if (f.posting_numbers.size() > kReturnsPostingsMax) return refuse("at most 50 posting numbers per returns request");
  Json filter = Json::object();
  if (!f.posting_numbers.empty()) filter["posting_numbers"] = string_list(f.posting_numbers);
  if (!f.return_schema.empty()) filter["return_schema"] = f.return_schema;
  if (f.warehouse_id != 0) filter["warehouse_id"] = f.warehouse_id;
  if (!f.visual_status_name.empty()) filter["visual_status_name"] = f.visual_status_name;
  if (f.visual_status_change_moment.set()) {
    Json window = Json::object();
    if (f.visual_status_change_moment.from != 0) window["time_from"] = iso(f.visual_status_change_moment.from);
    if (f.visual_status_change_moment.to != 0) window["time_to"] = iso(f.visual_status_change_moment.to);
    filter["visual_status_change_moment"] = window;
  }
  return make(endpoint::kReturnsList, {{"filter", filter}, {"limit", std::clamp(limit, 1, 500)}, {"last_id", last_id}});
}

net::HttpRequest build_review_list(const std::string& last_id, int limit, const std::string& status) {
  return make(endpoint::kReviewList,
              {{"last_id", last_id}, {"limit", std::clamp(limit, 20, 100)}, {"sort_dir", "DESC"}, {"status", status}});
}

Result<net::HttpRequest> build_review_comment(const std::string& review_id, const std::string& text,
                                              bool mark_processed, const std::string& parent_comment_id) {
  if (review_id.empty()) return refuse("review id is empty");
  if (utf8_length(text) == 0) return refuse("the comment is empty");
  Json body = {{"review_id", review_id}, {"text", text}, {"mark_review_as_processed", mark_processed}};
  if (!parent_comment_id.empty()) body["parent_comment_id"] = parent_comment_id;
  return make(endpoint::kReviewCommentCreate, body);
}

Result<net::HttpRequest> build_chat_read(const std::string& chat_id, const std::string& from_message_id) {
  if (chat_id.empty()) return refuse("chat id is empty");
  // A uint64 JSON number, as /v3/chat/history takes it.
  std::uint64_t id = 0;
  const char* end = from_message_id.data() + from_message_id.size();
  const auto [ptr, ec] = std::from_chars(from_message_id.data(), end, id);
  if (from_message_id.empty() || ec != std::errc{} || ptr != end)
    return refuse("message id is not a number: " + from_message_id);
  return make(endpoint::kChatRead, {{"chat_id", chat_id}, {"from_message_id", id}});
}

net::HttpRequest build_rfbs_returns_list(const RfbsReturnsFilter& f, std::int64_t last_id, int limit) {
  Json filter = {{"group_state", f.group_states.empty() ? Json::array({"All"}) : string_list(f.group_states)}};
  if (!f.posting_number.empty()) filter["posting_number"] = f.posting_number;
  if (!f.offer_id.empty()) filter["offer_id"] = f.offer_id;
  if (f.created_at.set()) {
    Json window = Json::object();
    if (f.created_at.from != 0) window["from"] = iso(f.created_at.from);
    if (f.created_at.to != 0) window["to"] = iso(f.created_at.to);
    filter["created_at"] = window;
  }
  Json body = {{"filter", filter}, {"limit", std::clamp(limit, 1, 1000)}};
  if (last_id > 0) body["last_id"] = last_id;  // "leave it out on the first request" (the spec)
  return make(endpoint::kRfbsReturnsList, body);
}

net::HttpRequest build_rfbs_return_get(std::int64_t return_id) {
  return make(endpoint::kRfbsReturnGet, {{"return_id", return_id}});
}

net::HttpRequest build_rfbs_verify(std::int64_t return_id, const std::string& return_method_description) {
  Json body = {{"return_id", return_id}};
  if (!blank(return_method_description)) body["return_method_description"] = return_method_description;
  return make(endpoint::kRfbsVerify, body);
}

Result<net::HttpRequest> build_rfbs_reject(std::int64_t return_id, std::int64_t rejection_reason_id,
                                           const std::string& comment, bool comment_required) {
  if (rejection_reason_id <= 0) return refuse("choose a rejection reason");
  if (comment_required && blank(comment)) return refuse("this rejection reason needs a comment");
  Json body = {{"return_id", return_id}, {"rejection_reason_id", rejection_reason_id}};
  if (!blank(comment)) body["comment"] = comment;
  return make(endpoint::kRfbsReject, body);
}

net::HttpRequest build_rfbs_receive(std::int64_t return_id) {
  return make(endpoint::kRfbsReceive, {{"return_id", return_id}});
}

Result<net::HttpRequest> build_rfbs_return_money(std::int64_t return_id, std::int64_t back_way_roubles) {
  if (back_way_roubles < 0) return refuse("the postage refund cannot be negative");
  Json body = {{"return_id", return_id}};
  if (back_way_roubles > 0) body["return_for_back_way"] = back_way_roubles;
  return make(endpoint::kRfbsReturnMoney, body);
}

Result<net::HttpRequest> build_rfbs_compensate(std::int64_t return_id, const core::Money& amount) {
  if (amount.minor <= 0) return refuse("the compensation must be more than zero");
  return make(endpoint::kRfbsCompensate, {{"return_id", return_id}, {"compensation_amount", core::format_amount(amount)}});
}

Result<net::HttpRequest> build_review_change_status(const std::vector<std::string>& review_ids,
                                                    const std::string& status) {
  if (review_ids.empty() || review_ids.size() > 100) return refuse("from 1 to 100 reviews per status change");
  if (std::any_of(review_ids.begin(), review_ids.end(), [](const std::string& id) { return id.empty(); }))
    return refuse("review id is empty");
  if (status != "PROCESSED" && status != "UNPROCESSED") return refuse("status must be PROCESSED or UNPROCESSED");
  return make(endpoint::kReviewChangeStatus, {{"review_ids", string_list(review_ids)}, {"status", status}});
}

net::HttpRequest build_review_comment_list(const std::string& review_id, int offset, int limit) {
  return make(endpoint::kReviewCommentList, {{"review_id", review_id},
                                             {"limit", std::clamp(limit, 20, 100)},
                                             {"offset", std::max(offset, 0)},
                                             {"sort_dir", "ASC"}});
}

net::HttpRequest build_review_info(const std::string& review_id) {
  return make(endpoint::kReviewInfo, {{"review_id", review_id}});
}

// ---- Numbers ----------------------------------------------------------------

net::HttpRequest build_rating_summary() { return make(endpoint::kRatingSummary, Json::object()); }

Result<net::HttpRequest> build_rating_history(const std::vector<std::string>& ratings, core::EpochMs from,
                                              core::EpochMs to) {
  if (ratings.empty()) return refuse("choose the ratings whose history to ask for");
  if (std::any_of(ratings.begin(), ratings.end(), [](const std::string& r) { return r.empty(); }))
    return refuse("a rating name is empty");
  if (from <= 0 || to <= from) return refuse("the rating history window is empty");
  return make(endpoint::kRatingHistory,
              {{"date_from", iso_millis(from)}, {"date_to", iso_millis(to)}, {"ratings", string_list(ratings)}});
}

Result<net::HttpRequest> build_analytics_data(const std::string& date_from, const std::string& date_to,
                                              const std::vector<std::string>& dimension,
                                              const std::vector<std::string>& metrics, int limit, int offset) {
  std::int64_t first = 0, last = 0;
  if (!calendar_date(date_from, &first) || !calendar_date(date_to, &last))
    return refuse("analytics dates are YYYY-MM-DD");
  if (last < first) return refuse("the analytics window ends before it starts");
  // The spec's dimensions and metrics (its enums are empty: the lists are in the descriptions).
  if (dimension.empty()) return refuse("choose at least one analytics dimension");
  for (const auto& d : dimension)
    if (!one_of(d, {"sku", "spu", "day", "week", "month", "year", "category1", "category2", "category3", "category4",
                    "brand", "modelID"}))
      return refuse(std::string("unknown analytics dimension: ").append(d));
  if (metrics.empty() || metrics.size() > 14) return refuse("from 1 to 14 analytics metrics per request");
  for (const auto& m : metrics)
    if (!one_of(m, {"revenue", "ordered_units", "hits_view_search", "hits_view_pdp", "hits_view",
                    "hits_tocart_search", "hits_tocart_pdp", "hits_tocart", "session_view_search", "session_view_pdp",
                    "session_view", "conv_tocart_search", "conv_tocart_pdp", "conv_tocart", "returns",
                    "cancellations", "delivered_units", "position_category"}))
      return refuse(std::string("unknown analytics metric: ").append(m));
  if (limit < 1 || limit > kAnalyticsLimitMax) return refuse("the analytics limit is 1..1000");
  if (offset < 0) return refuse("the analytics offset cannot be negative");
  return make(endpoint::kAnalyticsData, {{"date_from", date_from},
                                         {"date_to", date_to},
                                         {"dimension", string_list(dimension)},
                                         {"metrics", string_list(metrics)},
                                         {"limit", limit},
                                         {"offset", offset}});
}

Result<net::HttpRequest> build_finance_transactions(core::EpochMs from, core::EpochMs to, int page, int page_size,
                                                    const std::string& transaction_type) {
  auto window = finance_window(from, to);
  if (!window) return window.error();
  if (page < 1) return refuse("finance pages are numbered from 1");
  if (page_size < 1 || page_size > kFinancePageSizeMax) return refuse("the finance page size is 1..1000");
  if (!transaction_type_known(transaction_type))
    return refuse(std::string("unknown transaction type: ").append(transaction_type));
  // filter is oneOf {date} | {posting_number}: the date alone.
  return make(endpoint::kFinanceTransactionList,
              {{"filter", {{"date", window.value()}, {"transaction_type", transaction_type}}},
               {"page", page},
               {"page_size", page_size}});
}

Result<net::HttpRequest> build_finance_transactions_of_posting(const std::string& posting_number, int page,
                                                               int page_size) {
  if (blank(posting_number)) return refuse("posting number is empty");
  if (page < 1) return refuse("finance pages are numbered from 1");
  if (page_size < 1 || page_size > kFinancePageSizeMax) return refuse("the finance page size is 1..1000");
  return make(endpoint::kFinanceTransactionList,
              {{"filter", {{"posting_number", posting_number}, {"transaction_type", "all"}}},
               {"page", page},
               {"page_size", page_size}});
}

Result<net::HttpRequest> build_finance_totals(core::EpochMs from, core::EpochMs to,
                                              const std::string& transaction_type) {
  auto window = finance_window(from, to);
  if (!window) return window.error();
  if (!transaction_type_known(transaction_type))
    return refuse(std::string("unknown transaction type: ").append(transaction_type));
  return make(endpoint::kFinanceTransactionTotals, {{"date", window.value()}, {"transaction_type", transaction_type}});
}

}  // namespace ozon
