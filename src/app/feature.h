#pragma once
// A feature is one room of the console: usually a screen (orders, Today's
// plan, stores, ...) with its actions and their handlers, its part of the
// snapshot, its drafts, its outbox changes and its redraw needs. App keeps
// the shared services (the store session, the outbox, storage, the
// scheduler) and routes to the features; the list of features is
// app/screens.cpp. The UI side of a screen registers itself in its own view
// file (ui/screen_registry.h).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/action.h"
#include "app/outbox.h"
#include "core/interned_json.h"  // a feature's snapshot writes interned texts
#include "store/record_store.h"

namespace app {

class App;

// What must be redrawn with no input: countdowns in minutes or seconds.
struct RedrawNeeds {
  bool minute_ticks = false;
  bool second_ticks = false;
};

class Feature {
 public:
  explicit Feature(App& app) : app_(app) {}
  virtual ~Feature() = default;
  Feature(const Feature&) = delete;
  Feature& operator=(const Feature&) = delete;

  // The view's name in snapshots and drafts; the top bar shows "nav.<id>".
  virtual std::string_view id() const = 0;
  // False for a feature with no screen of its own (not in the top bar).
  virtual bool has_screen() const { return true; }
  // Alt+<letter> shows the screen; 0 = no shortcut.
  virtual char shortcut() const { return 0; }

  // A store became active (at the start, after a switch): load what it has.
  virtual void on_store_opened() {}
  // The network came or went.
  virtual void on_online_changed(bool /*online*/) {}
  // Once per frame before drawing; `on_screen` while its view is shown.
  virtual void prepare_frame(bool /*on_screen*/) {}
  virtual RedrawNeeds redraw_needs(bool /*on_screen*/) const { return {}; }
  // Its part of window.sellerConsole.snapshot().
  virtual void write_snapshot(nlohmann::json& /*snapshot*/) const {}

  // Drafts (what the seller typed and did not send yet), kept on the device.
  // Records it wants written now, by key; keys it does not list are removed.
  virtual void collect_drafts(std::map<std::string, std::string>& /*drafts*/) const {}
  // A record read back at start; true when it is this feature's.
  virtual bool restore_draft(const std::string& /*key*/, const nlohmann::json& /*draft*/) { return false; }
  // Its fields of the shared screen draft (which view, which posting was open, ...).
  virtual void write_ui_draft(nlohmann::json& /*ui*/) const {}
  // Applies them; false while it must wait for data (the posting to reopen).
  virtual bool restore_ui_draft(const nlohmann::json& /*ui*/) { return true; }
  // "Clear all local data": drop drafts held in memory, so nothing is written back.
  virtual void forget_local_data() {}
  // Records kept on the device (offline copies), read at start and after a store switch.
  virtual void on_local_records(const std::vector<store::Record>& /*records*/) {}

  // The outbox: the change kinds this feature sends (their stored names).
  virtual bool owns_change(std::string_view /*kind*/) const { return false; }
  // A refusal Ozon reports inside a successful reply (per-item errors), if any.
  virtual std::optional<std::string> refusal_in_reply(const OutboxEntry& /*entry*/, const std::string& /*body*/) const {
    return std::nullopt;
  }
  // Whether an entry whose first attempt may have reached Ozon is already done.
  virtual void verify_change(const OutboxEntry& /*entry*/, std::function<void(VerifyOutcome)> done) {
    done(VerifyOutcome::unknown("this change cannot be checked"));
  }
  // An entry of this feature finished (done or refused).
  virtual void on_change_finished(const OutboxEntry& /*entry*/) {}

 protected:
  // Registers `self->on(const A&)` as the handler of each action type A.
  template <typename... A, typename Self>
  void handle(Self* self);

  App& app_;
};

}  // namespace app
