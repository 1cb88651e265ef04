#pragma once
// Internal to the demo marketplace (its .cpp files only): how one Seller API
// call is answered.
//
// One file per Ozon domain, flat in src/sandbox/ (the glyph check scans
// src/sandbox/*.cpp): api_<domain>.cpp holds that domain's handlers and ends
// with its route list, <domain>_routes(). marketplace.cpp registers every
// list in one table (kDomains) and dispatches by path. Adding a domain
// (finance, ...): write api_finance.cpp ending in finance_routes(), declare
// it below, add one line to kDomains. State for it goes in
// marketplace_state.h, demo data in marketplace_gen.cpp.
//
// Requests are read with the strict readers of core/json_read.h: the
// sandbox answers a wrongly typed field the way Ozon does (as missing, or
// "proto: syntax error" for arrays), it does not guess.
#include <algorithm>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_read.h"
#include "net/transport.h"
#include "sandbox/marketplace_state.h"

namespace sandbox {

using json = nlohmann::json;
using State = Marketplace::State;

// ---- routing ------------------------------------------------------------------

// One call: the marketplace, the sandbox time, and the path it came on.
struct Call {
  State& state;
  core::EpochMs now;
  std::string_view path;
};
using Handler = net::HttpResponse (*)(const Call& call, const json& body);
struct Route {
  std::string_view path;
  Handler handle;
};
using Routes = std::span<const Route>;

Routes posting_routes();     // api_postings.cpp: posting lists, get, get-by-barcode
Routes fulfilment_routes();  // api_fulfilment.cpp: ship, boxes, cancel, rFBS statuses, cutoff, pick list
Routes marking_routes();     // api_marking.cpp: exemplars (marking codes, GTD), country
Routes catalog_routes();     // api_catalog.cpp: warehouses, delivery methods, products, stocks
Routes document_routes();    // api_documents.cpp: labels (sync, async tasks), acts, their PDFs
Routes chat_routes();        // api_chats.cpp: chat list, history, send, read (Premium Plus)
Routes return_routes();      // api_returns.cpp: returns list
Routes rfbs_return_routes(); // api_rfbs_returns.cpp: rFBS return requests and the seller's answers
Routes review_routes();      // api_reviews.cpp: reviews, their comments and status (Premium Plus)
Routes numbers_routes();     // api_numbers.cpp: rating, analytics (rate limited, Premium parts), finance

// Every route of every domain, in the order marketplace.cpp registers them.
std::vector<Route> all_routes();

// ---- replies ------------------------------------------------------------------

constexpr core::EpochMs kMin = 60'000;
constexpr core::EpochMs kHour = 60 * kMin;
constexpr core::EpochMs kDay = 24 * kHour;

net::HttpResponse respond(int status, const json& j);
// Ozon's error body {"code", "message", "details": []}.
net::HttpResponse error(int http, int code, std::string message);
net::HttpResponse bad(std::string message);        // 400, code 3
net::HttpResponse not_found(std::string message);  // 404, code 5
net::HttpResponse ok(const json& j);
net::HttpResponse pdf(std::string bytes);
// A call at `now` against `limit` calls per `window_ms`: true (not counted)
// when the window is full, else the call is counted.
bool rate_limited(std::deque<core::EpochMs>& window, core::EpochMs now, int limit, core::EpochMs window_ms);

// ---- reading requests ------------------------------------------------------------

using core::json_read::as_int64_strict;
using core::json_read::find;
using core::json_read::find_int64_strict;
using core::json_read::read_bool_strict;
using core::json_read::read_int64_list_strict;
using core::json_read::read_int64_strict;
using core::json_read::read_string_list_strict;
using core::json_read::read_string_strict;

// body[key] when it is an object, else {} (optional filters and "with" flags).
json object_or_empty(const json& body, const char* key);
// A uint64 member (message ids pass int64 on Ozon): an unsigned number, or
// decimal digits as protobuf's JSON allows; absent or null: true, *out = 0.
bool read_uint64(const json& body, const char* key, std::uint64_t* out);
// A member that must be one of `allowed` when present (a string); "" when absent.
bool read_enum(const json& body, const char* key, std::initializer_list<std::string_view> allowed, std::string* out);
// A time window {from|time_from, to|time_to} of date-time texts; false on junk.
struct Window {
  core::EpochMs from = 0, to = 0;  // 0 = open
  bool contains(core::EpochMs t) const { return (from == 0 || t >= from) && (to == 0 || t <= to); }
};
bool read_window(const json& body, const char* key, const char* from_key, const char* to_key, Window* out);
// A "cursor" that is a decimal row index ("" = 0); false when it is not.
bool index_cursor(const json& body, std::size_t* start);

// ---- small helpers -------------------------------------------------------------

// "1990.00" (decimals 2) or "1990.0000" (decimals 4) from kopecks.
std::string money(std::int64_t kop, int decimals = 2);
std::size_t utf8_length(std::string_view s);
std::string hex_encode(std::string_view s);
bool hex_decode(std::string_view s, std::string* out);

template <class T>
bool contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// "0193xxxx-xxxx-7xxx-8bbb-xxxxxxxxxxxx": a demo id (chats, reviews) whose
// 4th group holds the seed's block, so two demo stores never share one.
std::string demo_uuid(Rng& rng, std::uint64_t seed);

// ---- numbers: the demo's finance operations (marketplace_numbers_gen.cpp) ------------

struct FinanceService {
  std::string name;
  std::int64_t price = 0;  // kopecks, negative = charged
};
// One operation of /v3/finance/transaction/list, money in kopecks. amount =
// accruals_for_sale + sale_commission + the services' prices for every
// operation but the rFBS delivery transfer (type transferDelivery), whose
// amount is what the buyer paid for delivery and its parts are zero (Ozon's
// shape).
struct FinanceOp {
  std::int64_t id = 0;
  std::string operation_type, operation_type_name, type;
  core::EpochMs date = 0;
  std::string posting_number, delivery_schema;
  std::int64_t warehouse_id = 0;
  std::int64_t accruals_for_sale = 0, sale_commission = 0, amount = 0;
  std::vector<FinanceService> services;
  std::vector<std::int64_t> skus;
};
// Every finance operation of the store, oldest first (by date, then id):
// derived from its postings and returns each call, the same every time for
// the same postings.
std::vector<FinanceOp> finance_operations(const State& s);
// "YYYY-MM-DD HH:MM:SS" in Moscow time, as Ozon writes operation dates.
std::string moscow_datetime(core::EpochMs t);

// ---- posting rules shared by the domains ------------------------------------------

const char* posting_substatus(const std::string& status);  // marketplace_gen.cpp
bool is_shipped_status(const std::string& s);
bool is_cancelled(const std::string& s);
bool is_unfulfilled_default(const std::string& s);  // the unfulfilled list without a status filter
bool cancellable(const std::string& s);
void set_status(Posting& p, const std::string& status, core::EpochMs now);

// api_postings.cpp: the posting as /v3/posting/fbs/get (v4 = false) or the
// v4 lists (v4 = true) write it; `with` holds the requested optional parts.
json posting_json(const State& s, const Posting& p, bool v4, const json& with, core::EpochMs now);
// api_marking.cpp: ship_available | ship_not_available | validation_in_process.
std::string exemplar_status(const State& s, const Posting& p, core::EpochMs now);
// api_rfbs_returns.cpp: New, Delivering, Checkout, Arbitration, Approved or Rejected.
bool is_rfbs_group(std::string_view group_state);
// api_documents.cpp: GET /__sandbox/files/label-<task>.pdf (async label files).
constexpr std::string_view kFilePrefix = "/__sandbox/files/label-";
net::HttpResponse label_file(State& s, std::string_view path, core::EpochMs now);

}  // namespace sandbox
