// The packing station: what it does by itself after the scan that completes
// a posting (ship, print the label, open the next posting), the label check,
// and what outlives a reload (its options, a STOP, the label check record).
#include <doctest/doctest.h>

#include "app/app.h"
#include "app/drafts.h"
#include "app/orders_screen.h"
#include "app/snapshot.h"
#include "app/stock_screen.h"
#include "core/packing_station.h"
#include "ozon/requests.h"
#include "app_test_support.h"

namespace {

// A posting that ships in one box as it is, with nothing else to tick.
bool plain(const core::Posting& p) { return !p.requirements->any() && !p.is_rfbs() && p.products.size() == 1; }

void scan_all(app::App& app, const core::Posting& posting) {
  for (const auto& product : posting.products)
    for (std::int64_t n = 0; n < product.quantity; ++n) app.apply(app::ScanCode{product.offer_id});
}

// The station's App, with a printer.
struct Station {
  ozon_test::ManualClock clock;
  ozon_test::ManualScheduler scheduler{clock};
  app_test::SandboxRoads roads{11, clock, scheduler};
  store::MemorySettingsStore settings;
  int published = 0;
  int printed = 0;
  std::unique_ptr<app::App> app;

  Station() {
    app::AppServices services{settings, clock, scheduler, roads};
    services.publish_document = [this](const std::string&, const std::vector<std::string>&) { ++published; };
    services.print_document = [this] { ++printed; };
    app = std::make_unique<app::App>(services, std::vector<std::string>{"en"});
    app->start();
    settle();
  }
  void settle(std::int64_t ms = 120'000) {
    scheduler.run(ms);
    app->prepare_frame();
  }
  const app::OrdersSlice& orders() const { return app->state().orders; }
  std::string row_number(std::size_t row) const { return orders().list.at(row).posting_number; }
  // The first plain posting with another visible posting after it.
  std::size_t plain_row() const {
    const auto& list = orders().list;
    for (std::size_t row = 0; row + 1 < list.visible_count(); ++row)
      if (list.at(row).can("ship") && plain(list.at(row))) return row;
    return list.visible_count();
  }
};

}  // namespace

TEST_CASE("packing station rules: the completing scan, the label match, the next row") {
  const core::PackingState ready{.all_counted = true, .ready_to_ship = true, .boxes_valid = true, .can_ship = true};
  CHECK(core::completes_packing(core::ScanOutcome::completed_line, ready));
  CHECK_FALSE(core::completes_packing(core::ScanOutcome::surplus, ready));
  CHECK_FALSE(core::completes_packing(core::ScanOutcome::completed_line, {.all_counted = true, .ready_to_ship = false,
                                                                         .boxes_valid = true, .can_ship = true}));
  CHECK_FALSE(core::completes_packing(core::ScanOutcome::accepted, {.all_counted = false, .ready_to_ship = false,
                                                                   .boxes_valid = true, .can_ship = true}));
  CHECK_FALSE(core::completes_packing(core::ScanOutcome::completed_line, {.all_counted = true, .ready_to_ship = true,
                                                                         .boxes_valid = false, .can_ship = true}));
  CHECK_FALSE(core::completes_packing(core::ScanOutcome::completed_line, {.all_counted = true, .ready_to_ship = true,
                                                                         .boxes_valid = true, .can_ship = false}));

  core::Posting mine, other;
  mine.posting_number = "1000-1-1";
  mine.barcodes = {"%101%000000000111", "22200011"};
  other.posting_number = "1000-2-1";
  other.barcodes = {"%101%000000000222", "22200022"};
  const std::vector<const core::Posting*> all{&mine, &other};
  std::string of;
  CHECK(core::match_label(mine, "%101%000000000111\r\n", all, &of) == core::LabelMatch::this_posting);
  CHECK(core::match_label(mine, "22200011", all) == core::LabelMatch::this_posting);
  CHECK(core::match_label(mine, "1000-1-1", all) == core::LabelMatch::this_posting);
  CHECK(core::match_label(mine, "22200022", all, &of) == core::LabelMatch::other_posting);
  CHECK(of == "1000-2-1");
  CHECK(core::match_label(mine, "4600000000000", all) == core::LabelMatch::unknown);
  CHECK(core::match_label(mine, " \t", all) == core::LabelMatch::empty);
  core::Posting bare;  // no barcodes known: an empty scan must not match an empty barcode
  bare.posting_number = "1000-3-1";
  CHECK(core::match_label(bare, "", {&bare}) == core::LabelMatch::empty);
  CHECK(core::match_label(bare, "x", {&bare}) == core::LabelMatch::unknown);

  CHECK(core::next_row_after(0, 3) == std::optional<std::size_t>(1));
  CHECK(core::next_row_after(2, 3) == std::optional<std::size_t>(1));
  CHECK_FALSE(core::next_row_after(0, 1).has_value());
  CHECK_FALSE(core::next_row_after(5, 3).has_value());

  CHECK(core::scan_outcome_from("wrong_label") == core::ScanOutcome::wrong_label);
  CHECK(core::stops_packing(core::ScanOutcome::wrong_label));
  CHECK_FALSE(core::scan_outcome_from("nonsense").has_value());
}

