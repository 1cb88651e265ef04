#include "core/alert_rules.h"

#include <algorithm>
#include <limits>
#include <tuple>
#include <unordered_set>

#include "core/deadline.h"

namespace core {
namespace {

constexpr EpochMs kMinuteMs = 60'000;
constexpr EpochMs kTwoHoursMs = 2 * 60 * kMinuteMs;
constexpr int kMinutesPerDay = 24 * 60;

constexpr std::string_view kKindNames[kAlertKindCount] = {
    "new_order", "under_2h", "overdue", "buyer_cancelled_while_packing", "marking_refused", "buyer_message",
};

std::int64_t floor_mod(std::int64_t a, std::int64_t b) {  // b > 0
  const std::int64_t r = a % b;
  return r < 0 ? r + b : r;
}

bool has_work(PostingStatus status) {
  const Stage stage = stage_of(status);
  return stage == Stage::awaiting_packaging || stage == Stage::awaiting_shipment;
}

std::size_t kind_index(AlertKind kind) { return static_cast<std::size_t>(kind); }

}  // namespace

std::string_view alert_kind_name(AlertKind kind) {
  const std::size_t i = kind_index(kind);
  return i < kAlertKindCount ? kKindNames[i] : std::string_view("new_order");
}

std::optional<AlertKind> alert_kind_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kAlertKindCount; ++i)
    if (kKindNames[i] == name) return static_cast<AlertKind>(i);
  return std::nullopt;
}

bool QuietHours::contains(EpochMs now, int utc_offset_minutes) const {
  if (!enabled) return false;
  const auto start = floor_mod(start_minute, kMinutesPerDay);
  const auto end = floor_mod(end_minute, kMinutesPerDay);
  if (start == end) return false;
  const EpochMs local = now + static_cast<EpochMs>(utc_offset_minutes) * kMinuteMs;
  const auto minute = floor_mod(local, kMinutesPerDay * kMinuteMs) / kMinuteMs;
  return start < end ? (minute >= start && minute < end) : (minute >= start || minute < end);
}

bool AlertBook::Key::operator<(const Key& other) const {
  return std::tie(store_id, kind, posting_number) < std::tie(other.store_id, other.kind, other.posting_number);
}

AlertBook::AlertBook(AlertSettings settings) : settings_(settings) {}

std::optional<Alert> AlertBook::raise(std::string_view store_id, AlertKind kind, std::string_view posting_number,
                                      EpochMs now) {
  Key key{std::string(store_id), kind, std::string(posting_number)};
  if (!raised_.insert(key).second) return std::nullopt;
  Alert alert;
  alert.id = next_id_++;
  alert.kind = kind;
  alert.store_id = std::move(key.store_id);
  alert.posting_number = std::move(key.posting_number);
  alert.at = now;
  alerts_.push_back(alert);
  ++unseen_;
  return alert;
}

void AlertBook::enforce_cap() {
  if (alerts_.size() <= settings_.max_alerts) return;
  std::size_t excess = alerts_.size() - settings_.max_alerts;
  // Oldest seen ones first, then the oldest unseen ones.
  std::size_t seen_drop = 0;
  for (const Alert& a : alerts_) seen_drop += (a.seen && seen_drop < excess) ? 1 : 0;
  std::size_t unseen_drop = excess - seen_drop;
  std::erase_if(alerts_, [&seen_drop, &unseen_drop](const Alert& a) {
    std::size_t& budget = a.seen ? seen_drop : unseen_drop;
    if (budget == 0) return false;
    --budget;
    return true;
  });
  unseen_ = 0;
  for (const Alert& a : alerts_) unseen_ += a.seen ? 0 : 1;
}

std::vector<Alert> AlertBook::add_from_diff(std::string_view store_id, const PostingDiff& diff,
                                            const std::vector<std::string>& working, EpochMs now) {
  std::vector<Alert> raised;
  for (const PostingDelta& d : diff.added) {
    if (!has_work(d.to)) continue;
    if (auto alert = raise(store_id, AlertKind::new_order, d.posting_number, now)) raised.push_back(std::move(*alert));
  }
  if (!diff.cancelled.empty() && !working.empty()) {
    const std::unordered_set<std::string_view> open(working.begin(), working.end());
    for (const PostingDelta& d : diff.cancelled) {
      if (!d.by_buyer || open.count(d.posting_number) == 0) continue;
      if (auto alert = raise(store_id, AlertKind::buyer_cancelled_while_packing, d.posting_number, now))
        raised.push_back(std::move(*alert));
    }
  }
  enforce_cap();
  return raised;
}

