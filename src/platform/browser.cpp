#include "platform/browser.h"

#include <emscripten.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

namespace {

// Returns a malloc'd UTF-8 string (JSON array) owned by the caller.
EM_JS(char*, js_browser_languages_json, (), {
  var langs = (navigator.languages && navigator.languages.length) ? navigator.languages : [navigator.language || "en"];
  return allocateUTF8(JSON.stringify(Array.from(langs)));
});

// Returns null when absent or when storage is unavailable.
EM_JS(char*, js_local_storage_get, (const char* key), {
  try {
    var value = window.localStorage.getItem("seller-console:" + UTF8ToString(key));
    return value === null ? 0 : allocateUTF8(value);
  } catch (e) {
    return 0;
  }
});

EM_JS(int, js_local_storage_set, (const char* key, const char* value), {
  try {
    window.localStorage.setItem("seller-console:" + UTF8ToString(key), UTF8ToString(value));
    return 1;
  } catch (e) {
    return 0;
  }
});

EM_JS(int, js_utc_offset_minutes, (), { return -new Date().getTimezoneOffset(); });

std::string take_js_string(char* text) {
  std::string result = text ? text : "";
  std::free(text);
  return result;
}

}  // namespace

namespace platform {

int utc_offset_minutes() { return js_utc_offset_minutes(); }

std::vector<std::string> browser_languages() {
  auto json = nlohmann::json::parse(take_js_string(js_browser_languages_json()), nullptr, false);
  std::vector<std::string> result;
  if (json.is_array())
    for (const auto& item : json)
      if (item.is_string()) result.push_back(item.get<std::string>());
  return result;
}

std::optional<std::string> LocalStorageSettings::get(const std::string& key) const {
  char* value = js_local_storage_get(key.c_str());
  if (!value) return std::nullopt;
  return take_js_string(value);
}

bool LocalStorageSettings::set(const std::string& key, const std::string& value) {
  return js_local_storage_set(key.c_str(), value.c_str()) != 0;
}

}  // namespace platform
