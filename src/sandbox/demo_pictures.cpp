#include "sandbox/demo_pictures.h"

#include <cctype>
#include <string_view>

namespace sandbox {
namespace {

// The demo's colours (marketplace_gen.cpp) as the picture files name them.
struct ColourName {
  std::string_view russian;
  std::string_view file;
};
constexpr ColourName kColours[] = {{"чёрный", "black"}, {"белый", "white"},   {"серый", "grey"},
                                   {"синий", "blue"},   {"красный", "red"},   {"зелёный", "green"},
                                   {"бежевый", "beige"}, {"розовый", "pink"}};

// The product kinds (offer id prefixes) tools/make_demo_pictures.py draws.
constexpr std::string_view kKinds[] = {"MUG", "CASE", "TOOL", "TSH", "SHOE", "THRM", "BAG",
                                       "LAMP", "TWL", "CBL", "PERF", "PAN", "TOY", "PWR"};

}  // namespace

std::string demo_picture_path(const Product& product) {
  const std::string_view offer = product.offer_id;
  const std::string_view kind = offer.substr(0, offer.find('-'));
  bool known_kind = false;
  for (const auto k : kKinds) known_kind = known_kind || k == kind;
  if (!known_kind) return {};
  for (const auto& colour : kColours) {
    if (colour.russian != product.color) continue;
    std::string path = "demo-images/";
    for (const char c : kind) path.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    path.append("-").append(colour.file).append(".svg");
    return path;
  }
  return {};
}

}  // namespace sandbox
