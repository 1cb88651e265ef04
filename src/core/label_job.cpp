#include "core/label_job.h"

#include <algorithm>
#include <utility>

namespace core {

LabelJob::LabelJob(std::vector<std::string> posting_numbers, LabelJobOptions options)
    : options_(options) {
  if (options_.batch_size == 0) options_.batch_size = 1;
  if (options_.max_in_flight == 0) options_.max_in_flight = 1;
  for (auto& number : posting_numbers) {
    if (number.empty() || std::find(postings_.begin(), postings_.end(), number) != postings_.end())
      continue;
    postings_.push_back(std::move(number));
  }
  for (std::size_t first = 0; first < postings_.size(); first += options_.batch_size)
    add_batch(first, std::min(options_.batch_size, postings_.size() - first));
}

void LabelJob::add_batch(std::size_t first, std::size_t count) {
  Batch batch;
  batch.id = next_id_++;
  batch.first = first;
  batch.count = count;
  batches_.push_back(std::move(batch));
}

std::optional<LabelBatch> LabelJob::next_request(EpochMs now) {
  if (in_flight() >= options_.max_in_flight) return std::nullopt;
  for (auto& b : batches_) {
    const bool due = b.state == State::pending || (b.state == State::waiting && b.retry_at <= now);
    if (!due) continue;
    b.state = State::in_flight;
    b.requested_at = now;
    ++b.attempts;
    LabelBatch out;
    out.id = b.id;
    out.attempt = b.attempts;
    const auto first = postings_.begin() + static_cast<std::ptrdiff_t>(b.first);
    out.posting_numbers.assign(first, first + static_cast<std::ptrdiff_t>(b.count));
    return out;
  }
  return std::nullopt;
}

LabelJob::Batch* LabelJob::find_in_flight(int batch_id) {
  for (auto& b : batches_)
    if (b.id == batch_id) return b.state == State::in_flight ? &b : nullptr;
  return nullptr;
}

std::int64_t LabelJob::retry_delay(int times) const {
  std::int64_t delay = std::max<std::int64_t>(options_.first_retry_ms, 0);
  for (int i = 1; i < times && delay < options_.max_retry_ms; ++i) delay = delay * 3 / 2;
  return std::min(delay, std::max(options_.max_retry_ms, options_.first_retry_ms));
}

void LabelJob::give_up(Batch& batch, std::string message) {
  batch.state = State::failed;
  batch.message = std::move(message);
}

bool LabelJob::on_success(int batch_id, std::string pdf_bytes) {
  Batch* b = find_in_flight(batch_id);
  if (!b) return false;
  b->state = State::succeeded;
  b->pdf = std::move(pdf_bytes);
  return true;
}

bool LabelJob::on_not_ready(int batch_id, EpochMs now) {
  Batch* b = find_in_flight(batch_id);
  if (!b) return false;
  ++b->not_ready;
  if (b->not_ready >= options_.max_not_ready) {
    give_up(*b, "label not ready after " + std::to_string(b->attempts) + " attempts");
    return true;
  }
  b->state = State::waiting;
  b->retry_at = now + retry_delay(b->not_ready);
  return true;
}

bool LabelJob::on_failure(int batch_id, std::string message, bool retryable, EpochMs now) {
  Batch* b = find_in_flight(batch_id);
  if (!b) return false;
  if (retryable) {
    ++b->retryable;
    if (b->retryable > options_.max_retryable_failures) {
      give_up(*b, std::move(message));
      return true;
    }
    b->state = State::waiting;
    b->retry_at = (now >= 0 ? now : b->requested_at) + retry_delay(b->retryable);
    return true;
  }
  if (b->count <= 1) {
    give_up(*b, std::move(message));
    return true;
  }
  // Isolate the bad posting: one batch per posting, in place of this one.
  b->state = State::split;
  b->message = std::move(message);
  const std::size_t first = b->first, count = b->count;
  const auto at = static_cast<std::ptrdiff_t>(b - batches_.data()) + 1;
  std::vector<Batch> singles(count);
  for (std::size_t i = 0; i < count; ++i) {
    singles[i].id = next_id_++;
    singles[i].first = first + i;
    singles[i].count = 1;
  }
  batches_.insert(batches_.begin() + at, std::make_move_iterator(singles.begin()),
                  std::make_move_iterator(singles.end()));
  return true;
}

bool LabelJob::done() const {
  return std::all_of(batches_.begin(), batches_.end(), [](const Batch& b) {
    return b.state == State::succeeded || b.state == State::failed || b.state == State::split;
  });
}

LabelProgress LabelJob::progress() const {
  LabelProgress p;
  p.total = postings_.size();
  for (const auto& b : batches_) {
    if (b.state == State::succeeded) p.succeeded += b.count;
    if (b.state == State::failed) p.failed += b.count;
  }
  return p;
}

std::size_t LabelJob::in_flight() const {
  return static_cast<std::size_t>(std::count_if(
      batches_.begin(), batches_.end(), [](const Batch& b) { return b.state == State::in_flight; }));
}

std::optional<EpochMs> LabelJob::next_wakeup() const {
  std::optional<EpochMs> at;
  for (const auto& b : batches_)
    if (b.state == State::waiting && (!at || b.retry_at < *at)) at = b.retry_at;
  return at;
}

std::optional<std::int64_t> LabelJob::seconds_until_next_retry(EpochMs now) const {
  const auto at = next_wakeup();
  if (!at) return std::nullopt;
  const std::int64_t ms = std::max<std::int64_t>(*at - now, 0);
  return (ms + 999) / 1000;
}

std::vector<LabelFailure> LabelJob::failed() const {
  std::vector<LabelFailure> out;
  for (const auto& b : batches_)
    if (b.state == State::failed)
      for (std::size_t i = 0; i < b.count; ++i) out.push_back({postings_[b.first + i], b.message});
  return out;
}

std::vector<LabelPdfPart> LabelJob::pdfs() const {
  std::vector<LabelPdfPart> out;
  for (const auto& b : batches_) {
    if (b.state != State::succeeded) continue;
    LabelPdfPart part;
    const auto first = postings_.begin() + static_cast<std::ptrdiff_t>(b.first);
    part.posting_numbers.assign(first, first + static_cast<std::ptrdiff_t>(b.count));
    part.bytes = &b.pdf;
    out.push_back(std::move(part));
  }
  return out;
}

}  // namespace core
