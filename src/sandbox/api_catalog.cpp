// The demo marketplace, catalogue and stock domain: warehouses, delivery
// methods, products (list, info with barcodes and prices) and stocks
// (update, by warehouse).
#include <algorithm>
#include <cstdio>

#include "ozon/endpoints.h"
#include "sandbox/api.h"

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

net::HttpResponse stocks_update(const Call& call, const json& b) {
  const json* list = find(b, "stocks");
  if (!list || !list->is_array() || list->empty()) return bad("INVALID_ARGUMENT: stocks must be a non-empty array");
  if (list->size() > 100) return bad("INVALID_ARGUMENT: at most 100 product-warehouse pairs per request");
  // product_id, stock and warehouse_id are required in every item (the spec).
  for (const auto& e : *list)
    if (!find_int64_strict(e, "product_id") || !find_int64_strict(e, "stock") || !find_int64_strict(e, "warehouse_id"))
      return bad("INVALID_ARGUMENT: stocks[] need product_id, stock and warehouse_id");
  json r = json::array();
  for (const auto& e : *list) {
    std::string offer = read_string_strict(e, "offer_id");
    const std::int64_t pid = read_int64_strict(e, "product_id", 0);
    const std::int64_t wh = read_int64_strict(e, "warehouse_id", 0);
    const std::int64_t stock = read_int64_strict(e, "stock", 0);
    // Given both, Ozon applies the update to the offer_id.
    Product* pr = nullptr;
    for (auto& x : call.state.products)
      if (offer.empty() ? x.product_id == pid : x.offer_id == offer) pr = &x;
    json errors = json::array();
    auto fail = [&](const char* code, const char* msg) { errors.push_back({{"code", code}, {"message", msg}}); };
    if (!pr) fail("PRODUCT_NOT_FOUND", "product not found");
    else if (!call.state.warehouse(wh)) fail("WAREHOUSE_NOT_FOUND", "warehouse not found");
    else if (stock < 0) fail("INVALID_STOCK_VALUE", "stock must be a non-negative integer");
    else if (stock > 1'000'000) fail("STOCK_TOO_BIG", "stock is too big");
    else {
      auto key = std::make_pair(pr->product_id, wh);
      auto it = call.state.stock_updates.find(key);
      if (it != call.state.stock_updates.end() && call.now - it->second < 30'000)
        fail("TOO_MANY_REQUESTS", "the stock of this product on this warehouse was updated less than 30 s ago");
      else {
        call.state.stock_updates[key] = call.now;
        pr->available[wh] = stock;
      }
    }
    r.push_back({{"warehouse_id", wh},
                 {"product_id", pr ? pr->product_id : pid},
                 {"offer_id", pr ? pr->offer_id : offer},
                 {"updated", errors.empty()},
                 {"errors", errors}});
  }
  return ok({{"result", r}});
}

net::HttpResponse stocks_by_warehouse(const Call& call, const json& b) {
  std::vector<std::int64_t> skus;
  if (!read_int64_list_strict(b, "sku", &skus)) return bad("proto: syntax error: sku must be an array of int64");
  if (skus.empty()) return bad("INVALID_ARGUMENT: sku is required");
  if (skus.size() > 500) return bad("INVALID_ARGUMENT: at most 500 SKUs per request");
  json r = json::array();
  for (std::int64_t sku : skus) {
    const Product* pr = call.state.product(sku);
    if (!pr) continue;
    for (const auto& w : call.state.warehouses) {
      auto it = pr->available.find(w.id);
      std::int64_t avail = it == pr->available.end() ? 0 : it->second;
      std::int64_t res = call.state.reserved(sku, w.id);
      r.push_back({{"sku", sku}, {"product_id", pr->product_id}, {"warehouse_id", w.id}, {"warehouse_name", w.name},
                   {"present", avail + res}, {"reserved", res}});
    }
  }
  return ok({{"result", r}});
}

net::HttpResponse product_list(const Call& call, const json& b) {
  const json f = object_or_empty(b, "filter");
  std::vector<std::string> offers;
  std::vector<std::int64_t> pids;
  if (!read_string_list_strict(f, "offer_id", &offers) || !read_int64_list_strict(f, "product_id", &pids))
    return bad("proto: syntax error: filter.offer_id / filter.product_id");
  std::string visibility = read_string_strict(f, "visibility");
  const std::int64_t limit = read_int64_strict(b, "limit", 100);
  if (limit < 1 || limit > 1000) return bad("INVALID_ARGUMENT: limit must be between 1 and 1000");
  std::int64_t last = 0;
  std::string last_id = read_string_strict(b, "last_id");
  if (!last_id.empty()) {
    const auto given_last = as_int64_strict(json(last_id));
    if (!given_last) return bad("INVALID_ARGUMENT: invalid last_id");
    last = *given_last;
  }
  std::vector<const Product*> rows;
  for (const auto& p : call.state.products) {
    if (visibility == "ARCHIVED" ? !p.archived : p.archived) continue;
    if (!offers.empty() && !contains(offers, p.offer_id)) continue;
    if (!pids.empty() && !contains(pids, p.product_id)) continue;
    rows.push_back(&p);
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
    json stocks = json::array();
    std::int64_t fbs_present = 0, fbs_res = 0, r_present = 0, r_res = 0;
    for (const auto& w : call.state.warehouses) {
      auto it = p.available.find(w.id);
      std::int64_t avail = it == p.available.end() ? 0 : it->second;
      std::int64_t res = call.state.reserved(p.sku, w.id);
      (w.is_rfbs ? r_present : fbs_present) += avail + res;
      (w.is_rfbs ? r_res : fbs_res) += res;
    }
    stocks.push_back({{"present", fbs_present}, {"reserved", fbs_res}, {"sku", p.sku}, {"source", "fbs"}});
    stocks.push_back({{"present", r_present}, {"reserved", r_res}, {"sku", p.sku}, {"source", "rfbs"}});
    std::string image = "https://cdn1.ozone.ru/s3/multimedia-sandbox/" + std::to_string(p.sku) + ".jpg";
    items.push_back({{"id", p.product_id},
                     {"name", p.name},
                     {"offer_id", p.offer_id},
                     {"sku", p.sku},
                     {"barcodes", json::array({p.barcode})},
                     {"images", json::array({image})},
                     {"primary_image", json::array({image})},
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
                     {"stocks", {{"has_stock", fbs_present + r_present > 0}, {"stocks", stocks}}},
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
                     {"visibility_details", {{"has_price", true}, {"has_stock", fbs_present + r_present > 0}}},
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
      {ep::kProductList, product_list},
      {ep::kProductInfoList, product_info},
  };
  return kRoutes;
}

}  // namespace sandbox
