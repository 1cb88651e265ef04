#pragma once
// Product pictures on the page: the UI declares each frame which picture
// goes where, and the page shows it there as an <img> over the canvas (an
// image host without CORS headers cannot be drawn into the canvas). The
// page also keeps the pictures for offline use (the service worker's
// picture cache, within a size budget). In the browser: platform/page_overlay;
// in native tests: a recording double, or none.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace app {

struct PagePicture {
  std::string url;
  float x = 0, y = 0, w = 0, h = 0;  // the whole picture, CSS pixels from the canvas's top left
  // The part that may be seen (a scrolled table or a child window cuts it).
  float clip_x = 0, clip_y = 0, clip_w = 0, clip_h = 0;
  bool operator==(const PagePicture&) const = default;
};

// The offline picture cache, as the service worker reports it.
struct PictureCacheInfo {
  bool known = false;          // false: no service worker controls the page (yet)
  std::int64_t entries = 0;
  std::int64_t bytes = 0;      // of the entries whose size is known
  std::int64_t unsized = 0;    // opaque (cross-origin) entries: their size is hidden
  std::int64_t budget_bytes = 0;
  std::int64_t max_entries = 0;
};

class PicturePage {
 public:
  virtual ~PicturePage() = default;
  // Shows exactly these pictures (called when the list changes); hides the rest.
  virtual void place(const std::vector<PagePicture>& pictures) = 0;
  virtual void cache_info(std::function<void(PictureCacheInfo)> done) = 0;
  virtual void clear_cache(std::function<void()> done) = 0;
};

}  // namespace app
