#include <doctest/doctest.h>

#include "core/verification.h"

namespace {

core::Posting fbs_posting() {
  core::Posting p;
  p.posting_number = "23713478-0018-3";
  p.status = core::PostingStatus::awaiting_packaging;
  p.delivery_schema = "FBS";
  core::PostingProduct a;
  a.sku = 1234567890;
  a.offer_id = "MUG-RED";
  a.name = "Mug";
  a.quantity = 2;
  core::PostingProduct b;
  b.sku = 987654321;
  b.offer_id = "TEA-01";
  b.name = "Tea";
  b.quantity = 1;
  p.products = {a, b};
  return p;
}

std::vector<std::vector<std::string>> barcodes() {
  return {{"4601234567890"}, {"4609876543210", "OZN123456"}};
}

std::vector<std::string> names(std::initializer_list<std::string_view> list) {
  return {list.begin(), list.end()};
}

}  // namespace

TEST_CASE("verification: scanning counts lines, completes them, refuses surplus and unknown") {
  core::PostingVerification v(fbs_posting(), barcodes());
  CHECK(v.line_count() == 2);
  auto r = v.scan("4601234567890\r\n", 1000);  // scanners send Enter
  CHECK(r.outcome == core::ScanOutcome::accepted);
  CHECK(r.line == 0);
  CHECK(r.counted == 1);
  CHECK(r.ordered == 2);
  CHECK_FALSE(r.all_counted);

  r = v.scan("  4601234567890\n", 2000);
  CHECK(r.outcome == core::ScanOutcome::completed_line);
  CHECK(v.counted(0) == 2);

  r = v.scan("4601234567890", 3000);
  CHECK(r.outcome == core::ScanOutcome::surplus);
  CHECK(r.line == 0);
  CHECK(v.counted(0) == 2);

  r = v.scan("0000000000000", 4000);
  CHECK(r.outcome == core::ScanOutcome::unknown);
  CHECK(r.line == -1);

  r = v.scan(" \r\n", 5000);
  CHECK(r.outcome == core::ScanOutcome::empty);

  r = v.scan("ozn123456", 6000);  // second barcode of line 1, case-insensitive
  CHECK(r.outcome == core::ScanOutcome::completed_line);
  CHECK(r.line == 1);
  CHECK(r.all_counted);
  CHECK(v.quantities_match());

  REQUIRE(v.log().size() == 6);
  CHECK(v.log()[0] == core::ScanLogEntry{1000, "4601234567890", core::ScanOutcome::accepted, 0});
  CHECK(v.log()[2].outcome == core::ScanOutcome::surplus);
  CHECK(v.log()[4] == core::ScanLogEntry{5000, "", core::ScanOutcome::empty, -1});
  CHECK(v.refused_count() == 3);
  CHECK(core::to_string(core::ScanOutcome::completed_line) == "completed_line");
}

TEST_CASE("verification: offer_id, SKU digits, GTIN padding and DataMatrix codes match") {
  core::PostingVerification v(fbs_posting(), barcodes());
  CHECK(v.scan("mug-red", 1).line == 0);         // offer id typed by hand
  CHECK(v.scan("987654321", 2).line == 1);       // SKU digits
  CHECK(v.scan("04601234567890", 3).line == 0);  // GTIN-14 of the EAN-13
  CHECK(v.quantities_match());

  core::PostingVerification dm(fbs_posting(), barcodes());
  // Chestny ZNAK DataMatrix: [FNC1] 01 <GTIN-14> 21 <serial> <GS> 93 <check>
  auto r = dm.scan("\x1d" "0104601234567890215Ab!cD\x1d" "93dGVz", 1);
  CHECK(r.outcome == core::ScanOutcome::accepted);
  CHECK(r.line == 0);
  CHECK(dm.scan("]d20104609876543210215xyz", 2).line == 1);
  CHECK(dm.scan("0104600000000000215xyz", 3).outcome == core::ScanOutcome::unknown);
}

TEST_CASE("verification: two lines with the same SKU fill in order") {
  auto p = fbs_posting();
  p.products[1] = p.products[0];
  p.products[1].quantity = 1;
  core::PostingVerification v(p, {{"4601234567890"}, {"4601234567890"}});
  CHECK(v.scan("4601234567890", 1).line == 0);
  CHECK(v.scan("4601234567890", 2).outcome == core::ScanOutcome::completed_line);
  auto r = v.scan("4601234567890", 3);
  CHECK(r.line == 1);
  CHECK(r.outcome == core::ScanOutcome::completed_line);
  CHECK(r.all_counted);
  CHECK(v.scan("4601234567890", 4).outcome == core::ScanOutcome::surplus);
}

TEST_CASE("verification: checklist for a plain FBS posting") {
  core::PostingVerification v(fbs_posting(), barcodes());
  CHECK_FALSE(v.address_required());
  CHECK_FALSE(v.marking_required());
  CHECK(v.required_items() == names({"items_picked", "quantities_match"}));
  CHECK(v.missing() == names({"items_picked", "quantities_match"}));
  CHECK_FALSE(v.ready_to_ship());

  v.set_items_picked(true);
  CHECK(v.missing() == names({"quantities_match"}));
  CHECK(v.set_count(0, 5));  // clamped to ordered
  CHECK(v.counted(0) == 2);
  CHECK(v.set_count(1, 1));
  CHECK_FALSE(v.set_count(2, 1));
  CHECK(v.ready_to_ship());
  CHECK(v.set_count(1, -4));
  CHECK(v.counted(1) == 0);
  CHECK_FALSE(v.ready_to_ship());

  v.reset();
  CHECK_FALSE(v.items_picked());
  CHECK(v.counted(0) == 0);
  CHECK(v.log().empty());
}

