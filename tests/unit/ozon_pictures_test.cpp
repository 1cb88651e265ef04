// The product's primary picture in /v3/product/info/list replies.
#include <doctest/doctest.h>

#include <string>

#include "ozon/catalog_json.h"
#include "ozon/parsers.h"

namespace {

// One product item with `image_fields` spliced in (e.g. R"("primary_image": [...])").
std::string reply_with(const std::string& image_fields) {
  std::string item = R"({"id": 1, "offer_id": "MUG-1", "sku": 77)";
  if (!image_fields.empty()) item += ", " + image_fields;
  return R"({"items": [)" + item + "}]}";
}

std::string picture_of(const std::string& image_fields) {
  auto products = ozon::parse_product_info_list(reply_with(image_fields));
  REQUIRE(products);
  REQUIRE(products->size() == 1);
  return products->front().primary_image;
}

}  // namespace

TEST_CASE("primary_image: the 2025 array, a plain string, the images fallback") {
  CHECK(picture_of(R"("primary_image": ["https://cdn1.ozone.ru/a.jpg", "https://cdn1.ozone.ru/b.jpg"])") ==
        "https://cdn1.ozone.ru/a.jpg");
  CHECK(picture_of(R"("primary_image": "https://cdn1.ozone.ru/s.jpg")") == "https://cdn1.ozone.ru/s.jpg");
  // Empty entries are skipped; an empty primary_image falls back to images.
  CHECK(picture_of(R"("primary_image": ["", "https://x/2.jpg"])") == "https://x/2.jpg");
  CHECK(picture_of(R"("primary_image": [], "images": ["https://x/first.jpg", "https://x/second.jpg"])") ==
        "https://x/first.jpg");
  CHECK(picture_of(R"("images": ["https://x/only.jpg"])") == "https://x/only.jpg");
}

TEST_CASE("primary_image missing or of the wrong type: no picture, the product still read") {
  CHECK(picture_of("").empty());
  CHECK(picture_of(R"("primary_image": 42, "images": {"url": "x"})").empty());
  CHECK(picture_of(R"("primary_image": [1, null, {"u": 2}])").empty());
  auto products = ozon::parse_product_info_list(reply_with(R"("primary_image": true)"));
  REQUIRE(products);
  CHECK(products->front().offer_id == "MUG-1");
  CHECK(products->front().sku == 77);
  // A reply that is not a product list is an error, not an empty catalogue.
  CHECK_FALSE(ozon::parse_product_info_list(R"({"items": 5})"));
  CHECK_FALSE(ozon::parse_product_info_list("not json"));
}

TEST_CASE("the picture survives the offline copy of the catalogue") {
  core::Product p;
  p.sku = 5;
  p.offer_id = "TSH-0001";
  p.primary_image = "demo-images/tsh-red.svg";
  auto back = ozon::parse_product_info_list(ozon::products_to_info_list_json({p}));
  REQUIRE(back);
  REQUIRE(back->size() == 1);
  CHECK(back->front().primary_image == "demo-images/tsh-red.svg");
  p.primary_image.clear();
  back = ozon::parse_product_info_list(ozon::products_to_info_list_json({p}));
  REQUIRE(back);
  CHECK(back->front().primary_image.empty());
}
