#pragma once
// An asynchronous store of (collection, key, value) records: drafts, the
// outbox, cached postings. IndexedDB in the browser, in memory natively.
// Every operation answers through its callback later on the main thread,
// never inside the call (IndexedDB cannot answer synchronously, so callers
// must not rely on it). Operations are applied in the order they are made.
// The app loads everything once at start (load_all) and then only writes.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace store {

struct Record {
  std::string collection;  // one of store/schema.h
  std::string key;
  std::string value;       // JSON text
  friend bool operator==(const Record&, const Record&) = default;
};

enum class StoreStatus {
  ok,
  unavailable,     // no storage at all: private mode, IndexedDB disabled or blocked
  quota_exceeded,  // the browser's storage quota is used up
  other,           // anything else (see the detail text)
};

constexpr std::string_view to_string(StoreStatus status) {
  switch (status) {
    case StoreStatus::ok: return "ok";
    case StoreStatus::unavailable: return "unavailable";
    case StoreStatus::quota_exceeded: return "quota_exceeded";
    case StoreStatus::other: return "other";
  }
  return "other";
}

// A plain-words translation key for the seller ("" for ok), e.g.
// "storage.unavailable"; the translations live in assets/i18n.
constexpr std::string_view error_key(StoreStatus status) {
  switch (status) {
    case StoreStatus::ok: return "";
    case StoreStatus::unavailable: return "storage.unavailable";
    case StoreStatus::quota_exceeded: return "storage.quota";
    case StoreStatus::other: return "storage.failed";
  }
  return "storage.failed";
}

// The answer to put / remove / clear_all.
struct WriteResult {
  StoreStatus status = StoreStatus::ok;
  std::string detail;  // the browser's message when status != ok
  bool ok() const { return status == StoreStatus::ok; }
};

// The answer to load_all: every record, or why there are none.
struct LoadResult {
  StoreStatus status = StoreStatus::ok;
  std::string detail;
  std::vector<Record> records;  // ordered by collection, then key
  bool ok() const { return status == StoreStatus::ok; }
};

using WriteCallback = std::function<void(WriteResult)>;
using LoadCallback = std::function<void(LoadResult)>;

class RecordStore {
 public:
  virtual ~RecordStore() = default;
  virtual void load_all(LoadCallback done) = 0;
  // Inserts or replaces the record.
  virtual void put(std::string collection, std::string key, std::string value, WriteCallback done) = 0;
  // Removing a missing record is not an error.
  virtual void remove(std::string collection, std::string key, WriteCallback done) = 0;
  // Every record of every collection (the seller's "forget this device").
  virtual void clear_all(WriteCallback done) = 0;
};

}  // namespace store
