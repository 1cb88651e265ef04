// Several stores at once: the demo stores as a fleet, the background
// refresh on a manual clock, "All stores" and its batches split per store,
// a store that fails beside one that works, and the alerts they raise.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/alerts_screen.h"
#include "app/snapshot.h"
#include "ozon/endpoints.h"
#include "app_test_support.h"

namespace {

constexpr std::int64_t kMinute = 60'000;

// A road per store: each demo store is its own marketplace (its own seed);
// a store can be cut off (every call fails as a dropped network).
class FleetRoads final : public app::TransportFactory {
 public:
  FleetRoads(core::Clock& clock, core::Scheduler& scheduler) : clock_(clock), scheduler_(scheduler) {}

  std::unique_ptr<net::Transport> make(const app::StoreConfig& store) override {
    auto& market = markets[store.id];
    if (!market) {
      market = std::make_unique<sandbox::Marketplace>(
          sandbox::Marketplace::demo_seed(app::demo_store_index(store.id)), clock_.now_ms());
      market->set_arrivals(false);  // the tests add postings themselves
    }
    return std::make_unique<Road>(*this, store.id, std::make_unique<sandbox::SandboxTransport>(*market, clock_, scheduler_, 10));
  }

  std::map<std::string, std::unique_ptr<sandbox::Marketplace>> markets;
  std::map<std::string, bool> down;            // store id -> every call fails
  std::map<std::string, std::vector<std::string>> calls;  // store id -> paths asked

 private:
  class Road final : public net::Transport {
   public:
    Road(FleetRoads& roads, std::string store, std::unique_ptr<net::Transport> inner)
        : roads_(roads), store_(std::move(store)), inner_(std::move(inner)) {}
    void send(net::HttpRequest request, net::ResponseCallback done) override {
      roads_.calls[store_].push_back(request.path);
      if (roads_.down[store_]) {
        roads_.scheduler_.after(5, [done] {
          net::HttpResponse failed;
          failed.failure = net::Failure::network;
          failed.failure_detail = "connection refused";
          done(failed);
        });
        return;
      }
      inner_->send(std::move(request), std::move(done));
    }

   private:
    FleetRoads& roads_;
    std::string store_;
    std::unique_ptr<net::Transport> inner_;
  };
  core::Clock& clock_;
  core::Scheduler& scheduler_;
};

struct Fleet {
  ozon_test::ManualClock clock;
  ozon_test::ManualScheduler scheduler{clock};
  FleetRoads roads{clock, scheduler};
  store::MemorySettingsStore settings;
  std::vector<int> unseen_shown;
  std::vector<std::string> notified;
  int sounds = 0;
  std::unique_ptr<app::App> app;

