#pragma once
// Actions: plain structs a view pushes ("ship the open posting", "search for
// X"). Each feature declares its own actions next to its code and registers a
// handler for each; App::apply routes an action to its handler by type, so a
// new screen adds actions without editing a shared list.
//
// Deliberately small in WebAssembly: an action is a heap copy of the struct
// with its type's tag, a handler is a plain function pointer. (std::any plus
// std::function per action type cost ~130 KB raw, ~17 KB gzip, of app.wasm.)
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace app {

// One address per type: an action's identity, without RTTI.
template <typename T>
const void* action_tag() {
  static const char tag = 0;
  return &tag;
}

class Action {
 public:
  template <typename T, typename = std::enable_if_t<!std::is_same_v<std::decay_t<T>, Action>>>
  Action(T value)  // NOLINT: any action struct converts implicitly
      : value_(new std::decay_t<T>(std::move(value)), [](void* p) { delete static_cast<std::decay_t<T>*>(p); }),
        tag_(action_tag<std::decay_t<T>>()) {}

  const void* tag() const { return tag_; }
  template <typename T>
  const T* get() const {
    return tag_ == action_tag<T>() ? static_cast<const T*>(value_.get()) : nullptr;
  }

 private:
  std::unique_ptr<void, void (*)(void*)> value_;
  const void* tag_;
};

class ActionQueue {
 public:
  void push(Action action) { pending_.push_back(std::move(action)); }
  std::vector<Action> take() { return std::exchange(pending_, {}); }
  bool empty() const { return pending_.empty(); }

 private:
  std::vector<Action> pending_;
};

// One handler per action type: `owner->on(const A&)`.
class ActionRouter {
 public:
  template <typename A, typename Owner>
  void on(Owner* owner) {
    Route route{action_tag<A>(), owner,
                [](void* self, const Action& action) { static_cast<Owner*>(self)->on(*action.get<A>()); }};
    for (auto& existing : routes_)
      if (existing.tag == route.tag) {
        existing = route;
        return;
      }
    routes_.push_back(route);
  }
  // False when no feature handles this type (a programming error: reported).
  bool dispatch(const Action& action) const {
    for (const auto& route : routes_)
      if (route.tag == action.tag()) {
        route.call(route.owner, action);
        return true;
      }
    return false;
  }
  template <typename A>
  bool handles() const {
    for (const auto& route : routes_)
      if (route.tag == action_tag<A>()) return true;
    return false;
  }

 private:
  struct Route {
    const void* tag;
    void* owner;
    void (*call)(void* owner, const Action& action);
  };
  std::vector<Route> routes_;  // ~60: a scan is as fast as a hash here
};

}  // namespace app
