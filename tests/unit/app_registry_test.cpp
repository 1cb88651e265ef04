// The screen registry: a feature added from outside the app's files gets
// its actions, snapshot section, drafts and redraw needs without any shared
// file knowing of it; the registered screens; redraws for countdowns.
#include <doctest/doctest.h>

#include <memory>

#include "app/drafts.h"
#include "app/snapshot.h"
#include "app_test_support.h"
#include "store/schema.h"

namespace {

// A screen as a later issue would add one: its own slice, one action.
struct CountUp {
  int by = 1;
};

class CounterScreen final : public app::Feature {
 public:
  explicit CounterScreen(app::App& app) : Feature(app) { handle<CountUp>(this); }
  static constexpr std::string_view kId = "counter";
  std::string_view id() const override { return kId; }
  char shortcut() const override { return 'c'; }
  app::RedrawNeeds redraw_needs(bool on_screen) const override { return {.second_ticks = on_screen}; }
  void write_snapshot(nlohmann::json& out) const override { out["counter"] = {{"count", count_}}; }
  void write_ui_draft(nlohmann::json& ui) const override { ui["counter"] = count_; }
  bool restore_ui_draft(const nlohmann::json& ui) override {
    if (auto it = ui.find("counter"); it != ui.end() && it->is_number_integer()) count_ = it->get<int>();
    return true;
  }
  void on(const CountUp& a) { count_ += a.by; }
  int count() const { return count_; }

 private:
  int count_ = 0;
};

void add_counter(app::App& app, std::vector<std::unique_ptr<app::Feature>>& features) {
  features.push_back(std::make_unique<CounterScreen>(app));
}

}  // namespace

TEST_CASE("the registered screens are orders, plan, stock, chats, returns, reviews, numbers, alerts and stores, in that order") {
  app_test::Demo demo;
  std::vector<std::string> ids;
  for (const auto& feature : demo.app.features()) ids.emplace_back(feature->id());
  CHECK(ids == std::vector<std::string>{"orders", "plan", "stock", "chats", "returns", "reviews", "numbers", "alerts",
                                        "stores", "templates", "pictures", "camera", "packing_video"});
  // The reply templates, the product pictures and the camera and the packing video have no screen of their own.
  CHECK(app::snapshot(demo.app)["screens"] ==
        nlohmann::json::array({"orders", "plan", "stock", "chats", "returns", "reviews", "numbers", "alerts", "stores"}));
}

TEST_CASE("a screen added outside the app's files gets its actions, snapshot, drafts and redraws") {
  app_test::Device device;
  auto open = [&device] {
    device.app.reset();
    app::AppServices services{device.settings, device.clock, device.scheduler, device.roads};
    services.records = &device.records;
    device.app = std::make_unique<app::App>(services, std::vector<std::string>{"en"}, &add_counter);
    device.app->start();
    device.settle();
  };
  open();
  auto& app = *device.app;
  app.apply(app::ShowView{"counter"});
  CHECK(app.state().view == "counter");
  app.apply(CountUp{2});
  app.apply(CountUp{3});
  CHECK(app.feature<CounterScreen>().count() == 5);
  CHECK(app::snapshot(app)["counter"]["count"] == 5);
  CHECK(app::snapshot(app)["screens"].size() == 10);
  // Its seconds countdown asks for a frame at the next whole second while shown.
  const auto next = app.next_redraw_at();
  REQUIRE(next.has_value());
  CHECK(*next == (device.clock.now_ms() / 1000 + 1) * 1000);

  // Its part of the screen draft survives a reload, and the view with it.
  device.settle(1000);
  open();
  CHECK(device.app->state().view == "counter");
  CHECK(device.app->feature<CounterScreen>().count() == 5);
  CHECK(device.app->state().unhandled_actions == 0);
}

TEST_CASE("every action type is routed to one handler; one nobody handles is not") {
  app_test::Demo demo;
  CHECK(demo.app.router().handles<app::SetSearch>());
  CHECK(demo.app.router().handles<app::CreateAct>());
  CHECK(demo.app.router().handles<app::SaveStore>());
  CHECK(demo.app.router().handles<app::ShowView>());
  CHECK_FALSE(demo.app.router().handles<CountUp>());
}

TEST_CASE("Today's plan redraws as its cutoff countdowns change, not only the orders list") {
  app_test::Demo demo;
  const core::EpochMs minute = 60'000;
  const auto next_minute = (demo.clock.now_ms() / minute + 1) * minute;
  CHECK(demo.app.next_redraw_at() == next_minute);  // the orders list counts down
  demo.app.apply(app::ShowView{"plan"});
  CHECK(demo.app.next_redraw_at() == next_minute);  // so does the plan (it stood still before)
  demo.app.apply(app::ShowView{"stores"});
  CHECK_FALSE(demo.app.next_redraw_at().has_value());  // nothing counts down there
}

TEST_CASE("destroying the app with work pending: the callbacks it scheduled do nothing") {
  app_test::Device device;
  const std::string number = device.first_shippable(false);
  REQUIRE_FALSE(number.empty());
  auto& app = *device.app;
  // Work under way: a draft save (300 ms), a label job, a store switch that
  // reads this device's copies, an act being formed.
  app.apply(app::OpenPosting{number});
  app.apply(app::SetCheck{app::CheckItem::items_picked, true});
  app.apply(app::ShowView{"plan"});
  app.prepare_frame();
  if (!app.state().plan.groups.empty()) app.apply(app::CreateAct{app.state().plan.groups.front().delivery_method_id});
  app.apply(app::PrintLabels{false});
  app.apply(app::RefreshOrders{});
  app.flush_drafts();  // storage answers pending too
  device.app.reset();
  // Timers and storage answers arrive after the app is gone: under
  // AddressSanitizer a callback that touched it would fail here.
  CHECK(device.scheduler.run(600'000) >= 0);
  device.reload();  // a new page over the same device still works
  CHECK_FALSE(device.orders().list.postings().empty());
}
