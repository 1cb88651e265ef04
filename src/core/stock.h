#pragma once
// FBS/rFBS stock as Ozon reports it: per product and warehouse (present,
// reserved), the catalogue's totals, and the per-item outcome of a stock update.
#include <compare>
#include <cstdint>
#include <string>
#include <vector>

namespace core {

// FBS stock of one product at one warehouse (/v1/product/info/stocks-by-warehouse/fbs).
struct StockRow {
  std::int64_t sku = 0;
  std::int64_t product_id = 0;
  std::string offer_id;
  std::int64_t warehouse_id = 0;
  std::string warehouse_name;
  std::int64_t present = 0;   // on the shelf, reserved included
  std::int64_t reserved = 0;  // units in open postings
  // What may still be sold; a stock update sets this number (Ozon's `stock`
  // excludes reserves). Negative when Ozon's present lags behind its reserve.
  std::int64_t free() const { return present - reserved; }
};

// One product of the catalogue's stock list (/v4/product/info/stocks, cursor paging).
struct ProductStock {
  std::int64_t product_id = 0;
  std::string offer_id;
  struct Part {  // one scheme's stock: "fbs", "rfbs", "fbo", ...
    std::int64_t sku = 0;
    std::string type;
    std::int64_t present = 0;
    std::int64_t reserved = 0;
    std::vector<std::int64_t> warehouse_ids;
  };
  std::vector<Part> stocks;
  // The FBS/rFBS SKU (the one postings and stocks-by-warehouse speak in); 0 if none.
  std::int64_t fbs_sku() const;
};

// A product at a warehouse: the key of stock rows, demand and pushes.
struct StockKey {
  std::int64_t sku = 0;
  std::int64_t warehouse_id = 0;
  auto operator<=>(const StockKey&) const = default;
};

// What Ozon said about one item of a /v2/products/stocks call.
struct StockItemResult {
  std::string offer_id;
  std::int64_t product_id = 0;
  std::int64_t warehouse_id = 0;
  bool updated = false;
  std::string code;     // the first error's code ("" when updated)
  std::string message;  // and its message
};

// Ozon's per-item error codes, in the kinds the screen explains.
enum class StockItemError { none, unknown_offer, unknown_warehouse, too_big, too_many_requests, other };
StockItemError classify_stock_error(const StockItemResult& item);

}  // namespace core
