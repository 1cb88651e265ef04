#include "ui/fonts.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <utility>

#include "app/embedded_asset.h"

namespace assets {
extern const EmbeddedAsset kFontAssets[];
extern const std::size_t kFontAssetsCount;
}  // namespace assets

namespace ui {
namespace {

const assets::EmbeddedAsset* find_font(const char* name) {
  for (std::size_t i = 0; i < assets::kFontAssetsCount; ++i)
    if (std::strcmp(assets::kFontAssets[i].name, name) == 0) return &assets::kFontAssets[i];
  return nullptr;
}

// Kept alive for the atlas: ImGui reads the ranges when it builds.
ImVector<ImWchar> latin_ranges;
ImVector<ImWchar> cjk_ranges;        // the Chinese glyphs of the UI strings shown
ImVector<ImWchar> cjk_build_ranges;  // the above plus the characters met
ImVector<ImWchar> met_ranges;        // the characters met, from the larger font
ImVector<ImWchar> ui_ranges;         // ASCII and the UI strings' characters: the first frame's atlas

std::set<ImWchar> met;  // characters met at run time that the atlas lacked
bool met_since_build = false;
bool missing_after_build = false;  // a character met is in no font of the atlas
bool ui_strings_only = false;      // the atlas lacks the data's characters (the first frame's)
std::vector<unsigned char> extra_font;
std::vector<unsigned char> cjk_font;       // the first screens' Chinese glyphs, fetched with the Chinese strings
std::vector<unsigned char> cjk_rest_font;  // the other UI strings' Chinese glyphs, fetched after the first frame
bool atlas_has_chinese = false;            // the last build merged cjk_font
bool rest_since_build = false;             // cjk_rest_font arrived after the last build
bool rest_requested = false;               // a fetch of it runs
std::int64_t rest_failed_at = -1;          // when the last fetch failed, if it did
int extra_glyphs = 0;

// The UI strings drawn in the frame being drawn whose glyphs the atlas lacks
// (ImGui draws each as '?'): only while the rest of the Chinese font is on its way.
bool checking_frame = false;
int missing_ui_glyphs = 0;
std::vector<std::string> missing_ui_keys;

// The blocks the larger Chinese font covers (CJK symbols and punctuation,
// kana, ideographs, compatibility ideographs, full-width forms): other
// characters no font has stay '?' and fetch nothing.
bool in_extra_font_blocks(unsigned int c) {
  return (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF);
}

// Calls each(c) for every character of `text` beyond ASCII (which the atlas always has).
template <typename Each>
void for_each_wide_char(std::string_view text, Each each) {
  const char* at = text.data();
  const char* end = at + text.size();
  while (at < end) {
    if (static_cast<unsigned char>(*at) < 0x80) {
      ++at;
      continue;
    }
    unsigned int c = 0;
    const int length = ImTextCharFromUtf8(&c, at, end);
    at += length > 0 ? length : 1;
    each(c);
  }
}

void build_ranges(const ImWchar* base, ImVector<ImWchar>* out) {
  ImFontGlyphRangesBuilder builder;
  if (base) builder.AddRanges(base);
  for (ImWchar c : met) builder.AddChar(c);
  out->clear();
  builder.BuildRanges(out);
}

}  // namespace

void build_fonts(float pixel_ratio, const app::Translations& translations, bool with_chinese, bool only_ui_strings) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();

  const float size = kBaseFontSize * pixel_ratio;
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes are static, embedded in the binary
  config.OversampleH = 1;
  config.PixelSnapH = true;
  config.OversampleV = 1;

