#include "app/i18n.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include <simdjson.h>

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

namespace {

namespace od = simdjson::ondemand;

// Where a string was put in a catalogue's text: views are made once all are in.
struct Span {
  std::size_t at = 0;
  std::size_t size = 0;
};

Span keep(std::string& text, std::string_view s) {
  const Span span{text.size(), s.size()};
  text.append(s);
  text.push_back('\0');  // get() hands out C strings
  return span;
}

// Read with simdjson On Demand, not as a JSON tree: English is read at every
// start, and a language other than English before the first frame; a tree of
// 800 strings cost that frame a few milliseconds and a background compile
// of the tree parser that competed with it for the processor.
class Reader {
 public:
  explicit Reader(std::string_view json) : padded_(json.data(), json.size()) {
    ok_ = !parser_.iterate(padded_).get(doc_) && !doc_.type().get(type_);
  }
  bool ok() const { return ok_; }
  bool is_object() const { return type_ == od::json_type::object; }
  od::document& doc() { return doc_; }
  // Nothing after the root value.
  bool ended() {
    const char* after = nullptr;
    return doc_.current_location().get(after) == simdjson::OUT_OF_BOUNDS;
  }

 private:
  simdjson::padded_string padded_;
  od::parser parser_;
  od::document doc_;
  od::json_type type_ = od::json_type::null;
  bool ok_ = false;
};

// Sorted by key; of a key given twice the last text counts (as in a JSON object read whole).
// A template: Catalogue is a private type of Translations.
template <typename Catalogue>
Catalogue make_catalogue(std::shared_ptr<const std::string> text, const std::vector<std::pair<Span, Span>>& spans) {
  Catalogue catalogue;
  const std::string_view all(*text);
  for (const auto& [key, value] : spans)
    catalogue.entries.emplace_back(all.substr(key.at, key.size), all.substr(value.at, value.size));
  std::stable_sort(catalogue.entries.begin(), catalogue.entries.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  auto& entries = catalogue.entries;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < entries.size(); ++i)
    if (i + 1 == entries.size() || entries[i + 1].first != entries[i].first) entries[kept++] = entries[i];
  entries.resize(kept);
  catalogue.text = std::move(text);
  return catalogue;
}

}  // namespace

const std::string_view* Translations::Catalogue::find(std::string_view key) const {
  const auto it = std::lower_bound(entries.begin(), entries.end(), key,
                                   [](const auto& entry, std::string_view k) { return entry.first < k; });
  return it != entries.end() && it->first == key ? &it->second : nullptr;
}

std::string Translations::load(Lang lang, std::string_view json) {
  const std::string code(lang_code(lang));
  const std::string invalid = "translation file for " + code + " is not valid JSON";
  Reader reader(json);
  if (!reader.ok()) return invalid;
  if (!reader.is_object()) return "translation file for " + code + " is not a JSON object";
  od::object object;
  if (reader.doc().get_object().get(object)) return invalid;
  auto text = std::make_shared<std::string>();
  text->reserve(json.size());  // the strings read are never longer than their JSON
  std::vector<std::pair<Span, Span>> spans;
  for (auto item : object) {
    od::field field;
    std::string_view key;
    if (std::move(item).get(field) || field.unescaped_key().get(key)) return invalid;
    std::string_view value;
    if (const auto error = field.value().get_string().get(value))
      return error == simdjson::INCORRECT_TYPE ? "translation " + code + ":" + std::string(key) + " is not a string"
                                               : invalid;
    const Span key_span = keep(*text, key);
    spans.emplace_back(key_span, keep(*text, value));
  }
  if (!reader.ended()) return invalid;
  // Replaces the language's strings only when all of them are good.
  catalogues_[static_cast<std::size_t>(lang)] = make_catalogue<Catalogue>(std::move(text), spans);
  return {};
}

