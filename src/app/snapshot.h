#pragma once
// The JSON-able picture of the app state that window.sellerConsole.snapshot()
// returns to tests and to an embedding portal: the shared parts, then each
// feature's own (Feature::write_snapshot).
#include <nlohmann/json.hpp>

#include "core/interned_json.h"  // snapshots write interned texts

namespace app {

class App;
nlohmann::json snapshot(const App& app);

}  // namespace app
