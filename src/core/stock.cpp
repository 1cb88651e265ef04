#include "core/stock.h"

#include <string_view>

namespace core {
namespace {

// "Stock is updated too frequently", "stock_too_big", "offer-id-not-found" ->
// "STOCK_IS_UPDATED_TOO_FREQUENTLY", "STOCK_TOO_BIG", "OFFER_ID_NOT_FOUND".
std::string normalized(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == ' ' || c == '-' || c == '.') c = '_';
    out.push_back(c);
  }
  return out;
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

bool same_type(std::string_view type, std::string_view wanted) {
  if (type.size() != wanted.size()) return false;
  for (std::size_t i = 0; i < type.size(); ++i) {
    char c = type[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != wanted[i]) return false;
  }
  return true;
}

StockItemError classify_code(const std::string& code) {
  if (has(code, "TOO_MANY_REQUESTS") || has(code, "TOO_FREQUENTLY")) return StockItemError::too_many_requests;
  if (has(code, "TOO_BIG") || has(code, "TOO_LARGE")) return StockItemError::too_big;
  const bool missing = has(code, "NOT_FOUND") || has(code, "UNKNOWN") || has(code, "INVALID") || has(code, "NOT_EXIST");
  if (has(code, "WAREHOUSE") && missing) return StockItemError::unknown_warehouse;
  // NOT_FOUND_ERROR / NOT_FOUND: "failed to find the product"; offer_id_not_found; UNKNOWN_PRODUCT.
  if (code == "NOT_FOUND" || code == "NOT_FOUND_ERROR") return StockItemError::unknown_offer;
  if ((has(code, "OFFER") || has(code, "PRODUCT")) && (has(code, "NOT_FOUND") || has(code, "UNKNOWN")))
    return StockItemError::unknown_offer;
  return StockItemError::other;
}

}  // namespace

std::int64_t ProductStock::fbs_sku() const {
  for (std::string_view wanted : {"fbs", "rfbs"})
    for (const auto& part : stocks)
      if (part.sku != 0 && same_type(part.type, wanted)) return part.sku;
  return 0;
}

// Codes of /v2/products/stocks items (Ozon's docs, "errors" section, and
// clients' tables): offer_id_not_found, NOT_FOUND_ERROR / NOT_FOUND (product
// unknown), WAREHOUSE_NOT_FOUND, STOCK_TOO_BIG, TOO_MANY_REQUESTS and the text
// "Stock is updated too frequently" (one update of a pair per 30 s). Codes
// arrive in either case; the message is read when the code is empty.
// product_is_not_created, PRICE_IS_NOT_SENT, INVALID_STATE, SOURCE_TYPE_NOT_FOUND
// (a product that exists but cannot take stock yet), the bulky-goods
// warehouse codes, INVALID_STOCK_VALUE and NOT_UPDATED are `other`.
StockItemError classify_stock_error(const StockItemResult& item) {
  if (item.code.empty() && item.message.empty()) return item.updated ? StockItemError::none : StockItemError::other;
  const StockItemError by_code = classify_code(normalized(item.code));
  if (by_code != StockItemError::other || !item.code.empty()) return by_code;
  return classify_code(normalized(item.message));
}

}  // namespace core
