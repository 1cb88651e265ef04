#pragma once
// Today's plan: per warehouse and delivery method, what must leave before
// the cutoff, with countdowns; the hand-over act and the pick list. Its
// slice (AppState::plan) holds the warehouses and delivery methods, which
// the offline copies keep too.
#include <cstdint>
#include <vector>

#include "app/app.h"
#include "core/shipping_plan.h"

namespace app {

// Hand-over: the act for a delivery method's departure today, and the pick list.
struct CreateAct {
  std::int64_t delivery_method_id;
};
struct DownloadAct {
  std::int64_t delivery_method_id;
};
struct PrintPickList {
  std::int64_t delivery_method_id;  // 0 = the selected postings
};

class PlanScreen final : public Feature {
 public:
  explicit PlanScreen(App& app);
  static constexpr std::string_view kId = "plan";
  std::string_view id() const override { return kId; }
  char shortcut() const override { return 'p'; }

  void on_store_opened() override;
  void prepare_frame(bool on_screen) override;
  // The cutoff countdowns change with the minute.
  RedrawNeeds redraw_needs(bool on_screen) const override { return {.minute_ticks = on_screen}; }
  void write_snapshot(nlohmann::json& snapshot) const override;

  void on(const CreateAct&);
  void on(const DownloadAct&);
  void on(const PrintPickList&);

  // What to pick for a delivery method's departure (0: the selected
  // postings), sets as their parts: the printed and the on-screen pick list.
  core::PickList pick_list(std::int64_t delivery_method_id) const;

 private:
  std::vector<const core::Posting*> postings_to_pick(std::int64_t delivery_method_id) const;
  void load_delivery_methods(const std::string& store_id);
  void poll_act(std::int64_t method_id, std::int64_t act_id, int attempt);
  // The session of the store a delivery method belongs to (by the plan's groups).
  StoreSession* session_of_method(std::int64_t method_id);
  std::string store_of_method(std::int64_t method_id) const;
};

}  // namespace app
