#pragma once
// Sets (bundles): one Ozon SKU the seller packs from its parts, e.g. a gift
// set of two mugs and a box. The seller writes the parts once (by offer ID,
// "MUG-01 x2, BOX-7"); scanning the parts counts the set, and the pick list
// and the shortages count parts, since parts are what sits on the shelf.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/posting.h"

namespace core {

struct BundlePart {
  std::string offer_id;
  std::int64_t per_set = 1;  // units of this part in one set
  friend bool operator==(const BundlePart&, const BundlePart&) = default;
};

struct BundleParse {
  std::vector<BundlePart> parts;
  std::string error;  // "" when the text is a valid list (an empty text is: no set)
  std::string near;   // the piece that did not read
};

// Parses "MUG-01 x2, BOX-7" (also "2 x MUG-01", "MUG-01*2", "MUG-01 ×2",
// "MUG-01:2", separators "," ";" or new lines; the same part twice adds up).
// Errors: "quantity" (zero, negative or not a number), "empty_part".
BundleParse parse_bundle_parts(std::string_view text);
// The canonical text: "MUG-01 x2, BOX-7 x1".
std::string format_bundle_parts(const std::vector<BundlePart>& parts);

// The sets known on this device, by the set's offer ID, and the SKU of each
// part's offer ID where the catalogue knows it.
struct BundleBook {
  std::map<std::string, std::vector<BundlePart>> sets;
  std::map<std::string, std::int64_t> sku_of;  // part offer_id -> Ozon SKU
  bool empty() const { return sets.empty(); }
  const std::vector<BundlePart>* parts_of(const std::string& offer_id) const;
};

// The postings as the shelf sees them: each set's line replaced by a line
// per part (quantity = set quantity x per_set, the part's SKU where known,
// else 0, and its offer ID as the name), prices left at zero. Lines that are
// no set stay as they are. With no sets, the postings as they are.
std::vector<Posting> expand_bundles(const std::vector<Posting>& postings, const BundleBook& book);
Posting expand_bundles(const Posting& posting, const BundleBook& book);

}  // namespace core
