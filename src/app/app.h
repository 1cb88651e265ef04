#pragma once
// The application controller: owns the state, applies actions, persists
// settings. UI-agnostic and testable natively.
#include <string>
#include <vector>

#include "app/actions.h"
#include "app/app_state.h"
#include "app/i18n.h"
#include "store/settings_store.h"

namespace app {

inline constexpr const char* kLangSettingKey = "lang";

class App {
 public:
  // `browser_languages` is navigator.languages, used when no choice is saved.
  App(store::SettingsStore& settings, const std::vector<std::string>& browser_languages);

  const AppState& state() const { return state_; }
  AppState& mutable_state() { return state_; }
  const Translations& translations() const { return translations_; }
  const char* tr(std::string_view key) const { return translations_.get(state_.lang, key); }

  void apply(const Action& action);
  void apply_all(ActionQueue& queue);

 private:
  store::SettingsStore& settings_;
  Translations translations_;
  AppState state_;
};

}  // namespace app
