#include "app/i18n.h"

#include <algorithm>
#include <cctype>
#include <utility>
#include <nlohmann/json.hpp>

#include "app/embedded_asset.h"

namespace app {

std::string_view lang_code(Lang lang) {
  switch (lang) {
    case Lang::ru: return "ru";
    case Lang::zh: return "zh";
    case Lang::en: break;
  }
  return "en";
}

namespace {
// "zh-Hans-CN" -> "zh": the primary language subtag, lower case.
std::string primary_subtag(std::string_view code) {
  std::string prefix;
  for (char c : code) {
    if (c == '-' || c == '_') break;
    prefix.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return prefix;
}
}  // namespace

Lang lang_from_code(std::string_view code) {
  const std::string prefix = primary_subtag(code);
  if (prefix == "ru") return Lang::ru;
  if (prefix == "zh") return Lang::zh;
  return Lang::en;
}

Lang lang_from_preferences(const std::vector<std::string>& codes) {
  for (const auto& code : codes) {
    const std::string prefix = primary_subtag(code);
    if (prefix == "en" || prefix == "ru" || prefix == "zh") return lang_from_code(prefix);
  }
  return Lang::en;
}

std::string Translations::load(Lang lang, std::string_view text) {
  auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return "translation file for " + std::string(lang_code(lang)) + " is not valid JSON";
  if (!json.is_object()) return "translation file for " + std::string(lang_code(lang)) + " is not a JSON object";
  Catalogue catalogue;  // replaces the language's strings only when all of them are good
  for (auto it = json.begin(); it != json.end(); ++it) {
    if (!it.value().is_string())
      return "translation " + std::string(lang_code(lang)) + ":" + it.key() + " is not a string";
    catalogue[it.key()] = it.value().get<std::string>();
  }
  catalogues_[static_cast<std::size_t>(lang)] = std::move(catalogue);
  return {};
}

std::string Translations::load_pack(std::string_view text) {
  auto pack = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (pack.is_discarded() || !pack.is_object()) return "the translations pack is not a JSON object";
  const auto keys = pack.find("keys");
  if (keys == pack.end() || !keys->is_array()) return "the translations pack has no key list";
  if (pack.find("en") == pack.end()) return "the translations pack has no English";
  for (Lang lang : kAllLangs) {
    const auto texts = pack.find(std::string(lang_code(lang)));
    if (texts == pack.end()) continue;  // not compiled in (the web build fetches it when chosen)
    if (!texts->is_array() || texts->size() != keys->size())
      return "the translations pack has no texts for " + std::string(lang_code(lang));
    auto& catalogue = catalogues_[static_cast<std::size_t>(lang)];
    catalogue.clear();
    for (std::size_t i = 0; i < keys->size(); ++i) {
      const auto& key = (*keys)[i];
      const auto& value = (*texts)[i];
      if (value.is_null()) continue;  // this language lacks the key
      if (!key.is_string() || !value.is_string()) return "the translations pack has a text that is not a string";
      catalogue[key.get<std::string>()] = value.get<std::string>();
    }
  }
  return {};
}

Translations Translations::embedded() {
  Translations translations;
  // One file, every key once (tools/pack_translations.py); checked by the unit
  // tests, so a broken one is left empty rather than stopping the app.
  if (assets::kTranslationAssetsCount > 0) (void)translations.load_pack(assets::kTranslationAssets[0].text());
  return translations;
}

const char* Translations::get(Lang lang, std::string_view key) const {
  for (Lang candidate : {lang, Lang::en}) {
    const auto& catalogue = catalogues_[static_cast<std::size_t>(candidate)];
    if (auto it = catalogue.find(std::string(key)); it != catalogue.end() && !it->second.empty())
      return it->second.c_str();
  }
  // Unknown everywhere: show the key so the gap is visible, never crash.
  auto [it, inserted] = unknown_keys_.try_emplace(std::string(key), std::string(key));
  return it->second.c_str();
}

bool Translations::has_language(Lang lang) const { return !catalogues_[static_cast<std::size_t>(lang)].empty(); }

bool Translations::has(Lang lang, std::string_view key) const {
  const auto& catalogue = catalogues_[static_cast<std::size_t>(lang)];
  auto it = catalogue.find(std::string(key));
  return it != catalogue.end() && !it->second.empty();
}

std::vector<std::string> Translations::missing(Lang lang) const {
  std::vector<std::string> result;
  for (const auto& [key, text] : catalogues_[static_cast<std::size_t>(Lang::en)])
    if (!has(lang, key)) result.push_back(key);
  std::sort(result.begin(), result.end());
  return result;
}

std::vector<std::string> Translations::unknown(Lang lang) const {
  std::vector<std::string> result;
  const auto& english = catalogues_[static_cast<std::size_t>(Lang::en)];
  for (const auto& [key, text] : catalogues_[static_cast<std::size_t>(lang)])
    if (!english.count(key)) result.push_back(key);
  std::sort(result.begin(), result.end());
  return result;
}

std::string Translations::all_text() const {
  std::string text;
  for (const auto& catalogue : catalogues_)
    for (const auto& [key, value] : catalogue) text += value;
  return text;
}

std::string Translations::text_of(Lang lang) const {
  std::string text;
  for (const auto& [key, value] : catalogues_[static_cast<std::size_t>(lang)]) text += value;
  return text;
}

std::string fill_placeholders(std::string_view text,
                              const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto open = text.find('{', at);
    if (open == std::string_view::npos) break;
    const auto close = text.find('}', open + 1);
    if (close == std::string_view::npos) break;
    const std::string_view name = text.substr(open + 1, close - open - 1);
    const auto value = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
    out.append(text.substr(at, open - at));
    if (value != values.end()) {
      out.append(value->second);
      at = close + 1;
    } else {
      out.push_back('{');  // not ours: kept, and scanning goes on after the brace
      at = open + 1;
    }
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace app
