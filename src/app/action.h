#pragma once
// Actions: plain structs a view pushes ("ship the open posting", "search for
// X"). Each feature declares its own actions next to its code and registers a
// handler for each; App::apply routes an action to its handler by type, so a
// new screen adds actions without editing a shared list.
#include <any>
#include <functional>
#include <type_traits>
#include <typeindex>
#include <unordered_map>
#include <utility>
#include <vector>

namespace app {

class Action {
 public:
  template <typename T, typename = std::enable_if_t<!std::is_same_v<std::decay_t<T>, Action>>>
  Action(T value) : value_(std::move(value)) {}  // NOLINT: any action struct converts implicitly

  std::type_index type() const { return std::type_index(value_.type()); }
  template <typename T>
  const T* get() const {
    return std::any_cast<T>(&value_);
  }

 private:
  std::any value_;
};

class ActionQueue {
 public:
  void push(Action action) { pending_.push_back(std::move(action)); }
  std::vector<Action> take() { return std::exchange(pending_, {}); }
  bool empty() const { return pending_.empty(); }

 private:
  std::vector<Action> pending_;
};

// One handler per action type.
class ActionRouter {
 public:
  template <typename A, typename Handler>
  void on(Handler handler) {
    handlers_[std::type_index(typeid(A))] = [handler = std::move(handler)](const Action& action) {
      handler(*action.get<A>());
    };
  }
  // False when no feature handles this type (a programming error: reported).
  bool dispatch(const Action& action) const {
    auto it = handlers_.find(action.type());
    if (it == handlers_.end()) return false;
    it->second(action);
    return true;
  }
  template <typename A>
  bool handles() const {
    return handlers_.count(std::type_index(typeid(A))) > 0;
  }

 private:
  std::unordered_map<std::type_index, std::function<void(const Action&)>> handlers_;
};

}  // namespace app
