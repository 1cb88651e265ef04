// The demo marketplace, fulfilment domain: shipping (one or more boxes,
// part of a posting), cancelling (whole or some items, with Ozon's reasons),
// the rFBS seller's delivery (tracking numbers, status changes, cutoff
// date) and the pick list of postings awaiting packaging.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>

#include "ozon/endpoints.h"
#include "sandbox/api.h"

namespace sandbox {
namespace {

namespace ep = ozon::endpoint;

std::string new_posting_number(const State& s, const std::string& order_number) {
  int max_suffix = 0;
  for (const auto& p : s.postings) {
    if (p.order_number != order_number || p.number.size() <= order_number.size() + 1) continue;
    int v = std::atoi(p.number.c_str() + order_number.size() + 1);
    max_suffix = std::max(max_suffix, v);
  }
  return order_number + "-" + std::to_string(max_suffix + 1);
}

// Parses [{<key>, quantity}] into items: `key` names the SKU ("product_id"
// in ship, "sku" in product/cancel, as the spec has it); false if malformed.
bool parse_items(const json& arr, const char* key, std::vector<Item>* out) {
  if (!arr.is_array() || arr.empty()) return false;
  for (const auto& e : arr) {
    const auto sku = find_int64_strict(e, key);
    if (!sku) return false;
    const auto q = find_int64_strict(e, "quantity");
    if (!q || *q <= 0 || *q > 100000) return false;
    bool merged = false;
    for (auto& it : *out)
      if (it.sku == *sku) {
        it.quantity += static_cast<int>(*q);
        merged = true;
      }
    if (!merged) out->push_back(Item{*sku, static_cast<int>(*q), {}, {}});
  }
  return true;
}

std::optional<net::HttpResponse> ship_precheck(const State& s, const Posting* p, core::EpochMs now) {
  if (!p) return not_found("POSTING_NOT_FOUND");
  if (is_cancelled(p->status)) return bad("POSTING_ALREADY_CANCELLED");
  if (is_shipped_status(p->status)) return bad("POSTING_ALREADY_SHIPPED");
  if (p->status != "awaiting_packaging") return bad("HAS_INCORRECT_STATUS");
  if (exemplar_status(s, *p, now) != "ship_available") return bad("EXEMPLAR_INFO_NOT_FILLED_COMPLETELY");
  return std::nullopt;
}

void split_ship(const Call& call, Posting& p, const std::vector<std::vector<Item>>& packages, json* result) {
  if (packages.size() == 1) {
    set_status(p, "awaiting_deliver", call.now);
    p.shipped_at = call.now;
    result->push_back(p.number);
    return;
  }
  Posting original = p;  // copy: add_posting may reallocate
  std::vector<Item> pool = original.items;
  for (const auto& pkg : packages) {
    Posting np = original;
    np.number = new_posting_number(call.state, original.order_number);
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
    np.status_changed_at = call.now;
    np.shipped_at = call.now;
    np.upper_barcode = original.upper_barcode + "-" + std::to_string(result->size() + 1);
    np.lower_barcode = original.lower_barcode + std::to_string(result->size() + 1);
    result->push_back(np.number);
    call.state.add_posting(std::move(np));
  }
  Posting* orig = call.state.find(original.number);
  if (orig) set_status(*orig, "cancelled_from_split_pending", call.now);
}

net::HttpResponse ship(const Call& call, const json& b) {
  std::string number = read_string_strict(b, "posting_number");
  if (number.empty()) return bad("INVALID_ARGUMENT: posting_number is required");
  const json* pk = find(b, "packages");
  if (!pk || !pk->is_array() || pk->empty()) return bad("INVALID_ARGUMENT: packages must be a non-empty array");
  Posting* p = call.state.find(number);
  if (auto e = ship_precheck(call.state, p, call.now)) return *e;
  std::vector<std::vector<Item>> packages;
  std::map<std::int64_t, int> totals;
  for (const auto& pkg : *pk) {
    std::vector<Item> items;
    const json* prods = find(pkg, "products");
    if (!prods || !parse_items(*prods, "product_id", &items)) return bad("HAS_INCORRECT_PRODUCT_QUANTITY");
    for (const auto& it : items) totals[it.sku] += it.quantity;
    packages.push_back(std::move(items));
  }
  std::map<std::int64_t, int> expected;
  for (const auto& it : p->items) expected[it.sku] += it.quantity;
  if (totals != expected) return bad("HAS_INCORRECT_PRODUCT_QUANTITY");
  json result = json::array();
  split_ship(call, *p, packages, &result);
  json resp = {{"result", result}};
  if (read_bool_strict(object_or_empty(b, "with"), "additional_data")) {
    json add = json::array();
    for (const auto& n : result) {
      const Posting* np = call.state.find(n.get<std::string>());
      if (np)
        add.push_back({{"posting_number", np->number},
                       {"products", posting_json(call.state, *np, false, json::object(), call.now)["products"]}});
    }
    resp["additional_data"] = add;
  } else {
    resp["additional_data"] = json::array();
  }
  return ok(resp);
}

net::HttpResponse ship_package(const Call& call, const json& b) {
  std::string number = read_string_strict(b, "posting_number");
  if (number.empty()) return bad("INVALID_ARGUMENT: posting_number is required");
  Posting* p = call.state.find(number);
  if (auto e = ship_precheck(call.state, p, call.now)) return *e;
  std::vector<Item> items;
  const json* prods = find(b, "products");
  if (!prods || !parse_items(*prods, "product_id", &items)) return bad("HAS_INCORRECT_PRODUCT_QUANTITY");
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
    set_status(*p, "awaiting_deliver", call.now);
    p->shipped_at = call.now;
    return ok({{"result", p->number}});
  }
  Posting np = *p;
  np.number = new_posting_number(call.state, p->order_number);
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
  np.status_changed_at = call.now;
  np.shipped_at = call.now;
  np.upper_barcode = p->upper_barcode + "-p";
  np.lower_barcode = p->lower_barcode + "9";
  std::string created = np.number;
  call.state.add_posting(std::move(np));
  return ok({{"result", created}});
}

net::HttpResponse multibox(const Call& call, const json& b) {
  Posting* p = call.state.find(read_string_strict(b, "posting_number"));
  if (!p) return not_found("POSTING_NOT_FOUND");
  const auto q = find_int64_strict(b, "multi_box_qty");
  if (!q || *q < 1 || *q > 1000) return bad("INVALID_ARGUMENT: multi_box_qty must be 1..1000");
  if (p->status != "awaiting_packaging") return bad("HAS_INCORRECT_STATUS");
  p->multi_box_qty = static_cast<int>(*q);
  return ok({{"result", {{"result", true}}}});
}

net::HttpResponse cancel_reasons(const Call& call, const json&) {
  json r = json::array();
  for (const auto& c : call.state.reasons)
    r.push_back({{"id", c.id},
                 {"title", c.title},
                 {"type_id", c.type_id},
                 {"is_available_for_cancellation", c.available},
                 {"affects_cancellation_rating", c.affects_rating}});
  return ok({{"result", r}});
}

net::HttpResponse cancel_reasons_for(const Call& call, const json& b) {
  std::vector<std::string> nums;
  if (!read_string_list_strict(b, "related_posting_numbers", &nums))
    return bad("proto: syntax error: related_posting_numbers");
  json r = json::array();
  for (const auto& n : nums) {
    const Posting* p = call.state.find(n);
    if (!p) continue;
    json reasons = json::array();
    if (cancellable(p->status))
      for (const auto& c : call.state.reasons)
        if (c.available) reasons.push_back({{"id", c.id}, {"title", c.title}, {"type_id", c.type_id}});
    r.push_back({{"posting_number", n}, {"reasons", reasons}});
  }
  return ok({{"result", r}});
}

std::optional<net::HttpResponse> check_reason(const State& s, const json& b, const CancelReason** out) {
  const auto given = find_int64_strict(b, "cancel_reason_id");
  if (!given) return bad("INVALID_ARGUMENT: cancel_reason_id is required");
  const std::int64_t id = *given;
  for (const auto& c : s.reasons)
    if (c.id == id && c.available) *out = &c;
  if (!*out) return bad("INVALID_CANCEL_REASON_ID: reason " + std::to_string(id) + " is not available");
  std::string msg = read_string_strict(b, "cancel_reason_message");
  bool blank = msg.find_first_not_of(" \t\r\n") == std::string::npos;
  if (id == 402 && blank) return bad("CANCEL_REASON_MESSAGE_REQUIRED: cancel_reason_message is required for reason 402");
  return std::nullopt;
}

net::HttpResponse cancel(const Call& call, const json& b) {
  Posting* p = call.state.find(read_string_strict(b, "posting_number"));
  const CancelReason* reason = nullptr;
  if (auto e = check_reason(call.state, b, &reason)) return *e;
  if (!p) return not_found("POSTING_NOT_FOUND");
  if (is_cancelled(p->status)) return bad("POSTING_ALREADY_CANCELLED");
  if (!cancellable(p->status)) return bad("HAS_INCORRECT_STATUS");
  p->has_cancellation = true;
  p->cancellation = Cancellation{reason->id, reason->title, "Продавец", reason->affects_rating,
                                 p->status == "awaiting_deliver"};
  call.state.free_units(*p, p->items);
  set_status(*p, "cancelled", call.now);
  return ok({{"result", true}});
}

net::HttpResponse product_cancel(const Call& call, const json& b) {
  Posting* p = call.state.find(read_string_strict(b, "posting_number"));
  const CancelReason* reason = nullptr;
  if (auto e = check_reason(call.state, b, &reason)) return *e;
  // Required here for every reason (the spec), not only for 402.
  const std::string message = read_string_strict(b, "cancel_reason_message");
  if (message.find_first_not_of(" \t\r\n") == std::string::npos)
    return bad("CANCEL_REASON_MESSAGE_REQUIRED: cancel_reason_message is required");
  if (!p) return not_found("POSTING_NOT_FOUND");
  if (is_cancelled(p->status)) return bad("POSTING_ALREADY_CANCELLED");
  if (p->status != "awaiting_packaging") return bad("HAS_INCORRECT_STATUS");
  const json* items = find(b, "items");
  std::vector<Item> cut;
  if (!items || !parse_items(*items, "sku", &cut)) return bad("INVALID_ARGUMENT: items must be [{sku, quantity}]");
  for (const auto& c : cut) {
    const Item* src = nullptr;
    for (const auto& it : p->items)
      if (it.sku == c.sku) src = &it;
    if (!src || c.quantity > src->quantity) return bad("HAS_INCORRECT_PRODUCT_QUANTITY");
  }
  call.state.free_units(*p, cut);
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
    set_status(*p, "cancelled", call.now);
  }
  return ok({{"result", p->number}});
}

