// Connecting a store as a new seller tries it: a failed Test connection makes
// "Save and use" ask first, and serve.py started without --proxy is named as such.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "app/snapshot.h"
#include "app_test_support.h"

namespace {

// The local proxy road reaches serve.py started without --proxy (while
// `proxy_off`), or the demo marketplace through a working proxy.
class Roads final : public app::TransportFactory {
 public:
  Roads(core::Clock& clock, core::Scheduler& scheduler) : sandbox_(3, clock, scheduler), scheduler_(scheduler) {}
  std::unique_ptr<net::Transport> make(const app::StoreConfig& store) override {
    if (store.road == app::Road::local_proxy && proxy_off) return std::make_unique<ProxyOff>(scheduler_);
    return sandbox_.make(store);
  }
  bool proxy_off = true;

 private:
  class ProxyOff final : public net::Transport {
   public:
    explicit ProxyOff(core::Scheduler& scheduler) : scheduler_(scheduler) {}
    void send(net::HttpRequest, net::ResponseCallback on_done) override {
      scheduler_.after(5, [on_done = std::move(on_done)] {
        on_done(ozon_test::json_reply(
            404, R"({"error": "proxy_off", "message": "this server was started without --proxy: run python3 serve.py --proxy"})"));
      });
    }

   private:
    core::Scheduler& scheduler_;
  };
  app_test::SandboxRoads sandbox_;
  core::Scheduler& scheduler_;
};

struct Console {
  ozon_test::ManualClock clock;
  ozon_test::ManualScheduler scheduler{clock};
  Roads roads{clock, scheduler};
  store::MemorySettingsStore settings;
  app::App app{{settings, clock, scheduler, roads}, {"en"}};

  Console() {
    app.start();
    scheduler.run(60'000);
  }
  const app::StoresSlice& stores() const { return app.state().stores; }
  // Types `store` into the form and presses Test connection.
  void test(const app::StoreConfig& store) {
    app.apply(app::EditStoreDraft{store});
    app.apply(app::TestConnection{store});
    scheduler.run(60'000);
  }
};

app::StoreConfig local_store() { return app_test::local_proxy_store("Main", "123456", "secret-key"); }

}  // namespace

TEST_CASE("serve.py without --proxy: the test says to start it with --proxy; Save asks, Cancel keeps the form") {
  Console c;
  c.test(local_store());
  REQUIRE(c.stores().check == app::StoresSlice::Check::failed);
  CHECK(c.stores().check_notice.key == "problem.proxy_off");
  CHECK(std::string(c.app.notice_text(c.stores().check_notice)).find("python3 serve.py --proxy") != std::string::npos);
  CHECK(app::snapshot(c.app)["stores"]["checkProblem"] == "problem.proxy_off");

  c.app.apply(app::SaveStore{local_store()});
  CHECK(c.stores().saved.empty());
  CHECK(c.stores().save_asking);
  CHECK(app::snapshot(c.app)["stores"]["saveAsking"] == true);

  c.app.apply(app::CancelSaveStore{});
  CHECK_FALSE(c.stores().save_asking);
  CHECK(c.stores().saved.empty());
  CHECK(c.stores().draft.name == "Main");
  CHECK(c.stores().draft.client_id == "123456");
  CHECK(c.stores().check == app::StoresSlice::Check::failed);
  CHECK(c.stores().active_id == "demo");

  // Asked again, then saved on "Save anyway": the proxy may simply not be up yet.
  c.app.apply(app::SaveStore{local_store()});
  CHECK(c.stores().save_asking);
  CHECK(c.stores().saved.empty());
  c.app.apply(app::SaveStore{local_store(), true});
  CHECK_FALSE(c.stores().save_asking);
  REQUIRE(c.stores().saved.size() == 1);
  CHECK(c.stores().active.road == app::Road::local_proxy);
  CHECK(c.app.state().view == "orders");
}

TEST_CASE("changing the road, address, Client-Id or key after a failed test drops the failure; the name does not") {
  auto changes = std::vector<std::pair<const char*, void (*)(app::StoreConfig&)>>{
      {"road", [](app::StoreConfig& s) { s.road = app::Road::direct; }},
      {"proxy URL", [](app::StoreConfig& s) { s.proxy_url = "https://proxy.example/ozon"; }},
      {"Client-Id", [](app::StoreConfig& s) { s.client_id = "654321"; }},
      {"key", [](app::StoreConfig& s) { s.api_key = "another-key"; }},
  };
  for (const auto& change : changes) {
    CAPTURE(change.first);
    Console c;
    c.test(local_store());
    REQUIRE(c.stores().check == app::StoresSlice::Check::failed);
    c.app.apply(app::SaveStore{local_store()});
    REQUIRE(c.stores().save_asking);

    app::StoreConfig renamed = local_store();
    renamed.name = "Renamed";
    renamed.remember_key = !renamed.remember_key;
    c.app.apply(app::EditStoreDraft{renamed});
    CHECK(c.stores().check == app::StoresSlice::Check::failed);
    CHECK(c.stores().save_asking);

    app::StoreConfig edited = renamed;
    change.second(edited);
    c.app.apply(app::EditStoreDraft{edited});
    CHECK(c.stores().check == app::StoresSlice::Check::idle);
    CHECK(c.stores().check_notice.key.empty());
    CHECK_FALSE(c.stores().save_asking);
    // Not tested since: saved straight away, as before any test.
    c.app.apply(app::SaveStore{edited});
    CHECK(c.stores().saved.size() == 1);
  }
}

TEST_CASE("a passed test saves directly; a failure of another store does not make this one ask") {
  Console c;
  c.roads.proxy_off = false;  // the proxy is up now
  c.test(local_store());
  REQUIRE(c.stores().check == app::StoresSlice::Check::ok);
  c.app.apply(app::SaveStore{local_store()});
  CHECK_FALSE(c.stores().save_asking);
  CHECK(c.stores().saved.size() == 1);

  Console other;
  other.test(local_store());
  REQUIRE(other.stores().check == app::StoresSlice::Check::failed);
  app::StoreConfig second = local_store();
  second.client_id = "777";
  other.app.apply(app::SaveStore{second});
  CHECK_FALSE(other.stores().save_asking);
  CHECK(other.stores().saved.size() == 1);
}
