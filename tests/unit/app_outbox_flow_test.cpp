// Changes sent to Ozon go through the outbox: offline they queue, online
// they go once each, and a reload in the middle never sends one twice.
#include <doctest/doctest.h>

#include "app/drafts.h"
#include "app_test_support.h"
#include "ozon/endpoints.h"
#include "store/schema.h"

namespace {

using app_test::Device;

std::vector<std::string> single_box_postings(Device& device, std::size_t count) {
  std::vector<std::string> out;
  const auto& list = device.orders().list;
  for (std::size_t row = 0; row < list.visible_count() && out.size() < count; ++row) {
    const auto& p = list.at(row);
    if (p.can("ship") && !p.requirements.any()) out.push_back(p.posting_number);
  }
  return out;
}

// Verifies the open posting (picked, every unit counted, address) and ships it.
void verify_and_ship(Device& device, const std::string& number) {
  device.app->apply(app::OpenPosting{number});
  const auto* posting = device.orders().list.find(number);
  device.app->apply(app::SetCheck{"items_picked", true});
  for (std::size_t line = 0; line < posting->products.size(); ++line)
    device.app->apply(app::SetLineCount{line, posting->products[line].quantity});
  if (device.orders().work.at(number).verification.address_required())
    device.app->apply(app::SetCheck{"address_checked", true});
  device.app->apply(app::ShipOpenPosting{});
}

int ship_calls(Device& device) { return device.roads.market.faults().calls(ozon::endpoint::kPostingShip); }

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
