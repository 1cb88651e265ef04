#pragma once
// The record store in the browser: one IndexedDB database with an object
// store per collection (store/schema.h), upgraded by numbered migrations
// from version 0 on. Operations queue until the database is open and run in
// the order they were made. When IndexedDB is missing or refused (private
// mode, blocked by policy) every operation answers "unavailable", and a full
// quota answers "quota_exceeded": the app says so in plain words. Inside a
// portal whose browser refuses storage to third-party frames, the records
// go through the Storage Access API or to the portal (see the .cpp).
#include <functional>

#include "app/app_state.h"
#include "store/record_store.h"

namespace platform {

class IndexedDbStore final : public store::RecordStore {
 public:
  IndexedDbStore();
  void load_all(store::LoadCallback done) override;
  void put(std::string collection, std::string key, std::string value, store::WriteCallback done) override;
  void remove(std::string collection, std::string key, store::WriteCallback done) override;
  void clear_all(store::WriteCallback done) override;
};

// Which storage is in force, once the store opens (and whether the browser
// could grant more on a click).
void on_storage_mode(std::function<void(app::StorageMode, bool access_possible)> handler);
// Asks the browser for storage access; the page reloads when it is granted.
void request_storage_access();

}  // namespace platform
