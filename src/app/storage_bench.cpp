#include "app/storage_bench.h"

#include <algorithm>
#include <memory>

#include "app/app_state.h"
#include "app/drafts.h"
#include "app/outbox.h"
#include "ozon/posting_compact.h"
#include "store/schema.h"
#include "core/json_read.h"

namespace app {
namespace {

constexpr int kDraftRuns = 20;
std::string list_key(std::size_t index) { return "bench:list#" + std::to_string(index); }

struct Run {
  store::RecordStore& records;
  core::Clock& clock;
  core::Scheduler& scheduler;
  std::function<double()> now;
  std::function<void(StorageBenchResult)> done;
  StorageBenchResult result;
  std::vector<core::Posting> postings;
  std::string draft;
  std::vector<double> draft_ms;
  std::size_t outbox_count = 0;
  std::size_t outbox_confirmed = 0;
  std::size_t list_records = 0;
  std::size_t list_confirmed = 0;
  double started = 0;
};

void finish(const std::shared_ptr<Run>& run) {
  // Leave the device as it was.
  for (std::size_t i = 0; i < run->list_records; ++i)
    run->records.remove(std::string(store::collection::postings), list_key(i), {});
  for (std::size_t i = 0; i < run->outbox_count; ++i)
    run->records.remove(std::string(store::collection::outbox), "bench:" + std::to_string(i), {});
  run->records.remove(std::string(store::collection::drafts), "bench:draft", [run](store::WriteResult) {
    run->done(run->result);
  });
}

void load_back(const std::shared_ptr<Run>& run) {
  run->started = run->now();
  run->records.load_all([run](store::LoadResult loaded) {
    run->result.load_all_ms = run->now() - run->started;
    if (!loaded.ok()) {
      run->result.error = loaded.detail;
      return finish(run);
    }
    std::vector<store::Record> outbox;
    std::size_t postings_read = 0;
    for (auto& record : loaded.records) {
      if (record.collection == store::collection::postings && record.key.rfind("bench:list#", 0) == 0) {
        // As the app reads its cached list: a record per task.
        const double t = run->now();
        auto kept = ozon::read_offline_postings(record.value);
        const double took = run->now() - t;
        run->result.parse_postings_ms += took;
        run->result.longest_parse_ms = std::max(run->result.longest_parse_ms, took);
        if (kept) postings_read += kept->size();
      } else if (record.collection == store::collection::outbox && record.key.rfind("bench:", 0) == 0) {
        outbox.push_back(std::move(record));
      }
    }
    if (postings_read != run->result.postings) run->result.error = "the postings did not read back";
    const double t = run->now();
    Outbox restored(run->records, run->clock, run->scheduler, OutboxHooks{});
    restored.restore(outbox);
    run->result.restore_outbox_ms = run->now() - t;
    finish(run);
  });
}

void write_outbox(const std::shared_ptr<Run>& run) {
  run->started = run->now();
  for (std::size_t i = 0; i < run->outbox_count; ++i) {
    OutboxEntry entry;
    entry.id = static_cast<std::int64_t>(1'000'000 + i);
    entry.store_id = "demo";
    entry.kind = "ship";
    entry.posting_number = run->postings[i % run->postings.size()].posting_number;
    entry.path = "/v4/posting/fbs/ship";
    entry.body = R"({"posting_number":")" + entry.posting_number +
                 R"(","packages":[{"products":[{"product_id":123456789,"quantity":1}]}]})";
    entry.state = OutboxState::failed;  // restored, never sent
    entry.last_error = "bench";
    std::string value = to_json_text(entry);
    run->result.bytes_written += value.size();
    run->records.put(std::string(store::collection::outbox), "bench:" + std::to_string(i), std::move(value),
                     [run](store::WriteResult) {
                       if (++run->outbox_confirmed < run->outbox_count) return;
                       run->result.write_outbox_ms = run->now() - run->started;
                       load_back(run);
                     });
  }
}

void persist_draft(const std::shared_ptr<Run>& run) {
  const double t = run->now();
  run->records.put(std::string(store::collection::drafts), "bench:draft", run->draft, [run, t](store::WriteResult) {
    run->draft_ms.push_back(run->now() - t);
    if (static_cast<int>(run->draft_ms.size()) < kDraftRuns) return persist_draft(run);
    std::sort(run->draft_ms.begin(), run->draft_ms.end());
    run->result.draft_persist_ms = run->draft_ms[run->draft_ms.size() / 2];
    write_outbox(run);
  });
}

}  // namespace

void run_storage_bench(store::RecordStore& records, core::Clock& clock, core::Scheduler& scheduler,
                       const std::vector<core::Posting>& source, std::size_t posting_count, std::size_t outbox_count,
                       std::function<double()> now, std::function<void(StorageBenchResult)> done) {
  auto run = std::make_shared<Run>(Run{records, clock, scheduler, std::move(now), std::move(done), {}, {}, {}, {}, 0, 0, 0, 0, 0});
  if (source.empty() || outbox_count == 0) {
    run->result.error = "no postings loaded";
    return run->done(run->result);
  }
  for (std::size_t i = 0; i < posting_count; ++i) {
    core::Posting posting = source[i % source.size()];
    posting.posting_number = std::to_string(20'000'000 + i) + "-0001-1";
    run->postings.push_back(std::move(posting));
  }
  run->outbox_count = outbox_count;
  run->result.postings = posting_count;
  run->result.outbox_entries = outbox_count;
  // A typical draft: a posting half verified, two boxes, a tracking number typed.
  PostingWork work(run->postings[0].posting_number, core::PostingVerification(run->postings[0], {}),
                   core::split_evenly(run->postings[0], 2));
  work.verification.set_items_picked(true);
  work.tracking_text = "RA123456789RU";
  run->draft = core::json_read::dump(posting_draft(work));

  run->started = run->now();
  auto chunks = ozon::postings_to_compact_chunks(run->postings, store::kPostingsPerRecord);
  run->list_records = chunks.size();
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    run->result.bytes_written += chunks[i].size();
    run->records.put(std::string(store::collection::postings), list_key(i), std::move(chunks[i]),
                     [run](store::WriteResult result) {
                       if (!result.ok() && run->result.error.empty()) run->result.error = result.detail;
                       if (++run->list_confirmed < run->list_records) return;
                       run->result.write_postings_ms = run->now() - run->started;
                       if (!run->result.error.empty()) return finish(run);
                       persist_draft(run);
                     });
  }
}

}  // namespace app
