// The two value types that keep 100,000 postings small (#17): an interned
// text shares one copy per distinct text, and a boxed group costs nothing
// while it is empty. Both must read exactly like the fields they replaced.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "core/boxed.h"
#include "core/interned.h"
#include "core/posting.h"
#include "ozon/posting_compact.h"
#include "ozon/posting_list_reader.h"
#include "ozon_test_support.h"

TEST_CASE("equal interned texts share one copy, and read like std::string") {
  const std::string built = std::string("Склад ") + "Москва";
  const core::Interned a = built;
  const core::Interned b = std::string_view("Склад Москва");
  const core::Interned c = "Склад Казань";
  CHECK(&a.str() == &b.str());
  CHECK(a == b);
  CHECK(a != c);
  CHECK(a == "Склад Москва");
  CHECK(a == built);
  CHECK(a == std::string_view("Склад Москва"));
  CHECK("Склад Москва" == a);
  CHECK(a.size() == built.size());
  CHECK(std::string(a) == built);
  CHECK(std::string_view(a) == built);
  CHECK(a.starts_with("Склад"));
  CHECK(c < a);  // by text, not by address: "К" < "М"

  // A pool entry per distinct text, however many values hold it.
  const std::size_t before = core::Interned::pool_size();
  std::vector<core::Interned> many(1000, core::Interned("Склад Москва"));
  for (std::size_t i = 0; i < many.size(); ++i) many[i] = built;
  CHECK(core::Interned::pool_size() == before);
  many[0] = "a text never seen before in this test run";
  CHECK(core::Interned::pool_size() == before + 1);

  core::Interned empty;
  CHECK(empty.empty());
  CHECK(empty == "");
  CHECK(empty.str().empty());
  CHECK(core::Interned("") == empty);
  core::Interned cleared = a;
  cleared.clear();
  CHECK(cleared.empty());

  // As a key of a std::map<std::string, …> and in a sort, as text.
  std::map<std::string, int> counts;
  ++counts[a];
  ++counts[b];
  CHECK(counts.at("Склад Москва") == 2);
}

TEST_CASE("a boxed group keeps nothing while empty, and copies as a value") {
  core::Boxed<core::Customer> box;
  CHECK_FALSE(box.has_value());
  CHECK(box->name.empty());
  CHECK(*box == core::Customer{});

  core::Customer customer;
  customer.name = "Иван";
  customer.address.city = "Казань";
  box = customer;
  REQUIRE(box.has_value());
  CHECK(box->address.city == "Казань");

  core::Boxed<core::Customer> copy = box;
  copy.edit().name = "Пётр";
  CHECK(box->name == "Иван");  // a deep copy
  CHECK(copy->name == "Пётр");
  CHECK_FALSE(copy == box);

  box = core::Customer{};  // back to empty: nothing kept
  CHECK_FALSE(box.has_value());
  CHECK(box == core::Boxed<core::Customer>{});

  core::Boxed<core::Customer> moved = std::move(copy);
  CHECK(moved->name == "Пётр");
}

TEST_CASE("readers keep a posting's empty groups out of memory, and share its repeated texts") {
  // The fixture's first posting has barcodes and a requirement, and an all-empty
  // cancellation; the second (rFBS) a customer and no other group.
  const std::string body = ozon_test::fixture("posting_list_v4.json");
  const auto fast = ozon::detail::read_posting_list_fast(body);
  const auto dom = ozon::detail::read_posting_list_dom(body);
  REQUIRE(fast.ok());
  REQUIRE(dom.ok());
  for (const auto* postings : {&fast->items, &dom->items}) {
    REQUIRE(postings->size() == 2);
    const core::Posting& fbs = (*postings)[0];
    const core::Posting& rfbs = (*postings)[1];
    CHECK(fbs.barcodes.has_value());
    CHECK(fbs.requirements.has_value());
    CHECK_FALSE(fbs.cancellation.has_value());  // every member at its default
    CHECK_FALSE(fbs.customer.has_value());
    CHECK(rfbs.customer.has_value());
    CHECK_FALSE(rfbs.barcodes.has_value());
    CHECK_FALSE(rfbs.requirements.has_value());
    CHECK_FALSE(rfbs.cancellation.has_value());
  }
  // Both readers intern: the same product name is one copy.
  CHECK(&fast->items[0].products[0].name.str() == &dom->items[0].products[0].name.str());

  // The compact copy reads back the same groups, boxed the same way.
  const auto chunks = ozon::postings_to_compact_chunks(fast->items, 10);
  REQUIRE(chunks.size() == 1);
  const auto back = ozon::read_offline_postings(chunks[0]);
  REQUIRE(back.ok());
  REQUIRE(back->size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK((*back)[i].barcodes.has_value() == fast->items[i].barcodes.has_value());
    CHECK((*back)[i].requirements.has_value() == fast->items[i].requirements.has_value());
    CHECK((*back)[i].customer.has_value() == fast->items[i].customer.has_value());
    CHECK((*back)[i].cancellation.has_value() == fast->items[i].cancellation.has_value());
    CHECK(&(*back)[i].delivery_method.warehouse.str() == &fast->items[i].delivery_method.warehouse.str());
  }
}
