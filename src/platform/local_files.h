#pragma once
// Files the seller saves or picks: a backup downloaded as JSON, a backup
// chosen with the browser's file dialog, and reloading the page.
#include <cstddef>
#include <functional>
#include <string>

namespace platform {

void save_text_file(const std::string& name, const std::string& text);
// Opens the file dialog (call from a click: browsers need a gesture) and
// hands the chosen file's text to `done`; nothing happens if it is cancelled.
// Asks the seller for a file and reads its first `max_bytes` as text.
void pick_text_file(std::function<void(std::string text)> done, std::size_t max_bytes);
void reload_page();

}  // namespace platform