std::string Translations::load_pack(std::string_view json) {
  const std::string not_object = "the translations pack is not a JSON object";
  const std::string not_string = "the translations pack has a text that is not a string";
  Reader reader(json);
  if (!reader.ok() || !reader.is_object()) return not_object;
  od::object object;
  if (reader.doc().get_object().get(object)) return not_object;
  auto text = std::make_shared<std::string>();
  text->reserve(json.size());
  std::optional<std::vector<Span>> keys;
  std::array<std::optional<std::vector<std::optional<Span>>>, kAllLangs.size()> texts;
  for (auto item : object) {
    od::field field;
    std::string_view name;
    if (std::move(item).get(field) || field.unescaped_key().get(name)) return not_object;
    const bool is_keys = name == "keys";
    const auto lang = std::find_if(kAllLangs.begin(), kAllLangs.end(), [&](Lang l) { return lang_code(l) == name; });
    if (!is_keys && lang == kAllLangs.end()) continue;  // not ours: skipped
    od::array array;
    if (field.value().get_array().get(array))
      return is_keys ? "the translations pack has no key list"
                     : "the translations pack has no texts for " + std::string(name);
    std::vector<std::optional<Span>> list;
    for (auto element : array) {
      od::value value;
      if (std::move(element).get(value)) return not_object;
      bool is_null = false;
      if (!is_keys && !value.is_null().get(is_null) && is_null) {
        list.emplace_back();  // this language lacks the key
        continue;
      }
      std::string_view s;
      if (value.get_string().get(s)) return not_string;
      list.emplace_back(keep(*text, s));
    }
    if (is_keys) {
      keys.emplace();
      for (const auto& key : list) keys->push_back(*key);
    } else {
      texts[static_cast<std::size_t>(*lang)] = std::move(list);
    }
  }
  if (!reader.ended()) return not_object;
  if (!keys) return "the translations pack has no key list";
  if (!texts[static_cast<std::size_t>(Lang::en)]) return "the translations pack has no English";
  for (Lang lang : kAllLangs) {
    const auto& list = texts[static_cast<std::size_t>(lang)];
    if (list && list->size() != keys->size())
      return "the translations pack has no texts for " + std::string(lang_code(lang));
  }
  std::shared_ptr<const std::string> shared = std::move(text);
  for (Lang lang : kAllLangs) {
    const auto& list = texts[static_cast<std::size_t>(lang)];
    if (!list) continue;  // not compiled in (the web build fetches it when chosen)
    std::vector<std::pair<Span, Span>> spans;
    for (std::size_t i = 0; i < keys->size(); ++i)
      if ((*list)[i]) spans.emplace_back((*keys)[i], *(*list)[i]);
    catalogues_[static_cast<std::size_t>(lang)] = make_catalogue<Catalogue>(shared, spans);
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
    const auto* text = catalogues_[static_cast<std::size_t>(candidate)].find(key);
    if (text && !text->empty()) return text->data();  // NUL-terminated in the catalogue's text
  }
  // Unknown everywhere: show the key so the gap is visible, never crash.
  auto [it, inserted] = unknown_keys_.try_emplace(std::string(key), std::string(key));
  return it->second.c_str();
}

bool Translations::has_language(Lang lang) const {
  return !catalogues_[static_cast<std::size_t>(lang)].entries.empty();
}

bool Translations::has(Lang lang, std::string_view key) const {
  const auto* text = catalogues_[static_cast<std::size_t>(lang)].find(key);
  return text && !text->empty();
}

std::vector<std::string> Translations::missing(Lang lang) const {
  std::vector<std::string> result;
  for (const auto& [key, text] : catalogues_[static_cast<std::size_t>(Lang::en)].entries)
    if (!has(lang, key)) result.emplace_back(key);  // in key order already
  return result;
}

std::vector<std::string> Translations::unknown(Lang lang) const {
  std::vector<std::string> result;
  const auto& english = catalogues_[static_cast<std::size_t>(Lang::en)];
  for (const auto& [key, text] : catalogues_[static_cast<std::size_t>(lang)].entries)
    if (!english.find(key)) result.emplace_back(key);  // in key order already
  return result;
}

std::string Translations::text_of(Lang lang) const {
  std::string text;
  for (const auto& [key, value] : catalogues_[static_cast<std::size_t>(lang)].entries) text += value;
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
