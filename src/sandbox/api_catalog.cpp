// The demo marketplace, catalogue and stock domain: warehouses, delivery
// methods, products (list, info with barcodes and prices) and stocks
// (update, by warehouse, the catalogue's stock list).
#include <algorithm>
#include <cstdio>

#include "ozon/endpoints.h"
#include "sandbox/api.h"
#include "sandbox/demo_pictures.h"

namespace sandbox {
namespace {

namespace ep = ozon::endpoint;

net::HttpResponse warehouses(const Call& call, const json& b) {
  std::size_t start = 0;
  if (!index_cursor(b, &start)) return bad("INVALID_ARGUMENT: invalid cursor");
  const std::int64_t limit = read_int64_strict(b, "limit", 100);
  if (limit < 1 || limit > 200) return bad("INVALID_ARGUMENT: limit must be between 1 and 200");
  json list = json::array();
  std::size_t i = start;
  for (; i < call.state.warehouses.size() && static_cast<std::int64_t>(list.size()) < limit; ++i) {
    const Warehouse& w = call.state.warehouses[i];
    list.push_back({{"warehouse_id", w.id},
                    {"name", w.name},
                    {"is_rfbs", w.is_rfbs},
                    {"status", "created"},
                    {"first_mile_type",
                     {{"first_mile_type", w.first_mile_type}, {"dropoff_point_id", ""}, {"dropoff_timeslot_id", 0},
                      {"first_mile_is_changing", false}}},
                    {"working_days", w.is_rfbs ? json::array({"1", "2", "3", "4", "5", "6"})
                                               : json::array({"1", "2", "3", "4", "5"})},
                    {"can_print_act_in_advance", !w.is_rfbs},
                    {"has_entrusted_acceptance", false},
                    {"has_postings_limit", false},
                    {"postings_limit", -1},
                    {"min_postings_limit", 10},
                    {"is_kgt", false},
                    {"is_economy", false},
                    {"is_karantin", false},
                    {"is_timetable_editable", true},
                    {"min_working_days", 5}});
  }
  bool has_next = i < call.state.warehouses.size();
  return ok({{"warehouses", list}, {"cursor", has_next ? std::to_string(i) : ""}, {"has_next", has_next}});
}

net::HttpResponse delivery_methods(const Call& call, const json& b) {
  std::size_t start = 0;
  if (!index_cursor(b, &start)) return bad("INVALID_ARGUMENT: invalid cursor");
  const std::int64_t limit = read_int64_strict(b, "limit", 100);
  if (limit < 1 || limit > 200) return bad("INVALID_ARGUMENT: limit must be between 1 and 200");
  const json f = object_or_empty(b, "filter");
  std::vector<std::int64_t> whs;
  if (!read_int64_list_strict(f, "warehouse_ids", &whs)) return bad("proto: syntax error: warehouse_ids");
  if (const auto one = find_int64_strict(f, "warehouse_id")) whs.push_back(*one);
  std::vector<const DeliveryMethod*> rows;
  for (const auto& m : call.state.methods)
    if (whs.empty() || contains(whs, m.warehouse_id)) rows.push_back(&m);
  json list = json::array();
  std::size_t i = start;
  for (; i < rows.size() && static_cast<std::int64_t>(list.size()) < limit; ++i) {
    const DeliveryMethod& m = *rows[i];
    char cut[16];
    std::snprintf(cut, sizeof cut, "%02d:%02d", (m.cutoff_minutes / 60) % 24, m.cutoff_minutes % 60);
    list.push_back({{"id", m.id},
                    {"name", m.name},
                    {"warehouse_id", m.warehouse_id},
                    {"provider_id", m.provider_id},
                    {"tpl_provider", m.provider},
                    {"tpl_integration_type", m.tpl_integration_type},
                    {"status", "ACTIVE"},
                    {"cutoff", cut},
                    {"sla_cut_in", m.sla_cut_in},
                    {"company_id", 1234567},
                    {"template_id", 0},
                    {"is_express", m.sla_cut_in < 1440},
                    {"created_at", "2024-03-01T09:00:00Z"},
                    {"updated_at", "2025-09-01T09:00:00Z"}});
  }
  bool has_next = i < rows.size();
  return ok({{"delivery_methods", list}, {"cursor", has_next ? std::to_string(i) : ""}, {"has_next", has_next}});
}

// ---- stock ------------------------------------------------------------------------

constexpr std::size_t kStockUpdateItems = 100;     // product-warehouse pairs per call
constexpr int kStockUpdateCallsPerMinute = 80;     // calls per minute per store
constexpr core::EpochMs kStockPairInterval = 30'000;  // one update of a pair per 30 s
// Ozon: "set a quantity less than a million".
constexpr std::int64_t kStockTooBig = 1'000'000;
constexpr std::size_t kStocksByWarehouseSkus = 500;  // Ozon's documented SKU count per call

// The FBS or rFBS part of a product's stock, summed over that scheme's warehouses:
// /v3/product/info/list and /v4/product/info/stocks report the same numbers.
struct SchemeStock {
  std::int64_t present = 0;
  std::int64_t reserved = 0;
  json warehouse_ids = json::array();  // int64 as strings (v4)
  bool has_warehouses = false;
};

SchemeStock scheme_stock(const State& s, const Product& p, bool rfbs) {
  SchemeStock out;
  for (const auto& w : s.warehouses) {
    if (w.is_rfbs != rfbs) continue;
    const State::StockAt at = s.stock_at(p, w.id);
    out.present += at.present;
    out.reserved += at.reserved;
    out.warehouse_ids.push_back(std::to_string(w.id));
    out.has_warehouses = true;
  }
  return out;
}

// Ozon's per-item code for an item of /v2/products/stocks, "" when it can be applied.
// Codes from Ozon's error table of the method: offer_id_not_found (an offer_id
// that is not the seller's), NOT_FOUND_ERROR (a product_id that is not),
// WAREHOUSE_NOT_FOUND, STOCK_TOO_BIG, TOO_MANY_REQUESTS (the pair within 30 s).
// INVALID_STOCK_VALUE (a negative stock) is the sandbox's own.
struct ItemOutcome {
  const char* code = "";
  const char* message = "";
};

ItemOutcome check_stock_item(const State& s, const Product* pr, bool by_offer, std::int64_t wh, std::int64_t stock,
                             core::EpochMs now) {
  if (!pr && by_offer) return {"offer_id_not_found", "Product with such offer_id doesn't exist"};
  if (!pr) return {"NOT_FOUND_ERROR", "Failed to find the product"};
  if (!s.warehouse(wh)) return {"WAREHOUSE_NOT_FOUND", "Warehouse not found"};
  if (stock < 0) return {"INVALID_STOCK_VALUE", "stock must be a non-negative integer"};
  if (stock >= kStockTooBig) return {"STOCK_TOO_BIG", "Set a quantity less than a million"};
  const auto it = s.stock_updates.find({pr->product_id, wh});
  if (it != s.stock_updates.end() && now - it->second < kStockPairInterval)
    return {"TOO_MANY_REQUESTS", "Stock is updated too frequently: once in 30 seconds for a product and warehouse"};
  return {};
}

net::HttpResponse stocks_update(const Call& call, const json& b) {
  State& s = call.state;
  if (rate_limited(s.recent_stock_updates, call.now, kStockUpdateCallsPerMinute, kMin))
    return error(429, 8, "You have reached request rate limit per minute: at most 80 stock updates a minute");
  const json* list = find(b, "stocks");
  if (!list || !list->is_array() || list->empty()) return bad("INVALID_ARGUMENT: stocks must be a non-empty array");
  if (list->size() > kStockUpdateItems) return bad("INVALID_ARGUMENT: at most 100 product-warehouse pairs per request");
  // product_id, stock and warehouse_id are required in every item (the spec).
  for (const auto& e : *list)
    if (!find_int64_strict(e, "product_id") || !find_int64_strict(e, "stock") || !find_int64_strict(e, "warehouse_id"))
      return bad("INVALID_ARGUMENT: stocks[] need product_id, stock and warehouse_id");
  json r = json::array();
  for (const auto& e : *list) {
    const std::string offer = read_string_strict(e, "offer_id");
    const std::int64_t pid = read_int64_strict(e, "product_id", 0);
    const std::int64_t wh = read_int64_strict(e, "warehouse_id", 0);
    const std::int64_t stock = read_int64_strict(e, "stock", 0);
    // Given both, Ozon applies the update to the offer_id.
    Product* pr = nullptr;
    for (auto& x : s.products)
      if (offer.empty() ? x.product_id == pid : x.offer_id == offer) pr = &x;
    const ItemOutcome outcome = check_stock_item(s, pr, !offer.empty(), wh, stock, call.now);
    json errors = json::array();
    if (*outcome.code != 0) {
      errors.push_back({{"code", outcome.code}, {"message", outcome.message}});
    } else {
      s.stock_updates[{pr->product_id, wh}] = call.now;
      pr->available[wh] = stock;
    }
    r.push_back({{"warehouse_id", wh},
                 {"product_id", pr ? pr->product_id : pid},
                 {"offer_id", pr ? pr->offer_id : offer},
                 {"updated", errors.empty()},
                 {"errors", errors}});
  }
  return ok({{"result", r}});
}

// /v1/product/info/stocks-by-warehouse/fbs: a row per known SKU and each
// FBS/rFBS warehouse of the store, also where nothing is present (so the
// seller can set stock there).
net::HttpResponse stocks_by_warehouse(const Call& call, const json& b) {
  std::vector<std::int64_t> skus;
  if (!read_int64_list_strict(b, "sku", &skus)) return bad("proto: syntax error: sku must be an array of int64");
  if (skus.empty()) return bad("INVALID_ARGUMENT: sku is required");
  if (skus.size() > kStocksByWarehouseSkus) return bad("INVALID_ARGUMENT: at most 500 SKUs per request");
  std::vector<std::int64_t> seen;
  json r = json::array();
  for (std::int64_t sku : skus) {
    const Product* pr = call.state.product(sku);
    if (!pr || contains(seen, sku)) continue;
    seen.push_back(sku);
    for (const auto& w : call.state.warehouses) {
      const State::StockAt at = call.state.stock_at(*pr, w.id);
      r.push_back({{"sku", sku}, {"product_id", pr->product_id}, {"warehouse_id", w.id}, {"warehouse_name", w.name},
                   {"present", at.present}, {"reserved", at.reserved}});
    }
  }
  return ok({{"result", r}});
}

// The products a catalogue filter {offer_id[], product_id[], visibility}
// selects, in catalogue order: ARCHIVED the archived ones, any other
// visibility (ALL: "every product but the archived") the rest. False when
// an id list is not an array of its type.
constexpr const char* kFilterSyntax = "proto: syntax error: filter.offer_id / filter.product_id must be arrays";

bool filter_products(const State& s, const json& filter, std::vector<const Product*>* rows) {
  std::vector<std::string> offers;
  std::vector<std::int64_t> pids;
  if (!read_string_list_strict(filter, "offer_id", &offers) || !read_int64_list_strict(filter, "product_id", &pids))
    return false;
  const bool archived = read_string_strict(filter, "visibility") == "ARCHIVED";
  for (const auto& p : s.products) {
    if (p.archived != archived) continue;
    if (!offers.empty() && !contains(offers, p.offer_id)) continue;
    if (!pids.empty() && !contains(pids, p.product_id)) continue;
    rows->push_back(&p);
  }
  return true;
}

bool is_visibility(const std::string& v) {
  static constexpr const char* kValues[] = {
      "ALL", "VISIBLE", "INVISIBLE", "EMPTY_STOCK", "NOT_MODERATED", "MODERATED", "DISABLED", "STATE_FAILED",
      "READY_TO_SUPPLY", "VALIDATION_STATE_PENDING", "VALIDATION_STATE_FAIL", "VALIDATION_STATE_SUCCESS",
      "TO_SUPPLY", "IN_SALE", "REMOVED_FROM_SALE", "BANNED", "OVERPRICED", "CRITICALLY_OVERPRICED",
      "EMPTY_BARCODE", "BARCODE_EXISTS", "QUARANTINE", "ARCHIVED", "OVERPRICED_WITH_STOCK", "PARTIAL_APPROVED"};
  for (const char* k : kValues)
    if (v == k) return true;
  return false;
}

// /v4/product/info/stocks: the catalogue's FBS and rFBS stock, cursor paging
// (the cursor is a row index). ALL is every product but the archived ones.
net::HttpResponse product_stocks(const Call& call, const json& b) {
  const json* f = find(b, "filter");
  if (!f || !f->is_object()) return bad("INVALID_ARGUMENT: filter is required");
  const auto limit = find_int64_strict(b, "limit");
  if (!limit || *limit < 1 || *limit > 1000) return bad("INVALID_ARGUMENT: limit must be between 1 and 1000");
  std::size_t start = 0;
  if (!index_cursor(b, &start)) return bad("INVALID_ARGUMENT: invalid cursor");
  const std::string visibility = read_string_strict(*f, "visibility");
  if (!visibility.empty() && !is_visibility(visibility))
    return bad("INVALID_ARGUMENT: unknown visibility " + visibility);
  std::vector<const Product*> rows;
  if (!filter_products(call.state, *f, &rows)) return bad(kFilterSyntax);
  json items = json::array();
  std::size_t i = start;
  for (; i < rows.size() && static_cast<std::int64_t>(items.size()) < *limit; ++i) {
    const Product& p = *rows[i];
    json stocks = json::array();
    for (const bool rfbs : {false, true}) {
      SchemeStock part = scheme_stock(call.state, p, rfbs);
      if (!part.has_warehouses) continue;
      stocks.push_back({{"present", part.present},
                        {"reserved", part.reserved},
                        {"shipment_type", "SHIPMENT_TYPE_GENERAL"},
                        {"sku", p.sku},
                        {"type", rfbs ? "rfbs" : "fbs"},
                        {"warehouse_ids", part.warehouse_ids}});
    }
    items.push_back({{"offer_id", p.offer_id}, {"product_id", p.product_id}, {"stocks", stocks}});
  }
  const bool more = i < rows.size();
  return ok({{"cursor", more ? std::to_string(i) : ""}, {"items", items}, {"total", rows.size()}});
}

net::HttpResponse product_list(const Call& call, const json& b) {
  const json f = object_or_empty(b, "filter");
  std::vector<const Product*> rows;
  if (!filter_products(call.state, f, &rows)) return bad(kFilterSyntax);
  const std::int64_t limit = read_int64_strict(b, "limit", 100);
  if (limit < 1 || limit > 1000) return bad("INVALID_ARGUMENT: limit must be between 1 and 1000");
  std::int64_t last = 0;
  std::string last_id = read_string_strict(b, "last_id");
  if (!last_id.empty()) {
    const auto given_last = as_int64_strict(json(last_id));
    if (!given_last) return bad("INVALID_ARGUMENT: invalid last_id");
    last = *given_last;
  }
  std::sort(rows.begin(), rows.end(), [](const Product* a, const Product* c) { return a->product_id < c->product_id; });
  json items = json::array();
  for (const Product* p : rows) {
    if (p->product_id <= last) continue;
    if (static_cast<std::int64_t>(items.size()) >= limit) break;
    bool has = false;
    for (const auto& [w, q] : p->available) has = has || q > 0;
    items.push_back({{"product_id", p->product_id}, {"offer_id", p->offer_id}, {"archived", p->archived},
                     {"has_fbo_stocks", false}, {"has_fbs_stocks", has}, {"is_discounted", false},
                     {"quants", json::array()}});
  }
  std::string next = items.empty() ? "" : std::to_string(items.back()["product_id"].get<std::int64_t>());
  bool more = !items.empty() && rows.back()->product_id > items.back()["product_id"].get<std::int64_t>();
  return ok({{"result", {{"items", items}, {"total", rows.size()}, {"last_id", more ? next : ""}}}});
}

net::HttpResponse product_info(const Call& call, const json& b) {
  std::vector<std::string> offers;
  std::vector<std::int64_t> pids, skus;
  if (!read_string_list_strict(b, "offer_id", &offers) || !read_int64_list_strict(b, "product_id", &pids) ||
      !read_int64_list_strict(b, "sku", &skus))
    return bad("proto: syntax error: offer_id / product_id / sku must be arrays");
  if (offers.size() + pids.size() + skus.size() > 1000) return bad("INVALID_ARGUMENT: at most 1000 identifiers");
  json items = json::array();
  for (const auto& p : call.state.products) {
    if (!contains(offers, p.offer_id) && !contains(pids, p.product_id) && !contains(skus, p.sku)) continue;
    const SchemeStock fbs = scheme_stock(call.state, p, false), rfbs = scheme_stock(call.state, p, true);
    const json stocks = json::array(
        {{{"present", fbs.present}, {"reserved", fbs.reserved}, {"sku", p.sku}, {"source", "fbs"}},
         {{"present", rfbs.present}, {"reserved", rfbs.reserved}, {"sku", p.sku}, {"source", "rfbs"}}});
    // Pictures the site itself serves (Ozon's CDN has none for made-up products).
    const std::string image = demo_picture_path(p);
    const json images = image.empty() ? json::array() : json::array({image});
    items.push_back({{"id", p.product_id},
                     {"name", p.name},
                     {"offer_id", p.offer_id},
                     {"sku", p.sku},
                     {"barcodes", json::array({p.barcode})},
                     {"images", images},
                     {"primary_image", images},
                     {"color_image", json::array()},
                     {"images360", json::array()},
                     {"currency_code", "RUB"},
                     {"price", money(p.price_kop)},
                     {"old_price", p.old_price_kop ? money(p.old_price_kop) : ""},
                     {"min_price", money(p.price_kop * 9 / 10)},
                     {"marketing_price", money(p.price_kop)},
                     {"vat", "0.2"},
                     {"volume_weight", static_cast<double>(p.weight_g) / 1000.0},
                     {"is_archived", p.archived},
                     {"is_autoarchived", false},
                     {"is_discounted", false},
                     {"is_kgt", false},
                     {"is_super", false},
                     {"is_prepayment_allowed", true},
                     {"has_discounted_fbo_item", false},
                     {"discounted_fbo_stocks", 0},
                     {"type_id", 91000 + p.sku % 50},
                     {"description_category_id", 17028900 + p.sku % 20},
                     {"created_at", format_iso8601(p.created_at)},
                     {"updated_at", format_iso8601(p.created_at + kDay)},
                     {"stocks", {{"has_stock", fbs.present + rfbs.present > 0}, {"stocks", stocks}}},
                     {"statuses",
                      {{"status", p.archived ? "archived" : "price_sent"},
                       {"status_name", p.archived ? "В архиве" : "Продаётся"},
                       {"moderate_status", "approved"},
                       {"validation_status", "success"},
                       {"is_created", true},
                       {"status_description", ""},
                       {"status_failed", ""},
                       {"status_tooltip", ""},
                       {"status_updated_at", format_iso8601(p.created_at)}}},
                     {"visibility_details", {{"has_price", true}, {"has_stock", fbs.present + rfbs.present > 0}}},
                     {"errors", json::array()},
                     {"commissions", json::array()},
                     {"promotions", json::array()},
                     {"sources", json::array()}});
  }
  return ok({{"items", items}});
}

}  // namespace

Routes catalog_routes() {
  static constexpr Route kRoutes[] = {
      {ep::kWarehouseList, warehouses},
      {ep::kDeliveryMethodList, delivery_methods},
      {ep::kStocksUpdate, stocks_update},
      {ep::kStocksByWarehouse, stocks_by_warehouse},
      {ep::kProductStocks, product_stocks},
      {ep::kProductList, product_list},
      {ep::kProductInfoList, product_info},
  };
  return kRoutes;
}

}  // namespace sandbox
