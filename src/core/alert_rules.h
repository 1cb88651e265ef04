#pragma once
// Alerts for the seller, across stores: what raises one, the book that keeps
// them (once each, seen or not, capped) and whether one may make a system
// notification or a sound now (per-kind settings, quiet hours). Pure: the
// caller passes `now` and the seller's UTC offset in minutes (+180 Moscow,
// +480 China), so everything runs on a manual clock in tests.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "core/order_changes.h"
#include "core/posting.h"

namespace core {

enum class AlertKind : std::uint8_t {
  new_order,                      // a posting appeared with work for the seller
  under_2h,                       // a posting entered the under-2-hours bucket
  overdue,                        // a posting became overdue
  buyer_cancelled_while_packing,  // the buyer cancelled a posting the seller is working on
  marking_refused,                // Ozon refused marking codes (reported by the caller)
  buyer_message,                  // a buyer wrote in a chat (report_message)
};
inline constexpr std::size_t kAlertKindCount = 6;
// Stable keys (settings, snapshot): "new_order", "under_2h", "overdue",
// "buyer_cancelled_while_packing", "marking_refused", "buyer_message".
std::string_view alert_kind_name(AlertKind kind);
std::optional<AlertKind> alert_kind_from_name(std::string_view name);

struct Alert {
  std::uint64_t id = 0;  // unique within the book, increasing in the order raised
  AlertKind kind = AlertKind::new_order;
  std::string store_id;
  std::string posting_number;  // buyer_message: the chat's posting, when known
  std::string chat_id;         // buyer_message only
  EpochMs at = 0;  // when it was raised
  bool seen = false;
};

// A window of local time of day, [start, end) in minutes since local
// midnight (0..1439; other values are taken modulo 1440). start > end
// crosses midnight (22:00-08:00 is 22:00..23:59 and 00:00..07:59); start ==
// end is empty (never quiet). Off unless enabled.
struct QuietHours {
  bool enabled = false;
  int start_minute = 22 * 60;
  int end_minute = 8 * 60;

  bool contains(EpochMs now, int utc_offset_minutes) const;
  bool operator==(const QuietHours&) const = default;
};

struct AlertSettings {
  // Per kind (indexed by AlertKind): make a system notification / a sound.
  // Notifications are on for every kind (the browser still asks the seller
  // once, on a click); sounds are opt-in except for the two that cost money
  // or rating: overdue and a buyer cancelling what is being packed.
  std::array<bool, kAlertKindCount> notify{true, true, true, true, true, true};
  std::array<bool, kAlertKindCount> sound{false, false, true, true, false, false};
  QuietHours quiet;
  // Most alerts kept. Beyond it the oldest seen ones are dropped first, then
  // the oldest unseen ones. 0 = keep none (each raised alert is dropped at
  // once, but still counted as raised: it is not raised again).
  std::size_t max_alerts = 500;
  // Whether the first risk sweep of a store alerts the postings already
  // under 2 h or overdue (see AlertBook::sweep_risk).
  bool alert_risk_on_first_sweep = false;
};

class AlertBook {
 public:
  explicit AlertBook(AlertSettings settings = {});

  // Alerts from one store's diff (diff_postings of its previous and fresh list):
  //   new_order: each added posting whose stage is awaiting_packaging or
  //     awaiting_shipment (a posting that arrives already delivered or
  //     cancelled asks nothing of the seller).
  //   buyer_cancelled_while_packing: each cancelled delta with by_buyer whose
  //     number is in `working` (the postings the seller has open or has
  //     packing work for: the open detail, scanned items, box drafts,
  //     labels being made; the caller knows).
  // Returns the alerts raised now (to notify), oldest first.
  std::vector<Alert> add_from_diff(std::string_view store_id, const PostingDiff& diff,
                                   const std::vector<std::string>& working, EpochMs now);

