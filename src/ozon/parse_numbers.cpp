// Parsers for the numbers replies: the seller rating (/v1/rating/summary,
// /v1/rating/history), sales analytics (/v1/analytics/data) and finance
// operations (/v3/finance/transaction/list, /totals).
//
// A member that is absent or null reads as its default (protobuf's JSON
// leaves zeros out); a member of the wrong JSON type refuses the whole reply
// (a money amount that is an object would otherwise read as 0 and skew every
// sum). Money arrives in roubles as JSON numbers and is kept in kopecks.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include "ozon/parse_common.h"
#include "ozon/parsers.h"

namespace ozon {
using namespace detail;

namespace {

// The numbers' replies are refused deeper than this, before parsing: the
// spec's are 5 levels deep, and a stricter limit than every reply's
// (json_read::kMaxReplyDepth, checked again in parse_object) costs nothing.
constexpr int kMaxDepth = 32;
static_assert(kMaxDepth <= json_read::kMaxReplyDepth);
constexpr core::EpochMs kMoscowOffsetMs = 3LL * 3600 * 1000;

Result<Json> parse_reply(std::string_view body, const char* what) {
  if (!core::json_read::nesting_within(body, kMaxDepth))
    return malformed(std::string(what).append(" reply is nested too deep"), body);
  return parse_object(body);
}

// Roubles -> kopecks (core::kopecks_from_roubles); nullopt beyond 1e12
// roubles or not finite, which no real amount is.
std::optional<core::Kopecks> kopecks(double roubles) {
  if (!std::isfinite(roubles) || std::fabs(roubles) > 1e12) return std::nullopt;
  return core::kopecks_from_roubles(roubles);
}

// The reading of one reply: the first problem found, named by its field.
struct Reader {
  std::string problem;

