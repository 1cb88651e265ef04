// The orders of every store of the fleet, kept fresh in the background: one
// RefreshSchedule per store (core/refresh_schedule.h), one timer for all of
// them, incremental windows (core/refresh_window.h), and what changed marked
// in the list and handed to the listeners (alerts).
#include <algorithm>
#include <memory>

#include "app/orders_screen.h"
#include "core/refresh_window.h"
#include "ozon/parsers.h"
#include "ozon/requests.h"

namespace app {
namespace {

core::RefreshScheduleConfig schedule_config(std::int64_t interval_ms, std::size_t index, std::size_t count) {
  core::RefreshScheduleConfig config;
  config.interval_ms = interval_ms;
  config.phase_ms = core::stagger_phase(index, count, interval_ms);
  return config;
}

// The seller's own changes to this store waiting to go (its refreshes yield to them).
int seller_calls_waiting(const AppState& state, const std::string& store_id) {
  int waiting = 0;
  for (const auto& entry : state.outbox.entries)
    waiting += entry.store_id == store_id && (entry.state == OutboxState::queued || entry.state == OutboxState::sending);
  return waiting;
}

// The floor of the one refresh timer: a wake time already past (a refresh
// held back for the seller's own calls) is asked again a second later, never in a loop.
constexpr std::int64_t kMinTimerMs = 1'000;

}  // namespace

StoreFeed* OrdersScreen::feed(std::string_view store_id) {
  for (auto& feed : orders_slice().stores)
    if (feed.store_id == store_id) return &feed;
  return nullptr;
}

// The fleet as it is now: the same stores keep their lists (switching
// between them reloads nothing); another set of stores starts afresh.
void OrdersScreen::open_fleet() {
  auto& orders = orders_slice();
  const std::vector<StoreConfig> fleet = app_.fleet();
  bool same = fleet.size() == orders.stores.size();
  for (std::size_t i = 0; same && i < fleet.size(); ++i) same = fleet[i].id == orders.stores[i].store_id;
  if (same) {
    for (std::size_t i = 0; i < fleet.size(); ++i) orders.stores[i].name = fleet[i].name;
  } else {
    core::OrderQuery query = orders.list.query();
    const bool all = orders.all_stores;
    const std::int64_t interval = orders.refresh_interval_ms;
    const int version = orders.data_version;
    // The packing station is this device's, whatever stores it packs for.
    core::StationSettings station = orders.station;
    auto records = std::move(orders.packing_records);
    orders = OrdersSlice{};
    orders.station = station;
    orders.packing_records = std::move(records);
    orders.list.set_query(std::move(query));
    orders.all_stores = all;
    orders.refresh_interval_ms = interval;
    orders.data_version = version + 1;
    const core::EpochMs now = app_.now();
    for (std::size_t i = 0; i < fleet.size(); ++i) {
      orders.stores.emplace_back(fleet[i].id, fleet[i].name,
                                 core::RefreshSchedule(schedule_config(interval, i, fleet.size()), now));
      orders.stores.back().schedule.request_now();  // every store shows data at once
      orders.stores.back().schedule.set_online(now, app_.state().device.online);
      load_products(fleet[i].id);
    }
  }
  apply_store_scope();
  pump_refresh();
}

// The list shows the open store, or every store of the fleet.
void OrdersScreen::apply_store_scope() {
  auto& orders = orders_slice();
  core::OrderQuery query = orders.list.query();
  query.store_ids = orders.all_stores ? std::vector<std::string>{} : std::vector<std::string>{app_.state().stores.active_id};
  orders.list.set_query(std::move(query));
  mirror_active_feed();
}

void OrdersScreen::mirror_active_feed() { mirror_feeds(orders_slice(), app_.state().stores.active_id); }

void mirror_feeds(OrdersSlice& orders, const std::string& active_id) {
  orders.loading = false;
  orders.error = {};
  orders.as_of = 0;
  orders.from_cache = false;
  for (const auto& f : orders.stores) {
    if (!orders.all_stores && f.store_id != active_id) continue;
    orders.loading = orders.loading || f.loading;
    if (orders.error.empty()) orders.error = f.error;
    // All stores: as old as the oldest list.
    if (f.as_of != 0 && (orders.as_of == 0 || f.as_of < orders.as_of)) orders.as_of = f.as_of;
    orders.from_cache = orders.from_cache || f.from_cache;
  }
}

// The seller's Refresh: the store on screen, or every store.
void OrdersScreen::refresh_orders() {
  auto& orders = orders_slice();
  for (auto& f : orders.stores)
    if (orders.all_stores || f.store_id == app_.state().stores.active_id) f.schedule.request_now();
  pump_refresh();
}

void OrdersScreen::on_online_changed(bool online) {
  for (auto& f : orders_slice().stores) f.schedule.set_online(app_.now(), online);
  pump_refresh();
}

// Starts what is due, then arms one timer at the earliest wake of all stores
// (none when nothing can become due without an event: ~0 cost when idle).
void OrdersScreen::pump_refresh() {
  auto& orders = orders_slice();
  const core::EpochMs now = app_.now();
  std::vector<std::string> due;
  for (auto& f : orders.stores)
    if (f.schedule.due(now, seller_calls_waiting(app_.state(), f.store_id))) due.push_back(f.store_id);
  for (const auto& id : due) start_refresh(id);
  if (!due.empty()) mirror_active_feed();
  std::optional<core::EpochMs> wake;
  for (const auto& f : orders.stores)
    if (auto w = f.schedule.next_wake(now); w && (!wake || *w < *wake)) wake = w;
  const int timer = ++refresh_timer_;
  if (!wake) return;
  app_.after(std::max(*wake - now, kMinTimerMs), [this, timer] {
    if (timer == refresh_timer_) pump_refresh();
  });
}

// One refresh of one store: the window since its last success plus the open
// statuses (or everything in the last 30 days), then the open postings no
// answer mentioned, re-read by number (handed over, or cancelled).
void OrdersScreen::start_refresh(const std::string& store_id) {
  StoreFeed* f = feed(store_id);
  if (!f) return;
  const core::EpochMs now = app_.now();
  f->schedule.started(now);
  StoreSession* session = app_.session_for(store_id);
  if (!session) {
    f->schedule.finished(now, false);
    return;
  }
  f->loading = true;
  f->error = {};
  // Unique across fleets: a store that left and came back ignores its old answers.
  const int generation = ++refresh_generation_;
  f->generation = generation;
  const core::RefreshWindow window = core::refresh_window(f->schedule.last_success(), now);
  struct Gather {
    int queries_left = 0;
    std::vector<core::Posting> fetched;
    std::optional<ozon::ApiError> error;
  };
  auto gather = std::make_shared<Gather>();
  std::vector<ozon::PostingListQuery> queries(1);
  queries[0].since_to = {window.since, window.to};
  if (!window.full) {
    ozon::PostingListQuery open;
    open.since_to = {window.lookback_from, window.to};
    open.statuses = core::refresh_open_status_names();
    queries.push_back(std::move(open));
  }
  gather->queries_left = static_cast<int>(queries.size());
  for (auto& query : queries) {
    auto make_request = [this, store_id, query](const std::string& cursor) {
      if (StoreFeed* counted = feed(store_id)) ++counted->requests;
      ozon::PostingListQuery page = query;
      page.cursor = cursor;
      return ozon::build_posting_list(page);
    };
    session->client().fetch_all<core::Posting>(
        make_request, &ozon::parse_posting_list,
        [this, store_id, generation, window, gather](ozon::Result<std::vector<core::Posting>> result) {
          if (result) {
            for (auto& posting : result.value()) gather->fetched.push_back(std::move(posting));
          } else if (!gather->error) {
            gather->error = result.error();
          }
          if (--gather->queries_left > 0) return;
          StoreFeed* current = feed(store_id);
          if (!current || current->generation != generation) return;
          if (gather->error) return finish_refresh(store_id, notice_for(*gather->error));
          auto merged = std::make_shared<core::RefreshMerge>(
              core::merge_refresh(orders_slice().list.store_view(store_id), std::move(gather->fetched), window));
          reread_unaccounted(store_id, generation, std::move(merged));
        });
  }
}

// The postings that left the open statuses since the last refresh, re-read
// one by one before the list is replaced (a buyer's cancellation among them
// is an alert).
void OrdersScreen::reread_unaccounted(const std::string& store_id, int generation,
                                      std::shared_ptr<core::RefreshMerge> merged) {
  StoreSession* session = app_.session_for(store_id);
  if (merged->unaccounted.empty() || !session) return apply_refresh(store_id, std::move(*merged));
  auto left = std::make_shared<std::size_t>(merged->unaccounted.size());
  for (const auto& number : merged->unaccounted) {
    if (StoreFeed* f = feed(store_id)) ++f->requests;
    session->client().call(ozon::build_posting_get(number), &ozon::parse_posting,
                           [this, store_id, generation, merged, left, number](ozon::Result<core::Posting> posting) {
                             StoreFeed* current = feed(store_id);
                             if (!current || current->generation != generation) return;
                             // Else it keeps its old data until the next refresh.
                             if (posting && posting->posting_number == number) merged->fetched.push_back(std::move(*posting));
                             if (--*left == 0) apply_refresh(store_id, std::move(*merged));
                           });
  }
}

// Applied in place: the store's list (up to 100,000 postings) is compared
// and updated through views, never copied (#17).
void OrdersScreen::apply_refresh(const std::string& store_id, core::RefreshMerge merge) {
  StoreFeed* f = feed(store_id);
  if (!f) return;
  auto& orders = orders_slice();
  const core::EpochMs now = app_.now();
  for (auto& posting : merge.fetched) posting.store_id = store_id;
  core::PostingDiff diff;
  if (f->fetched) {
    const auto previous = orders.list.store_view(store_id);
    diff = core::diff_postings(previous, core::merged_view(previous, merge));
  }
  const bool first = !f->fetched;
  orders.changes.apply(diff);
  if (merge.full) {
    orders.list.replace_store(store_id, std::move(merge.fetched));
  } else {
    for (const auto& number : merge.dropped) orders.list.remove(number);
    for (auto& posting : merge.fetched) orders.list.upsert(std::move(posting));
  }
  // Written down when something changed (and after the first load): the
  // device's copy follows the list without rewriting thousands of postings every 3 minutes.
  if (first || !diff.empty()) app_.cache_postings(store_id, orders.list.store_view(store_id));
  orders.changes.prune(orders.list.postings());
  ++orders.data_version;
  f->fetched = true;
  f->as_of = now;
  f->from_cache = false;
  finish_refresh(store_id, {});
  for (const auto& listener : listeners_) listener(OrdersRefreshed{store_id, diff, first});
  app_.apply_saved_ui();  // reopen the posting the seller had open
}

void OrdersScreen::finish_refresh(const std::string& store_id, Notice error) {
  StoreFeed* f = feed(store_id);
  if (!f) return;
  const core::EpochMs now = app_.now();
  f->loading = false;
  f->error = std::move(error);
  ++f->refreshes;
  f->schedule.finished(now, f->error.empty());
  mirror_active_feed();
  pump_refresh();
}

void OrdersScreen::on(const SetAllStores& a) {
  auto& orders = orders_slice();
  orders.all_stores = a.all;
  apply_store_scope();
}

void OrdersScreen::on(const SetRefreshInterval& a) {
  auto& orders = orders_slice();
  orders.refresh_interval_ms = std::max<std::int64_t>(0, a.minutes) * 60'000;
  const core::EpochMs now = app_.now();
  const std::size_t count = orders.stores.size();
  for (std::size_t i = 0; i < count; ++i) {
    const auto config = schedule_config(orders.refresh_interval_ms, i, count);
    orders.stores[i].schedule.set_interval(now, config.interval_ms, config.phase_ms);
  }
  app_.save_setting(kRefreshMinutesSettingKey, std::to_string(std::max<std::int64_t>(0, a.minutes)));
  pump_refresh();
}

void OrdersScreen::on(const MarkChangesSeen&) { orders_slice().changes.mark_all_seen(); }

// The postings the seller has work on: the open one and every one with a
// verification, boxes or a draft started (a buyer's cancellation of one of
// them is an alert).
std::vector<std::string> OrdersScreen::working_postings() const {
  std::vector<std::string> numbers;
  for (const auto& [number, work] : orders_slice().work) numbers.push_back(number);
  for (const auto& [number, draft] : saved_posting_drafts_) numbers.push_back(number);
  return numbers;
}

}  // namespace app
