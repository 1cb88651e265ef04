#include "ozon/catalog_json.h"

#include <nlohmann/json.hpp>

#include "core/json_read.h"

namespace ozon {

using Json = nlohmann::json;

std::string warehouses_to_list_json(const std::vector<core::Warehouse>& warehouses) {
  Json list = Json::array();
  for (const auto& w : warehouses)
    list.push_back({{"warehouse_id", w.warehouse_id},
                    {"name", w.name},
                    {"is_rfbs", w.is_rfbs},
                    {"status", w.status},
                    {"first_mile_type", {{"first_mile_type", w.first_mile_type}}},
                    {"working_days", w.working_days},
                    {"can_print_act_in_advance", w.can_print_act_in_advance}});
  return core::json_read::dump(Json{{"result", list}});
}

std::string delivery_methods_to_list_json(const std::vector<core::DeliveryMethod>& methods) {
  Json list = Json::array();
  for (const auto& m : methods)
    list.push_back({{"id", m.id},
                    {"name", m.name},
                    {"warehouse_id", m.warehouse_id},
                    {"provider_id", m.provider_id},
                    {"status", m.status},
                    {"cutoff", m.cutoff},
                    {"sla_cut_in", m.sla_cut_in}});
  return core::json_read::dump(Json{{"result", list}, {"has_next", false}});
}

std::string products_to_info_list_json(const std::vector<core::Product>& products) {
  Json list = Json::array();
  for (const auto& p : products)
    list.push_back({{"id", p.product_id},
                    {"offer_id", p.offer_id},
                    {"sku", p.sku},
                    {"name", p.name},
                    {"barcodes", p.barcodes},
                    {"price", core::format_amount(p.price)},
                    {"currency_code", p.price.currency},
                    {"primary_image", p.primary_image.empty() ? Json::array() : Json::array({p.primary_image})}});
  return core::json_read::dump(Json{{"items", list}});
}

}  // namespace ozon
