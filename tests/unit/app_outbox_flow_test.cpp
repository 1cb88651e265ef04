// Changes sent to Ozon go through the outbox: offline they queue, online
// they go once each, and a reload in the middle never sends one twice.
#include <doctest/doctest.h>

#include "app/drafts.h"
#include "app/portal_config.h"
#include "app_test_support.h"
#include "ozon/endpoints.h"
#include "ozon/posting_json.h"
#include "store/schema.h"

namespace {

using app_test::Device;

std::vector<std::string> single_box_postings(const app::App& app, std::size_t count) {
  std::vector<std::string> out;
  const auto& list = app.state().orders.list;
  for (std::size_t row = 0; row < list.visible_count() && out.size() < count; ++row) {
    const auto& p = list.at(row);
    if (p.can("ship") && !p.requirements->any()) out.push_back(p.posting_number);
  }
  return out;
}
std::vector<std::string> single_box_postings(Device& device, std::size_t count) {
  return single_box_postings(*device.app, count);
}

// Verifies the open posting (picked, every unit counted, address) and ships it.
void verify_and_ship(app::App& app, const std::string& number) {
  app.apply(app::OpenPosting{number});
  const auto& orders = app.state().orders;
  const auto* posting = orders.list.find(number);
  app.apply(app::SetCheck{app::CheckItem::items_picked, true});
  for (std::size_t line = 0; line < posting->products.size(); ++line)
    app.apply(app::SetLineCount{line, posting->products[line].quantity});
  if (orders.work.at(number).verification.address_required()) app.apply(app::SetCheck{app::CheckItem::address_checked, true});
  app.apply(app::ShipOpenPosting{});
}
void verify_and_ship(Device& device, const std::string& number) { verify_and_ship(*device.app, number); }

int ship_calls(Device& device) { return device.roads.market.faults().calls(ozon::endpoint::kPostingShip); }

app::StoreConfig second_store() { return app_test::local_proxy_store("Second", "222222", "second-key"); }

const app::OutboxEntry* entry_in(Device& device, std::int64_t id) {
  for (const auto& entry : device.app->state().outbox.entries)
    if (entry.id == id) return &entry;
  return nullptr;
}

}  // namespace

