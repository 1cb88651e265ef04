#pragma once
// The record store in memory, for native tests and the sandbox. Answers
// through the scheduler with delay 0, like the browser, and applies each
// operation when it answers, in the order the operations were made. Test
// hooks simulate a full quota or storage the browser refuses.
//
// The same object can outlive its users: a test "reloads" the app by
// destroying the owner (the outbox) and creating a new one over this store.
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/clock.h"
#include "store/record_store.h"

namespace store {

class MemoryRecordStore final : public RecordStore {
 public:
  explicit MemoryRecordStore(core::Scheduler& scheduler);
  ~MemoryRecordStore() override;
  MemoryRecordStore(const MemoryRecordStore&) = delete;
  MemoryRecordStore& operator=(const MemoryRecordStore&) = delete;

  void load_all(LoadCallback done) override;
  void put(std::string collection, std::string key, std::string value, WriteCallback done) override;
  void remove(std::string collection, std::string key, WriteCallback done) override;
  void clear_all(WriteCallback done) override;

  // --- test hooks ---------------------------------------------------------
  // The next operation (of any kind) fails with `status` and changes nothing.
  void fail_next(StoreStatus status, std::string detail = {});
  // Every operation fails with `status` until set_failure(StoreStatus::ok).
  void set_failure(StoreStatus status, std::string detail = {});
  // Puts that would make bytes() exceed `limit` fail with quota_exceeded
  // (0 = no limit).
  void set_quota_bytes(std::size_t limit) { quota_bytes_ = limit; }

  // What is stored now (operations not answered yet are not applied).
  std::size_t bytes() const;  // collection + key + value sizes of every record
  std::size_t count(std::string_view collection) const;
  std::optional<std::string> get(std::string_view collection, std::string_view key) const;
  std::vector<std::string> keys(std::string_view collection) const;
  std::size_t operations() const { return operations_; }  // operations made so far

 private:
  using Key = std::pair<std::string, std::string>;  // collection, key

  // The failure decided for an operation made now (ok when none).
  WriteResult take_failure();
  std::size_t bytes_if_put(const Key& key, const std::string& value) const;

  core::Scheduler& scheduler_;
  std::map<Key, std::string> records_;
  std::optional<WriteResult> fail_next_;
  WriteResult failure_;
  std::size_t quota_bytes_ = 0;
  std::size_t operations_ = 0;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // pending answers see the store die
};

}  // namespace store
