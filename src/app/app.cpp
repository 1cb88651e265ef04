#include "app/app.h"

namespace app {

std::string_view view_name(View view) {
  switch (view) {
    case View::home: break;
  }
  return "home";
}

App::App(store::SettingsStore& settings, const std::vector<std::string>& browser_languages)
    : settings_(settings), translations_(Translations::embedded()) {
  if (auto saved = settings_.get(kLangSettingKey))
    state_.lang = lang_from_code(*saved);
  else
    state_.lang = lang_from_preferences(browser_languages);
}

void App::apply(const Action& action) {
  std::visit(
      [this](const auto& a) {
        using T = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<T, SetLanguage>) {
          state_.lang = a.lang;
          state_.storage_warning.clear();
          if (!settings_.set(kLangSettingKey, std::string(lang_code(a.lang))))
            state_.storage_warning = "storage.unavailable";
        } else if constexpr (std::is_same_v<T, ShowView>) {
          state_.view = a.view;
        }
      },
      action);
}

void App::apply_all(ActionQueue& queue) {
  for (const auto& action : queue.take()) apply(action);
}

}  // namespace app
