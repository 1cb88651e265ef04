#pragma once
// The demo store's product pictures: one per kind of product and colour,
// served by the site itself (tools/make_demo_pictures.py draws them into
// demo-images/ at build time), so the packing station shows real pixels
// without any image host.
#include <string>

#include "sandbox/marketplace_state.h"

namespace sandbox {

// "demo-images/mug-red.svg" (relative: resolved against the console's page);
// "" for a product whose kind or colour has no picture.
std::string demo_picture_path(const Product& product);

}  // namespace sandbox
