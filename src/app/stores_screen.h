#pragma once
// The stores screen: the seller's stores (Client-Id, Api-Key, the road to
// the Seller API), testing a connection, saving, switching and deleting.
// The active store itself is shared state (AppState::stores), opened by App.
#include <memory>
#include <string>

#include "app/app.h"

namespace app {

// The store form changed (every keystroke; the form lives in app state).
struct EditStoreDraft {
  StoreConfig draft;
};
// Tries a store's keys and road with a cheap call (the warehouse list).
struct TestConnection {
  StoreConfig store;
};
// Saves a new or edited store and switches to it. After a failed test of
// the same store (road, proxy URL, Client-Id, key) it asks first, unless
// `anyway` (the seller's "Save anyway").
struct SaveStore {
  StoreConfig store;
  bool anyway = false;
};
// "Cancel" on the "Save anyway?" question: nothing saved, the form kept.
struct CancelSaveStore {};
struct SelectStore {
  std::string id;
};
struct DeleteStore {
  std::string id;
};
// One more demo store with its own data (up to kDemoStoresMax in all), shown
// with the others in "All stores".
struct AddDemoStore {};

class StoresScreen final : public Feature {
 public:
  explicit StoresScreen(App& app);
  static constexpr std::string_view kId = "stores";
  std::string_view id() const override { return kId; }
  char shortcut() const override { return 's'; }
  void write_snapshot(nlohmann::json& snapshot) const override;
  void write_ui_draft(nlohmann::json& ui) const override;
  bool restore_ui_draft(const nlohmann::json& ui) override;

  void on(const EditStoreDraft&);
  void on(const TestConnection&);
  void on(const SaveStore&);
  void on(const CancelSaveStore&);
  void on(const SelectStore&);
  void on(const DeleteStore&);
  void on(const AddDemoStore&);

 private:
  std::unique_ptr<StoreSession> check_session_;  // the store being tested
};

}  // namespace app
