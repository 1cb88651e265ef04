#pragma once
// The settings' line about the offline product pictures: how many are kept,
// their size against the budget, and a button that empties the cache.
#include "app/actions.h"
#include "app/app.h"

namespace ui {

void draw_picture_cache_settings(const app::App& app, app::ActionQueue& actions);

}  // namespace ui
