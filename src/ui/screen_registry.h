#pragma once
// The UI half of a screen: how it draws, its keyboard shortcuts and the rows
// it adds to the help overlay. Each view file registers its screen under the
// feature's id (the app half lives in app/screens.cpp); the top bar, the
// root view and the help overlay loop over the app's features and find
// their views here.
#include <string_view>
#include <vector>

#include "app/app.h"

namespace ui {

struct ScreenView {
  std::string_view id;  // the app feature's id
  void (*draw)(const app::App& app, app::ActionQueue& actions) = nullptr;
  // Keys that work while the screen is shown (letters only when no text field has the keyboard).
  void (*shortcuts)(const app::App& app, app::ActionQueue& actions) = nullptr;
  struct HelpRow {
    const char* keys;  // as shown ("Ctrl+Enter")
    const char* what;  // translation key
  };
  std::vector<HelpRow> help;
  // Drawn over the screen's button in the top bar, on every screen (counts that need attention; count_badge).
  void (*badge)(const app::App& app, app::ActionQueue& actions) = nullptr;
};

// Called once per screen at start-up, from a static initialiser in its view file:
//   [[maybe_unused]] const bool registered = ui::register_screen_view({...});
bool register_screen_view(ScreenView view);
const ScreenView* find_screen_view(std::string_view id);

}  // namespace ui
