#include "ozon/posting_json.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/interned_json.h"
#include "ozon/json_read.h"

namespace ozon {
namespace {

using Json = nlohmann::json;

Json time_or_null(core::EpochMs ms) { return ms == 0 ? Json(nullptr) : Json(json_read::format_iso8601(ms)); }

// Drops the members that read back as their default anyway (absent, null,
// "", 0, false, [] and {} all read as empty): the offline copy is read at
// every start, and a third of a posting's bytes were such members.
void drop_defaults(Json& object) {
  for (auto it = object.begin(); it != object.end();) {
    Json& value = it.value();
    if (value.is_object()) drop_defaults(value);
    if (value.is_array())
      for (Json& item : value)
        if (item.is_object()) drop_defaults(item);
    const bool empty = value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty()) ||
                       (value.is_number_integer() && value.get<std::int64_t>() == 0) ||
                       (value.is_boolean() && !value.get<bool>()) || ((value.is_array() || value.is_object()) && value.empty());
    it = empty ? object.erase(it) : std::next(it);
  }
}

Json posting_to_json(const core::Posting& p) {
  Json products = Json::array();
  for (const auto& product : p.products)
    products.push_back({{"sku", product.sku},
                        {"offer_id", product.offer_id},
                        {"name", product.name},
                        {"quantity", product.quantity},
                        {"price", core::format_amount(product.price)},
                        {"currency_code", product.price.currency},
                        {"imei", *product.imei}});
  const auto& a = p.customer->address;
  const auto& r = *p.requirements;
  return {{"posting_number", p.posting_number},
          {"order_id", p.order_id},
          {"order_number", p.order_number},
          {"status", p.status_raw.empty() ? std::string(core::to_string(p.status)) : p.status_raw.str()},
          {"substatus", p.substatus},
          {"delivery_method",
           {{"id", p.delivery_method.id},
            {"name", p.delivery_method.name},
            {"warehouse_id", p.delivery_method.warehouse_id},
            {"warehouse", p.delivery_method.warehouse},
            {"tpl_provider_id", p.delivery_method.tpl_provider_id},
            {"tpl_provider", p.delivery_method.tpl_provider}}},
          {"tracking_number", p.tracking_number},
          {"tpl_integration_type", p.tpl_integration_type},
          {"in_process_at", time_or_null(p.in_process_at)},
          {"shipment_date", time_or_null(p.shipment_date)},
          {"shipment_date_without_delay", time_or_null(p.shipment_date_without_delay)},
          {"delivering_date", time_or_null(p.delivering_date)},
          {"products", products},
          {"barcodes", {{"upper_barcode", p.barcodes->upper_barcode}, {"lower_barcode", p.barcodes->lower_barcode}}},
          {"cancellation",
           {{"cancel_reason_id", p.cancellation->reason_id},
            {"cancel_reason", p.cancellation->reason},
            {"cancellation_initiator", p.cancellation->initiator},
            {"affect_cancellation_rating", p.cancellation->affect_cancellation_rating}}},
          {"customer",
           {{"name", p.customer->name},
            {"phone", p.customer->phone},
            {"address",
             {{"city", a.city},
              {"region", a.region},
              {"zip_code", a.zip_code},
              {"address_tail", a.address_tail},
              {"pvz_code", a.pvz_code},
              {"comment", a.comment}}}}},
          {"analytics_data",
           {{"region", p.analytics.region}, {"city", p.analytics.city}, {"delivery_type", p.analytics.delivery_type}}},
          {"requirements",
           {{"products_requiring_gtd", r.gtd},
            {"products_requiring_country", r.country},
            {"products_requiring_mandatory_mark", r.mandatory_mark},
            {"products_requiring_rnpt", r.rnpt},
            {"products_requiring_jw_uin", r.jw_uin},
            {"products_requiring_imei", r.imei},
            {"products_requiring_weight", r.weight}}},
          {"is_express", p.is_express},
          {"is_multibox", p.is_multibox},
          {"multi_box_qty", p.multi_box_qty},
          {"parent_posting_number", p.parent_posting_number},
          {"available_actions", p.available_actions},
          {"delivery_schema", p.delivery_schema},
          {"integration_type_flow", p.integration_type_flow}};
}

}  // namespace

namespace {
std::string list_json(std::vector<core::Posting>::const_iterator first, std::vector<core::Posting>::const_iterator last) {
  Json list = Json::array();
  for (auto it = first; it != last; ++it) {
    list.push_back(posting_to_json(*it));
    drop_defaults(list.back());
  }
  Json root = {{"result", {{"postings", list}, {"has_next", false}}}};
  return json_read::dump(root);
}
}  // namespace

std::string postings_to_list_json(const std::vector<core::Posting>& postings) {
  return list_json(postings.begin(), postings.end());
}

std::vector<std::string> postings_to_list_json_chunks(const std::vector<core::Posting>& postings,
                                                      std::size_t per_chunk) {
  std::vector<std::string> chunks;
  if (per_chunk == 0) per_chunk = 1;
  for (std::size_t start = 0; start < postings.size(); start += per_chunk) {
    const std::size_t end = std::min(postings.size(), start + per_chunk);
    chunks.push_back(list_json(postings.begin() + static_cast<std::ptrdiff_t>(start),
                               postings.begin() + static_cast<std::ptrdiff_t>(end)));
  }
  return chunks;
}

}  // namespace ozon
