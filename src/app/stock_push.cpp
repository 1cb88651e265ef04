// The seller's stock edits on their way to Ozon: edits are drafts until
// pushed; a push is planned within Ozon's limits (core/stock_push.h) and
// goes through the outbox, one /v2/products/stocks call per entry; Ozon's
// per-item answers land on the rows they belong to, a pair refused as
// "too soon" waits and goes again, and the pushed rows are read back.
#include <algorithm>
#include <set>

#include "app/stock_screen.h"
#include "core/json_read.h"
#include "ozon/parsers.h"
#include "ozon/requests.h"

namespace app {
namespace {

using Pair = std::pair<std::int64_t, std::int64_t>;  // (product_id, warehouse_id)

struct SentItem {
  std::int64_t product_id = 0;
  std::int64_t warehouse_id = 0;
  std::int64_t stock = 0;
};

// The items of an outbox entry's request body (written by build_stocks_update).
std::vector<SentItem> sent_items(const std::string& body) {
  using core::json_read::read_int64_strict;
  std::vector<SentItem> out;
  const auto json = nlohmann::json::parse(body, nullptr, false);
  const auto* stocks = json.is_object() ? core::json_read::find_array(json, "stocks") : nullptr;
  if (!stocks) return out;
  for (const auto& item : *stocks)
    if (item.is_object())
      out.push_back({read_int64_strict(item, "product_id"), read_int64_strict(item, "warehouse_id"),
                     read_int64_strict(item, "stock")});
  return out;
}

bool pending(OutboxState state) {
  return state == OutboxState::queued || state == OutboxState::sending || state == OutboxState::waiting;
}

}  // namespace

void StockScreen::on(const EditStock& a) {
  const Pair pair{a.product_id, a.warehouse_id};
  auto existing = slice_.edits.find(pair);
  if (!a.stock) {
    if (existing != slice_.edits.end() && existing->second.state != StockEditState::State::pushing)
      slice_.edits.erase(existing);
    app_.schedule_draft_save();
    return;
  }
  const std::int64_t line_index = slice_.table.find_line(a.product_id, a.warehouse_id);
  if (line_index < 0 || *a.stock < 0) return;
  const auto& line = slice_.table.lines()[static_cast<std::size_t>(line_index)];
  const auto& product = slice_.table.products()[line.product];
  // Back to what Ozon holds: nothing to push.
  if (*a.stock == line.free() && (existing == slice_.edits.end() || existing->second.state != StockEditState::State::pushing)) {
    if (existing != slice_.edits.end()) slice_.edits.erase(existing);
    app_.schedule_draft_save();
    return;
  }
  StockEditState edit;
  edit.product_id = a.product_id;
  edit.warehouse_id = a.warehouse_id;
  edit.sku = product.sku;
  edit.offer_id = product.offer_id;
  edit.stock = *a.stock;
  slice_.edits[pair] = edit;  // a new value is a draft again, even while the old one is on its way
  app_.schedule_draft_save();
}

void StockScreen::on(const DiscardStockEdits&) {
  for (auto it = slice_.edits.begin(); it != slice_.edits.end();)
    it = it->second.state == StockEditState::State::pushing ? std::next(it) : slice_.edits.erase(it);
  app_.schedule_draft_save();
}

void StockScreen::on(const PushStock&) {
  if (!app_.session()) return;
  slice_.last_push = {};
  for (auto& [pair, edit] : slice_.edits)
    if (edit.state != StockEditState::State::pushing && slice_.table.find_line(pair.first, pair.second) >= 0) {
      edit.state = StockEditState::State::pushing;
      edit.code.clear();
      edit.message.clear();
    }
  plan_push();
  app_.schedule_draft_save();
}

// Pairs already on their way in the outbox (not to be planned twice).
std::vector<Pair> StockScreen::pairs_in_outbox() const {
  std::vector<Pair> out;
  for (const auto& entry : app_.state().outbox.entries) {
    if (entry.kind != kStockChangeKind || entry.store_id != store_id_ || !pending(entry.state)) continue;
    for (const auto& item : sent_items(entry.body)) out.emplace_back(item.product_id, item.warehouse_id);
  }
  return out;
}

void StockScreen::plan_push() {
  if (!app_.session() || app_.state().stores.active_id != store_id_) return;
  const auto in_outbox = pairs_in_outbox();
  const std::set<Pair> on_the_way(in_outbox.begin(), in_outbox.end());
  std::vector<core::StockEdit> edits;
  for (const auto& [pair, edit] : slice_.edits)
    if (edit.state == StockEditState::State::pushing && !on_the_way.count(pair))
      edits.push_back({edit.offer_id, edit.product_id, edit.sku, edit.warehouse_id, edit.stock});
  if (edits.empty()) return;
  const core::EpochMs now = app_.now();
  const auto plan = core::plan_stock_push(edits, slice_.history, now);
  for (const auto& call : plan.calls) {
    std::vector<ozon::StockUpdate> updates;
    for (const auto& e : call) updates.push_back({e.offer_id, e.product_id, e.warehouse_id, e.stock});
    auto requests = ozon::build_stocks_update(updates);
    if (!requests) continue;  // every edit has a product_id: not expected
    for (const auto& request : requests.value()) app_.enqueue_change(kStockChangeKind, "", request, "");
    core::record_stock_call(slice_.history, call, now);
    ++slice_.last_push.calls;
    slice_.last_push.sent += static_cast<int>(call.size());
  }
  slice_.last_push.waiting = static_cast<int>(plan.waiting.size());
  if (plan.next_at > 0) schedule_replan(plan.next_at);
}

void StockScreen::schedule_replan(core::EpochMs at) {
  if (replan_scheduled_ && slice_.replan_at <= at) return;
  replan_scheduled_ = true;
  slice_.replan_at = at;
  // Not tied to a load: a refresh while edits wait must not strand them.
  app_.after(std::max<core::EpochMs>(0, at - app_.now()), [this, store = store_id_, at] {
    if (store != store_id_ || slice_.replan_at != at) return;
    replan_scheduled_ = false;
    slice_.replan_at = 0;
    plan_push();
  });
}

// After a reload or a store switch: edits that were on their way and are
// no longer in the outbox (planned but not yet handed to it) go again.
void StockScreen::resume_pushing() {
  if (std::any_of(slice_.edits.begin(), slice_.edits.end(),
                  [](const auto& e) { return e.second.state == StockEditState::State::pushing; }))
    plan_push();
}

// A change whose first attempt may have reached Ozon: done when every
// item's free stock is what was sent.
void StockScreen::verify_change(const OutboxEntry& entry, std::function<void(VerifyOutcome)> done) {
  const auto items = sent_items(entry.body);
  std::vector<std::int64_t> skus;
  std::map<Pair, std::int64_t> sku_of;
  for (const auto& row : slice_.rows) sku_of[{row.product_id, row.warehouse_id}] = row.sku;
  for (const auto& item : items)
    if (auto it = sku_of.find({item.product_id, item.warehouse_id}); it != sku_of.end()) skus.push_back(it->second);
  if (!app_.session() || skus.empty() || skus.size() != items.size() || skus.size() > ozon::kStocksByWarehouseBatch)
    return done(VerifyOutcome::unknown("the stock of these products cannot be read back"));
  app_.session()->client().call(
      ozon::build_stocks_by_warehouse(skus), &ozon::parse_stocks_by_warehouse,
      [items, done = std::move(done)](ozon::Result<std::vector<core::StockRow>> rows) {
        if (!rows) return done(VerifyOutcome::unknown(rows.error().summary()));
        for (const auto& item : items) {
          auto match = std::find_if(rows->begin(), rows->end(), [&](const core::StockRow& row) {
            return row.product_id == item.product_id && row.warehouse_id == item.warehouse_id;
          });
          if (match == rows->end() || match->free() != item.stock) return done(VerifyOutcome::not_done());
        }
        done(VerifyOutcome::already_done());
      });
}

void StockScreen::on_change_finished(const OutboxEntry& entry) {
  if (entry.store_id != store_id_) return;  // another store's: its screen reads it back when opened
  const auto items = sent_items(entry.body);
  std::map<Pair, core::StockItemResult> results;
  const bool answered = entry.state == OutboxState::done;
  if (answered)
    if (auto parsed = ozon::parse_stock_update_items(entry.result_body))
      for (auto& result : *parsed) results[{result.product_id, result.warehouse_id}] = std::move(result);
  const core::EpochMs now = app_.now();
  bool again = false;
  std::vector<std::int64_t> skus;
  for (const auto& item : items) {
    auto edit = slice_.edits.find({item.product_id, item.warehouse_id});
    // The seller typed another value meanwhile: that one is a new draft.
    const bool current = edit != slice_.edits.end() && edit->second.stock == item.stock &&
                         edit->second.state == StockEditState::State::pushing;
    if (edit != slice_.edits.end()) skus.push_back(edit->second.sku);
    core::StockItemResult result;
    if (!answered) {
      result.code = "REFUSED";
      result.message = entry.last_error;
    } else if (auto r = results.find({item.product_id, item.warehouse_id}); r != results.end()) {
      result = r->second;
    } else {
      result.code = "NOT_IN_REPLY";
      result.message = "Ozon's reply does not mention this item";
    }
    if (result.updated) {
      ++slice_.last_push.accepted;
      if (current) slice_.edits.erase(edit);
      continue;
    }
    const auto kind = core::classify_stock_error(result);
    if (kind == core::StockItemError::too_many_requests) {
      // Too soon for this pair: it waits a full interval and goes again.
      core::record_pair_refused_too_soon(slice_.history, item.product_id, item.warehouse_id, now);
      again = again || current;
      ++slice_.last_push.waiting;
      continue;
    }
    slice_.last_push.errors.push_back({edit != slice_.edits.end() ? edit->second.offer_id : std::string(),
                                       item.warehouse_id, result.code, result.message});
    if (current) {
      edit->second.state = StockEditState::State::refused;
      edit->second.code = result.code;
      edit->second.message = result.message;
    }
  }
  if (again) plan_push();
  std::sort(skus.begin(), skus.end());
  skus.erase(std::unique(skus.begin(), skus.end()), skus.end());
  reload_skus(skus);  // show what Ozon now holds
  app_.schedule_draft_save();
}

}  // namespace app
