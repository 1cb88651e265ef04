// Sets (bundles): the parts as the seller writes them, counting a set by its
// parts at the packing table, and the shelf's view of postings with sets.
#include <doctest/doctest.h>

#include "core/bundle.h"
#include "core/verification.h"

namespace {

core::Posting posting_of(std::vector<core::PostingProduct> products) {
  core::Posting p;
  p.posting_number = "9000-1-1";
  p.products = std::move(products);
  return p;
}

core::PostingProduct line(std::string offer_id, std::int64_t sku, std::int64_t quantity) {
  core::PostingProduct product;
  product.offer_id = std::move(offer_id);
  product.sku = sku;
  product.quantity = quantity;
  return product;
}

}  // namespace

TEST_CASE("set parts read as the seller writes them") {
  auto parsed = core::parse_bundle_parts("MUG-01 x2, BOX-7");
  REQUIRE(parsed.error.empty());
  REQUIRE(parsed.parts.size() == 2);
  CHECK(parsed.parts[0] == core::BundlePart{"MUG-01", 2});
  CHECK(parsed.parts[1] == core::BundlePart{"BOX-7", 1});
  CHECK(core::format_bundle_parts(parsed.parts) == "MUG-01 x2, BOX-7 x1");

  parsed = core::parse_bundle_parts("3 x SPOON; XL-BOX*1\nMUG-01 \xC3\x97 2; MUG-01:1;");
  REQUIRE(parsed.error.empty());
  REQUIRE(parsed.parts.size() == 3);
  CHECK(parsed.parts[0] == core::BundlePart{"SPOON", 3});
  CHECK(parsed.parts[1] == core::BundlePart{"XL-BOX", 1});
  CHECK(parsed.parts[2] == core::BundlePart{"MUG-01", 3});  // the same part twice adds up

  CHECK(core::parse_bundle_parts("").parts.empty());
  CHECK(core::parse_bundle_parts("").error.empty());
  parsed = core::parse_bundle_parts("MUG-01 x0, BOX-7");
  CHECK(parsed.error == "quantity");
  CHECK(parsed.near == "MUG-01 x0");
  CHECK(parsed.parts.empty());
  CHECK(core::parse_bundle_parts("MUG 0 x").parts.size() == 1);  // no number after the x: an offer ID
  CHECK(core::parse_bundle_parts("0 x MUG").error == "quantity");
  // An offer ID with an x in it is not a quantity.
  parsed = core::parse_bundle_parts("BOX-XL");
  REQUIRE(parsed.parts.size() == 1);
  CHECK(parsed.parts[0] == core::BundlePart{"BOX-XL", 1});
}

TEST_CASE("a set is counted through its parts; the set's own code counts a whole set") {
  // Line 0: a mug sold alone; line 1: two gift sets of two mugs and a box.
  const core::Posting posting = posting_of({line("MUG-01", 11, 1), line("GIFT-SET", 99, 2)});
  std::vector<core::LineParts> sets(2);
  sets[1] = {{"MUG-01", {"4600000000011"}, 2}, {"BOX-7", {"4600000000077"}, 1}};
  core::PostingVerification v(posting, {{"4600000000011"}, {"4600000000099"}}, sets);
  CHECK(v.part_count(0) == 0);
  REQUIRE(v.part_count(1) == 2);
  CHECK(v.part_ordered(1, 0) == 4);
  CHECK(v.part_ordered(1, 1) == 2);

  // The first mug goes to the single line, the next ones to the sets.
  auto r = v.scan("4600000000011", 1);
  CHECK(r.outcome == core::ScanOutcome::completed_line);
  CHECK(r.line == 0);
  r = v.scan("4600000000011", 2);
  CHECK(r.outcome == core::ScanOutcome::accepted);
  CHECK(r.line == 1);
  CHECK(r.part == 0);
  CHECK(r.part_counted == 1);
  CHECK(v.counted(1) == 0);
  v.scan("4600000000011", 3);
  r = v.scan("BOX-7", 4);  // by offer ID, as typed by hand
  CHECK(r.part == 1);
  CHECK(v.counted(1) == 1);  // two mugs and a box: one whole set
  CHECK_FALSE(v.quantities_match());
  // The set's own code: a set packed ahead counts whole.
  r = v.scan("4600000000099", 5);
  CHECK(r.outcome == core::ScanOutcome::completed_line);
  CHECK(v.counted(1) == 2);
  CHECK(v.part_counted(1, 0) == 4);
  CHECK(v.quantities_match());
  CHECK(r.all_counted);
  CHECK(v.items_picked());
  // One more part is one too many.
  r = v.scan("4600000000077", 6);
  CHECK(r.outcome == core::ScanOutcome::surplus);
  CHECK(r.part == 1);
  CHECK(core::stops_packing(r.outcome));
  r = v.scan("4600000000099", 7);
  CHECK(r.outcome == core::ScanOutcome::surplus);

  // Saved and restored with the parts' counts.
  const core::VerificationState state = v.to_state();
  core::PostingVerification again(posting, {{"4600000000011"}, {"4600000000099"}}, sets);
  REQUIRE(again.from_state(state));
  CHECK(again.part_counted(1, 0) == 4);
  CHECK(again.counted(1) == 2);
  CHECK(again.to_state() == state);

  // By hand: whole sets.
  again.set_count(1, 1);
  CHECK(again.part_counted(1, 0) == 2);
  CHECK(again.part_counted(1, 1) == 1);
  again.reset();
  CHECK(again.part_counted(1, 0) == 0);
}

TEST_CASE("a set's parts cannot be completed by a full part alone") {
  const core::Posting posting = posting_of({line("GIFT-SET", 99, 1)});
  std::vector<core::LineParts> sets{{{"MUG-01", {}, 2}, {"BOX-7", {}, 1}}};
  core::PostingVerification v(posting, {}, sets);
  v.scan("MUG-01", 1);
  auto r = v.scan("MUG-01", 2);
  CHECK(r.outcome == core::ScanOutcome::accepted);  // the mugs are in, the box is not
  CHECK(v.counted(0) == 0);
  CHECK(v.scan("MUG-01", 3).outcome == core::ScanOutcome::surplus);
  CHECK(v.scan("SPOON", 4).outcome == core::ScanOutcome::unknown);
  CHECK(v.scan("BOX-7", 5).outcome == core::ScanOutcome::completed_line);
  CHECK(v.quantities_match());
}

TEST_CASE("the shelf sees a set as its parts") {
  core::BundleBook book;
  book.sets["GIFT-SET"] = {{"MUG-01", 2}, {"BOX-7", 1}};
  book.sku_of["MUG-01"] = 11;
  const core::Posting posting = posting_of({line("GIFT-SET", 99, 3), line("SPOON", 5, 1)});
  const core::Posting shelf = core::expand_bundles(posting, book);
  REQUIRE(shelf.products.size() == 3);
  CHECK(shelf.products[0].offer_id == "MUG-01");
  CHECK(shelf.products[0].sku == 11);
  CHECK(shelf.products[0].quantity == 6);
  CHECK(shelf.products[1].offer_id == "BOX-7");
  CHECK(shelf.products[1].sku == 0);  // not in the catalogue: no SKU
  CHECK(shelf.products[1].quantity == 3);
  CHECK(shelf.products[2].offer_id == "SPOON");
  CHECK(core::expand_bundles(std::vector<core::Posting>{posting}, core::BundleBook{})[0].products.size() == 2);
}
