#pragma once
#include <imgui.h>

#include "app/orders_screen.h"
#include "app/app.h"
#include "core/deadline.h"

namespace ui {

// The open posting: products, buyer and address, requirements, the
// checklist with scan-to-verify, boxes, and Ship.
void draw_posting_detail(const app::App& app, app::ActionQueue& actions);

ImVec4 risk_colour(core::Risk risk);

}  // namespace ui
