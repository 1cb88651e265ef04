// The demo marketplace, returns domain: FBS returns (list).
#include "ozon/endpoints.h"
#include "sandbox/api.h"

namespace sandbox {
namespace {

namespace ep = ozon::endpoint;

net::HttpResponse returns_list(const Call& call, const json& b) {
  const auto given_limit = find_int64_strict(b, "limit");
  if (!given_limit) return bad("INVALID_ARGUMENT: limit is required");
  const std::int64_t limit = *given_limit;
  if (limit < 1 || limit > 500) return bad("INVALID_ARGUMENT: limit must be between 1 and 500");
  const std::int64_t last = read_int64_strict(b, "last_id", 0);
  const json f = object_or_empty(b, "filter");
  std::vector<std::string> nums;
  if (!read_string_list_strict(f, "posting_numbers", &nums)) return bad("proto: syntax error: filter.posting_numbers");
  if (nums.size() > 50) return bad("INVALID_ARGUMENT: at most 50 posting numbers");
  std::string schema = read_string_strict(f, "return_schema");
  if (!schema.empty() && schema != "FBS" && schema != "Fbs") return ok({{"returns", json::array()}, {"has_next", false}});
  json out = json::array();
  bool has_next = false;
  for (const auto& r : call.state.returns) {
    if (r.id <= last) continue;
    if (!nums.empty() && !contains(nums, r.posting_number)) continue;
    if (static_cast<std::int64_t>(out.size()) >= limit) {
      has_next = true;
      break;
    }
    const Product* pr = call.state.product(r.sku);
    const Posting* p = call.state.find(r.posting_number);
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

}  // namespace

Routes return_routes() {
  static constexpr Route kRoutes[] = {
      {ep::kReturnsList, returns_list},
  };
  return kRoutes;
}

}  // namespace sandbox
