// Product pictures: which SKUs still need their picture's URL (asked once,
// in batches, again only after a failure's delay), and the feature against
// the demo marketplace: the open posting's pictures without the stock screen.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "app/picture_catalog.h"
#include "app/product_pictures.h"
#include "app/snapshot.h"
#include "app_test_support.h"

namespace {

core::Product product_with(std::int64_t sku, std::string url) {
  core::Product p;
  p.sku = sku;
  p.primary_image = std::move(url);
  return p;
}

using Batches = std::vector<std::vector<std::int64_t>>;

}  // namespace

TEST_CASE("picture catalogue: unknown SKUs asked once, in batches, per store") {
  app::PictureCatalog catalog;
  CHECK(catalog.url("a", 1) == nullptr);
  // Repeats and non-SKUs are left out; at most 2 per batch here.
  CHECK(catalog.take_batches("a", {1, 2, 2, 0, -5, 3}, 0, 2) == Batches{{1, 2}, {3}});
  CHECK(catalog.asking_count() == 3);
  // Being asked: not asked again; another store asks for its own.
  CHECK(catalog.take_batches("a", {1, 2, 3}, 0, 2).empty());
  CHECK(catalog.take_batches("b", {1}, 0, 2) == Batches{{1}});
  // The answer names 1 and 2; 3 has no product (no picture): none asked again.
  catalog.learn("a", {1, 2}, {product_with(1, "https://cdn/1.jpg"), product_with(2, "")});
  catalog.learn("a", {3}, {});
  REQUIRE(catalog.url("a", 1) != nullptr);
  CHECK(*catalog.url("a", 1) == "https://cdn/1.jpg");
  REQUIRE(catalog.url("a", 2) != nullptr);
  CHECK(catalog.url("a", 2)->empty());
  REQUIRE(catalog.url("a", 3) != nullptr);
  CHECK(catalog.url("a", 3)->empty());
  CHECK(catalog.url("b", 1) == nullptr);  // still being asked there
  CHECK(catalog.take_batches("a", {1, 2, 3, 4}, 0, 10) == Batches{{4}});
  CHECK(catalog.known_count() == 3);
  CHECK(catalog.take_batches("a", {}, 0, 10).empty());
  CHECK(catalog.take_batches("a", {5}, 0, 0).empty());  // no batch size: nothing taken
}

