#pragma once
// Which product pictures the console knows, per store: the primary image's
// URL by SKU (from /v3/product/info/list), the SKUs being asked for, and the
// ones whose ask failed (asked again later, not on every frame). Plain C++:
// the "which SKUs still need a URL" rule is unit-tested natively.
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/product.h"

namespace app {

class PictureCatalog {
 public:
  // The picture's URL; "" when Ozon gave the product none; null when not known (yet).
  const std::string* url(std::string_view store_id, std::int64_t sku) const;

  // The wanted SKUs that still need asking (not known, not being asked, not
  // failed within the retry delay), split into requests of at most `batch`;
  // they count as being asked from now on.
  std::vector<std::vector<std::int64_t>> take_batches(const std::string& store_id,
                                                      const std::vector<std::int64_t>& wanted, core::EpochMs now,
                                                      std::size_t batch);
  // The answer to an ask: URLs of the products it names; an asked SKU it does
  // not name has no picture (known as "", not asked again).
  void learn(const std::string& store_id, const std::vector<std::int64_t>& asked,
             const std::vector<core::Product>& products);
  // The ask failed (network, refusal): asked again from `retry_at` on.
  void failed(const std::string& store_id, const std::vector<std::int64_t>& asked, core::EpochMs retry_at);

  // The URLs known for a store (its offline copy), and such a copy read back
  // (what is known already stays).
  const std::map<std::int64_t, std::string>* urls_of(std::string_view store_id) const;
  void restore(const std::string& store_id, const std::map<std::int64_t, std::string>& urls);

  std::size_t known_count() const;
  std::size_t asking_count() const;
  // The earliest retry of a failed ask, 0 when none waits.
  core::EpochMs next_retry() const;
  // A change to what is known or asked (for callers that cache derived work).
  int version() const { return version_; }

 private:
  struct StorePictures {
    std::map<std::int64_t, std::string> urls;
    std::set<std::int64_t> asking;
    std::map<std::int64_t, core::EpochMs> retry_at;
  };
  std::map<std::string, StorePictures, std::less<>> stores_;
  int version_ = 0;
};

}  // namespace app
