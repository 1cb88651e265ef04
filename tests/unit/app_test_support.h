#pragma once
// Every road of an app under test leads to one in-process demo marketplace,
// answering through the manual scheduler; the roads asked for are recorded.
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "app/app.h"
#include "app/orders_screen.h"
#include "app/plan_screen.h"
#include "app/stores_screen.h"
#include "app/session.h"
#include "ozon_test_support.h"
#include "store/memory_record_store.h"
#include "store/settings_store.h"
#include "sandbox/marketplace.h"
#include "sandbox/sandbox_transport.h"

namespace app_test {

class SandboxRoads final : public app::TransportFactory {
 public:
  SandboxRoads(std::uint64_t seed, core::Clock& clock, core::Scheduler& scheduler)
      : market(seed, clock.now_ms()), clock_(clock), scheduler_(scheduler) {}
  std::unique_ptr<net::Transport> make(const app::StoreConfig& store) override {
    roads.push_back(store.road);
    return std::make_unique<sandbox::SandboxTransport>(market, clock_, scheduler_, 10);
  }
  sandbox::Marketplace market;
  std::vector<app::Road> roads;

 private:
  core::Clock& clock_;
  core::Scheduler& scheduler_;
};

// A store on the local proxy road (serve.py --proxy).
inline app::StoreConfig local_proxy_store(std::string name, std::string client_id, std::string api_key) {
  app::StoreConfig store;
  store.name = std::move(name);
  store.road = app::Road::local_proxy;
  store.client_id = std::move(client_id);
  store.api_key = std::move(api_key);
  return store;
}

// The app on the demo store with a manual clock, loaded and settled.
struct Demo {
  ozon_test::ManualClock clock;
  ozon_test::ManualScheduler scheduler{clock};
  app_test::SandboxRoads roads{11, clock, scheduler};
  store::MemorySettingsStore settings;
  std::vector<std::string> copied;
  int sounds = 0;
  app::App app{{.settings = settings,
                .clock = clock,
                .scheduler = scheduler,
                .transports = roads,
                .copy_text = [this](const std::string& t) { copied.push_back(t); },
                .play_sound = [this] { ++sounds; }},
               {"en"}};

  Demo() {
    app.start();
    settle();
  }
  void settle() {
    scheduler.run(120'000);
    app.prepare_frame();
  }
  const app::OrdersSlice& orders() const { return app.state().orders; }
  // The first visible posting that can ship and matches `want`.
  template <typename Want>
  std::string find(Want want) {
    const auto& list = orders().list;
    for (std::size_t row = 0; row < list.visible_count(); ++row) {
      const auto& p = list.at(row);
      if (p.can("ship") && want(p)) return p.posting_number;
    }
    return {};
  }
};

// One browser profile: the marketplace and the record store outlive the
// page (the app), like IndexedDB outlives a reload.
struct Device {
  ozon_test::ManualClock clock;
  ozon_test::ManualScheduler scheduler{clock};
  app_test::SandboxRoads roads{11, clock, scheduler};
  store::MemorySettingsStore settings;
  store::MemoryRecordStore records{scheduler};
  std::unique_ptr<app::App> app;
  std::string saved_file;   // the last file the app saved (a backup)
  std::string file_to_pick;  // what the seller picks when the app asks for a file

  Device() { reload(); }
  // A new page over the same profile; `before_start` sees the app before it
  // loads anything (the browser reports offline then).
  void reload(const std::function<void(app::App&)>& before_start = {}) {
    app.reset();
    app::AppServices services{settings, clock, scheduler, roads};
    services.records = &records;
    services.save_file = [this](const std::string&, const std::string& text) { saved_file = text; };
    services.pick_file = [this](std::function<void(std::string)> done) {
      scheduler.after(0, [this, done] { done(file_to_pick); });
    };
    app = std::make_unique<app::App>(services, std::vector<std::string>{"en"});
    if (before_start) before_start(*app);
    app->start();
    settle();
  }
  void settle(std::int64_t ms = 120'000) {
    scheduler.run(ms);
    app->prepare_frame();
  }
  const app::OrdersSlice& orders() const { return app->state().orders; }
  std::string first_shippable(bool multi_item) {
    const auto& list = orders().list;
    for (std::size_t row = 0; row < list.visible_count(); ++row) {
      const auto& p = list.at(row);
      std::int64_t units = 0;
      for (const auto& product : p.products) units += product.quantity;
      if (p.can("ship") && !p.requirements->any() && (units >= 2) == multi_item) return p.posting_number;
    }
    return {};
  }
};

}  // namespace app_test
