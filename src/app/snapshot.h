#pragma once
// The JSON-able picture of the app state that window.sellerConsole.snapshot()
// returns to tests and to an embedding portal. Grows with every feature.
#include <nlohmann/json.hpp>

#include "app/app_state.h"

namespace app {

nlohmann::json snapshot(const AppState& state);

}  // namespace app
