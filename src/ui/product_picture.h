#pragma once
// A product's picture in a view: ImGui reserves a square and draws a
// placeholder (a thin border, the name's first letter), so the layout is the
// same whether or not the picture loaded; the picture itself is declared for
// the page to show over the canvas there (AppServices::picture_page).
#include <cstdint>
#include <string_view>
#include <vector>

#include "app/app.h"
#include "app/page_picture.h"

namespace ui {

// `store_id` "" = the active store. `automation_name` (optional) tags the
// square for window.sellerConsole.itemRect.
void product_picture(const app::App& app, std::string_view store_id, std::int64_t sku, std::string_view name,
                     float size, std::string_view automation_name = {});

namespace page_pictures {
void begin_frame();
// Hands this frame's pictures to the page when they differ from the last
// frame's (an unchanged list costs the page nothing).
void end_frame(const app::App& app);
const std::vector<app::PagePicture>& placed();
}  // namespace page_pictures

}  // namespace ui
