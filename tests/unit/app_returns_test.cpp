// The Returns screen against the in-process demo marketplace: loaded when
// first shown, each rFBS answer offered only in the state that allows it,
// answers through the outbox with the return read again, Ozon's refusal
// shown on the return with its real state, what the seller typed kept
// across a restart, FBS returns, links to the posting, load errors.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <utility>
#include <nlohmann/json.hpp>

#include "app/returns_screen.h"
#include "app/snapshot.h"
#include "app_test_support.h"

namespace {

using core::RfbsAction;

const app::ReturnsSlice& returns_of(app::App& app) { return app.feature<app::ReturnsScreen>().slice(); }
const app::ReturnsScreen& screen_of(app::App& app) { return app.feature<app::ReturnsScreen>(); }

app::App& show_returns(app_test::Device& device) {
  device.app->apply(app::ShowView{"returns"});
  device.app->prepare_frame();
  device.settle(5'000);
  return *device.app;
}

int calls(app_test::Device& device, std::string_view path) { return device.roads.market.faults().calls(path); }

// The first rFBS request, forced into `group` behind the console's back, read again and opened.
std::int64_t request_in(app_test::Device& device, const std::string& group) {
  auto& app = *device.app;
  REQUIRE_FALSE(returns_of(app).rfbs.empty());
  const std::int64_t id = returns_of(app).rfbs.front().data.return_id;
  REQUIRE(device.roads.market.set_rfbs_return_state(id, group));
  app.apply(app::RefreshReturns{});
  device.settle(5'000);
  app.apply(app::SelectReturn{id});
  device.settle(5'000);
  const app::RfbsRow* row = screen_of(app).find(id);
  REQUIRE(row);
  REQUIRE(row->data.detailed);
  REQUIRE(core::rfbs_group_of(row->data) == group);
  return id;
}

const app::RfbsRow& row_of(app::App& app, std::int64_t id) {
  const app::RfbsRow* row = screen_of(app).find(id);
  REQUIRE(row);
  return *row;
}

// What the seller typed (GCC warns on designated initialisers that leave fields out).
app::RfbsInputs typed(std::string method, std::int64_t reason_id, std::string comment, std::string postage,
                      std::string amount) {
  app::RfbsInputs in;
  in.method = std::move(method);
  in.reason_id = reason_id;
  in.comment = std::move(comment);
  in.postage = std::move(postage);
  in.amount = std::move(amount);
  return in;
}

std::size_t entries_of_kind(app::App& app, std::string_view kind) {
  const auto& entries = app.state().outbox.entries;
  return static_cast<std::size_t>(
      std::count_if(entries.begin(), entries.end(), [kind](const app::OutboxEntry& e) { return e.kind == kind; }));
}

}  // namespace

TEST_CASE("returns: nothing is asked of Ozon until the screen is shown; then both lists load") {
  app_test::Device device;
  CHECK(calls(device, "/v2/returns/rfbs/list") == 0);
  CHECK(calls(device, "/v1/returns/list") == 0);
  auto& app = show_returns(device);
  const auto& slice = returns_of(app);
  CHECK(slice.rfbs_loaded);
  CHECK(slice.fbs_loaded);
  CHECK(slice.error.empty());
  REQUIRE_FALSE(slice.rfbs.empty());
  REQUIRE_FALSE(slice.fbs.empty());
  CHECK(calls(device, "/v2/returns/rfbs/list") == 1);
  CHECK(calls(device, "/v1/returns/list") == 1);
  // Shown again: not loaded again.
  app.apply(app::ShowView{"orders"});
  app.prepare_frame();
  show_returns(device);
  CHECK(calls(device, "/v2/returns/rfbs/list") == 1);

  const auto snap = app::snapshot(app)["returns"];
  CHECK(snap["tab"] == "rfbs");
  CHECK(snap["loading"] == false);
  CHECK(snap["open"].is_null());
  const auto& first = snap["rfbs"][0];
  for (const char* field : {"id", "number", "posting", "group", "state", "stateName", "product", "price", "allowed",
                            "pending", "refusal", "detailed"})
    CHECK_MESSAGE(first.contains(field), field);
  CHECK(first["pending"].is_null());
  CHECK(first["refusal"].is_null());
  const auto& fbs = snap["fbs"][0];
  for (const char* field : {"id", "posting", "product", "sku", "quantity", "status", "statusName", "reason"})
    CHECK_MESSAGE(fbs.contains(field), field);
  for (const auto& item : slice.fbs) CHECK_FALSE(item.posting_number.empty());
}

TEST_CASE("returns: each answer is offered only in the state that allows it, and refused locally otherwise") {
  app_test::Device device;
  auto& app = show_returns(device);
  for (const std::string group : {"New", "Delivering", "Checkout", "Arbitration", "Approved", "Rejected"}) {
    CAPTURE(group);
    const std::int64_t id = request_in(device, group);
    const auto snap = app::snapshot(app)["returns"];
    nlohmann::json expected = nlohmann::json::array();
    for (const auto action : core::allowed_rfbs_actions(group)) expected.push_back(core::rfbs_action_name(action));
    for (const auto& row : snap["rfbs"])
      if (row["id"] == id) CHECK(row["allowed"] == expected);
    for (const auto action : core::kRfbsActions) {
      if (core::rfbs_action_allowed(group, action)) continue;
      app.apply(app::AnswerReturn{id, action});
      CHECK(row_of(app, id).input_error == "returns.error.not_allowed");
    }
  }
  CHECK(app.state().outbox.entries.empty());  // nothing disallowed went anywhere
}

TEST_CASE("returns: approving goes through the outbox once, then the return is read again") {
  app_test::Device device;
  auto& app = show_returns(device);
  const std::int64_t id = request_in(device, "New");
  app.apply(app::EditRfbsInputs{id, typed("Почтой России", 0, "", "", "")});
  app.apply(app::AnswerReturn{id, RfbsAction::verify});
  REQUIRE(entries_of_kind(app, "rfbs_verify") == 1);
  const auto snap = app::snapshot(app)["returns"];
  for (const auto& row : snap["rfbs"])
    if (row["id"] == id) CHECK(row["pending"]["action"] == "verify");
  // A second click while it is on its way sends nothing more.
  app.apply(app::AnswerReturn{id, RfbsAction::verify});
  CHECK(entries_of_kind(app, "rfbs_verify") == 1);
  device.settle(10'000);
  CHECK(calls(device, "/v2/returns/rfbs/verify") == 1);
  const auto& row = row_of(app, id);
  CHECK(core::rfbs_group_of(row.data) == "Delivering");
  CHECK(row.refusal.empty());
  CHECK_FALSE(row.reading);
  CHECK(screen_of(app).pending_for(id) == nullptr);
  CHECK(screen_of(app).inputs_for(id).method.empty());  // what was typed for it went with it
  CHECK(core::allowed_rfbs_actions(core::rfbs_group_of(row.data)) == std::vector<RfbsAction>{RfbsAction::receive});
}

TEST_CASE("returns: an answer Ozon refuses shows its words on the return, which is read again") {
  app_test::Device device;
  auto& app = show_returns(device);
  const std::int64_t id = request_in(device, "Delivering");
  // Behind the console's back the request moves on; the console still offers "received".
  REQUIRE(device.roads.market.set_rfbs_return_state(id, "Approved"));
  app.apply(app::AnswerReturn{id, RfbsAction::receive});
  device.settle(10'000);
  const auto& row = row_of(app, id);
  CHECK_FALSE(row.refusal.empty());
  CHECK(row.refusal.rfind("http", 0) != 0);  // Ozon's words, not the technical line
  CHECK(core::rfbs_group_of(row.data) == "Approved");
  CHECK(core::allowed_rfbs_actions(core::rfbs_group_of(row.data)).empty());
  const auto snap = app::snapshot(app)["returns"];
  for (const auto& r : snap["rfbs"])
    if (r["id"] == id) {
      CHECK(r["refusal"].is_string());
      CHECK(r["allowed"].empty());
      CHECK(r["pending"].is_null());
    }
}

TEST_CASE("returns: rejecting needs one of the request's reasons, and a comment when the reason asks") {
  app_test::Device device;
  auto& app = show_returns(device);
  const std::int64_t id = request_in(device, "New");
  const auto& reasons = row_of(app, id).data.rejection_reasons;
  REQUIRE_FALSE(reasons.empty());
  app.apply(app::AnswerReturn{id, RfbsAction::reject});
  CHECK(row_of(app, id).input_error == "returns.error.choose_reason");
  auto needs_comment = std::find_if(reasons.begin(), reasons.end(), [](const auto& r) { return r.comment_required; });
  const auto reason = needs_comment != reasons.end() ? *needs_comment : reasons.front();
  if (reason.comment_required) {
    app.apply(app::EditRfbsInputs{id, typed("", reason.id, "  ", "", "")});
    app.apply(app::AnswerReturn{id, RfbsAction::reject});
    CHECK(row_of(app, id).input_error == "returns.error.comment_required");
    CHECK(entries_of_kind(app, "rfbs_reject") == 0);
  }
  app.apply(app::EditRfbsInputs{id, typed("", reason.id, "На товаре следы использования", "", "")});
  CHECK(row_of(app, id).input_error.empty());
  app.apply(app::AnswerReturn{id, RfbsAction::reject});
  REQUIRE(entries_of_kind(app, "rfbs_reject") == 1);
  const auto body = nlohmann::json::parse(app.state().outbox.entries.back().body);
  CHECK(body["rejection_reason_id"] == reason.id);
  CHECK(body["comment"] == "На товаре следы использования");
  device.settle(10'000);
  CHECK(core::rfbs_group_of(row_of(app, id).data) == "Rejected");
}

TEST_CASE("returns: a compensation is roubles with kopecks, above zero and not above the price") {
  app_test::Device device;
  auto& app = show_returns(device);
  const std::int64_t id = request_in(device, "Checkout");
  const core::Money price = row_of(app, id).data.price;
  REQUIRE(price.minor > 100);
  for (const char* bad : {"", "abc", "0", "-5", "1.234"}) {
    app.apply(app::EditRfbsInputs{id, typed("", 0, "", "", bad)});
    app.apply(app::AnswerReturn{id, RfbsAction::compensate});
    CHECK_MESSAGE(row_of(app, id).input_error == "returns.error.amount", bad);
  }
  app.apply(app::EditRfbsInputs{id, typed("", 0, "", "", core::format_amount({price.minor + 1, {}}))});
  app.apply(app::AnswerReturn{id, RfbsAction::compensate});
  CHECK(row_of(app, id).input_error == "returns.error.amount_above_price");
  app.apply(app::EditRfbsInputs{id, typed("", 0, "", "", "1,50")});
  app.apply(app::AnswerReturn{id, RfbsAction::compensate});
  REQUIRE(entries_of_kind(app, "rfbs_compensate") == 1);
  CHECK(nlohmann::json::parse(app.state().outbox.entries.back().body)["compensation_amount"] == "1.50");
  device.settle(10'000);
  CHECK(core::rfbs_group_of(row_of(app, id).data) == "Approved");
  CHECK(screen_of(app).inputs_for(id).amount.empty());
}

TEST_CASE("returns: a refund with the buyer's postage in whole roubles") {
  app_test::Device device;
  auto& app = show_returns(device);
  const std::int64_t id = request_in(device, "Checkout");
  app.apply(app::EditRfbsInputs{id, typed("", 0, "", "350.50", "")});
  app.apply(app::AnswerReturn{id, RfbsAction::return_money});
  CHECK(row_of(app, id).input_error == "returns.error.postage");
  app.apply(app::EditRfbsInputs{id, typed("", 0, "", "350", "")});
  app.apply(app::AnswerReturn{id, RfbsAction::return_money});
  REQUIRE(entries_of_kind(app, "rfbs_return_money") == 1);
  CHECK(nlohmann::json::parse(app.state().outbox.entries.back().body)["return_for_back_way"] == 350);
  device.settle(10'000);
  CHECK(core::rfbs_group_of(row_of(app, id).data) == "Approved");
}

TEST_CASE("returns: what the seller typed survives a restart, and the open return reopens") {
  app_test::Device device;
  show_returns(device);
  const std::int64_t id = request_in(device, "New");
  device.app->apply(app::EditRfbsInputs{id, typed("Курьером", 0, "Проверим", "200", "99.90")});
  device.settle(1'000);
  device.reload();
  auto& app = show_returns(device);
  const auto& kept = screen_of(app).inputs_for(id);
  CHECK(kept.method == "Курьером");
  CHECK(kept.comment == "Проверим");
  CHECK(kept.postage == "200");
  CHECK(kept.amount == "99.90");
  CHECK(returns_of(app).open == id);
  CHECK(app.state().view == "returns");
}

TEST_CASE("returns: an answer made offline waits in the outbox across a reload and goes once") {
  app_test::Device device;
  auto& app = show_returns(device);
  const std::int64_t id = request_in(device, "New");
  app.set_online(false);
  app.apply(app::AnswerReturn{id, RfbsAction::verify});
  device.settle(10'000);
  CHECK(calls(device, "/v2/returns/rfbs/verify") == 0);
  device.reload([](app::App& page) { page.set_online(false); });
  CHECK(device.app->state().outbox.pending == 1);
  device.app->set_online(true);
  auto& again = show_returns(device);
  device.settle(30'000);
  CHECK(calls(device, "/v2/returns/rfbs/verify") == 1);
  CHECK(core::rfbs_group_of(row_of(again, id).data) == "Delivering");
}

TEST_CASE("returns: an answer whose outcome is unknown is done once the return left the state that allowed it") {
  app_test::Device device;
  auto& app = show_returns(device);
  const std::int64_t id = request_in(device, "New");
  app::OutboxEntry entry;
  entry.store_id = app.state().stores.active_id;
  entry.kind = "rfbs_verify";
  entry.posting_number = row_of(app, id).data.posting_number;
  entry.body = nlohmann::json{{"return_id", id}}.dump();
  auto verify = [&] {
    std::optional<app::VerifyOutcome> outcome;
    app.feature<app::ReturnsScreen>().verify_change(entry, [&outcome](app::VerifyOutcome o) { outcome = o; });
    device.settle(5'000);
    REQUIRE(outcome.has_value());
    return outcome->kind;
  };
  CHECK(verify() == app::VerifyOutcome::Kind::not_done);
  REQUIRE(device.roads.market.set_rfbs_return_state(id, "Delivering"));
  CHECK(verify() == app::VerifyOutcome::Kind::already_done);
  entry.body = nlohmann::json{{"return_id", 999'999'999}}.dump();
  CHECK(verify() == app::VerifyOutcome::Kind::unknown);
}

TEST_CASE("returns: FBS tab, status filter, links to the posting and the chat") {
  app_test::Device device;
  auto& app = show_returns(device);
  app.apply(app::SetReturnsTab{"fbs"});
  CHECK(returns_of(app).tab == "fbs");
  const std::string status = returns_of(app).fbs.front().status_name;
  app.apply(app::SetFbsFilter{{status, "", ""}});
  app.apply(app::ApplyFbsFilter{});
  device.settle(5'000);
  CHECK(calls(device, "/v1/returns/list") == 2);
  // A posting the orders list does not hold is said so; one it holds opens on the orders screen.
  app.apply(app::OpenReturnPosting{"00000000-0000-1"});
  CHECK(returns_of(app).missing_posting == "00000000-0000-1");
  CHECK(app.state().view == "returns");
  const auto& list = app.state().orders.list;
  REQUIRE(list.visible_count() > 0);
  const std::string held = list.at(0).posting_number;
  app.apply(app::OpenReturnPosting{held});
  CHECK(app.state().view == "orders");
  CHECK(app.state().orders.open == held);
  CHECK(returns_of(app).missing_posting.empty());
}

TEST_CASE("returns: a failed load is shown with the notice machinery and what was listed stays") {
  app_test::Device device;
  auto& app = show_returns(device);
  const std::size_t listed = returns_of(app).rfbs.size();
  device.roads.market.faults().force_next(10, sandbox::FaultKnob::Kind::http500);
  app.apply(app::RefreshReturns{});
  device.settle(60'000);
  CHECK_FALSE(returns_of(app).error.empty());
  CHECK(returns_of(app).rfbs.size() == listed);
  CHECK(app::snapshot(app)["returns"]["error"] != "");
}

TEST_CASE("returns: another store's returns are dropped on a switch") {
  app_test::Device device;
  auto& app = show_returns(device);
  REQUIRE_FALSE(returns_of(app).rfbs.empty());
  app.feature<app::ReturnsScreen>().on_store_opened();
  CHECK(returns_of(app).rfbs.empty());
  CHECK(returns_of(app).fbs.empty());
  app.prepare_frame();
  device.settle(5'000);
  CHECK_FALSE(returns_of(app).rfbs.empty());
}
