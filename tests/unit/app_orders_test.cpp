// The orders workflow through the app layer, against the demo marketplace
// with a manual clock: the same actions the UI pushes.
#include <doctest/doctest.h>

#include "app/app.h"
#include "app/orders_screen.h"
#include "app/plan_screen.h"
#include "app/stores_screen.h"
#include "app/snapshot.h"
#include "ozon/endpoints.h"
#include "app_test_support.h"
#include "ozon_test_support.h"

namespace {

using app_test::Demo;

std::int64_t items(const core::Posting& p) {
  std::int64_t n = 0;
  for (const auto& product : p.products) n += product.quantity;
  return n;
}

}  // namespace

TEST_CASE("the orders screen opens on the packaging tab, most urgent first") {
  Demo demo;
  const auto& list = demo.orders().list;
  REQUIRE(list.visible_count() > 0);
  CHECK(list.query().tab == core::Stage::awaiting_packaging);
  for (std::size_t row = 1; row < list.visible_count(); ++row)
    CHECK(list.at(row - 1).shipment_date <= list.at(row).shipment_date);

  demo.app.apply(app::SetSearch{list.at(0).posting_number});
  demo.app.prepare_frame();
  CHECK(list.visible_count() == 1);
  demo.app.apply(app::SetSearch{""});
  demo.app.apply(app::SelectTab{core::Stage::awaiting_shipment});
  demo.app.prepare_frame();
  for (std::size_t row = 0; row < list.visible_count(); ++row)
    CHECK(list.at(row).status == core::PostingStatus::awaiting_deliver);
}

TEST_CASE("a wrong scan is refused and recorded; Ship waits for the checklist") {
  Demo demo;
  const std::string number = demo.find([](const core::Posting& p) { return !p.requirements->any(); });
  REQUIRE_FALSE(number.empty());
  demo.app.apply(app::OpenPosting{number});
  demo.app.apply(app::ScanCode{"4600000000000"});
  const auto& work = demo.orders().work.at(number);
  CHECK(work.last_scan.outcome == core::ScanOutcome::unknown);
  CHECK(work.verification.refused_count() == 1);
  // Not verified yet: the action is refused like the disabled button.
  demo.app.apply(app::ShipOpenPosting{});
  CHECK(work.ship == app::PostingWork::Ship::idle);
  demo.app.apply(app::CopyText{number});
  CHECK(demo.copied == std::vector<std::string>{number});
}

TEST_CASE("a multi-item posting shipped in two boxes becomes two postings awaiting shipment") {
  Demo demo;
  const std::string number = demo.find([](const core::Posting& p) {
    return items(p) >= 2 && !p.requirements->any() && !p.is_rfbs();
  });
  REQUIRE_FALSE(number.empty());
  demo.app.apply(app::OpenPosting{number});
  const core::Posting posting = *demo.orders().list.find(number);
  demo.app.apply(app::SetCheck{app::CheckItem::items_picked, true});
  for (std::size_t line = 0; line < posting.products.size(); ++line)
    for (std::int64_t n = 0; n < posting.products[line].quantity; ++n)
      demo.app.apply(app::ScanCode{posting.products[line].offer_id});
  const auto& work = demo.orders().work.at(number);
  CHECK(work.verification.ready_to_ship());
  demo.app.apply(app::SetBoxCount{2});
  CHECK(work.boxes.box_count() == 2);
  CHECK(core::validate(posting, work.boxes).empty());
  demo.app.apply(app::ShipOpenPosting{});
  CHECK(work.ship == app::PostingWork::Ship::sending);
  demo.settle();
  REQUIRE(work.ship == app::PostingWork::Ship::done);
  REQUIRE(work.shipped_as.size() == 2);
  for (const auto& created : work.shipped_as) {
    const core::Posting* p = demo.orders().list.find(created);
    REQUIRE(p);
    CHECK(p->status == core::PostingStatus::awaiting_deliver);
  }
  const auto snap = app::snapshot(demo.app);
  CHECK(snap["orders"]["detail"]["shippedAs"].size() == 2);
}

TEST_CASE("batch ship sends each selected posting once, in one box") {
  Demo demo;
  auto& list = demo.orders().list;
  demo.app.apply(app::ClickRow{0});
  demo.app.apply(app::ClickRow{2, false, true});  // shift: rows 0..2
  CHECK(demo.orders().selection.count() == 3);
  std::size_t shippable = 0;
  for (const auto& n : demo.orders().selection.numbers(list))
    if (list.find(n)->can("ship")) ++shippable;
  demo.app.apply(app::BatchShipSelected{});
  CHECK(demo.orders().batch_pending == static_cast<int>(shippable));
  demo.settle();
  CHECK(demo.orders().batch_pending == 0);
  const auto shipped = static_cast<std::size_t>(demo.roads.market.faults().successes(ozon::endpoint::kPostingShip));
  CHECK(shipped + demo.orders().batch_failed.size() == shippable);
}