  explicit Fleet(int extra_demo_stores = 1) {
    app::AppServices services{settings, clock, scheduler, roads};
    services.show_unseen = [this](int unseen) { unseen_shown.push_back(unseen); };
    services.notify = [this](const std::string&, const std::string& body, std::uint64_t) { notified.push_back(body); };
    services.play_sound = [this] { ++sounds; };
    services.ask_notification_permission = [](std::function<void(std::string)> done) { done("granted"); };
    app = std::make_unique<app::App>(services, std::vector<std::string>{"en"});
    app->start();
    settle();
    for (int i = 0; i < extra_demo_stores; ++i) app->apply(app::AddDemoStore{});
    settle();
  }
  // Lets `ms` of time pass, running whatever falls due on the way.
  void pass(std::int64_t ms) {
    scheduler.run(ms);
    app->prepare_frame();
  }
  void settle() { pass(30'000); }
  const app::OrdersSlice& orders() const { return app->state().orders; }
  const app::StoreFeed& feed(const std::string& id) const {
    for (const auto& f : orders().stores)
      if (f.store_id == id) return f;
    FAIL("no feed " << id);
    return orders().stores.front();
  }
  sandbox::Marketplace& market(const std::string& id) { return *roads.markets.at(id); }
  const core::AlertBook& alerts() const { return app->feature<app::AlertsScreen>().book(); }
};

std::size_t count_of(const app::OrdersSlice& orders, const std::string& store) {
  return orders.list.store_view(store).size();
}

}  // namespace

TEST_CASE("fleet: an added demo store has its own data, and All stores lists both with a store column and counts") {
  Fleet fleet;
  REQUIRE(fleet.orders().stores.size() == 2);
  CHECK(fleet.orders().stores[0].store_id == "demo");
  CHECK(fleet.orders().stores[1].store_id == "demo-2");
  CHECK(fleet.orders().all_stores);  // adding a demo store shows the cross-store view
  const std::size_t first = count_of(fleet.orders(), "demo");
  const std::size_t second = count_of(fleet.orders(), "demo-2");
  CHECK(first > 100);
  CHECK(second > 100);
  CHECK(fleet.orders().list.size() == first + second);  // disjoint posting numbers

  // Sorted by deadline across stores, with both stores among the first rows.
  const auto& list = fleet.orders().list;
  REQUIRE(list.visible_count() > 10);
  for (std::size_t row = 1; row < list.visible_count(); ++row)
    CHECK(list.at(row - 1).shipment_date <= list.at(row).shipment_date);
  const auto snapshot = app::snapshot(*fleet.app);
  REQUIRE(snapshot["orders"]["stores"].size() == 2);
  CHECK(snapshot["orders"]["stores"][1]["id"] == "demo-2");
  CHECK(snapshot["orders"]["stores"][1]["count"].get<std::size_t>() == second);
  CHECK(snapshot["orders"]["stores"][1]["lastRefresh"].get<std::int64_t>() > 0);
  CHECK(snapshot["orders"]["count"].get<std::size_t>() == first + second);

  // One store alone: the other store's postings stay loaded, just not listed.
  fleet.app->apply(app::SetAllStores{false});
  fleet.app->prepare_frame();
  for (std::size_t row = 0; row < list.visible_count(); ++row) CHECK(list.at(row).store_id == "demo");
  CHECK(app::snapshot(*fleet.app)["orders"]["count"].get<std::size_t>() == first);
  // Switching to the other demo store reloads nothing.
  const int refreshes = fleet.feed("demo-2").refreshes;
  fleet.app->apply(app::SelectStore{"demo-2"});
  fleet.settle();
  CHECK(fleet.feed("demo-2").refreshes == refreshes);
  CHECK(fleet.orders().list.visible_count() > 0);
  for (std::size_t row = 0; row < list.visible_count(); ++row) CHECK(list.at(row).store_id == "demo-2");
}

TEST_CASE("fleet: the background refresh runs on its interval, incrementally, and marks and alerts a new posting") {
  Fleet fleet;
  const int before = fleet.feed("demo-2").refreshes;
  const std::size_t calls_before = fleet.roads.calls["demo-2"].size();
  // Nothing in between: no refresh before the interval.
  fleet.pass(60'000);
  CHECK(fleet.feed("demo-2").refreshes == before);

  const auto added = fleet.market("demo-2").add_postings(1, fleet.clock.now_ms());
  REQUIRE(added.size() == 1);
  fleet.pass(4 * kMinute);  // the interval is 3 minutes; the stores are staggered on it
  CHECK(fleet.feed("demo-2").refreshes == before + 1);
  CHECK(fleet.feed("demo").refreshes >= 1);
  // Incremental: two list queries (new since the last success + the open statuses), each a page or two.
  const auto& calls = fleet.roads.calls["demo-2"];
  const auto lists = std::count(calls.begin() + static_cast<std::ptrdiff_t>(calls_before), calls.end(),
                                std::string(ozon::endpoint::kPostingList));
  CHECK(lists >= 2);
  CHECK(lists <= 4);

  const core::Posting* posting = fleet.orders().list.find(added[0]);
  REQUIRE(posting != nullptr);
  CHECK(posting->store_id == "demo-2");
  CHECK(fleet.orders().changes.mark(added[0]) == core::ChangeKind::new_posting);
  const auto& alerts = fleet.alerts().alerts();
  const auto found = std::find_if(alerts.begin(), alerts.end(), [&](const core::Alert& a) {
    return a.posting_number == added[0] && a.kind == core::AlertKind::new_order;
  });
  REQUIRE(found != alerts.end());
  CHECK(found->store_id == "demo-2");
  CHECK(!fleet.unseen_shown.empty());
  CHECK(fleet.unseen_shown.back() == static_cast<int>(fleet.alerts().unseen_count()));
  CHECK(fleet.notified.empty());  // notifications were not allowed yet

  // Opening the alert opens the posting and clears both marks.
  fleet.app->apply(app::OpenAlert{found->id});
  fleet.app->prepare_frame();
  CHECK(fleet.orders().open == added[0]);
  CHECK(fleet.orders().changes.mark(added[0]) == core::ChangeKind::none);
  CHECK(fleet.app->state().view == "orders");
}

TEST_CASE("fleet: no refresh while offline, one as soon as the network is back; 0 minutes is manual only") {
  Fleet fleet;
  fleet.app->set_online(false);
  const int before = fleet.feed("demo").refreshes;
  fleet.pass(20 * kMinute);
  CHECK(fleet.feed("demo").refreshes == before);
  fleet.app->set_online(true);
  fleet.pass(1'000);
  CHECK(fleet.feed("demo").refreshes == before + 1);

  fleet.app->apply(app::SetRefreshInterval{0});
  CHECK(fleet.settings.get(app::kRefreshMinutesSettingKey) == "0");
  const int manual = fleet.feed("demo").refreshes;
  fleet.pass(30 * kMinute);
  CHECK(fleet.feed("demo").refreshes == manual);
  CHECK(fleet.scheduler.pending() < 5);  // no timer left for refreshes
  fleet.app->apply(app::RefreshOrders{});  // All stores: every store
  fleet.pass(5'000);
  CHECK(fleet.feed("demo").refreshes == manual + 1);
  CHECK(fleet.feed("demo-2").refreshes >= 1);
}

TEST_CASE("fleet: a batch across stores goes to each posting's own store, once") {
  Fleet fleet;
  auto& orders = fleet.app->mutable_state().orders;
  // One shippable single-unit posting of each store.
  std::map<std::string, std::string> chosen;
  for (std::size_t row = 0; row < orders.list.visible_count(); ++row) {
    const auto& p = orders.list.at(row);
    if (!p.can("ship") || p.requirements->any() || chosen.count(p.store_id)) continue;
    chosen[p.store_id] = p.posting_number;
  }
  REQUIRE(chosen.size() == 2);
  for (std::size_t row = 0; row < orders.list.visible_count(); ++row)
    if (orders.list.at(row).posting_number == chosen["demo"] || orders.list.at(row).posting_number == chosen["demo-2"])
      fleet.app->apply(app::ClickRow{row, true, false});
  REQUIRE(orders.selection.count() == 2);
  fleet.roads.calls.clear();
  fleet.app->apply(app::BatchShipSelected{});
  fleet.settle();
  for (const auto& store : {std::string("demo"), std::string("demo-2")}) {
    const auto& calls = fleet.roads.calls[store];
    CHECK(std::count(calls.begin(), calls.end(), std::string("/v4/posting/fbs/ship")) == 1);
    CHECK(fleet.market(store).posting_status(chosen[store]) == "awaiting_deliver");
  }
  CHECK(fleet.market("demo").posting_status(chosen["demo-2"]).empty());  // never asked of the wrong store
  CHECK(fleet.market("demo-2").posting_status(chosen["demo"]).empty());
  CHECK(fleet.orders().batch_failed.empty());
}

TEST_CASE("fleet: a store that fails shows its error in its own row while the other keeps working") {
  Fleet fleet;
  fleet.roads.down["demo-2"] = true;
  fleet.app->apply(app::RefreshOrders{});
  fleet.settle();
  CHECK(!fleet.feed("demo-2").error.empty());
  CHECK(fleet.feed("demo").error.empty());
  CHECK(count_of(fleet.orders(), "demo-2") > 0);  // its last list stays
  const auto snapshot = app::snapshot(*fleet.app);
  CHECK(snapshot["orders"]["stores"][1]["error"].get<std::string>().rfind("problem.", 0) == 0);
  CHECK(snapshot["orders"]["stores"][0]["error"] == "");

  const auto added = fleet.market("demo").add_postings(1, fleet.clock.now_ms());
  fleet.pass(4 * kMinute);
  CHECK(fleet.orders().list.find(added[0]) != nullptr);  // the working store was not held up
  // Back up: the failing store retries by itself (backoff) and clears its error.
  fleet.roads.down["demo-2"] = false;
  fleet.pass(4 * kMinute);
  CHECK(fleet.feed("demo-2").error.empty());
}

TEST_CASE("alerts: refreshes keep one risk timer, not one more each (an idle tab wakes once per crossing)") {
  Fleet fleet(0);
  fleet.app->apply(app::SetRefreshInterval{0});  // refreshes come only when asked for
  const auto refresh = [&fleet] {
    const int before = fleet.feed("demo").refreshes;
    fleet.app->apply(app::RefreshOrders{});
    fleet.pass(5'000);
    REQUIRE(fleet.feed("demo").refreshes == before + 1);
  };
  refresh();
  const std::size_t timers = fleet.scheduler.pending();
  REQUIRE(timers >= 1);  // the risk sweep's, at the next deadline crossing
  for (int i = 0; i < 3; ++i) refresh();
  CHECK(fleet.scheduler.pending() == timers);
}

TEST_CASE("alerts: under 2 h and overdue on a manual clock, quiet hours keep notifications and sounds away") {
  Fleet fleet(0);
  fleet.app->apply(app::AskNotificationPermission{});
  CHECK(fleet.app->feature<app::AlertsScreen>().permission() == "granted");
  // Let time run past the 30th deadline still ahead: dozens of postings go
  // under 2 h and overdue. (Running past the last one, days ahead, took a
  // minute's risk check for every minute of those days: 16 s of the unit tests.)
  std::vector<core::EpochMs> ahead;
  for (const auto& p : fleet.orders().list.postings())
    if (p.status == core::PostingStatus::awaiting_packaging && p.shipment_date > fleet.clock.now_ms())
      ahead.push_back(p.shipment_date);
  REQUIRE(ahead.size() > 30);
  std::nth_element(ahead.begin(), ahead.begin() + 29, ahead.end());
  fleet.app->apply(app::SetRefreshInterval{0});  // only the risk timer runs
  fleet.pass(ahead[29] - fleet.clock.now_ms() + kMinute);
  std::size_t overdue = 0, under = 0;
  for (const auto& alert : fleet.alerts().alerts()) {
    overdue += alert.kind == core::AlertKind::overdue;
    under += alert.kind == core::AlertKind::under_2h;
  }
  CHECK(overdue > 10);
  CHECK(under > 10);
  CHECK(fleet.notified.size() == overdue + under);
  CHECK(fleet.sounds > 0);  // overdue sounds by default

  // Quiet all day: recorded and counted, not notified.
  core::QuietHours quiet;
  quiet.enabled = true;
  quiet.start_minute = 0;
  quiet.end_minute = 1439;
  fleet.app->apply(app::SetQuietHours{quiet});
  const std::size_t notified = fleet.notified.size();
  const int sounds = fleet.sounds;
  const auto added = fleet.market("demo").add_postings(3, fleet.clock.now_ms());
  fleet.app->apply(app::RefreshOrders{});
  fleet.settle();
  CHECK(fleet.alerts().unseen_count() >= overdue + under + 3);
  CHECK(fleet.notified.size() == notified);
  CHECK(fleet.sounds == sounds);
  // The choice is remembered on the device.
  CHECK(fleet.settings.get(app::kAlertSettingsKey)->find("\"enabled\":true") != std::string::npos);
  fleet.app->apply(app::MarkAllAlertsSeen{});
  CHECK(fleet.alerts().unseen_count() == 0);
  CHECK(fleet.unseen_shown.back() == 0);
}
