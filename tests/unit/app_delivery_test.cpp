// rFBS delivery and cancellation details through the app, against the demo
// marketplace: tracking numbers pasted in bulk, the shipping date Ozon asks
// for, and cancelling only some items.
#include <doctest/doctest.h>

#include "app_test_support.h"
#include "core/local_time.h"

namespace {

using app_test::Demo;

// Postings of one tab that pass `want`, in the tab's order.
template <typename Want>
std::vector<std::string> postings_in(Demo& demo, core::Stage tab, Want want) {
  demo.app.apply(app::SelectTab{tab});
  demo.app.prepare_frame();
  std::vector<std::string> out;
  const auto& list = demo.orders().list;
  for (std::size_t row = 0; row < list.visible_count(); ++row)
    if (want(list.at(row))) out.push_back(list.at(row).posting_number);
  return out;
}

}  // namespace

TEST_CASE("tracking numbers pasted as two columns are previewed, then set in one action") {
  Demo demo;
  const auto numbers = postings_in(demo, core::Stage::awaiting_shipment,
                                   [](const core::Posting& p) { return p.can("set_track_number"); });
  REQUIRE(numbers.size() >= 2);
  const auto fbs = postings_in(demo, core::Stage::awaiting_shipment, [](const core::Posting& p) { return !p.is_rfbs(); });
  REQUIRE_FALSE(fbs.empty());

  demo.app.apply(app::OpenTrackingPaste{true});
  const std::string text = "Posting\tTracking\r\n" + numbers[0] + "\tRA111111111RU\r\n" + numbers[1] +
                           "\tRA222222222RU\r\n" + fbs[0] + "\tRA333333333RU\r\nnot-a-number\tX\r\n";
  demo.app.apply(app::EditTrackingPaste{text});
  const auto& paste = demo.orders().tracking_paste;
  CHECK(paste.rows.size() == 2);
  CHECK(paste.not_settable == std::vector<std::string>{fbs[0]});  // FBS: Ozon takes no tracking number
  CHECK(paste.problems.size() >= 2);                                // the header and the bad line

  demo.app.apply(app::SendTrackingPaste{});
  CHECK(paste.state == app::OrdersSlice::TrackingPaste::State::sending);
  demo.settle();
  CHECK(paste.state == app::OrdersSlice::TrackingPaste::State::done);
  CHECK(paste.sent == 2);
  CHECK(paste.refused.empty());
  CHECK(demo.orders().list.find(numbers[0])->tracking_number == "RA111111111RU");
  CHECK(demo.orders().list.find(numbers[1])->tracking_number == "RA222222222RU");
}

TEST_CASE("the shipping date Ozon asks for is set from the seller's local time") {
  Demo demo;
  const auto numbers = postings_in(demo, core::Stage::awaiting_packaging,
                                   [](const core::Posting& p) { return p.can("set_cutoff"); });
  REQUIRE_FALSE(numbers.empty());
  demo.app.mutable_state().utc_offset_minutes = 480;  // Beijing
  demo.app.apply(app::OpenPosting{numbers[0]});
  const auto& work = demo.orders().work.at(numbers[0]);

  demo.app.apply(app::EditCutoff{"yesterday"});
  demo.app.apply(app::SetCutoff{});
  CHECK(work.delivery_error.key == "cutoff.bad_date");

  const std::string tomorrow = core::format_local_datetime(demo.clock.now_ms() + 86'400'000, 480).substr(0, 10) + " 18:00";
  demo.app.apply(app::EditCutoff{tomorrow});
  demo.app.apply(app::SetCutoff{});
  demo.settle();
  CHECK(work.delivery == app::PostingWork::Delivery::done);
  const core::Posting* posting = demo.orders().list.find(numbers[0]);
  CHECK(posting->shipment_date == *core::parse_local_datetime(tomorrow, 480));
  CHECK_FALSE(posting->can("set_cutoff"));
}

TEST_CASE("cancelling only some items sends those items and keeps the rest") {
  Demo demo;
  const auto numbers = postings_in(demo, core::Stage::awaiting_packaging, [](const core::Posting& p) {
    return p.can("cancel") && p.products.size() >= 2;
  });
  REQUIRE_FALSE(numbers.empty());
  demo.app.apply(app::OpenPosting{numbers[0]});
  demo.app.apply(app::OpenCancel{});
  demo.settle();
  const auto& cancel = demo.orders().work.at(numbers[0]).cancel;
  REQUIRE_FALSE(cancel.reasons.empty());
  const core::Posting before = *demo.orders().list.find(numbers[0]);
  demo.app.apply(app::SetCancelReason{cancel.reasons.front().id});
  demo.app.apply(app::EditCancelMessage{"Out of stock"});
  demo.app.apply(app::SetCancelPartial{true});
  // Nothing chosen: refused before anything is sent.
  demo.app.apply(app::ConfirmCancel{});
  CHECK(cancel.error.key == "cancel.choose_items");
  demo.app.apply(app::SetCancelQuantity{0, 99});  // clamped to what was ordered
  CHECK(cancel.quantities[0] == before.products[0].quantity);
  // Ozon requires a message for cancelling some items, whatever the reason.
  demo.app.apply(app::EditCancelMessage{""});
  demo.app.apply(app::ConfirmCancel{});
  CHECK(cancel.error.key == "cancel.items_message_required");
  CHECK(cancel.state == app::PostingWork::Cancel::State::failed);
  demo.app.apply(app::EditCancelMessage{"Out of stock"});
  demo.app.apply(app::ConfirmCancel{});
  demo.settle();
  CHECK(cancel.state == app::PostingWork::Cancel::State::done);
  const core::Posting* after = demo.orders().list.find(numbers[0]);
  REQUIRE(after != nullptr);
  CHECK(after->status != core::PostingStatus::cancelled);  // the other line stays
  bool first_line_left = false;
  for (const auto& product : after->products) first_line_left = first_line_left || product.sku == before.products[0].sku;
  CHECK_FALSE(first_line_left);
}
