// Drafts survive a reload: the app writes them to the record store while the
// seller works and restores them (screen, open posting, scan progress,
// boxes, typed text) in a new app over the same store.
#include <doctest/doctest.h>

#include <memory>

#include "app/drafts.h"
#include "app/stores_screen.h"
#include "app_test_support.h"
#include "store/schema.h"

namespace {

using app_test::Device;

}  // namespace

TEST_CASE("a draft is written within 500 ms of an edit and restored after a reload") {
  Device device;
  const std::string number = device.first_shippable(true);
  REQUIRE_FALSE(number.empty());
  device.app->apply(app::OpenPosting{number});
  device.app->apply(app::SetCheck{app::CheckItem::items_picked, true});
  device.app->apply(app::SetBoxCount{2});
  device.app->apply(app::EditScanText{"46000"});
  device.app->apply(app::ScanCode{"not-in-this-posting"});
  device.app->apply(app::EditScanText{"4600"});  // typing the next code when the tab closes

  const core::EpochMs edited_at = device.clock.now_ms();
  device.scheduler.run(app::kDraftSaveDelayMs - 1);
  CHECK_FALSE(device.records.get(store::collection::drafts, app::posting_draft_key(number)).has_value());
  device.scheduler.run(500);
  REQUIRE(device.records.get(store::collection::drafts, app::posting_draft_key(number)).has_value());
  CHECK(device.clock.now_ms() - edited_at <= 500);
  CHECK(device.records.get(store::collection::drafts, app::kUiDraftKey).has_value());

  device.reload();
  CHECK(device.orders().open == number);
  const auto& work = device.orders().work.at(number);
  CHECK(work.verification.items_picked());
  CHECK(work.boxes.box_count() == 2);
  CHECK(work.scan_text == "4600");
  CHECK(work.verification.refused_count() == 1);
}

TEST_CASE("flushing on page hide writes at once; a shipped posting's draft is discarded") {
  Device device;
  const std::string number = device.first_shippable(false);
  REQUIRE_FALSE(number.empty());
  device.app->apply(app::OpenPosting{number});
  device.app->apply(app::SetCheck{app::CheckItem::items_picked, true});
  device.app->flush_drafts();  // visibilitychange / pagehide
  device.scheduler.run(0);
  REQUIRE(device.records.get(store::collection::drafts, app::posting_draft_key(number)).has_value());

  const auto* posting = device.orders().list.find(number);
  for (std::size_t line = 0; line < posting->products.size(); ++line)
    device.app->apply(app::SetLineCount{line, posting->products[line].quantity});
  device.app->apply(app::ShipOpenPosting{});
  device.settle();
  REQUIRE(device.orders().work.at(number).ship == app::PostingWork::Ship::done);
  CHECK_FALSE(device.records.get(store::collection::drafts, app::posting_draft_key(number)).has_value());
}

TEST_CASE("a damaged draft is skipped and storage failures are reported, never fatal") {
  Device device;
  const std::string number = device.first_shippable(false);
  device.records.put(std::string(store::collection::drafts), app::posting_draft_key(number), "{not json", {});
  device.records.put(std::string(store::collection::drafts), app::kUiDraftKey, R"({"v":1,"view":"plan"})", {});
  device.scheduler.run(0);
  device.reload();
  CHECK(device.app->state().view == "plan");
  device.app->apply(app::OpenPosting{number});
  CHECK(device.orders().work.count(number) == 1);

  device.records.set_failure(store::StoreStatus::quota_exceeded, "QuotaExceededError");
  device.app->apply(app::SetCheck{app::CheckItem::items_picked, true});
  device.settle(1'000);
  CHECK(device.app->state().device.storage_error.key == "storage.quota");
  CHECK(device.orders().work.at(number).verification.items_picked());  // the edit itself stands

  device.records.set_failure(store::StoreStatus::ok);
  device.app->apply(app::SetCheck{app::CheckItem::items_picked, false});
  device.app->apply(app::SetCheck{app::CheckItem::items_picked, true});
  device.settle(1'000);
  CHECK(device.app->state().device.storage_error.empty());
}

TEST_CASE("storage that cannot open leaves the console working, with the reason shown") {
  Device device;
  device.records.set_failure(store::StoreStatus::unavailable, "private mode");
  device.reload();
  CHECK(device.app->state().device.storage_error.key == "storage.unavailable");
  CHECK(device.orders().list.size() > 0);
}

TEST_CASE("draft JSON round-trips the marking form and tolerates junk") {
  core::ExemplarData data;
  data.posting_number = "1-2-3";
  core::ExemplarProduct product;
  product.product_id = 5;
  product.is_gtd_needed = true;
  core::Exemplar e;
  e.exemplar_id = 9;
  e.gtd = "10702070/011125/0012345";
  e.marks.push_back({"0104600000000017215abc", "mandatory_mark", "passed", {}});
  product.exemplars.push_back(e);
  data.products.push_back(product);
  const auto back = app::exemplar_data_from_json(app::to_json(data));
  REQUIRE(back.products.size() == 1);
  CHECK(back.products[0].exemplars[0].gtd == e.gtd);
  CHECK(back.products[0].exemplars[0].marks[0].mark == "0104600000000017215abc");
  CHECK(back.products[0].is_gtd_needed);
  CHECK(app::exemplar_data_from_json(nlohmann::json::parse(R"({"products":[1,{"exemplars":"x"}]})")).products.size() == 1);
  CHECK(app::read_ui_draft(nlohmann::json::parse(R"({"view":42,"open":["x"]})")).open_posting.empty());
}

TEST_CASE("the store form being typed (a store not saved yet) is part of the screen draft") {
  Device device;
  app::StoreConfig form = device.app->state().stores.draft;
  form.name = "My shop";
  form.client_id = "777";
  device.app->apply(app::EditStoreDraft{form});
  device.app->apply(app::ShowView{"stores"});
  device.settle(1000);
  const auto saved = device.records.get(store::collection::drafts, app::kUiDraftKey);
  REQUIRE(saved.has_value());
  CHECK(nlohmann::json::parse(*saved)["store_form"]["name"] == "My shop");
  device.reload();
  CHECK(device.app->state().view == "stores");
  const auto& restored = device.app->state().stores.draft;
  CHECK(restored.id.empty());
  CHECK(restored.name == "My shop");
  CHECK(restored.client_id == "777");
}

TEST_CASE("a stored draft nested 10,000 deep is skipped at start (dropped at the next write); the others restore") {
  Device device;
  const std::string number = device.first_shippable(false);
  REQUIRE_FALSE(number.empty());
  device.app->apply(app::OpenPosting{number});
  device.app->apply(app::SetCheck{app::CheckItem::items_picked, true});
  device.app->flush_drafts();
  const std::string deep_key = app::posting_draft_key("1-2-3");
  const std::string deep =
      R"({"v":1,"number":"1-2-3","log":)" + std::string(10'000, '[') + std::string(10'000, ']') + "}";
  device.records.put(std::string(store::collection::drafts), deep_key, deep, {});
  device.scheduler.run(0);

  device.reload();
  CHECK(device.orders().work.at(number).verification.items_picked());
  device.app->flush_drafts();
  device.scheduler.run(0);
  CHECK_FALSE(device.records.get(store::collection::drafts, deep_key).has_value());
}
