#pragma once
// Product pictures at the packing station: asks Ozon (/v3/product/info/list
// by SKU, batched) for the primary image of the products on screen (the open
// posting, the plan's pick lists, the stock screen), keeps the URLs per
// store, and follows which pictures the page shows and has loaded.
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "app/feature.h"
#include "app/page_picture.h"
#include "app/picture_catalog.h"

namespace app {

// A failed ask is repeated no sooner than this.
inline constexpr std::int64_t kPictureRetryMs = 60'000;

// Settings: empty the offline picture cache (the pictures load again when shown).
struct ClearPictureCache {};

class ProductPictures final : public Feature {
 public:
  explicit ProductPictures(App& app);
  static constexpr std::string_view kId = "pictures";
  std::string_view id() const override { return kId; }
  bool has_screen() const override { return false; }

  void prepare_frame(bool on_screen) override;
  // The URLs are kept on the device per store (a real store's product info
  // is out of reach offline; the pictures themselves are in the page's cache).
  void on_local_records(const std::vector<store::Record>& records) override;
  void write_snapshot(nlohmann::json& snapshot) const override;

  // The picture's URL for a product of a store ("" = the store's active one);
  // null while not known, "" when the product has none.
  const std::string* url_for(std::string_view store_id, std::int64_t sku) const;
  // What the page was asked to show in the last frame, and what it loaded.
  void note_placed(const std::vector<PagePicture>& placed);
  void note_loaded(const std::string& url, bool ok);
  // Shown in the last frame and loaded.
  bool drawn(const std::string& url) const;
  const PictureCatalog& catalog() const { return catalog_; }
  // The offline cache as last reported (asked when the settings are shown,
  // as a picture loads there, and after clearing).
  const PictureCacheInfo& cache_info() const { return cache_info_; }
  bool clearing() const { return clearing_; }

  void on(const ClearPictureCache&);

 private:
  // The SKUs on screen, by store.
  std::vector<std::pair<std::string, std::vector<std::int64_t>>> wanted() const;
  void ask(const std::string& store_id, std::vector<std::int64_t> skus);
  void ask_cache_info();
  void keep_offline_copy(const std::string& store_id);

  PictureCatalog catalog_;
  std::string asked_for_;  // what the last look at the screen covered (skips repeating it every frame)
  std::vector<PagePicture> placed_;
  std::set<std::string, std::less<>> placed_urls_;
  std::set<std::string, std::less<>> loaded_, broken_;
  PictureCacheInfo cache_info_;
  bool clearing_ = false;
  std::string last_view_;  // the view of the last frame (the settings just opened: ask the cache)
};

}  // namespace app
