#pragma once
// Request builders: one function per Seller API method, returning the
// net::HttpRequest (path from the endpoint catalogue, JSON body). Builders
// that can refuse (missing cancel message, empty text) return Result;
// builders with a per-request item cap return one request per batch.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/exemplar.h"
#include "core/money.h"
#include "net/transport.h"
#include "ozon/result.h"

namespace ozon {

inline constexpr std::size_t kLabelBatch = 20;
inline constexpr std::size_t kTrackingBatch = 20;
inline constexpr std::size_t kStockBatch = 100;
// SKUs per /v1/product/info/stocks-by-warehouse/fbs call. The spec of 2025
// states no limit; Ozon's earlier description of the method said "at most 500
// SKUs in one request" (its fbs_sku field, since renamed sku). The demo store
// refuses more.
inline constexpr std::size_t kStocksByWarehouseBatch = 500;
inline constexpr int kProductStocksMaxLimit = 1000;  // /v4/product/info/stocks limit: 1..1000
inline constexpr std::size_t kProductInfoMax = 1000;      // identifiers per /v3/product/info/list
inline constexpr std::size_t kReturnsPostingsMax = 50;    // filter.posting_numbers of /v1/returns/list
inline constexpr int kPostingListMaxLimit = 100;


// `items` in consecutive slices of at most `size` (the per-call limits above).
template <typename T>
std::vector<std::vector<T>> batches(const std::vector<T>& items, std::size_t size) {
  std::vector<std::vector<T>> out;
  for (std::size_t i = 0; i < items.size(); i += size)
    out.emplace_back(items.begin() + static_cast<std::ptrdiff_t>(i),
                     items.begin() + static_cast<std::ptrdiff_t>(i + std::min(size, items.size() - i)));
  return out;
}

struct TimeWindow {
  core::EpochMs from = 0;  // 0 = not set
  core::EpochMs to = 0;
  bool set() const { return from != 0 || to != 0; }
};

struct PostingListQuery {
  TimeWindow since_to;  // filter.since / filter.to (required by the v4 list)
  // Unfulfilled list: exactly one of these windows (cutoff wins if both set).
  TimeWindow cutoff;
  TimeWindow delivering_date;
  TimeWindow last_changed_status_date;
  std::vector<std::string> statuses;
  std::vector<std::int64_t> warehouse_ids;        // sent as strings
  std::vector<std::int64_t> delivery_method_ids;  // sent as strings
  std::vector<std::int64_t> provider_ids;         // sent as strings
  std::vector<std::string> order_numbers;
  std::string cursor;
  int limit = kPostingListMaxLimit;
  bool sort_ascending = true;
  bool with_analytics_data = true;
  bool with_barcodes = true;
  bool with_financial_data = false;
  bool with_legal_info = false;
};

struct PostingGetOptions {
  bool analytics_data = true;
  bool barcodes = true;
  bool financial_data = false;
  bool legal_info = false;
  bool product_exemplars = false;
  bool related_postings = true;
  bool translit = false;
};

struct ShipItem {
  std::int64_t product_id = 0;
  std::int64_t quantity = 0;
};
using ShipPackage = std::vector<ShipItem>;

struct TrackingNumber {
  std::string posting_number;
  std::string tracking_number;
};

// The product is named by its product_id (required by the spec). offer_id is
// the caller's own key and is not sent: Ozon applies an update to the offer_id
// when both are given, and the spec asks for one of them only.
struct StockUpdate {
  std::string offer_id;
  std::int64_t product_id = 0;
  std::int64_t warehouse_id = 0;
  std::int64_t stock = 0;
};

enum class StatusChange { delivering, last_mile, delivered, sent_by_seller };

struct CancelItem {
  std::int64_t sku = 0;
  std::int64_t quantity = 0;
};

struct ReturnsFilter {
  std::vector<std::string> posting_numbers;
  std::string return_schema = "FBS";
  std::int64_t warehouse_id = 0;  // 0 = any
  TimeWindow visual_status_change_moment;
  std::string visual_status_name;  // "" = any (e.g. "MovingToSeller", "ReceivedBySeller")
};

// Postings
net::HttpRequest build_unfulfilled_list(const PostingListQuery& query);
net::HttpRequest build_posting_list(const PostingListQuery& query);
net::HttpRequest build_posting_get(const std::string& posting_number, const PostingGetOptions& with = {});
net::HttpRequest build_posting_get_by_barcode(const std::string& barcode);
Result<net::HttpRequest> build_ship(const std::string& posting_number, const std::vector<ShipPackage>& packages,
                                    bool additional_data = true);
Result<net::HttpRequest> build_ship_package(const std::string& posting_number, const ShipPackage& products);
net::HttpRequest build_multibox_qty_set(const std::string& posting_number, std::int64_t boxes);

// Exemplars
net::HttpRequest build_exemplar_create_or_get(const std::string& posting_number);
net::HttpRequest build_exemplar_set(const core::ExemplarData& data);  // the full set, every time
net::HttpRequest build_exemplar_status(const std::string& posting_number);
// The country of manufacture of one product of the posting (ISO 3166 alpha-2).
// `product_id` is the seller's product_id (/v3/product/info/list "id"), not
// the SKU that the exemplar methods call product_id.
net::HttpRequest build_product_country_set(const std::string& posting_number, std::int64_t product_id,
                                           const std::string& country_iso_code);

// Labels (one request per <= 20 postings)
std::vector<net::HttpRequest> build_package_labels(const std::vector<std::string>& posting_numbers);
std::vector<net::HttpRequest> build_package_label_tasks(const std::vector<std::string>& posting_numbers);
net::HttpRequest build_package_label_get(std::int64_t task_id);

// Cancellation
net::HttpRequest build_cancel_reason_list();
net::HttpRequest build_posting_cancel_reasons(const std::vector<std::string>& posting_numbers);
Result<net::HttpRequest> build_cancel(const std::string& posting_number, std::int64_t reason_id,
                                      const std::string& message);
// Unlike build_cancel, the message is required for every reason.
Result<net::HttpRequest> build_product_cancel(const std::string& posting_number, std::int64_t reason_id,
                                              const std::string& message, const std::vector<CancelItem>& items);

// rFBS
std::vector<net::HttpRequest> build_tracking_numbers(const std::vector<TrackingNumber>& numbers);
std::vector<net::HttpRequest> build_status_change(StatusChange change, const std::vector<std::string>& posting_numbers);
net::HttpRequest build_cutoff_set(const std::string& posting_number, core::EpochMs new_cutoff);

// Acts
net::HttpRequest build_act_create(std::int64_t delivery_method_id, core::EpochMs departure_date,
                                  std::int64_t containers_count = 0);
net::HttpRequest build_act_check_status(std::int64_t act_id);
net::HttpRequest build_act_get_pdf(std::int64_t act_id);
// Both ends of `dates` are required (sent as "YYYY-MM-DD").
Result<net::HttpRequest> build_act_list(TimeWindow dates, const std::vector<std::string>& statuses = {},
                                        int limit = 50);

// Pick list
net::HttpRequest build_pick_list(TimeWindow cutoff, std::int64_t delivery_method_id = 0,
                                 const std::string& cursor = {}, int limit = 100);

// Warehouses and delivery methods (cursor paging)
net::HttpRequest build_warehouse_list(const std::string& cursor = {}, int limit = 100);
net::HttpRequest build_delivery_method_list(const std::vector<std::int64_t>& warehouse_ids,
                                            const std::string& cursor = {}, int limit = 100);

// Stock and products
// <= 100 per request; refused when an item has no product_id.
Result<std::vector<net::HttpRequest>> build_stocks_update(const std::vector<StockUpdate>& updates);
// One request; the caller splits the SKUs into kStocksByWarehouseBatch.
net::HttpRequest build_stocks_by_warehouse(const std::vector<std::int64_t>& skus);
// The catalogue's FBS/rFBS stock, every product but the archived ones (cursor paging).
net::HttpRequest build_product_stocks(const std::string& cursor, int limit = kProductStocksMaxLimit);
net::HttpRequest build_product_list(const std::string& last_id = {}, int limit = 1000,
                                    const std::string& visibility = "ALL");
// One kind of identifier per request (the spec asks for that), at most
// kProductInfoMax of them; refused otherwise.
Result<net::HttpRequest> build_product_info_list(const std::vector<std::string>& offer_ids,
                                                 const std::vector<std::int64_t>& product_ids = {},
                                                 const std::vector<std::int64_t>& skus = {});

// Buyers and after-sales
net::HttpRequest build_chat_list(const std::string& cursor = {}, int limit = 100, bool unread_only = false);
// `from_message_id` is sent as a JSON number (uint64, as the spec declares);
// refused when it is not one.
Result<net::HttpRequest> build_chat_history(const std::string& chat_id, const std::string& from_message_id = {},
                                            int limit = 50, bool newest_first = true);
Result<net::HttpRequest> build_chat_send(const std::string& chat_id, const std::string& text);
// Refused with more than kReturnsPostingsMax posting numbers.
Result<net::HttpRequest> build_returns_list(const ReturnsFilter& filter, std::int64_t last_id = 0, int limit = 500);
net::HttpRequest build_review_list(const std::string& last_id = {}, int limit = 100,
                                   const std::string& status = "ALL");
Result<net::HttpRequest> build_review_comment(const std::string& review_id, const std::string& text,
                                              bool mark_processed = true, const std::string& parent_comment_id = {});

// Marks the message and every one before it read; refused when the id is not a number.
Result<net::HttpRequest> build_chat_read(const std::string& chat_id, const std::string& from_message_id);
// rFBS return requests (/v2/returns/rfbs/*).
struct RfbsReturnsFilter {
  std::vector<std::string> group_states;  // "All" when empty
  std::string posting_number;
  std::string offer_id;
  TimeWindow created_at;
};
net::HttpRequest build_rfbs_returns_list(const RfbsReturnsFilter& filter, std::int64_t last_id = 0, int limit = 100);
net::HttpRequest build_rfbs_return_get(std::int64_t return_id);
net::HttpRequest build_rfbs_verify(std::int64_t return_id, const std::string& return_method_description = {});
// Refused without a reason, or without a comment when `comment_required`.
Result<net::HttpRequest> build_rfbs_reject(std::int64_t return_id, std::int64_t rejection_reason_id,
                                           const std::string& comment, bool comment_required = false);
net::HttpRequest build_rfbs_receive(std::int64_t return_id);
// `back_way` is the buyer's postage refunded with the price (0 = none), in
// whole roubles as the spec's int64 says; refused when negative.
Result<net::HttpRequest> build_rfbs_return_money(std::int64_t return_id, std::int64_t back_way_roubles = 0);
// Refused when the amount is not positive.
Result<net::HttpRequest> build_rfbs_compensate(std::int64_t return_id, const core::Money& amount);
// Reviews: status of 1..100 reviews ("PROCESSED" | "UNPROCESSED"); comments; one review.
Result<net::HttpRequest> build_review_change_status(const std::vector<std::string>& review_ids,
                                                    const std::string& status);
net::HttpRequest build_review_comment_list(const std::string& review_id, int offset = 0, int limit = 100);
net::HttpRequest build_review_info(const std::string& review_id);

// Numbers
inline constexpr int kFinancePageSizeMax = 1000;  // page_size of /v3/finance/transaction/list
inline constexpr int kAnalyticsLimitMax = 1000;   // limit of /v1/analytics/data
net::HttpRequest build_rating_summary();
// Refused with no ratings or from >= to.
Result<net::HttpRequest> build_rating_history(const std::vector<std::string>& ratings, core::EpochMs from,
                                              core::EpochMs to);
// dimension e.g. {"day"} or {"sku"}; metrics e.g. {"revenue", "ordered_units"}
// (1..14); dates as "YYYY-MM-DD"; refused outside the spec's limits.
Result<net::HttpRequest> build_analytics_data(const std::string& date_from, const std::string& date_to,
                                              const std::vector<std::string>& dimension,
                                              const std::vector<std::string>& metrics, int limit = kAnalyticsLimitMax,
                                              int offset = 0);
// One window of at most one month (core::month_windows), page from 1;
// refused for a longer or empty window or a page_size out of 1..1000.
Result<net::HttpRequest> build_finance_transactions(core::EpochMs from, core::EpochMs to, int page,
                                                    int page_size = kFinancePageSizeMax,
                                                    const std::string& transaction_type = "all");
// The operations of one posting (no date window).
Result<net::HttpRequest> build_finance_transactions_of_posting(const std::string& posting_number, int page = 1,
                                                               int page_size = kFinancePageSizeMax);
Result<net::HttpRequest> build_finance_totals(core::EpochMs from, core::EpochMs to,
                                              const std::string& transaction_type = "all");

// Count of Unicode code points in UTF-8 text (limits are in characters).
std::size_t utf8_length(std::string_view text);

}  // namespace ozon
