#pragma once
// Page elements over the canvas: product pictures as <img> elements at the
// rectangles ImGui reserved for them. Ozon's image host sends no CORS
// headers, so its pixels cannot become a WebGL texture; an <img> shows them
// anyway. A pool of images follows the list the UI declares each frame;
// the ones not declared are hidden. They take no clicks (pointer-events:
// none), and positioning them draws no frames.
#include <functional>
#include <string>
#include <vector>

#include "app/page_picture.h"

namespace platform {

class PageOverlay final : public app::PicturePage {
 public:
  // Shows exactly these pictures (clipped to their visible part), hides the rest.
  void place(const std::vector<app::PagePicture>& pictures) override;
  // The service worker's picture cache: what it holds; emptied.
  void cache_info(std::function<void(app::PictureCacheInfo)> done) override;
  void clear_cache(std::function<void()> done) override;
};

// Told once per URL when its picture loaded (ok) or failed.
void on_picture_loaded(std::function<void(const std::string& url, bool ok)> loaded);

}  // namespace platform
