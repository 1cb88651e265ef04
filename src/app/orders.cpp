// The orders screen and the posting detail: loading the active store's
// postings and catalogue, the seller's query and selection, verification
// before shipping, boxes, and shipping itself.
#include <algorithm>
#include <cstdlib>
#include <memory>
#include <utility>

#include "app/orders_screen.h"
#include "app/drafts.h"
#include "app/stock_screen.h"
#include "ozon/parsers.h"
#include "ozon/requests.h"

namespace app {
namespace {
constexpr core::EpochMs kMinute = 60'000;
}  // namespace

OrdersScreen::OrdersScreen(App& app) : Feature(app) {
  handle<RefreshOrders, SelectTab, SetSearch, SetSort, SetFilters, ClickRow, SelectAllFiltered, ClearSelection,
         OpenPosting, ClosePosting, OpenNeighbour, EditScanText, ScanCode, AcknowledgeStop, SetStationOption, SetCheck, SetLineCount, SetBoxCount,
         SetBoxQuantity, ShipOpenPosting, BatchShipSelected, LoadMarking, EditMarking, SendMarking, OpenCancel,
         CloseCancel, SetCancelReason, EditCancelMessage, ConfirmCancel, SetCancelPartial, SetCancelQuantity,
         EditCutoff, SetCutoff, EditTracking, SetTrackingNumber, OpenTrackingPaste, EditTrackingPaste,
         SendTrackingPaste, MarkDelivery, PrintLabels, FocusSearch, FocusScan, SetAllStores, SetRefreshInterval,
         MarkChangesSeen>(this);
  // Whole minutes from the screen; a fraction ("0.1") only by hand, for tests.
  if (auto minutes = app.services().settings.get(kRefreshMinutesSettingKey)) {
    const double value = std::strtod(minutes->c_str(), nullptr);
    if (value >= 0 && value <= 24 * 60) orders_slice().refresh_interval_ms = static_cast<std::int64_t>(value * 60'000);
  }
  load_station();
}

std::string_view to_string(CheckItem item) {
  switch (item) {
    case CheckItem::items_picked: return "items_picked";
    case CheckItem::address_checked: return "address_checked";
  }
  return "items_picked";
}

// Another store opened: the same fleet keeps its lists (the list now shows
// that store), another fleet loads afresh (the seller's query stays).
void OrdersScreen::on_store_opened() { open_fleet(); }

void OrdersScreen::enqueue(PostingChange change, const std::string& number, const net::HttpRequest& request) {
  app_.enqueue_change(to_string(change), number, request, posting_draft_key(number), store_of(number));
}

std::string OrdersScreen::store_of(std::string_view posting_number) const {
  const core::Posting* posting = orders_slice().list.find(posting_number);
  return posting && !posting->store_id.empty() ? posting->store_id.str() : app_.state().stores.active_id;
}

StoreSession* OrdersScreen::session_of(std::string_view posting_number) {
  return app_.session_for(store_of(posting_number));
}

// Barcodes of every product, for scan-to-verify: product ids page by page,
// then the product info in chunks.
// SKUs are Ozon's, the same in every store: one table for the fleet.
void OrdersScreen::load_products(const std::string& store_id) {
  StoreSession* session = app_.session_for(store_id);
  if (!session) return;
  auto make_request = [](const std::string& last_id) { return ozon::build_product_list(last_id); };
  session->client().fetch_all<core::ProductListItem>(
      make_request, &ozon::parse_product_list, [this, store_id](ozon::Result<std::vector<core::ProductListItem>> items) {
        StoreSession* still_open = app_.session_for(store_id);
        if (!items || !still_open) return;  // scanning then matches offer ids and SKUs only
        constexpr std::size_t kChunk = ozon::kProductInfoMax;
        // Once every chunk answered, the barcodes are kept for offline scanning.
        auto chunks_left = std::make_shared<std::size_t>((items->size() + kChunk - 1) / kChunk);
        auto all_answered = std::make_shared<bool>(true);
        for (std::size_t i = 0; i < items->size(); i += kChunk) {
          std::vector<std::string> offer_ids;
          for (std::size_t j = i; j < std::min(items->size(), i + kChunk); ++j)
            offer_ids.push_back((*items)[j].offer_id);
          auto request = ozon::build_product_info_list(offer_ids);  // a chunk is within the limit
          if (!request) {
            *all_answered = false;
            --*chunks_left;
            continue;
          }
          still_open->client().call(std::move(request.value()), &ozon::parse_product_info_list,
                                  [this, chunks_left, all_answered](ozon::Result<std::vector<core::Product>> products) {
                                    if (products) {
                                      for (const auto& product : *products)
                                        orders_slice().barcodes[product.sku] = product.barcodes;
                                    } else {
                                      *all_answered = false;  // a partial copy would hide products offline
                                    }
                                    if (--*chunks_left == 0 && *all_answered) app_.cache_barcodes();
                                  });
        }
      });
}

void OrdersScreen::prepare_frame(bool /*on_screen*/) {
  auto& orders = orders_slice();
  orders.focus_search = std::exchange(orders.focus_search_pending, false);
  orders.focus_scan_now = std::exchange(orders.focus_scan_pending, false);
  const core::EpochMs now = app_.now();
  const core::EpochMs minute = now / kMinute;
  if (!orders.list.stale() && minute == orders.computed_minute) return;
  orders.list.recompute(now, app_.state().utc_offset_minutes);
  orders.selection.prune(orders.list);
  orders.computed_minute = minute;
}

// Deadlines count down in minutes while the list is on screen; a label
// retry counts down in seconds wherever the seller is.
RedrawNeeds OrdersScreen::redraw_needs(bool on_screen) const {
  return {.minute_ticks = on_screen, .second_ticks = app_.state().labels.retry_in_ms.has_value()};
}

void OrdersScreen::on(const RefreshOrders&) { refresh_orders(); }


// A batch still printing keeps its banner: its result is news wherever the seller is.
void OrdersScreen::labels_moved_on() {
  auto& labels = app_.mutable_state().labels;
  if (!labels.running) labels.moved_on = true;
}

void OrdersScreen::on(const SelectTab& a) {
  if (a.tab != orders_slice().list.query().tab) labels_moved_on();
  core::OrderQuery query = orders_slice().list.query();
  query.tab = a.tab;
  orders_slice().list.set_query(std::move(query));
}

void OrdersScreen::on(const SetSearch& a) {
  core::OrderQuery query = orders_slice().list.query();
  query.search = a.text;
  orders_slice().list.set_query(std::move(query));
}

void OrdersScreen::on(const SetSort& a) {
  core::OrderQuery query = orders_slice().list.query();
  query.sort_key = a.key;
  query.ascending = a.ascending;
  orders_slice().list.set_query(std::move(query));
}

void OrdersScreen::on(const SetFilters& a) {
  core::OrderQuery query = orders_slice().list.query();
  query.schema = a.filters.schema;
  query.warehouse_ids = a.filters.warehouse_ids;
  query.delivery_method_ids = a.filters.delivery_method_ids;
  query.needs_marking_or_gtd_only = a.filters.needs_marking_or_gtd_only;
  query.express_only = a.filters.express_only;
  orders_slice().list.set_query(std::move(query));
}

void OrdersScreen::on(const ClickRow& a) {
  auto& orders = orders_slice();
  if (a.row >= orders.list.visible_count()) return;
  if (a.shift)
    orders.selection.shift_click(orders.list, a.row, a.ctrl);
  else if (a.ctrl)
    orders.selection.ctrl_click(orders.list, a.row);
  else {
    orders.selection.click(orders.list, a.row);
    on(OpenPosting{orders.list.at(a.row).posting_number});
  }
}

void OrdersScreen::on(const SelectAllFiltered&) { orders_slice().selection.select_all(orders_slice().list); }

void OrdersScreen::on(const ClearSelection&) { orders_slice().selection.clear(); }

OrdersScreen::LineCodes OrdersScreen::line_codes(const core::Posting& posting) const {
  const auto& known = app_.state().orders.barcodes;
  auto codes_of = [&](std::int64_t sku) {
    auto found = known.find(sku);
    return found != known.end() ? found->second : std::vector<std::string>{};
  };
  LineCodes codes;
  for (const auto& product : posting.products) codes.barcodes.push_back(codes_of(product.sku));
  // Sets: each part counts by its own barcodes, offer ID and SKU.
  const core::BundleBook book = app_.feature<StockScreen>().bundle_book();
  codes.sets.resize(posting.products.size());
  for (std::size_t i = 0; i < posting.products.size(); ++i)
    if (const auto* parts = book.parts_of(posting.products[i].offer_id))
      for (const auto& part : *parts) {
        core::SetPart set_part{part.offer_id, {}, part.per_set};
        if (auto sku = book.sku_of.find(part.offer_id); sku != book.sku_of.end()) {
          set_part.codes = codes_of(sku->second);
          set_part.codes.push_back(std::to_string(sku->second));
        }
        codes.sets[i].push_back(std::move(set_part));
      }
  return codes;
}

PostingWork& OrdersScreen::work_for(const core::Posting& posting) {
  auto& work = orders_slice().work;
  auto it = work.find(posting.posting_number);
  if (it != work.end()) {
    refresh_sets(it->second, posting);
    return it->second;
  }
  LineCodes codes = line_codes(posting);
  PostingWork fresh(posting.posting_number,
                    core::PostingVerification(posting, std::move(codes.barcodes), std::move(codes.sets)),
                    core::single_box(posting));
  // What the seller did before a reload comes back with the posting.
  if (auto saved = saved_posting_drafts_.find(posting.posting_number); saved != saved_posting_drafts_.end()) {
    restore_posting_draft(fresh, saved->second);
    saved_posting_drafts_.erase(saved);
  }
  return work.emplace(posting.posting_number, std::move(fresh)).first->second;
}

// A set named (or changed) on the Stock screen after the posting was opened
// counts by its new parts, as long as nothing has been scanned into it yet:
// counts already made are never thrown away.
void OrdersScreen::refresh_sets(PostingWork& work, const core::Posting& posting) {
  auto& checks = work.verification;
  if (!checks.log().empty() || core::past_packaging(posting.status)) return;
  for (std::size_t line = 0; line < checks.line_count(); ++line) {
    if (checks.counted(line) != 0) return;  // counted by hand, or restored from a draft
    for (std::size_t part = 0; part < checks.part_count(line); ++part)
      if (checks.part_counted(line, part) != 0) return;
  }
  LineCodes codes = line_codes(posting);
  bool same = codes.sets.size() == checks.line_count();
  for (std::size_t line = 0; same && line < checks.line_count(); ++line) {
    same = codes.sets[line].size() == checks.part_count(line);
    for (std::size_t part = 0; same && part < codes.sets[line].size(); ++part)
      same = codes.sets[line][part].offer_id == checks.part_offer_id(line, part) &&
             codes.sets[line][part].per_set * checks.ordered(line) == checks.part_ordered(line, part);
  }
  if (same) return;
  core::PostingVerification fresh(posting, std::move(codes.barcodes), std::move(codes.sets));
  fresh.set_address_checked(checks.address_checked());
  fresh.set_marking_complete(checks.marking_complete());
  checks = std::move(fresh);
}

PostingWork* OrdersScreen::open_work() {
  auto& orders = orders_slice();
  if (orders.open.empty()) return nullptr;
  auto it = orders.work.find(orders.open);
  return it == orders.work.end() ? nullptr : &it->second;
}

void OrdersScreen::on(const OpenPosting& a) {
  const core::Posting* posting = orders_slice().list.find(a.number);
  if (!posting) return;
  PostingWork& work = work_for(*posting);
  if (a.number != orders_slice().open) labels_moved_on();
  orders_slice().open = a.number;
  orders_slice().changes.mark_seen(a.number);
  // The marking form loads with the posting, so the scanner can fill it.
  if (posting->requirements->any() && posting->status == core::PostingStatus::awaiting_packaging &&
      work.marking.state == PostingWork::Marking::State::idle)
    on(LoadMarking{});
}

void OrdersScreen::on(const ClosePosting&) { orders_slice().open.clear(); }

void OrdersScreen::on(const OpenNeighbour& a) {
  auto& orders = orders_slice();
  const auto count = static_cast<long>(orders.list.visible_count());
  if (count == 0) return;
  long row = -1;
  for (long i = 0; i < count; ++i)
    if (orders.list.at(static_cast<std::size_t>(i)).posting_number == orders.open) row = i;
  const long next = row < 0 ? 0 : std::clamp(row + a.step, 0L, count - 1);
  const auto& posting = orders.list.at(static_cast<std::size_t>(next));
  orders.selection.click(orders.list, static_cast<std::size_t>(next));
  on(OpenPosting{posting.posting_number});
}

void OrdersScreen::on(const EditScanText& a) {
  if (PostingWork* work = open_work()) work->scan_text = a.text;
}

void OrdersScreen::on(const ScanCode& a) {
  PostingWork* work = open_work();
  const core::Posting* posting = work ? orders_slice().list.find(work->number) : nullptr;
  if (!work || !posting) return;
  refresh_sets(*work, *posting);  // a set named since it opened, before its first scan
  work->scan_text.clear();
  if (work->stop.active) return;  // nothing counts until the STOP is acknowledged
  // Shipped: the only scan left is the label's; further on, none.
  if (work->ship == PostingWork::Ship::done || posting->status == core::PostingStatus::awaiting_deliver) {
    check_label(*work, *posting, a.code);
    work->last_scan.source = a.source;
    return;
  }
  if (core::past_packaging(posting->status)) return;
  scan_into(*work, a.code);
  work->last_scan.source = a.source;
  if (core::stops_packing(work->last_scan.outcome))
    return stop_packing(*work, work->last_scan.outcome, work->last_scan.code);
  if (orders_slice().station.auto_ship && work->auto_flow.step == core::AutoStep::none &&
      core::completes_packing(work->last_scan.outcome, {.all_counted = work->verification.quantities_match(),
                                                        .ready_to_ship = work->verification.ready_to_ship(),
                                                        .boxes_valid = core::validate(*posting, work->boxes).empty(),
                                                        .can_ship = posting->can("ship")}))
    start_auto_flow(*work);
}

void OrdersScreen::stop_packing(PostingWork& work, core::ScanOutcome outcome, const std::string& code) {
  work.stop = {true, outcome, code, {}};
  if (app_.services().play_sound) app_.services().play_sound();
}

void OrdersScreen::on(const AcknowledgeStop&) {
  if (PostingWork* work = open_work()) work->stop = {};
}

// Counts one scanned code into `work` (and fills a marking code into its form).
void OrdersScreen::scan_into(PostingWork& work, const std::string& code) {
  const core::Posting* posting = orders_slice().list.find(work.number);
  auto& marking = work.marking;
  const bool marking_code = posting && posting->requirements->any() && core::looks_like_marking_code(code);
  if (marking_code && !marking.form.data.products.empty()) {
    // The same marked unit scanned twice must not be counted twice.
    for (const auto& product : marking.form.data.products)
      for (const auto& e : product.exemplars)
        if (core::mark_of(e) == code) {
          work.last_scan = {core::ScanOutcome::duplicate, code, -1, true, {}};
          return;
        }
  }
  const auto result = work.verification.scan(code, app_.now());
  work.last_scan = {result.outcome, code, result.line, true, {}};
  // A scanned marking code also fills the next empty unit of its product.
  if (marking_code && !core::is_refused(result.outcome) && result.line >= 0 &&
      static_cast<std::size_t>(result.line) < posting->products.size() && !busy_marking(marking)) {
    const auto fill = core::fill_next_mark(marking.form, *posting->requirements,
                                           posting->products[static_cast<std::size_t>(result.line)].sku, code);
    if (fill == core::MarkFill::filled && marking.state == PostingWork::Marking::State::accepted) {
      marking.state = PostingWork::Marking::State::editing;
      work.verification.set_marking_complete(false);
    }
  }
}

void OrdersScreen::on(const SetCheck& a) {
  PostingWork* work = open_work();
  if (!work) return;
  switch (a.item) {
    case CheckItem::items_picked: work->verification.set_items_picked(a.value); break;
    case CheckItem::address_checked: work->verification.set_address_checked(a.value); break;
  }
  // "Marking data complete" is not the seller's to tick: only Ozon's check sets it.
}

void OrdersScreen::on(const SetLineCount& a) {
  if (PostingWork* work = open_work()) work->verification.set_count(a.line, a.count);
}

void OrdersScreen::on(const SetBoxCount& a) {
  PostingWork* work = open_work();
  const core::Posting* posting = work ? orders_slice().list.find(work->number) : nullptr;
  if (!posting) return;
  work->boxes = a.boxes <= 1 ? core::single_box(*posting) : core::split_evenly(*posting, a.boxes);
}

void OrdersScreen::on(const SetBoxQuantity& a) {
  PostingWork* work = open_work();
  if (!work || a.box >= work->boxes.boxes.size() || a.line >= work->boxes.boxes[a.box].size()) return;
  work->boxes.boxes[a.box][a.line] = std::max<std::int64_t>(0, a.quantity);
}

void OrdersScreen::on(const ShipOpenPosting&) {
  PostingWork* work = open_work();
  const core::Posting* posting = work ? orders_slice().list.find(work->number) : nullptr;
  // The UI disables Ship until both hold; an action from elsewhere gets the same answer.
  if (!posting || !work->verification.ready_to_ship() || !core::validate(*posting, work->boxes).empty()) return;
  ship(work->number, work->boxes);
}

void OrdersScreen::on(const BatchShipSelected&) {
  auto& orders = orders_slice();
  orders.batch_failed.clear();
  for (const auto& number : orders.selection.numbers(orders.list)) {
    const core::Posting* posting = orders.list.find(number);
    if (!posting || !posting->can("ship")) continue;
    orders.batch_numbers.push_back(number);
    ship(number, core::single_box(*posting));
  }
  orders.batch_pending = static_cast<int>(orders.batch_numbers.size());
}

void OrdersScreen::ship(const std::string& number, const core::BoxPlan& boxes) {
  const core::Posting* posting = orders_slice().list.find(number);
  if (!session_of(number) || !posting) return;
  PostingWork& work = work_for(*posting);
  std::vector<ozon::ShipPackage> packages;
  for (const auto& box : core::to_packages(*posting, boxes)) {
    ozon::ShipPackage package;
    for (const auto& [sku, quantity] : box) package.push_back({sku, quantity});
    packages.push_back(std::move(package));
  }
  auto request = ozon::build_ship(number, packages);
  if (!request) {
    work.ship = PostingWork::Ship::failed;
    work.ship_error = notice_for(request.error());
    return;
  }
  work.ship = PostingWork::Ship::sending;
  work.ship_error = {};
  work.shipped_as.clear();
  enqueue(PostingChange::ship, number, *request);  // the outcome arrives in on_outbox_change
}

void OrdersScreen::on(const FocusSearch&) { orders_slice().focus_search_pending = true; }

void OrdersScreen::on(const FocusScan&) { orders_slice().focus_scan_pending = !orders_slice().open.empty(); }

// Re-reads postings whose state changed (after ship, a split creates new ones).
void OrdersScreen::reload_postings(const std::vector<std::string>& numbers, const std::string& store) {
  StoreSession* session = app_.session_for(store);
  if (!session) return;
  for (const auto& number : numbers) {
    session->client().call(ozon::build_posting_get(number), &ozon::parse_posting,
                            [this, store, number](ozon::Result<core::Posting> posting) {
                              if (posting) {
                                posting->store_id = store;  // a new posting of a split is its parent's store's
                                orders_slice().list.upsert(std::move(*posting));
                                ++orders_slice().data_version;
                              }
                              advance_auto_flow(number);  // a failed read is read again, a few times
                            });
  }
}

}  // namespace app
