// The demo marketplace: request handling.
#include "sandbox/marketplace.h"

#include <cctype>
#include <algorithm>
#include <cstdio>
#include <optional>
#include <nlohmann/json.hpp>

#include "ozon/endpoints.h"
#include "sandbox/marketplace_state.h"
#include "sandbox/pdf_writer.h"

namespace sandbox {

const char* posting_substatus(const std::string& status);  // marketplace_gen.cpp

namespace {

namespace ep = ozon::endpoint;
using json = nlohmann::json;
using State = Marketplace::State;

constexpr core::EpochMs kMin = 60'000;
constexpr core::EpochMs kHour = 60 * kMin;
constexpr core::EpochMs kDay = 24 * kHour;
constexpr std::string_view kFilePrefix = "/__sandbox/files/label-";

// ---- JSON helpers (never throw) ------------------------------------------

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

const json* field(const json& o, const char* key) {
  if (!o.is_object()) return nullptr;
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return nullptr;
  return &*it;
}

// int64 as a JSON number or a decimal string (Ozon accepts both).
bool as_i64(const json& v, std::int64_t* out) {
  if (v.is_number_integer()) {
    *out = v.get<std::int64_t>();
    return true;
  }
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (d != static_cast<double>(static_cast<std::int64_t>(d))) return false;
    *out = static_cast<std::int64_t>(d);
    return true;
  }
  if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    if (s.empty() || s.size() > 19) return false;
    std::int64_t r = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      r = r * 10 + (s[i] - '0');
    }
    *out = r;
    return true;
  }
  return false;
}

bool get_i64(const json& o, const char* key, std::int64_t* out) {
  const json* v = field(o, key);
  return v && as_i64(*v, out);
}

std::string get_str(const json& o, const char* key) {
  const json* v = field(o, key);
  return v && v->is_string() ? v->get<std::string>() : std::string();
}

bool get_bool(const json& o, const char* key) {
  const json* v = field(o, key);
  return v && v->is_boolean() && v->get<bool>();
}

std::string money(std::int64_t kop, int decimals = 2) {
  char buf[48];
  if (decimals == 4)
    std::snprintf(buf, sizeof buf, "%lld.%02lld00", static_cast<long long>(kop / 100), static_cast<long long>(kop % 100));
  else
    std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(kop / 100), static_cast<long long>(kop % 100));
  return buf;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string hex_encode(std::string_view s) {
  static const char* d = "0123456789abcdef";
  std::string out;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    out += d[u >> 4];
    out += d[u & 15];
  }
  return out;
}

bool hex_decode(std::string_view s, std::string* out) {
  if (s.size() % 2) return false;
  out->clear();
  auto val = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < s.size(); i += 2) {
    int a = val(s[i]), b = val(s[i + 1]);
    if (a < 0 || b < 0) return false;
    out->push_back(static_cast<char>(a * 16 + b));
  }
  return true;
}

// ---- responses ---------------------------------------------------------------

net::HttpResponse respond(int status, const json& j) {
  net::HttpResponse r;
  r.status = status;
  r.content_type = "application/json";
  r.body = dump(j);
  return r;
}

net::HttpResponse error(int http, int code, std::string message) {
  return respond(http, json{{"code", code}, {"message", std::move(message)}, {"details", json::array()}});
}
net::HttpResponse bad(std::string message) { return error(400, 3, std::move(message)); }
net::HttpResponse not_found(std::string message) { return error(404, 5, std::move(message)); }
net::HttpResponse ok(const json& j) { return respond(200, j); }

net::HttpResponse pdf(std::string bytes) {
  net::HttpResponse r;
  r.status = 200;
  r.content_type = "application/pdf";
  r.body = std::move(bytes);
  return r;
}

// ---- posting rules -----------------------------------------------------------

bool is_shipped_status(const std::string& s) {
  return s == "awaiting_deliver" || s == "delivering" || s == "delivered" || s == "driver_pickup" ||
         s == "sent_by_seller" || s == "not_accepted" || s == "arbitration" || s == "client_arbitration";
}

bool is_cancelled(const std::string& s) { return s == "cancelled" || s == "cancelled_from_split_pending"; }

bool is_unfulfilled_default(const std::string& s) {
  return s == "awaiting_registration" || s == "acceptance_in_progress" || s == "awaiting_approve" ||
         s == "awaiting_packaging" || s == "awaiting_deliver" || s == "awaiting_verification" ||
         s == "arbitration" || s == "client_arbitration" || s == "not_accepted";
}

bool cancellable(const std::string& s) {
  return s == "awaiting_packaging" || s == "awaiting_deliver" || s == "awaiting_registration" ||
         s == "awaiting_approve" || s == "awaiting_verification";
}

void set_status(Posting& p, const std::string& status, core::EpochMs now) {
  p.status = status;
  p.substatus = posting_substatus(status);
  p.status_changed_at = now;
}

bool item_needs_exemplars(const State& s, const Item& it) {
  const Product* pr = s.product(it.sku);
  return pr && (pr->needs_mark || pr->needs_gtd || pr->needs_country);
}

bool posting_needs_exemplars(const State& s, const Posting& p) {
  for (const auto& it : p.items)
    if (item_needs_exemplars(s, it)) return true;
  return false;
}

bool valid_mark(const std::string& m) { return m.size() >= 20 && m.compare(0, 2, "01") == 0; }

bool valid_gtd(const std::string& g) {
  // NNNNNNNN/DDMMYY/NNNNNNN (optionally /NNN item number).
  auto all_digits = [&](std::size_t pos, std::size_t n) {
    if (pos + n > g.size()) return false;
    for (std::size_t i = pos; i < pos + n; ++i)
      if (g[i] < '0' || g[i] > '9') return false;
    return true;
  };
  if (!all_digits(0, 8) || g.size() < 23 || g[8] != '/' || !all_digits(9, 6) || g[15] != '/' || !all_digits(16, 7))
    return false;
  if (g.size() == 23) return true;
  return g.size() == 27 && g[23] == '/' && all_digits(24, 3);
}

struct ExemplarCheck {
  bool mark_ok = true, gtd_ok = true;
};

ExemplarCheck check_exemplar(const Product& pr, const Exemplar& e) {
  ExemplarCheck c;
  if (pr.needs_mark) c.mark_ok = valid_mark(e.mark);
  if (pr.needs_gtd) c.gtd_ok = e.is_gtd_absent || valid_gtd(e.gtd);
  return c;
}

std::string exemplar_status(const State& s, const Posting& p, core::EpochMs now) {
  if (!posting_needs_exemplars(s, p)) return "ship_available";
  if (p.exemplars_set_at == 0) return "ship_not_available";
  if (now < p.exemplars_set_at + Marketplace::kExemplarCheckMs) return "validation_in_process";
  for (const auto& it : p.items) {
    const Product* pr = s.product(it.sku);
    if (!pr || !(pr->needs_mark || pr->needs_gtd || pr->needs_country)) continue;
    if (pr->needs_country && it.country_iso.empty()) return "ship_not_available";
    if (!pr->needs_mark && !pr->needs_gtd) continue;
    if (static_cast<int>(it.exemplars.size()) != it.quantity) return "ship_not_available";
    for (const auto& e : it.exemplars) {
      ExemplarCheck c = check_exemplar(*pr, e);
      if (!c.mark_ok || !c.gtd_ok) return "ship_not_available";
    }
  }
  return "ship_available";
}

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
  bool want_barcodes = get_bool(with, "barcodes");
  j["barcodes"] = want_barcodes ? json{{"upper_barcode", p.upper_barcode}, {"lower_barcode", p.lower_barcode}}
                                : json(nullptr);
  if (get_bool(with, "analytics_data")) {
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
  if (get_bool(with, "financial_data")) {
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
  j["legal_info"] = get_bool(with, "legal_info") ? json{{"company_name", ""}, {"inn", ""}, {"kpp", ""}} : json(nullptr);
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
    if (get_bool(with, "product_exemplars")) {
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
    if (get_bool(with, "related_postings")) {
      json rel = json::array();
      for (const auto& o : s.postings)
        if (o.order_number == p.order_number && o.number != p.number) rel.push_back(o.number);
      j["related_postings"] = {{"related_posting_numbers", rel}};
    }
  }
  return j;
}

// Reads a JSON array of int64 (numbers or strings) into `out`; false if malformed.
bool id_list(const json& filter, const char* key, std::vector<std::int64_t>* out) {
  const json* v = field(filter, key);
  if (!v) return true;
  if (!v->is_array()) return false;
  for (const auto& e : *v) {
    std::int64_t id = 0;
    if (!as_i64(e, &id)) return false;
    out->push_back(id);
  }
  return true;
}

bool string_list(const json& o, const char* key, std::vector<std::string>* out) {
  const json* v = field(o, key);
  if (!v) return true;
  if (!v->is_array()) return false;
  for (const auto& e : *v) {
    if (!e.is_string()) return false;
    out->push_back(e.get<std::string>());
  }
  return true;
}

template <class T>
bool contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

std::string pdf_label(const State& s, const std::vector<const Posting*>& postings) {
  PdfWriter w;
  const double W = mm_to_pt(120), H = mm_to_pt(75);
  for (const Posting* p : postings) {
    w.begin_page(W, H);
    const DeliveryMethod* dm = s.method(p->delivery_method_id);
    const Warehouse* wh = dm ? s.warehouse(dm->warehouse_id) : nullptr;
    w.text(14, H - 22, 14, "OZON", true);
    w.text(W - 150, H - 20, 8, "Ship by " + format_iso8601(p->shipment_date).substr(0, 16));
    w.text(14, H - 48, 20, p->number, true);
    const double module = 1.25;
    double width = static_cast<double>(code128_symbols(p->number).size() * 11 + 2) * module;
    w.code128((W - width) / 2, 82, module, 58, p->number);
    w.text((W - width) / 2, 70, 9, p->number);
    int units = 0;
    for (const auto& it : p->items) units += it.quantity;
    w.text(14, 46, 8, "Warehouse: " + transliterate(wh ? wh->name : ""));
    w.text(14, 34, 8, "Delivery: " + transliterate(dm ? dm->name : ""));
    w.text(14, 22, 8, "Order " + p->order_number + "   Items: " + std::to_string(units));
  }
  return w.finish();
}

std::string pdf_act(const State& s, const Act& act) {
  PdfWriter w;
  const double W = 595.28, H = 841.89;
  const DeliveryMethod* dm = s.method(act.delivery_method_id);
  constexpr std::size_t kPerPage = 40;
  std::size_t pages = std::max<std::size_t>(1, (act.postings.size() + kPerPage - 1) / kPerPage);
  for (std::size_t pg = 0; pg < pages; ++pg) {
    w.begin_page(W, H);
    w.text(40, H - 50, 16, "Act of acceptance No " + std::to_string(act.id), true);
    w.text(40, H - 70, 10, "Delivery method: " + transliterate(dm ? dm->name : ""));
    w.text(40, H - 84, 10, "Departure date: " + act.departure_date + "   Postings: " +
                               std::to_string(act.postings.size()) + "   Page " + std::to_string(pg + 1) + "/" +
                               std::to_string(pages));
    double y = H - 120;
    for (std::size_t i = pg * kPerPage; i < act.postings.size() && i < (pg + 1) * kPerPage; ++i) {
      w.text(40, y, 10, std::to_string(i + 1) + ".  " + act.postings[i]);
      y -= 16;
    }
  }
  return w.finish();
}

}  // namespace

