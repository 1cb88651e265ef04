#include <doctest/doctest.h>

#include <span>
#include <string>
#include <vector>

#include "core/store_batches.h"

namespace {

core::Posting posting(const char* number, core::EpochMs deadline) {
  core::Posting p;
  p.posting_number = number;
  p.shipment_date = deadline;
  return p;
}

}  // namespace

TEST_CASE("store batches: a selection across stores is split per store, in order, once") {
  const std::vector<core::StorePosting> selected = {
      {"moscow", "1-1-1"}, {"shanghai", "9-9-9"}, {"moscow", "2-2-2"},
      {"moscow", "1-1-1"},    // selected twice: sent once
      {"shanghai", "1-1-1"},  // the same number in another store is another posting
      {"kazan", "3-3-3"},
  };
  const auto batches = core::split_by_store(selected);
  REQUIRE(batches.size() == 3);
  CHECK(batches[0] == core::StoreBatch{"moscow", {"1-1-1", "2-2-2"}});
  CHECK(batches[1] == core::StoreBatch{"shanghai", {"9-9-9", "1-1-1"}});
  CHECK(batches[2] == core::StoreBatch{"kazan", {"3-3-3"}});
  CHECK(core::split_by_store({}).empty());
}

TEST_CASE("store batches: per-store lists merged by deadline with the store as tie-breaker") {
  const std::vector<core::Posting> a = {posting("a-late", 300), posting("a-none", 0), posting("a-tie", 200)};
  const std::vector<core::Posting> b = {posting("b-first", 100), posting("b-tie", 200), posting("a-tie", 200),
                                        posting("b-none", 0)};
  const std::vector<core::Posting> empty;
  const std::span<const core::Posting> lists[] = {a, empty, b};
  const auto rows = core::merge_by_deadline(lists);
  const std::vector<core::StoreRow> expected = {
      {2, 0},  // 100 b-first
      {0, 2},  // 200 store 0
      {2, 2},  // 200 store 2, "a-tie" < "b-tie"
      {2, 1},
      {0, 0},  // 300
      {0, 1},  // no deadline: last, by store
      {2, 3},
  };
  CHECK(rows == expected);
  CHECK(core::merge_by_deadline({}).empty());
}
