#pragma once
// The demo marketplace: a stateful, deterministic simulation of the Ozon
// Seller API. Every path of ozon/endpoints.h is answered with Ozon's JSON
// shapes; time moves only with the `now` passed to handle(). No exceptions,
// no platform headers: this compiles natively and to WebAssembly.
//
// Error bodies are Ozon's `{"code": int, "message": string, "details": []}`.
// `code` follows gRPC (3 invalid argument / 400, 5 not found / 404,
// 8 rate limited / 429, 13 internal / 500); business errors put the error
// code string first in `message` (ship errors: exactly the code string).
//
// Codes chosen where Ozon's are unknown: POSTING_LABEL_NOT_READY (400, label
// within kLabelDelayMs of shipping; message contains "not ready"),
// POSTING_NUMBERS_LIMIT_EXCEEDED (>20 labels), CANCEL_REASON_MESSAGE_REQUIRED
// (402 without text), INVALID_CANCEL_REASON_ID, NO_POSTINGS_FOR_ACT,
// ACT_NOT_READY, SET_CUTOFF_NOT_AVAILABLE, CHAT_IS_CLOSED, POSTING_NOT_FOUND /
// ACT_NOT_FOUND / CHAT_NOT_FOUND / REVIEW_NOT_FOUND / TASK_NOT_FOUND (404),
// "INVALID_ARGUMENT: ..." for bad fields, "proto: syntax error ..." for
// unparsable bodies or wrongly typed arrays.
// Acts: in_process -> ready after kActReadyMs; kActHandoverMs after ready the
// act's postings still awaiting_deliver become delivering (delivering_date
// set). Splitting on ship: N>1 packages -> N new postings "<order>-K" (K after
// the order's highest suffix) in awaiting_deliver with parent_posting_number;
// the original becomes cancelled_from_split_pending.
// Shapes chosen for methods newer than the spec: /v2/warehouse/list ->
// {warehouses, cursor, has_next}; /v2/delivery-method/list ->
// {delivery_methods, cursor, has_next}; /v1/assembly/fbs/product/list ->
// {products[{sku, offer_id, name, quantity, postings[{posting_number,
// quantity}]}], products_count, has_next}. Extension: cancel reasons carry
// affects_cancellation_rating.
// Stock: present = available (what the seller set) + reserved, reserved =
// units of awaiting_packaging / awaiting_deliver postings at the warehouse of
// their delivery method; hand-over takes units off present and reserved, a
// cancellation returns them to available. /v2/products/stocks: <= 100 items
// (else 400), 80 calls a minute (else 429, code 8), one update of a product
// and warehouse per 30 s (item TOO_MANY_REQUESTS); item codes NOT_FOUND_ERROR,
// offer_id_not_found, WAREHOUSE_NOT_FOUND, STOCK_TOO_BIG (>= 1e6),
// INVALID_STOCK_VALUE (negative; the sandbox's own). The seed makes one
// shortage (present < reserved at one FBS warehouse) for the Stock screen.
// Deadlines look like a working day at construction time, whatever its time
// of day: of the open and awaiting_deliver postings about 4% are overdue by
// 1..6 h, 6% due within 2 h, 45% within 2..10 h, the rest in 14..48 h
// (express: 0..3 h); in_process_at is before now and before shipment_date.
// Arrivals: while arrivals are on (the default), a new awaiting_packaging
// posting arrives every 4..9 min of sandbox time, the first at least
// kArrivalMinGapMs after construction; handle() creates those due by its
// `now` (at most kMaxArrivalsPerCall, the latest, per call). Its
// in_process_at is the arrival, shipment_date 6..30 h later (express 1..3 h),
// 1..3 items of products with free stock there (the units move from
// available to reserved); all deterministic given the seed and the calls.
// Buyers (marketplace_buyers_gen.cpp, api_chats / api_returns /
// api_rfbs_returns / api_reviews.cpp): chats about the store's postings
// (order_number and a sku of that posting; message ids are uint64, one
// chat's above 2^63); while arrivals are on a buyer message arrives in an
// open chat every kMessageMinGapMs..kMessageMaxGapMs. The seller may write
// from payment until 72 h after delivery, later only within 48 h of the
// buyer's last message (else 400 CHAT_SEND_NOT_ALLOWED; cancelled postings
// too). FBS returns of delivered FBS postings; rFBS return requests of
// delivered rFBS postings in every group state, answered by the rules of
// core/rfbs_return.h (a wrong state: 400 RETURN_STATE_INVALID naming it);
// reviews of the demo products with buyers' and the seller's comments.
// Premium Plus: without it (demo store 2, or set_premium_plus(false)) the
// chat and review methods answer 403, code 7. Extensions: /v2/returns/rfbs/
// list answers `returns` as a list (Ozon does; the spec says object), and
// /get also carries the list's return_id and state.group_state.
// Numbers (api_numbers.cpp, marketplace_numbers_gen.cpp): finance operations
// derived from the postings and returns (sale, commission, logistics, rFBS
// delivery transfers, returns, storage and promotion), their totals, the
// seller rating from the postings (thresholds documented there) and sales
// analytics (5 calls a minute, else 429; without Premium Plus only day/sku
// and revenue/ordered_units, else 403). About 4% of the generated hand-overs
// are late (delivering_date after shipment_date).
// Seeds: demo_seed(i) is demo store i's (i >= 1 also has its own warehouse
// and delivery-method ids; other seeds share demo store 0's); two seeds in different blocks
// (demo_seed(0..kSeedBlocks-1) all are) share no posting or order number,
// order_id, product_id, SKU or return id.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "net/transport.h"