  if (latin_ranges.empty()) {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    builder.AddRanges(io.Fonts->GetGlyphRangesCyrillic());
    static const ImWchar extra[] = {0x0100, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A, 0x2116, 0x2116,
                                    0x20AC, 0x20AC, 0x20BD, 0x20BD, 0x2212, 0x2212, 0};
    builder.AddRanges(extra);
    builder.BuildRanges(&latin_ranges);
  }
  // The strings may have arrived since the last build (the web build fetches Chinese and Russian).
  ImFontGlyphRangesBuilder cjk;
  if (with_chinese) cjk.AddText(translations.text_of(app::Lang::zh).c_str());
  cjk.AddText((translations.text_of(app::Lang::en) + translations.text_of(app::Lang::ru)).c_str());
  cjk_ranges.clear();
  cjk.BuildRanges(&cjk_ranges);
  if (only_ui_strings) {
    ImFontGlyphRangesBuilder builder;
    static const ImWchar ascii[] = {0x0020, 0x007E, 0};
    builder.AddRanges(ascii);
    builder.AddRanges(cjk_ranges.Data);  // every character of the strings, not only the Chinese ones
    ui_ranges.clear();
    builder.BuildRanges(&ui_ranges);
  }

  // The build embeds this font (and checks it covers the UI); without it the
  // binary is broken. ImGui's own default font is cut from the build (platform/link_cuts.cpp).
  const auto* latin = find_font("ui-latin-cyrillic.ttf");
  if (!latin) std::abort();
  io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(latin->data), static_cast<int>(latin->size), size,
                                 &config, only_ui_strings ? ui_ranges.Data : latin_ranges.Data);
  // Chinese: the UI strings' characters from the font that came with the
  // Chinese strings; otherwise the few the other languages use ("中文"), embedded.
  // The Chinese UI font comes in two parts: the first screens' glyphs before
  // the first frame, the rest after it. Merged in order: a glyph the first
  // part has is taken from it (ImGui keeps the first glyph of a character).
  const auto* names = find_font("ui-cjk-names.ttf");
  const bool full = with_chinese && !cjk_font.empty();
  if (full || names) {
    ImFontConfig merge = config;
    merge.MergeMode = true;
    merge.OversampleH = 1;
    build_ranges(cjk_ranges.Data, &cjk_build_ranges);
    unsigned char* bytes = full ? cjk_font.data() : const_cast<unsigned char*>(names->data);
    const auto length = static_cast<int>(full ? cjk_font.size() : names->size);
    io.Fonts->AddFontFromMemoryTTF(bytes, length, size, &merge, cjk_build_ranges.Data);
    if (full && !cjk_rest_font.empty())
      io.Fonts->AddFontFromMemoryTTF(cjk_rest_font.data(), static_cast<int>(cjk_rest_font.size()), size, &merge,
                                     cjk_build_ranges.Data);
  }
  if (const auto* symbols = find_font("ui-symbols.ttf")) {
    // Arrows, geometric shapes, dingbats: the subset holds only what the UI uses.
    static const ImWchar symbol_ranges[] = {0x2190, 0x27BF, 0};
    ImFontConfig merge = config;
    merge.MergeMode = true;
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(symbols->data), static_cast<int>(symbols->size), size,
                                   &merge, symbol_ranges);
  }
  if (!extra_font.empty() && !met.empty()) {
    // Merged last: a character an embedded font has keeps that font's glyph.
    build_ranges(nullptr, &met_ranges);
    ImFontConfig merge = config;
    merge.MergeMode = true;
    io.Fonts->AddFontFromMemoryTTF(extra_font.data(), static_cast<int>(extra_font.size()), size, &merge,
                                   met_ranges.Data);
  }
  io.Fonts->Build();
  io.FontGlobalScale = 1.0f / pixel_ratio;

  met_since_build = false;
  missing_after_build = false;
  ui_strings_only = only_ui_strings;
  atlas_has_chinese = full;
  rest_since_build = false;
  extra_glyphs = 0;
  const ImFont* font = io.Fonts->Fonts[0];
  for (ImWchar c : met) {
    if (font->FindGlyphNoFallback(c))
      ++extra_glyphs;
    else
      missing_after_build = true;
  }
}