TEST_CASE("verification: rFBS address and marking requirements join the checklist") {
  auto p = fbs_posting();
  p.delivery_schema = "RFBS";
  p.customer.edit().address.city = "Kazan";
  p.customer.edit().address.address_tail = "Bauman st. 1";
  p.requirements.edit().mandatory_mark = {1234567890};
  core::PostingVerification v(p, barcodes());
  CHECK(v.address_required());
  CHECK(v.marking_required());
  CHECK(v.required_items() ==
        names({"items_picked", "quantities_match", "address_checked", "marking_complete"}));
  v.set_items_picked(true);
  v.set_count(0, 2);
  v.set_count(1, 1);
  CHECK(v.missing() == names({"address_checked", "marking_complete"}));
  v.set_address_checked(true);
  CHECK(v.missing() == names({"marking_complete"}));
  v.set_marking_complete(true);
  CHECK(v.ready_to_ship());

  // Weight-only requirements and requirements for other SKUs need no marking.
  auto q = fbs_posting();
  q.requirements.edit().weight = {1234567890};
  q.requirements.edit().gtd = {42};
  CHECK_FALSE(core::PostingVerification(q, {}).marking_required());
  for (auto list : {&core::PostingRequirements::gtd, &core::PostingRequirements::country,
                    &core::PostingRequirements::rnpt, &core::PostingRequirements::jw_uin,
                    &core::PostingRequirements::imei}) {
    auto r = fbs_posting();
    (r.requirements.edit().*list).push_back(987654321);
    CHECK(core::PostingVerification(r, {}).marking_required());
  }

  // rFBS without a customer address (pickup point of a carrier): no address check.
  auto s = fbs_posting();
  s.delivery_schema = "RFBS";
  CHECK_FALSE(core::PostingVerification(s, {}).address_required());
  // FBS with an address block: not required either.
  auto t = fbs_posting();
  t.customer.edit().address.city = "Kazan";
  CHECK_FALSE(core::PostingVerification(t, {}).address_required());
}

TEST_CASE("verification: state round-trips as a draft and refuses another posting") {
  core::PostingVerification v(fbs_posting(), barcodes());
  v.scan("4601234567890", 10);
  v.scan("nope", 11);
  v.set_items_picked(true);
  const core::VerificationState state = v.to_state();
  CHECK(state.posting_number == "23713478-0018-3");
  CHECK(state.counts == std::vector<std::int64_t>{1, 0});
  CHECK(state.items_picked);
  CHECK(state.log.size() == 2);

  core::PostingVerification restored(fbs_posting(), barcodes());
  CHECK(restored.from_state(state));
  CHECK(restored.to_state() == state);
  CHECK(restored.refused_count() == 1);
  CHECK(restored.scan("4601234567890", 12).outcome == core::ScanOutcome::completed_line);

  auto tampered = state;
  tampered.counts = {99, -3};
  CHECK(restored.from_state(tampered));
  CHECK(restored.counted(0) == 2);
  CHECK(restored.counted(1) == 0);

  auto other = state;
  other.posting_number = "1-2-3";
  CHECK_FALSE(restored.from_state(other));
  auto wrong_lines = state;
  wrong_lines.counts = {1};
  CHECK_FALSE(restored.from_state(wrong_lines));
  CHECK(restored.counted(0) == 2);  // unchanged
}

TEST_CASE("verification: fewer barcode lists than lines and empty codes are fine") {
  core::PostingVerification v(fbs_posting(), {{"", "  "}});
  CHECK(v.scan("", 1).outcome == core::ScanOutcome::empty);
  CHECK(v.scan("TEA-01", 2).line == 1);
}

TEST_CASE("verification: the scan that counts the last unit ticks all items picked; STOP rules") {
  core::PostingVerification v(fbs_posting(), barcodes());
  v.scan("4601234567890", 1);
  v.scan("4601234567890", 2);
  CHECK_FALSE(v.items_picked());
  CHECK(v.scan("nothing-like-it", 3).outcome == core::ScanOutcome::unknown);
  CHECK_FALSE(v.items_picked());
  CHECK(v.scan("OZN123456", 4).all_counted);
  CHECK(v.items_picked());
  CHECK(v.quantities_match());
  // The packer may still untick it by hand (an item put back).
  v.set_items_picked(false);
  CHECK_FALSE(v.items_picked());
  CHECK(v.scan("OZN123456", 5).outcome == core::ScanOutcome::surplus);
  CHECK_FALSE(v.items_picked());  // a refused scan ticks nothing

  CHECK(core::stops_packing(core::ScanOutcome::unknown));
  CHECK(core::stops_packing(core::ScanOutcome::surplus));
  CHECK(core::stops_packing(core::ScanOutcome::duplicate));
  CHECK_FALSE(core::stops_packing(core::ScanOutcome::empty));
  CHECK_FALSE(core::stops_packing(core::ScanOutcome::accepted));
  CHECK_FALSE(core::stops_packing(core::ScanOutcome::completed_line));
}
