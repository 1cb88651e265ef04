#pragma once
// What the views may ask for. Views push actions; App::apply runs them after
// the frame, so drawing never mutates state in the middle of a frame.
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "app/app_state.h"
#include "app/portal_config.h"

namespace app {

struct SetLanguage {
  Lang lang;
};
struct ShowView {
  View view;
};
struct RefreshOrders {};
// The store form changed (every keystroke; the form lives in app state).
struct EditStoreDraft {
  StoreConfig draft;
};
// Tries a store's keys and road with a cheap call (the warehouse list).
struct TestConnection {
  StoreConfig store;
};
// Saves a new or edited store and switches to it.
struct SaveStore {
  StoreConfig store;
};
struct SelectStore {
  std::string id;
};
struct DeleteStore {
  std::string id;
};
// The embedding portal configured the console.
struct ConfigureFromPortal {
  PortalConfig config;
};

using Action = std::variant<SetLanguage, ShowView, RefreshOrders, EditStoreDraft, TestConnection, SaveStore,
                            SelectStore, DeleteStore, ConfigureFromPortal>;

class ActionQueue {
 public:
  void push(Action action) { pending_.push_back(std::move(action)); }
  std::vector<Action> take() { return std::exchange(pending_, {}); }
  bool empty() const { return pending_.empty(); }

 private:
  std::vector<Action> pending_;
};

}  // namespace app