TEST_CASE("picture catalogue: a failed ask waits for its retry time") {
  app::PictureCatalog catalog;
  REQUIRE(catalog.take_batches("a", {7, 8}, 1'000, 10) == Batches{{7, 8}});
  const int before = catalog.version();
  catalog.failed("a", {7, 8}, 61'000);
  CHECK(catalog.version() != before);
  CHECK(catalog.asking_count() == 0);
  CHECK(catalog.next_retry() == 61'000);
  CHECK(catalog.take_batches("a", {7, 8}, 60'999, 10).empty());
  CHECK(catalog.take_batches("a", {7, 8}, 61'000, 10) == Batches{{7, 8}});
  CHECK(catalog.next_retry() == 0);
  catalog.learn("a", {7, 8}, {product_with(7, "u7")});
  CHECK(*catalog.url("a", 7) == "u7");
  CHECK(catalog.asking_count() == 0);
}

TEST_CASE("pictures: the open posting's products get their picture URLs, asked by SKU once") {
  app_test::Demo demo;
  auto& app = demo.app;
  const std::string number = demo.find([](const core::Posting& p) { return p.products.size() >= 1; });
  REQUIRE_FALSE(number.empty());
  app.apply(app::OpenPosting{number});
  app.prepare_frame();  // a frame shows the posting: its pictures are asked for
  demo.settle();
  const auto& pictures = app.feature<app::ProductPictures>();
  // A copy: a background refresh replaces the list's postings while the scheduler runs.
  REQUIRE(demo.orders().list.find(number));
  const core::Posting copy = *demo.orders().list.find(number);
  const core::Posting* posting = &copy;
  for (const auto& product : posting->products) {
    const std::string* url = pictures.url_for(posting->store_id, product.sku);
    REQUIRE(url != nullptr);
    CHECK(url->rfind("demo-images/", 0) == 0);  // the demo's pictures come from the site
    CHECK(url->size() > std::string("demo-images/.svg").size());
  }
  // Known: drawing more frames, closing and reopening asks nothing more.
  const int asked = demo.roads.market.faults().calls("/v3/product/info/list");
  for (int i = 0; i < 3; ++i) app.prepare_frame();
  app.apply(app::ClosePosting{});
  app.prepare_frame();
  app.apply(app::OpenPosting{number});
  app.prepare_frame();
  demo.settle();
  CHECK(demo.roads.market.faults().calls("/v3/product/info/list") == asked);

  // The snapshot: each line's picture, not drawn until the page says it was placed and loaded.
  auto snapshot = app::snapshot(app);
  const auto& lines = snapshot["orders"]["detail"]["pictures"];
  REQUIRE(lines.size() == posting->products.size());
  const std::string url = lines[0]["url"].get<std::string>();
  CHECK_FALSE(lines[0]["drawn"].get<bool>());
  auto& mutable_pictures = app.feature<app::ProductPictures>();
  mutable_pictures.note_placed({{.url = url, .x = 1, .y = 2, .w = 48, .h = 48}});
  CHECK_FALSE(mutable_pictures.drawn(url));
  mutable_pictures.note_loaded(url, true);
  CHECK(mutable_pictures.drawn(url));
  snapshot = app::snapshot(app);
  CHECK(snapshot["orders"]["detail"]["pictures"][0]["drawn"].get<bool>());
  CHECK(snapshot["pictures"]["declared"] == 1);
  CHECK(snapshot["pictures"]["loaded"] == 1);
  mutable_pictures.note_placed({});  // closed: nothing shown
  CHECK_FALSE(mutable_pictures.drawn(url));
  CHECK(app::snapshot(app)["pictures"]["declared"] == 0);
}

TEST_CASE("pictures: a failed ask is repeated after its delay, not on every frame") {
  app_test::Demo demo;
  auto& app = demo.app;
  const std::string number = demo.find([](const core::Posting&) { return true; });
  REQUIRE_FALSE(number.empty());
  const int before = demo.roads.market.faults().calls("/v3/product/info/list");
  demo.roads.market.faults().force_next(1, sandbox::FaultKnob::Kind::malformed);  // not retried by the client
  app.apply(app::OpenPosting{number});
  app.prepare_frame();
  demo.scheduler.run(5'000);
  REQUIRE(demo.orders().list.find(number));
  const core::Posting copy = *demo.orders().list.find(number);  // the list may be replaced meanwhile
  const core::Posting* posting = &copy;
  const auto& pictures = app.feature<app::ProductPictures>();
  CHECK(pictures.url_for(posting->store_id, posting->products.front().sku) == nullptr);
  const int after_failure = demo.roads.market.faults().calls("/v3/product/info/list");
  CHECK(after_failure > before);
  for (int i = 0; i < 5; ++i) app.prepare_frame();
  demo.scheduler.run(1'000);
  CHECK(demo.roads.market.faults().calls("/v3/product/info/list") == after_failure);
  demo.clock.advance(app::kPictureRetryMs);
  app.prepare_frame();
  demo.scheduler.run(5'000);
  CHECK(pictures.url_for(posting->store_id, posting->products.front().sku) != nullptr);
}

TEST_CASE("pictures: the URLs are kept on the device and known after a reload, before any ask") {
  app_test::Device device;
  const std::string number = device.first_shippable(false);
  REQUIRE_FALSE(number.empty());
  device.app->apply(app::OpenPosting{number});
  device.app->prepare_frame();
  device.settle();
  REQUIRE(device.orders().list.find(number));
  const core::Posting copy = *device.orders().list.find(number);
  const core::Posting* posting = &copy;
  const std::int64_t sku = posting->products.front().sku;
  const std::string* url = device.app->feature<app::ProductPictures>().url_for(posting->store_id, sku);
  REQUIRE(url != nullptr);
  const std::string kept = *url;
  const std::string store_id = posting->store_id;
  device.app->apply(app::ClosePosting{});
  device.settle();
  // Ozon out of reach after the reload: only the copy on the device can know the URL.
  device.roads.market.faults().force_next(100'000, sandbox::FaultKnob::Kind::http500);
  device.reload();
  const std::string* restored = device.app->feature<app::ProductPictures>().url_for(store_id, sku);
  REQUIRE(restored != nullptr);
  CHECK(*restored == kept);
}
