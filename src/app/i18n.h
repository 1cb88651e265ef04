#pragma once
// UI strings in three languages. The texts live in assets/i18n/<code>.json
// (packed into one file and embedded at build time: all three natively,
// English only in the web build, which fetches the others when chosen);
// views look them up by key. A key missing in a language falls back to English, then to the key.
#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace app {

enum class Lang { en, ru, zh };
inline constexpr std::array<Lang, 3> kAllLangs{Lang::en, Lang::ru, Lang::zh};

std::string_view lang_code(Lang lang);
// Accepts "en", "ru-RU", "zh-Hans-CN", ...; unknown languages give English.
Lang lang_from_code(std::string_view code);
// Picks the first supported language of the browser's preference list.
Lang lang_from_preferences(const std::vector<std::string>& codes);

// `text` with every "{name}" of `values` replaced by its value; other braces
// stay as they are. Values are put in as given, never expanded again.
std::string fill_placeholders(std::string_view text,
                              const std::vector<std::pair<std::string, std::string>>& values);

class Translations {
 public:
  // Parses a flat JSON object {"key": "text"}; returns an error text or "".
  std::string load(Lang lang, std::string_view json);
  // Parses the catalogues packed together (tools/pack_translations.py):
  // English and any of the others (the web build packs English only).
  std::string load_pack(std::string_view json);
  // Loads the three catalogues compiled into the binary.
  static Translations embedded();

  const char* get(Lang lang, std::string_view key) const;
  // The language's strings are here (compiled in, or loaded since).
  bool has_language(Lang lang) const;
  bool has(Lang lang, std::string_view key) const;
  // Keys present in English but absent (or empty) in `lang`.
  std::vector<std::string> missing(Lang lang) const;
  // Keys present in `lang` but unknown in English (typos, stale keys).
  std::vector<std::string> unknown(Lang lang) const;
  // Every string of one language (the glyphs it needs).
  std::string text_of(Lang lang) const;

 private:
  // One language's strings: views into the text they were read from, sorted
  // by key, so a lookup (every label of every frame) allocates nothing.
  // Copies share the text, which never changes once read.
  struct Catalogue {
    std::shared_ptr<const std::string> text;  // keys and texts, each followed by a NUL
    std::vector<std::pair<std::string_view, std::string_view>> entries;
    const std::string_view* find(std::string_view key) const;
  };
  std::array<Catalogue, kAllLangs.size()> catalogues_;
  mutable std::unordered_map<std::string, std::string> unknown_keys_;
};

}  // namespace app
