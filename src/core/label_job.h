#pragma once
// Printing labels for many postings (/v2/posting/fbs/package-label) as a
// state machine without I/O. The app asks next_request(now), sends the
// batch, and reports the reply with on_success / on_not_ready / on_failure.
//
// - batches of at most 20 postings (Ozon's limit), in the given order;
// - "not ready yet" (common for 45-60 s after ship) retries the batch after
//   a growing delay, a bounded number of times, then gives up on it;
// - Ozon fails a whole batch for one bad posting, so a failed batch of
//   several postings is split into single-posting batches to isolate it;
//   a failed single posting is recorded with the message;
// - retryable failures (network, 5xx, 429) retry the same batch later.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"

namespace core {

struct LabelJobOptions {
  std::size_t batch_size = 20;
  std::int64_t first_retry_ms = 15'000;  // delay after the first "not ready"
  std::int64_t max_retry_ms = 60'000;    // delays grow x1.5 up to this
  int max_not_ready = 8;                 // "not ready" replies per batch before giving up
  int max_retryable_failures = 3;        // retryable failures per batch before giving up
  std::size_t max_in_flight = 1;         // requests outstanding at once
};

struct LabelBatch {
  int id = 0;
  std::vector<std::string> posting_numbers;
  int attempt = 1;  // 1 for the first request of this batch
};

struct LabelFailure {
  std::string posting_number;
  std::string message;
  friend bool operator==(const LabelFailure&, const LabelFailure&) = default;
};

struct LabelPdfPart {
  std::vector<std::string> posting_numbers;  // the postings this PDF covers
  const std::string* bytes = nullptr;        // owned by the job
};

struct LabelProgress {
  std::size_t succeeded = 0;  // postings with a label
  std::size_t failed = 0;     // postings given up on
  std::size_t total = 0;
  std::size_t finished() const { return succeeded + failed; }
  float fraction() const { return total ? static_cast<float>(finished()) / static_cast<float>(total) : 1.0f; }
};

class LabelJob {
 public:
  // Empty and repeated posting numbers are dropped (first occurrence kept).
  explicit LabelJob(std::vector<std::string> posting_numbers, LabelJobOptions options = {});

  // The next batch to request now, marked in flight; nullopt when nothing is
  // due (all done, waiting for a retry time, or max_in_flight reached).
  std::optional<LabelBatch> next_request(EpochMs now);

  // Replies for an in-flight batch; false (ignored) for an unknown batch id
  // or a batch that is not in flight.
  bool on_success(int batch_id, std::string pdf_bytes);
  bool on_not_ready(int batch_id, EpochMs now);
  // `now` < 0: the retry delay counts from the time the batch was requested.
  bool on_failure(int batch_id, std::string message, bool retryable, EpochMs now = -1);

  bool done() const;  // every posting has a label or has been given up on
  LabelProgress progress() const;
  std::size_t in_flight() const;
  // Whole seconds (rounded up) until the earliest waiting retry; nullopt
  // when no batch waits on a timer.
  std::optional<std::int64_t> seconds_until_next_retry(EpochMs now) const;
  // When the app should call next_request() again for a waiting retry (for
  // an event-driven main loop); nullopt when no batch waits on a timer.
  std::optional<EpochMs> next_wakeup() const;
  std::vector<LabelFailure> failed() const;  // in the original posting order
  // Successful PDFs in the original order of postings (to merge into one
  // document). Pointers stay valid while the job lives and is not changed.
  std::vector<LabelPdfPart> pdfs() const;
  const std::vector<std::string>& posting_numbers() const { return postings_; }

 private:
  enum class State { pending, in_flight, waiting, succeeded, failed, split };
  struct Batch {
    int id = 0;
    std::size_t first = 0;  // index of the first posting in postings_
    std::size_t count = 0;
    State state = State::pending;
    int attempts = 0;      // requests sent
    int not_ready = 0;     // "not ready" replies
    int retryable = 0;     // retryable failures
    EpochMs requested_at = 0;
    EpochMs retry_at = 0;
    std::string pdf;
    std::string message;   // why it failed
  };
  Batch* find_in_flight(int batch_id);
  std::int64_t retry_delay(int times) const;
  void add_batch(std::size_t first, std::size_t count);
  void give_up(Batch& batch, std::string message);

  LabelJobOptions options_;
  std::vector<std::string> postings_;
  std::vector<Batch> batches_;  // kept sorted by `first`; split batches stay as tombstones
  int next_id_ = 1;
};

}  // namespace core