// ---- the Marketplace ------------------------------------------------------------

class Handler {
 public:
  Handler(State& s, core::EpochMs now) : s_(s), now_(now) {}
  net::HttpResponse dispatch(std::string_view path, const json& b);

 private:
  State& s_;
  core::EpochMs now_;

  net::HttpResponse posting_list(const json& b, bool unfulfilled);
  net::HttpResponse posting_get(const json& b);
  net::HttpResponse get_by_barcode(const json& b);
  net::HttpResponse ship(const json& b);
  net::HttpResponse ship_package(const json& b);
  net::HttpResponse multibox(const json& b);
  net::HttpResponse exemplar_create_or_get(const json& b);
  net::HttpResponse exemplar_set(const json& b);
  net::HttpResponse exemplar_status_(const json& b);
  net::HttpResponse country_set(const json& b);
  net::HttpResponse label(const json& b);
  net::HttpResponse label_create(const json& b);
  net::HttpResponse label_get(const json& b);
  net::HttpResponse cancel_reasons();
  net::HttpResponse cancel_reasons_for(const json& b);
  net::HttpResponse cancel(const json& b);
  net::HttpResponse product_cancel(const json& b);
  net::HttpResponse tracking(const json& b);
  net::HttpResponse transition(const json& b, std::string_view path);
  net::HttpResponse cutoff(const json& b);
  net::HttpResponse act_create(const json& b);
  net::HttpResponse act_status(const json& b);
  net::HttpResponse act_pdf(const json& b);
  net::HttpResponse act_list(const json& b);
  net::HttpResponse assembly(const json& b);
  net::HttpResponse warehouses(const json& b);
  net::HttpResponse delivery_methods(const json& b);
  net::HttpResponse stocks_update(const json& b);
  net::HttpResponse stocks_by_warehouse(const json& b);
  net::HttpResponse product_list(const json& b);
  net::HttpResponse product_info(const json& b);
  net::HttpResponse chat_list(const json& b);
  net::HttpResponse chat_history(const json& b);
  net::HttpResponse chat_send(const json& b);
  net::HttpResponse returns_list(const json& b);
  net::HttpResponse review_list(const json& b);
  net::HttpResponse review_comment(const json& b);

  // Label checks shared by the sync and async label calls; empty = fine.
  std::optional<net::HttpResponse> check_labels(const json& b, std::vector<const Posting*>* out, bool need_ready);
  void split_ship(Posting& p, const std::vector<std::vector<Item>>& packages, json* result);
  std::string new_posting_number(const std::string& order_number);
};

net::HttpResponse Handler::dispatch(std::string_view path, const json& b) {
  if (path == ep::kPostingUnfulfilledList) return posting_list(b, true);
  if (path == ep::kPostingList) return posting_list(b, false);
  if (path == ep::kPostingGet) return posting_get(b);
  if (path == ep::kPostingGetByBarcode) return get_by_barcode(b);
  if (path == ep::kPostingShip) return ship(b);
  if (path == ep::kPostingShipPackage) return ship_package(b);
  if (path == ep::kMultiBoxQtySet) return multibox(b);
  if (path == ep::kExemplarCreateOrGet) return exemplar_create_or_get(b);
  if (path == ep::kExemplarSet) return exemplar_set(b);
  if (path == ep::kExemplarStatus) return exemplar_status_(b);
  if (path == ep::kProductCountrySet) return country_set(b);
  if (path == ep::kPackageLabel) return label(b);
  if (path == ep::kPackageLabelCreate) return label_create(b);
  if (path == ep::kPackageLabelGet) return label_get(b);
  if (path == ep::kCancelReasonList) return cancel_reasons();
  if (path == ep::kCancelReasonForPosting) return cancel_reasons_for(b);
  if (path == ep::kPostingCancel) return cancel(b);
  if (path == ep::kProductCancel) return product_cancel(b);
  if (path == ep::kTrackingNumberSet) return tracking(b);
  if (path == ep::kMarkDelivering || path == ep::kMarkLastMile || path == ep::kMarkDelivered ||
      path == ep::kMarkSentBySeller)
    return transition(b, path);
  if (path == ep::kCutoffSet) return cutoff(b);
  if (path == ep::kActCreate) return act_create(b);
  if (path == ep::kActCheckStatus) return act_status(b);
  if (path == ep::kActGetPdf) return act_pdf(b);
  if (path == ep::kActList) return act_list(b);
  if (path == ep::kAssemblyProductList) return assembly(b);
  if (path == ep::kWarehouseList) return warehouses(b);
  if (path == ep::kDeliveryMethodList) return delivery_methods(b);
  if (path == ep::kStocksUpdate) return stocks_update(b);
  if (path == ep::kStocksByWarehouse) return stocks_by_warehouse(b);
  if (path == ep::kProductList) return product_list(b);
  if (path == ep::kProductInfoList) return product_info(b);
  if (path == ep::kChatList) return chat_list(b);
  if (path == ep::kChatHistory) return chat_history(b);
  if (path == ep::kChatSendMessage) return chat_send(b);
  if (path == ep::kReturnsList) return returns_list(b);
  if (path == ep::kReviewList) return review_list(b);
  if (path == ep::kReviewCommentCreate) return review_comment(b);
  return not_found("Not Found: unknown method " + std::string(path));
}

// ---- posting lists -------------------------------------------------------------

