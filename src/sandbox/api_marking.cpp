// The demo marketplace, marking domain: exemplars (Chestny ZNAK marking
// codes, GTD numbers) and the country of manufacture, and the rule that
// gates shipping on them.
#include <cctype>

#include "ozon/endpoints.h"
#include "sandbox/api.h"

namespace sandbox {
namespace {

namespace ep = ozon::endpoint;

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

}  // namespace

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

namespace {

net::HttpResponse exemplar_create_or_get(const Call& call, const json& b) {
  Posting* p = call.state.find(read_string_strict(b, "posting_number"));
  if (!p) return not_found("POSTING_NOT_FOUND");
  json products = json::array();
  for (auto& it : p->items) {
    const Product* pr = call.state.product(it.sku);
    if (!pr) continue;
    while (static_cast<int>(it.exemplars.size()) < it.quantity)
      it.exemplars.push_back(Exemplar{call.state.next_id++, "", "", false});
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

net::HttpResponse exemplar_set(const Call& call, const json& b) {
  Posting* p = call.state.find(read_string_strict(b, "posting_number"));
  if (!p) return not_found("POSTING_NOT_FOUND");
  if (p->status != "awaiting_packaging") return bad("HAS_INCORRECT_STATUS");
  const json* prods = find(b, "products");
  if (!prods || !prods->is_array()) return bad("INVALID_ARGUMENT: products must be an array");
  // Validate the whole request before storing anything.
  std::vector<std::pair<std::int64_t, std::vector<Exemplar>>> incoming;
  for (const auto& pj : *prods) {
    const auto product_id = find_int64_strict(pj, "product_id");
    if (!product_id) return bad("INVALID_ARGUMENT: products[].product_id is required");
    const std::int64_t sku = *product_id;
    bool found = false;
    for (const auto& it : p->items) found = found || it.sku == sku;
    if (!found) return bad("INVALID_ARGUMENT: product " + std::to_string(sku) + " is not in the posting");
    const json* exs = find(pj, "exemplars");
    if (!exs || !exs->is_array()) return bad("INVALID_ARGUMENT: products[].exemplars must be an array");
    std::vector<Exemplar> list;
    for (const auto& ej : *exs) {
      Exemplar e;
      if (const auto id = find_int64_strict(ej, "exemplar_id")) e.id = *id;
      else e.id = call.state.next_id++;
      e.gtd = read_string_strict(ej, "gtd");
      e.is_gtd_absent = read_bool_strict(ej, "is_gtd_absent");
      const json* marks = find(ej, "marks");
      if (marks && marks->is_array())
        for (const auto& m : *marks) {
          std::string mk = read_string_strict(m, "mark");
          if (!mk.empty()) e.mark = mk;
        }
      std::string legacy = read_string_strict(ej, "mandatory_mark");
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
  const auto boxes = find_int64_strict(b, "multi_box_qty");
  if (boxes && *boxes >= 1) p->multi_box_qty = static_cast<int>(*boxes);
  p->exemplars_set_at = call.now;
  return ok(json::object());
}

net::HttpResponse country_set(const Call& call, const json& b) {
  Posting* p = call.state.find(read_string_strict(b, "posting_number"));
  if (!p) return not_found("POSTING_NOT_FOUND");
  if (p->status != "awaiting_packaging") return bad("HAS_INCORRECT_STATUS");
  const auto given = find_int64_strict(b, "product_id");
  if (!given) return bad("INVALID_ARGUMENT: product_id is required");
  const std::int64_t product_id = *given;
  const std::string code = read_string_strict(b, "country_iso_code");
  const bool iso_shape = code.size() == 2 && std::isupper(static_cast<unsigned char>(code[0])) &&
                         std::isupper(static_cast<unsigned char>(code[1]));
  if (!iso_shape) return bad("INVALID_ARGUMENT: country_iso_code must be two capital letters (ISO 3166-1 alpha-2)");
  // The seller's product_id, unlike the exemplar methods' "product_id" (a SKU).
  for (auto& it : p->items) {
    const Product* pr = call.state.product(it.sku);
    if (pr && pr->product_id == product_id) {
      it.country_iso = code;
      return ok({{"product_id", product_id}, {"is_gtd_needed", pr->needs_gtd}});
    }
  }
  return bad("INVALID_ARGUMENT: product " + std::to_string(product_id) + " is not in the posting");
}

net::HttpResponse exemplar_status_reply(const Call& call, const json& b) {
  Posting* p = call.state.find(read_string_strict(b, "posting_number"));
  if (!p) return not_found("POSTING_NOT_FOUND");
  std::string status = exemplar_status(call.state, *p, call.now);
  bool checking = status == "validation_in_process";
  json products = json::array();
  for (const auto& it : p->items) {
    const Product* pr = call.state.product(it.sku);
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

}  // namespace

Routes marking_routes() {
  static constexpr Route kRoutes[] = {
      {ep::kExemplarCreateOrGet, exemplar_create_or_get},
      {ep::kExemplarSet, exemplar_set},
      {ep::kExemplarStatus, exemplar_status_reply},
      {ep::kProductCountrySet, country_set},
  };
  return kRoutes;
}

}  // namespace sandbox
