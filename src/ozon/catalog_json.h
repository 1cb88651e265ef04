#pragma once
// Warehouses, delivery methods and products back to the Seller API's JSON
// shape, so the copies kept on this device for offline work are read by the
// same parsers as Ozon's replies (as ozon/posting_json does for postings).
#include <string>
#include <vector>

#include "core/delivery_method.h"
#include "core/product.h"
#include "core/warehouse.h"

namespace ozon {

// {"result":[...]} as /v1/warehouse/list answers; parse_warehouses reads it.
std::string warehouses_to_list_json(const std::vector<core::Warehouse>& warehouses);
// {"result":[...]} as /v1/delivery-method/list answers; parse_delivery_methods reads it.
std::string delivery_methods_to_list_json(const std::vector<core::DeliveryMethod>& methods);
// {"items":[...]} as /v3/product/info/list answers; parse_product_info_list reads it.
std::string products_to_info_list_json(const std::vector<core::Product>& products);

}  // namespace ozon
