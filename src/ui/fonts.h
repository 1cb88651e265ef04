#pragma once
#include "app/i18n.h"

namespace ui {

inline constexpr float kBaseFontSize = 16.0f;  // CSS pixels

// (Re)builds the font atlas rasterised for `pixel_ratio`, so text is crisp on
// high-DPI screens: glyphs are drawn at size x ratio and scaled back by
// FontGlobalScale. The Chinese font is merged in, with only the glyphs the UI
// strings use, when `with_chinese` (the UI speaks Chinese): without it the
// atlas is a third of the size and the first frame comes sooner.
void build_fonts(float pixel_ratio, const app::Translations& translations, bool with_chinese);

}  // namespace ui
