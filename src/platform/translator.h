#pragma once
// On-device translation through the browser's Translator and Language
// Detector APIs (Chrome's built-in models): the text never leaves the
// device. Where the browser has no such API, `probe` answers false and the
// console offers no Translate button (templates remain).
#include <functional>
#include <string>

namespace platform {

// Whether the browser has the Translator API (answered once, later).
void probe_translator(std::function<void(bool available)> done);
// `from`/`to`: "ru", "en", "zh"; ok + the text, or false + why (in English:
// the browser's own message).
void translate(const std::string& text, const std::string& from, const std::string& to,
               std::function<void(bool ok, std::string text)> done);
// The text's language ("zh", "en", "ru", ...), "" when unsure or no detector.
void detect_language(const std::string& text, std::function<void(std::string lang)> done);

}  // namespace platform