net::HttpResponse tracking(const Call& call, const json& b) {
  const json* list = find(b, "tracking_numbers");
  if (!list || !list->is_array() || list->empty()) return bad("INVALID_ARGUMENT: tracking_numbers must be a non-empty array");
  if (list->size() > 20) return bad("INVALID_ARGUMENT: at most 20 tracking numbers per request");
  json r = json::array();
  for (const auto& e : *list) {
    std::string number = read_string_strict(e, "posting_number"), track = read_string_strict(e, "tracking_number");
    Posting* p = call.state.find(number);
    std::string err;
    if (!p) err = "POSTING_NOT_FOUND";
    else if (!call.state.is_rfbs(*p)) err = "HAS_INCORRECT_TPL_INTEGRATION_TYPE";
    else if (track.empty() || track.size() > 64) err = "INVALID_TRACKING_NUMBER";
    else if (p->status != "awaiting_deliver" && p->status != "delivering" && p->status != "driver_pickup" &&
             p->status != "sent_by_seller")
      err = "TRANSITION_IS_NOT_POSSIBLE";
    if (err.empty()) p->tracking_number = track;
    r.push_back({{"posting_number", number}, {"result", err.empty()}, {"error", err}});
  }
  return ok({{"result", r}});
}

net::HttpResponse transition(const Call& call, const json& b) {
  const std::string_view path = call.path;
  std::vector<std::string> nums;
  if (!read_string_list_strict(b, "posting_number", &nums))
    return bad("proto: syntax error: posting_number must be an array of strings");
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
    Posting* p = call.state.find(n);
    std::string err;
    const DeliveryMethod* dm = p ? call.state.method(p->delivery_method_id) : nullptr;
    if (!p) err = "POSTING_NOT_FOUND";
    else if (!dm || dm->tpl_integration_type != "non_integrated") err = "HAS_INCORRECT_TPL_INTEGRATION_TYPE";
    else if (!contains(from, p->status)) err = "TRANSITION_IS_NOT_POSSIBLE";
    if (err.empty()) {
      if (p->delivering_date == 0) p->delivering_date = call.now;
      set_status(*p, to, call.now);
    }
    r.push_back({{"posting_number", n}, {"result", err.empty()}, {"error", err}});
  }
  return ok({{"result", r}});
}

