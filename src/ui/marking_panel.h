#pragma once
// The marking and customs section of the posting detail: one row per unit
// for marking codes and GTD numbers, the country per product, sending the
// form to Ozon and Ozon's verdict.
#include "app/orders_screen.h"

namespace ui {

void draw_marking_panel(const app::App& app, const core::Posting& posting, const app::PostingWork& work,
                        app::ActionQueue& actions);

}  // namespace ui
