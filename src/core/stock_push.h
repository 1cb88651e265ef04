#pragma once
// The stock push planner: turns the seller's stock edits into
// /v2/products/stocks calls within Ozon's limits: at most 100 items a call,
// 80 calls a minute, and one update of a product+warehouse pair every 30
// seconds. A pair updated too soon (or over this minute's call budget) waits
// for a later plan; it is never dropped.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/stock.h"

namespace core {

// One stock edit: set the free units (Ozon's `stock`, reserves excluded) of a
// product at a warehouse.
struct StockEdit {
  std::string offer_id;
  std::int64_t product_id = 0;
  std::int64_t sku = 0;
  std::int64_t warehouse_id = 0;
  std::int64_t stock = 0;
};

struct StockPushLimits {
  std::size_t items_per_call = 100;
  std::size_t calls_per_minute = 80;
  EpochMs pair_interval_ms = 30'000;
};

// What was sent lately: the planner's memory between plans.
struct StockPushHistory {
  // (product_id, warehouse_id) -> when its last update was sent.
  std::map<std::pair<std::int64_t, std::int64_t>, EpochMs> pair_sent_at;
  std::deque<EpochMs> call_times;  // when each recent call was sent, oldest first
};

struct StockPushPlan {
  std::vector<std::vector<StockEdit>> calls;  // to send now, in order; each 1..items_per_call items
  std::vector<StockEdit> waiting;             // for a later plan, in the edits' order
  EpochMs next_at = 0;                        // when a waiting edit may go (0 = none waits)
};

// Plans the edits at `now`. Duplicate pairs: the last edit wins. Pairs whose
// last update is less than pair_interval_ms old wait until then; the rest go
// in calls of up to items_per_call, in the edits' order, as many calls as the
// minute's budget allows (calls_per_minute minus those sent in the last 60 s);
// the rest wait for the oldest call to leave the window. Edits without a
// product_id or warehouse_id are dropped (the caller validates first).
StockPushPlan plan_stock_push(const std::vector<StockEdit>& edits, const StockPushHistory& history, EpochMs now,
                              const StockPushLimits& limits = {});

// Records that `call` was sent at `now` (its pairs and the call time), and
// forgets call times older than a minute.
void record_stock_call(StockPushHistory& history, const std::vector<StockEdit>& call, EpochMs now);

// A pair Ozon answered TOO_MANY_REQUESTS for: it must wait a full interval from now.
void record_pair_refused_too_soon(StockPushHistory& history, std::int64_t product_id, std::int64_t warehouse_id,
                                  EpochMs now);

}  // namespace core
