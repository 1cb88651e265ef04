// The demo marketplace, postings domain: the posting lists, one posting, a
// posting by its barcode, and the Posting JSON shape they all write.
//
// The shape is written here on purpose, separately from the console's own
// writer (ozon/posting_json.cpp, the offline copy) and its reader
// (ozon/parse_postings.cpp): the sandbox is an independent reference
// implementation of Ozon's spec, and the tests compare the parser against
// it. Were both sides to share one writer, a wrong field name would be
// written and read back the same way and every test would pass. The offline
// writer is pinned to this shape by a test instead (sandbox_shape_test.cpp:
// every key it writes is a key written here, at the same place).
#include <algorithm>

#include "ozon/endpoints.h"
#include "sandbox/api.h"

namespace sandbox {
namespace {

namespace ep = ozon::endpoint;

json available_actions(const State& s, const Posting& p) {
  json a = json::array();
  bool rfbs = s.is_rfbs(p);
  const std::string& st = p.status;
  int units = 0;
  for (const auto& it : p.items) units += it.quantity;
  if (st == "awaiting_packaging") {
    a.push_back("ship");
    a.push_back("cancel");
    if (units > 1) a.push_back("product_cancel");
    if (rfbs && p.needs_cutoff) a.push_back("set_cutoff");
  } else if (st == "awaiting_deliver") {
    a.push_back("cancel");
    a.push_back("label_download_small");
    a.push_back("label_download_big");
    if (rfbs) {
      a.push_back("set_track_number");
      a.push_back("non_int_delivering");
    }
  } else if (st == "delivering" && rfbs) {
    a.push_back("set_track_number");
    a.push_back("non_int_last_mile");
    a.push_back("non_int_delivered");
  } else if (st == "driver_pickup" && rfbs) {
    a.push_back("non_int_delivered");
  } else if (st == "sent_by_seller") {
    a.push_back("set_track_number");
    a.push_back("non_int_delivering");
    a.push_back("non_int_delivered");
  } else if (st == "not_accepted") {
    a.push_back("arbitration");
  } else if (st == "awaiting_registration" || st == "awaiting_approve" || st == "awaiting_verification") {
    a.push_back("cancel");
  }
  return a;
}

json iso_or_null(core::EpochMs t) { return t == 0 ? json(nullptr) : json(format_iso8601(t)); }

}  // namespace

json posting_json(const State& s, const Posting& p, bool v4, const json& with, core::EpochMs now) {
  (void)now;
  const DeliveryMethod* dm = s.method(p.delivery_method_id);
  const Warehouse* wh = dm ? s.warehouse(dm->warehouse_id) : nullptr;
  bool rfbs = wh && wh->is_rfbs;
  json j;
  j["posting_number"] = p.number;
  j["order_id"] = p.order_id;
  j["order_number"] = p.order_number;
  j["status"] = p.status;
  j["substatus"] = p.substatus;
  j["delivery_method"] = {{"id", p.delivery_method_id},
                          {"name", dm ? dm->name : ""},
                          {"warehouse_id", wh ? wh->id : 0},
                          {"warehouse", wh ? wh->name : ""},
                          {"tpl_provider_id", dm ? dm->provider_id : 0},
                          {"tpl_provider", dm ? dm->provider : ""}};
  j["tracking_number"] = p.tracking_number;
  j["tpl_integration_type"] = dm ? dm->tpl_integration_type : "ozon";
  j["in_process_at"] = format_iso8601(p.in_process_at);
  j["shipment_date"] = format_iso8601(p.shipment_date);
  j["shipment_date_without_delay"] = format_iso8601(p.shipment_date);
  j["delivering_date"] = iso_or_null(p.delivering_date);
  j["cancellation"] = {{"cancel_reason_id", p.has_cancellation ? p.cancellation.reason_id : 0},
                       {"cancel_reason", p.has_cancellation ? p.cancellation.reason : ""},
                       {"cancellation_type", p.has_cancellation ? (p.cancellation.initiator == "Покупатель" ? "buyer" : "seller") : ""},
                       {"cancelled_after_ship", p.has_cancellation && p.cancellation.after_ship},
                       {"affect_cancellation_rating", p.has_cancellation && p.cancellation.affect_rating},
                       {"cancellation_initiator", p.has_cancellation ? p.cancellation.initiator : ""}};
  if (p.has_customer) {
    json address = {{"address_tail", p.customer.address_tail}, {"city", p.customer.city},
                    {"comment", p.customer.comment},           {"country", "Россия"},
                    {"district", ""},                          {"latitude", 55.7887},
                    {"longitude", 49.1221},                    {"provider_pvz_code", ""},
                    {"pvz_code", 0},                           {"region", p.customer.region},
                    {"zip_code", p.customer.zip}};
    j["customer"] = {{"customer_id", p.customer.id}, {"name", p.customer.name}, {"phone", p.customer.phone},
                     {"customer_email", ""}, {"address", address}};
    j["addressee"] = {{"name", p.customer.name}, {"phone", p.customer.phone}};
  } else {
    j["customer"] = nullptr;
    j["addressee"] = nullptr;
  }
  json products = json::array();
  json req_gtd = json::array(), req_country = json::array(), req_mark = json::array();
  for (const auto& it : p.items) {
    const Product* pr = s.product(it.sku);
    if (!pr) continue;
    json marks = json::array();
    for (const auto& e : it.exemplars)
      if (!e.mark.empty()) marks.push_back(e.mark);
    json pj = {{"sku", pr->sku}, {"offer_id", pr->offer_id}, {"name", pr->name}, {"quantity", it.quantity},
               {"mandatory_mark", marks}, {"is_marketplace_buyout", false}};
    if (v4) {
      pj["price"] = {{"amount", money(pr->price_kop)}, {"currency", "RUB"}};
      pj["imei"] = json::array();
      pj["weight"] = std::to_string(pr->weight_g);
      pj["product_color"] = pr->color;
    } else {
      pj["price"] = money(pr->price_kop, 4);
      pj["currency_code"] = "RUB";
      pj["jw_uin"] = json::array();
      pj["is_blr_traceable"] = false;
      pj["dimensions"] = {{"height", "100.00"}, {"length", "200.00"}, {"weight", std::to_string(pr->weight_g)},
                          {"width", "150.00"}};
    }
    products.push_back(pj);
    if (pr->needs_gtd) req_gtd.push_back(pr->sku);
    if (pr->needs_country) req_country.push_back(pr->sku);
    if (pr->needs_mark) req_mark.push_back(pr->sku);
  }
  j["products"] = products;
  j["requirements"] = {{"products_requiring_gtd", req_gtd},
                       {"products_requiring_country", req_country},
                       {"products_requiring_mandatory_mark", req_mark},
                       {"products_requiring_change_country", json::array()},
                       {"products_requiring_jw_uin", json::array()},
                       {"products_requiring_rnpt", json::array()},
                       {"products_requiring_imei", json::array()},
                       {"products_requiring_weight", json::array()}};
  bool want_barcodes = read_bool_strict(with, "barcodes");
  j["barcodes"] = want_barcodes ? json{{"upper_barcode", p.upper_barcode}, {"lower_barcode", p.lower_barcode}}
                                : json(nullptr);
  if (read_bool_strict(with, "analytics_data")) {
    j["analytics_data"] = {{"region", p.region},
                           {"city", p.city},
                           {"delivery_type", rfbs ? "Courier" : "PVZ"},
                           {"is_premium", false},
                           {"is_legal", false},
                           {"payment_type_group_name", "Карты оплаты"},
                           {"warehouse_id", wh ? wh->id : 0},
                           {"warehouse", wh ? wh->name : ""},
                           {"tpl_provider_id", dm ? dm->provider_id : 0},
                           {"tpl_provider", dm ? dm->provider : ""},
                           {"delivery_date_begin", format_iso8601(p.shipment_date + kDay)},
                           {"delivery_date_end", format_iso8601(p.shipment_date + 3 * kDay)}};
  } else {
    j["analytics_data"] = nullptr;
  }
  if (read_bool_strict(with, "financial_data")) {
    json fp = json::array();
    for (const auto& it : p.items) {
      const Product* pr = s.product(it.sku);
      if (!pr) continue;
      double price = static_cast<double>(pr->price_kop) / 100.0;
      double commission = static_cast<double>(pr->price_kop * 15 / 100) / 100.0;
      fp.push_back({{"product_id", pr->sku},
                    {"price", price},
                    {"old_price", static_cast<double>(pr->old_price_kop) / 100.0},
                    {"currency_code", "RUB"},
                    {"commission_amount", commission * it.quantity},
                    {"commission_percent", 15},
                    {"commissions_currency_code", "RUB"},
                    {"payout", (price - commission) * it.quantity},
                    {"quantity", it.quantity},
                    {"total_discount_value", 0.0},
                    {"total_discount_percent", 0.0},
                    {"actions", json::array()}});
    }
    j["financial_data"] = {{"cluster_from", wh ? wh->name : ""}, {"cluster_to", p.region}, {"products", fp}};
  } else {
    j["financial_data"] = nullptr;
  }
  j["legal_info"] =
      read_bool_strict(with, "legal_info") ? json{{"company_name", ""}, {"inn", ""}, {"kpp", ""}} : json(nullptr);
  j["is_express"] = p.is_express;
  j["is_multibox"] = p.multi_box_qty > 1;
  j["multi_box_qty"] = p.multi_box_qty;
  j["parent_posting_number"] = p.parent_posting_number;
  j["available_actions"] = available_actions(s, p);
  json tariff = {{"current_tariff_rate", 0},
                 {"current_tariff_type", ""},
                 {"current_tariff_charge", ""},
                 {"current_tariff_charge_currency_code", "RUB"},
                 {"next_tariff_rate", 0},
                 {"next_tariff_type", ""},
                 {"next_tariff_charge", ""},
                 {"next_tariff_starts_at", format_iso8601(p.shipment_date)},
                 {"next_tariff_charge_currency_code", "RUB"}};
  if (v4) {
    tariff["tariffication_steps"] = json::array();
    j["tariffication"] = tariff;
    j["delivery_schema"] = rfbs ? "RFBS" : "FBS";
    j["external_order"] = {{"is_external", false}, {"platform_name", ""}};
  } else {
    j["tariffication"] = json::array({tariff});
    j["delivery_price"] = "";
    j["provider_status"] = "";
    j["additional_data"] = json::array();
    if (read_bool_strict(with, "product_exemplars")) {
      json pe = json::array();
      for (const auto& it : p.items) {
        json ex = json::array();
        for (const auto& e : it.exemplars)
          ex.push_back({{"exemplar_id", e.id}, {"mandatory_mark", e.mark}, {"gtd", e.gtd},
                        {"is_gtd_absent", e.is_gtd_absent}, {"rnpt", ""}, {"is_rnpt_absent", true}});
        pe.push_back({{"sku", it.sku}, {"exemplars", ex}});
      }
      j["product_exemplars"] = {{"products", pe}};
    } else {
      j["product_exemplars"] = nullptr;
    }
    if (read_bool_strict(with, "related_postings")) {
      json rel = json::array();
      for (const auto& o : s.postings)
        if (o.order_number == p.order_number && o.number != p.number) rel.push_back(o.number);
      j["related_postings"] = {{"related_posting_numbers", rel}};
    }
  }
  return j;
}


namespace {

net::HttpResponse posting_list(const Call& call, const json& b, bool unfulfilled) {
  const auto given_limit = find_int64_strict(b, "limit");
  if (!given_limit) return bad("INVALID_ARGUMENT: limit is required");
  const std::int64_t limit = *given_limit;
  if (limit < 1 || limit > 1000) return bad("INVALID_ARGUMENT: limit must be between 1 and 1000");
  const json* fp = find(b, "filter");
  if (!fp || !fp->is_object()) return bad("INVALID_ARGUMENT: filter is required");
  const json& f = *fp;
  core::EpochMs from = 0, to = 0;
  bool by_delivering = false;
  if (unfulfilled) {
    bool has_cut = find(f, "cutoff_from") || find(f, "cutoff_to");
    bool has_del = find(f, "delivering_date_from") || find(f, "delivering_date_to");
    if (has_cut == has_del)
      return bad("INVALID_ARGUMENT: set either cutoff_from and cutoff_to or delivering_date_from and "
                 "delivering_date_to, not both");
    by_delivering = has_del;
    const char* kf = has_cut ? "cutoff_from" : "delivering_date_from";
    const char* kt = has_cut ? "cutoff_to" : "delivering_date_to";
    if (!parse_iso8601(read_string_strict(f, kf), &from) || !parse_iso8601(read_string_strict(f, kt), &to))
      return bad(std::string("INVALID_ARGUMENT: ") + kf + " and " + kt + " must be ISO-8601 date-times");
  } else {
    if (!parse_iso8601(read_string_strict(f, "since"), &from) || !parse_iso8601(read_string_strict(f, "to"), &to))
      return bad("INVALID_ARGUMENT: filter.since and filter.to are required ISO-8601 date-times");
  }
  std::vector<std::string> statuses, order_numbers;
  std::vector<std::int64_t> wh_ids, dm_ids, provider_ids;
  if (!read_string_list_strict(f, "statuses", &statuses) || !read_int64_list_strict(f, "warehouse_ids", &wh_ids) ||
      !read_int64_list_strict(f, "delivery_method_ids", &dm_ids) ||
      !read_int64_list_strict(f, "provider_ids", &provider_ids) ||
      !read_string_list_strict(f, "order_numbers", &order_numbers))
    return bad("proto: syntax error: filter arrays must be arrays of strings or int64");
  std::string status_single = read_string_strict(f, "status");
  if (!status_single.empty()) statuses.push_back(status_single);
  std::string sort_dir = read_string_strict(b, "sort_dir");
  bool desc = sort_dir == "DESC" || sort_dir == "desc";
  const json with_obj = object_or_empty(b, "with");

  auto key_of = [&](const Posting& p) { return unfulfilled ? p.shipment_date : p.in_process_at; };
  std::vector<const Posting*> rows;
  for (const auto& p : call.state.postings) {
    if (!statuses.empty() ? !contains(statuses, p.status) : (unfulfilled && !is_unfulfilled_default(p.status)))
      continue;
    const DeliveryMethod* dm = call.state.method(p.delivery_method_id);
    if (!wh_ids.empty() && (!dm || !contains(wh_ids, dm->warehouse_id))) continue;
    if (!dm_ids.empty() && !contains(dm_ids, p.delivery_method_id)) continue;
    if (!provider_ids.empty() && (!dm || !contains(provider_ids, dm->provider_id))) continue;
    if (!order_numbers.empty() && !contains(order_numbers, p.order_number)) continue;
    core::EpochMs t = unfulfilled ? (by_delivering ? p.delivering_date : p.shipment_date) : p.in_process_at;
    if (unfulfilled && by_delivering && p.delivering_date == 0) continue;
    if (t < from || t > to) continue;
    rows.push_back(&p);
  }
  auto less = [&](const Posting* a, const Posting* c) {
    if (key_of(*a) != key_of(*c)) return key_of(*a) < key_of(*c);
    return a->number < c->number;
  };
  std::sort(rows.begin(), rows.end(), less);
  if (desc) std::reverse(rows.begin(), rows.end());

  std::size_t start = 0;
  std::string cursor = read_string_strict(b, "cursor");
  if (!cursor.empty()) {
    std::string raw;
    auto bar = std::string::npos;
    core::EpochMs ck = 0;
    if (!hex_decode(cursor, &raw) || (bar = raw.find('|')) == std::string::npos ||
        !parse_iso8601(raw.substr(0, bar), &ck))
      return bad("INVALID_ARGUMENT: invalid cursor");
    Posting probe;
    probe.number = raw.substr(bar + 1);
    probe.shipment_date = probe.in_process_at = ck;
    // First row strictly after the cursor position in the requested order.
    while (start < rows.size() && (desc ? !less(rows[start], &probe) : !less(&probe, rows[start]))) ++start;
  }
  json out = json::array();
  std::size_t end = std::min(rows.size(), start + static_cast<std::size_t>(limit));
  for (std::size_t i = start; i < end; ++i) out.push_back(posting_json(call.state, *rows[i], true, with_obj, call.now));
  bool has_next = end < rows.size();
  std::string next;
  if (end > start) next = hex_encode(format_iso8601(key_of(*rows[end - 1])) + "|" + rows[end - 1]->number);
  return ok({{"postings", out}, {"cursor", has_next ? next : ""}, {"has_next", has_next}});
}

net::HttpResponse unfulfilled_list(const Call& call, const json& b) { return posting_list(call, b, true); }
net::HttpResponse fbs_list(const Call& call, const json& b) { return posting_list(call, b, false); }

net::HttpResponse posting_get(const Call& call, const json& b) {
  std::string number = read_string_strict(b, "posting_number");
  if (number.empty()) return bad("INVALID_ARGUMENT: posting_number is required");
  Posting* p = call.state.find(number);
  if (!p) return not_found("POSTING_NOT_FOUND");
  return ok({{"result", posting_json(call.state, *p, false, object_or_empty(b, "with"), call.now)}});
}

net::HttpResponse get_by_barcode(const Call& call, const json& b) {
  std::string code = read_string_strict(b, "barcode");
  if (code.empty()) return bad("INVALID_ARGUMENT: barcode is required");
  for (const auto& p : call.state.postings) {
    if (p.upper_barcode != code && p.lower_barcode != code) continue;
    json products = json::array();
    for (const auto& it : p.items) {
      const Product* pr = call.state.product(it.sku);
      if (pr)
        products.push_back({{"name", pr->name}, {"offer_id", pr->offer_id}, {"price", money(pr->price_kop, 4)},
                            {"quantity", it.quantity}, {"sku", pr->sku}});
    }
    return ok({{"result",
                {{"posting_number", p.number},
                 {"order_id", p.order_id},
                 {"order_number", p.order_number},
                 {"status", p.status},
                 {"cancel_reason_id", p.has_cancellation ? p.cancellation.reason_id : 0},
                 {"created_at", format_iso8601(p.in_process_at)},
                 {"in_process_at", format_iso8601(p.in_process_at)},
                 {"shipment_date", format_iso8601(p.shipment_date)},
                 {"products", products},
                 {"barcodes", {{"upper_barcode", p.upper_barcode}, {"lower_barcode", p.lower_barcode}}},
                 {"analytics_data", nullptr},
                 {"financial_data", nullptr}}}});
  }
  return not_found("POSTING_NOT_FOUND");
}

}  // namespace

Routes posting_routes() {
  static constexpr Route kRoutes[] = {
      {ep::kPostingUnfulfilledList, unfulfilled_list},
      {ep::kPostingList, fbs_list},
      {ep::kPostingGet, posting_get},
      {ep::kPostingGetByBarcode, get_by_barcode},
  };
  return kRoutes;
}

}  // namespace sandbox
