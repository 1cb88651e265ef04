#include "app/alerts_screen.h"

#include <algorithm>

#include "app/chats_screen.h"
#include "app/orders_screen.h"
#include "core/json_read.h"

namespace app {
namespace {

constexpr core::AlertKind kKinds[] = {core::AlertKind::new_order, core::AlertKind::under_2h, core::AlertKind::overdue,
                                      core::AlertKind::buyer_cancelled_while_packing,
                                      core::AlertKind::marking_refused, core::AlertKind::buyer_message};

// A crossing a moment away is swept a little after it, so the posting is
// already on the other side; a long sleep is cut into hours (the clock of a
// sleeping laptop jumps).
constexpr std::int64_t kSweepSlackMs = 1'000;
constexpr std::int64_t kLongestSweepWaitMs = 3'600'000;

nlohmann::json settings_json(const core::AlertSettings& settings) {
  nlohmann::json notify = nlohmann::json::object(), sound = nlohmann::json::object();
  for (const auto kind : kKinds) {
    notify[std::string(core::alert_kind_name(kind))] = settings.notify[static_cast<std::size_t>(kind)];
    sound[std::string(core::alert_kind_name(kind))] = settings.sound[static_cast<std::size_t>(kind)];
  }
  return {{"notify", notify},
          {"sound", sound},
          {"quiet", {{"enabled", settings.quiet.enabled},
                     {"start", settings.quiet.start_minute},
                     {"end", settings.quiet.end_minute}}}};
}

// What the device remembers; anything unreadable keeps the default.
core::AlertSettings settings_from_json(const nlohmann::json& json) {
  core::AlertSettings settings;
  if (!json.is_object()) return settings;
  for (const auto kind : kKinds) {
    const std::string name(core::alert_kind_name(kind));
    const auto index = static_cast<std::size_t>(kind);
    if (auto it = json.find("notify"); it != json.end() && it->is_object())
      if (auto v = it->find(name); v != it->end() && v->is_boolean()) settings.notify[index] = v->get<bool>();
    if (auto it = json.find("sound"); it != json.end() && it->is_object())
      if (auto v = it->find(name); v != it->end() && v->is_boolean()) settings.sound[index] = v->get<bool>();
  }
  if (auto it = json.find("quiet"); it != json.end() && it->is_object()) {
    if (auto v = it->find("enabled"); v != it->end() && v->is_boolean()) settings.quiet.enabled = v->get<bool>();
    if (auto v = it->find("start"); v != it->end() && v->is_number_integer())
      settings.quiet.start_minute = std::clamp(v->get<int>(), 0, 1439);
    if (auto v = it->find("end"); v != it->end() && v->is_number_integer())
      settings.quiet.end_minute = std::clamp(v->get<int>(), 0, 1439);
  }
  return settings;
}

}  // namespace

AlertsScreen::AlertsScreen(App& app) : Feature(app) {
  handle<OpenAlert, MarkAllAlertsSeen, SetAlertChannel, SetQuietHours, AskNotificationPermission>(this);
  if (auto saved = app.services().settings.get(kAlertSettingsKey))
    book_.set_settings(settings_from_json(nlohmann::json::parse(*saved, nullptr, false)));
  auto& orders = app.feature<OrdersScreen>();
  orders.listen([this](const OrdersRefreshed& refreshed) {
    const core::EpochMs now = app_.now();
    std::vector<core::Alert> raised;
    if (!refreshed.first)
      raised = book_.add_from_diff(refreshed.store_id, refreshed.diff,
                                   app_.feature<OrdersScreen>().working_postings(), now);
    const auto& postings = app_.state().orders.list.postings();
    for (auto& alert : book_.sweep_risk(refreshed.store_id, postings, now, app_.state().utc_offset_minutes))
      raised.push_back(std::move(alert));
    book_.forget_missing(refreshed.store_id, postings);
    deliver(raised);
    arm_sweep();
  });
  orders.listen_marking_refused([this](const std::string& store, const std::string& number) {
    if (auto alert = book_.report(store, core::AlertKind::marking_refused, number, app_.now())) deliver({*alert});
  });
}

// Postings crossing into "under 2 h" or "overdue" between refreshes: swept
// when the earliest crossing comes (one timer, none while nothing is open).
void AlertsScreen::sweep() {
  const core::EpochMs now = app_.now();
  const auto& postings = app_.state().orders.list.postings();
  std::vector<core::Alert> raised;
  for (const auto& feed : app_.state().orders.stores)
    if (feed.fetched)  // a store's first sweep comes with its first list
      for (auto& alert : book_.sweep_risk(feed.store_id, postings, now, app_.state().utc_offset_minutes))
        raised.push_back(std::move(alert));
  deliver(raised);
  arm_sweep();
}

void AlertsScreen::arm_sweep() {
  const core::EpochMs now = app_.now();
  const auto crossing = core::next_risk_crossing(app_.state().orders.list.postings(), now);
  if (crossing && crossing == armed_crossing_) return;  // already armed for it
  const int timer = ++sweep_timer_;
  armed_crossing_ = crossing;
  if (!crossing) return;
  const std::int64_t wait = std::min(*crossing - now + kSweepSlackMs, kLongestSweepWaitMs);
  app_.after(std::max<std::int64_t>(wait, kSweepSlackMs), [this, timer] {
    if (timer != sweep_timer_) return;
    armed_crossing_.reset();
    sweep();
  });
}

std::string AlertsScreen::describe(const core::Alert& alert) const {
  std::string store = alert.store_id;
  for (const auto& feed : app_.state().orders.stores)
    if (feed.store_id == alert.store_id && !feed.name.empty()) store = feed.name;
  const std::string key = "alerts.kind." + std::string(core::alert_kind_name(alert.kind));
  return std::string(app_.tr(key)) + " " + alert.posting_number + " (" + store + ")";
}

void AlertsScreen::report_buyer_message(const std::string& store_id, const std::string& chat_id,
                                        const std::string& message_id, const std::string& posting_number) {
  if (auto alert = book_.report_message(store_id, chat_id, message_id, posting_number, app_.now())) deliver({*alert});
}

void AlertsScreen::mark_chat_seen(const std::string& store_id, const std::string& chat_id) {
  if (book_.mark_chat_seen(store_id, chat_id) > 0) publish_unseen();
}

void AlertsScreen::deliver(const std::vector<core::Alert>& raised) {
  const auto& services = app_.services();
  const core::EpochMs now = app_.now();
  const int offset = app_.state().utc_offset_minutes;
  bool sound = false;
  for (const auto& alert : raised) {
    if (services.notify && permission_ == "granted" && book_.should_notify(alert.kind, now, offset))
      services.notify(app_.tr("alerts.notification_title"), describe(alert), alert.id);
    sound = sound || book_.should_sound(alert.kind, now, offset);
  }
  if (sound && services.play_sound) services.play_sound();  // one sound for a burst
  publish_unseen();
}

void AlertsScreen::publish_unseen() {
  const int unseen = static_cast<int>(book_.unseen_count());
  if (unseen == published_unseen_) return;
  published_unseen_ = unseen;
  if (app_.services().show_unseen) app_.services().show_unseen(unseen);
}

// The posting opens on the orders screen: in "All stores" when it belongs to
// another store than the open one.
void AlertsScreen::on(const OpenAlert& a) {
  const auto& alerts = book_.alerts();
  auto it = std::find_if(alerts.begin(), alerts.end(), [&](const core::Alert& alert) { return alert.id == a.id; });
  if (it == alerts.end()) return;
  const core::Alert alert = *it;
  if (alert.kind == core::AlertKind::buyer_message) {
    book_.mark_seen(alert.id);
    publish_unseen();
    app_.mutable_state().view = "chats";
    if (alert.store_id == app_.state().stores.active_id) app_.feature<ChatsScreen>().on(OpenChat{alert.chat_id});
    return;
  }
  book_.mark_posting_seen(alert.store_id, alert.posting_number);
  publish_unseen();
  auto& orders = app_.feature<OrdersScreen>();
  const core::Posting* posting = app_.state().orders.list.find(alert.posting_number);
  if (!posting) return;
  if (alert.store_id != app_.state().stores.active_id) orders.on(SetAllStores{true});
  orders.on(SelectTab{core::stage_of(posting->status)});
  orders.on(OpenPosting{alert.posting_number});
  app_.mutable_state().view = "orders";
}

void AlertsScreen::on(const MarkAllAlertsSeen&) {
  book_.mark_all_seen();
  publish_unseen();
}

void AlertsScreen::on(const SetAlertChannel& a) {
  core::AlertSettings settings = book_.settings();
  settings.notify[static_cast<std::size_t>(a.kind)] = a.notify;
  settings.sound[static_cast<std::size_t>(a.kind)] = a.sound;
  book_.set_settings(settings);
  save_settings();
}

void AlertsScreen::on(const SetQuietHours& a) {
  core::AlertSettings settings = book_.settings();
  settings.quiet = a.quiet;
  book_.set_settings(settings);
  save_settings();
}

void AlertsScreen::on(const AskNotificationPermission&) {
  if (!app_.services().ask_notification_permission) return;
  app_.services().ask_notification_permission(app_.guard([this](std::string permission) {
    permission_ = std::move(permission);
  }));
}

void AlertsScreen::save_settings() {
  app_.save_setting(kAlertSettingsKey, core::json_read::dump(settings_json(book_.settings())));
}

void AlertsScreen::write_snapshot(nlohmann::json& out) const {
  nlohmann::json list = nlohmann::json::array();
  nlohmann::json by_kind = nlohmann::json::object();
  for (const auto kind : kKinds) by_kind[std::string(core::alert_kind_name(kind))] = 0;
  for (const auto& alert : book_.alerts()) {
    list.push_back({{"id", alert.id},
                    {"kind", core::alert_kind_name(alert.kind)},
                    {"posting", alert.posting_number},
                    {"chat", alert.chat_id},
                    {"store", alert.store_id},
                    {"at", alert.at},
                    {"seen", alert.seen}});
    if (!alert.seen) {
      auto& count = by_kind[std::string(core::alert_kind_name(alert.kind))];
      count = count.get<int>() + 1;
    }
  }
  out["alerts"] = std::move(list);  // oldest first
  out["alertState"] = {{"unseen", book_.unseen_count()},
                   {"unseenByKind", by_kind},
                   {"permission", permission_},
                   {"settings", settings_json(book_.settings())}};
}

}  // namespace app
