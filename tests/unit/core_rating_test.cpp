#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/rating.h"

using core::Danger;
using core::RatingDirection;
using core::RatingStatus;

TEST_CASE("rating: the history request's ratings are the spec's list, in order") {
  const std::vector<std::string>& r = core::history_ratings();
  REQUIRE(r.size() == 12);
  CHECK(r.front() == "rating_on_time");
  CHECK(r[3] == "rating_order_cancellation");
  CHECK(r[4] == "rating_shipment_delay");
  CHECK(r.back() == "rating_replied_dialogs_ratio");
  CHECK(std::find(r.begin(), r.end(), "rating_average_response_time") != r.end());
  CHECK(&r == &core::history_ratings());  // one list, built once
}

TEST_CASE("rating: danger against thresholds when lower is better") {
  // Late shipments: warning at 1.5 %, sales blocked at 3 %.
  const auto of = [](double v) { return core::danger_of(v, RatingDirection::lower_is_better, 1.5, 3.0, RatingStatus::ok); };
  CHECK(of(0.0) == Danger::ok);
  CHECK(of(1.49) == Danger::ok);
  CHECK(of(1.5) == Danger::warning);
  CHECK(of(2.9) == Danger::warning);
  CHECK(of(3.0) == Danger::danger);
  CHECK(of(12.0) == Danger::danger);
  // Only one threshold known.
  CHECK(core::danger_of(4.0, RatingDirection::lower_is_better, std::nullopt, 3.0, RatingStatus::ok) == Danger::danger);
  CHECK(core::danger_of(2.0, RatingDirection::lower_is_better, std::nullopt, 3.0, RatingStatus::warning) == Danger::ok);
  CHECK(core::danger_of(2.0, RatingDirection::lower_is_better, 1.5, std::nullopt, RatingStatus::ok) == Danger::warning);
}

TEST_CASE("rating: danger against thresholds when higher is better") {
  // Average review score: warning at 4.5, danger at 4.0.
  const auto of = [](double v) { return core::danger_of(v, RatingDirection::higher_is_better, 4.5, 4.0, RatingStatus::critical); };
  CHECK(of(4.9) == Danger::ok);
  CHECK(of(4.51) == Danger::ok);
  CHECK(of(4.5) == Danger::warning);
  CHECK(of(4.2) == Danger::warning);
  CHECK(of(4.0) == Danger::danger);
  CHECK(of(1.0) == Danger::danger);
}

TEST_CASE("rating: no threshold or no direction -> Ozon's own status") {
  const auto none = std::optional<double>{};
  CHECK(core::danger_of(9, RatingDirection::lower_is_better, none, none, RatingStatus::ok) == Danger::ok);
  CHECK(core::danger_of(9, RatingDirection::lower_is_better, none, none, RatingStatus::warning) == Danger::warning);
  CHECK(core::danger_of(9, RatingDirection::higher_is_better, none, none, RatingStatus::critical) == Danger::danger);
  CHECK(core::danger_of(9, RatingDirection::higher_is_better, none, none, RatingStatus::unknown) == Danger::unknown);
  // Thresholds but no direction: which side is "past" is not known.
  CHECK(core::danger_of(9, RatingDirection::unknown, 1.0, 2.0, RatingStatus::warning) == Danger::warning);
  // A value that is not a number.
  CHECK(core::danger_of(std::numeric_limits<double>::quiet_NaN(), RatingDirection::lower_is_better, 1.0, 2.0,
                        RatingStatus::critical) == Danger::danger);
}
