// Background refresh of 3 stores x 5,000 open postings (the demo marketplace
// as each store's server): the refresh that brings them, an incremental
// refresh with nothing new, and one with 50 new postings per store. Prints "name value"
// lines: the console's own time (the server's time subtracted), the server's
// time, and the requests made.
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <string>

#include "../tests/unit/ozon_test_support.h"
#include "app/app.h"
#include "app/orders_screen.h"
#include "app/stores_screen.h"
#include "bench_support.h"
#include "sandbox/marketplace.h"
#include "store/settings_store.h"

namespace {

constexpr int kStores = 3;
constexpr int kOpenPerStore = 5'000;

// Each store is its own marketplace, answered at once (timed apart from the app).
class TimedRoads final : public app::TransportFactory {
 public:
  TimedRoads(core::Clock& clock, core::Scheduler& scheduler) : clock_(clock), scheduler_(scheduler) {}
  std::unique_ptr<net::Transport> make(const app::StoreConfig& store) override {
    auto& market = markets[store.id];
    if (!market) {
      market = std::make_unique<sandbox::Marketplace>(
          sandbox::Marketplace::demo_seed(app::demo_store_index(store.id)), clock_.now_ms());
      market->set_arrivals(false);
    }
    return std::make_unique<Road>(*this, *market);
  }
  std::map<std::string, std::unique_ptr<sandbox::Marketplace>> markets;
  double server_ms = 0;
  int requests = 0;

 private:
  class Road final : public net::Transport {
   public:
    Road(TimedRoads& roads, sandbox::Marketplace& market) : roads_(roads), market_(market) {}
    void send(net::HttpRequest request, net::ResponseCallback done) override {
      const auto start = std::chrono::steady_clock::now();
      net::HttpResponse response = market_.handle(request.path, request.body, roads_.clock_.now_ms());
      roads_.server_ms += bench::ms_since(start);
      ++roads_.requests;
      roads_.scheduler_.after(0, [done = std::move(done), response = std::move(response)]() mutable {
        done(std::move(response));
      });
    }

   private:
    TimedRoads& roads_;
    sandbox::Marketplace& market_;
  };
  core::Clock& clock_;
  core::Scheduler& scheduler_;
};

struct Measure {
  double total_ms = 0;
  double server_ms = 0;
  int requests = 0;
};

}  // namespace

int main() {
  ozon_test::ManualClock clock;
  ozon_test::ManualScheduler scheduler{clock};
  TimedRoads roads{clock, scheduler};
  store::MemorySettingsStore settings;
  settings.set(app::kRefreshMinutesSettingKey, "3");
  app::App app({settings, clock, scheduler, roads}, {"en"});
  // Three demo stores, each grown to 5,000 open postings before the first load.
  app.start();
  for (int i = 1; i < kStores; ++i) app.apply(app::AddDemoStore{});
  scheduler.run(10'000);  // the stores' first lists and catalogues, before they grow
  for (auto& [id, market] : roads.markets) {
    int open = 0;
    for (const auto& number : market->posting_numbers()) {
      const std::string status = market->posting_status(number);
      open += status == "awaiting_packaging" || status == "awaiting_deliver";
    }
    market->add_postings(kOpenPerStore - open, clock.now_ms());
  }

  auto measure = [&](auto&& trigger) {
    const double server_before = roads.server_ms;
    const int requests_before = roads.requests;
    const auto start = std::chrono::steady_clock::now();
    trigger();
    scheduler.run(10'000);  // every answer is due at once: this runs the whole refresh
    app.prepare_frame();
    Measure m;
    m.total_ms = bench::ms_since(start);
    m.server_ms = roads.server_ms - server_before;
    m.requests = roads.requests - requests_before;
    return m;
  };
  auto print = [](const char* name, const Measure& m) {
    std::printf("%s_console_ms %.1f\n", name, m.total_ms - m.server_ms);
    std::printf("%s_server_ms %.1f\n", name, m.server_ms);
    std::printf("%s_requests %d\n", name, m.requests);
  };

  // The refresh that brings the 15,000 new postings (started within its overlap window).
  print("refresh_new_3x5000", measure([&] { app.apply(app::RefreshOrders{}); }));
  std::printf("postings_loaded %zu\n", app.state().orders.list.size());
  // Incremental refreshes a quarter of an hour apart. The first still re-reads
  // the postings of the 10 minutes before the last success (the overlap that
  // catches postings Ozon indexes late); the next is what a working store sees:
  // the open postings re-read, the new ones added.
  clock.advance(15 * 60'000);
  print("refresh_within_overlap_nothing_new", measure([&] { app.apply(app::RefreshOrders{}); }));
  clock.advance(15 * 60'000);
  for (auto& [id, market] : roads.markets) market->add_postings(50, clock.now_ms());
  print("refresh_steady_50_new_each", measure([&] { app.apply(app::RefreshOrders{}); }));
  std::printf("postings_loaded %zu\n", app.state().orders.list.size());
  std::size_t changes = app.state().orders.changes.count();
  std::printf("changes_marked %zu\n", changes);
  return 0;
}
