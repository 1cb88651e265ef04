#pragma once
// Getting the seller's attention from a tab they are not looking at: the
// unseen count in the tab title ("(3) Ozon Seller Console") and on the
// installed app's icon (navigator.setAppBadge where the browser has it),
// system notifications (only once the seller allowed them, asked on their
// click), and a short sound (Web Audio, no file to load).
#include <cstdint>
#include <functional>
#include <string>

namespace platform {

void show_unseen_count(int unseen);
// "granted", "denied", "default", or "unsupported" (no Notification API).
std::string notification_permission();
void ask_notification_permission(std::function<void(std::string permission)> done);
// A click on the notification focuses the tab and calls `on_click(alert_id)`.
void show_notification(const std::string& title, const std::string& body, std::uint64_t alert_id);
void on_notification_click(std::function<void(std::uint64_t alert_id)> on_click);
void play_alert_sound();

}  // namespace platform
