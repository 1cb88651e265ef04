#pragma once
// Shipping presets ("logistics templates") and the shipping-cost policy:
// which warehouse and delivery method to prefer per product group or
// destination region, how to pack, and for rFBS which carrier and what it
// costs by the seller's own tariff table (weight x zone).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/finance.h"
#include "core/posting.h"

namespace core {

// One tariff line: up to max_weight_g in zone, the carrier charges cost.
struct TariffLine {
  std::string zone;         // the seller's zone name, e.g. "1" or "Moscow"
  std::int64_t max_weight_g = 0;
  Kopecks cost = 0;
  bool operator==(const TariffLine&) const = default;
};

struct ShippingPreset {
  std::string id;
  std::string name;
  // What it applies to: every non-empty condition must hold. offer_prefixes:
  // the posting has a product whose offer_id starts with one of them; regions:
  // the posting's analytics region (or address region) is one of them
  // (case-insensitive).
  std::vector<std::string> offer_prefixes;
  std::vector<std::string> regions;
  // What it says.
  std::int64_t warehouse_id = 0;        // 0 = no preference
  std::int64_t delivery_method_id = 0;  // 0 = no preference
  std::string box;                      // packing, e.g. "box 20x15x10, bubble wrap"
  std::string carrier;                  // rFBS: the seller's carrier
  std::string zone;                     // the carrier's zone this preset's destinations fall in
  std::vector<TariffLine> tariff;       // the carrier's tariff (every zone the seller uses)
  bool operator==(const ShippingPreset&) const = default;
};

// The first preset (in the seller's order) whose conditions hold; a preset
// with no conditions matches everything (a default placed last).
const ShippingPreset* match_preset(const std::vector<ShippingPreset>& presets, const Posting& posting);

// The tariff for weight_g in zone: the line of that zone with the smallest
// max_weight_g >= weight_g; nullopt when none covers it.
std::optional<Kopecks> tariff_cost(const std::vector<TariffLine>& tariff, const std::string& zone,
                                   std::int64_t weight_g);

}  // namespace core
