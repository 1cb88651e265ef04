#include "store/memory_record_store.h"

#include "store/schema.h"

namespace store {

MemoryRecordStore::MemoryRecordStore(core::Scheduler& scheduler) : scheduler_(scheduler) {}

MemoryRecordStore::~MemoryRecordStore() = default;

void MemoryRecordStore::fail_next(StoreStatus status, std::string detail) {
  fail_next_ = WriteResult{status, std::move(detail)};
}

void MemoryRecordStore::set_failure(StoreStatus status, std::string detail) {
  failure_ = WriteResult{status, std::move(detail)};
}

WriteResult MemoryRecordStore::take_failure() {
  ++operations_;
  if (fail_next_) {
    WriteResult failure = std::move(*fail_next_);
    fail_next_.reset();
    if (!failure.ok()) return failure;
  }
  return failure_;
}

void MemoryRecordStore::load_all(LoadCallback done) {
  const WriteResult failure = take_failure();
  std::weak_ptr<int> alive = alive_;
  // Read when answering, so writes made before this call are seen (as in IndexedDB).
  scheduler_.after(0, [this, alive, failure, done = std::move(done)] {
    if (alive.expired()) return;
    LoadResult result;
    result.status = failure.status;
    result.detail = failure.detail;
    if (result.ok()) {
      for (const auto& [key, value] : records_) result.records.push_back(Record{key.first, key.second, value});
    }
    if (done) done(std::move(result));
  });
}

void MemoryRecordStore::put(std::string collection, std::string key, std::string value, WriteCallback done) {
  WriteResult failure = take_failure();
  if (failure.ok() && !is_known_collection(collection))
    failure = WriteResult{StoreStatus::other, "unknown collection \"" + collection + "\""};
  std::weak_ptr<int> alive = alive_;
  scheduler_.after(0, [this, alive, failure, record = Key{std::move(collection), std::move(key)},
                       value = std::move(value), done = std::move(done)]() mutable {
    if (alive.expired()) return;
    WriteResult result = failure;
    // The quota depends on the writes before this one, so it is checked when applied.
    if (result.ok() && quota_bytes_ > 0 && bytes_if_put(record, value) > quota_bytes_)
      result = WriteResult{StoreStatus::quota_exceeded, "quota of " + std::to_string(quota_bytes_) + " bytes"};
    if (result.ok()) records_[std::move(record)] = std::move(value);
    if (done) done(std::move(result));
  });
}

void MemoryRecordStore::remove(std::string collection, std::string key, WriteCallback done) {
  WriteResult failure = take_failure();
  if (failure.ok() && !is_known_collection(collection))
    failure = WriteResult{StoreStatus::other, "unknown collection \"" + collection + "\""};
  std::weak_ptr<int> alive = alive_;
  scheduler_.after(0, [this, alive, failure, record = Key{std::move(collection), std::move(key)},
                       done = std::move(done)] {
    if (alive.expired()) return;
    if (failure.ok()) records_.erase(record);
    if (done) done(failure);
  });
}

void MemoryRecordStore::clear_all(WriteCallback done) {
  const WriteResult failure = take_failure();
  std::weak_ptr<int> alive = alive_;
  scheduler_.after(0, [this, alive, failure, done = std::move(done)] {
    if (alive.expired()) return;
    if (failure.ok()) records_.clear();
    if (done) done(failure);
  });
}

std::size_t MemoryRecordStore::bytes() const {
  std::size_t total = 0;
  for (const auto& [key, value] : records_) total += key.first.size() + key.second.size() + value.size();
  return total;
}

std::size_t MemoryRecordStore::bytes_if_put(const Key& key, const std::string& value) const {
  std::size_t total = bytes() + key.first.size() + key.second.size() + value.size();
  if (auto it = records_.find(key); it != records_.end())
    total -= key.first.size() + key.second.size() + it->second.size();
  return total;
}

std::size_t MemoryRecordStore::count(std::string_view collection) const {
  std::size_t total = 0;
  for (const auto& entry : records_)
    if (entry.first.first == collection) ++total;
  return total;
}

std::vector<std::string> MemoryRecordStore::keys(std::string_view collection) const {
  std::vector<std::string> out;
  for (const auto& [key, value] : records_)
    if (key.first == collection) out.push_back(key.second);
  return out;
}

std::optional<std::string> MemoryRecordStore::get(std::string_view collection, std::string_view key) const {
  auto it = records_.find(Key{std::string(collection), std::string(key)});
  if (it == records_.end()) return std::nullopt;
  return it->second;
}

}  // namespace store
