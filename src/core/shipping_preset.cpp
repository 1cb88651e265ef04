#include "core/shipping_preset.h"

#include <algorithm>

#include "core/text_search.h"

namespace core {
namespace {

std::string_view trimmed(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

// Regions compared as the seller would read them: "москва " is "Москва".
std::string region_key(std::string_view region) { return fold(trimmed(region)); }

bool offer_matches(const ShippingPreset& preset, const Posting& posting) {
  return std::any_of(posting.products.begin(), posting.products.end(), [&](const PostingProduct& product) {
    return std::any_of(preset.offer_prefixes.begin(), preset.offer_prefixes.end(),
                       [&](const std::string& prefix) { return product.offer_id.starts_with(prefix); });
  });
}

}  // namespace

const ShippingPreset* match_preset(const std::vector<ShippingPreset>& presets, const Posting& posting) {
  // Ozon's analytics region is filled for every scheme; the address only for rFBS.
  const std::string& raw_region =
      trimmed(posting.analytics.region).empty() ? posting.customer->address.region : posting.analytics.region.str();
  const std::string region = region_key(raw_region);
  for (const ShippingPreset& preset : presets) {
    if (!preset.offer_prefixes.empty() && !offer_matches(preset, posting)) continue;
    if (!preset.regions.empty()) {
      if (region.empty()) continue;
      const bool in_region = std::any_of(preset.regions.begin(), preset.regions.end(),
                                         [&](const std::string& r) { return region_key(r) == region; });
      if (!in_region) continue;
    }
    return &preset;
  }
  return nullptr;
}

std::optional<Kopecks> tariff_cost(const std::vector<TariffLine>& tariff, const std::string& zone,
                                   std::int64_t weight_g) {
  if (weight_g < 0) return std::nullopt;
  const TariffLine* best = nullptr;
  for (const TariffLine& line : tariff) {
    if (line.zone != zone || line.max_weight_g < weight_g) continue;
    if (best == nullptr || line.max_weight_g < best->max_weight_g) best = &line;
  }
  if (best == nullptr) return std::nullopt;
  return best->cost;
}

}  // namespace core
