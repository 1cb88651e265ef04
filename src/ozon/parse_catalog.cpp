// Parsers for warehouses, delivery methods, stocks and products.
#include "ozon/parse_common.h"
#include "ozon/parsers.h"

namespace ozon {
using namespace detail;

Result<Page<core::Warehouse>> parse_warehouses(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* list = find_list(root.value(), {"warehouses", "result", "items"});
  if (list == nullptr) return malformed("warehouse reply without a list", body);
  Page<core::Warehouse> page;
  for (const auto& j : *list) {
    if (!j.is_object()) continue;
    core::Warehouse w;
    w.warehouse_id = read_int64(j, "warehouse_id", read_int64(j, "id"));
    w.name = read_string(j, "name");
    w.is_rfbs = read_bool(j, "is_rfbs");
    // v2 may send status / first_mile_type as objects; v1 as strings.
    if (const Json* status = find_object(j, "status")) w.status = read_string(*status, "code");
    else w.status = read_string(j, "status");
    if (const Json* fm = find_object(j, "first_mile_type")) w.first_mile_type = read_string(*fm, "first_mile_type");
    else w.first_mile_type = read_string(j, "first_mile_type");
    w.working_days = read_string_list(j, "working_days");
    w.can_print_act_in_advance = read_bool(j, "can_print_act_in_advance");
    page.items.push_back(std::move(w));
  }
  read_paging(root.value(), page.cursor, page.has_next);
  return page;
}

Result<Page<core::DeliveryMethod>> parse_delivery_methods(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* list = find_list(root.value(), {"delivery_methods", "result", "items"});
  if (list == nullptr) return malformed("delivery method reply without a list", body);
  Page<core::DeliveryMethod> page;
  for (const auto& j : *list) {
    if (!j.is_object()) continue;
    core::DeliveryMethod m;
    m.id = read_int64(j, "id", read_int64(j, "delivery_method_id"));
    m.name = read_string(j, "name");
    m.warehouse_id = read_int64(j, "warehouse_id");
    m.provider_id = read_int64(j, "provider_id");
    m.status = read_string(j, "status");
    m.cutoff = read_string(j, "cutoff");
    m.cutoff_minutes = core::cutoff_minutes_from_text(m.cutoff);
    m.sla_cut_in = read_int64(j, "sla_cut_in");
    page.items.push_back(std::move(m));
  }
  read_paging(root.value(), page.cursor, page.has_next);
  return page;
}

namespace {

// One item of a /v2/products/stocks reply, with every error it carries.
struct StockReplyItem {
  std::string key;
  core::StockItemResult result;  // code/message left empty
  std::vector<ItemError> errors;
};

Result<std::vector<StockReplyItem>> read_stock_reply(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* list = find_array(root.value(), "result");
  if (list == nullptr) return malformed("stock reply without a result array", body);
  std::vector<StockReplyItem> out;
  for (const auto& j : *list) {
    if (!j.is_object()) continue;
    StockReplyItem item;
    item.result.offer_id = read_string(j, "offer_id");
    item.result.product_id = read_int64(j, "product_id");
    item.result.warehouse_id = read_int64(j, "warehouse_id");
    item.key = stock_item_key(item.result.offer_id, item.result.product_id, item.result.warehouse_id);
    if (const Json* list_errors = find_array(j, "errors"))
      for (const auto& e : *list_errors) {
        if (e.is_object()) item.errors.push_back({item.key, read_string(e, "code"), read_string(e, "message")});
        else if (!as_string(e).empty()) item.errors.push_back({item.key, as_string(e), {}});
      }
    // An item that reports errors did not take the new stock, whatever `updated` says.
    item.result.updated = read_bool(j, "updated") && item.errors.empty();
    if (!item.result.updated && item.errors.empty()) item.errors.push_back({item.key, "NOT_UPDATED", "not updated"});
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

Result<BatchResult> parse_stock_update(std::string_view body) {
  auto items = read_stock_reply(body);
  if (!items) return items.error();
  BatchResult out;
  for (auto& item : items.value()) {
    if (item.result.updated) out.succeeded.push_back(std::move(item.key));
    for (auto& e : item.errors) out.failed.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<core::StockItemResult>> parse_stock_update_items(std::string_view body) {
  auto items = read_stock_reply(body);
  if (!items) return items.error();
  std::vector<core::StockItemResult> out;
  for (auto& item : items.value()) {
    if (!item.errors.empty()) {
      item.result.code = std::move(item.errors.front().code);
      item.result.message = std::move(item.errors.front().message);
    }
    out.push_back(std::move(item.result));
  }
  return out;
}

Result<std::vector<core::StockRow>> parse_stocks_by_warehouse(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* list = find_list(root.value(), {"result", "stocks", "items"});
  if (list == nullptr) return malformed("stock reply without a list", body);
  std::vector<core::StockRow> out;
  for (const auto& j : *list) {
    if (!j.is_object()) continue;
    core::StockRow row;
    row.sku = read_int64(j, "sku", read_int64(j, "fbs_sku"));  // fbs_sku: the field's name until 2025
    row.product_id = read_int64(j, "product_id");
    row.offer_id = read_string(j, "offer_id");
    row.warehouse_id = read_int64(j, "warehouse_id");
    row.warehouse_name = read_string(j, "warehouse_name");
    row.present = read_int64(j, "present");
    row.reserved = read_int64(j, "reserved");
    out.push_back(std::move(row));
  }
  return out;
}

Result<Page<core::ProductStock>> parse_product_stocks(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* list = find_list(root.value(), {"items"});
  if (list == nullptr) return malformed("product stocks reply without items", body);
  Page<core::ProductStock> page;
  for (const auto& j : *list) {
    if (!j.is_object()) continue;
    core::ProductStock product;
    product.product_id = read_int64(j, "product_id");
    product.offer_id = read_string(j, "offer_id");
    if (const Json* parts = find_array(j, "stocks"))
      for (const auto& s : *parts) {
        if (!s.is_object()) continue;
        core::ProductStock::Part part;
        part.sku = read_int64(s, "sku");
        part.type = read_string(s, "type");
        part.present = read_int64(s, "present");
        part.reserved = read_int64(s, "reserved");
        part.warehouse_ids = read_int64_list(s, "warehouse_ids");
        product.stocks.push_back(std::move(part));
      }
    page.items.push_back(std::move(product));
  }
  bool ignored = false;
  read_paging(root.value(), page.cursor, ignored);
  // No has_next in this reply: Ozon may hand a cursor with the last page, the next is then empty.
  page.has_next = !page.items.empty() && !page.cursor.empty();
  return page;
}

Result<Page<core::ProductListItem>> parse_product_list(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* list = find_list(root.value(), {"items"});
  if (list == nullptr) return malformed("product list reply without items", body);
  Page<core::ProductListItem> page;
  for (const auto& j : *list) {
    if (!j.is_object()) continue;
    core::ProductListItem item;
    item.product_id = read_int64(j, "product_id");
    item.offer_id = read_string(j, "offer_id");
    item.archived = read_bool(j, "archived");
    item.has_fbs_stocks = read_bool(j, "has_fbs_stocks");
    page.items.push_back(std::move(item));
  }
  page.cursor = read_string(result_object(root.value()), "last_id");
  // last_id paging has no has_next: a full page with a last_id means "maybe more".
  page.has_next = !page.items.empty() && !page.cursor.empty();
  return page;
}

namespace {

// The first non-empty URL of a string array, or the string itself.
std::string first_url(const Json* value) {
  if (value == nullptr) return {};
  if (value->is_string()) return value->get<std::string>();
  if (!value->is_array()) return {};
  for (const auto& url : *value)
    if (url.is_string() && !url.get_ref<const std::string&>().empty()) return url.get<std::string>();
  return {};
}

// primary_image is an array of URLs since 2025 (a plain string before);
// without one, the first of `images`. Anything else: no picture.
std::string read_primary_image(const Json& product) {
  std::string url = first_url(find(product, "primary_image"));
  if (url.empty()) url = first_url(find(product, "images"));
  return url;
}

}  // namespace

Result<std::vector<core::Product>> parse_product_info_list(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* list = find_list(root.value(), {"items"});
  if (list == nullptr) return malformed("product info reply without items", body);
  std::vector<core::Product> out;
  for (const auto& j : *list) {
    if (!j.is_object()) continue;
    core::Product p;
    p.product_id = read_int64(j, "id", read_int64(j, "product_id"));
    p.offer_id = read_string(j, "offer_id");
    p.sku = read_int64(j, "sku");
    p.name = read_string(j, "name");
    p.barcodes = read_string_list(j, "barcodes");
    if (p.barcodes.empty()) {
      const std::string barcode = read_string(j, "barcode");
      if (!barcode.empty()) p.barcodes.push_back(barcode);
    }
    p.price = read_price(j, "price");
    p.primary_image = read_primary_image(j);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace ozon
