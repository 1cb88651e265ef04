#pragma once
// Alerts: what needs the seller now, across every store of the fleet (new
// orders, a posting under 2 h or overdue, a buyer cancelling what is being
// packed, marking codes refused). Raised from the background refresh and a
// risk timer (core/alert_rules.h), listed on their own screen and counted in
// the top bar, the tab title and the app badge; a system notification and a
// sound where the seller allows them, per kind, outside quiet hours.
#include <cstdint>
#include <optional>
#include <string>

#include "app/app.h"
#include "core/alert_rules.h"

namespace app {

inline constexpr const char* kAlertSettingsKey = "alert_settings";

struct OpenAlert {
  std::uint64_t id = 0;
};
struct MarkAllAlertsSeen {};
// Per kind: a system notification, a sound.
struct SetAlertChannel {
  core::AlertKind kind = core::AlertKind::new_order;
  bool notify = true;
  bool sound = false;
};
struct SetQuietHours {
  core::QuietHours quiet;
};
// The seller's click on "Allow notifications": the browser asks them.
struct AskNotificationPermission {};

class AlertsScreen final : public Feature {
 public:
  explicit AlertsScreen(App& app);
  static constexpr std::string_view kId = "alerts";
  std::string_view id() const override { return kId; }
  char shortcut() const override { return 'l'; }

  void write_snapshot(nlohmann::json& snapshot) const override;

  const core::AlertBook& book() const { return book_; }
  // "granted", "denied", "default" or "unsupported" (the browser's answer).
  const std::string& permission() const { return permission_; }
  void set_permission(std::string permission) { permission_ = std::move(permission); }
  // A buyer's new message in a chat of `store_id` (the chats screen reports it).
  void report_buyer_message(const std::string& store_id, const std::string& chat_id, const std::string& message_id,
                            const std::string& posting_number);
  void mark_chat_seen(const std::string& store_id, const std::string& chat_id);
  // The alert's words: "New order 123-1 (Store B)".
  std::string describe(const core::Alert& alert) const;

  void on(const OpenAlert&);
  void on(const MarkAllAlertsSeen&);
  void on(const SetAlertChannel&);
  void on(const SetQuietHours&);
  void on(const AskNotificationPermission&);

 private:
  void sweep();
  void arm_sweep();
  // Raised alerts leave the page (notification, sound) and the count is shown.
  void deliver(const std::vector<core::Alert>& raised);
  void publish_unseen();
  void save_settings();

  core::AlertBook book_;
  std::string permission_ = "default";
  int sweep_timer_ = 0;  // only the latest armed timer sweeps
  // The crossing the pending timer sweeps at: each refresh re-arms, and a
  // timer for the same crossing would only wake the tab again for nothing.
  std::optional<core::EpochMs> armed_crossing_;
  int published_unseen_ = -1;
};

}  // namespace app
