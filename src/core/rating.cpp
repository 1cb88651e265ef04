#include "core/rating.h"

#include <cmath>

namespace core {

const std::vector<std::string>& history_ratings() {
  // v1RatingHistoryV1Request.ratings in the spec, in its order.
  static const std::vector<std::string> kRatings = {
      "rating_on_time",
      "rating_review_avg_score_total",
      "rating_price",
      "rating_order_cancellation",
      "rating_shipment_delay",
      "rating_ssl",
      "rating_on_time_supply_delivery",
      "rating_order_accuracy",
      "rating_on_time_supply_cancellation",
      "rating_reaction_time",
      "rating_average_response_time",
      "rating_replied_dialogs_ratio",
  };
  return kRatings;
}

Danger danger_of(double value, RatingDirection direction, std::optional<double> warning, std::optional<double> danger,
                 RatingStatus ozon_status) {
  const bool thresholds = warning.has_value() || danger.has_value();
  if (thresholds && std::isfinite(value) && direction != RatingDirection::unknown) {
    // "Past" a threshold is above it when lower is better, below it when higher is better.
    const auto past = [&](double threshold) {
      return direction == RatingDirection::lower_is_better ? value >= threshold : value <= threshold;
    };
    if (danger && past(*danger)) return Danger::danger;
    if (warning && past(*warning)) return Danger::warning;
    return Danger::ok;
  }
  switch (ozon_status) {
    case RatingStatus::ok: return Danger::ok;
    case RatingStatus::warning: return Danger::warning;
    case RatingStatus::critical: return Danger::danger;
    case RatingStatus::unknown: break;
  }
  return Danger::unknown;
}

}  // namespace core
