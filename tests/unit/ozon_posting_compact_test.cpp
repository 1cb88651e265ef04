// The compact offline copy of the orders list: it reads back exactly what
// the copy in Ozon's shape reads back (compared as that shape's text), it is
// much smaller, and a damaged record is refused, never half read.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "../fuzz/mutate.h"
#include "ozon/parsers.h"
#include "ozon/posting_compact.h"
#include "ozon/posting_json.h"
#include "ozon_test_support.h"

namespace {

using ozon_test::fixture;

// The postings after a trip through compact records of `per_chunk`, in Ozon's shape.
std::string through_compact(const std::vector<core::Posting>& postings, std::size_t per_chunk) {
  std::vector<core::Posting> back;
  for (const auto& chunk : ozon::postings_to_compact_chunks(postings, per_chunk)) {
    auto read = ozon::read_offline_postings(chunk);
    REQUIRE_MESSAGE(read.ok(), read.error().message);
    for (auto& p : *read) back.push_back(std::move(p));
  }
  return ozon::postings_to_list_json(back);
}

core::Posting every_field_set() {
  core::Posting p;
  p.posting_number = "12345678-0001-1";
  p.order_id = 9'007'199'254'740'993;  // beyond a double's exact integers
  p.order_number = "12345678-0001";
  p.status_raw = "awaiting_packaging";
  p.status = core::PostingStatus::awaiting_packaging;
  p.substatus = "posting_created";
  p.delivery_method = {1020000089564002, 1020000089564000, 24, "Ozon Экспресс, Москва", "Склад \"Северный\"", "Ozon"};
  p.tracking_number = "RA123456789RU";
  p.tpl_integration_type = "ozon";
  p.in_process_at = 1'795'791'600'000;
  p.shipment_date = 1'795'878'000'000;
  p.shipment_date_without_delay = 1'795'878'000'000;
  p.delivering_date = 1'795'964'400'000;
  p.products.push_back({1504130950, 2, core::Money{75901, "RUB"}, "TWL-0026", "Полотенце 中文 \\ \"x\" \n\t\x01",
                        std::vector<std::string>{"356938035643809", "", "356938035643817"}});
  p.products.push_back({1504130951, 0, core::Money{0, ""}, "", "", {}});
  p.barcodes = {"upper", "lower"};
  p.cancellation = {402, "Другое", "Продавец", true};
  p.customer.edit().name = "Иван";
  p.customer.edit().phone = "+79990000000";
  p.customer.edit().address = {"Москва", "Московская", "101000", "ул. Ленина, 1", "PVZ-7", "звонить"};
  p.analytics = {"Москва", "Москва", "PVZ"};
  p.requirements = {{1}, {2, 3}, {4}, {5}, {6}, {7}, {-8}};
  p.is_express = true;
  p.is_multibox = true;
  p.multi_box_qty = 3;
  p.parent_posting_number = "12345678-0001-0";
  p.available_actions = {"ship", "", "cancel"};
  p.delivery_schema = "RFBS";
  p.integration_type_flow = "flow";
  return p;
}

}  // namespace

TEST_CASE("the compact copy reads back what the copy in Ozon's shape reads back") {
  const std::vector<core::Posting> one = {every_field_set()};
  const auto as_ozon = ozon::parse_posting_list(ozon::postings_to_list_json(one));
  REQUIRE(as_ozon.ok());
  CHECK(through_compact(one, 10) == ozon::postings_to_list_json(as_ozon->items));
  // Field by field too, for what Ozon's shape would round (nothing here).
  auto read = ozon::read_compact_postings(ozon::postings_to_compact_chunks(one, 10).front());
  REQUIRE(read.ok());
  REQUIRE(read->size() == 1);
  const core::Posting& back = read->front();
  CHECK(back.order_id == 9'007'199'254'740'993);
  CHECK(back.status == core::PostingStatus::awaiting_packaging);
  CHECK(back.products[0].name == one[0].products[0].name);
  CHECK(back.products[0].price == core::Money{75901, "RUB"});
  CHECK(*back.products[0].imei == std::vector<std::string>{"356938035643809", "356938035643817"});
  CHECK(back.available_actions == std::vector<core::Interned>{"ship", "cancel"});
  CHECK(back.requirements->weight == std::vector<std::int64_t>{-8});
  CHECK(back.cancellation->affect_cancellation_rating);
  CHECK(back.customer->address.comment == "звонить");
  CHECK(back.delivering_date == one[0].delivering_date);

  // Every fixture list, in records of one posting and of all of them.
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(FIXTURES_DIR) / "ozon")) {
    const auto page = ozon::parse_posting_list(fixture(entry.path().filename().string()));
    if (!page.ok() || page->items.empty()) continue;
    CAPTURE(entry.path().filename().string());
    const std::string expected = ozon::postings_to_list_json(page->items);
    CHECK(through_compact(page->items, 1) == expected);
    CHECK(through_compact(page->items, 1000) == expected);
  }
  CHECK(ozon::postings_to_compact_chunks({}, 5).empty());
}