TEST_CASE("labels right after shipping wait with a countdown, then arrive as one document") {
  Demo demo;
  std::vector<std::string> published;
  std::size_t parts = 0;
  app::App app{{demo.settings, demo.clock, demo.scheduler, demo.roads, {},
                [&](const std::string& name, const std::vector<std::string>& pdfs) {
                  published.push_back(name);
                  parts = pdfs.size();
                }},
               {"en"}};
  app.start();
  demo.scheduler.run(120'000);
  app.prepare_frame();
  const auto& list = app.state().orders.list;
  std::string number;
  for (std::size_t row = 0; row < list.visible_count() && number.empty(); ++row) {
    const auto& p = list.at(row);
    if (p.can("ship") && !p.requirements->any()) number = p.posting_number;
  }
  REQUIRE_FALSE(number.empty());
  app.apply(app::OpenPosting{number});
  const core::Posting posting = *list.find(number);
  app.apply(app::SetCheck{app::CheckItem::items_picked, true});
  for (const auto& product : posting.products)
    for (std::int64_t n = 0; n < product.quantity; ++n) app.apply(app::ScanCode{product.offer_id});
  app.apply(app::ShipOpenPosting{});
  demo.scheduler.run(2'000);  // shipped and re-read, well inside Ozon's 45 s label delay
  app.prepare_frame();
  REQUIRE(list.find(number)->status == core::PostingStatus::awaiting_deliver);

  app.apply(app::PrintLabels{false});
  demo.scheduler.run(3'000);
  const auto& labels = app.state().labels;
  CHECK(labels.running);
  REQUIRE(labels.retry_in_ms.has_value());  // "not ready": the countdown is on screen
  CHECK(*labels.retry_in_ms > 0);
  CHECK(app.next_redraw_at() == (demo.clock.now_ms() / 1000 + 1) * 1000);  // ticks each second
  CHECK(published.empty());

  demo.scheduler.run(120'000);
  CHECK_FALSE(labels.running);
  CHECK(labels.document_ready);
  CHECK(labels.progress.succeeded == 1);
  CHECK(published.size() == 1);
  CHECK(parts == 1);

  // The banner belongs to its batch: the document opened hides its line,
  // moving on (another tab, another posting) the rest; the same posting again does not.
  app.apply(app::OpenDocument{false});
  CHECK(labels.document_opened);
  app.apply(app::OpenPosting{number});
  CHECK_FALSE(labels.moved_on);
  app.apply(app::SelectTab{core::Stage::delivering});
  CHECK(labels.moved_on);
  CHECK(app::snapshot(app)["labels"]["movedOn"] == true);
}

TEST_CASE("printing labels for postings not awaiting shipment says so instead of calling Ozon") {
  Demo demo;
  demo.app.apply(app::ClickRow{0});  // the packaging tab: nothing there can have a label yet
  demo.app.apply(app::PrintLabels{true});
  CHECK(demo.app.state().labels.error.key == "labels.none");
  CHECK_FALSE(demo.app.state().labels.running);
}

TEST_CASE("packing: a wrong item raises a STOP with a sound; nothing counts until it is acknowledged") {
  app_test::Demo demo;
  const std::string number = demo.find([](const core::Posting& p) { return !p.requirements->any(); });
  REQUIRE_FALSE(number.empty());
  const core::Posting posting = *demo.orders().list.find(number);
  demo.app.apply(app::OpenPosting{number});
  const auto& work = demo.orders().work.at(number);
  demo.app.apply(app::ScanCode{"4600000000000"});
  CHECK(work.stop.active);
  CHECK(work.stop.outcome == core::ScanOutcome::unknown);
  CHECK(demo.sounds == 1);
  CHECK(app::snapshot(demo.app)["orders"]["detail"]["stop"]["active"] == true);
  // A right item scanned before the STOP is acknowledged does not count.
  demo.app.apply(app::ScanCode{posting.products.front().offer_id});
  CHECK(work.verification.counted(0) == 0);
  demo.app.apply(app::AcknowledgeStop{});
  CHECK_FALSE(work.stop.active);
  // Every item scanned: all items picked is ticked with the quantities, ready to ship.
  for (const auto& product : posting.products)
    for (std::int64_t n = 0; n < product.quantity; ++n) demo.app.apply(app::ScanCode{product.offer_id});
  CHECK(work.verification.quantities_match());
  CHECK(work.verification.items_picked());
  CHECK(work.verification.ready_to_ship());
  CHECK_FALSE(work.stop.active);
  // One more is one too many: STOP again.
  demo.app.apply(app::ScanCode{posting.products.front().offer_id});
  CHECK(work.stop.active);
  CHECK(work.stop.outcome == core::ScanOutcome::surplus);
  CHECK(demo.sounds == 2);
  // A stray Enter (a blank scan) is refused quietly.
  demo.app.apply(app::AcknowledgeStop{});
  demo.app.apply(app::ScanCode{"  "});
  CHECK_FALSE(work.stop.active);
  CHECK(demo.sounds == 2);
}
