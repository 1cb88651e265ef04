// Outbox records read back from IndexedDB: one written by the previous
// build (same stored form, no migration needed) is sent as before; one of a
// kind this build does not know (an older or newer build's) is reported and
// kept, its record untouched, until the seller sends or drops it.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "app/snapshot.h"
#include "app_test_support.h"
#include "ozon/requests.h"
#include "store/schema.h"

namespace {

// An outbox record exactly as the build before the screen registry wrote it
// (its to_json_text: every field, schema 2).
std::string record_as_written_before(std::int64_t id, const std::string& kind, const std::string& number,
                                     const net::HttpRequest& request, core::EpochMs at) {
  return nlohmann::json{{"v", 2},
                        {"id", id},
                        {"store_id", "demo"},
                        {"kind", kind},
                        {"posting_number", number},
                        {"path", request.path},
                        {"body", request.body},
                        {"draft_key", "posting:" + number},
                        {"state", "queued"},
                        {"attempts", 0},
                        {"failures_in_row", 0},
                        {"outcome_unknown", false},
                        {"last_error", ""},
                        {"next_attempt_at", 0},
                        {"created_at", at},
                        {"updated_at", at},
                        {"result_body", ""},
                        {"skipped_as_already_done", false},
                        {"durable", true}}
      .dump();
}

}  // namespace

TEST_CASE("outbox records of an earlier build are sent; an unknown kind is held, shown and kept") {
  app_test::Device device;
  const std::string number = device.first_shippable(false);
  REQUIRE_FALSE(number.empty());
  const core::Posting posting = *device.orders().list.find(number);
  ozon::ShipPackage package;
  for (const auto& product : posting.products) package.push_back({product.sku, product.quantity});
  const auto ship = ozon::build_ship(number, {package});
  REQUIRE(ship);
  const core::EpochMs at = device.clock.now_ms();
  const std::string ship_record = record_as_written_before(1, "ship", number, *ship, at);
  const net::HttpRequest stocks{"/v2/products/stocks", R"({"stocks":[{"offer_id":"x","stock":1,"warehouse_id":1}]})"};
  const std::string foreign_record = record_as_written_before(2, "update_stocks", "", stocks, at);
  device.records.put(std::string(store::collection::outbox), app::outbox_key(1), ship_record, {});
  device.records.put(std::string(store::collection::outbox), app::outbox_key(2), foreign_record, {});
  device.settle(0);

  device.reload();
  const auto& entries = device.app->state().outbox.entries;
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].kind == "ship");
  CHECK(entries[0].state == app::OutboxState::done);
  CHECK(device.orders().list.find(number)->status != core::PostingStatus::awaiting_packaging);

  // Held for the seller, never sent on its own, its record as it was.
  CHECK(entries[1].kind == "update_stocks");
  CHECK(entries[1].unknown_kind);
  CHECK(entries[1].state == app::OutboxState::failed);
  CHECK(entries[1].attempts == 0);
  CHECK(device.records.get(store::collection::outbox, app::outbox_key(2)) == foreign_record);
  const auto snap = app::snapshot(*device.app);
  CHECK(snap["outbox"]["failed"] == 1);
  CHECK(snap["outbox"]["entries"][1]["kind"] == "update_stocks");

  // Still there after another reload; dropping it removes the record.
  device.reload();
  REQUIRE(device.app->state().outbox.entries.size() == 2);
  device.app->apply(app::DiscardOutboxEntry{2});
  device.settle(0);
  CHECK_FALSE(device.records.get(store::collection::outbox, app::outbox_key(2)).has_value());
  CHECK(device.app->state().outbox.entries.size() == 1);
}
