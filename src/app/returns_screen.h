#pragma once
// The Returns screen, for the open store: rFBS return requests (the buyer
// asks; the seller approves, rejects, receives the item, refunds or
// compensates, each answer through the outbox) and FBS returns (what Ozon
// brings back). Implemented across returns_screen.cpp (loading, selection,
// links, snapshot), returns_actions.cpp (the seller's answers to Ozon and
// back) and returns_drafts.cpp (half-typed answers kept on the device).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "core/return_item.h"
#include "core/rfbs_return.h"
#include "ozon/requests.h"

namespace app {

// The outbox kinds of the seller's answers: "rfbs_" + core::rfbs_action_name.
std::string rfbs_change_kind(core::RfbsAction action);
std::optional<core::RfbsAction> rfbs_action_of_kind(std::string_view kind);

// A return read again keeps what the other read gave: the details of /get
// (the list has none), the state of the list (/get may name no group).
void keep_details(core::RfbsReturn& fresh, const core::RfbsReturn& old);
void keep_summary(core::RfbsReturn& details, const core::RfbsReturn& listed);

// What the seller typed for one return's answers (a draft until sent).
struct RfbsInputs {
  std::string method;           // verify: how the buyer sends the item back (optional)
  std::int64_t reason_id = 0;   // reject: one of the request's rejection reasons
  std::string comment;          // reject: required when the reason asks for one
  std::string postage;          // return money: the buyer's postage, whole roubles (optional)
  std::string amount;           // compensate: roubles with kopecks, "1234.50"
  bool operator==(const RfbsInputs&) const = default;
  bool empty() const { return *this == RfbsInputs{}; }
};

struct RfbsRow {
  core::RfbsReturn data;
  bool reading = false;      // /get or a re-read under way
  std::string refusal;       // Ozon's words for the last refused answer; "" = none
  std::string input_error;   // a translation key: the answer was not sent (a required field)
};

struct FbsFilter {
  std::string status;      // visual_status_name; "" = any
  std::string from_text;   // "YYYY-MM-DD" as typed (status changed on or after)
  std::string to_text;     // (on or before)
};

struct ReturnsSlice {
  std::string tab = "rfbs";  // "rfbs" | "fbs"
  bool rfbs_loading = false;
  bool fbs_loading = false;
  bool rfbs_loaded = false;
  bool fbs_loaded = false;
  Notice error;  // the last failed load (the rows already loaded stay)

  // rFBS requests, newest pages appended by "Load more".
  std::string group = "All";  // All | New | Delivering | Checkout | Arbitration | Approved | Rejected
  std::string created_from;   // "YYYY-MM-DD" as typed
  std::string created_to;
  std::vector<RfbsRow> rfbs;
  std::int64_t rfbs_last_id = 0;
  bool rfbs_more = false;
  std::int64_t open = 0;  // the return in the detail panel; 0 = none

  // FBS returns.
  FbsFilter fbs_filter;
  std::vector<core::ReturnItem> fbs;
  std::int64_t fbs_last_id = 0;
  bool fbs_more = false;

  // "Open posting" on a posting the orders list does not hold: said here.
  std::string missing_posting;
};

// The group states the rFBS list can be filtered by (the spec's values).
inline constexpr const char* kRfbsGroups[] = {"All", "New", "Delivering", "Checkout", "Arbitration", "Approved",
                                              "Rejected"};

// Actions of the Returns screen.
struct RefreshReturns {};
struct SetReturnsTab {
  std::string tab;
};
struct SetRfbsFilter {  // a new group reloads at once; typed dates wait for ApplyRfbsFilter
  std::string group;
  std::string created_from;
  std::string created_to;
};
struct ApplyRfbsFilter {};
struct LoadMoreRfbs {};
struct SelectReturn {
  std::int64_t return_id;  // 0 closes the panel
};
struct EditRfbsInputs {
  std::int64_t return_id;
  RfbsInputs inputs;
};
// The seller's answer to a return request, with what they typed.
struct AnswerReturn {
  std::int64_t return_id;
  core::RfbsAction action;
};
struct SetFbsFilter {
  FbsFilter filter;
};
struct ApplyFbsFilter {};
struct LoadMoreFbs {};
// The posting of a return on the orders screen.
struct OpenReturnPosting {
  std::string posting_number;
};

class ReturnsScreen final : public Feature {
 public:
  explicit ReturnsScreen(App& app);
  static constexpr std::string_view kId = "returns";
  std::string_view id() const override { return kId; }
  char shortcut() const override { return 'r'; }

  void on_store_opened() override;
  void prepare_frame(bool on_screen) override;
  void write_snapshot(nlohmann::json& snapshot) const override;
  void collect_drafts(std::map<std::string, std::string>& drafts) const override;
  bool restore_draft(const std::string& key, const nlohmann::json& draft) override;
  void write_ui_draft(nlohmann::json& ui) const override;
  bool restore_ui_draft(const nlohmann::json& ui) override;
  void forget_local_data() override;
  bool owns_change(std::string_view kind) const override { return rfbs_action_of_kind(kind).has_value(); }
  void verify_change(const OutboxEntry& entry, std::function<void(VerifyOutcome)> done) override;
  void on_change_finished(const OutboxEntry& entry) override;

  const ReturnsSlice& slice() const { return slice_; }
  const RfbsRow* find(std::int64_t return_id) const;
  // What the seller typed for a return (empty when nothing).
  const RfbsInputs& inputs_for(std::int64_t return_id) const;
  // The answer on its way for a return (queued, sending or waiting), if any.
  const OutboxEntry* pending_for(std::int64_t return_id) const;

  void on(const RefreshReturns&);
  void on(const SetReturnsTab&);
  void on(const SetRfbsFilter&);
  void on(const ApplyRfbsFilter&);
  void on(const LoadMoreRfbs&);
  void on(const SelectReturn&);
  void on(const EditRfbsInputs&);
  void on(const AnswerReturn&);
  void on(const SetFbsFilter&);
  void on(const ApplyFbsFilter&);
  void on(const LoadMoreFbs&);
  void on(const OpenReturnPosting&);

 private:
  void load_rfbs(bool more);
  void load_fbs(bool more);
  void read_details(std::int64_t return_id);
  // Reads one return again (its list entry for the state, /get for the
  // rest) and hands it over; nullopt when it could not be read.
  void read_return(std::int64_t return_id, const std::string& posting_number,
                   std::function<void(std::optional<core::RfbsReturn>, std::string error)> done);
  void reread(std::int64_t return_id);
  RfbsRow* find_mutable(std::int64_t return_id);
  // Drafts: one record per store ("returns:<store id>").
  std::map<std::int64_t, RfbsInputs>& store_inputs();

  ReturnsSlice slice_;
  std::string store_id_;       // the store slice_ belongs to
  bool requested_ = false;     // loaded (or loading) since the store opened
  int generation_ = 0;         // a store switch ignores older replies
  int rfbs_generation_ = 0;    // a new filter ignores older pages of that list
  int fbs_generation_ = 0;
  std::int64_t open_after_load_ = 0;  // the return open before a reload, reopened once listed
  std::map<std::string, std::map<std::int64_t, RfbsInputs>> inputs_;  // store -> return -> typed
};

}  // namespace app
