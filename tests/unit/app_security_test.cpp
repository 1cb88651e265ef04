// The seller's key and the buyers' data stay where they belong (issue #11):
// no key in drafts or key-less backups, a backup cannot redirect a key, no
// key over clear text, a key the device does not keep, portal accounts kept
// apart, buyers' details expire and leave with their store.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "app/backup.h"
#include "app/backup_import.h"
#include "app/drafts.h"
#include "app/portal_config.h"
#include "app_test_support.h"
#include "core/buyer_data.h"
#include "ozon/endpoints.h"
#include "store/schema.h"

namespace {

using app_test::Device;

constexpr const char* kTypedKey = "typed-but-never-saved-1f2e3d";
constexpr const char* kSavedKey = "saved-key-9a8b7c";

app::StoreConfig proxy_store(std::string id = "store-1") {
  app::StoreConfig store;
  store.id = std::move(id);
  store.name = "Main";
  store.road = app::Road::proxy_url;
  store.proxy_url = "https://proxy.example/ozon";
  store.client_id = "123456";
  store.api_key = kSavedKey;
  return store;
}

std::string backup_with(const std::vector<app::StoreConfig>& stores, bool keys = false) {
  app::BackupContents contents;
  contents.stores = stores;
  return app::make_backup(contents, keys, 1'000);
}

int total_calls(Device& device) {
  int total = 0;
  for (const auto& [path, count] : device.roads.market.faults().all_calls()) total += count;
  return total;
}

void import_file(Device& device, const std::string& text) {
  device.file_to_pick = text;
  device.app->apply(app::ImportBackup{});
  device.settle(1'000);
}

app::PortalConfig portal_config(const std::string& client_id, const std::string& base = "https://portal.example/api") {
  auto config = app::parse_portal_configure(
      nlohmann::json{{"type", "seller-console:configure"}, {"clientId", client_id}, {"apiKey", "k-" + client_id},
                     {"apiBaseUrl", base}}
          .dump());
  REQUIRE(config);
  return *config;
}

}  // namespace

TEST_CASE("a key typed into the store form is never written into a draft, nor into a backup without keys") {
  Device device;
  app::StoreConfig form = device.app->state().stores.draft;
  form.name = "New store";
  form.client_id = "777";
  form.api_key = kTypedKey;
  device.app->apply(app::EditStoreDraft{form});
  device.settle(1'000);
  const auto ui = device.records.get(store::collection::drafts, app::kUiDraftKey);
  REQUIRE(ui.has_value());
  CHECK(ui->find(kTypedKey) == std::string::npos);
  CHECK(ui->find("keyTyped") != std::string::npos);

  device.app->apply(app::ExportBackup{});
  REQUIRE_FALSE(device.saved_file.empty());
  CHECK(device.saved_file.find(kTypedKey) == std::string::npos);

  // After a reload the form is back without the key, and says so.
  device.reload();
  const auto& stores = device.app->state().stores;
  CHECK(stores.draft.name == "New store");
  CHECK(stores.draft.api_key.empty());
  CHECK(stores.form_key_lost);
}

TEST_CASE("a draft written by an older build with a key in it is not exported without keys") {
  Device device;
  device.records.put(std::string(store::collection::drafts), app::kUiDraftKey,
                     std::string(R"json({"v":1,"view":"orders","store_form":{"id":"(unsaved)","name":"Old","road":"local_proxy","clientId":"1","apiKey":")json") +
                         kTypedKey + R"("}})",
                     {});
  device.reload();
  CHECK(device.app->state().stores.draft.api_key.empty());  // not taken back either
  device.app->apply(app::ExportBackup{});
  CHECK(device.saved_file.find(kTypedKey) == std::string::npos);
}

