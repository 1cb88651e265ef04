#pragma once
// Fetches a font file the site serves beside the app (the rest of the
// Chinese UI font after the first frame; the larger Chinese font, loaded
// only when a character needs it).
#include <functional>
#include <vector>

namespace platform {

// Fetches `url`, once at a time per file (a call while it runs is ignored);
// `done` gets the bytes, or nothing on failure (a later call tries again).
void fetch_font_file(const char* url, std::function<void(std::vector<unsigned char>)> done);

}  // namespace platform
