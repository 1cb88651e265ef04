#pragma once
// What the views may ask for. Views push actions; App::apply runs them after
// the frame, so drawing never mutates state in the middle of a frame.
#include <utility>
#include <variant>
#include <vector>

#include "app/app_state.h"

namespace app {

struct SetLanguage {
  Lang lang;
};
struct ShowView {
  View view;
};

using Action = std::variant<SetLanguage, ShowView>;

class ActionQueue {
 public:
  void push(Action action) { pending_.push_back(std::move(action)); }
  std::vector<Action> take() { return std::exchange(pending_, {}); }
  bool empty() const { return pending_.empty(); }

 private:
  std::vector<Action> pending_;
};

}  // namespace app
