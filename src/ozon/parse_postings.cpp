// Parsers for postings: lists, get, ship, acknowledgements, per-posting batches.
#include "ozon/parse_common.h"
#include "ozon/parsers.h"
#include "ozon/posting_list_reader.h"

namespace ozon {
using namespace detail;

namespace {

core::Posting posting_from_json(const Json& j) {
  core::Posting p;
  p.posting_number = read_string(j, "posting_number");
  p.order_id = read_int64(j, "order_id");
  p.order_number = read_string(j, "order_number");
  p.status_raw = read_string(j, "status");
  p.status = core::posting_status_from_string(p.status_raw);
  p.substatus = read_string(j, "substatus");
  if (const Json* dm = find_object(j, "delivery_method")) {
    p.delivery_method.id = read_int64(*dm, "id");
    p.delivery_method.name = read_string(*dm, "name");
    p.delivery_method.warehouse_id = read_int64(*dm, "warehouse_id");
    p.delivery_method.warehouse = read_string(*dm, "warehouse");
    p.delivery_method.tpl_provider_id = read_int64(*dm, "tpl_provider_id");
    p.delivery_method.tpl_provider = read_string(*dm, "tpl_provider");
  }
  p.tracking_number = read_string(j, "tracking_number");
  p.tpl_integration_type = read_string(j, "tpl_integration_type");
  p.in_process_at = read_time(j, "in_process_at");
  p.shipment_date = read_time(j, "shipment_date");
  p.shipment_date_without_delay = read_time(j, "shipment_date_without_delay");
  p.delivering_date = read_time(j, "delivering_date");
  if (const Json* products = find_array(j, "products")) {
    for (const auto& item : *products) {
      if (!item.is_object()) continue;
      core::PostingProduct product;
      product.sku = read_int64(item, "sku");
      product.offer_id = read_string(item, "offer_id");
      product.name = read_string(item, "name");
      product.quantity = read_int64(item, "quantity");
      product.price = read_price(item, "price");
      product.imei = read_string_list(item, "imei");  // kept only if not empty
      p.products.push_back(std::move(product));
    }
  }
  // The boxed groups are read into locals, and kept only if not empty.
  core::PostingBarcodes barcodes;
  if (const Json* b = find_object(j, "barcodes")) {
    barcodes.upper_barcode = read_string(*b, "upper_barcode");
    barcodes.lower_barcode = read_string(*b, "lower_barcode");
  }
  p.barcodes = std::move(barcodes);
  core::Cancellation cancellation;
  if (const Json* c = find_object(j, "cancellation")) {
    cancellation.reason_id = read_int64(*c, "cancel_reason_id");
    cancellation.reason = read_string(*c, "cancel_reason");
    cancellation.initiator = read_string(*c, "cancellation_initiator");
    cancellation.affect_cancellation_rating = read_bool(*c, "affect_cancellation_rating");
  } else {
    cancellation.reason_id = read_int64(j, "cancel_reason_id");  // get-by-barcode
  }
  p.cancellation = std::move(cancellation);
  core::Customer customer;
  if (const Json* c = find_object(j, "customer")) {
    customer.name = read_string(*c, "name");
    customer.phone = read_string(*c, "phone");
    if (const Json* a = find_object(*c, "address")) {
      auto& address = customer.address;
      address.city = read_string(*a, "city");
      address.region = read_string(*a, "region");
      address.zip_code = read_string(*a, "zip_code");
      address.address_tail = read_string(*a, "address_tail");
      address.pvz_code = read_string(*a, "pvz_code");
      if (address.pvz_code.empty()) address.pvz_code = read_string(*a, "provider_pvz_code");
      address.comment = read_string(*a, "comment");
    }
  }
  if (const Json* a = find_object(j, "addressee"); a != nullptr && customer.name.empty()) {
    customer.name = read_string(*a, "name");
    customer.phone = read_string(*a, "phone");
  }
  p.customer = std::move(customer);
  if (const Json* a = find_object(j, "analytics_data")) {
    p.analytics.region = read_string(*a, "region");
    p.analytics.city = read_string(*a, "city");
    p.analytics.delivery_type = read_string(*a, "delivery_type");
  }
  if (const Json* r = find_object(j, "requirements")) {
    core::PostingRequirements requirements;
    requirements.gtd = read_int64_list(*r, "products_requiring_gtd");
    requirements.country = read_int64_list(*r, "products_requiring_country");
    requirements.mandatory_mark = read_int64_list(*r, "products_requiring_mandatory_mark");
    requirements.rnpt = read_int64_list(*r, "products_requiring_rnpt");
    requirements.jw_uin = read_int64_list(*r, "products_requiring_jw_uin");
    requirements.imei = read_int64_list(*r, "products_requiring_imei");
    requirements.weight = read_int64_list(*r, "products_requiring_weight");
    p.requirements = std::move(requirements);
  }
  p.is_express = read_bool(j, "is_express");
  p.is_multibox = read_bool(j, "is_multibox");
  p.multi_box_qty = read_int64(j, "multi_box_qty");
  p.parent_posting_number = read_string(j, "parent_posting_number");
  const auto actions = read_string_list(j, "available_actions");
  p.available_actions.assign(actions.begin(), actions.end());
  p.delivery_schema = read_string(j, "delivery_schema");
  p.integration_type_flow = read_string(j, "integration_type_flow");
  return p;
}

}  // namespace

std::string stock_item_key(const std::string& offer_id, std::int64_t product_id, std::int64_t warehouse_id) {
  std::string key;
  if (offer_id.empty()) key.append("#").append(std::to_string(product_id));  // append: GCC 12 -Wrestrict false alarm on "#" + s
  else key = offer_id;
  key.append("|").append(std::to_string(warehouse_id));
  return key;
}

Result<Page<core::Posting>> detail::read_posting_list_dom(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* list = find_list(root.value(), {"postings"});
  if (list == nullptr) list = find_array(root.value(), "result");  // v2-style bare array
  if (list == nullptr) return malformed("posting list without a postings array", body);
  Page<core::Posting> page;
  for (const auto& item : *list) {
    if (!item.is_object()) continue;
    auto posting = posting_from_json(item);
    if (!posting.posting_number.empty()) page.items.push_back(std::move(posting));
  }
  read_paging(root.value(), page.cursor, page.has_next);
  return page;
}

// The fast reader; the DOM one words its errors (and reads the rare reply
// the fast one refuses but nlohmann accepts), except for a reply too deep.
Result<Page<core::Posting>> parse_posting_list(std::string_view body) {
  auto page = read_posting_list_fast(body);
  if (page || page.error().message.rfind(kPostingListTooDeep, 0) == 0) return page;
  return read_posting_list_dom(body);
}

Result<core::Posting> parse_posting(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json& j = result_object(root.value());
  auto posting = posting_from_json(j);
  if (posting.posting_number.empty()) return malformed("posting without posting_number", body);
  return posting;
}

Result<std::vector<std::string>> parse_ship_result(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  std::vector<std::string> numbers;
  const Json* result = find(root.value(), "result");
  if (result != nullptr && result->is_array()) {
    for (const auto& item : *result) {
      std::string number = item.is_object() ? read_string(item, "posting_number") : as_string(item);
      if (!number.empty()) numbers.push_back(std::move(number));
    }
  } else if (result != nullptr && result->is_string() && !result->get_ref<const std::string&>().empty()) {
    numbers.push_back(result->get_ref<const std::string&>());  // ship/package answers one number
  }
  if (numbers.empty()) {
    if (const Json* extra = find_array(root.value(), "additional_data"))
      for (const auto& item : *extra) {
        std::string number = read_string(item, "posting_number");
        if (!number.empty()) numbers.push_back(std::move(number));
      }
  }
  if (numbers.empty()) return malformed("ship reply without posting numbers", body);
  return numbers;
}

Result<Done> parse_done(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* result = find(root.value(), "result");
  if (result != nullptr && result->is_object()) result = find(*result, "result");  // {"result":{"result":true}}
  if (result != nullptr && result->is_boolean() && !result->get<bool>()) {
    ApiError error;
    error.kind = ErrorKind::http;
    error.http_status = 200;
    error.message = "Ozon answered result=false";
    return error;
  }
  return Done{};
}

Result<BatchResult> parse_posting_batch_result(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* list = find_array(root.value(), "result");
  if (list == nullptr) return malformed("batch reply without a result array", body);
  BatchResult out;
  for (const auto& item : *list) {
    if (!item.is_object()) continue;
    std::string number = read_string(item, "posting_number");
    std::string error = read_string(item, "error");
    const bool ok = read_bool(item, "result", error.empty());
    if (ok && error.empty()) {
      out.succeeded.push_back(std::move(number));
    } else {
      ItemError failure{std::move(number), error.empty() ? "FAILED" : error, error};
      out.failed.push_back(std::move(failure));
    }
  }
  return out;
}

}  // namespace ozon
