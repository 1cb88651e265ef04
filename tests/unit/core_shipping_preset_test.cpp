#include <doctest/doctest.h>

#include <algorithm>

#include "core/shipping_preset.h"

namespace {

core::ShippingPreset preset(std::string id, std::vector<std::string> prefixes, std::vector<std::string> regions) {
  core::ShippingPreset p;
  p.id = std::move(id);
  p.name = "Preset " + p.id;
  p.offer_prefixes = std::move(prefixes);
  p.regions = std::move(regions);
  return p;
}

core::Posting posting(std::vector<std::string> offers, std::string analytics_region, std::string address_region = "") {
  core::Posting p;
  for (std::string& offer : offers) {
    core::PostingProduct product;
    product.offer_id = std::move(offer);
    product.quantity = 1;
    p.products.push_back(std::move(product));
  }
  p.analytics.region = std::move(analytics_region);
  p.customer.edit().address.region = std::move(address_region);
  return p;
}

std::string matched(const std::vector<core::ShippingPreset>& presets, const core::Posting& p) {
  const core::ShippingPreset* found = core::match_preset(presets, p);
  return found == nullptr ? "none" : found->id;
}

}  // namespace

TEST_CASE("shipping presets: the first whose conditions hold, in the seller's order") {
  const std::vector<core::ShippingPreset> presets = {
      preset("mugs-moscow", {"MUG-"}, {"Москва", "Московская область"}),
      preset("mugs", {"MUG-", "CUP-"}, {}),
      preset("far-east", {}, {"ПРИМОРСКИЙ КРАЙ", "Хабаровский край"}),
      preset("default", {}, {}),
  };
  CHECK(matched(presets, posting({"MUG-12"}, "Москва")) == "mugs-moscow");
  CHECK(matched(presets, posting({"LAMP-1", "MUG-12"}, "Московская область")) == "mugs-moscow");  // any product
  CHECK(matched(presets, posting({"MUG-12"}, "Татарстан")) == "mugs");
  CHECK(matched(presets, posting({"CUP-7"}, "Москва")) == "mugs");
  // Region case-insensitive in Cyrillic, surrounding blanks ignored.
  CHECK(matched(presets, posting({"LAMP-1"}, "приморский край")) == "far-east");
  CHECK(matched(presets, posting({"LAMP-1"}, " Хабаровский КРАЙ ")) == "far-east");
  CHECK(matched(presets, posting({"MUG-1"}, "МОСКВА")) == "mugs-moscow");
  // The prefix is a prefix, case as typed: offer ids are codes.
  CHECK(matched(presets, posting({"XMUG-1"}, "Москва")) == "default");
  CHECK(matched(presets, posting({"mug-1"}, "Москва")) == "default");
  // No products, no region: only the default.
  CHECK(matched(presets, posting({}, "")) == "default");
  // Order decides: the default placed first shadows everything.
  std::vector<core::ShippingPreset> default_first = presets;
  std::rotate(default_first.begin(), default_first.end() - 1, default_first.end());
  CHECK(matched(default_first, posting({"MUG-12"}, "Москва")) == "default");
}

TEST_CASE("shipping presets: the address region when analytics has none; no match without a default") {
  const std::vector<core::ShippingPreset> presets = {
      preset("spb", {}, {"Санкт-Петербург"}),
      preset("yolki", {}, {"Ёлкинская область"}),
  };
  CHECK(matched(presets, posting({"A"}, "", "санкт-петербург")) == "spb");
  CHECK(matched(presets, posting({"A"}, "  ", "САНКТ-ПЕТЕРБУРГ")) == "spb");
  CHECK(matched(presets, posting({"A"}, "Москва", "Санкт-Петербург")) == "none");  // analytics wins
  CHECK(matched(presets, posting({"A"}, "елкинская ОБЛАСТЬ")) == "yolki");         // ё written as е
  CHECK(matched(presets, posting({"A"}, "")) == "none");
  CHECK(core::match_preset({}, posting({"A"}, "Москва")) == nullptr);
}

TEST_CASE("shipping presets: tariff by weight and zone") {
  const std::vector<core::TariffLine> tariff = {
      {"2", 1000, 35000}, {"1", 5000, 45000}, {"1", 500, 20000}, {"1", 1000, 25000}, {"Moscow", 30000, 90000},
  };
  CHECK(core::tariff_cost(tariff, "1", 0) == 20000);
  CHECK(core::tariff_cost(tariff, "1", 499) == 20000);
  CHECK(core::tariff_cost(tariff, "1", 500) == 20000);  // the line's max is inclusive
  CHECK(core::tariff_cost(tariff, "1", 501) == 25000);
  CHECK(core::tariff_cost(tariff, "1", 1000) == 25000);
  CHECK(core::tariff_cost(tariff, "1", 1001) == 45000);
  CHECK(core::tariff_cost(tariff, "1", 5000) == 45000);
  CHECK(core::tariff_cost(tariff, "1", 5001) == std::nullopt);  // heavier than any line
  CHECK(core::tariff_cost(tariff, "2", 700) == 35000);
  CHECK(core::tariff_cost(tariff, "Moscow", 12000) == 90000);
  CHECK(core::tariff_cost(tariff, "3", 100) == std::nullopt);  // a zone with no lines
  CHECK(core::tariff_cost(tariff, "1", -1) == std::nullopt);
  CHECK(core::tariff_cost({}, "1", 100) == std::nullopt);
}