TEST_CASE("the compact copy reads back every mutated posting list the reader accepts") {
  const std::vector<std::string> corpus = {fixture("posting_list_v4.json"), fixture("posting_list_v4_last.json"),
                                           fixture("posting_get_v3.json")};
  fuzz::Rng rng(20261206);
  int compared = 0;
  for (int i = 0; i < 5000; ++i) {
    const auto page = ozon::parse_posting_list(fuzz::mutate(corpus, rng));
    if (!page.ok()) continue;
    CHECK(through_compact(page->items, 2) == ozon::postings_to_list_json(page->items));
    ++compared;
  }
  CHECK(compared > 200);
}

TEST_CASE("the compact copy is a fraction of Ozon's shape for a real list") {
  const auto page = ozon::parse_posting_list(fixture("posting_list_v4.json"));
  REQUIRE(page.ok());
  std::vector<core::Posting> postings;
  for (int i = 0; i < 1000; ++i) {  // products, warehouses and methods repeat, as in a seller's list
    core::Posting p = page->items[static_cast<std::size_t>(i) % page->items.size()];
    p.posting_number = std::to_string(30'000'000 + i) + "-0001-1";
    p.order_number = std::to_string(30'000'000 + i) + "-0001";
    p.order_id = 700'000'000 + i;
    postings.push_back(std::move(p));
  }
  const std::size_t ozon_shape = ozon::postings_to_list_json(postings).size();
  const std::size_t compact = ozon::postings_to_compact_chunks(postings, 1000).front().size();
  MESSAGE("1,000 postings: " << ozon_shape << " bytes in Ozon's shape, " << compact << " compact");
  CHECK(compact * 3 < ozon_shape);
}

TEST_CASE("a damaged compact record is refused, never half read") {
  const std::vector<core::Posting> two = {every_field_set(), every_field_set()};
  const std::string good = ozon::postings_to_compact_chunks(two, 10).front();
  REQUIRE(ozon::read_compact_postings(good).ok());
  // Cut anywhere: refused (what is left is never a complete record).
  for (std::size_t length = 0; length < good.size(); length += 7) {
    CAPTURE(length);
    CHECK_FALSE(ozon::read_offline_postings(good.substr(0, length)).ok());
  }
  const auto refused = [](const std::string& body) {
    auto read = ozon::read_compact_postings(body);
    return !read.ok() && read.error().message.find("damaged offline copy") != std::string::npos;
  };
  const std::string head = R"({"compact_postings":1,"texts":["","a"],"postings":)";
  CHECK(ozon::read_compact_postings(head + "[]}").ok());
  CHECK(refused(head + "[[1]]}"));                                         // too few fields
  CHECK(refused(R"({"compact_postings":2,"texts":[""],"postings":[]})"));  // another version
  CHECK_FALSE(ozon::read_offline_postings(R"({"compact_postings":2,"postings":[[1]]})").ok());  // not as Ozon's shape
  CHECK(refused(R"({"compact_postings":1,"postings":[]})"));               // no texts
  CHECK(refused(head + "[]} x"));                                          // content after it
  CHECK(refused(head + "[]"));                                             // cut short
  // One posting of every field at its default but the number (text 1, "a").
  const auto posting_of = [](std::vector<std::string> fields) {
    std::string row = "[";
    for (const auto& field : fields) row += (row.size() > 1 ? "," : "") + field;
    return R"({"compact_postings":1,"texts":["","a"],"postings":[)" + row + "]]}";
  };
  std::vector<std::string> fields(43, "0");
  fields[0] = "1";
  fields[17] = fields[40] = "[]";
  fields[35] = "[[],[],[],[],[],[],[]]";
  CHECK(ozon::read_compact_postings(posting_of(fields)).ok());
  const auto with = [&](std::size_t at, const std::string& value) {
    auto changed = fields;
    changed[at] = value;
    return posting_of(changed);
  };
  auto later = fields;
  later.push_back(R"({"a later version's field":[1]})");
  CHECK(ozon::read_compact_postings(posting_of(later)).ok());
  CHECK(refused(with(0, "2")));           // a text past the table
  CHECK(refused(with(42, "-1")));         // not a text index
  CHECK(refused(with(1, "\"1\"")));       // a text where a number belongs
  CHECK(refused(with(23, "2")));          // a flag of 2
  CHECK(refused(with(17, "[[1,1]]")));    // a product of two fields
  CHECK(refused(with(35, "[[],[]]")));    // two of the seven requirement lists
  CHECK(refused(with(40, "[\"ship\"]"))); // an action as text, not its index

  // Mutations never crash the reader (the sanitizer build runs this), and
  // what it accepts is whole postings.
  fuzz::Rng rng(7);
  int accepted = 0;
  for (int i = 0; i < 2000; ++i) {
    auto read = ozon::read_compact_postings(fuzz::mutate({good}, rng));
    if (read.ok()) {
      ++accepted;
      CHECK(read->size() <= 2);
    }
  }
  MESSAGE(accepted << " of 2000 mutated compact records still read");
}

TEST_CASE("a copy kept in Ozon's shape by an earlier build still reads") {
  const std::vector<core::Posting> one = {every_field_set()};
  const std::string old_copy = ozon::postings_to_list_json(one);
  auto read = ozon::read_offline_postings(old_copy);
  REQUIRE(read.ok());
  REQUIRE(read->size() == 1);
  CHECK(read->front().posting_number == "12345678-0001-1");
  CHECK_FALSE(ozon::read_offline_postings("{}").ok());
}