net::HttpResponse Handler::posting_list(const json& b, bool unfulfilled) {
  std::int64_t limit = 0;
  if (!get_i64(b, "limit", &limit)) return bad("INVALID_ARGUMENT: limit is required");
  if (limit < 1 || limit > 1000) return bad("INVALID_ARGUMENT: limit must be between 1 and 1000");
  const json* fp = field(b, "filter");
  if (!fp || !fp->is_object()) return bad("INVALID_ARGUMENT: filter is required");
  const json& f = *fp;
  core::EpochMs from = 0, to = 0;
  bool by_delivering = false;
  if (unfulfilled) {
    bool has_cut = field(f, "cutoff_from") || field(f, "cutoff_to");
    bool has_del = field(f, "delivering_date_from") || field(f, "delivering_date_to");
    if (has_cut == has_del)
      return bad("INVALID_ARGUMENT: set either cutoff_from and cutoff_to or delivering_date_from and "
                 "delivering_date_to, not both");
    by_delivering = has_del;
    const char* kf = has_cut ? "cutoff_from" : "delivering_date_from";
    const char* kt = has_cut ? "cutoff_to" : "delivering_date_to";
    if (!parse_iso8601(get_str(f, kf), &from) || !parse_iso8601(get_str(f, kt), &to))
      return bad(std::string("INVALID_ARGUMENT: ") + kf + " and " + kt + " must be ISO-8601 date-times");
  } else {
    if (!parse_iso8601(get_str(f, "since"), &from) || !parse_iso8601(get_str(f, "to"), &to))
      return bad("INVALID_ARGUMENT: filter.since and filter.to are required ISO-8601 date-times");
  }
  std::vector<std::string> statuses, order_numbers;
  std::vector<std::int64_t> wh_ids, dm_ids, provider_ids;
  if (!string_list(f, "statuses", &statuses) || !id_list(f, "warehouse_ids", &wh_ids) ||
      !id_list(f, "delivery_method_ids", &dm_ids) || !id_list(f, "provider_ids", &provider_ids) ||
      !string_list(f, "order_numbers", &order_numbers))
    return bad("proto: syntax error: filter arrays must be arrays of strings or int64");
  std::string status_single = get_str(f, "status");
  if (!status_single.empty()) statuses.push_back(status_single);
  std::string sort_dir = get_str(b, "sort_dir");
  bool desc = sort_dir == "DESC" || sort_dir == "desc";
  const json* with = field(b, "with");
  json with_obj = with && with->is_object() ? *with : json::object();

  auto key_of = [&](const Posting& p) { return unfulfilled ? p.shipment_date : p.in_process_at; };
  std::vector<const Posting*> rows;
  for (const auto& p : s_.postings) {
    if (!statuses.empty() ? !contains(statuses, p.status) : (unfulfilled && !is_unfulfilled_default(p.status)))
      continue;
    const DeliveryMethod* dm = s_.method(p.delivery_method_id);
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
  std::string cursor = get_str(b, "cursor");
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
  for (std::size_t i = start; i < end; ++i) out.push_back(posting_json(s_, *rows[i], true, with_obj, now_));
  bool has_next = end < rows.size();
  std::string next;
  if (end > start) next = hex_encode(format_iso8601(key_of(*rows[end - 1])) + "|" + rows[end - 1]->number);
  return ok({{"postings", out}, {"cursor", has_next ? next : ""}, {"has_next", has_next}});
}

net::HttpResponse Handler::posting_get(const json& b) {
  std::string number = get_str(b, "posting_number");
  if (number.empty()) return bad("INVALID_ARGUMENT: posting_number is required");
  Posting* p = s_.find(number);
  if (!p) return not_found("POSTING_NOT_FOUND");
  const json* with = field(b, "with");
  return ok({{"result", posting_json(s_, *p, false, with && with->is_object() ? *with : json::object(), now_)}});
}

net::HttpResponse Handler::get_by_barcode(const json& b) {
  std::string code = get_str(b, "barcode");
  if (code.empty()) return bad("INVALID_ARGUMENT: barcode is required");
  for (const auto& p : s_.postings) {
    if (p.upper_barcode != code && p.lower_barcode != code) continue;
    json products = json::array();
    for (const auto& it : p.items) {
      const Product* pr = s_.product(it.sku);
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

// ---- shipping -----------------------------------------------------------------

std::string Handler::new_posting_number(const std::string& order_number) {
  int max_suffix = 0;
  for (const auto& p : s_.postings) {
    if (p.order_number != order_number || p.number.size() <= order_number.size() + 1) continue;
    int v = std::atoi(p.number.c_str() + order_number.size() + 1);
    max_suffix = std::max(max_suffix, v);
  }
  return order_number + "-" + std::to_string(max_suffix + 1);
}

// Parses [{product_id, quantity}] into items; false if malformed.
static bool parse_items(const json& arr, std::vector<Item>* out) {
  if (!arr.is_array() || arr.empty()) return false;
  for (const auto& e : arr) {
    std::int64_t sku = 0, q = 0;
    if (!get_i64(e, "product_id", &sku) && !get_i64(e, "sku", &sku)) return false;
    if (!get_i64(e, "quantity", &q) || q <= 0 || q > 100000) return false;
    bool merged = false;
    for (auto& it : *out)
      if (it.sku == sku) {
        it.quantity += static_cast<int>(q);
        merged = true;
      }
    if (!merged) out->push_back(Item{sku, static_cast<int>(q), {}, {}});
  }
  return true;
}

static std::optional<net::HttpResponse> ship_precheck(const State& s, const Posting* p, core::EpochMs now) {
  if (!p) return not_found("POSTING_NOT_FOUND");
  if (is_cancelled(p->status)) return bad("POSTING_ALREADY_CANCELLED");
  if (is_shipped_status(p->status)) return bad("POSTING_ALREADY_SHIPPED");
  if (p->status != "awaiting_packaging") return bad("HAS_INCORRECT_STATUS");
  if (exemplar_status(s, *p, now) != "ship_available") return bad("EXEMPLAR_INFO_NOT_FILLED_COMPLETELY");
  return std::nullopt;
}

void Handler::split_ship(Posting& p, const std::vector<std::vector<Item>>& packages, json* result) {
  if (packages.size() == 1) {
    set_status(p, "awaiting_deliver", now_);
    p.shipped_at = now_;
    result->push_back(p.number);
    return;
  }
  Posting original = p;  // copy: add_posting may reallocate
  std::vector<Item> pool = original.items;
  for (const auto& pkg : packages) {
    Posting np = original;
    np.number = new_posting_number(original.order_number);
    np.parent_posting_number = original.number;
    np.items.clear();
    for (const auto& it : pkg) {
      Item ni{it.sku, it.quantity, {}, {}};
      for (auto& src : pool) {
        if (src.sku != it.sku) continue;
        while (static_cast<int>(ni.exemplars.size()) < it.quantity && !src.exemplars.empty()) {
          ni.exemplars.push_back(src.exemplars.front());
          src.exemplars.erase(src.exemplars.begin());
        }
      }
      np.items.push_back(std::move(ni));
    }
    np.status = "awaiting_deliver";
    np.substatus = posting_substatus(np.status);
    np.status_changed_at = now_;
    np.shipped_at = now_;
    np.upper_barcode = original.upper_barcode + "-" + std::to_string(result->size() + 1);
    np.lower_barcode = original.lower_barcode + std::to_string(result->size() + 1);
    result->push_back(np.number);
    s_.add_posting(std::move(np));
  }
  Posting* orig = s_.find(original.number);
  if (orig) set_status(*orig, "cancelled_from_split_pending", now_);
}

net::HttpResponse Handler::ship(const json& b) {
  std::string number = get_str(b, "posting_number");
  if (number.empty()) return bad("INVALID_ARGUMENT: posting_number is required");
  const json* pk = field(b, "packages");
  if (!pk || !pk->is_array() || pk->empty()) return bad("INVALID_ARGUMENT: packages must be a non-empty array");
  Posting* p = s_.find(number);
  if (auto e = ship_precheck(s_, p, now_)) return *e;
  std::vector<std::vector<Item>> packages;
  std::map<std::int64_t, int> totals;
  for (const auto& pkg : *pk) {
    std::vector<Item> items;
    const json* prods = field(pkg, "products");
    if (!prods || !parse_items(*prods, &items)) return bad("HAS_INCORRECT_PRODUCT_QUANTITY");
    for (const auto& it : items) totals[it.sku] += it.quantity;
    packages.push_back(std::move(items));
  }
  std::map<std::int64_t, int> expected;
  for (const auto& it : p->items) expected[it.sku] += it.quantity;
  if (totals != expected) return bad("HAS_INCORRECT_PRODUCT_QUANTITY");
  json result = json::array();
  split_ship(*p, packages, &result);
  json resp = {{"result", result}};
  if (get_bool(field(b, "with") ? *field(b, "with") : json::object(), "additional_data")) {
    json add = json::array();
    for (const auto& n : result) {
      const Posting* np = s_.find(n.get<std::string>());
      if (np) add.push_back({{"posting_number", np->number}, {"products", posting_json(s_, *np, false, json::object(), now_)["products"]}});
    }
    resp["additional_data"] = add;
  } else {
    resp["additional_data"] = json::array();
  }
  return ok(resp);
}

net::HttpResponse Handler::ship_package(const json& b) {
  std::string number = get_str(b, "posting_number");
  if (number.empty()) return bad("INVALID_ARGUMENT: posting_number is required");
  Posting* p = s_.find(number);
  if (auto e = ship_precheck(s_, p, now_)) return *e;
  std::vector<Item> items;
  const json* prods = field(b, "products");
  if (!prods || !parse_items(*prods, &items)) return bad("HAS_INCORRECT_PRODUCT_QUANTITY");
  bool whole = true;
  for (const auto& it : items) {
    const Item* src = nullptr;
    for (const auto& pi : p->items)
      if (pi.sku == it.sku) src = &pi;
    if (!src || it.quantity > src->quantity) return bad("HAS_INCORRECT_PRODUCT_QUANTITY");
    if (it.quantity != src->quantity) whole = false;
  }
  if (items.size() != p->items.size()) whole = false;
  if (whole) {
    set_status(*p, "awaiting_deliver", now_);
    p->shipped_at = now_;
    return ok({{"result", p->number}});
  }
  Posting np = *p;
  np.number = new_posting_number(p->order_number);
  np.parent_posting_number = p->number;
  np.items.clear();
  for (const auto& it : items) {
    Item ni{it.sku, it.quantity, {}, {}};
    for (auto& src : p->items) {
      if (src.sku != it.sku) continue;
      src.quantity -= it.quantity;
      while (static_cast<int>(ni.exemplars.size()) < it.quantity && !src.exemplars.empty()) {
        ni.exemplars.push_back(src.exemplars.back());
        src.exemplars.pop_back();
      }
    }
    np.items.push_back(std::move(ni));
  }
  p->items.erase(std::remove_if(p->items.begin(), p->items.end(), [](const Item& i) { return i.quantity <= 0; }),
                 p->items.end());
  np.status = "awaiting_deliver";
  np.substatus = posting_substatus(np.status);
  np.status_changed_at = now_;
  np.shipped_at = now_;
  np.upper_barcode = p->upper_barcode + "-p";
  np.lower_barcode = p->lower_barcode + "9";
  std::string created = np.number;
  s_.add_posting(std::move(np));
  return ok({{"result", created}});
}

net::HttpResponse Handler::multibox(const json& b) {
  Posting* p = s_.find(get_str(b, "posting_number"));
  if (!p) return not_found("POSTING_NOT_FOUND");
  std::int64_t q = 0;
  if (!get_i64(b, "multi_box_qty", &q) || q < 1 || q > 1000) return bad("INVALID_ARGUMENT: multi_box_qty must be 1..1000");
  if (p->status != "awaiting_packaging") return bad("HAS_INCORRECT_STATUS");
  p->multi_box_qty = static_cast<int>(q);
  return ok({{"result", {{"result", true}}}});
}

// ---- exemplars ------------------------------------------------------------------

net::HttpResponse Handler::exemplar_create_or_get(const json& b) {
  Posting* p = s_.find(get_str(b, "posting_number"));
  if (!p) return not_found("POSTING_NOT_FOUND");
  json products = json::array();
  for (auto& it : p->items) {
    const Product* pr = s_.product(it.sku);
    if (!pr) continue;
    while (static_cast<int>(it.exemplars.size()) < it.quantity) it.exemplars.push_back(Exemplar{s_.next_id++, "", "", false});
    json ex = json::array();
    for (const auto& e : it.exemplars) {
      json marks = json::array();
      if (!e.mark.empty()) marks.push_back({{"mark", e.mark}, {"mark_type", "mandatory_mark"}});
      ex.push_back({{"exemplar_id", e.id}, {"gtd", e.gtd}, {"is_gtd_absent", e.is_gtd_absent}, {"is_rnpt_absent", true},
                    {"rnpt", ""}, {"marks", marks}});
    }
    products.push_back({{"product_id", it.sku},
                        {"quantity", it.quantity},
                        {"is_gtd_needed", pr->needs_gtd},
                        {"is_mandatory_mark_needed", pr->needs_mark},
                        {"is_mandatory_mark_possible", pr->needs_mark},
                        {"is_rnpt_needed", false},
                        {"is_jw_uin_needed", false},
                        {"exemplars", ex}});
  }
  return ok({{"posting_number", p->number}, {"multi_box_qty", p->multi_box_qty}, {"products", products}});
}

net::HttpResponse Handler::exemplar_set(const json& b) {
  Posting* p = s_.find(get_str(b, "posting_number"));
  if (!p) return not_found("POSTING_NOT_FOUND");
  if (p->status != "awaiting_packaging") return bad("HAS_INCORRECT_STATUS");
  const json* prods = field(b, "products");
  if (!prods || !prods->is_array()) return bad("INVALID_ARGUMENT: products must be an array");
  // Validate the whole request before storing anything.
  std::vector<std::pair<std::int64_t, std::vector<Exemplar>>> incoming;
  for (const auto& pj : *prods) {
    std::int64_t sku = 0;
    if (!get_i64(pj, "product_id", &sku)) return bad("INVALID_ARGUMENT: products[].product_id is required");
    bool found = false;
    for (const auto& it : p->items) found = found || it.sku == sku;
    if (!found) return bad("INVALID_ARGUMENT: product " + std::to_string(sku) + " is not in the posting");
    const json* exs = field(pj, "exemplars");
    if (!exs || !exs->is_array()) return bad("INVALID_ARGUMENT: products[].exemplars must be an array");
    std::vector<Exemplar> list;
    for (const auto& ej : *exs) {
      Exemplar e;
      if (!get_i64(ej, "exemplar_id", &e.id)) e.id = s_.next_id++;
      e.gtd = get_str(ej, "gtd");
      e.is_gtd_absent = get_bool(ej, "is_gtd_absent");
      const json* marks = field(ej, "marks");
      if (marks && marks->is_array())
        for (const auto& m : *marks) {
          std::string mk = get_str(m, "mark");
          if (!mk.empty()) e.mark = mk;
        }
      std::string legacy = get_str(ej, "mandatory_mark");
      if (!legacy.empty()) e.mark = legacy;
      list.push_back(std::move(e));
    }
    incoming.emplace_back(sku, std::move(list));
  }
  // The full set is sent each time: products not mentioned lose their data.
  for (auto& it : p->items) {
    it.exemplars.clear();
    for (auto& [sku, list] : incoming)
      if (sku == it.sku) it.exemplars = list;
  }
  std::int64_t boxes = 0;
  if (get_i64(b, "multi_box_qty", &boxes) && boxes >= 1) p->multi_box_qty = static_cast<int>(boxes);
  p->exemplars_set_at = now_;
  return ok(json::object());
}

net::HttpResponse Handler::country_set(const json& b) {
  Posting* p = s_.find(get_str(b, "posting_number"));
  if (!p) return not_found("POSTING_NOT_FOUND");
  if (p->status != "awaiting_packaging") return bad("HAS_INCORRECT_STATUS");
  std::int64_t product_id = 0;
  if (!get_i64(b, "product_id", &product_id)) return bad("INVALID_ARGUMENT: product_id is required");
  const std::string code = get_str(b, "country_iso_code");
  const bool iso_shape = code.size() == 2 && std::isupper(static_cast<unsigned char>(code[0])) &&
                         std::isupper(static_cast<unsigned char>(code[1]));
  if (!iso_shape) return bad("INVALID_ARGUMENT: country_iso_code must be two capital letters (ISO 3166-1 alpha-2)");
  for (auto& it : p->items)
    if (it.sku == product_id) {
      it.country_iso = code;
      return ok({{"product_id", product_id}, {"is_gtd_needed", false}});
    }
  return bad("INVALID_ARGUMENT: product " + std::to_string(product_id) + " is not in the posting");
}

net::HttpResponse Handler::exemplar_status_(const json& b) {
  Posting* p = s_.find(get_str(b, "posting_number"));
  if (!p) return not_found("POSTING_NOT_FOUND");
  std::string status = exemplar_status(s_, *p, now_);
  bool checking = status == "validation_in_process";
  json products = json::array();
  for (const auto& it : p->items) {
    const Product* pr = s_.product(it.sku);
    if (!pr) continue;
    json ex = json::array();
    for (const auto& e : it.exemplars) {
      ExemplarCheck c = check_exemplar(*pr, e);
      auto st = [&](bool needed, bool good) {
        return checking ? "processing" : !needed ? "passed" : good ? "passed" : "failed";
      };
      json marks = json::array();
      if (!e.mark.empty() || pr->needs_mark)
        marks.push_back({{"mark", e.mark},
                         {"mark_type", "mandatory_mark"},
                         {"check_status", st(pr->needs_mark, c.mark_ok)},
                         {"error_codes", !checking && !c.mark_ok ? json::array({"INVALID_MARK_FORMAT"}) : json::array()}});
      ex.push_back({{"exemplar_id", e.id},
                    {"gtd", e.gtd},
                    {"is_gtd_absent", e.is_gtd_absent},
                    {"gtd_check_status", st(pr->needs_gtd, c.gtd_ok)},
                    {"gtd_error_codes", !checking && !c.gtd_ok ? json::array({"INVALID_GTD_FORMAT"}) : json::array()},
                    {"rnpt", ""},
                    {"is_rnpt_absent", true},
                    {"rnpt_check_status", "passed"},
                    {"rnpt_error_codes", json::array()},
                    {"marks", marks}});
    }
    products.push_back({{"product_id", it.sku}, {"exemplars", ex}});
  }
  return ok({{"posting_number", p->number}, {"status", status}, {"products", products}});
}

// ---- labels ---------------------------------------------------------------------

std::optional<net::HttpResponse> Handler::check_labels(const json& b, std::vector<const Posting*>* out,
                                                       bool need_ready) {
  const json* nums = field(b, "posting_number");
  if (!nums || !nums->is_array()) return bad("proto: syntax error: posting_number must be an array of strings");
  if (nums->empty()) return bad("INVALID_ARGUMENT: posting_number is empty");
  if (nums->size() > 20) return bad("POSTING_NUMBERS_LIMIT_EXCEEDED: at most 20 postings per request");
  std::vector<std::string> not_ready;
  for (const auto& n : *nums) {
    if (!n.is_string()) return bad("proto: syntax error: posting_number must be an array of strings");
    const Posting* p = s_.find(n.get<std::string>());
    if (!p) return not_found("POSTING_NOT_FOUND: " + n.get<std::string>());
    if (p->status != "awaiting_deliver")
      return bad("HAS_INCORRECT_STATUS: labels are available for awaiting_deliver postings only: " + p->number);
    if (now_ < p->shipped_at + Marketplace::kLabelDelayMs) not_ready.push_back(p->number);
    out->push_back(p);
  }
  if (need_ready && !not_ready.empty()) {
    std::string list;
    for (const auto& n : not_ready) list += (list.empty() ? "" : ", ") + n;
    return bad("POSTING_LABEL_NOT_READY: labels are not ready yet, retry in a minute: " + list);
  }
  return std::nullopt;
}

net::HttpResponse Handler::label(const json& b) {
  std::vector<const Posting*> postings;
  if (auto e = check_labels(b, &postings, true)) return *e;
  return pdf(pdf_label(s_, postings));
}

net::HttpResponse Handler::label_create(const json& b) {
  std::vector<const Posting*> postings;
  if (auto e = check_labels(b, &postings, false)) return *e;
  json tasks = json::array();
  for (const char* type : {"big_label", "small_label"}) {
    LabelTask t;
    t.id = s_.next_id++;
    t.type = type;
    for (const Posting* p : postings) t.postings.push_back(p->number);
    tasks.push_back({{"task_id", t.id}, {"task_type", t.type}});
    s_.label_tasks.push_back(std::move(t));
  }
  return ok({{"result", {{"tasks", tasks}}}});
}

net::HttpResponse Handler::label_get(const json& b) {
  std::int64_t id = 0;
  if (!get_i64(b, "task_id", &id)) return bad("INVALID_ARGUMENT: task_id is required");
  for (const auto& t : s_.label_tasks) {
    if (t.id != id) continue;
    std::string status = "completed", err;
    for (const auto& n : t.postings) {
      const Posting* p = s_.find(n);
      if (!p || p->status != "awaiting_deliver") {
        status = "error";
        err = "HAS_INCORRECT_STATUS: " + n;
        break;
      }
      if (now_ < p->shipped_at + Marketplace::kLabelDelayMs) status = "pending";
    }
    std::string url = status == "completed" ? std::string(kFilePrefix) + std::to_string(t.id) + ".pdf" : "";
    return ok({{"result", {{"status", status}, {"file_url", url}, {"error", err}}}});
  }
  return not_found("TASK_NOT_FOUND");
}

// ---- cancellation --------------------------------------------------------------

net::HttpResponse Handler::cancel_reasons() {
  json r = json::array();
  for (const auto& c : s_.reasons)
    r.push_back({{"id", c.id},
                 {"title", c.title},
                 {"type_id", c.type_id},
                 {"is_available_for_cancellation", c.available},
                 {"affects_cancellation_rating", c.affects_rating}});
  return ok({{"result", r}});
}

net::HttpResponse Handler::cancel_reasons_for(const json& b) {
  std::vector<std::string> nums;
  if (!string_list(b, "related_posting_numbers", &nums)) return bad("proto: syntax error: related_posting_numbers");
  json r = json::array();
  for (const auto& n : nums) {
    const Posting* p = s_.find(n);
    if (!p) continue;
    json reasons = json::array();
    if (cancellable(p->status))
      for (const auto& c : s_.reasons)
        if (c.available) reasons.push_back({{"id", c.id}, {"title", c.title}, {"type_id", c.type_id}});
    r.push_back({{"posting_number", n}, {"reasons", reasons}});
  }
  return ok({{"result", r}});
}

static std::optional<net::HttpResponse> check_reason(const State& s, const json& b, const CancelReason** out) {
  std::int64_t id = 0;
  if (!get_i64(b, "cancel_reason_id", &id)) return bad("INVALID_ARGUMENT: cancel_reason_id is required");
  for (const auto& c : s.reasons)
    if (c.id == id && c.available) *out = &c;
  if (!*out) return bad("INVALID_CANCEL_REASON_ID: reason " + std::to_string(id) + " is not available");
  std::string msg = get_str(b, "cancel_reason_message");
  bool blank = msg.find_first_not_of(" \t\r\n") == std::string::npos;
  if (id == 402 && blank) return bad("CANCEL_REASON_MESSAGE_REQUIRED: cancel_reason_message is required for reason 402");
  return std::nullopt;
}

net::HttpResponse Handler::cancel(const json& b) {
  Posting* p = s_.find(get_str(b, "posting_number"));
  const CancelReason* reason = nullptr;
  if (auto e = check_reason(s_, b, &reason)) return *e;
  if (!p) return not_found("POSTING_NOT_FOUND");
  if (is_cancelled(p->status)) return bad("POSTING_ALREADY_CANCELLED");
  if (!cancellable(p->status)) return bad("HAS_INCORRECT_STATUS");
  p->has_cancellation = true;
  p->cancellation = Cancellation{reason->id, reason->title, "Продавец", reason->affects_rating,
                                 p->status == "awaiting_deliver"};
  set_status(*p, "cancelled", now_);
  return ok({{"result", true}});
}

net::HttpResponse Handler::product_cancel(const json& b) {
  Posting* p = s_.find(get_str(b, "posting_number"));
  const CancelReason* reason = nullptr;
  if (auto e = check_reason(s_, b, &reason)) return *e;
  if (!p) return not_found("POSTING_NOT_FOUND");
  if (is_cancelled(p->status)) return bad("POSTING_ALREADY_CANCELLED");
  if (p->status != "awaiting_packaging") return bad("HAS_INCORRECT_STATUS");
  const json* items = field(b, "items");
  std::vector<Item> cut;
  if (!items || !parse_items(*items, &cut)) return bad("INVALID_ARGUMENT: items must be [{sku, quantity}]");
  for (const auto& c : cut) {
    const Item* src = nullptr;
    for (const auto& it : p->items)
      if (it.sku == c.sku) src = &it;
    if (!src || c.quantity > src->quantity) return bad("HAS_INCORRECT_PRODUCT_QUANTITY");
  }
  for (const auto& c : cut)
    for (auto& it : p->items)
      if (it.sku == c.sku) {
        it.quantity -= c.quantity;
        while (static_cast<int>(it.exemplars.size()) > it.quantity) it.exemplars.pop_back();
      }
  p->items.erase(std::remove_if(p->items.begin(), p->items.end(), [](const Item& i) { return i.quantity <= 0; }),
                 p->items.end());
  if (p->items.empty()) {
    p->has_cancellation = true;
    p->cancellation = Cancellation{reason->id, reason->title, "Продавец", reason->affects_rating, false};
    set_status(*p, "cancelled", now_);
  }
  return ok({{"result", p->number}});
}

// ---- rFBS -----------------------------------------------------------------------

net::HttpResponse Handler::tracking(const json& b) {
  const json* list = field(b, "tracking_numbers");
  if (!list || !list->is_array() || list->empty()) return bad("INVALID_ARGUMENT: tracking_numbers must be a non-empty array");
  if (list->size() > 20) return bad("INVALID_ARGUMENT: at most 20 tracking numbers per request");
  json r = json::array();
  for (const auto& e : *list) {
    std::string number = get_str(e, "posting_number"), track = get_str(e, "tracking_number");
    Posting* p = s_.find(number);
    std::string err;
    if (!p) err = "POSTING_NOT_FOUND";
    else if (!s_.is_rfbs(*p)) err = "HAS_INCORRECT_TPL_INTEGRATION_TYPE";
    else if (track.empty() || track.size() > 64) err = "INVALID_TRACKING_NUMBER";
    else if (p->status != "awaiting_deliver" && p->status != "delivering" && p->status != "driver_pickup" &&
             p->status != "sent_by_seller")
      err = "TRANSITION_IS_NOT_POSSIBLE";
    if (err.empty()) p->tracking_number = track;
    r.push_back({{"posting_number", number}, {"result", err.empty()}, {"error", err}});
  }
  return ok({{"result", r}});
}

net::HttpResponse Handler::transition(const json& b, std::string_view path) {
  std::vector<std::string> nums;
  if (!string_list(b, "posting_number", &nums)) return bad("proto: syntax error: posting_number must be an array of strings");
  if (nums.empty()) return bad("INVALID_ARGUMENT: posting_number is empty");
  if (nums.size() > 100) return bad("INVALID_ARGUMENT: at most 100 postings per request");
  std::vector<std::string> from;
  std::string to;
  if (path == ep::kMarkDelivering) from = {"awaiting_deliver", "sent_by_seller"}, to = "delivering";
  else if (path == ep::kMarkLastMile) from = {"delivering"}, to = "driver_pickup";
  else if (path == ep::kMarkDelivered) from = {"delivering", "driver_pickup", "sent_by_seller"}, to = "delivered";
  else from = {"awaiting_deliver"}, to = "sent_by_seller";
  json r = json::array();
  for (const auto& n : nums) {
    Posting* p = s_.find(n);
    std::string err;
    const DeliveryMethod* dm = p ? s_.method(p->delivery_method_id) : nullptr;
    if (!p) err = "POSTING_NOT_FOUND";
    else if (!dm || dm->tpl_integration_type != "non_integrated") err = "HAS_INCORRECT_TPL_INTEGRATION_TYPE";
    else if (!contains(from, p->status)) err = "TRANSITION_IS_NOT_POSSIBLE";
    if (err.empty()) {
      if (p->delivering_date == 0) p->delivering_date = now_;
      set_status(*p, to, now_);
    }
    r.push_back({{"posting_number", n}, {"result", err.empty()}, {"error", err}});
  }
  return ok({{"result", r}});
}

net::HttpResponse Handler::cutoff(const json& b) {
  Posting* p = s_.find(get_str(b, "posting_number"));
  if (!p) return not_found("POSTING_NOT_FOUND");
  core::EpochMs t = 0;
  if (!parse_iso8601(get_str(b, "new_cutoff_date"), &t)) return bad("INVALID_ARGUMENT: new_cutoff_date must be ISO-8601");
  if (!p->needs_cutoff || p->status != "awaiting_packaging") return bad("SET_CUTOFF_NOT_AVAILABLE");
  if (t < now_) return bad("INVALID_ARGUMENT: new_cutoff_date is in the past");
  p->shipment_date = t;
  p->needs_cutoff = false;
  return ok({{"result", true}});
}

// ---- acts -------------------------------------------------------------------------

net::HttpResponse Handler::act_create(const json& b) {
  std::int64_t dm_id = 0;
  if (!get_i64(b, "delivery_method_id", &dm_id)) return bad("INVALID_ARGUMENT: delivery_method_id is required");
  const DeliveryMethod* dm = s_.method(dm_id);
  if (!dm) return not_found("DELIVERY_METHOD_NOT_FOUND");
  Act act;
  act.id = s_.next_id++;
  act.delivery_method_id = dm_id;
  std::string dep = get_str(b, "departure_date");
  core::EpochMs dep_ms = now_;
  if (!dep.empty() && !parse_iso8601(dep, &dep_ms)) return bad("INVALID_ARGUMENT: departure_date must be ISO-8601");
  act.departure_date = format_iso8601(dep_ms).substr(0, 10);
  std::int64_t containers = 0;
  get_i64(b, "containers_count", &containers);
  act.containers_count = static_cast<int>(containers);
  act.created_at = now_;
  for (const auto& p : s_.postings) {
    if (p.delivery_method_id != dm_id || p.status != "awaiting_deliver") continue;
    bool taken = false;
    for (const auto& a : s_.acts)
      if (!a.handed_over && contains(a.postings, p.number)) taken = true;
    if (!taken) act.postings.push_back(p.number);
  }
  if (act.postings.empty()) return bad("NO_POSTINGS_FOR_ACT: no awaiting_deliver postings for this delivery method");
  std::int64_t id = act.id;
  s_.acts.push_back(std::move(act));
  return ok({{"result", {{"id", id}}}});
}

static const Act* find_act(const State& s, const json& b) {
  std::int64_t id = 0;
  if (!get_i64(b, "id", &id)) return nullptr;
  for (const auto& a : s.acts)
    if (a.id == id) return &a;
  return nullptr;
}

net::HttpResponse Handler::act_status(const json& b) {
  const Act* a = find_act(s_, b);
  if (!a) return not_found("ACT_NOT_FOUND");
  bool ready = now_ >= a->created_at + Marketplace::kActReadyMs;
  return ok({{"result",
              {{"act_type", "sorting_center"},
               {"added_to_act", ready ? json(a->postings) : json::array()},
               {"removed_from_act", json::array()},
               {"status", ready ? "ready" : "in_process"},
               {"is_partial", false},
               {"has_postings_for_next_carriage", false},
               {"partial_num", 0}}}});
}

net::HttpResponse Handler::act_pdf(const json& b) {
  const Act* a = find_act(s_, b);
  if (!a) return not_found("ACT_NOT_FOUND");
  if (now_ < a->created_at + Marketplace::kActReadyMs) return bad("ACT_NOT_READY: the act is still being formed");
  return pdf(pdf_act(s_, *a));
}

net::HttpResponse Handler::act_list(const json& b) {
  const json* fp = field(b, "filter");
  json f = fp && fp->is_object() ? *fp : json::object();
  std::string from = get_str(f, "date_from"), to = get_str(f, "date_to");
  std::vector<std::string> statuses;
  string_list(f, "status", &statuses);
  std::int64_t limit = 50;
  get_i64(b, "limit", &limit);
  if (limit < 1 || limit > 1000) return bad("INVALID_ARGUMENT: limit must be between 1 and 1000");
  json r = json::array();
  for (const auto& a : s_.acts) {
    std::string day = format_iso8601(a.created_at).substr(0, 10);
    if (!from.empty() && day < from.substr(0, 10)) continue;
    if (!to.empty() && day > to.substr(0, 10)) continue;
    bool ready = now_ >= a.created_at + Marketplace::kActReadyMs;
    std::string status = ready ? "ready" : "in_process";
    if (!statuses.empty() && !contains(statuses, status)) continue;
    const DeliveryMethod* dm = s_.method(a.delivery_method_id);
    r.push_back({{"id", a.id},
                 {"delivery_method_id", a.delivery_method_id},
                 {"delivery_method_name", dm ? dm->name : ""},
                 {"integration_type", dm ? dm->tpl_integration_type : ""},
                 {"containers_count", a.containers_count},
                 {"status", status},
                 {"departure_date", a.departure_date},
                 {"created_at", format_iso8601(a.created_at)},
                 {"updated_at", format_iso8601(ready ? a.created_at + Marketplace::kActReadyMs : a.created_at)},
                 {"act_type", "sorting_center"},
                 {"is_partial", false},
                 {"has_postings_for_next_carriage", false},
                 {"partial_num", 0},
                 {"postings_count", a.postings.size()}});
    if (static_cast<std::int64_t>(r.size()) >= limit) break;
  }
  return ok({{"result", r}});
}

// ---- pick list ---------------------------------------------------------------------

net::HttpResponse Handler::assembly(const json& b) {
  const json* fp = field(b, "filter");
  json f = fp && fp->is_object() ? *fp : json::object();
  core::EpochMs from = 0, to = 0;
  if (!parse_iso8601(get_str(f, "cutoff_from"), &from) || !parse_iso8601(get_str(f, "cutoff_to"), &to))
    return bad("INVALID_ARGUMENT: filter.cutoff_from and filter.cutoff_to are required");
  std::vector<std::int64_t> dms;
  if (!id_list(f, "delivery_method_ids", &dms)) return bad("proto: syntax error: delivery_method_ids");
  std::int64_t one = 0;
  if (get_i64(f, "delivery_method_id", &one)) dms.push_back(one);
  std::int64_t limit = 100, offset = 0;
  get_i64(b, "limit", &limit);
  get_i64(b, "offset", &offset);
  if (limit < 1 || limit > 1000 || offset < 0) return bad("INVALID_ARGUMENT: limit must be between 1 and 1000");
  std::map<std::string, std::pair<std::int64_t, json>> by_offer;  // offer_id -> (total, postings)
  for (const auto& p : s_.postings) {
    if (p.status != "awaiting_packaging" || p.shipment_date < from || p.shipment_date > to) continue;
    if (!dms.empty() && !contains(dms, p.delivery_method_id)) continue;
    for (const auto& it : p.items) {
      const Product* pr = s_.product(it.sku);
      if (!pr) continue;
      auto& slot = by_offer[pr->offer_id];
      if (slot.second.is_null()) slot.second = json::array();
      slot.first += it.quantity;
      slot.second.push_back({{"posting_number", p.number}, {"quantity", it.quantity}});
    }
  }
  json products = json::array();
  std::int64_t index = 0;
  for (auto& [offer, slot] : by_offer) {
    if (index++ < offset) continue;
    if (static_cast<std::int64_t>(products.size()) >= limit) break;
    const Product* pr = nullptr;
    for (const auto& x : s_.products)
      if (x.offer_id == offer) pr = &x;
    products.push_back({{"sku", pr ? pr->sku : 0},
                        {"product_id", pr ? pr->product_id : 0},
                        {"offer_id", offer},
                        {"name", pr ? pr->name : ""},
                        {"product_name", pr ? pr->name : ""},
                        {"quantity", slot.first},
                        {"postings", slot.second}});
  }
  bool has_next = offset + static_cast<std::int64_t>(products.size()) < static_cast<std::int64_t>(by_offer.size());
  return ok({{"products", products}, {"products_count", by_offer.size()}, {"has_next", has_next}});
}

// ---- warehouses and delivery methods -------------------------------------------

static bool index_cursor(const json& b, std::size_t* start) {
  std::string c = get_str(b, "cursor");
  *start = 0;
  if (c.empty()) return true;
  std::int64_t v = 0;
  if (!as_i64(json(c), &v) || v < 0) return false;
  *start = static_cast<std::size_t>(v);
  return true;
}

net::HttpResponse Handler::warehouses(const json& b) {
  std::size_t start = 0;
  if (!index_cursor(b, &start)) return bad("INVALID_ARGUMENT: invalid cursor");
  std::int64_t limit = 100;
  get_i64(b, "limit", &limit);
  if (limit < 1 || limit > 200) return bad("INVALID_ARGUMENT: limit must be between 1 and 200");
  json list = json::array();
  std::size_t i = start;
  for (; i < s_.warehouses.size() && static_cast<std::int64_t>(list.size()) < limit; ++i) {
    const Warehouse& w = s_.warehouses[i];
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
  bool has_next = i < s_.warehouses.size();
  return ok({{"warehouses", list}, {"cursor", has_next ? std::to_string(i) : ""}, {"has_next", has_next}});
}

net::HttpResponse Handler::delivery_methods(const json& b) {
  std::size_t start = 0;
  if (!index_cursor(b, &start)) return bad("INVALID_ARGUMENT: invalid cursor");
  std::int64_t limit = 100;
  get_i64(b, "limit", &limit);
  if (limit < 1 || limit > 200) return bad("INVALID_ARGUMENT: limit must be between 1 and 200");
  const json* fp = field(b, "filter");
  json f = fp && fp->is_object() ? *fp : json::object();
  std::vector<std::int64_t> whs;
  if (!id_list(f, "warehouse_ids", &whs)) return bad("proto: syntax error: warehouse_ids");
  std::int64_t one = 0;
  if (get_i64(f, "warehouse_id", &one)) whs.push_back(one);
  std::vector<const DeliveryMethod*> rows;
  for (const auto& m : s_.methods)
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

// ---- stocks and products ----------------------------------------------------------

net::HttpResponse Handler::stocks_update(const json& b) {
  const json* list = field(b, "stocks");
  if (!list || !list->is_array() || list->empty()) return bad("INVALID_ARGUMENT: stocks must be a non-empty array");
  if (list->size() > 100) return bad("INVALID_ARGUMENT: at most 100 product-warehouse pairs per request");
  json r = json::array();
  for (const auto& e : *list) {
    std::int64_t pid = 0, wh = 0, stock = 0;
    std::string offer = get_str(e, "offer_id");
    get_i64(e, "product_id", &pid);
    get_i64(e, "warehouse_id", &wh);
    bool has_stock = get_i64(e, "stock", &stock);
    Product* pr = nullptr;
    for (auto& x : s_.products)
      if ((pid != 0 && x.product_id == pid) || (pid == 0 && !offer.empty() && x.offer_id == offer)) pr = &x;
    json errors = json::array();
    auto fail = [&](const char* code, const char* msg) { errors.push_back({{"code", code}, {"message", msg}}); };
    if (!pr) fail("PRODUCT_NOT_FOUND", "product not found");
    else if (!s_.warehouse(wh)) fail("WAREHOUSE_NOT_FOUND", "warehouse not found");
    else if (!has_stock || stock < 0) fail("INVALID_STOCK_VALUE", "stock must be a non-negative integer");
    else if (stock > 1'000'000) fail("STOCK_TOO_BIG", "stock is too big");
    else {
      auto key = std::make_pair(pr->product_id, wh);
      auto it = s_.stock_updates.find(key);
      if (it != s_.stock_updates.end() && now_ - it->second < 30'000)
        fail("TOO_MANY_REQUESTS", "the stock of this product on this warehouse was updated less than 30 s ago");
      else {
        s_.stock_updates[key] = now_;
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

net::HttpResponse Handler::stocks_by_warehouse(const json& b) {
  std::vector<std::int64_t> skus;
  if (!id_list(b, "sku", &skus)) return bad("proto: syntax error: sku must be an array of int64");
  if (skus.empty()) return bad("INVALID_ARGUMENT: sku is required");
  if (skus.size() > 500) return bad("INVALID_ARGUMENT: at most 500 SKUs per request");
  json r = json::array();
  for (std::int64_t sku : skus) {
    const Product* pr = s_.product(sku);
    if (!pr) continue;
    for (const auto& w : s_.warehouses) {
      auto it = pr->available.find(w.id);
      std::int64_t avail = it == pr->available.end() ? 0 : it->second;
      std::int64_t res = s_.reserved(sku, w.id);
      r.push_back({{"sku", sku}, {"product_id", pr->product_id}, {"warehouse_id", w.id}, {"warehouse_name", w.name},
                   {"present", avail + res}, {"reserved", res}});
    }
  }
  return ok({{"result", r}});
}

net::HttpResponse Handler::product_list(const json& b) {
  const json* fp = field(b, "filter");
  json f = fp && fp->is_object() ? *fp : json::object();
  std::vector<std::string> offers;
  std::vector<std::int64_t> pids;
  if (!string_list(f, "offer_id", &offers) || !id_list(f, "product_id", &pids))
    return bad("proto: syntax error: filter.offer_id / filter.product_id");
  std::string visibility = get_str(f, "visibility");
  std::int64_t limit = 100;
  get_i64(b, "limit", &limit);
  if (limit < 1 || limit > 1000) return bad("INVALID_ARGUMENT: limit must be between 1 and 1000");
  std::int64_t last = 0;
  std::string last_id = get_str(b, "last_id");
  if (!last_id.empty() && !as_i64(json(last_id), &last)) return bad("INVALID_ARGUMENT: invalid last_id");
  std::vector<const Product*> rows;
  for (const auto& p : s_.products) {
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

net::HttpResponse Handler::product_info(const json& b) {
  std::vector<std::string> offers;
  std::vector<std::int64_t> pids, skus;
  if (!string_list(b, "offer_id", &offers) || !id_list(b, "product_id", &pids) || !id_list(b, "sku", &skus))
    return bad("proto: syntax error: offer_id / product_id / sku must be arrays");
  if (offers.size() + pids.size() + skus.size() > 1000) return bad("INVALID_ARGUMENT: at most 1000 identifiers");
  json items = json::array();
  for (const auto& p : s_.products) {
    if (!contains(offers, p.offer_id) && !contains(pids, p.product_id) && !contains(skus, p.sku)) continue;
    json stocks = json::array();
    std::int64_t fbs_present = 0, fbs_res = 0, r_present = 0, r_res = 0;
    for (const auto& w : s_.warehouses) {
      auto it = p.available.find(w.id);
      std::int64_t avail = it == p.available.end() ? 0 : it->second;
      std::int64_t res = s_.reserved(p.sku, w.id);
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

// ---- chats, returns, reviews ---------------------------------------------------

static json message_json(const Chat& c, const ChatMessage& m) {
  return {{"message_id", m.id},
          {"user", {{"id", m.user_id}, {"type", m.user_type}}},
          {"created_at", format_iso8601(m.created_at)},
          {"is_read", m.is_read},
          {"is_image", false},
          {"data", json::array({m.text})},
          {"context", {{"order_number", c.order_number}, {"sku", std::to_string(c.sku)}}}};
}

net::HttpResponse Handler::chat_list(const json& b) {
  const json* fp = field(b, "filter");
  json f = fp && fp->is_object() ? *fp : json::object();
  std::string status = get_str(f, "chat_status");
  bool unread_only = get_bool(f, "unread_only");
  std::int64_t limit = 30;
  get_i64(b, "limit", &limit);
  if (limit < 1 || limit > 100) return bad("INVALID_ARGUMENT: limit must be between 1 and 100");
  std::size_t start = 0;
  if (!index_cursor(b, &start)) return bad("INVALID_ARGUMENT: invalid cursor");
  std::vector<const Chat*> rows;
  std::int64_t total_unread = 0;
  for (const auto& c : s_.chats) {
    int unread = 0;
    for (const auto& m : c.messages) unread += (!m.is_read && m.user_type != "Seller") ? 1 : 0;
    total_unread += unread;
    if (!status.empty() && status != "All" && status != "ALL" && c.status != status) continue;
    if (unread_only && unread == 0) continue;
    rows.push_back(&c);
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Chat* a, const Chat* c) {
    return a->messages.back().created_at > c->messages.back().created_at;
  });
  json chats = json::array();
  std::size_t i = start;
  for (; i < rows.size() && static_cast<std::int64_t>(chats.size()) < limit; ++i) {
    const Chat& c = *rows[i];
    std::uint64_t first_unread = 0;
    int unread = 0;
    for (const auto& m : c.messages)
      if (!m.is_read && m.user_type != "Seller") {
        if (!first_unread) first_unread = m.id;
        ++unread;
      }
    chats.push_back({{"chat",
                      {{"chat_id", c.id},
                       {"chat_status", c.status},
                       {"chat_type", "Buyer_Seller"},
                       {"created_at", format_iso8601(c.created_at)}}},
                     {"first_unread_message_id", first_unread},
                     {"last_message_id", c.messages.back().id},
                     {"unread_count", unread}});
  }
  bool has_next = i < rows.size();
  return ok({{"chats", chats}, {"total_unread_count", total_unread}, {"cursor", has_next ? std::to_string(i) : ""},
             {"has_next", has_next}});
}

net::HttpResponse Handler::chat_history(const json& b) {
  std::string id = get_str(b, "chat_id");
  if (id.empty()) return bad("INVALID_ARGUMENT: chat_id is required");
  const Chat* chat = nullptr;
  for (const auto& c : s_.chats)
    if (c.id == id) chat = &c;
  if (!chat) return not_found("CHAT_NOT_FOUND");
  std::string dir = get_str(b, "direction");
  bool forward = dir == "Forward" || dir == "FORWARD";
  std::int64_t limit = 50, from = 0;
  get_i64(b, "limit", &limit);
  if (limit < 1 || limit > 1000) return bad("INVALID_ARGUMENT: limit must be between 1 and 1000");
  bool has_from = get_i64(b, "from_message_id", &from) && from > 0;
  std::vector<const ChatMessage*> rows;
  for (const auto& m : chat->messages)
    if (!has_from || (forward ? m.id >= static_cast<std::uint64_t>(from) : m.id <= static_cast<std::uint64_t>(from)))
      rows.push_back(&m);
  if (!forward) std::reverse(rows.begin(), rows.end());
  json msgs = json::array();
  for (std::size_t i = 0; i < rows.size() && static_cast<std::int64_t>(i) < limit; ++i)
    msgs.push_back(message_json(*chat, *rows[i]));
  return ok({{"has_next", static_cast<std::int64_t>(rows.size()) > limit}, {"messages", msgs}});
}

net::HttpResponse Handler::chat_send(const json& b) {
  std::string id = get_str(b, "chat_id"), text = get_str(b, "text");
  Chat* chat = nullptr;
  for (auto& c : s_.chats)
    if (c.id == id) chat = &c;
  if (!chat) return not_found("CHAT_NOT_FOUND");
  std::size_t len = utf8_length(text);
  if (len < 1 || len > 1000) return bad("INVALID_ARGUMENT: text must be 1..1000 characters");
  if (chat->status != "Opened") return bad("CHAT_IS_CLOSED: the chat is closed");
  ChatMessage m;
  m.id = s_.next_message_id++;
  m.user_type = "Seller";
  m.user_id = "seller";
  m.created_at = now_;
  m.text = text;
  for (auto& old : chat->messages) old.is_read = true;  // answering reads the chat
  chat->messages.push_back(std::move(m));
  return ok({{"result", "success"}});
}

net::HttpResponse Handler::returns_list(const json& b) {
  std::int64_t limit = 0;
  if (!get_i64(b, "limit", &limit)) return bad("INVALID_ARGUMENT: limit is required");
  if (limit < 1 || limit > 500) return bad("INVALID_ARGUMENT: limit must be between 1 and 500");
  std::int64_t last = 0;
  get_i64(b, "last_id", &last);
  const json* fp = field(b, "filter");
  json f = fp && fp->is_object() ? *fp : json::object();
  std::vector<std::string> nums;
  if (!string_list(f, "posting_numbers", &nums)) return bad("proto: syntax error: filter.posting_numbers");
  std::string schema = get_str(f, "return_schema");
  if (!schema.empty() && schema != "FBS" && schema != "Fbs") return ok({{"returns", json::array()}, {"has_next", false}});
  json out = json::array();
  bool has_next = false;
  for (const auto& r : s_.returns) {
    if (r.id <= last) continue;
    if (!nums.empty() && !contains(nums, r.posting_number)) continue;
    if (static_cast<std::int64_t>(out.size()) >= limit) {
      has_next = true;
      break;
    }
    const Product* pr = s_.product(r.sku);
    const Posting* p = s_.find(r.posting_number);
    double price = pr ? static_cast<double>(pr->price_kop) / 100.0 : 0.0;
    json place = {{"id", 23869688194000}, {"name", "СЦ Москва Возвраты"}, {"address", "Россия, г. Москва, ул. Складская, д. 1"}};
    out.push_back({{"id", r.id},
                   {"company_id", 1234567},
                   {"return_reason_name", r.reason},
                   {"type", r.type},
                   {"schema", "Fbs"},
                   {"order_id", p ? p->order_id : 0},
                   {"order_number", p ? p->order_number : ""},
                   {"posting_number", r.posting_number},
                   {"place", place},
                   {"target_place", place},
                   {"exemplars", json::array({{{"id", r.id * 10 + 1}}})},
                   {"product",
                    {{"sku", r.sku},
                     {"offer_id", pr ? pr->offer_id : ""},
                     {"name", pr ? pr->name : ""},
                     {"price", {{"currency_code", "RUB"}, {"price", price}}},
                     {"price_without_commission", {{"currency_code", "RUB"}, {"price", price * 0.85}}},
                     {"commission_percent", 15.0},
                     {"commission", {{"currency_code", "RUB"}, {"price", price * 0.15}}},
                     {"quantity", r.quantity}}},
                   {"logistic",
                    {{"technical_return_moment", format_iso8601(r.moment)},
                     {"final_moment", nullptr},
                     {"cancelled_with_compensation_moment", nullptr},
                     {"return_date", format_iso8601(r.moment)},
                     {"barcode", "ii" + std::to_string(r.id)}}},
                   {"visual",
                    {{"status", {{"id", r.status_id}, {"display_name", r.status_name}, {"sys_name", r.status_sys}}},
                     {"change_moment", format_iso8601(r.moment)}}},
                   {"additional_info", {{"is_opened", false}, {"is_super_econom", false}}},
                   {"source_id", r.id + 90000000},
                   {"clearing_id", nullptr},
                   {"return_clearing_id", nullptr}});
  }
  return ok({{"returns", out}, {"has_next", has_next}});
}

net::HttpResponse Handler::review_list(const json& b) {
  std::int64_t limit = 20;
  get_i64(b, "limit", &limit);
  if (limit < 1 || limit > 100) return bad("INVALID_ARGUMENT: limit must be between 1 and 100");
  std::string status = get_str(b, "status"), last_id = get_str(b, "last_id");
  bool asc = get_str(b, "sort_dir") == "ASC";
  std::vector<const Review*> rows;
  for (const auto& r : s_.reviews)
    if (status.empty() || status == "ALL" || r.status == status) rows.push_back(&r);
  if (asc) std::reverse(rows.begin(), rows.end());
  std::size_t start = 0;
  if (!last_id.empty()) {
    while (start < rows.size() && rows[start]->id != last_id) ++start;
    if (start == rows.size()) return bad("INVALID_ARGUMENT: invalid last_id");
    ++start;
  }
  json out = json::array();
  std::size_t i = start;
  for (; i < rows.size() && static_cast<std::int64_t>(out.size()) < limit; ++i) {
    const Review& r = *rows[i];
    out.push_back({{"id", r.id},
                   {"sku", r.sku},
                   {"rating", r.rating},
                   {"text", r.text},
                   {"published_at", format_iso8601(r.published_at)},
                   {"status", r.status},
                   {"order_status", "DELIVERED"},
                   {"is_rating_participant", true},
                   {"comments_amount", r.comments.size()},
                   {"photos_amount", 0},
                   {"videos_amount", 0}});
  }
  bool has_next = i < rows.size();
  return ok({{"reviews", out}, {"last_id", out.empty() ? "" : out.back()["id"].get<std::string>()}, {"has_next", has_next}});
}

net::HttpResponse Handler::review_comment(const json& b) {
  std::string id = get_str(b, "review_id"), text = get_str(b, "text");
  Review* review = nullptr;
  for (auto& r : s_.reviews)
    if (r.id == id) review = &r;
  if (!review) return not_found("REVIEW_NOT_FOUND");
  if (text.empty() || utf8_length(text) > 3000) return bad("INVALID_ARGUMENT: text must be 1..3000 characters");
  review->comments.push_back(text);
  if (get_bool(b, "mark_review_as_processed")) review->status = "PROCESSED";
  return ok({{"comment_id", id + "-c" + std::to_string(review->comments.size())}});
}

// ---- Marketplace -------------------------------------------------------------------

Marketplace::Marketplace(std::uint64_t seed, core::EpochMs now) : state_(std::make_unique<State>(seed)) {
  state_->seed = seed;
  state_->generate(now);
}

Marketplace::~Marketplace() = default;

FaultKnob& Marketplace::faults() { return state_->faults; }
const FaultKnob& Marketplace::faults() const { return state_->faults; }
std::size_t Marketplace::posting_count() const { return state_->postings.size(); }
std::size_t Marketplace::product_count() const { return state_->products.size(); }

std::vector<std::string> Marketplace::posting_numbers() const {
  std::vector<std::string> out;
  for (const auto& p : state_->postings) out.push_back(p.number);
  return out;
}

std::string Marketplace::posting_status(std::string_view number) const {
  const Posting* p = state_->find(number);
  return p ? p->status : std::string();
}

static void tick(State& s, core::EpochMs now) {
  // Hand-over: kActHandoverMs after an act is ready, its postings still
  // awaiting_deliver leave with the carrier (delivering).
  for (auto& a : s.acts) {
    if (a.handed_over || now < a.created_at + Marketplace::kActReadyMs + Marketplace::kActHandoverMs) continue;
    a.handed_over = true;
    core::EpochMs t = a.created_at + Marketplace::kActReadyMs + Marketplace::kActHandoverMs;
    for (const auto& n : a.postings) {
      Posting* p = s.find(n);
      if (!p || p->status != "awaiting_deliver") continue;
      set_status(*p, "delivering", t);
      p->delivering_date = t;
    }
  }
}

static bool rate_limited(std::deque<core::EpochMs>& window, core::EpochMs now, int limit) {
  while (!window.empty() && window.front() <= now - 1000) window.pop_front();
  if (static_cast<int>(window.size()) >= limit) return true;
  window.push_back(now);
  return false;
}

net::HttpResponse Marketplace::handle(std::string_view path, std::string_view body, core::EpochMs now) {
  State& s = *state_;
  tick(s, now);
  net::HttpResponse r;
  FaultKnob::Kind kind{};
  if (s.faults.take(&kind, s.fault_rng)) {
    switch (kind) {
      case FaultKnob::Kind::http429:
        r = error(429, 8, "You have reached request rate limit per second");
        break;
      case FaultKnob::Kind::http500:
        r = error(500, 13, "Internal Server Error");
        break;
      case FaultKnob::Kind::malformed:
        r = respond(200, json{{"result", {{"postings", json::array()}, {"has_next", false}}}});
        r.body = r.body.substr(0, r.body.size() / 2);
        break;
      case FaultKnob::Kind::html:
        r.status = 502;
        r.content_type = "text/html";
        r.body = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
                 "</center><hr><center>nginx</center></body></html>\n";
        break;
    }
    s.faults.count(path, r.status);
    return r;
  }
  if (rate_limited(s.recent_all, now, kRateLimitPerSecond) ||
      (path == ozon::endpoint::kPostingGet && rate_limited(s.recent_get, now, kPostingGetPerSecond))) {
    r = error(429, 8, "You have reached request rate limit per second");
  } else if (path.substr(0, kFilePrefix.size()) == kFilePrefix) {
    std::string id_text(path.substr(kFilePrefix.size()));
    if (id_text.size() > 4) id_text.resize(id_text.size() - 4);  // ".pdf"
    r = not_found("FILE_NOT_FOUND");
    for (const auto& t : s.label_tasks) {
      if (std::to_string(t.id) != id_text) continue;
      std::vector<const Posting*> ps;
      bool ready = true;
      for (const auto& n : t.postings) {
        const Posting* p = s.find(n);
        if (!p || p->status != "awaiting_deliver" || now < p->shipped_at + kLabelDelayMs) ready = false;
        else ps.push_back(p);
      }
      if (ready) r = pdf(pdf_label(s, ps));
    }
  } else {
    json b = body.empty() ? json::object() : json::parse(body.begin(), body.end(), nullptr, false);
    if (b.is_discarded() || !b.is_object()) {
      r = bad("proto: syntax error: invalid JSON request body");
    } else {
      Handler h(s, now);
      r = h.dispatch(path, b);
    }
  }
  s.faults.count(path, r.status);
  return r;
}

}  // namespace sandbox
