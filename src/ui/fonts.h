#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/i18n.h"

namespace ui {

inline constexpr float kBaseFontSize = 16.0f;  // CSS pixels

// (Re)builds the font atlas rasterised for `pixel_ratio`, so text is crisp on
// high-DPI screens: glyphs are drawn at size x ratio and scaled back by
// FontGlobalScale. The Chinese font is merged in, with only the glyphs the UI
// strings use, when `with_chinese` (the UI speaks Chinese; its font came with
// its strings, set_chinese_ui_font): without it the atlas is a third of the
// size and the first frame comes sooner. Characters
// met since (note_glyphs) are added from the embedded fonts and, once it is
// loaded, from the larger Chinese font the site serves apart.
// `only_ui_strings`: ASCII and the characters of the UI strings, without the
// rest of Latin and Cyrillic that product names and addresses need. The
// first frame shows no data, and its atlas is then a quarter of the glyphs
// (rasterised on the main thread before anything is on screen); the atlas
// asks to be rebuilt whole at once (fonts_need_rebuild).
void build_fonts(float pixel_ratio, const app::Translations& translations, bool with_chinese,
                 bool only_ui_strings = false);

// Typed text and data can hold Chinese or Japanese characters the UI strings
// do not: each one not in the atlas is remembered for the next build (the
// atlas only ever holds characters met). Cheap for text already covered.
void note_glyphs(std::string_view text);
// Characters were met since the last build, or it held the UI strings' only:
// the atlas should be rebuilt.
bool fonts_need_rebuild();
// Glyphs the atlas holds (its merged font), for the automation snapshot.
int atlas_glyph_count();
// The Chinese UI font's first part (ui-cjk.ttf, served with lang-zh.json,
// not embedded): the glyphs of the strings the first screens draw.
void set_chinese_ui_font(std::vector<unsigned char> bytes);
// Its second part (ui-cjk-rest.ttf: every other UI string's glyphs) is
// wanted once the atlas speaks Chinese without it: fetched after the first
// frame, so the first load stays small; asked again a while after a failure.
bool wants_chinese_rest_font(std::int64_t now_ms);
void chinese_rest_font_requested();
// "none", "loading", "failed" (asked again later), "loaded" (the next build
// merges it), "in" (a build has it, or will when Chinese is chosen).
const char* chinese_rest_font_state();
// Its bytes, or none when the fetch failed; the next build merges them.
void set_chinese_rest_font(std::vector<unsigned char> bytes, std::int64_t now_ms);

// Each UI string a frame draws (App::tr's observer, between begin and end)
// is checked against the atlas while the rest of the Chinese font is on its
// way: the glyphs it lacks are drawn as '?', counted for the snapshot with
// the keys of their strings (the first part's key list misses them).
void begin_frame_glyph_check();
void end_frame_glyph_check();
void note_ui_text(std::string_view key, const char* text);
int missing_ui_glyph_count();
const std::vector<std::string>& missing_ui_text_keys();
// A character met is in no embedded font: the larger font should be fetched.
bool wants_extra_font();
// The larger font's bytes (kept for the atlas's lifetime); the next build uses it.
void set_extra_font(std::vector<unsigned char> bytes);
// Characters met at run time that the atlas now draws.
int extra_glyph_count();

}  // namespace ui
