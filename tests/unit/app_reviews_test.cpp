// The Reviews screen against the in-process demo marketplace: loaded when
// first shown, product names, filters, a review's comments, a reply and the
// processed mark through the outbox, the reply's draft across a restart,
// and Premium Plus: Ozon's 403 said plainly, not retried, and the rest of
// the console left alone.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/reviews_screen.h"
#include "app/snapshot.h"
#include "app_test_support.h"

namespace {

const app::ReviewsSlice& reviews_of(app::App& app) { return app.feature<app::ReviewsScreen>().slice(); }
const app::ReviewsScreen& screen_of(app::App& app) { return app.feature<app::ReviewsScreen>(); }

app::App& show_reviews(app_test::Device& device) {
  device.app->apply(app::ShowView{"reviews"});
  device.app->prepare_frame();
  device.settle(5'000);
  return *device.app;
}

int calls(app_test::Device& device, std::string_view path) { return device.roads.market.faults().calls(path); }

// The first review, opened with its comments.
std::string open_first(app_test::Device& device) {
  auto& app = *device.app;
  REQUIRE_FALSE(reviews_of(app).items.empty());
  const std::string id = reviews_of(app).items.front().id;
  app.apply(app::OpenReview{id});
  device.settle(5'000);
  REQUIRE(reviews_of(app).open == id);
  REQUIRE_FALSE(reviews_of(app).comments_loading);
  return id;
}

}  // namespace

TEST_CASE("reviews: loaded when first shown, with product names, the stars filter kept on this device") {
  app_test::Device device;
  CHECK(calls(device, "/v1/review/list") == 0);
  auto& app = show_reviews(device);
  const auto& slice = reviews_of(app);
  REQUIRE(slice.loaded);
  CHECK(slice.error.empty());
  CHECK_FALSE(slice.premium_required);
  REQUIRE_FALSE(slice.items.empty());
  for (const auto& review : slice.items) {
    CHECK(review.rating >= 1);
    CHECK(review.rating <= 5);
    CHECK(screen_of(app).product_name(review.sku).rfind("SKU ", 0) != 0);  // the demo's products are known
  }
  app.apply(app::SetReviewFilter{"ALL", true});
  for (const auto* review : screen_of(app).visible()) CHECK(review->rating <= 3);
  CHECK(calls(device, "/v1/review/list") == 1);  // a local filter asks Ozon nothing

  const auto snap = app::snapshot(app)["reviews"];
  CHECK(snap["loading"] == false);
  CHECK(snap["premiumRequired"] == false);
  CHECK(snap["filter"]["lowOnly"] == true);
  CHECK(snap["items"].size() == screen_of(app).visible().size());
  if (!snap["items"].empty())
    for (const char* field : {"id", "sku", "product", "rating", "text", "status", "comments"})
      CHECK_MESSAGE(snap["items"][0].contains(field), field);
  CHECK(snap["open"].is_null());

  app.apply(app::SetReviewFilter{"UNPROCESSED", false});
  device.settle(5'000);
  CHECK(calls(device, "/v1/review/list") == 2);
  for (const auto& review : reviews_of(app).items) CHECK(review.status == "UNPROCESSED");
}

TEST_CASE("reviews: a reply goes through the outbox once, is read back, and its draft goes") {
  app_test::Device device;
  auto& app = show_reviews(device);
  const std::string id = open_first(device);
  const std::size_t before = reviews_of(app).comments.size();
  const std::string text = "Спасибо за отзыв! Заменим кружку сегодня.";
  app.apply(app::EditReviewReply{id, text});
  CHECK(app::snapshot(app)["reviews"]["open"]["draft"] == text);
  app.apply(app::PostReviewReply{id});
  app.apply(app::PostReviewReply{id});  // twice while on its way: once
  CHECK(screen_of(app).pending_for(id, app::kReviewReplyKind) != nullptr);
  device.settle(10'000);
  CHECK(calls(device, "/v1/review/comment/create") == 1);
  CHECK(screen_of(app).draft_for(id).empty());
  const auto& comments = reviews_of(app).comments;
  CHECK(comments.size() == before + 1);
  CHECK(std::count_if(comments.begin(), comments.end(),
                      [&text](const core::ReviewComment& c) { return c.is_owner && c.text == text; }) == 1);
  CHECK(screen_of(app).find(id)->status == "PROCESSED");  // mark_review_as_processed
  const auto open = app::snapshot(app)["reviews"]["open"];
  CHECK(open["id"] == id);
  CHECK(open["pending"].is_null());
  CHECK(open["refusal"].is_null());
  bool own = false;
  for (const auto& c : open["comments"]) own = own || (c["own"] == true && c["text"] == text);
  CHECK(own);
}

TEST_CASE("reviews: marked processed and back through the outbox") {
  app_test::Device device;
  auto& app = show_reviews(device);
  const std::string id = open_first(device);
  app.apply(app::SetReviewProcessed{id, true});
  device.settle(10'000);
  CHECK(screen_of(app).find(id)->status == "PROCESSED");
  app.apply(app::SetReviewProcessed{id, false});
  device.settle(10'000);
  CHECK(screen_of(app).find(id)->status == "UNPROCESSED");
  CHECK(calls(device, "/v1/review/change-status") == 2);
}

TEST_CASE("reviews: a reply half typed survives a restart, per review") {
  app_test::Device device;
  show_reviews(device);
  const std::string id = open_first(device);
  device.app->apply(app::EditReviewReply{id, "Здравствуйте! Нам жаль, что"});
  device.settle(1'000);
  device.reload();
  auto& app = show_reviews(device);
  CHECK(screen_of(app).draft_for(id) == "Здравствуйте! Нам жаль, что");
  CHECK(reviews_of(app).open == id);
  CHECK(app::snapshot(app)["reviews"]["open"]["draft"] == "Здравствуйте! Нам жаль, что");
}

TEST_CASE("reviews: without Premium Plus the screen says so, asks once, and the rest of the console works") {
  app_test::Device device;
  device.roads.market.set_premium_plus(false);
  const auto orders_before = device.orders().list.size();
  auto& app = show_reviews(device);
  const auto& slice = reviews_of(app);
  CHECK(slice.premium_required);
  CHECK(slice.error.empty());  // not a failure banner: the plan
  CHECK(app::snapshot(app)["reviews"]["premiumRequired"] == true);
  device.settle(600'000);
  app.prepare_frame();
  CHECK(calls(device, "/v1/review/list") == 1);  // no retry loop
  // The orders screen is untouched and still refreshes.
  CHECK(device.orders().error.empty());
  app.apply(app::ShowView{"orders"});
  app.apply(app::RefreshOrders{});
  device.settle(10'000);
  CHECK(device.orders().error.empty());
  CHECK(device.orders().list.size() >= orders_before);
  // Subscribed: a refresh shows the reviews.
  device.roads.market.set_premium_plus(true);
  show_reviews(device);
  app.apply(app::RefreshReviews{});
  device.settle(5'000);
  CHECK_FALSE(reviews_of(app).premium_required);
  CHECK_FALSE(reviews_of(app).items.empty());
}
