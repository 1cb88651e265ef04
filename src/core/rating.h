#pragma once
// Ozon's seller rating (/v1/rating/summary, /v1/rating/history): indicators
// with their values, direction and thresholds, and how close each is to the
// line where Ozon warns or blocks sales.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"

namespace core {

enum class RatingDirection { unknown, higher_is_better, lower_is_better };
enum class RatingStatus { unknown, ok, warning, critical };
// The spec's value types: INDEX, PERCENT, TIME (e.g. answer time), RATIO, REVIEW_SCORE, COUNT.
enum class RatingValueType { unknown, index, percent, time, ratio, review_score, count };

struct RatingIndicator {
  std::string rating;  // system name, e.g. "rating_on_time"
  std::string name;    // Ozon's display name (Russian)
  std::string group;   // group_name
  double current_value = 0;
  double past_value = 0;
  RatingDirection direction = RatingDirection::unknown;
  RatingStatus status = RatingStatus::unknown;
  RatingValueType value_type = RatingValueType::unknown;
};

struct RatingSummary {
  std::vector<RatingIndicator> indicators;
  bool penalty_score_exceeded = false;
  bool premium = false;
  bool premium_plus = false;
  std::optional<std::int64_t> localization_percentage;
};

struct RatingPoint {
  EpochMs date_from = 0;
  EpochMs date_to = 0;
  double value = 0;
};

struct RatingHistory {
  std::string rating;
  std::optional<double> danger_threshold;   // sales blocked past it
  std::optional<double> warning_threshold;  // Ozon warns past it
  std::optional<double> premium_threshold;
  std::vector<RatingPoint> values;  // oldest first
};

// The ratings the history request asks for (the spec's list, in its order).
const std::vector<std::string>& history_ratings();

// How an indicator stands against thresholds, honouring its direction; when
// no threshold is known Ozon's own status decides.
enum class Danger { ok, warning, danger, unknown };
Danger danger_of(double value, RatingDirection direction, std::optional<double> warning, std::optional<double> danger,
                 RatingStatus ozon_status);

}  // namespace core