  bool fail(std::string what) {
    if (problem.empty()) problem = std::move(what);
    return false;
  }
  // A JSON number (or a numeric text, as Ozon sends now and then); absent or null: `fallback`.
  double number(const Json& obj, std::string_view key, double fallback = 0) {
    const Json* v = find(obj, key);
    if (v == nullptr) return fallback;
    const auto d = v->is_number() || v->is_string() ? as_double(*v) : std::nullopt;
    if (!d || !std::isfinite(*d)) {
      fail(std::string(key).append(" is not a number"));
      return fallback;
    }
    return *d;
  }
  std::optional<double> optional_number(const Json& obj, std::string_view key) {
    if (find(obj, key) == nullptr) return std::nullopt;
    const double d = number(obj, key);
    return problem.empty() ? std::optional<double>(d) : std::nullopt;
  }
  core::Kopecks money(const Json& obj, std::string_view key) {
    if (find(obj, key) == nullptr) return 0;
    const auto k = kopecks(number(obj, key));
    if (!k) {
      fail(std::string(key).append(" is not an amount of money"));
      return 0;
    }
    return *k;
  }
  std::int64_t integer(const Json& obj, std::string_view key) {
    const Json* v = find(obj, key);
    if (v == nullptr) return 0;
    const auto i = v->is_number() || v->is_string() ? as_int64(*v) : std::nullopt;
    if (!i) {
      fail(std::string(key).append(" is not an integer"));
      return 0;
    }
    return *i;
  }
  std::string text(const Json& obj, std::string_view key) {
    const Json* v = find(obj, key);
    if (v == nullptr) return {};
    if (!v->is_string() && !v->is_number()) {
      fail(std::string(key).append(" is not a text"));
      return {};
    }
    return as_string(*v);
  }
  bool flag(const Json& obj, std::string_view key) {
    const Json* v = find(obj, key);
    if (v == nullptr) return false;
    const auto b = as_bool(*v);
    if (!b) {
      fail(std::string(key).append(" is not a boolean"));
      return false;
    }
    return *b;
  }
  // An array member: nullptr when absent (or null); refused when not an array.
  const Json* list(const Json& obj, std::string_view key) {
    const Json* v = find(obj, key);
    if (v == nullptr) return nullptr;
    if (!v->is_array()) {
      fail(std::string(key).append(" is not a list"));
      return nullptr;
    }
    return v;
  }
  const Json* object(const Json& obj, std::string_view key) {
    const Json* v = find(obj, key);
    if (v == nullptr) return nullptr;
    if (!v->is_object()) {
      fail(std::string(key).append(" is not an object"));
      return nullptr;
    }
    return v;
  }
  // An ISO-8601 date-time member; absent: 0.
  core::EpochMs time(const Json& obj, std::string_view key) {
    const std::string t = text(obj, key);
    if (t.empty()) return 0;
    const auto ms = parse_iso8601(t);
    if (!ms) {
      fail(std::string(key).append(" is not a date-time: ").append(t.substr(0, 40)));
      return 0;
    }
    return *ms;
  }
};

// The reply refused: the reader's problem, or `missing` when it found none.
ApiError refused(const Reader& r, const char* reply, const char* missing, std::string_view body) {
  return malformed(r.problem.empty() ? std::string(missing) : std::string(reply).append(": ").append(r.problem), body);
}

// ---- rating -------------------------------------------------------------------------

core::RatingDirection direction_of(const std::string& d) {
  if (d == "HIGHER_IS_BETTER") return core::RatingDirection::higher_is_better;
  if (d == "LOWER_IS_BETTER") return core::RatingDirection::lower_is_better;
  return core::RatingDirection::unknown;  // UNKNOWN_DIRECTION, NEUTRAL
}

core::RatingStatus status_of(const std::string& s) {
  if (s == "OK") return core::RatingStatus::ok;
  if (s == "WARNING") return core::RatingStatus::warning;
  if (s == "CRITICAL") return core::RatingStatus::critical;
  return core::RatingStatus::unknown;
}

// The spec's value types: UNKNOWN_VALUE, INDEX, PERCENT, TIME, RATIO,
// REVIEW_SCORE, COUNT. core has no TIME: it reads as unknown (shown as a
// plain number).
core::RatingValueType value_type_of(const std::string& t) {
  if (t == "INDEX") return core::RatingValueType::index;
  if (t == "PERCENT") return core::RatingValueType::percent;
  if (t == "TIME") return core::RatingValueType::time;
  if (t == "RATIO") return core::RatingValueType::ratio;
  if (t == "REVIEW_SCORE") return core::RatingValueType::review_score;
  if (t == "COUNT") return core::RatingValueType::count;
  return core::RatingValueType::unknown;
}

// ---- finance ------------------------------------------------------------------------

// operation_date: "2021-11-01 00:00:00", Moscow time (UTC+3) when it names
// no zone; an ISO-8601 text with a zone is taken as written.
std::optional<core::EpochMs> operation_time(const std::string& text) {
  const auto ms = parse_iso8601(text);
  if (!ms) return std::nullopt;
  const bool zoned = text.size() > 19 && text.find_first_of("Zz+", 19) != std::string::npos;
  const bool offset = text.size() > 19 && text.find('-', 19) != std::string::npos;
  return zoned || offset ? *ms : *ms - kMoscowOffsetMs;
}

bool read_operation(Reader& r, const Json& j, core::FinanceOperation& op) {
  op.operation_id = r.integer(j, "operation_id");
  op.operation_type = r.text(j, "operation_type");
  op.operation_type_name = r.text(j, "operation_type_name");
  op.type = r.text(j, "type");
  const std::string date = r.text(j, "operation_date");
  if (!date.empty()) {
    const auto at = operation_time(date);
    if (!at) return r.fail(std::string("operation_date is not a date: ").append(date.substr(0, 40)));
    op.operation_date = *at;
  }
  op.amount = r.money(j, "amount");
  op.accruals_for_sale = r.money(j, "accruals_for_sale");
  op.sale_commission = r.money(j, "sale_commission");
  op.delivery_charge = r.money(j, "delivery_charge");
  op.return_delivery_charge = r.money(j, "return_delivery_charge");
  if (const Json* posting = r.object(j, "posting")) {
    op.posting_number = r.text(*posting, "posting_number");
    op.delivery_schema = r.text(*posting, "delivery_schema");
    op.warehouse_id = r.integer(*posting, "warehouse_id");
  }
  if (const Json* services = r.list(j, "services"))
    for (const auto& s : *services) {
      if (!s.is_object()) return r.fail("services holds a non-object");
      op.services.push_back({r.text(s, "name"), r.money(s, "price")});
    }
  if (const Json* items = r.list(j, "items"))
    for (const auto& i : *items) {
      if (!i.is_object()) return r.fail("items holds a non-object");
      op.items.push_back({r.integer(i, "sku"), r.text(i, "name")});
    }
  return r.problem.empty();
}

}  // namespace

Result<core::RatingSummary> parse_rating_summary(std::string_view body) {
  auto root = parse_reply(body, "rating summary");
  if (!root) return root.error();
  const Json& j = result_object(root.value());
  Reader r;
  const Json* groups = r.list(j, "groups");
  if (groups == nullptr) return refused(r, "rating summary", "rating summary without groups", body);
  core::RatingSummary summary;
  for (const auto& g : *groups) {
    if (!g.is_object()) return malformed("rating summary: a group is not an object", body);
    const std::string group = r.text(g, "group_name");
    const Json* items = r.list(g, "items");
    if (items != nullptr)
      for (const auto& item : *items) {
        if (!item.is_object()) return malformed("rating summary: an indicator is not an object", body);
        core::RatingIndicator ind;
        ind.rating = r.text(item, "rating");
        ind.name = r.text(item, "name");
        ind.group = group;
        ind.current_value = r.number(item, "current_value");
        ind.past_value = r.number(item, "past_value");
        ind.direction = direction_of(r.text(item, "rating_direction"));
        ind.status = status_of(r.text(item, "status"));
        ind.value_type = value_type_of(r.text(item, "value_type"));
        if (!ind.rating.empty()) summary.indicators.push_back(std::move(ind));
      }
  }
  summary.penalty_score_exceeded = r.flag(j, "penalty_score_exceeded");
  summary.premium = r.flag(j, "premium");
  summary.premium_plus = r.flag(j, "premium_plus");
  // localization_index: the latest calculation's percentage.
  if (const Json* local = r.list(j, "localization_index")) {
    core::EpochMs latest = -1;
    for (const auto& l : *local) {
      if (!l.is_object()) return malformed("rating summary: a localization index is not an object", body);
      if (find(l, "localization_percentage") == nullptr) continue;
      const core::EpochMs at = r.time(l, "calculation_date");
      const std::int64_t percentage = r.integer(l, "localization_percentage");
      if (at >= latest) {
        latest = at;
        summary.localization_percentage = percentage;
      }
    }
  }
  if (!r.problem.empty()) return malformed(std::string("rating summary: ").append(r.problem), body);
  return summary;
}

Result<std::vector<core::RatingHistory>> parse_rating_history(std::string_view body) {
  auto root = parse_reply(body, "rating history");
  if (!root) return root.error();
  const Json& j = result_object(root.value());
  Reader r;
  const Json* ratings = r.list(j, "ratings");
  if (ratings == nullptr)
    return refused(r, "rating history", "rating history without ratings", body);
  std::vector<core::RatingHistory> out;
  for (const auto& item : *ratings) {
    if (!item.is_object()) return malformed("rating history: a rating is not an object", body);
    core::RatingHistory h;
    h.rating = r.text(item, "rating");
    h.danger_threshold = r.optional_number(item, "danger_threshold");
    h.warning_threshold = r.optional_number(item, "warning_threshold");
    h.premium_threshold = r.optional_number(item, "premium_threshold");
    if (const Json* values = r.list(item, "values"))
      for (const auto& v : *values) {
        if (!v.is_object()) return malformed("rating history: a value is not an object", body);
        core::RatingPoint point;
        point.date_from = r.time(v, "date_from");
        point.date_to = r.time(v, "date_to");
        point.value = r.number(v, "value");
        h.values.push_back(point);
      }
    std::stable_sort(h.values.begin(), h.values.end(),
                     [](const core::RatingPoint& a, const core::RatingPoint& b) { return a.date_from < b.date_from; });
    if (!h.rating.empty()) out.push_back(std::move(h));
  }
  if (!r.problem.empty()) return malformed(std::string("rating history: ").append(r.problem), body);
  return out;
}

Result<Page<core::AnalyticsRow>> parse_analytics_data(std::string_view body, int limit, int offset) {
  auto root = parse_reply(body, "analytics");
  if (!root) return root.error();
  Reader r;
  const Json* result = r.object(root.value(), "result");
  const Json* data = result != nullptr ? r.list(*result, "data") : nullptr;
  if (result == nullptr || (data == nullptr && !r.problem.empty()))
    return refused(r, "analytics reply", "analytics reply without result", body);
  Page<core::AnalyticsRow> page;
  if (data != nullptr)
    for (const auto& row : *data) {
      if (!row.is_object()) return malformed("analytics reply: a row is not an object", body);
      core::AnalyticsRow out;
      if (const Json* dimensions = r.list(row, "dimensions"))
        for (const auto& d : *dimensions) {
          if (!d.is_object()) return malformed("analytics reply: a dimension is not an object", body);
          out.dimension_ids.push_back(r.text(d, "id"));
          out.dimension_names.push_back(r.text(d, "name"));
        }
      if (const Json* metrics = r.list(row, "metrics"))
        for (const auto& m : *metrics) {
          const auto value = m.is_number() || m.is_string() ? as_double(m) : std::nullopt;
          if (!value || !std::isfinite(*value)) return malformed("analytics reply: a metric is not a number", body);
          out.metrics.push_back(*value);
        }
      page.items.push_back(std::move(out));
    }
  if (!r.problem.empty()) return malformed(std::string("analytics reply: ").append(r.problem), body);
  const auto rows = static_cast<std::int64_t>(page.items.size());
  page.has_next = limit > 0 && rows >= limit;
  page.cursor = std::to_string(std::max(offset, 0) + rows);
  return page;
}

Result<FinancePage> parse_finance_transactions(std::string_view body) {
  auto root = parse_reply(body, "finance operations");
  if (!root) return root.error();
  Reader r;
  const Json* result = r.object(root.value(), "result");
  const Json* operations = result != nullptr ? r.list(*result, "operations") : nullptr;
  if (result == nullptr || (operations == nullptr && !r.problem.empty()))
    return refused(r, "finance operations reply", "finance operations reply without result", body);
  FinancePage page;
  page.page_count = r.integer(*result, "page_count");
  page.row_count = r.integer(*result, "row_count");
  if (operations != nullptr)
    for (const auto& j : *operations) {
      if (!j.is_object()) return malformed("finance operations reply: an operation is not an object", body);
      core::FinanceOperation op;
      if (!read_operation(r, j, op)) break;
      page.operations.push_back(std::move(op));
    }
  if (!r.problem.empty()) return malformed(std::string("finance operations reply: ").append(r.problem), body);
  if (page.page_count < 0 || page.row_count < 0)
    return malformed("finance operations reply: negative page_count or row_count", body);
  return page;
}

Result<core::FinanceTotals> parse_finance_totals(std::string_view body) {
  auto root = parse_reply(body, "finance totals");
  if (!root) return root.error();
  Reader r;
  const Json* result = r.object(root.value(), "result");
  if (result == nullptr)
    return refused(r, "finance totals reply", "finance totals reply without result", body);
  core::FinanceTotals t;
  t.accruals_for_sale = r.money(*result, "accruals_for_sale");
  t.sale_commission = r.money(*result, "sale_commission");
  t.processing_and_delivery = r.money(*result, "processing_and_delivery");
  t.refunds_and_cancellations = r.money(*result, "refunds_and_cancellations");
  t.services_amount = r.money(*result, "services_amount");
  t.compensation_amount = r.money(*result, "compensation_amount");
  t.money_transfer = r.money(*result, "money_transfer");
  t.others_amount = r.money(*result, "others_amount");
  if (!r.problem.empty()) return malformed(std::string("finance totals reply: ").append(r.problem), body);
  return t;
}

}  // namespace ozon