net::HttpResponse cutoff(const Call& call, const json& b) {
  Posting* p = call.state.find(read_string_strict(b, "posting_number"));
  if (!p) return not_found("POSTING_NOT_FOUND");
  core::EpochMs t = 0;
  if (!parse_iso8601(read_string_strict(b, "new_cutoff_date"), &t))
    return bad("INVALID_ARGUMENT: new_cutoff_date must be ISO-8601");
  if (!p->needs_cutoff || p->status != "awaiting_packaging") return bad("SET_CUTOFF_NOT_AVAILABLE");
  if (t < call.now) return bad("INVALID_ARGUMENT: new_cutoff_date is in the past");
  p->shipment_date = t;
  p->needs_cutoff = false;
  return ok({{"result", true}});
}

net::HttpResponse assembly(const Call& call, const json& b) {
  const json f = object_or_empty(b, "filter");
  core::EpochMs from = 0, to = 0;
  if (!parse_iso8601(read_string_strict(f, "cutoff_from"), &from) ||
      !parse_iso8601(read_string_strict(f, "cutoff_to"), &to))
    return bad("INVALID_ARGUMENT: filter.cutoff_from and filter.cutoff_to are required");
  std::vector<std::int64_t> dms;
  if (!read_int64_list_strict(f, "delivery_method_ids", &dms)) return bad("proto: syntax error: delivery_method_ids");
  if (const auto one = find_int64_strict(f, "delivery_method_id")) dms.push_back(*one);
  const std::int64_t limit = read_int64_strict(b, "limit", 100);
  const std::int64_t offset = read_int64_strict(b, "offset", 0);
  if (limit < 1 || limit > 1000 || offset < 0) return bad("INVALID_ARGUMENT: limit must be between 1 and 1000");
  std::map<std::string, std::pair<std::int64_t, json>> by_offer;  // offer_id -> (total, postings)
  for (const auto& p : call.state.postings) {
    if (p.status != "awaiting_packaging" || p.shipment_date < from || p.shipment_date > to) continue;
    if (!dms.empty() && !contains(dms, p.delivery_method_id)) continue;
    for (const auto& it : p.items) {
      const Product* pr = call.state.product(it.sku);
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
    for (const auto& x : call.state.products)
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

}  // namespace

Routes fulfilment_routes() {
  static constexpr Route kRoutes[] = {
      {ep::kPostingShip, ship},
      {ep::kPostingShipPackage, ship_package},
      {ep::kMultiBoxQtySet, multibox},
      {ep::kCancelReasonList, cancel_reasons},
      {ep::kCancelReasonForPosting, cancel_reasons_for},
      {ep::kPostingCancel, cancel},
      {ep::kProductCancel, product_cancel},
      {ep::kTrackingNumberSet, tracking},
      {ep::kMarkDelivering, transition},
      {ep::kMarkLastMile, transition},
      {ep::kMarkDelivered, transition},
      {ep::kMarkSentBySeller, transition},
      {ep::kCutoffSet, cutoff},
      {ep::kAssemblyProductList, assembly},
  };
  return kRoutes;
}

}  // namespace sandbox
