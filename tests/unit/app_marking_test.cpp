// Marking codes, GTD and countries through the app, against the demo
// marketplace: the form loads with the posting, a scanner fills it, Ozon
// checks it, and Ship waits for Ozon's yes.
#include <doctest/doctest.h>

#include <algorithm>

#include "app_test_support.h"
#include "ozon/endpoints.h"

namespace {

using app_test::Demo;
using State = app::PostingWork::Marking::State;

bool needs_marks(const core::Posting& p) { return !p.requirements->mandatory_mark.empty(); }
bool needs_gtd(const core::Posting& p) { return !p.requirements->gtd.empty(); }

// Fills every field of the form (a valid GTD, China) except marks already set.
void fill_everything(Demo& demo, const std::string& gtd) {
  const auto& form = demo.orders().work.at(demo.orders().open).marking.form;
  int serial = 0;
  for (std::size_t p = 0; p < form.data.products.size(); ++p) {
    const auto& product = form.data.products[p];
    demo.app.apply(app::EditMarking{app::EditMarking::Field::country, p, 0, "cn", false});
    for (std::size_t u = 0; u < product.exemplars.size(); ++u) {
      if (core::mark_of(product.exemplars[u]).empty())
        demo.app.apply(app::EditMarking{app::EditMarking::Field::mark, p, u,
                                        "0104600000000017215serial" + std::to_string(serial++), false});
      demo.app.apply(app::EditMarking{app::EditMarking::Field::gtd, p, u, gtd, false});
    }
  }
}

}  // namespace

TEST_CASE("the marking form loads with the posting and gates Ship until Ozon accepts it") {
  Demo demo;
  const std::string number = demo.find(needs_gtd);
  REQUIRE_FALSE(number.empty());
  demo.app.apply(app::OpenPosting{number});
  demo.settle();
  const auto& work = demo.orders().work.at(number);
  CHECK(work.marking.state == State::editing);
  REQUIRE_FALSE(work.marking.form.data.products.empty());
  CHECK(work.verification.marking_required());
  CHECK_FALSE(work.verification.marking_complete());

  // Sending an incomplete form is refused before anything leaves.
  demo.app.apply(app::SendMarking{});
  CHECK(work.marking.error.key == "marking.incomplete");
  CHECK(work.marking.state == State::editing);

  // The seller cannot tick "marking complete" by hand: no action says so
  // (CheckItem has no such item), and ticking the others leaves it alone.
  demo.app.apply(app::SetCheck{app::CheckItem::items_picked, true});
  CHECK_FALSE(work.verification.marking_complete());

  // A malformed GTD is refused by Ozon, field by field.
  fill_everything(demo, "123");
  demo.app.apply(app::SendMarking{});
  CHECK(work.marking.state == State::sending);
  demo.settle();
  CHECK(work.marking.state == State::refused);
  REQUIRE_FALSE(work.marking.refusals.empty());
  CHECK(work.marking.refusals.front().find("INVALID_GTD_FORMAT") != std::string::npos);
  CHECK_FALSE(work.verification.marking_complete());

  // Corrected and sent again: accepted, the checklist item is ticked by Ozon's answer.
  fill_everything(demo, "10702070/011125/0012345");
  demo.app.apply(app::SendMarking{});
  demo.settle();
  CHECK(work.marking.state == State::accepted);
  CHECK(work.verification.marking_complete());
  CHECK(work.marking.refusals.empty());

  // Editing accepted data needs a new check.
  demo.app.apply(app::EditMarking{app::EditMarking::Field::gtd, 0, 0, "10702070/011125/0099999", false});
  CHECK(work.marking.state == State::editing);
  CHECK_FALSE(work.verification.marking_complete());
}

TEST_CASE("a scanned marking code counts the unit and fills its code; the same code twice is refused") {
  Demo demo;
  const std::string number = demo.find(needs_marks);
  REQUIRE_FALSE(number.empty());
  demo.app.apply(app::OpenPosting{number});
  demo.settle();
  const core::Posting* posting = demo.orders().list.find(number);
  REQUIRE(posting != nullptr);
  // The first marked line and its GTIN from the catalogue.
  std::size_t line = 0;
  while (line < posting->products.size() && !std::count(posting->requirements->mandatory_mark.begin(),
                                                          posting->requirements->mandatory_mark.end(),
                                                          posting->products[line].sku))
    ++line;
  REQUIRE(line < posting->products.size());
  const auto barcodes = demo.orders().barcodes.find(posting->products[line].sku);
  REQUIRE(barcodes != demo.orders().barcodes.end());
  REQUIRE_FALSE(barcodes->second.empty());
  std::string gtin = barcodes->second.front();
  gtin.insert(0, 14 - gtin.size(), '0');
  const std::string code = "01" + gtin + "215unit-one-serial";

  const auto& work = demo.orders().work.at(number);
  demo.app.apply(app::ScanCode{code});
  CHECK(work.last_scan.outcome != core::ScanOutcome::unknown);
  CHECK(work.verification.counted(line) == 1);
  bool filled = false;
  for (const auto& product : work.marking.form.data.products)
    for (const auto& e : product.exemplars) filled = filled || core::mark_of(e) == code;
  CHECK(filled);

  demo.app.apply(app::ScanCode{code});
  CHECK(work.last_scan.outcome == core::ScanOutcome::duplicate);
  CHECK(work.verification.counted(line) == 1);
}

TEST_CASE("the country of manufacture goes to Ozon under the seller's product_id") {
  Demo demo;
  const std::string number = demo.find([](const core::Posting& p) { return !p.requirements->country.empty(); });
  REQUIRE_FALSE(number.empty());
  demo.app.apply(app::OpenPosting{number});
  demo.settle();
  const auto& work = demo.orders().work.at(number);
  REQUIRE(work.marking.state == State::editing);
  auto& calls = demo.roads.market.faults();
  calls.reset_counters();
  fill_everything(demo, "10702070/011125/0012345");
  demo.app.apply(app::SendMarking{});
  demo.settle();
  CHECK(work.marking.error.key == "");
  CHECK(work.marking.state == State::accepted);
  const core::Posting* posting = demo.orders().list.find(number);
  REQUIRE(posting != nullptr);
  // One country per product that needs one, each accepted (a SKU would be refused).
  CHECK(calls.successes(ozon::endpoint::kProductCountrySet) == static_cast<int>(posting->requirements->country.size()));
  CHECK(calls.calls(ozon::endpoint::kProductCountrySet) == calls.successes(ozon::endpoint::kProductCountrySet));
  for (const auto& [sku, product_id] : work.marking.product_ids) CHECK(sku != product_id);
}
