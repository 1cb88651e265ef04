#pragma once
// A file compiled into the binary at build time (tools/embed_assets.py).
#include <cstddef>
#include <string_view>

namespace assets {

struct EmbeddedAsset {
  const char* name;
  const unsigned char* data;
  std::size_t size;

  std::string_view text() const { return {reinterpret_cast<const char*>(data), size}; }
};

extern const EmbeddedAsset kTranslationAssets[];
extern const std::size_t kTranslationAssetsCount;

}  // namespace assets
