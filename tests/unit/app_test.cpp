#include <doctest/doctest.h>

#include "app/app.h"
#include "app/orders_screen.h"
#include "app/plan_screen.h"
#include "app/stores_screen.h"
#include "app/portal_config.h"
#include "app/snapshot.h"
#include "app_test_support.h"
#include "ozon_test_support.h"

namespace {

// A settings store that refuses every write, like a browser in private mode
// with storage disabled.
class RefusingSettings final : public store::SettingsStore {
 public:
  std::optional<std::string> get(const std::string&) const override { return std::nullopt; }
  bool set(const std::string&, const std::string&) override { return false; }
};

struct Fixture {
  ozon_test::ManualClock clock;
  ozon_test::ManualScheduler scheduler{clock};
  app_test::SandboxRoads roads{7, clock, scheduler};
  store::MemorySettingsStore settings;
  app::AppServices services() { return {settings, clock, scheduler, roads}; }
};

app::StoreConfig proxy_store(std::string key = "secret-key") {
  return app_test::local_proxy_store("Main", "123456", std::move(key));
}

}  // namespace

TEST_CASE("the language defaults to the browser's and a choice is remembered") {
  Fixture f;
  {
    app::App first(f.services(), {"zh-CN", "en"});
    CHECK(first.state().lang == app::Lang::zh);
    app::ActionQueue actions;
    actions.push(app::SetLanguage{app::Lang::ru});
    first.apply_all(actions);
    CHECK(first.state().lang == app::Lang::ru);
    CHECK(actions.empty());
  }
  CHECK(f.settings.get(app::kLangSettingKey) == "ru");
  app::App reloaded(f.services(), {"zh-CN"});
  CHECK(reloaded.state().lang == app::Lang::ru);
  CHECK(std::string(reloaded.tr("app.title")) == "Консоль продавца Ozon");
}

TEST_CASE("the text observer sees every UI string looked up, in the language shown") {
  Fixture f;
  app::App app(f.services(), {"zh-CN"});
  std::vector<std::pair<std::string, std::string>> seen;
  app.set_text_observer([&seen](std::string_view key, const char* text) { seen.emplace_back(key, text); });
  const char* title = app.tr("app.title");
  app.tr("no.such.key");
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].first == "app.title");
  CHECK(seen[0].second == title);
  CHECK(seen[0].second == "Ozon 卖家控制台");
  CHECK(seen[1].first == "no.such.key");
  CHECK(seen[1].second == "no.such.key");  // the fallback, as drawn
  app.set_text_observer({});
  app.tr("app.title");
  CHECK(seen.size() == 2);
}

TEST_CASE("a setting that cannot be saved is reported, and the choice still applies") {
  Fixture f;
  RefusingSettings refusing;
  app::App app({refusing, f.clock, f.scheduler, f.roads}, {"en"});
  app.apply(app::SetLanguage{app::Lang::zh});
  CHECK(app.state().lang == app::Lang::zh);
  CHECK(app.state().storage_warning == "storage.unavailable");
  CHECK(app::snapshot(app)["storageWarning"] == "storage.unavailable");
}