TEST_CASE("a backup cannot move a saved key to another road: the plan shows it, nothing changes before Apply") {
  Device device;
  device.app->apply(app::SaveStore{proxy_store()});
  device.settle(1'000);
  REQUIRE(device.app->state().stores.saved.size() == 1);

  app::StoreConfig hostile = proxy_store();
  hostile.api_key.clear();
  hostile.proxy_url = "https://attacker.example/collect";
  app::StoreConfig portal = proxy_store("portal-like");
  portal.road = app::Road::portal_fetch;
  app::StoreConfig clear_text = proxy_store("store-2");
  clear_text.proxy_url = "http://203.0.113.5/ozon";
  app::StoreConfig fine = proxy_store("store-3");
  fine.name = "Third";
  import_file(device, backup_with({hostile, portal, clear_text, fine}));

  const auto& plan = device.app->state().device.import_plan;
  REQUIRE(plan.has_value());
  REQUIRE(plan->stores.size() == 4);
  CHECK(plan->stores[0].kind == app::StoreImport::Kind::replace);
  CHECK(plan->stores[0].key_dropped);
  CHECK(plan->stores[0].store.api_key.empty());
  CHECK(plan->stores[1].kind == app::StoreImport::Kind::refused);
  CHECK(plan->stores[1].problem == "backup.store_portal");
  CHECK(plan->stores[2].kind == app::StoreImport::Kind::refused);
  CHECK(plan->stores[2].problem == "stores.error.clear_text");
  CHECK(plan->stores[3].kind == app::StoreImport::Kind::add);
  // Nothing applied yet.
  CHECK(device.app->state().stores.saved.front().proxy_url == "https://proxy.example/ozon");
  CHECK(device.app->state().stores.saved.front().api_key == kSavedKey);

  device.app->apply(app::ApplyImport{true});
  device.settle(1'000);
  const auto& saved = device.app->state().stores.saved;
  REQUIRE(saved.size() == 2);
  CHECK(saved[0].proxy_url == "https://attacker.example/collect");
  CHECK(saved[0].api_key.empty());  // the key did not follow
  CHECK(saved[1].id == "store-3");
  CHECK(device.settings.get(app::kStoresSettingKey)->find(kSavedKey) == std::string::npos);
  // The store was open: it now asks for its key and calls nothing.
  CHECK(device.app->state().stores.key_needed);
  CHECK(device.app->session() == nullptr);
}

TEST_CASE("a backup that keeps the road keeps the key on this device; Cancel changes nothing") {
  Device device;
  device.app->apply(app::SaveStore{proxy_store()});
  app::StoreConfig renamed = proxy_store();
  renamed.api_key.clear();
  renamed.name = "Renamed";
  import_file(device, backup_with({renamed}));
  REQUIRE(device.app->state().device.import_plan.has_value());
  device.app->apply(app::ApplyImport{false});
  CHECK(device.app->state().stores.saved.front().name == "Main");

  import_file(device, backup_with({renamed}));
  device.app->apply(app::ApplyImport{true});
  CHECK(device.app->state().stores.saved.front().name == "Renamed");
  CHECK(device.app->state().stores.saved.front().api_key == kSavedKey);
}

TEST_CASE("an http:// address carries a key only to this computer") {
  CHECK(app::is_safe_api_url("https://proxy.example/ozon"));
  CHECK(app::is_safe_api_url("HTTPS://proxy.example"));
  CHECK(app::is_safe_api_url("http://127.0.0.1:8080/ozon"));
  CHECK(app::is_safe_api_url("http://127.1.2.3/"));
  CHECK(app::is_safe_api_url("http://localhost:9000"));
  CHECK(app::is_safe_api_url("http://[::1]:9000/x"));
  CHECK_FALSE(app::is_safe_api_url("http://proxy.example/ozon"));
  CHECK_FALSE(app::is_safe_api_url("http://127.0.0.1.attacker.example/"));
  CHECK_FALSE(app::is_safe_api_url("http://127.0.0.1@attacker.example/"));
  CHECK_FALSE(app::is_safe_api_url("http://localhost.attacker.example/"));
  CHECK_FALSE(app::is_safe_api_url("http://128.0.0.1/"));
  CHECK_FALSE(app::is_safe_api_url("https:///nohost"));
  CHECK_FALSE(app::is_safe_api_url("/relative"));
  CHECK_FALSE(app::is_safe_api_url("https://a.example/\n"));

  app::StoreConfig store = proxy_store();
  store.proxy_url = "http://proxy.example/ozon";
  CHECK(app::validate(store) == std::vector<std::string>{"stores.error.clear_text"});
  store.proxy_url = "http://127.0.0.1:9000";
  CHECK(app::validate(store).empty());

  // A portal asking for a clear-text road is refused, with the reason on screen.
  Device device;
  device.app->apply(app::ConfigureFromPortal{portal_config("42", "http://portal.example/api")});
  CHECK_FALSE(device.app->state().embedding.configured);
  CHECK(device.app->state().embedding.refused == "embed.clear_text");
  CHECK_FALSE(device.app->state().stores.active.is_portal());
}

TEST_CASE("a key the device does not remember lives in memory only, and is asked for after a reload") {
  Device device;
  app::StoreConfig store = proxy_store();
  store.remember_key = false;
  device.app->apply(app::SaveStore{store});
  device.settle(1'000);
  CHECK(device.app->session() != nullptr);
  CHECK_FALSE(device.app->state().stores.key_needed);
  const std::string settings = *device.settings.get(app::kStoresSettingKey);
  CHECK(settings.find(kSavedKey) == std::string::npos);
  CHECK(settings.find("\"rememberKey\":false") != std::string::npos);
  device.app->apply(app::ExportBackup{});  // even a backup with keys has none to carry
  device.app->apply(app::SetBackupIncludeKeys{true});
  device.app->apply(app::ExportBackup{});
  CHECK(device.saved_file.find(kSavedKey) == std::string::npos);

  device.settle();  // what the page asked for before the reload has landed
  const int calls_before = total_calls(device);
  device.reload();
  const auto& stores = device.app->state().stores;
  CHECK(stores.active_id == "store-1");
  CHECK(stores.key_needed);
  CHECK(device.app->session() == nullptr);
  CHECK(device.app->state().view == "stores");
  CHECK(stores.draft.id == "store-1");  // the form is that store's, waiting for the key
  CHECK(total_calls(device) == calls_before);

  store.api_key = "typed-again";
  device.app->apply(app::SaveStore{store});
  device.settle();
  CHECK_FALSE(device.app->state().stores.key_needed);
  CHECK(device.app->session() != nullptr);
  CHECK(total_calls(device) > calls_before);
  CHECK(device.settings.get(app::kStoresSettingKey)->find("typed-again") == std::string::npos);
}

TEST_CASE("portal accounts are kept apart: account A's queued change never goes out under account B") {
  Device device;
  device.app->mutable_state().embedding.origin = "https://portal.example";
  device.app->apply(app::ConfigureFromPortal{portal_config("111")});
  device.settle();
  const std::string store_a = device.app->state().stores.active_id;
  CHECK(store_a == app::portal_store_id("https://portal.example", "111"));
  const auto& list = device.orders().list;
  std::string number;
  for (std::size_t row = 0; row < list.visible_count() && number.empty(); ++row)
    if (list.at(row).can("ship") && !list.at(row).requirements->any()) number = list.at(row).posting_number;
  REQUIRE_FALSE(number.empty());

  // Offline under A: the ship is queued.
  device.app->set_online(false);
  device.app->apply(app::OpenPosting{number});
  const auto* posting = device.orders().list.find(number);
  device.app->apply(app::SetCheck{app::CheckItem::items_picked, true});
  for (std::size_t line = 0; line < posting->products.size(); ++line)
    device.app->apply(app::SetLineCount{line, posting->products[line].quantity});
  if (device.orders().work.at(number).verification.address_required())
    device.app->apply(app::SetCheck{app::CheckItem::address_checked, true});
  device.app->apply(app::ShipOpenPosting{});
  device.settle(10'000);
  REQUIRE(device.app->state().outbox.pending == 1);
  const int ships_before = device.roads.market.faults().calls(ozon::endpoint::kPostingShip);

  // The next page in the portal is account B: online, nothing of A goes out.
  device.reload([](app::App& app) { app.mutable_state().embedding.origin = "https://portal.example"; });
  device.app->apply(app::ConfigureFromPortal{portal_config("222")});
  device.app->set_online(true);
  device.settle();
  CHECK(device.app->state().stores.active_id == app::portal_store_id("https://portal.example", "222"));
  CHECK(device.roads.market.faults().calls(ozon::endpoint::kPostingShip) == ships_before);
  CHECK(device.app->state().outbox.pending == 1);
  for (const auto& entry : device.app->state().outbox.entries) CHECK(entry.store_id == store_a);
  // Another portal with the same Client-Id is another store too.
  CHECK(app::portal_store_id("https://other.example", "111") != store_a);
}

TEST_CASE("buyers' details of finished postings expire from the offline copy") {
  core::Posting delivered;
  delivered.status = core::PostingStatus::delivered;
  delivered.shipment_date = 1'000;
  delivered.customer.edit().name = "Ivan Petrov";
  delivered.customer.edit().phone = "+79990000000";
  delivered.customer.edit().address.address_tail = "Lenina 1";
  core::Posting open = delivered;
  open.status = core::PostingStatus::awaiting_deliver;
  const core::EpochMs day = 24LL * 3600 * 1000;
  std::vector<core::Posting> postings = {delivered, open};
  CHECK(core::drop_expired_buyer_details(postings, 1'000 + 29 * day, 30) == 0);
  CHECK(core::drop_expired_buyer_details(postings, 1'000 + 31 * day, 30) == 1);
  CHECK(postings[0].customer.edit().name.empty());
  CHECK(postings[0].customer.edit().address.address_tail.empty());
  CHECK(postings[1].customer.edit().name == "Ivan Petrov");  // not finished: still needed
}

TEST_CASE("a deleted store's offline copies go with it; a list older than the retention is dropped") {
  Device device;
  app::StoreConfig store = proxy_store();
  device.app->apply(app::SaveStore{store});
  device.settle();
  const auto copies_of = [&](const std::string& id) {
    std::size_t n = 0;
    for (const auto& collection : {store::collection::postings, store::collection::catalog, store::collection::meta})
      for (const auto& key : device.records.keys(collection))
        if (key.find(id) != std::string::npos) ++n;
    return n;
  };
  REQUIRE(copies_of("store-1") > 0);
  device.app->apply(app::DeleteStore{"store-1"});
  device.settle(1'000);
  CHECK(copies_of("store-1") == 0);

  // The demo store's list, not refreshed for 31 days, is dropped at the next start.
  REQUIRE(copies_of("postings_as_of:demo") + copies_of("list:demo") > 0);
  device.roads.market.faults().force_next(1'000, sandbox::FaultKnob::Kind::http500);
  device.clock.advance(31LL * 24 * 3600 * 1000);
  device.reload([](app::App& app) { app.set_online(false); });
  CHECK_FALSE(device.orders().from_cache);
  CHECK(copies_of("list:demo@") == 0);
}

TEST_CASE("a backup never carries buyers' names, phones or addresses") {
  Device device;
  std::string name, phone;
  for (const auto& posting : device.orders().list.postings())
    if (!posting.customer->name.empty() && !posting.customer->phone.empty()) {
      name = posting.customer->name;
      phone = posting.customer->phone;
      // A draft of that very posting goes into the file, its buyer does not.
      device.app->apply(app::OpenPosting{posting.posting_number});
      device.app->apply(app::SetCheck{app::CheckItem::items_picked, true});
      break;
    }
  REQUIRE_FALSE(name.empty());
  device.settle(1'000);
  device.app->apply(app::SetBackupIncludeKeys{true});
  device.app->apply(app::ExportBackup{});
  REQUIRE(device.saved_file.find("items_picked") != std::string::npos);
  CHECK(device.saved_file.find(name) == std::string::npos);
  CHECK(device.saved_file.find(phone) == std::string::npos);
}
