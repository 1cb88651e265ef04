#pragma once
#include <cstdint>
#include <string>

namespace core {

// FBS stock of one product at one warehouse.
struct StockRow {
  std::int64_t sku = 0;
  std::int64_t product_id = 0;
  std::string offer_id;
  std::int64_t warehouse_id = 0;
  std::string warehouse_name;
  std::int64_t present = 0;   // on the shelf, reserved included
  std::int64_t reserved = 0;
};

}  // namespace core
