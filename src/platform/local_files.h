#pragma once
// Files the seller saves or picks: a backup downloaded as JSON, a backup
// chosen with the browser's file dialog, and reloading the page.
#include <functional>
#include <string>

namespace platform {

void save_text_file(const std::string& name, const std::string& text);
// Opens the file dialog (call from a click: browsers need a gesture) and
// hands the chosen file's text to `done`; nothing happens if it is cancelled.
void pick_text_file(std::function<void(std::string text)> done);
void reload_page();

}  // namespace platform
