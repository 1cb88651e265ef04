#pragma once
// The application controller: owns the state, applies actions, talks to the
// active store through its session, persists settings. UI-agnostic and
// testable natively (with the sandbox transport and a manual clock).
#include <memory>
#include <string>
#include <vector>

#include "app/actions.h"
#include "app/app_state.h"
#include "app/i18n.h"
#include "app/session.h"
#include "core/clock.h"
#include "store/settings_store.h"

namespace app {

inline constexpr const char* kLangSettingKey = "lang";
inline constexpr const char* kStoresSettingKey = "stores";
inline constexpr const char* kActiveStoreSettingKey = "active_store";

struct AppServices {
  store::SettingsStore& settings;
  core::Clock& clock;
  core::Scheduler& scheduler;
  TransportFactory& transports;
};

class App {
 public:
  // `browser_languages` is navigator.languages, used when no choice is saved.
  App(AppServices services, const std::vector<std::string>& browser_languages);

  const AppState& state() const { return state_; }
  AppState& mutable_state() { return state_; }
  const Translations& translations() const { return translations_; }
  const char* tr(std::string_view key) const { return translations_.get(state_.lang, key); }
  core::EpochMs now() const { return services_.clock.now_ms(); }

  void apply(const Action& action);
  void apply_all(ActionQueue& queue);
  // Starts work that the saved state asks for (loading the active store).
  void start();

 private:
  void save_setting(const char* key, const std::string& value);
  void save_stores();
  void activate(StoreConfig store);
  void refresh_orders();
  void test_connection(StoreConfig store);

  AppServices services_;
  Translations translations_;
  AppState state_;
  std::unique_ptr<StoreSession> session_;
  std::unique_ptr<StoreSession> check_session_;  // the store being tested
};

// The notice shown for an API failure: the plain-words key and the detail.
Notice notice_for(const ozon::ApiError& error);

}  // namespace app
