#include "core/rfbs_return.h"

#include <algorithm>

namespace core {

std::string_view rfbs_action_name(RfbsAction action) {
  switch (action) {
    case RfbsAction::verify: return "verify";
    case RfbsAction::reject: return "reject";
    case RfbsAction::receive: return "receive";
    case RfbsAction::return_money: return "return_money";
    case RfbsAction::compensate: return "compensate";
  }
  return "";
}

std::optional<RfbsAction> rfbs_action_from_name(std::string_view name) {
  for (const auto action : kRfbsActions)
    if (rfbs_action_name(action) == name) return action;
  return std::nullopt;
}

std::vector<RfbsAction> allowed_rfbs_actions(std::string_view group_state) {
  using A = RfbsAction;
  if (group_state == "New") return {A::verify, A::reject, A::return_money, A::compensate};
  if (group_state == "Delivering") return {A::receive};
  if (group_state == "Checkout") return {A::return_money, A::reject, A::compensate};
  return {};
}

bool rfbs_action_allowed(std::string_view group_state, RfbsAction action) {
  const auto allowed = allowed_rfbs_actions(group_state);
  return std::find(allowed.begin(), allowed.end(), action) != allowed.end();
}

std::string rfbs_state_after(std::string_view group_state, RfbsAction action) {
  if (!rfbs_action_allowed(group_state, action)) return std::string(group_state);
  switch (action) {
    case RfbsAction::verify: return "Delivering";
    case RfbsAction::receive: return "Checkout";
    case RfbsAction::reject: return "Rejected";
    case RfbsAction::return_money:
    case RfbsAction::compensate: return "Approved";
  }
  return std::string(group_state);
}

std::string_view rfbs_group_of(const RfbsReturn& r) { return r.group_state.empty() ? r.state : r.group_state; }

}  // namespace core