namespace sandbox {

// Deterministic PRNG (splitmix64): identical on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  // Uniform in [0, n) (n > 0); tiny modulo bias is irrelevant here.
  std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }
  // below() as an index (size_t is 32-bit in WebAssembly).
  std::size_t index(std::size_t n) { return static_cast<std::size_t>(below(n)); }
  // Uniform in [lo, hi] inclusive.
  std::int64_t range(std::int64_t lo, std::int64_t hi);
  // True with probability p (0..1).
  bool chance(double p);

 private:
  std::uint64_t state_;
};

// Faults injected before a request reaches the marketplace logic.
class FaultKnob {
 public:
  enum class Kind { http429, http500, malformed, html };

  double error_rate = 0.0;  // 0..1: share of requests answered with a 500
  int latency_ms = 0;       // added by SandboxTransport / the loopback server

  void force_next(int count, Kind kind);
  int forced_remaining() const { return forced_count_; }

  // Calls that reached Marketplace::handle, per path (faulted ones included),
  // and calls answered 2xx.
  int calls(std::string_view path) const;
  int successes(std::string_view path) const;
  const std::map<std::string, int, std::less<>>& all_calls() const { return calls_; }
  void reset_counters();

  // Used by Marketplace::handle.
  bool take(Kind* kind, Rng& rng);
  void count(std::string_view path, int status);

 private:
  int forced_count_ = 0;
  Kind forced_kind_ = Kind::http500;
  std::map<std::string, int, std::less<>> calls_;
  std::map<std::string, int, std::less<>> successes_;
};

// Parses "YYYY-MM-DD[THH:MM:SS[.fff][Z|+hh:mm]]" (UTC); false on junk.
bool parse_iso8601(std::string_view text, core::EpochMs* out);
std::string format_iso8601(core::EpochMs ms);
// Russian -> Latin transliteration (for PDF text in the standard fonts).
std::string transliterate(std::string_view utf8);
// EAN-13 check digit of the first 12 digits.
int ean13_check_digit(std::string_view twelve_digits);

class Marketplace {
 public:
  Marketplace(std::uint64_t seed, core::EpochMs now);
  ~Marketplace();
  Marketplace(const Marketplace&) = delete;
  Marketplace& operator=(const Marketplace&) = delete;

  // Answers one Seller API call (POST path with JSON body) at time `now`.
  // Also answers GET-style file paths "/__sandbox/files/label-<task>.pdf"
  // (the `file_url` of async label tasks).
  net::HttpResponse handle(std::string_view path, std::string_view body, core::EpochMs now);

  FaultKnob& faults();
  const FaultKnob& faults() const;

  // Introspection for tests and the control endpoints.
  std::size_t posting_count() const;
  std::size_t product_count() const;
  std::vector<std::string> posting_numbers() const;
  // Status of a posting, "" if unknown.
  std::string posting_status(std::string_view posting_number) const;

  // Arrivals on (default) or off; off keeps the store static (no posting
  // arrives until they are on again, the first kArrivalMinGapMs or more
  // after the last call while off).
  void set_arrivals(bool on);
  bool arrivals() const;
  // `count` postings arriving at `now` at once (as scheduled arrivals are
  // made); their numbers. Fewer when no product has free stock left.
  std::vector<std::string> add_postings(int count, core::EpochMs now);

  // How long a shipped posting's label stays "not ready" (kLabelDelayMs, as
  // Ozon's real delay); the browser tests shorten it (demo-worker.js).
  void set_label_delay(core::EpochMs ms);

  // Premium Plus: on, except for demo store 2 (demo_seed(2)).
  void set_premium_plus(bool on);
  bool premium_plus() const;
  // A buyer message at `now` in chat `chat_id` ("" = a random open chat the
  // seller may answer in) with `text` ("" = a question of the demo's); none
  // when the chat is unknown or there is no open chat.
  struct BuyerMessage {
    std::string chat_id;
    std::uint64_t message_id = 0;
  };
  std::optional<BuyerMessage> add_buyer_message(std::string_view chat_id, std::string_view text, core::EpochMs now);
  // Forces rFBS return request `return_id` into `group_state` (New,
  // Delivering, Checkout, Arbitration, Approved, Rejected); false when either
  // is unknown.
  bool set_rfbs_return_state(std::int64_t return_id, std::string_view group_state);

  // The seed of demo store `store_index`: 0 is the browser demo's store,
  // 1, 2, ... more demo stores with their own data.
  static constexpr std::uint64_t demo_seed(int store_index) {
    return kDemoSeed0 + static_cast<std::uint64_t>(store_index);
  }
  static constexpr std::uint64_t kDemoSeed0 = 20261126;
  // A seed's block of numbers: (seed - kDemoSeed0) mod kSeedBlocks.
  static constexpr std::uint64_t kSeedBlocks = 80;

  // Timing rules (sandbox time).
  static constexpr core::EpochMs kLabelDelayMs = 45'000;        // label "not ready" after ship
  static constexpr core::EpochMs kExemplarCheckMs = 3'000;      // validation_in_process
  static constexpr core::EpochMs kActReadyMs = 5'000;           // act in_process -> ready
  static constexpr core::EpochMs kActHandoverMs = 60'000;       // ready -> postings delivering
  static constexpr core::EpochMs kArrivalMinGapMs = 4 * 60'000;  // between two arrivals
  static constexpr core::EpochMs kArrivalMaxGapMs = 9 * 60'000;
  static constexpr core::EpochMs kMessageMinGapMs = 6 * 60'000;  // between two buyer messages
  static constexpr core::EpochMs kMessageMaxGapMs = 15 * 60'000;
  static constexpr int kMaxArrivalsPerCall = 20;  // catch-up after a long pause
  static constexpr int kRateLimitPerSecond = 50;
  static constexpr int kPostingGetPerSecond = 2;

  struct State;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace sandbox
