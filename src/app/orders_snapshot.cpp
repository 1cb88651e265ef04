// The orders screen's part of the snapshot: the visible rows (capped), the
// open posting's work, the labels job.
#include "app/orders_screen.h"

namespace app {
namespace {

// The visible rows are capped: a test or a portal needs the top of the list,
// not 100,000 rows serialised on every call.
constexpr std::size_t kSnapshotRows = 300;

std::vector<std::string> first_rows(std::vector<std::string> numbers) {
  if (numbers.size() > kSnapshotRows) numbers.resize(kSnapshotRows);
  return numbers;
}

nlohmann::json work_snapshot(const PostingWork& work, const core::Posting* posting, const OrdersSlice& orders) {
  const auto& v = work.verification;
  nlohmann::json lines = nlohmann::json::array();
  for (std::size_t i = 0; i < v.line_count(); ++i) {
    lines.push_back({{"counted", v.counted(i)}, {"ordered", v.ordered(i)}});
    // The line's catalogue barcodes: what a scanner or the camera would read.
    if (posting && i < posting->products.size()) {
      lines.back()["sku"] = posting->products[i].sku;
      if (auto found = orders.barcodes.find(posting->products[i].sku); found != orders.barcodes.end())
        lines.back()["barcodes"] = found->second;
    }
    if (v.part_count(i) == 0) continue;
    nlohmann::json parts = nlohmann::json::array();  // a set: its parts' progress
    for (std::size_t j = 0; j < v.part_count(i); ++j)
      parts.push_back({{"offerId", v.part_offer_id(i, j)}, {"counted", v.part_counted(i, j)}, {"ordered", v.part_ordered(i, j)}});
    lines.back()["parts"] = parts;
  }
  nlohmann::json boxes = nlohmann::json::array();
  for (const auto& box : work.boxes.boxes) boxes.push_back(box);
  const char* ship = "idle";
  switch (work.ship) {
    case PostingWork::Ship::idle: break;
    case PostingWork::Ship::sending: ship = "sending"; break;
    case PostingWork::Ship::done: ship = "done"; break;
    case PostingWork::Ship::failed: ship = "failed"; break;
  }
  nlohmann::json out = {
      {"number", work.number},
      {"status", posting ? std::string(core::to_string(posting->status)) : std::string()},
      {"checklist",
       {{"itemsPicked", v.items_picked()},
        {"quantitiesMatch", v.quantities_match()},
        {"addressChecked", v.address_checked()},
        {"addressRequired", v.address_required()},
        {"markingComplete", v.marking_complete()},
        {"markingRequired", v.marking_required()},
        {"missing", v.missing()},
        {"readyToShip", v.ready_to_ship()}}},
      {"lines", lines},
      {"refusedScans", v.refused_count()},
      {"boxes", boxes},
      {"boxProblems", posting ? core::validate(*posting, work.boxes).size() : 0},
      {"ship", ship},
      {"shipError", work.ship_error.key},
      {"shipErrorDetail", work.ship_error.detail},
      {"shippedAs", work.shipped_as},
      {"scanText", work.scan_text},  // typed into the scan field, not yet entered
  };
  {
    const auto& m = work.marking;
    const char* states[] = {"idle", "loading", "editing", "sending", "checking", "accepted", "refused", "failed"};
    nlohmann::json units = nlohmann::json::array();
    for (const auto& product : m.form.data.products)
      for (const auto& e : product.exemplars)
        units.push_back({{"productId", product.product_id}, {"mark", core::mark_of(e)}, {"gtd", e.gtd},
                         {"gtdAbsent", e.is_gtd_absent}});
    out["marking"] = {{"state", states[static_cast<int>(m.state)]},
                      {"units", units},
                      {"missing", posting ? core::missing_fields(m.form, *posting->requirements)
                                          : std::vector<std::string>{}},
                      {"refusals", m.refusals},
                      {"error", m.error.key},
                      {"lastScan", std::string(core::to_string(work.last_scan.outcome))}};
  }
  {
    const auto& c = work.cancel;
    nlohmann::json reasons = nlohmann::json::array();
    for (const auto& r : c.reasons) reasons.push_back({{"id", r.id}, {"title", r.title}, {"type", r.type_id}});
    const char* states[] = {"idle", "sending", "done", "failed"};
    out["cancel"] = {{"open", c.open},
                     {"loading", c.loading},
                     {"reasons", reasons},
                     {"reasonId", c.reason_id},
                     {"hasMessage", !c.message.empty()},
                     {"state", states[static_cast<int>(c.state)]},
                     {"error", c.error.key},
                     {"errorDetail", c.error.detail}};
    out["delivery"] = {{"state", states[static_cast<int>(work.delivery)]},
                       {"trackingText", work.tracking_text},
                       {"cutoffText", work.cutoff_text},
                       {"error", work.delivery_error.key},
                       {"errorDetail", work.delivery_error.detail}};
  }
  if (posting) {
    out["trackingNumber"] = posting->tracking_number;
    out["availableActions"] = posting->available_actions;
    out["barcodes"] = {{"upper", posting->barcodes->upper_barcode}, {"lower", posting->barcodes->lower_barcode}};
    nlohmann::json offer_ids = nlohmann::json::array();
    for (const auto& product : posting->products) offer_ids.push_back(product.offer_id);
    out["offerIds"] = offer_ids;
  }
  if (work.last_scan.any)
    out["lastScan"] = {{"code", work.last_scan.code},
                       {"outcome", core::to_string(work.last_scan.outcome)},
                       {"line", work.last_scan.line},
                       {"source", to_string(work.last_scan.source)}};
  out["stop"] = {{"active", work.stop.active},
                 {"outcome", work.stop.active ? core::to_string(work.stop.outcome) : std::string_view()},
                 {"code", work.stop.code},
                 {"labelOf", work.stop.label_of}};
  out["autoFlow"] = {{"step", core::to_string(work.auto_flow.step)},
                     {"labels", work.auto_flow.labels},
                     {"next", work.auto_flow.next}};
  return out;
}

// The postings of the stores the list shows (the open store, or all).
std::size_t scope_count(const AppState& state) {
  std::size_t count = 0;
  for (const auto& p : state.orders.list.postings())
    if (state.orders.all_stores || p.store_id == state.stores.active_id) ++count;
  return count;
}

nlohmann::json orders_snapshot(const AppState& state) {
  const auto& orders = state.orders;
  const auto& list = orders.list;
  nlohmann::json visible = nlohmann::json::array();
  for (std::size_t row = 0; row < list.visible_count() && row < kSnapshotRows; ++row) {
    const auto& p = list.at(row);
    visible.push_back({{"number", p.posting_number},
                       {"status", core::to_string(p.status)},
                       {"deadline", p.shipment_date},
                       {"risk", core::risk_name(list.risk_at(row))},
                       {"rfbs", p.is_rfbs()},
                       {"marking", p.requirements->any()},
                       {"actions", p.available_actions},
                       {"store", p.store_id},
                       {"change", core::change_kind_name(orders.changes.mark(p.posting_number))}});
  }
  // Per store of the fleet: its postings, its last refresh, its error.
  nlohmann::json stores = nlohmann::json::array();
  for (const auto& feed : orders.stores) {
    int count = 0, in_tab = 0;
    for (const auto& c : list.store_counts())
      if (c.store_id == feed.store_id) {
        count = c.total;
        in_tab = c.in_tab;
      }
    stores.push_back({{"id", feed.store_id},
                      {"name", feed.name},
                      {"count", count},
                      {"inTab", in_tab},
                      {"loading", feed.loading},
                      {"lastRefresh", feed.as_of},
                      {"fromCache", feed.from_cache},
                      {"refreshes", feed.refreshes},
                      {"requests", feed.requests},
                      {"error", feed.error.key},
                      {"errorDetail", feed.error.detail}});
  }

  nlohmann::json counts = nlohmann::json::object();
  for (std::size_t i = 0; i < core::kStageCount; ++i)
    counts[std::string(core::stage_name(static_cast<core::Stage>(i)))] = list.tab_counts()[i];
  const auto& query = list.query();
  nlohmann::json out = {
      {"loading", orders.loading},
      {"fromCache", orders.from_cache},
      {"count", scope_count(state)},
      {"allStores", orders.all_stores},
      {"stores", stores},
      {"refreshMinutes", static_cast<double>(orders.refresh_interval_ms) / 60'000.0},
      {"changes", {{"count", orders.changes.count()},
                   {"new", orders.changes.count(core::ChangeKind::new_posting)},
                   {"statusChanged", orders.changes.count(core::ChangeKind::status_changed)},
                   {"cancelled", orders.changes.count(core::ChangeKind::cancelled)}}},
      {"error", orders.error.key},
      {"errorDetail", orders.error.detail},
      {"asOf", orders.as_of},
      {"tab", core::stage_name(query.tab)},
      {"search", query.search},
      {"sort", {{"key", core::sort_key_name(query.sort_key)}, {"ascending", query.ascending}}},
      {"tabCounts", counts},
      {"risk", {{"overdue", list.risk_counts().overdue}, {"under2h", list.risk_counts().under_2h},
                {"today", list.risk_counts().today}}},
      {"visibleCount", list.visible_count()},
      {"visible", visible},
      {"selection", first_rows(orders.selection.numbers(list))},
      {"selectionCount", orders.selection.count()},
      {"open", orders.open},
      {"batchPending", orders.batch_pending},
      {"batchFailed", orders.batch_failed},
      {"station", {{"autoShip", orders.station.auto_ship}, {"labelCheck", orders.station.label_check}}},
      {"packingRecords", orders.packing_records.size()},
  };
  if (!orders.open.empty())
    if (auto it = orders.work.find(orders.open); it != orders.work.end()) {
      out["detail"] = work_snapshot(it->second, list.find(orders.open), orders);
      const auto record = orders.packing_records.find(orders.open);
      const bool checked = record != orders.packing_records.end() && record->second.label_checked_at > 0;
      out["detail"]["labelCheck"] = {{"checked", checked},
                                     {"at", checked ? record->second.label_checked_at : 0},
                                     {"code", checked ? record->second.label_code : std::string()}};
    }
  return out;
}

}  // namespace

void OrdersScreen::write_snapshot(nlohmann::json& out) const {
  const AppState& state = app_.state();
  out["orders"] = orders_snapshot(state);
  {
    const auto& l = state.labels;
    nlohmann::json failed = nlohmann::json::array();
    for (const auto& f : l.failed) failed.push_back({{"number", f.posting_number}, {"message", f.message}});
    out["labels"] = {{"running", l.running},
                     {"succeeded", l.progress.succeeded},
                     {"failedCount", l.progress.failed},
                     {"total", l.progress.total},
                     {"retryInMs", l.retry_in_ms ? *l.retry_in_ms : -1},
                     {"documentReady", l.document_ready},
                     {"documentName", l.document_name},
                     {"documentOpened", l.document_opened},
                     {"movedOn", l.moved_on},
                     {"autoPrint", l.auto_print},
                     {"printed", l.printed},
                     {"failed", failed},
                     {"error", l.error.key}};
  }
  out["barcodesKnown"] = state.orders.barcodes.size();
}

}  // namespace app
