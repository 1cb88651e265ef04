#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/money.h"

namespace core {

struct Product {
  std::int64_t product_id = 0;
  std::string offer_id;
  std::int64_t sku = 0;
  std::string name;
  std::vector<std::string> barcodes;
  Money price;
  std::string primary_image;  // the picture's URL (Ozon's CDN); "" = none given
};

// /v3/product/list gives only ids; names come from /v3/product/info/list.
struct ProductListItem {
  std::int64_t product_id = 0;
  std::string offer_id;
  bool archived = false;
  bool has_fbs_stocks = false;
};

}  // namespace core