void note_glyphs(std::string_view text) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.Fonts->Fonts.empty()) return;  // before the first build: it will hold what the UI needs
  const ImFont* font = io.Fonts->Fonts[0];
  for_each_wide_char(text, [font](unsigned int c) {
    if (!in_extra_font_blocks(c)) return;
    const auto wide = static_cast<ImWchar>(c);
    if (font->FindGlyphNoFallback(wide) || met.count(wide)) return;
    met.insert(wide);
    met_since_build = true;
  });
}

bool fonts_need_rebuild() { return met_since_build || ui_strings_only || (rest_since_build && atlas_has_chinese); }

void begin_frame_glyph_check() {
  checking_frame = true;
  missing_ui_glyphs = 0;
  missing_ui_keys.clear();
}

void end_frame_glyph_check() { checking_frame = false; }

void note_ui_text(std::string_view key, const char* text) {
  // Only the Chinese atlas can lack a UI string's glyph, and only until the
  // rest of its font is in: nothing to check (nor pay for) otherwise.
  if (!checking_frame || !text || !atlas_has_chinese || !cjk_rest_font.empty()) return;
  const ImGuiIO& io = ImGui::GetIO();
  if (io.Fonts->Fonts.empty()) return;
  const ImFont* font = io.Fonts->Fonts[0];
  bool missing = false;
  for_each_wide_char(text, [font, &missing](unsigned int c) {
    if (c <= 0xFFFF && font->FindGlyphNoFallback(static_cast<ImWchar>(c))) return;
    ++missing_ui_glyphs;
    missing = true;
  });
  constexpr std::size_t kKeysKept = 16;  // enough to say what to add
  if (missing && missing_ui_keys.size() < kKeysKept &&
      std::find(missing_ui_keys.begin(), missing_ui_keys.end(), key) == missing_ui_keys.end())
    missing_ui_keys.emplace_back(key);
}

int missing_ui_glyph_count() { return missing_ui_glyphs; }

const std::vector<std::string>& missing_ui_text_keys() { return missing_ui_keys; }

int atlas_glyph_count() {
  const ImGuiIO& io = ImGui::GetIO();
  return io.Fonts->Fonts.empty() ? 0 : io.Fonts->Fonts[0]->Glyphs.Size;
}

void set_chinese_ui_font(std::vector<unsigned char> bytes) { cjk_font = std::move(bytes); }

bool wants_chinese_rest_font(std::int64_t now_ms) {
  constexpr std::int64_t kRetryAfterMs = 10'000;
  return atlas_has_chinese && cjk_rest_font.empty() && !rest_requested &&
         (rest_failed_at < 0 || now_ms - rest_failed_at >= kRetryAfterMs);
}

void chinese_rest_font_requested() { rest_requested = true; }

const char* chinese_rest_font_state() {
  if (!cjk_rest_font.empty()) return rest_since_build && atlas_has_chinese ? "loaded" : "in";
  if (rest_requested) return "loading";
  return rest_failed_at >= 0 ? "failed" : "none";
}

void set_chinese_rest_font(std::vector<unsigned char> bytes, std::int64_t now_ms) {
  rest_requested = false;
  if (bytes.empty()) {
    rest_failed_at = now_ms;  // asked again on a frame drawn a while later
    return;
  }
  cjk_rest_font = std::move(bytes);
  rest_failed_at = -1;
  rest_since_build = true;
}

// The larger font is for characters no UI font has: while the rest of the
// Chinese UI font is on its way, a character met may well be in it.
bool wants_extra_font() {
  return missing_after_build && extra_font.empty() && !(atlas_has_chinese && cjk_rest_font.empty());
}

void set_extra_font(std::vector<unsigned char> bytes) {
  extra_font = std::move(bytes);
  if (extra_font.empty())
    missing_after_build = false;  // not loaded: asked again when another character is missing
  else
    met_since_build = !met.empty();  // rebuild with it
}

int extra_glyph_count() { return extra_glyphs; }

}  // namespace ui
