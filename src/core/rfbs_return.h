#pragma once
// rFBS return requests (the seller delivers, so the buyer's return comes
// back to the seller): what the buyer asks, where the request stands, and
// which of the seller's answers Ozon allows in that state.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/money.h"

namespace core {

// The seller's answers (the spec's /v2/returns/rfbs/* methods).
enum class RfbsAction {
  verify,        // approve: the buyer sends the item back for a check
  reject,        // refuse, with one of Ozon's reasons (and a comment when it asks for one)
  receive,       // the item came back: it is being checked
  return_money,  // refund the item's price (and the buyer's postage, if any)
  compensate,    // refund part of the price; the buyer keeps the item
};
inline constexpr RfbsAction kRfbsActions[] = {RfbsAction::verify, RfbsAction::reject, RfbsAction::receive,
                                              RfbsAction::return_money, RfbsAction::compensate};
std::string_view rfbs_action_name(RfbsAction action);  // "verify", "reject", ... (snapshot, outbox kinds)
std::optional<RfbsAction> rfbs_action_from_name(std::string_view name);

struct RfbsRejectionReason {
  std::int64_t id = 0;
  std::string name;
  std::string hint;
  bool comment_required = false;
};

struct RfbsReturn {
  // /v2/returns/rfbs/list
  std::int64_t return_id = 0;
  std::string return_number;
  std::string posting_number;
  std::string order_number;
  std::string client_name;
  EpochMs created_at = 0;
  std::int64_t sku = 0;
  std::string offer_id;
  std::string product_name;
  Money price;
  std::string group_state;  // New | Delivering | Checkout | Arbitration | Approved | Rejected
  std::string state;        // Ozon's finer state code
  std::string state_name;   // in Russian
  std::string money_return_state_name;

  // /v2/returns/rfbs/get (detailed = true once read)
  bool detailed = false;
  struct AvailableAction {
    std::int64_t id = 0;
    std::string name;
  };
  std::vector<AvailableAction> available_actions;
  std::vector<RfbsRejectionReason> rejection_reasons;
  std::string return_reason_name;
  bool is_defect = false;
  std::string comment;  // the buyer's
  std::string return_method_description;
  std::string rejection_comment;
  std::string ru_post_tracking_number;
  std::vector<std::string> client_photos;
  std::int64_t warehouse_id = 0;
};

// The answers Ozon accepts in a group state (an unknown state allows none):
//   New         -> verify, reject, return_money, compensate
//   Delivering  -> receive
//   Checkout    -> return_money, reject, compensate
//   Arbitration, Approved, Rejected -> none (Ozon or the buyer acts next)
std::vector<RfbsAction> allowed_rfbs_actions(std::string_view group_state);
bool rfbs_action_allowed(std::string_view group_state, RfbsAction action);
// The group state a return moves to after an accepted answer.
std::string rfbs_state_after(std::string_view group_state, RfbsAction action);
// The group of a return: group_state, or (older replies) the state itself.
std::string_view rfbs_group_of(const RfbsReturn& r);

}  // namespace core
