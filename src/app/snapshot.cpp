#include "app/snapshot.h"

namespace app {

nlohmann::json snapshot(const AppState& state) {
  nlohmann::json out;
  out["view"] = view_name(state.view);
  out["lang"] = lang_code(state.lang);
  out["framesDrawn"] = state.frames_drawn;
  out["display"] = {{"cssWidth", state.display.css_width},
                    {"cssHeight", state.display.css_height},
                    {"pixelRatio", state.display.pixel_ratio}};
  if (!state.storage_warning.empty()) out["storageWarning"] = state.storage_warning;
  return out;
}

}  // namespace app
