// The demo marketplace, numbers domain: the seller rating (summary and
// history), sales analytics and finance operations (list and totals), all
// derived from the store's postings.
//
// Finance (/v3/finance/transaction/list, /totals): the operations of
// marketplace_numbers_gen.cpp. filter.date {from, to} (inclusive, at most 31
// days, else 400 INVALID_ARGUMENT) or filter.posting_number (one of them is
// required), transaction_type (all, orders, returns, services, compensation,
// transferDelivery, other), operation_type[]; page from 1, page_size 1..1000;
// page_count = ceil(row_count / page_size). Totals put each operation's
// accruals_for_sale and sale_commission in theirs and the rest of its amount
// by type: orders -> processing_and_delivery, returns ->
// refunds_and_cancellations, services -> services_amount, compensation ->
// compensation_amount, transferDelivery -> money_transfer, other ->
// others_amount; so the totals add up to the operations' amounts.
//
// Rating (/v1/rating/summary, /history): values as of a day (Moscow time),
// from the postings:
//   rating_shipment_delay      % of the postings due in the 7 days before
//                              yesterday (not cancelled) handed over after
//                              their shipment_date (or still not handed over);
//                              warning 5, danger 10 (lower is better)
//   rating_order_cancellation  % of the postings made in those 7 days that the
//                              seller cancelled (affect_cancellation_rating);
//                              warning 5, danger 10 (lower is better)
//   rating_on_time             % of the postings due in the last 30 days and
//                              handed over that were handed over by their
//                              shipment_date; warning 95, danger 90
//   rating_review_avg_score_total  mean score of the reviews published by
//                              then; warning 4.0, danger 3.5
//   rating_price               1.07 (the demo knows no other marketplace's
//                              prices); warning 1.05, danger 1.20: always WARNING
//   rating_ssl                 97.5 (the demo has no FBO); warning 90, danger 80
// A status is CRITICAL past danger, WARNING past warning, else OK; the
// summary's past_value is the value a week earlier. History: one value per
// day of [date_from, date_to] (at most 366 days), with the thresholds.
//
// Analytics (/v1/analytics/data): ordered revenue and units of the postings
// by the Moscow day of in_process_at (cancelled ones too: Ozon's "ordered"),
// dimensions day, week, month, year, sku (several combine); metrics revenue,
// ordered_units, delivered_units, cancellations, returns (others read 0).
// At most kAnalyticsPerMinute calls a minute per store (else 429, code 8);
// without Premium Plus only dimensions day and sku and metrics revenue and
// ordered_units (else 403, code 7, as Ozon refuses).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/civil_date.h"
#include "ozon/endpoints.h"
#include "sandbox/api.h"