TEST_CASE("offline, shipped postings queue; online, each is shipped once, in order") {
  Device device;
  const auto numbers = single_box_postings(device, 3);
  REQUIRE(numbers.size() == 3);
  device.app->set_online(false);
  for (const auto& number : numbers) verify_and_ship(device, number);
  device.settle(60'000);
  CHECK(ship_calls(device) == 0);
  CHECK(device.app->state().outbox.pending == 3);
  CHECK(device.records.count(store::collection::outbox) >= 3);

  // A reload while offline: the queue comes back from the store.
  device.reload([](app::App& app) { app.set_online(false); });
  CHECK(device.app->state().outbox.pending == 3);
  CHECK(ship_calls(device) == 0);

  device.app->set_online(true);
  device.settle();
  CHECK(ship_calls(device) == 3);
  CHECK(device.app->state().outbox.pending == 0);
  for (const auto& number : numbers)
    CHECK(device.orders().list.find(number)->status == core::PostingStatus::awaiting_deliver);
}

TEST_CASE("a refused change lands in Needs attention with its draft, and can be sent again") {
  Device device;
  const auto numbers = single_box_postings(device, 1);
  REQUIRE(numbers.size() == 1);
  const std::string number = numbers[0];
  // Ozon refuses: the posting was cancelled behind the seller's back.
  const auto cancelled = device.roads.market.handle(
      ozon::endpoint::kPostingCancel, R"({"posting_number":")" + number + R"(","cancel_reason_id":352})",
      device.clock.now_ms());
  REQUIRE(cancelled.status == 200);
  verify_and_ship(device, number);
  device.settle();
  const auto& outbox = device.app->state().outbox;
  CHECK(outbox.failed == 1);
  REQUIRE_FALSE(outbox.entries.empty());
  CHECK(outbox.entries.back().state == app::OutboxState::failed);
  CHECK(outbox.entries.back().last_error.find("CANCELLED") != std::string::npos);
  CHECK(device.orders().work.at(number).ship == app::PostingWork::Ship::failed);
  // The draft (the checklist) is still there.
  device.scheduler.run(1'000);
  CHECK(device.records.get(store::collection::drafts, app::posting_draft_key(number)).has_value());
  device.app->apply(app::DiscardOutboxEntry{outbox.entries.back().id});
  device.settle(1'000);
  CHECK(device.app->state().outbox.failed == 0);
}

TEST_CASE("the orders list is kept on the device and shown, with its time, before the network answers") {
  Device device;
  const auto count = device.orders().list.size();
  REQUIRE(count > 0);
  const core::EpochMs loaded_at = device.orders().as_of;
  device.settle(1'000);
  device.clock.advance(3'600'000);
  // The next page opens offline: the store cannot be reached, the copy is shown.
  device.roads.market.faults().force_next(1'000, sandbox::FaultKnob::Kind::http500);
  device.reload([](app::App& app) { app.set_online(false); });
  CHECK(device.orders().from_cache);
  CHECK(device.orders().list.size() == count);
  CHECK(device.orders().as_of == loaded_at);
}

TEST_CASE("warehouses, delivery methods and barcodes are kept on the device: the plan and scanning work offline") {
  Device device;
  const auto& plan = device.app->state().plan;
  REQUIRE_FALSE(plan.methods.empty());
  REQUIRE_FALSE(device.orders().barcodes.empty());
  CHECK_FALSE(plan.catalog_from_cache);
  const core::EpochMs loaded_at = plan.catalog_as_of;
  CHECK(loaded_at > 0);
  const auto methods = plan.methods;
  const auto warehouses = plan.warehouses.size();
  const auto barcodes = device.orders().barcodes;
  device.settle(1'000);
  device.clock.advance(3'600'000);

  // The next page opens with no network at all.
  device.roads.market.faults().force_next(1'000, sandbox::FaultKnob::Kind::http500);
  device.reload([](app::App& app) { app.set_online(false); });
  const auto& cached = device.app->state().plan;
  CHECK(cached.catalog_from_cache);
  CHECK(cached.catalog_as_of == loaded_at);
  CHECK(cached.warehouses.size() == warehouses);
  REQUIRE(cached.methods.size() == methods.size());
  for (std::size_t i = 0; i < methods.size(); ++i) {
    CHECK(cached.methods[i].id == methods[i].id);
    CHECK(cached.methods[i].cutoff_minutes == methods[i].cutoff_minutes);
  }
  CHECK(device.orders().barcodes == barcodes);

  // Today's plan has its cutoffs...
  device.app->apply(app::ShowView{"plan"});
  device.app->prepare_frame();
  bool any_cutoff = false;
  for (const auto& group : device.app->state().plan.groups) any_cutoff = any_cutoff || group.has_cutoff;
  CHECK(any_cutoff);
  // ...and a product's barcode counts its unit.
  const std::string number = device.first_shippable(false);
  REQUIRE_FALSE(number.empty());
  device.app->apply(app::OpenPosting{number});
  const auto* posting = device.orders().list.find(number);
  const auto it = barcodes.find(posting->products.front().sku);
  REQUIRE(it != barcodes.end());
  REQUIRE_FALSE(it->second.empty());
  device.app->apply(app::ScanCode{it->second.front()});
  CHECK(device.orders().work.at(number).verification.counted(0) == 1);
}

TEST_CASE("switching stores while a change is on its way: the outbox goes on, and the change is not sent twice") {
  Device device;
  const auto numbers = single_box_postings(device, 2);
  REQUIRE(numbers.size() == 2);
  verify_and_ship(device, numbers[0]);
  device.scheduler.run(0);  // "sending" is stored and the request leaves; its answer is 10 ms away
  REQUIRE_FALSE(device.app->state().outbox.entries.empty());
  const auto first = device.app->state().outbox.entries.back();
  REQUIRE(first.state == app::OutboxState::sending);

  device.app->apply(app::SaveStore{second_store()});
  const auto* switched = entry_in(device, first.id);
  REQUIRE(switched != nullptr);
  CHECK(switched->state == app::OutboxState::waiting);
  CHECK(switched->outcome_unknown);  // the request left: it may have reached Ozon

  // The other store's changes are not held back by it.
  device.settle();
  verify_and_ship(device, numbers[1]);
  device.settle(5'000);
  CHECK(device.orders().list.find(numbers[1])->status == core::PostingStatus::awaiting_deliver);
  CHECK(ship_calls(device) == 2);  // the first request did reach the marketplace

  // Back on the first store: the change is verified, found done, not sent again.
  device.app->apply(app::SelectStore{"demo"});
  device.settle();
  const auto* back = entry_in(device, first.id);
  REQUIRE(back != nullptr);
  CHECK(back->state == app::OutboxState::done);
  CHECK(back->skipped_as_already_done);
  CHECK(ship_calls(device) == 2);
  CHECK(device.app->state().outbox.pending == 0);
}

TEST_CASE("inside a seller portal (no start, a configure message instead) changes are sent and drafts restored") {
  ozon_test::ManualClock clock;
  ozon_test::ManualScheduler scheduler{clock};
  app_test::SandboxRoads roads{11, clock, scheduler};
  store::MemorySettingsStore settings;
  store::MemoryRecordStore records{scheduler};
  auto open_in_portal = [&] {
    app::AppServices services{settings, clock, scheduler, roads};
    services.records = &records;
    auto app = std::make_unique<app::App>(services, std::vector<std::string>{"en"});
    auto config = app::parse_portal_configure(
        R"({"type":"seller-console:configure","clientId":"42","apiKey":"k","apiBaseUrl":"https://p.example/api","bridge":true})");
    REQUIRE(config);
    app->apply(app::ConfigureFromPortal{*config});
    scheduler.run(120'000);
    app->prepare_frame();
    return app;
  };
  auto app = open_in_portal();
  const auto numbers = single_box_postings(*app, 1);
  REQUIRE(numbers.size() == 1);
  const std::string number = numbers[0];
  app->apply(app::OpenPosting{number});
  app->apply(app::SetCheck{app::CheckItem::items_picked, true});
  scheduler.run(1'000);
  CHECK(records.get(store::collection::drafts, app::posting_draft_key(number)).has_value());

  // The next page in the portal gets its draft back...
  app = open_in_portal();
  app->apply(app::OpenPosting{number});
  CHECK(app->state().orders.work.at(number).verification.items_picked());
  // ...and its ship goes out through the outbox.
  verify_and_ship(*app, number);
  scheduler.run(60'000);
  app->prepare_frame();
  CHECK(app->state().outbox.pending == 0);
  CHECK(roads.market.faults().calls(ozon::endpoint::kPostingShip) == 1);
  CHECK(app->state().orders.list.find(number)->status == core::PostingStatus::awaiting_deliver);
}

TEST_CASE("a store opened offline shows its copy on this device, not an empty list") {
  Device device;
  device.app->apply(app::SaveStore{second_store()});
  device.settle();
  const std::string second = device.app->state().stores.active_id;
  const auto count = device.orders().list.size();
  REQUIRE(count > 0);
  REQUIRE_FALSE(device.app->state().plan.methods.empty());
  device.app->apply(app::SelectStore{"demo"});
  device.settle();

  device.app->set_online(false);
  device.roads.market.faults().force_next(1'000, sandbox::FaultKnob::Kind::http500);
  device.app->apply(app::SelectStore{second});
  device.settle(1'000);
  CHECK(device.app->state().stores.active_id == second);
  CHECK(device.orders().from_cache);
  CHECK(device.orders().list.size() == count);
  CHECK(device.app->state().plan.catalog_from_cache);
}

TEST_CASE("a long orders list is kept in records of 1,000 postings and read back a record per task") {
  Device device;
  // The list as loaded is on the device: one record (500 postings) named by its meta record.
  const auto meta = device.records.get(store::collection::meta, "postings_list:demo");
  REQUIRE(meta.has_value());
  const std::string generation = meta->substr(0, meta->find(' '));
  CHECK(*meta == generation + " 1");
  CHECK(device.records.count(store::collection::postings) == 1);

  // A longer list, as an earlier page wrote it, plus the leftovers of a write that was cut short.
  std::vector<core::Posting> postings;
  for (std::size_t i = 0; i < 2'500; ++i) {
    core::Posting posting = device.orders().list.postings()[i % device.orders().list.size()];
    posting.posting_number = std::to_string(30'000'000 + i) + "-0001-1";
    postings.push_back(std::move(posting));
  }
  const auto chunks = ozon::postings_to_list_json_chunks(postings, store::kPostingsPerRecord);
  REQUIRE(chunks.size() == 3);
  auto put = [&](std::string_view collection, const std::string& key, const std::string& value) {
    device.records.put(std::string(collection), key, value, {});
  };
  for (std::size_t i = 0; i < chunks.size(); ++i) put(store::collection::postings, "list:demo@77#" + std::to_string(i), chunks[i]);
  put(store::collection::postings, "list:demo@99#0", chunks[0]);  // a write cut short: no meta names it
  put(store::collection::meta, "postings_list:demo", "77 3");
  device.settle(1'000);

  device.roads.market.faults().force_next(1'000, sandbox::FaultKnob::Kind::http500);
  device.reload([](app::App& app) { app.set_online(false); });
  CHECK(device.orders().from_cache);
  CHECK(device.orders().list.size() == 2'500);
  CHECK(device.orders().list.find("30002499-0001-1") != nullptr);
  // Records no list names are gone; the list's own stay.
  CHECK_FALSE(device.records.get(store::collection::postings, "list:demo@99#0").has_value());
  CHECK_FALSE(device.records.get(store::collection::postings, "list:demo@" + generation + "#0").has_value());
  CHECK(device.records.get(store::collection::postings, "list:demo@77#2").has_value());

  // A list with a record missing is not shown half: the network is awaited.
  device.records.remove(std::string(store::collection::postings), "list:demo@77#1", {});
  device.settle(1'000);
  device.roads.market.faults().force_next(1'000, sandbox::FaultKnob::Kind::http500);
  device.reload([](app::App& app) { app.set_online(false); });
  CHECK_FALSE(device.orders().from_cache);
  CHECK(device.orders().list.size() == 0);
}
