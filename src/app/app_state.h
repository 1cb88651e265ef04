#pragma once
// What the seller sees: one struct the views draw from. Each later feature
// (orders, plan, stock, chats, ...) adds its own slice here and its own view.
#include <string>

#include "app/i18n.h"

namespace app {

enum class View { home };

std::string_view view_name(View view);

struct DisplayInfo {
  int css_width = 0;
  int css_height = 0;
  float pixel_ratio = 1.0f;
};

struct AppState {
  View view = View::home;
  Lang lang = Lang::en;
  std::string store_name_key = "store.demo";
  // Set when a setting could not be saved (e.g. storage disabled): shown, not hidden.
  std::string storage_warning;
  DisplayInfo display;
  long frames_drawn = 0;
};

}  // namespace app
