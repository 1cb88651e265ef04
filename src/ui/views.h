#pragma once
// Views draw the app state and push actions; they do no I/O.
#include "app/actions.h"
#include "app/app.h"

namespace ui {

// The whole screen: the top bar and the current view (ui/screen_registry.h).
void draw_root(const app::App& app, app::ActionQueue& actions);

void draw_top_bar(const app::App& app, app::ActionQueue& actions);
// The screens' own views (each registers itself in its file).
void draw_orders_view(const app::App& app, app::ActionQueue& actions);
void draw_plan_view(const app::App& app, app::ActionQueue& actions);
void draw_stores_view(const app::App& app, app::ActionQueue& actions);

// This device: the network indicator (top bar), the update banner, and the
// storage section of the settings screen.
void draw_device_indicator(const app::App& app);
void draw_update_banner(const app::App& app, app::ActionQueue& actions);
void draw_device_settings(const app::App& app, app::ActionQueue& actions);
void draw_backup(const app::App& app, app::ActionQueue& actions);
void draw_needs_attention(const app::App& app, app::ActionQueue& actions);

// The display name of a store ("Demo store" is translated).
const char* store_display_name(const app::App& app, const app::StoreConfig& store);

}  // namespace ui
