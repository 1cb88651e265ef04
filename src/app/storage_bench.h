#pragma once
// The storage benchmark (bench/web_bench.mjs through the bench hook): what
// it costs to persist a draft, and to write and restore a full state of
// `posting_count` cached postings and `outbox_count` outbox entries, through
// whichever record store the app uses (IndexedDB in the browser).
#include <functional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/posting.h"
#include "store/record_store.h"

namespace app {

struct StorageBenchResult {
  double draft_persist_ms = 0;   // one draft put until the store confirms (median of 20)
  double write_postings_ms = 0;  // serialise + write the postings list
  double write_outbox_ms = 0;    // write every outbox entry, until all are confirmed
  double load_all_ms = 0;        // read everything back (start-up)
  double parse_postings_ms = 0;  // the list back into postings (all its records)
  double longest_parse_ms = 0;   // the longest of those parses: one task of the page
  double restore_outbox_ms = 0;  // the outbox rebuilt from its records
  std::size_t postings = 0, outbox_entries = 0, bytes_written = 0;
  std::string error;
};

// `now` is a high-resolution clock in ms (performance.now in the browser).
void run_storage_bench(store::RecordStore& records, core::Clock& clock, core::Scheduler& scheduler,
                       const std::vector<core::Posting>& source, std::size_t posting_count, std::size_t outbox_count,
                       std::function<double()> now, std::function<void(StorageBenchResult)> done);

}  // namespace app
