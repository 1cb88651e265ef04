// The storage benchmark measures real writes and reads, and leaves the
// store as it found it.
#include <doctest/doctest.h>

#include "app/storage_bench.h"
#include "app_test_support.h"
#include "store/schema.h"

TEST_CASE("the storage benchmark writes, reads back and cleans up") {
  app_test::Device device;
  const auto records_before = device.records.count(store::collection::drafts) + device.records.count(store::collection::outbox) +
                              device.records.count(store::collection::postings);
  bool finished = false;
  app::StorageBenchResult result;
  double fake_now = 0;
  app::run_storage_bench(device.records, device.clock, device.scheduler, device.orders().list.postings(), 300, 40,
                         [&] { return fake_now += 1; }, [&](app::StorageBenchResult r) {
                           result = r;
                           finished = true;
                         });
  device.scheduler.run(10'000);
  REQUIRE(finished);
  CHECK(result.error.empty());
  CHECK(result.postings == 300);
  CHECK(result.outbox_entries == 40);
  CHECK(result.bytes_written > 300 * 200);  // the compact copy: about 300-500 bytes a posting
  CHECK(result.draft_persist_ms > 0);
  CHECK(result.load_all_ms > 0);
  CHECK(device.records.count(store::collection::drafts) + device.records.count(store::collection::outbox) +
            device.records.count(store::collection::postings) ==
        records_before);
}