  // Risk sweep of one store's list at `now` (deadline.h risk_of). Postings
  // whose store_id is set and differs from `store_id` are skipped, so the
  // list of every store can be passed as it is (the same in forget_missing). The book
  // remembers the time of the store's previous sweep, `prev`; a posting
  //   - overdue at now and not at prev (deadline > prev) raises `overdue`;
  //   - under_2h at now and not at prev (deadline - prev >= 2 h) raises
  //     `under_2h`.
  // (Risk as at prev is judged from the deadline alone: a posting that was
  // not open at prev but is now counts as if it had been.)
  // A posting that crossed both since prev (the tab slept) raises overdue only.
  // The first sweep of a store only records the time (risk already present
  // when the console opens is in the list and its counts, not alerted),
  // unless settings.alert_risk_on_first_sweep. A sweep with now <= prev
  // raises nothing. Sweep when next_risk_crossing() says so, after each
  // refresh, and when the clock minute ticks if that is simpler.
  std::vector<Alert> sweep_risk(std::string_view store_id, const std::vector<Posting>& postings, EpochMs now,
                                int utc_offset_minutes);

  // Raises one alert (any kind; the caller uses it for marking_refused).
  // nullopt if (store, kind, posting) was raised before.
  std::optional<Alert> report(std::string_view store_id, AlertKind kind, std::string_view posting_number,
                              EpochMs now);

  // A buyer's new message: once per (store, chat, message).
  std::optional<Alert> report_message(std::string_view store_id, std::string_view chat_id,
                                      std::string_view message_id, std::string_view posting_number, EpochMs now);
  // Every alert of one chat (opening the chat shows them); the number marked.
  std::size_t mark_chat_seen(std::string_view store_id, std::string_view chat_id);
  // Every alert kept, oldest first.
  const std::vector<Alert>& alerts() const { return alerts_; }
  std::size_t unseen_count() const { return unseen_; }
  std::size_t unseen_count(std::string_view store_id) const;

  bool mark_seen(std::uint64_t id);  // false if no such alert or already seen
  // Every alert of one posting (opening the posting shows them all); the number marked.
  std::size_t mark_posting_seen(std::string_view store_id, std::string_view posting_number);
  void mark_all_seen();

  // Forgets which alerts were raised for postings of `store_id` that are not
  // in `present` (its current list), so the memory stays bounded. Kept
  // alerts are not removed. Call after each refresh.
  void forget_missing(std::string_view store_id, const std::vector<Posting>& present);

  // Whether an alert of this kind may make a system notification / a sound
  // at `now`: enabled for the kind and not in quiet hours. Alerts are
  // recorded and counted in quiet hours all the same.
  bool should_notify(AlertKind kind, EpochMs now, int utc_offset_minutes) const;
  bool should_sound(AlertKind kind, EpochMs now, int utc_offset_minutes) const;

  const AlertSettings& settings() const { return settings_; }
  void set_settings(AlertSettings settings);  // applies the new cap at once

 private:
  struct Key {
    std::string store_id;
    AlertKind kind;
    std::string posting_number;
    bool operator<(const Key& other) const;  // (libc++ of em++ has no <=> for std::string)
  };
  std::optional<Alert> raise(std::string_view store_id, AlertKind kind, std::string_view posting_number,
                             EpochMs now);
  void enforce_cap();

  AlertSettings settings_;
  std::vector<Alert> alerts_;
  std::size_t unseen_ = 0;
  std::uint64_t next_id_ = 1;
  std::set<Key> raised_;
  std::unordered_map<std::string, EpochMs> last_sweep_;  // by store id
};

// The first instant after `now` at which some posting's risk becomes
// under_2h or overdue (deadline - 2 h + 1 ms, or the deadline), among postings
// whose stage has a risk; nullopt if none. The app arms one timer there
// instead of polling.
std::optional<EpochMs> next_risk_crossing(const std::vector<Posting>& postings, EpochMs now);

}  // namespace core
