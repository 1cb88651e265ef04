#pragma once
#include "app/orders_screen.h"

namespace ui {

// The open posting: products, buyer and address, requirements, the
// checklist with scan-to-verify, boxes, and Ship.
void draw_posting_detail(const app::App& app, app::ActionQueue& actions);

}  // namespace ui
