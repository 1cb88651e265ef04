#pragma once
// The endpoint catalogue: every Seller API path (with its version) the console
// calls, in one place. When Ozon bumps a version, change one line here; the
// request builders, the parsers, the sandbox and the tests all refer to these.
#include <string_view>

namespace ozon::endpoint {

// Postings (FBS / rFBS)
inline constexpr std::string_view kPostingUnfulfilledList = "/v4/posting/fbs/unfulfilled/list";
inline constexpr std::string_view kPostingList = "/v4/posting/fbs/list";
inline constexpr std::string_view kPostingGet = "/v3/posting/fbs/get";
inline constexpr std::string_view kPostingGetByBarcode = "/v2/posting/fbs/get-by-barcode";
inline constexpr std::string_view kPostingShip = "/v4/posting/fbs/ship";
inline constexpr std::string_view kPostingShipPackage = "/v4/posting/fbs/ship/package";
inline constexpr std::string_view kMultiBoxQtySet = "/v3/posting/multiboxqty/set";

// Marking codes, GTD, country ("exemplars")
inline constexpr std::string_view kExemplarCreateOrGet = "/v6/fbs/posting/product/exemplar/create-or-get";
inline constexpr std::string_view kExemplarSet = "/v6/fbs/posting/product/exemplar/set";
inline constexpr std::string_view kExemplarStatus = "/v5/fbs/posting/product/exemplar/status";
inline constexpr std::string_view kProductCountrySet = "/v2/posting/fbs/product/country/set";

// Labels
inline constexpr std::string_view kPackageLabel = "/v2/posting/fbs/package-label";
inline constexpr std::string_view kPackageLabelCreate = "/v2/posting/fbs/package-label/create";
inline constexpr std::string_view kPackageLabelGet = "/v1/posting/fbs/package-label/get";

// Cancellation
inline constexpr std::string_view kCancelReasonList = "/v2/posting/fbs/cancel-reason/list";
inline constexpr std::string_view kCancelReasonForPosting = "/v1/posting/fbs/cancel-reason";
inline constexpr std::string_view kPostingCancel = "/v2/posting/fbs/cancel";
inline constexpr std::string_view kProductCancel = "/v2/posting/fbs/product/cancel";

// rFBS delivery by the seller
inline constexpr std::string_view kTrackingNumberSet = "/v2/fbs/posting/tracking-number/set";
inline constexpr std::string_view kMarkDelivering = "/v2/fbs/posting/delivering";
inline constexpr std::string_view kMarkLastMile = "/v2/fbs/posting/last-mile";
inline constexpr std::string_view kMarkDelivered = "/v2/fbs/posting/delivered";
inline constexpr std::string_view kMarkSentBySeller = "/v2/fbs/posting/sent-by-seller";
inline constexpr std::string_view kCutoffSet = "/v1/posting/cutoff/set";

// Acts (hand-over documents)
inline constexpr std::string_view kActCreate = "/v2/posting/fbs/act/create";
inline constexpr std::string_view kActCheckStatus = "/v2/posting/fbs/act/check-status";
inline constexpr std::string_view kActGetPdf = "/v2/posting/fbs/act/get-pdf";
inline constexpr std::string_view kActList = "/v2/posting/fbs/act/list";

// Pick list
inline constexpr std::string_view kAssemblyProductList = "/v1/assembly/fbs/product/list";

// Warehouses and delivery methods
inline constexpr std::string_view kWarehouseList = "/v2/warehouse/list";
inline constexpr std::string_view kDeliveryMethodList = "/v2/delivery-method/list";

// Stock and products
inline constexpr std::string_view kStocksUpdate = "/v2/products/stocks";
inline constexpr std::string_view kStocksByWarehouse = "/v1/product/info/stocks-by-warehouse/fbs";
inline constexpr std::string_view kProductStocks = "/v4/product/info/stocks";
inline constexpr std::string_view kProductList = "/v3/product/list";
inline constexpr std::string_view kProductInfoList = "/v3/product/info/list";

// Buyers and after-sales
inline constexpr std::string_view kChatList = "/v3/chat/list";
inline constexpr std::string_view kChatHistory = "/v3/chat/history";
inline constexpr std::string_view kChatSendMessage = "/v1/chat/send/message";
inline constexpr std::string_view kChatRead = "/v2/chat/read";
inline constexpr std::string_view kReturnsList = "/v1/returns/list";
inline constexpr std::string_view kRfbsReturnsList = "/v2/returns/rfbs/list";
inline constexpr std::string_view kRfbsReturnGet = "/v2/returns/rfbs/get";
inline constexpr std::string_view kRfbsVerify = "/v2/returns/rfbs/verify";
inline constexpr std::string_view kRfbsReject = "/v2/returns/rfbs/reject";
inline constexpr std::string_view kRfbsReceive = "/v2/returns/rfbs/receive-return";
inline constexpr std::string_view kRfbsReturnMoney = "/v2/returns/rfbs/return-money";
inline constexpr std::string_view kRfbsCompensate = "/v2/returns/rfbs/compensate";
inline constexpr std::string_view kReviewList = "/v1/review/list";
inline constexpr std::string_view kReviewInfo = "/v1/review/info";
inline constexpr std::string_view kReviewChangeStatus = "/v1/review/change-status";
inline constexpr std::string_view kReviewCommentCreate = "/v1/review/comment/create";
inline constexpr std::string_view kReviewCommentList = "/v1/review/comment/list";

// Numbers
inline constexpr std::string_view kRatingSummary = "/v1/rating/summary";
inline constexpr std::string_view kRatingHistory = "/v1/rating/history";
inline constexpr std::string_view kAnalyticsData = "/v1/analytics/data";
inline constexpr std::string_view kFinanceTransactionList = "/v3/finance/transaction/list";
inline constexpr std::string_view kFinanceTransactionTotals = "/v3/finance/transaction/totals";

}  // namespace ozon::endpoint
