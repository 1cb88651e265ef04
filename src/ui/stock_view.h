#pragma once
// The Stock screen's part of the posting detail: the seller's packing note
// for a product line, and the shortage it belongs to (with a link to it).
#include "app/app.h"
#include "core/posting.h"

namespace ui {

void draw_stock_for_line(const app::App& app, const core::Posting& posting, const core::PostingProduct& product,
                         app::ActionQueue& actions);

}  // namespace ui
