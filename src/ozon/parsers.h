#pragma once
// Response parsers, one per Seller API reply shape. Every parser takes the
// body text (PDF parsers take the whole response, for its Content-Type),
// never throws and returns Result: a value, or malformed_reply when the
// reply does not have the documented shape. Inside a good shape they are
// tolerant: numbers as strings and back, missing optional fields, nulls and
// unknown fields are all accepted.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/act.h"
#include "core/cancel_reason.h"
#include "core/chat.h"
#include "core/delivery_method.h"
#include "core/exemplar.h"
#include "core/finance.h"
#include "core/label_task.h"
#include "core/pick_list.h"
#include "core/posting.h"
#include "core/product.h"
#include "core/rating.h"
#include "core/return_item.h"
#include "core/review.h"
#include "core/rfbs_return.h"
#include "core/sales.h"
#include "core/stock.h"
#include "core/warehouse.h"
#include "net/transport.h"
#include "ozon/result.h"

namespace ozon {

// One page of a cursor (or last_id) paged list. `cursor` is what to send
// for the next page.
template <typename T>
struct Page {
  std::vector<T> items;
  std::string cursor;
  bool has_next = false;
};

// Outcome of a batch method that answers per item.
struct BatchResult {
  std::vector<std::string> succeeded;  // item keys
  std::vector<ItemError> failed;
  bool all_ok() const { return failed.empty(); }
};

// Key used for stock items in BatchResult and the stock pair limiter.
std::string stock_item_key(const std::string& offer_id, std::int64_t product_id, std::int64_t warehouse_id);

// Postings
Result<Page<core::Posting>> parse_posting_list(std::string_view body);  // v4 root, v3 result.postings
Result<core::Posting> parse_posting(std::string_view body);             // v3 get, v2 get-by-barcode
Result<std::vector<std::string>> parse_ship_result(std::string_view body);  // posting numbers created
Result<Done> parse_done(std::string_view body);  // {"result": true|"..."} or {} acknowledgements

// Exemplars (create-or-get and status share the shape)
Result<core::ExemplarData> parse_exemplar_data(std::string_view body);

// Labels and act PDFs: raw PDF bytes or JSON {file_content (base64)}
Result<std::string> parse_pdf(const net::HttpResponse& response);
Result<std::vector<core::LabelTask>> parse_label_tasks(std::string_view body);
Result<core::LabelTask> parse_label_task(std::string_view body);

// Cancellation
Result<std::vector<core::CancelReason>> parse_cancel_reasons(std::string_view body);
Result<std::vector<core::PostingCancelReasons>> parse_posting_cancel_reasons(std::string_view body);

// rFBS tracking numbers and status changes: per-posting outcome
Result<BatchResult> parse_posting_batch_result(std::string_view body);

// Acts
Result<std::int64_t> parse_act_create(std::string_view body);
Result<core::ActStatus> parse_act_status(std::string_view body);
Result<std::vector<core::Act>> parse_act_list(std::string_view body);

// Pick list
Result<Page<core::PickListRow>> parse_pick_list(std::string_view body);

// Warehouses, delivery methods, stocks, products
Result<Page<core::Warehouse>> parse_warehouses(std::string_view body);
Result<Page<core::DeliveryMethod>> parse_delivery_methods(std::string_view body);
Result<BatchResult> parse_stock_update(std::string_view body);
// /v2/products/stocks, one entry per result item: updated, the first error's
// code and message ("NOT_UPDATED" when updated is false without errors).
Result<std::vector<core::StockItemResult>> parse_stock_update_items(std::string_view body);
Result<std::vector<core::StockRow>> parse_stocks_by_warehouse(std::string_view body);
// /v4/product/info/stocks {items, cursor, total}: has_next when the page had
// items and a non-empty cursor (the reply has no has_next).
Result<Page<core::ProductStock>> parse_product_stocks(std::string_view body);
Result<Page<core::ProductListItem>> parse_product_list(std::string_view body);  // cursor = last_id
Result<std::vector<core::Product>> parse_product_info_list(std::string_view body);

// Buyers and after-sales
Result<Page<core::Chat>> parse_chat_list(std::string_view body);
Result<Page<core::ChatMessage>> parse_chat_history(std::string_view body);  // cursor = last message id
Result<Page<core::ReturnItem>> parse_returns(std::string_view body);        // cursor = last id
Result<Page<core::Review>> parse_reviews(std::string_view body);            // cursor = last_id
Result<std::string> parse_review_comment(std::string_view body);            // the comment id
Result<std::int64_t> parse_chat_read(std::string_view body);                  // unread left in the chat
// `returns` as a list (Ozon's reply) or one object (the spec's schema); cursor = last return_id.
Result<Page<core::RfbsReturn>> parse_rfbs_returns(std::string_view body);
Result<core::RfbsReturn> parse_rfbs_return(std::string_view body);  // /get: detailed = true
// cursor = the offset of the next page ("" at the end)
Result<Page<core::ReviewComment>> parse_review_comments(std::string_view body);
Result<core::Review> parse_review_info(std::string_view body);

// Numbers
Result<core::RatingSummary> parse_rating_summary(std::string_view body);
Result<std::vector<core::RatingHistory>> parse_rating_history(std::string_view body);
// /v1/analytics/data: has_next when the page was full (limit rows); cursor =
// next offset (`offset`, the request's, plus the rows of this page).
Result<Page<core::AnalyticsRow>> parse_analytics_data(std::string_view body, int limit, int offset = 0);
// /v3/finance/transaction/list: cursor = "" (pages are numbered; the caller
// asks for the next while page < page_count); has_next from page_count.
struct FinancePage {
  std::vector<core::FinanceOperation> operations;
  std::int64_t page_count = 0;
  std::int64_t row_count = 0;
};
Result<FinancePage> parse_finance_transactions(std::string_view body);
Result<core::FinanceTotals> parse_finance_totals(std::string_view body);

}  // namespace ozon