TEST_CASE("packing station off (the default): the last scan ships nothing") {
  Station s;
  const std::size_t row = s.plain_row();
  REQUIRE(row < s.orders().list.visible_count());
  const std::string number = s.row_number(row);
  const core::Posting posting = *s.orders().list.find(number);
  s.app->apply(app::OpenPosting{number});
  scan_all(*s.app, posting);
  const auto& work = s.orders().work.at(number);
  CHECK(work.verification.ready_to_ship());
  CHECK(work.ship == app::PostingWork::Ship::idle);
  CHECK(work.auto_flow.step == core::AutoStep::none);
  s.settle();
  CHECK(s.printed == 0);
  CHECK(s.orders().open == number);
}

TEST_CASE("packing station: the last scan ships, the label prints by itself, the next posting opens") {
  Station s;
  s.app->apply(app::SetStationOption{app::StationOption::auto_ship, true});
  CHECK(s.settings.get("packing_station").value_or("").find("\"auto_ship\":true") != std::string::npos);
  const std::size_t row = s.plain_row();
  REQUIRE(row < s.orders().list.visible_count());
  const std::string number = s.row_number(row);
  const std::string next = s.row_number(row + 1);
  const core::Posting posting = *s.orders().list.find(number);
  s.app->apply(app::OpenPosting{number});
  const auto& work = s.orders().work.at(number);
  // Every unit but the last: nothing happens yet.
  auto units = posting.products.front().quantity;
  for (std::int64_t n = 0; n + 1 < units; ++n) s.app->apply(app::ScanCode{posting.products.front().offer_id});
  CHECK(work.auto_flow.step == core::AutoStep::none);
  s.app->apply(app::ScanCode{posting.products.front().offer_id});
  CHECK(work.auto_flow.step == core::AutoStep::shipping);
  CHECK(work.auto_flow.next == next);
  CHECK(app::snapshot(*s.app)["orders"]["detail"]["autoFlow"]["step"] == "shipping");
  // Shipped and read back; Ozon's label is "not ready" for a while: the job retries.
  s.settle(5'000);
  CHECK(s.orders().list.find(number)->status == core::PostingStatus::awaiting_deliver);
  CHECK(work.auto_flow.step == core::AutoStep::printing);
  CHECK(s.app->state().labels.auto_print);
  CHECK(s.printed == 0);
  s.settle(120'000);
  CHECK(s.published == 1);
  CHECK(s.printed == 1);
  CHECK(s.app->state().labels.printed == 1);
  CHECK(s.app->state().labels.document_opened);
  CHECK(s.orders().work.at(number).auto_flow.step == core::AutoStep::done);
  CHECK(s.orders().open == next);
}

TEST_CASE("packing station: a ship Ozon refuses stops the station; the packer takes over") {
  Station s;
  s.app->apply(app::SetStationOption{app::StationOption::auto_ship, true});
  const std::size_t row = s.plain_row();
  REQUIRE(row < s.orders().list.visible_count());
  const std::string number = s.row_number(row);
  const core::Posting posting = *s.orders().list.find(number);
  s.app->apply(app::OpenPosting{number});
  // The buyer cancels it at Ozon while it is on the table: Ozon refuses the ship.
  auto cancel = ozon::build_cancel(number, 352, "");
  REQUIRE(cancel);
  REQUIRE(s.roads.market.handle(cancel->path, cancel->body, s.clock.now_ms()).status == 200);
  scan_all(*s.app, posting);
  s.settle(10'000);
  const auto& work = s.orders().work.at(number);
  CHECK(work.auto_flow.step == core::AutoStep::failed);
  CHECK(s.printed == 0);
  CHECK(s.orders().open == number);
}

TEST_CASE("label check: another posting's label raises the STOP; this posting's is recorded and kept") {
  app_test::Device device;
  device.app->apply(app::SetStationOption{app::StationOption::auto_ship, true});
  device.app->apply(app::SetStationOption{app::StationOption::label_check, true});
  const std::string number = device.first_shippable(false);
  REQUIRE_FALSE(number.empty());
  const core::Posting posting = *device.orders().list.find(number);
  device.app->apply(app::OpenPosting{number});
  scan_all(*device.app, posting);
  device.settle(180'000);
  const auto& work = device.orders().work.at(number);
  REQUIRE(work.auto_flow.step == core::AutoStep::checking_label);
  CHECK(device.orders().open == number);  // the next one waits for the label check
  const core::Posting shipped = *device.orders().list.find(number);
  REQUIRE_FALSE(shipped.barcodes->upper_barcode.empty());

  // Another posting's label: STOP, naming it.
  const core::Posting* other = nullptr;
  for (const auto& p : device.orders().list.postings())
    if (p.posting_number != number && !p.barcodes->lower_barcode.empty()) other = &p;
  REQUIRE(other != nullptr);
  const std::string other_number = other->posting_number;
  device.app->apply(app::ScanCode{other->barcodes->lower_barcode});
  CHECK(work.stop.active);
  CHECK(work.stop.outcome == core::ScanOutcome::wrong_label);
  CHECK(work.stop.label_of == other_number);
  auto snap = app::snapshot(*device.app)["orders"]["detail"];
  CHECK(snap["stop"]["labelOf"] == other_number);
  CHECK(snap["labelCheck"]["checked"] == false);
  // Nothing is checked while the STOP stands.
  device.app->apply(app::ScanCode{shipped.barcodes->upper_barcode});
  CHECK(device.orders().packing_records.count(number) == 0);
  device.app->apply(app::AcknowledgeStop{});
  device.app->apply(app::ScanCode{shipped.barcodes->upper_barcode + "\n"});
  REQUIRE(device.orders().packing_records.count(number) == 1);
  CHECK(device.orders().packing_records.at(number).label_code == shipped.barcodes->upper_barcode);
  CHECK(device.orders().work.at(number).auto_flow.step == core::AutoStep::done);
  CHECK(device.orders().open != number);

  // After a reload: the station's options and the record are still there.
  device.settle(2'000);  // the drafts are written
  device.reload();
  CHECK(device.orders().station.auto_ship);
  CHECK(device.orders().station.label_check);
  REQUIRE(device.orders().packing_records.count(number) == 1);
  CHECK(device.orders().packing_records.at(number).label_checked_at > 0);
  device.app->apply(app::SelectTab{core::Stage::awaiting_shipment});
  device.app->apply(app::OpenPosting{number});
  CHECK(app::snapshot(*device.app)["orders"]["detail"]["labelCheck"]["checked"] == true);
}

TEST_CASE("a STOP outlives a reload: the wrong item is still in the box") {
  app_test::Device device;
  const std::string number = device.first_shippable(false);
  REQUIRE_FALSE(number.empty());
  device.app->apply(app::OpenPosting{number});
  device.app->apply(app::ScanCode{"4600000000000"});
  REQUIRE(device.orders().work.at(number).stop.active);
  device.settle(2'000);
  device.reload();
  const auto& work = device.orders().work.at(number);
  CHECK(work.stop.active);
  CHECK(work.stop.outcome == core::ScanOutcome::unknown);
  CHECK(work.stop.code == "4600000000000");
  device.app->apply(app::AcknowledgeStop{});
  device.settle(2'000);
  device.reload();
  CHECK_FALSE(device.orders().work.at(number).stop.active);
}

TEST_CASE("sets: the seller names a set's parts; scanning the parts counts it, the shelf counts the parts") {
  app_test::Device device;
  device.app->apply(app::ShowView{"stock"});
  device.app->prepare_frame();
  const auto& stock = device.app->feature<app::StockScreen>().slice();
  REQUIRE(stock.loaded);
  // A plain posting's product becomes a set of two other catalogue products.
  const std::string number = device.first_shippable(false);
  REQUIRE_FALSE(number.empty());
  const core::Posting posting = *device.orders().list.find(number);
  const core::PostingProduct set = posting.products.front();
  // Opened before the set is named: its work starts as a plain line.
  device.app->apply(app::OpenPosting{number});
  REQUIRE(device.orders().work.at(number).verification.part_count(0) == 0);
  std::vector<core::StockRow> parts;
  for (const auto& row : stock.catalogue)
    if (row.offer_id != set.offer_id && row.sku != 0 && parts.size() < 2) parts.push_back(row);
  REQUIRE(parts.size() == 2);
  app::ProductNote note;
  note.set_parts = parts[0].offer_id + " x2, " + parts[1].offer_id;
  device.app->apply(app::EditProductNote{set.offer_id, note});
  device.app->prepare_frame();
  const core::BundleBook book = device.app->feature<app::StockScreen>().bundle_book();
  REQUIRE(book.parts_of(set.offer_id) != nullptr);
  CHECK(book.sku_of.at(parts[0].offer_id) == parts[0].sku);

  // The shelf: the demand for the first part counts the set's units twice over.
  auto demand_of = [&](std::int64_t sku) {
    std::int64_t units = 0;
    for (const auto& [key, demand] : device.app->feature<app::StockScreen>().slice().demand)
      if (key.sku == sku)
        for (const auto& part : demand.postings) units += part.posting_number == number ? part.units : 0;
    return units;
  };
  CHECK(demand_of(parts[0].sku) == set.quantity * 2);
  CHECK(demand_of(parts[1].sku) == set.quantity);
  CHECK(demand_of(set.sku) == 0);

  // The pick list, printed or on screen, names the parts too.
  device.app->apply(app::ShowView{"orders"});
  device.app->prepare_frame();
  const auto& visible = device.orders().list;
  for (std::size_t row = 0; row < visible.visible_count(); ++row)
    if (visible.at(row).posting_number == number) device.app->apply(app::ClickRow{row, false, false});
  const auto pick = device.app->feature<app::PlanScreen>().pick_list(0);
  auto picked = [&](std::int64_t sku) {
    for (const auto& row : pick.rows)
      if (row.sku == sku) return row.quantity;
    return std::int64_t{0};
  };
  CHECK(picked(parts[0].sku) == set.quantity * 2);
  CHECK(picked(parts[1].sku) == set.quantity);
  CHECK(picked(set.sku) == 0);

  // The packing table: the parts count the set, by SKU as a scanner's code would.
  device.app->apply(app::ShowView{"orders"});
  device.app->apply(app::OpenPosting{number});
  const auto& work = device.orders().work.at(number);
  REQUIRE(work.verification.part_count(0) == 2);
  for (std::int64_t n = 0; n < set.quantity * 2; ++n) device.app->apply(app::ScanCode{std::to_string(parts[0].sku)});
  CHECK(work.verification.counted(0) == 0);
  for (std::int64_t n = 0; n < set.quantity; ++n) device.app->apply(app::ScanCode{parts[1].offer_id});
  CHECK(work.verification.counted(0) == set.quantity);
  CHECK(work.verification.quantities_match());
  CHECK_FALSE(work.stop.active);
  const auto lines = app::snapshot(*device.app)["orders"]["detail"]["lines"];
  REQUIRE(lines[0].contains("parts"));
  CHECK(lines[0]["parts"][0]["counted"] == set.quantity * 2);
  CHECK(lines[0]["parts"][1]["offerId"] == parts[1].offer_id);
  // One part too many: STOP.
  device.app->apply(app::ScanCode{parts[1].offer_id});
  CHECK(work.stop.active);
  CHECK(work.stop.outcome == core::ScanOutcome::surplus);
  // Renamed after scanning began: what was counted stays as it was.
  note.set_parts = parts[1].offer_id;
  device.app->apply(app::EditProductNote{set.offer_id, note});
  device.app->apply(app::OpenPosting{number});
  CHECK(work.verification.part_count(0) == 2);
  CHECK(work.verification.part_counted(0, 0) == set.quantity * 2);
}
