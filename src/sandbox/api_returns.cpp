// The demo marketplace, returns domain: FBS returns (list, with the spec's
// filters and last_id paging).
#include "ozon/endpoints.h"
#include "sandbox/api.h"

namespace sandbox {
namespace {

namespace ep = ozon::endpoint;

json return_json(State& s, const Return& r) {
  const Product* pr = s.product(r.sku);
  const Posting* p = s.find(r.posting_number);
  const Warehouse* w = s.warehouse(r.warehouse_id);
  const double price = pr ? static_cast<double>(pr->price_kop) / 100.0 : 0.0;
  const json place = {{"id", r.warehouse_id},
                      {"name", w ? w->name : ""},
                      {"address", "Россия, " + (w ? w->name : std::string()) + ", зона возвратов"}};
  return {{"id", r.id},
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
           {{"technical_return_moment", nullptr},
            {"final_moment", r.status_sys == "ReturnedToSeller" ? json(format_iso8601(r.moment)) : json(nullptr)},
            {"cancelled_with_compensation_moment", nullptr},
            {"return_date", format_iso8601(r.returned_at)},
            {"barcode", "ii" + std::to_string(r.id)}}},
          {"visual",
           {{"status", {{"id", r.status_id}, {"display_name", r.status_name}, {"sys_name", r.status_sys}}},
            {"change_moment", format_iso8601(r.moment)}}},
          {"additional_info", {{"is_opened", false}, {"is_super_econom", false}}},
          {"source_id", r.id + 90000000},
          {"clearing_id", nullptr},
          {"return_clearing_id", nullptr}};
}

net::HttpResponse returns_list(const Call& call, const json& b) {
  State& s = call.state;
  const auto given_limit = find_int64_strict(b, "limit");
  if (!given_limit) return bad("INVALID_ARGUMENT: limit is required");
  const std::int64_t limit = *given_limit;
  if (limit < 1 || limit > 500) return bad("INVALID_ARGUMENT: limit must be between 1 and 500");
  const std::int64_t last = read_int64_strict(b, "last_id", 0);
  const json f = object_or_empty(b, "filter");
  std::vector<std::string> nums;
  if (!read_string_list_strict(f, "posting_numbers", &nums)) return bad("proto: syntax error: filter.posting_numbers");
  if (nums.size() > 50) return bad("INVALID_ARGUMENT: at most 50 posting numbers");
  // One date filter at most (the spec).
  Window returned, tariffed, changed;
  if (!read_window(f, "logistic_return_date", "time_from", "time_to", &returned) ||
      !read_window(f, "storage_tariffication_start_date", "time_from", "time_to", &tariffed) ||
      !read_window(f, "visual_status_change_moment", "time_from", "time_to", &changed))
    return bad("proto: syntax error: a date filter must be {time_from, time_to} date-times");
  const int dates = (find(f, "logistic_return_date") ? 1 : 0) + (find(f, "storage_tariffication_start_date") ? 1 : 0) +
                    (find(f, "visual_status_change_moment") ? 1 : 0);
  if (dates > 1)
    return bad("INVALID_ARGUMENT: use only one of logistic_return_date, storage_tariffication_start_date and "
               "visual_status_change_moment");
  const std::string schema = read_string_strict(f, "return_schema");
  if (!schema.empty() && schema != "FBS" && schema != "FBO" && schema != "Fbs" && schema != "Fbo")
    return bad("INVALID_ARGUMENT: return_schema must be FBS or FBO");
  const std::string status = read_string_strict(f, "visual_status_name"), offer = read_string_strict(f, "offer_id"),
                    name = read_string_strict(f, "product_name"), barcode = read_string_strict(f, "barcode");
  const std::int64_t order_id = read_int64_strict(f, "order_id", 0), warehouse = read_int64_strict(f, "warehouse_id", 0);
  // The demo's returns are FBS, none tarificated for storage yet.
  const bool none = schema == "FBO" || schema == "Fbo" || find(f, "storage_tariffication_start_date");
  json out = json::array();
  bool has_next = false;
  for (const auto& r : s.returns) {
    if (none) break;
    if (r.id <= last) continue;
    if (!nums.empty() && !contains(nums, r.posting_number)) continue;
    if (!returned.contains(r.returned_at) || !changed.contains(r.moment)) continue;
    if (!status.empty() && r.status_sys != status) continue;
    if (warehouse && r.warehouse_id != warehouse) continue;
    if (!barcode.empty() && barcode != "ii" + std::to_string(r.id)) continue;
    const Product* pr = s.product(r.sku);
    if (!offer.empty() && (!pr || pr->offer_id != offer)) continue;
    if (!name.empty() && (!pr || pr->name.find(name) == std::string::npos)) continue;
    if (order_id) {
      const Posting* p = s.find(r.posting_number);
      if (!p || p->order_id != order_id) continue;
    }
    if (static_cast<std::int64_t>(out.size()) >= limit) {
      has_next = true;
      break;
    }
    out.push_back(return_json(s, r));
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