TEST_CASE("the demo store opens by default and lists every posting across pages") {
  Fixture f;
  app::App app(f.services(), {"ru-RU"});
  app.start();
  CHECK(app.state().orders.loading);
  f.scheduler.run(60'000);
  const auto& orders = app.state().orders;
  CHECK_FALSE(orders.loading);
  CHECK(orders.error.empty());
  CHECK(orders.list.size() == f.roads.market.posting_count());
  CHECK(orders.as_of > 0);
  const auto snap = app::snapshot(app);
  CHECK(snap["view"] == "orders");
  CHECK(snap["lang"] == "ru");
  CHECK(snap["stores"]["active"]["road"] == "demo");
  CHECK(snap["orders"]["count"] == f.roads.market.posting_count());
}

TEST_CASE("test connection explains a wrong key, accepts a right one, and saving switches the store") {
  Fixture f;
  app::App app(f.services(), {"en"});
  app.start();
  f.scheduler.run(60'000);

  app.apply(app::TestConnection{proxy_store("")});
  CHECK(app.state().stores.check == app::StoresSlice::Check::failed);
  CHECK(app.state().stores.check_notice.key == "stores.error.api_key");

  app.apply(app::TestConnection{proxy_store()});
  CHECK(app.state().stores.check == app::StoresSlice::Check::running);
  f.scheduler.run(60'000);
  CHECK(app.state().stores.check == app::StoresSlice::Check::ok);
  CHECK(app.state().stores.check_warehouses == 3);

  app.apply(app::SaveStore{proxy_store()});
  f.scheduler.run(60'000);
  CHECK(app.state().stores.active.road == app::Road::local_proxy);
  CHECK(app.state().stores.saved.size() == 1);
  CHECK(app.state().orders.list.size() == f.roads.market.posting_count());
  // Saved with its key (this device only) and reopened after a reload...
  app::App reloaded(f.services(), {"en"});
  CHECK(reloaded.state().stores.active.road == app::Road::local_proxy);
  CHECK(reloaded.state().stores.active.api_key == "secret-key");
  // ...but the snapshot never shows the key.
  CHECK(app::snapshot(reloaded).dump().find("secret-key") == std::string::npos);

  app.apply(app::DeleteStore{app.state().stores.active.id});
  CHECK(app.state().stores.saved.empty());
  CHECK(app.state().stores.active.road == app::Road::demo);
}

TEST_CASE("a portal configuration opens a store that is never saved") {
  Fixture f;
  app::App app(f.services(), {"en"});
  auto config = app::parse_portal_configure(
      R"({"type":"seller-console:configure","clientId":"42","apiKey":"k","apiBaseUrl":"https://p.example/api","bridge":true,"lang":"zh"})");
  REQUIRE(config);
  app.apply(app::ConfigureFromPortal{*config});
  CHECK(app.state().embedding.configured);
  CHECK(app.state().lang == app::Lang::zh);
  CHECK(app.state().stores.active.road == app::Road::portal_bridge);
  CHECK(f.roads.roads.back() == app::Road::portal_bridge);
  f.scheduler.run(60'000);
  CHECK(app.state().orders.list.size() == f.roads.market.posting_count());
  CHECK_FALSE(f.settings.get(app::kStoresSettingKey).has_value());
}

TEST_CASE("portal messages are parsed tolerantly") {
  CHECK_FALSE(app::parse_portal_configure("not json"));
  // Not parsed at all: nested or huge is no configure message.
  const std::string head = R"({"type":"seller-console:configure","clientId":"1","x":)";
  CHECK_FALSE(app::parse_portal_configure(head + std::string(10'000, '[') + std::string(10'000, ']') + "}"));
  CHECK_FALSE(app::parse_portal_configure(head + '"' + std::string(100'000, 'a') + "\"}"));
  CHECK(app::parse_portal_configure(head + "[[1]]}"));
  CHECK_FALSE(app::parse_portal_configure(R"({"type":"seller-console:hello"})"));
  auto config = app::parse_portal_configure(R"({"type":"seller-console:configure","clientId":5,"bridge":"yes"})");
  REQUIRE(config);
  CHECK(config->client_id.empty());
  CHECK_FALSE(config->bridge);
}

TEST_CASE("store settings are validated in plain words") {
  app::StoreConfig store = proxy_store();
  CHECK(app::validate(store).empty());
  store.client_id = "12a";
  CHECK(app::validate(store) == std::vector<std::string>{"stores.error.client_id"});
  store = proxy_store();
  store.road = app::Road::proxy_url;
  store.proxy_url = "ftp://x";
  CHECK(app::validate(store) == std::vector<std::string>{"stores.error.proxy_url"});
  store.proxy_url = "https://proxy.example/ozon/ ";
  CHECK(app::api_base_url(store) == "https://proxy.example/ozon");
  CHECK(app::api_base_url(app::demo_store()).empty());
  auto json = app::to_json(proxy_store());
  auto back = app::store_from_json(json);
  CHECK_FALSE(back.has_value());  // no id yet: not a saved store
}

TEST_CASE("an error reply in broken UTF-8 becomes a notice that a strict JSON dump accepts") {
  // A proxy's page in cp1251, and a reply whose excerpt ends inside a character.
  const std::string cp1251 = "<html><body>\xCE\xF8\xE8\xE1\xEA\xE0 502</body></html>";
  const std::string cut = "reply: " + std::string(110, '.') + "Кружка";
  for (const auto& body : {cp1251, cut}) {
    const app::Notice notice = app::notice_for(ozon::parse_error_body(502, body));
    CHECK_FALSE(notice.empty());
    nlohmann::json j = {{"key", notice.key}, {"detail", notice.detail}};
    CHECK_NOTHROW((void)j.dump());  // nlohmann's default: throws on invalid UTF-8
  }
}

TEST_CASE("a proxy's web page instead of Ozon's reply is named with its status and type") {
  Fixture f;
  app::App app(f.services(), {"en"});
  net::HttpResponse page;
  page.status = 200;
  page.content_type = "text/html; charset=utf-8";
  page.body = "<html><head><title>Router login</title></head><body>Please sign in</body></html>";
  ozon::ApiError error = ozon::malformed("reply is not JSON", page.body);
  ozon::note_reply(error, page);
  app::Notice notice = app::notice_for(error);
  CHECK(notice.key == "problem.not_ozon_reply.web_page");
  CHECK(app.notice_text(notice) ==
        "The proxy answered with a web page instead of Ozon's reply (HTTP 200, text/html).");
  CHECK(notice.detail.find("Router login") != std::string::npos);  // the excerpt stays the detail

  page.status = 502;
  page.content_type = "text/plain";
  page.body = "upstream connect error";
  notice = app::notice_for(ozon::error_from_response(page));
  CHECK(notice.key == "problem.not_ozon_reply");
  CHECK(app.notice_text(notice) ==
        "The proxy answered with something that is not Ozon's reply (HTTP 502, text/plain).");

  page.content_type.clear();
  notice = app::notice_for(ozon::error_from_response(page));
  CHECK(app.notice_text(notice).find("(HTTP 502, no Content-Type)") != std::string::npos);

  // Other notices read as before.
  notice = app::notice_for(ozon::error_from_response(ozon_test::failure_reply(net::Failure::network)));
  CHECK(notice.key == "problem.proxy_unreachable");
  CHECK(app.notice_text(notice) == std::string(app.tr("problem.proxy_unreachable")));
}
