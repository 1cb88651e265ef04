#pragma once
// Fetches a font file the site serves beside the app (the larger Chinese
// font, loaded only when a character needs it).
#include <functional>
#include <vector>

namespace platform {

// Fetches `url` once at a time; `done` gets the bytes, or nothing on failure
// (a later call tries again).
void fetch_font_file(const char* url, std::function<void(std::vector<unsigned char>)> done);

}  // namespace platform
