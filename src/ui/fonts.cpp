#include "ui/fonts.h"

#include <imgui.h>

#include <cstring>

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
ImVector<ImWchar> cjk_ranges;       // every Chinese glyph of the UI strings
ImVector<ImWchar> cjk_names_ranges;  // the few in English and Russian ("中文")

}  // namespace

void build_fonts(float pixel_ratio, const app::Translations& translations, bool with_chinese) {
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

    ImFontGlyphRangesBuilder cjk;
    cjk.AddText(translations.all_text().c_str());
    cjk.BuildRanges(&cjk_ranges);
    ImFontGlyphRangesBuilder names;
    names.AddText((translations.text_of(app::Lang::en) + translations.text_of(app::Lang::ru)).c_str());
    names.BuildRanges(&cjk_names_ranges);
  }

  if (const auto* latin = find_font("ui-latin-cyrillic.ttf")) {
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(latin->data), static_cast<int>(latin->size),
                                   size, &config, latin_ranges.Data);
  } else {
    io.Fonts->AddFontDefault();
  }
  if (const auto* chinese = find_font("ui-cjk.ttf")) {
    ImFontConfig merge = config;
    merge.MergeMode = true;
    merge.OversampleH = 1;
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(chinese->data),
                                   static_cast<int>(chinese->size), size, &merge,
                                   with_chinese ? cjk_ranges.Data : cjk_names_ranges.Data);
  }
  if (const auto* symbols = find_font("ui-symbols.ttf")) {
    // Arrows, geometric shapes, dingbats: the subset holds only what the UI uses.
    static const ImWchar symbol_ranges[] = {0x2190, 0x27BF, 0};
    ImFontConfig merge = config;
    merge.MergeMode = true;
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(symbols->data), static_cast<int>(symbols->size), size,
                                   &merge, symbol_ranges);
  }
  io.Fonts->Build();
  io.FontGlobalScale = 1.0f / pixel_ratio;
}

}  // namespace ui
