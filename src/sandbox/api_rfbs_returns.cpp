// The demo marketplace, rFBS return requests: the list, one request, and the
// seller's answers (verify, reject, receive, return money, compensate), each
// allowed only in the group states core/rfbs_return.h names.
#include <cstdio>

#include "core/rfbs_return.h"
#include "ozon/endpoints.h"
#include "sandbox/api.h"

namespace sandbox {
namespace {

namespace ep = ozon::endpoint;
using core::RfbsAction;

constexpr std::string_view kGroups[] = {"New", "Delivering", "Checkout", "Arbitration", "Approved", "Rejected"};

// available_actions ids and names, as Ozon's /get lists them.
json action_json(RfbsAction a) {
  switch (a) {
    case RfbsAction::verify: return {{"id", 1}, {"name", "Одобрить заявку"}};
    case RfbsAction::reject: return {{"id", -1}, {"name", "Отклонить заявку"}};
    case RfbsAction::receive: return {{"id", 2}, {"name", "Подтвердить получение товара"}};
    case RfbsAction::return_money: return {{"id", 1010}, {"name", "Вернуть деньги"}};
    case RfbsAction::compensate: return {{"id", 1020}, {"name", "Вернуть часть стоимости"}};
  }
  return json::object();
}

json list_json(State& s, const RfbsReturnRequest& r) {
  const Product* pr = s.product(r.sku);
  const Posting* p = s.find(r.posting_number);
  return {{"return_id", r.id},
          {"return_number", r.number},
          {"posting_number", r.posting_number},
          {"order_number", p ? p->order_number : ""},
          {"client_name", r.client_name},
          {"created_at", format_iso8601(r.created_at)},
          {"product",
           {{"sku", r.sku},
            {"offer_id", pr ? pr->offer_id : ""},
            {"name", pr ? pr->name : ""},
            {"price", money(r.price_kop)},
            {"currency_code", "RUB"}}},
          {"state",
           {{"group_state", r.group_state},
            {"state", r.state},
            {"state_name", r.state_name},
            {"money_return_state_name", r.money_state_name}}}};
}

// "500", "500.5", "500.50" -> kopecks; false on anything else.
bool parse_amount(const std::string& text, std::int64_t* kop) {
  std::int64_t whole = 0, frac = 0;
  int frac_digits = -1;
  if (text.empty() || text.size() > 15) return false;
  for (char c : text) {
    if (c == '.' && frac_digits < 0) {
      frac_digits = 0;
    } else if (c >= '0' && c <= '9') {
      if (frac_digits < 0) whole = whole * 10 + (c - '0');
      else if (++frac_digits <= 2) frac = frac * 10 + (c - '0');
      else return false;
    } else {
      return false;
    }
  }
  if (frac_digits == 0 || text[0] == '.') return false;
  *kop = whole * 100 + (frac_digits == 1 ? frac * 10 : frac);
  return true;
}

// The request named by `return_id`, or the refusal to answer.
RfbsReturnRequest* request_of(const Call& call, const json& b, net::HttpResponse* refusal) {
  const auto id = find_int64_strict(b, "return_id");
  if (!id) {
    *refusal = bad("INVALID_ARGUMENT: return_id is required");
    return nullptr;
  }
  RfbsReturnRequest* r = call.state.rfbs_return(*id);
  if (!r) *refusal = not_found("RETURN_NOT_FOUND: no return request " + std::to_string(*id));
  return r;
}

net::HttpResponse refuse_state(const RfbsReturnRequest& r, RfbsAction a) {
  return bad("RETURN_STATE_INVALID: the return request is in state " + r.group_state + "; " +
             std::string(core::rfbs_action_name(a)) + " is not allowed");
}

net::HttpResponse rfbs_list(const Call& call, const json& b) {
  const auto limit = find_int64_strict(b, "limit");
  if (!limit) return bad("INVALID_ARGUMENT: limit is required");
  if (*limit < 1 || *limit > 1000) return bad("INVALID_ARGUMENT: limit must be between 1 and 1000");
  const json* last_given = find(b, "last_id");
  const auto last = last_given && !last_given->is_null() ? as_int64_strict(*last_given) : std::optional<std::int64_t>(0);
  if (!last || *last < 0) return bad("proto: syntax error: last_id must be an int32");
  const json f = object_or_empty(b, "filter");
  std::vector<std::string> groups;
  if (!read_string_list_strict(f, "group_state", &groups)) return bad("proto: syntax error: filter.group_state");
  bool all = groups.empty();
  for (const auto& g : groups) {
    if (g == "All" || g == "ALL") all = true;
    else if (!is_rfbs_group(g)) return bad("INVALID_ARGUMENT: unknown group_state " + g);
  }
  Window created;
  if (!read_window(f, "created_at", "from", "to", &created))
    return bad("proto: syntax error: filter.created_at must be {from, to} date-times");
  const std::string posting = read_string_strict(f, "posting_number"), offer = read_string_strict(f, "offer_id");
  json out = json::array();
  for (const auto& r : call.state.rfbs_returns) {
    if (r.id <= *last) continue;
    if (!all && !contains(groups, r.group_state)) continue;
    if (!posting.empty() && r.posting_number != posting) continue;
    if (!created.contains(r.created_at)) continue;
    const Product* pr = call.state.product(r.sku);
    if (!offer.empty() && (!pr || pr->offer_id != offer)) continue;
    if (static_cast<std::int64_t>(out.size()) >= *limit) break;
    out.push_back(list_json(call.state, r));
  }
  return ok({{"returns", out}});
}

net::HttpResponse rfbs_get(const Call& call, const json& b) {
  net::HttpResponse refusal;
  const RfbsReturnRequest* r = request_of(call, b, &refusal);
  if (!r) return refusal;
  json j = list_json(call.state, *r);
  j["state"].erase("money_return_state_name");  // /get: state, state_name (and the list's group_state)
  json actions = json::array();
  for (const auto a : core::allowed_rfbs_actions(r->group_state)) actions.push_back(action_json(a));
  json reasons = json::array();
  for (const auto& why : r->reasons)
    reasons.push_back(
        {{"id", why.id}, {"name", why.name}, {"hint", why.hint}, {"is_comment_required", why.comment_required}});
  const Posting* p = call.state.find(r->posting_number);
  j["available_actions"] = actions;
  j["client_photo"] = r->photos;
  j["client_return_method_type"] = {{"id", 1}, {"name", "Почта России"}};
  j["comment"] = r->comment;
  j["rejection_comment"] = r->rejection_comment;
  j["rejection_reason"] = reasons;
  j["return_method_description"] = r->return_method;
  j["return_reason"] = {{"id", r->reason_id}, {"name", r->reason}, {"is_defect", r->is_defect}};
  j["ru_post_tracking_number"] = r->tracking_number;
  j["warehouse_id"] = p ? call.state.warehouse_of(*p) : 0;
  return ok({{"returns", j}});
}

// Every answer: the request, then whether its state allows `a`.
RfbsReturnRequest* answerable(const Call& call, const json& b, RfbsAction a, net::HttpResponse* refusal) {
  RfbsReturnRequest* r = request_of(call, b, refusal);
  if (r && !core::rfbs_action_allowed(r->group_state, a)) {
    *refusal = refuse_state(*r, a);
    return nullptr;
  }
  return r;
}

void move_on(RfbsReturnRequest& r, RfbsAction a) {
  State::set_rfbs_group(r, core::rfbs_state_after(r.group_state, a));
}

net::HttpResponse rfbs_verify(const Call& call, const json& b) {
  const json* method = find(b, "return_method_description");
  if (method && !method->is_null() && !method->is_string())
    return bad("proto: syntax error: return_method_description must be a string");
  net::HttpResponse refusal;
  RfbsReturnRequest* r = answerable(call, b, RfbsAction::verify, &refusal);
  if (!r) return refusal;
  move_on(*r, RfbsAction::verify);
  const std::string text = read_string_strict(b, "return_method_description");
  r->return_method = text.empty() ? "Почтой России за счёт продавца" : text;
  return ok(json::object());
}

net::HttpResponse rfbs_reject(const Call& call, const json& b) {
  const auto reason_id = find_int64_strict(b, "rejection_reason_id");
  if (!reason_id) return bad("INVALID_ARGUMENT: rejection_reason_id is required");
  net::HttpResponse refusal;
  RfbsReturnRequest* r = answerable(call, b, RfbsAction::reject, &refusal);
  if (!r) return refusal;
  const RfbsReason* why = nullptr;
  for (const auto& x : r->reasons)
    if (x.id == *reason_id) why = &x;
  if (!why)
    return bad("INVALID_ARGUMENT: rejection_reason_id " + std::to_string(*reason_id) +
               " is not a rejection reason of this return request (see /v2/returns/rfbs/get)");
  const std::string comment = read_string_strict(b, "comment");
  if (why->comment_required && comment.empty())
    return bad("INVALID_ARGUMENT: comment is required for the rejection reason \"" + why->name + "\"");
  r->rejection_comment = comment.empty() ? why->name : comment;  // before move_on: it replaces the reasons
  move_on(*r, RfbsAction::reject);
  return ok(json::object());
}

net::HttpResponse rfbs_receive(const Call& call, const json& b) {
  net::HttpResponse refusal;
  RfbsReturnRequest* r = answerable(call, b, RfbsAction::receive, &refusal);
  if (!r) return refusal;
  move_on(*r, RfbsAction::receive);
  return ok(json::object());
}

net::HttpResponse rfbs_return_money(const Call& call, const json& b) {
  const json* given = find(b, "return_for_back_way");
  std::int64_t back_way = 0;
  if (given && !given->is_null()) {
    const auto v = as_int64_strict(*given);
    if (!v || *v < 0) return bad("INVALID_ARGUMENT: return_for_back_way must be a whole number of roubles, 0 or more");
    back_way = *v;
  }
  net::HttpResponse refusal;
  RfbsReturnRequest* r = answerable(call, b, RfbsAction::return_money, &refusal);
  if (!r) return refusal;
  move_on(*r, RfbsAction::return_money);
  r->money_state_name = back_way > 0 ? "Деньги и " + std::to_string(back_way) + " руб. за пересылку возвращены покупателю"
                                     : "Деньги возвращены покупателю";
  return ok(json::object());
}

net::HttpResponse rfbs_compensate(const Call& call, const json& b) {
  const json* given = find(b, "compensation_amount");
  if (!given || given->is_null()) return bad("INVALID_ARGUMENT: compensation_amount is required");
  std::int64_t kop = 0;
  if (!given->is_string() || !parse_amount(given->get<std::string>(), &kop) || kop <= 0)
    return bad("INVALID_ARGUMENT: compensation_amount must be a positive decimal text, e.g. \"500.00\"");
  net::HttpResponse refusal;
  RfbsReturnRequest* r = answerable(call, b, RfbsAction::compensate, &refusal);
  if (!r) return refusal;
  if (kop > r->price_kop)
    return bad("INVALID_ARGUMENT: compensation_amount " + money(kop) + " is above the price " + money(r->price_kop));
  move_on(*r, RfbsAction::compensate);
  r->state = "PartialCompensationReturned";
  r->state_name = "Покупателю возвращена часть стоимости";
  r->money_state_name = "Возвращено " + money(kop) + " руб. из " + money(r->price_kop);
  return ok(json::object());
}

}  // namespace

bool is_rfbs_group(std::string_view group_state) {
  for (auto g : kGroups)
    if (g == group_state) return true;
  return false;
}

Routes rfbs_return_routes() {
  static constexpr Route kRoutes[] = {
      {ep::kRfbsReturnsList, rfbs_list},     {ep::kRfbsReturnGet, rfbs_get},
      {ep::kRfbsVerify, rfbs_verify},        {ep::kRfbsReject, rfbs_reject},
      {ep::kRfbsReceive, rfbs_receive},      {ep::kRfbsReturnMoney, rfbs_return_money},
      {ep::kRfbsCompensate, rfbs_compensate},
  };
  return kRoutes;
}

}  // namespace sandbox