namespace sandbox {
namespace {

namespace ep = ozon::endpoint;

constexpr core::EpochMs kMoscow = 3 * kHour;
constexpr core::EpochMs kFinanceWindowMax = 31 * kDay;
constexpr int kAnalyticsPerMinute = 5;

double rub(std::int64_t kop) { return static_cast<double>(kop) / 100.0; }

// Moscow midnight (as epoch ms) of the day holding `t`.
core::EpochMs moscow_day(core::EpochMs t) {
  const core::EpochMs local = t + kMoscow;
  return local - ((local % kDay) + kDay) % kDay - kMoscow;
}

std::string day_text(core::EpochMs t) { return moscow_datetime(t).substr(0, 10); }

// ---- finance ------------------------------------------------------------------------

struct FinanceFilter {
  Window date;
  bool has_date = false;
  std::string posting_number;
  std::string transaction_type;  // "" = all
  std::vector<std::string> operation_types;
  bool keeps(const FinanceOp& op) const {
    if (has_date && !date.contains(op.date)) return false;
    if (!posting_number.empty() && op.posting_number != posting_number) return false;
    if (!transaction_type.empty() && transaction_type != "all" && op.type != transaction_type) return false;
    return operation_types.empty() || contains(operation_types, op.operation_type);
  }
};

bool read_finance_filter(const json& f, FinanceFilter* out, net::HttpResponse* refusal) {
  if (!read_window(f, "date", "from", "to", &out->date)) {
    *refusal = bad("proto: syntax error: date must be {from, to} date-times");
    return false;
  }
  out->has_date = find(f, "date") != nullptr;
  out->posting_number = read_string_strict(f, "posting_number");
  if (!read_enum(f, "transaction_type",
                 {"all", "orders", "returns", "services", "compensation", "transferDelivery", "other"},
                 &out->transaction_type)) {
    *refusal = bad("INVALID_ARGUMENT: unknown transaction_type");
    return false;
  }
  if (!read_string_list_strict(f, "operation_type", &out->operation_types)) {
    *refusal = bad("proto: syntax error: operation_type must be a list of texts");
    return false;
  }
  if (!out->has_date && out->posting_number.empty()) {
    *refusal = bad("INVALID_ARGUMENT: date or posting_number is required");
    return false;
  }
  if (out->has_date) {
    if (out->date.from == 0 || out->date.to == 0) {
      *refusal = bad("INVALID_ARGUMENT: date.from and date.to are required");
      return false;
    }
    if (out->date.to < out->date.from) {
      *refusal = bad("INVALID_ARGUMENT: date.to is before date.from");
      return false;
    }
    if (out->date.to - out->date.from > kFinanceWindowMax) {
      *refusal = bad("INVALID_ARGUMENT: the period must not be longer than one month");
      return false;
    }
  }
  return true;
}

json operation_json(const State& s, const FinanceOp& op) {
  json services = json::array();
  for (const auto& sv : op.services) services.push_back({{"name", sv.name}, {"price", rub(sv.price)}});
  json items = json::array();
  for (std::int64_t sku : op.skus) {
    const Product* pr = s.product(sku);
    items.push_back({{"name", pr ? pr->name : ""}, {"sku", sku}});
  }
  std::string order_date;
  if (!op.posting_number.empty()) {
    const auto it = s.posting_index.find(op.posting_number);
    if (it != s.posting_index.end()) order_date = moscow_datetime(s.postings[it->second].in_process_at);
  }
  return {{"operation_id", op.id},
          {"operation_type", op.operation_type},
          {"operation_date", moscow_datetime(op.date)},
          {"operation_type_name", op.operation_type_name},
          {"delivery_charge", 0},
          {"return_delivery_charge", 0},
          {"accruals_for_sale", rub(op.accruals_for_sale)},
          {"sale_commission", rub(op.sale_commission)},
          {"amount", rub(op.amount)},
          {"type", op.type},
          {"posting",
           {{"delivery_schema", op.delivery_schema},
            {"order_date", order_date},
            {"posting_number", op.posting_number},
            {"warehouse_id", op.warehouse_id}}},
          {"items", items},
          {"services", services}};
}

net::HttpResponse finance_list(const Call& call, const json& b) {
  const auto page = find_int64_strict(b, "page");
  const auto page_size = find_int64_strict(b, "page_size");
  if (!page || *page < 1) return bad("INVALID_ARGUMENT: page must be 1 or more");
  if (!page_size || *page_size < 1 || *page_size > 1000)
    return bad("INVALID_ARGUMENT: page_size must be between 1 and 1000");
  const json* f = find(b, "filter");
  if (f && !f->is_object()) return bad("proto: syntax error: filter must be an object");
  FinanceFilter filter;
  net::HttpResponse refusal;
  if (!read_finance_filter(f ? *f : json::object(), &filter, &refusal)) return refusal;
  std::vector<FinanceOp> rows;
  for (auto& op : finance_operations(call.state))
    if (filter.keeps(op)) rows.push_back(std::move(op));
  const auto count = static_cast<std::int64_t>(rows.size());
  const std::int64_t pages = (count + *page_size - 1) / *page_size;
  json out = json::array();
  for (std::int64_t i = (*page - 1) * *page_size; i < count && i < *page * *page_size; ++i)
    out.push_back(operation_json(call.state, rows[static_cast<std::size_t>(i)]));
  return ok({{"result", {{"operations", out}, {"page_count", pages}, {"row_count", count}}}});
}

net::HttpResponse finance_totals(const Call& call, const json& b) {
  FinanceFilter filter;
  net::HttpResponse refusal;
  if (!read_finance_filter(b, &filter, &refusal)) return refusal;
  std::map<std::string, std::int64_t> bucket_of_type;
  std::int64_t accruals = 0, commission = 0;
  for (const auto& op : finance_operations(call.state)) {
    if (!filter.keeps(op)) continue;
    accruals += op.accruals_for_sale;
    commission += op.sale_commission;
    bucket_of_type[op.type] += op.amount - op.accruals_for_sale - op.sale_commission;
  }
  auto part = [&](const char* type) { return rub(bucket_of_type[type]); };
  return ok({{"result",
              {{"accruals_for_sale", rub(accruals)},
               {"sale_commission", rub(commission)},
               {"processing_and_delivery", part("orders")},
               {"refunds_and_cancellations", part("returns")},
               {"services_amount", part("services")},
               {"compensation_amount", part("compensation")},
               {"money_transfer", part("transferDelivery")},
               {"others_amount", part("other")}}}});
}

// ---- rating -------------------------------------------------------------------------

struct RatingDef {
  const char* rating;
  const char* name;
  const char* group;
  const char* value_type;
  bool higher_is_better;
  double warning, danger;
};
constexpr RatingDef kRatings[] = {
    {"rating_price", "Индекс цен", "Цены и отзывы", "INDEX", false, 1.05, 1.20},
    {"rating_review_avg_score_total", "Средняя оценка товаров", "Цены и отзывы", "REVIEW_SCORE", true, 4.0, 3.5},
    {"rating_on_time", "Заказы, выполненные вовремя", "Выполнение заказов FBS и rFBS", "PERCENT", true, 95, 90},
    {"rating_order_cancellation", "Отмены по вине продавца", "Выполнение заказов FBS и rFBS", "PERCENT", false, 5, 10},
    {"rating_shipment_delay", "Просроченные отгрузки", "Выполнение заказов FBS и rFBS", "PERCENT", false, 5, 10},
    {"rating_ssl", "Оценка работы по FBO", "Поставки FBO", "PERCENT", true, 90, 80},
};

const RatingDef* rating_def(std::string_view name) {
  for (const auto& d : kRatings)
    if (name == d.rating) return &d;
  return nullptr;
}

double round2(double v) { return std::round(v * 100.0) / 100.0; }

double percent(std::int64_t part, std::int64_t whole, double none) {
  return whole == 0 ? none : round2(100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

// The rating's value as of Moscow day `day` (its midnight).
double rating_value(const State& s, const RatingDef& d, core::EpochMs day) {
  const std::string_view r = d.rating;
  if (r == "rating_price") return 1.07;
  if (r == "rating_ssl") return 97.5;
  if (r == "rating_review_avg_score_total") {
    std::int64_t sum = 0, n = 0;
    for (const auto& rv : s.reviews)
      if (rv.published_at < day + kDay) {
        sum += rv.rating;
        ++n;
      }
    return n == 0 ? 5.0 : round2(static_cast<double>(sum) / static_cast<double>(n));
  }
  const Window week{day - 8 * kDay, day - kDay - 1};  // 7 days, today and yesterday left out
  std::int64_t part = 0, whole = 0;
  if (r == "rating_shipment_delay") {
    for (const auto& p : s.postings) {
      if (is_cancelled(p.status) || p.shipment_date == 0 || !week.contains(p.shipment_date)) continue;
      ++whole;
      if (p.delivering_date == 0 || p.delivering_date > p.shipment_date) ++part;
    }
    return percent(part, whole, 0);
  }
  if (r == "rating_order_cancellation") {
    for (const auto& p : s.postings) {
      if (!week.contains(p.in_process_at)) continue;
      ++whole;
      if (is_cancelled(p.status) && p.has_cancellation && p.cancellation.affect_rating) ++part;
    }
    return percent(part, whole, 0);
  }
  // rating_on_time: the last 30 days, today included.
  const Window month{day - 29 * kDay, day + kDay - 1};
  for (const auto& p : s.postings) {
    if (p.delivering_date == 0 || p.shipment_date == 0 || !month.contains(p.shipment_date)) continue;
    ++whole;
    if (p.delivering_date <= p.shipment_date) ++part;
  }
  return percent(part, whole, 100);
}

bool past_danger(const RatingDef& d, double v) { return d.higher_is_better ? v < d.danger : v > d.danger; }
bool past_warning(const RatingDef& d, double v) { return d.higher_is_better ? v < d.warning : v > d.warning; }

const char* status_of(const RatingDef& d, double v) {
  return past_danger(d, v) ? "CRITICAL" : past_warning(d, v) ? "WARNING" : "OK";
}

net::HttpResponse rating_summary(const Call& call, const json&) {
  const State& s = call.state;
  const core::EpochMs today = moscow_day(call.now);
  std::vector<std::string> groups;
  std::map<std::string, json> items;
  for (const auto& d : kRatings) {
    const double now_value = rating_value(s, d, today), past = rating_value(s, d, today - 7 * kDay);
    const bool same = std::fabs(now_value - past) < 1e-9;
    const bool better = d.higher_is_better ? now_value > past : now_value < past;
    json item = {{"rating", d.rating},
                 {"name", d.name},
                 {"current_value", now_value},
                 {"past_value", past},
                 {"rating_direction", d.higher_is_better ? "HIGHER_IS_BETTER" : "LOWER_IS_BETTER"},
                 {"status", status_of(d, now_value)},
                 {"value_type", d.value_type},
                 {"change",
                  {{"direction", same ? "DIRECTION_NONE" : now_value > past ? "DIRECTION_RISE" : "DIRECTION_FALL"},
                   {"meaning", same ? "MEANING_NONE" : better ? "MEANING_GOOD" : "MEANING_BAD"}}}};
    if (!contains(groups, std::string(d.group))) groups.emplace_back(d.group);
    items[d.group].push_back(std::move(item));
  }
  json out = json::array();
  for (const auto& g : groups) out.push_back({{"group_name", g}, {"items", items[g]}});
  return ok({{"groups", out},
             {"localization_index",
              json::array({{{"calculation_date", format_iso8601(today)}, {"localization_percentage", 67}}})},
             {"penalty_score_exceeded", false},
             {"premium", s.premium_plus},
             {"premium_plus", s.premium_plus}});
}

net::HttpResponse rating_history(const Call& call, const json& b) {
  std::vector<std::string> ratings;
  if (!read_string_list_strict(b, "ratings", &ratings)) return bad("proto: syntax error: ratings must be texts");
  if (ratings.empty()) return bad("INVALID_ARGUMENT: ratings is required");
  core::EpochMs from = 0, to = 0;
  const std::string from_text = read_string_strict(b, "date_from"), to_text = read_string_strict(b, "date_to");
  if (from_text.empty() || to_text.empty()) return bad("INVALID_ARGUMENT: date_from and date_to are required");
  if (!parse_iso8601(from_text, &from) || !parse_iso8601(to_text, &to))
    return bad("proto: syntax error: date_from and date_to must be date-times");
  if (to < from) return bad("INVALID_ARGUMENT: date_to is before date_from");
  const core::EpochMs first = moscow_day(from), last = moscow_day(std::min(to, call.now));
  if (last - first > 366 * kDay) return bad("INVALID_ARGUMENT: at most a year of history at a time");
  json out = json::array();
  for (const auto& name : ratings) {
    const RatingDef* d = rating_def(name);
    if (!d) continue;  // a rating the demo does not keep
    json values = json::array();
    for (core::EpochMs day = first; day <= last; day += kDay) {
      const double v = rating_value(call.state, *d, day);
      values.push_back({{"date_from", format_iso8601(day)},
                        {"date_to", format_iso8601(day + kDay - 1000)},
                        {"value", v},
                        {"status",
                         {{"danger", past_danger(*d, v)}, {"warning", past_warning(*d, v)}, {"premium", false}}}});
    }
    out.push_back({{"rating", d->rating},
                   {"danger_threshold", d->danger},
                   {"warning_threshold", d->warning},
                   {"values", values}});
  }
  return ok({{"ratings", out}, {"premium_scores", json::array()}});
}

// ---- analytics -----------------------------------------------------------------------

// "YYYY-MM-DD" (or a date-time: its date) -> Moscow midnight of that day.
bool read_day(const json& b, const char* key, core::EpochMs* out) {
  const std::string text = read_string_strict(b, key);
  if (text.size() < 10) return false;
  core::EpochMs t = 0;
  if (!parse_iso8601(text.substr(0, 10), &t)) return false;
  *out = t - kMoscow;
  return true;
}

std::string dimension_id(const State& s, const std::string& dim, core::EpochMs t, std::int64_t sku,
                         std::string* name) {
  const std::string day = day_text(t);
  if (dim == "sku") {
    const Product* pr = s.product(sku);
    *name = pr ? pr->name : "";
    return std::to_string(sku);
  }
  std::string id = day;
  if (dim == "month") id = day.substr(0, 7);
  if (dim == "year") id = day.substr(0, 4);
  if (dim == "week") {  // the week's Monday
    const core::EpochMs midnight = moscow_day(t);
    const std::int64_t days = (midnight + kMoscow) / kDay;
    const std::int64_t weekday = ((days + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday: Monday = 0
    id = day_text(midnight - weekday * kDay);
  }
  *name = id;
  return id;
}

constexpr std::string_view kDimensions[] = {"sku", "spu", "day", "week", "month", "year", "category1",
                                            "category2", "category3", "category4", "brand", "modelID"};
constexpr std::string_view kMetrics[] = {
    "revenue", "ordered_units", "hits_view_search", "hits_view_pdp", "hits_view", "hits_tocart_search",
    "hits_tocart_pdp", "hits_tocart", "session_view_search", "session_view_pdp", "session_view",
    "conv_tocart_search", "conv_tocart_pdp", "conv_tocart", "returns", "cancellations", "delivered_units",
    "position_category"};

template <std::size_t N>
bool listed(const std::string_view (&list)[N], const std::string& value) {
  return std::find(std::begin(list), std::end(list), value) != std::end(list);
}

net::HttpResponse analytics_data(const Call& call, const json& b) {
  State& s = call.state;
  if (rate_limited(s.recent_analytics, call.now, kAnalyticsPerMinute, kMin))
    return error(429, 8, "You have reached request rate limit per minute");
  core::EpochMs from = 0, to = 0;
  if (!find(b, "date_from") || !find(b, "date_to")) return bad("INVALID_ARGUMENT: date_from and date_to are required");
  if (!read_day(b, "date_from", &from) || !read_day(b, "date_to", &to))
    return bad("INVALID_ARGUMENT: date_from and date_to must be dates YYYY-MM-DD");
  if (to < from) return bad("INVALID_ARGUMENT: date_to is before date_from");
  std::vector<std::string> dims, metrics;
  if (!read_string_list_strict(b, "dimension", &dims) || !read_string_list_strict(b, "metrics", &metrics))
    return bad("proto: syntax error: dimension and metrics must be lists of texts");
  if (dims.empty()) return bad("INVALID_ARGUMENT: dimension is required");
  if (metrics.empty() || metrics.size() > 14) return bad("INVALID_ARGUMENT: from 1 to 14 metrics");
  for (const auto& d : dims)
    if (!listed(kDimensions, d)) return bad(std::string("INVALID_ARGUMENT: unknown dimension ").append(d));
  for (const auto& m : metrics)
    if (!listed(kMetrics, m)) return bad(std::string("INVALID_ARGUMENT: unknown metric ").append(m));
  const auto limit = find_int64_strict(b, "limit");
  if (!limit || *limit < 1 || *limit > 1000) return bad("INVALID_ARGUMENT: limit must be between 1 and 1000");
  const std::int64_t offset = read_int64_strict(b, "offset", 0);
  if (offset < 0) return bad("INVALID_ARGUMENT: offset must not be negative");
  if (!s.premium_plus) {
    for (const auto& d : dims)
      if (d != "day" && d != "sku")
        return error(403, 7, std::string("PERMISSION_DENIED: dimension ").append(d).append(
                                 " is available to sellers with a Premium Plus subscription"));
    for (const auto& m : metrics)
      if (m != "revenue" && m != "ordered_units")
        return error(403, 7, std::string("PERMISSION_DENIED: metric ").append(m).append(
                                 " is available to sellers with a Premium Plus subscription"));
  }
  for (const auto& d : dims)
    if (d != "day" && d != "week" && d != "month" && d != "year" && d != "sku")
      return bad(std::string("INVALID_ARGUMENT: the demo store reports by day, week, month, year and sku, not ")
                     .append(d));

  // Rows keyed by their dimension ids.
  struct Row {
    std::vector<std::string> ids, names;
    std::vector<double> values;
  };
  std::map<std::vector<std::string>, Row> rows;
  std::map<std::string, int> returned;  // posting number + sku -> units returned
  for (const auto& r : s.returns) returned[r.posting_number + "/" + std::to_string(r.sku)] += r.quantity;
  for (const auto& p : s.postings) {
    if (p.in_process_at < from || p.in_process_at >= to + kDay) continue;
    for (const auto& it : p.items) {
      const Product* pr = s.product(it.sku);
      std::vector<std::string> key, names;
      for (const auto& d : dims) {
        std::string name;
        key.push_back(dimension_id(s, d, p.in_process_at, it.sku, &name));
        names.push_back(std::move(name));
      }
      Row& row = rows[key];
      if (row.ids.empty()) {
        row.ids = key;
        row.names = names;
        row.values.assign(metrics.size(), 0.0);
      }
      const std::string rkey = std::string(p.number).append("/").append(std::to_string(it.sku));
      for (std::size_t m = 0; m < metrics.size(); ++m) {
        const std::string& metric = metrics[m];
        if (metric == "revenue") row.values[m] += rub((pr ? pr->price_kop : 0) * it.quantity);
        if (metric == "ordered_units") row.values[m] += it.quantity;
        if (metric == "delivered_units" && p.status == "delivered") row.values[m] += it.quantity;
        if (metric == "cancellations" && is_cancelled(p.status)) row.values[m] += it.quantity;
        if (metric == "returns" && returned.count(rkey)) row.values[m] += returned[rkey];
      }
    }
  }
  std::vector<Row> ordered;
  for (auto& kv : rows) ordered.push_back(std::move(kv.second));
  // sort [{key: a requested metric, order: ASC | DESC}]: the first one that names a metric.
  if (const json* sort = find(b, "sort"); sort && sort->is_array())
    for (const auto& rule : *sort) {
      const std::string key = read_string_strict(rule, "key");
      const auto at = std::find(metrics.begin(), metrics.end(), key);
      if (at == metrics.end()) continue;
      const auto m = static_cast<std::size_t>(at - metrics.begin());
      const bool desc = read_string_strict(rule, "order") == "DESC";
      std::stable_sort(ordered.begin(), ordered.end(), [m, desc](const Row& x, const Row& y) {
        return desc ? x.values[m] > y.values[m] : x.values[m] < y.values[m];
      });
      break;
    }
  std::vector<double> totals(metrics.size(), 0.0);
  for (const auto& row : ordered)
    for (std::size_t m = 0; m < metrics.size(); ++m) totals[m] += row.values[m];
  json data = json::array();
  const std::size_t start = offset >= static_cast<std::int64_t>(ordered.size()) ? ordered.size()
                                                                                  : static_cast<std::size_t>(offset);
  for (std::size_t i = start; i < ordered.size() && data.size() < static_cast<std::size_t>(*limit); ++i) {
    json dimensions = json::array();
    for (std::size_t d = 0; d < dims.size(); ++d)
      dimensions.push_back({{"id", ordered[i].ids[d]}, {"name", ordered[i].names[d]}});
    json values = json::array();
    for (double v : ordered[i].values) values.push_back(round2(v));
    data.push_back({{"dimensions", dimensions}, {"metrics", values}});
  }
  json total_values = json::array();
  for (double v : totals) total_values.push_back(round2(v));
  return ok({{"result", {{"data", data}, {"totals", total_values}}}, {"timestamp", moscow_datetime(call.now)}});
}

}  // namespace

Routes numbers_routes() {
  static constexpr Route kRoutes[] = {
      {ep::kRatingSummary, rating_summary},
      {ep::kRatingHistory, rating_history},
      {ep::kAnalyticsData, analytics_data},
      {ep::kFinanceTransactionList, finance_list},
      {ep::kFinanceTransactionTotals, finance_totals},
  };
  return kRoutes;
}

}  // namespace sandbox
