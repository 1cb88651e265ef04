#include <doctest/doctest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ozon_test_support.h"
#include "store/memory_record_store.h"
#include "store/schema.h"

namespace {

struct StoreHarness {
  ozon_test::ManualClock clock;
  ozon_test::ManualScheduler scheduler{clock};
  store::MemoryRecordStore store{scheduler};

  void settle() { scheduler.run(0); }

  // Runs a put to completion and returns its answer.
  store::WriteResult put(const std::string& collection, const std::string& key, const std::string& value) {
    std::optional<store::WriteResult> answer;
    store.put(collection, key, value, [&](store::WriteResult r) { answer = r; });
    settle();
    REQUIRE(answer);
    return *answer;
  }

  store::LoadResult load() {
    std::optional<store::LoadResult> answer;
    store.load_all([&](store::LoadResult r) { answer = std::move(r); });
    settle();
    REQUIRE(answer);
    return *answer;
  }
};

}  // namespace

TEST_CASE("memory store: every answer comes later, never inside the call") {
  StoreHarness h;
  bool put_answered = false, load_answered = false, remove_answered = false, clear_answered = false;
  h.store.put("drafts", "k", "{}", [&](store::WriteResult) { put_answered = true; });
  h.store.load_all([&](store::LoadResult) { load_answered = true; });
  h.store.remove("drafts", "k", [&](store::WriteResult) { remove_answered = true; });
  h.store.clear_all([&](store::WriteResult) { clear_answered = true; });
  CHECK_FALSE(put_answered);
  CHECK_FALSE(load_answered);
  CHECK_FALSE(remove_answered);
  CHECK_FALSE(clear_answered);
  CHECK(h.store.count("drafts") == 0);  // not applied before it answers
  CHECK(h.scheduler.run(0) == 4);
  CHECK(put_answered);
  CHECK(load_answered);
  CHECK(remove_answered);
  CHECK(clear_answered);
}

TEST_CASE("memory store: put, load_all, remove and clear_all, applied in the order made") {
  StoreHarness h;
  CHECK(h.put("outbox", "2", R"({"b":2})").ok());
  CHECK(h.put("drafts", "z", R"("typed")").ok());
  CHECK(h.put("outbox", "1", R"({"a":1})").ok());
  CHECK(h.put("outbox", "1", R"({"a":11})").ok());  // replaces
  CHECK(h.store.count("outbox") == 2);
  CHECK(h.store.count("drafts") == 1);
  CHECK(h.store.count("meta") == 0);
  CHECK(h.store.bytes() == (6 + 1 + 8) + (6 + 1 + 7) + (6 + 1 + 7));
  CHECK(h.store.get("outbox", "1") == std::optional<std::string>(R"({"a":11})"));
  CHECK_FALSE(h.store.get("outbox", "3"));

  const auto loaded = h.load();
  REQUIRE(loaded.ok());
  const std::vector<store::Record> expected = {
      {"drafts", "z", R"("typed")"}, {"outbox", "1", R"({"a":11})"}, {"outbox", "2", R"({"b":2})"}};
  CHECK(loaded.records == expected);

  // A put, a remove and a put of the same key, all answered together: the last wins.
  h.store.put("meta", "n", "1", {});
  h.store.remove("meta", "n", {});
  h.store.put("meta", "n", "2", {});
  std::vector<store::Record> seen;
  h.store.load_all([&](store::LoadResult r) { seen = r.records; });  // reads after the writes before it
  h.settle();
  CHECK(h.store.get("meta", "n") == std::optional<std::string>("2"));
  CHECK(seen.size() == 4);

  std::optional<store::WriteResult> removed;
  h.store.remove("outbox", "missing", [&](store::WriteResult r) { removed = r; });
  h.settle();
  REQUIRE(removed);
  CHECK(removed->ok());  // removing nothing is fine

  std::optional<store::WriteResult> cleared;
  h.store.clear_all([&](store::WriteResult r) { cleared = r; });
  h.settle();
  REQUIRE(cleared);
  CHECK(cleared->ok());
  CHECK(h.store.bytes() == 0);
  CHECK(h.load().records.empty());
}

TEST_CASE("memory store: fail_next fails one operation and changes nothing; set_failure until reset") {
  StoreHarness h;
  CHECK(h.put("drafts", "a", "1").ok());

  h.store.fail_next(store::StoreStatus::quota_exceeded, "full");
  const auto failed = h.put("drafts", "a", "2");
  CHECK(failed.status == store::StoreStatus::quota_exceeded);
  CHECK(failed.detail == "full");
  CHECK(h.store.get("drafts", "a") == std::optional<std::string>("1"));
  CHECK(h.put("drafts", "a", "3").ok());  // only the next one failed

  h.store.set_failure(store::StoreStatus::unavailable, "private mode");
  CHECK(h.put("drafts", "b", "1").status == store::StoreStatus::unavailable);
  const auto load = h.load();
  CHECK(load.status == store::StoreStatus::unavailable);
  CHECK(load.records.empty());
  bool cleared_ok = true;
  h.store.clear_all([&](store::WriteResult r) { cleared_ok = r.ok(); });
  h.settle();
  CHECK_FALSE(cleared_ok);
  CHECK(h.store.count("drafts") == 1);

  h.store.set_failure(store::StoreStatus::ok);
  CHECK(h.put("drafts", "b", "1").ok());
  CHECK(h.store.count("drafts") == 2);
}

TEST_CASE("memory store: refuses collections the schema does not name") {
  StoreHarness h;
  const auto answer = h.put("draft", "a", "1");  // a typo
  CHECK(answer.status == store::StoreStatus::other);
  CHECK(answer.detail.find("draft") != std::string::npos);
  CHECK(h.store.bytes() == 0);
  for (auto name : store::kCollections) CHECK(h.put(std::string(name), "k", "v").ok());
  CHECK(store::is_known_collection("postings"));
  CHECK_FALSE(store::is_known_collection("settings"));
}

TEST_CASE("memory store: a put beyond the quota fails, a smaller replacement fits") {
  StoreHarness h;
  h.store.set_quota_bytes(40);
  CHECK(h.put("drafts", "a", std::string(20, 'x')).ok());  // 6 + 1 + 20 = 27 bytes
  CHECK(h.put("drafts", "b", std::string(20, 'x')).status == store::StoreStatus::quota_exceeded);
  CHECK(h.store.count("drafts") == 1);
  CHECK(h.put("drafts", "a", std::string(30, 'x')).ok());  // replaces: 37 bytes
  CHECK(h.store.bytes() == 37);
}

TEST_CASE("memory store: answers still pending when the store is destroyed are dropped") {
  ozon_test::ManualClock clock;
  ozon_test::ManualScheduler scheduler{clock};
  bool answered = false;
  {
    store::MemoryRecordStore store(scheduler);
    store.put("drafts", "a", "1", [&](store::WriteResult) { answered = true; });
  }
  CHECK(scheduler.run(0) == 1);
  CHECK_FALSE(answered);
}

TEST_CASE("memory store: plain-words keys for storage errors") {
  CHECK(store::error_key(store::StoreStatus::ok).empty());
  CHECK(store::error_key(store::StoreStatus::unavailable) == "storage.unavailable");
  CHECK(store::error_key(store::StoreStatus::quota_exceeded) == "storage.quota");
  CHECK(store::error_key(store::StoreStatus::other) == "storage.failed");
  CHECK(store::to_string(store::StoreStatus::quota_exceeded) == "quota_exceeded");
}
