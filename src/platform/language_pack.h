#pragma once
// The strings of a language not compiled into app.wasm (lang-<code>.json)
// and, for Chinese, the font of its UI strings (ui-cjk.ttf). boot.js fetches
// the UI language's pack beside app.wasm, so the first frame already speaks
// it; a later switch fetches the chosen one (the service worker keeps both).
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace platform {

struct LanguagePack {
  std::string lang;                // "ru", "zh"
  std::string json;                // assets/i18n/<lang>.json
  std::vector<unsigned char> font;  // Chinese only (ui-cjk.ttf); empty otherwise
  // Chinese chosen after the start: the rest of its UI font (ui-cjk-rest.ttf)
  // too, so the screen on show has every glyph. Boot's pack leaves it to after the first frame.
  std::vector<unsigned char> font_rest;
};

// The pack boot.js fetched with app.wasm, once; nothing for English or when
// it could not be fetched (the app asks again and says why it failed).
std::optional<LanguagePack> take_boot_language_pack();
// Fetches `lang`'s pack: done(true, pack, "") or done(false, {}, why).
void fetch_language_pack(const std::string& lang,
                         std::function<void(bool ok, LanguagePack pack, std::string error)> done);

}  // namespace platform