std::vector<Alert> AlertBook::sweep_risk(std::string_view store_id, const std::vector<Posting>& postings,
                                         EpochMs now, int utc_offset_minutes) {
  std::vector<Alert> raised;
  const auto last = last_sweep_.find(std::string(store_id));
  EpochMs prev = std::numeric_limits<EpochMs>::min();
  if (last != last_sweep_.end()) {
    prev = last->second;
    if (now <= prev) return raised;
    last->second = now;
  } else {
    last_sweep_.emplace(std::string(store_id), now);
    if (!settings_.alert_risk_on_first_sweep) return raised;
  }
  const EpochMs midnight = next_local_midnight(now, utc_offset_minutes);
  for (const Posting& p : postings) {
    if (!p.store_id.empty() && p.store_id != store_id) continue;  // another store's, in a list of several
    const Risk risk = risk_for(stage_of(p.status), p.shipment_date, now, midnight);
    std::optional<Alert> alert;
    if (risk == Risk::overdue && p.shipment_date > prev)
      alert = raise(store_id, AlertKind::overdue, p.posting_number, now);
    else if (risk == Risk::under_2h && p.shipment_date - kTwoHoursMs >= prev)
      alert = raise(store_id, AlertKind::under_2h, p.posting_number, now);
    if (alert) raised.push_back(std::move(*alert));
  }
  enforce_cap();
  return raised;
}

std::optional<Alert> AlertBook::report(std::string_view store_id, AlertKind kind, std::string_view posting_number,
                                       EpochMs now) {
  std::optional<Alert> alert = raise(store_id, kind, posting_number, now);
  enforce_cap();
  return alert;
}

std::optional<Alert> AlertBook::report_message(std::string_view store_id, std::string_view chat_id,
                                               std::string_view message_id, std::string_view posting_number,
                                               EpochMs now) {
  // Keyed by the message, which no posting number can look like.
  std::string key = "chat:";  // appended: GCC 12 -O3 warns falsely on "lit" + string
  key.append(chat_id).append(":").append(message_id);
  std::optional<Alert> alert = raise(store_id, AlertKind::buyer_message, key, now);
  if (alert) {
    alert->posting_number = std::string(posting_number);
    alert->chat_id = std::string(chat_id);
    alerts_.back().posting_number = alert->posting_number;
    alerts_.back().chat_id = alert->chat_id;
  }
  enforce_cap();
  return alert;
}

std::size_t AlertBook::mark_chat_seen(std::string_view store_id, std::string_view chat_id) {
  std::size_t marked = 0;
  for (Alert& a : alerts_) {
    if (a.seen || a.kind != AlertKind::buyer_message || a.store_id != store_id || a.chat_id != chat_id) continue;
    a.seen = true;
    ++marked;
  }
  unseen_ -= marked;
  return marked;
}

std::size_t AlertBook::unseen_count(std::string_view store_id) const {
  return static_cast<std::size_t>(std::count_if(alerts_.begin(), alerts_.end(), [store_id](const Alert& a) {
    return !a.seen && a.store_id == store_id;
  }));
}

bool AlertBook::mark_seen(std::uint64_t id) {
  const auto it = std::lower_bound(alerts_.begin(), alerts_.end(), id,
                                   [](const Alert& a, std::uint64_t wanted) { return a.id < wanted; });
  if (it == alerts_.end() || it->id != id || it->seen) return false;
  it->seen = true;
  --unseen_;
  return true;
}

std::size_t AlertBook::mark_posting_seen(std::string_view store_id, std::string_view posting_number) {
  std::size_t marked = 0;
  for (Alert& a : alerts_) {
    if (a.seen || a.store_id != store_id || a.posting_number != posting_number) continue;
    a.seen = true;
    ++marked;
  }
  unseen_ -= marked;
  return marked;
}

void AlertBook::mark_all_seen() {
  for (Alert& a : alerts_) a.seen = true;
  unseen_ = 0;
}

void AlertBook::forget_missing(std::string_view store_id, const std::vector<Posting>& present) {
  std::unordered_set<std::string_view> numbers;
  numbers.reserve(present.size());
  for (const Posting& p : present)
    if (p.store_id.empty() || p.store_id == store_id) numbers.insert(p.posting_number);
  std::erase_if(raised_, [store_id, &numbers](const Key& key) {
    // Message keys are not postings: the chats screen reports each message once.
    return key.store_id == store_id && key.kind != AlertKind::buyer_message && numbers.count(key.posting_number) == 0;
  });
}

bool AlertBook::should_notify(AlertKind kind, EpochMs now, int utc_offset_minutes) const {
  const std::size_t i = kind_index(kind);
  return i < kAlertKindCount && settings_.notify[i] && !settings_.quiet.contains(now, utc_offset_minutes);
}

bool AlertBook::should_sound(AlertKind kind, EpochMs now, int utc_offset_minutes) const {
  const std::size_t i = kind_index(kind);
  return i < kAlertKindCount && settings_.sound[i] && !settings_.quiet.contains(now, utc_offset_minutes);
}

void AlertBook::set_settings(AlertSettings settings) {
  settings_ = settings;
  enforce_cap();
}

std::optional<EpochMs> next_risk_crossing(const std::vector<Posting>& postings, EpochMs now) {
  std::optional<EpochMs> next;
  auto consider = [&next, now](EpochMs t) {
    if (t > now && (!next || t < *next)) next = t;
  };
  for (const Posting& p : postings) {
    if (!has_work(p.status) || p.shipment_date == 0) continue;
    consider(p.shipment_date - kTwoHoursMs + 1);  // under_2h: strictly less than 2 h left
    consider(p.shipment_date);
  }
  return next;
}

}  // namespace core
