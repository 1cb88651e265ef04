// The posting list's fast reader (simdjson On Demand) against the DOM reader:
// the same results on the fixtures, on hand-made edge cases of the lenient
// rules, and on a fixed run of mutations; and the refusals it must keep.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "../fuzz/mutate.h"
#include "../fuzz/posting_list_agreement.h"
#include "ozon/parsers.h"
#include "ozon/posting_list_reader.h"
#include "ozon_test_support.h"

namespace {

using ozon_test::fixture;

std::string page_of(const std::string& posting) { return R"({"postings":[)" + posting + R"(],"has_next":false})"; }

}  // namespace

TEST_CASE("posting list readers agree on every fixture") {
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(FIXTURES_DIR) / "ozon")) {
    const std::string name = entry.path().filename().string();
    CAPTURE(name);
    CHECK(fuzz::posting_list_disagreement(fixture(name)) == "");
  }
  auto page = ozon::detail::read_posting_list_fast(fixture("posting_list_v4.json"));
  REQUIRE(page.ok());
  CHECK(page->items.size() >= 2);
}

TEST_CASE("posting list readers agree on the lenient rules") {
  const char* cases[] = {
      // duplicates: the last wins, including null and a wrong shape
      R"({"posting_number":"1-1","posting_number":"2-2","status":"awaiting_packaging","status":null})",
      R"({"posting_number":"1-1","delivery_method":{"id":5,"name":"A"},"delivery_method":{"warehouse":"W"}})",
      R"({"posting_number":"1-1","delivery_method":{"id":5},"delivery_method":"text"})",
      R"({"posting_number":"1-1","products":[{"sku":1,"quantity":2}],"products":null})",
      // numbers and text both ways, big and odd numbers
      R"({"posting_number":123,"order_id":"77","order_number":1.5,"multi_box_qty":"3.000"})",
      R"({"posting_number":"1-1","order_id":18446744073709551615,"multi_box_qty":-0,"tracking_number":-0})",
      R"({"posting_number":"1-1","order_id":123456789012345678901234567890,"tracking_number":1e20})",
      R"({"posting_number":"1-1","order_id":-9223372036854775808,"tracking_number":2.5e-3,"substatus":true})",
      R"({"posting_number":"1-1","order_id":1.0e3,"is_express":"1","is_multibox":2,"parent_posting_number":false})",
      // times, lists, requirements
      R"({"posting_number":"1-1","in_process_at":"2026-05-14T09:30:00.123+03:00","shipment_date":12,"delivering_date":"bad"})",
      R"({"posting_number":"1-1","available_actions":["a","",1,null,{"x":1},[2]],"requirements":{"products_requiring_gtd":[1,"2","x",3.7,null]}})",
      // prices: v3 text with the product's currency code, v4 objects, fallbacks
      R"({"posting_number":"1-1","products":[{"price":"1990.5000","currency_code":"CNY"},{"price":{"amount":"759.00","currency":"RUB"}}]})",
      R"({"posting_number":"1-1","products":[{"price":{"amount":null,"price":12.345,"currency_code":"USD"}},{"price":{"value":"x"}}]})",
      R"({"posting_number":"1-1","products":[{"price":{"currency":"EUR"},"currency_code":"RUB"},{"price":null},{"price":[1]},5,"s"]})",
      // cancellation at the top (get by barcode) or in its object; addressee as a fallback name
      R"({"posting_number":"1-1","cancel_reason_id":"402"})",
      R"({"posting_number":"1-1","cancel_reason_id":402,"cancellation":{"cancel_reason_id":7,"affect_cancellation_rating":"true"}})",
      R"({"posting_number":"1-1","cancellation":{"cancel_reason_id":7},"cancellation":null,"cancel_reason_id":9})",
      R"({"posting_number":"1-1","addressee":{"name":"A","phone":"+7"},"customer":{"phone":"+8","address":{"provider_pvz_code":"P1","pvz_code":""}}})",
      R"({"posting_number":"1-1","customer":{"name":"C","address":{"pvz_code":12,"city":"Moscow"}},"addressee":{"name":"A"}})",
      // unknown fields of every shape, deep but within the limit
      R"({"posting_number":"1-1","x":{"y":[{"z":[[[[{"a":null}]]]]}]},"financial_data":{"products":[{"price":1}]}})",
      // escapes in keys and texts (each read where it lies only without one), spaces around colons
      R"({"posting\u005fnumber":"1-\u0031","st\u0061tus":"awaiting_packaging","products":[{"na\u006de":"A \"B\" \\ C","sk\u0075":1}]})",
      R"({"posting_number":"1-1","delivery_method":{"warehouse":"Склад \u2116 1","name":"a\/b"},"x\"y":"\\","":"empty key"})",
      R"({"posting_number" : "1-1" , "status"	:	"delivered" ,"tracking_number"  :"T\tN", "products" :[ {"offer_id" : "O\n1"} ] })",
      R"({"posting_number":"1-1","unknown":"\ud83d\ude00 \u00e9","order_number":"\u0000x"})",
      // not a posting
      R"("text")",
      R"({"posting_number":""})",
  };
  for (const char* posting : cases) {
    const std::string body = page_of(posting);
    CAPTURE(body);
    CHECK(fuzz::posting_list_disagreement(body) == "");
  }
}

TEST_CASE("posting list readers agree on where the list and the paging are") {
  const char* bodies[] = {
      R"({"result":{"postings":[{"posting_number":"1-1"}],"has_next":true,"cursor":"c"}})",
      R"({"result":[{"posting_number":"1-1"}],"has_next":"true"})",
      R"({"postings":[{"posting_number":"1-1"}],"result":{"postings":[{"posting_number":"2-2"}],"cursor":"r"},"has_next":null})",
      R"({"postings":null,"result":{"postings":[{"posting_number":"2-2"}],"has_next":1}})",
      R"({"postings":[],"cursor":"","result":{"cursor":"inner","has_next":true},"has_next":"no"})",
      R"({"result":{"postings":[{"posting_number":"1-1"}]},"result":{"cursor":"x"}})",
      R"({"postings":{"posting_number":"1-1"}})",
      R"({"result":"none"})",
      R"([{"posting_number":"1-1"}])",
      R"(42)",
      R"({"postings":[]} )",
      R"( {"postings":[]})",
      R"({"postings":[]}x)",
      R"({"postings":[]}{})",
      R"({"postings":[})",
      R"({"postings":[],})",
      R"({"postings":["a\u00e9\ud83d\ude00"]})",
      "{\"postings\":[{\"posting_number\":\"1\x01\"}]}",
      "{\"postings\":[{\"posting_number\":\"\xff\xfe\"}]}",
      R"({"postings":[{"posting_number":"\ud800"}]})",
      R"({"postings":[{"posting_number":"\x"}]})",
      R"({"postings":[1e400]})",
      R"({"postings":[01]})",
      R"({"postings":[nul]})",
      R"({"postings":[tru]})",
      "",
      "   ",
  };
  for (const char* body : bodies) {
    CAPTURE(body);
    CHECK(fuzz::posting_list_disagreement(body) == "");
  }
}

TEST_CASE("posting list readers agree on mutated fixtures") {
  const std::vector<std::string> corpus = {fixture("posting_list_v4.json"), fixture("posting_list_v4_last.json"),
                                           fixture("posting_get_v3.json")};
  fuzz::Rng rng(20261205);
  int accepted = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::string body = fuzz::mutate(corpus, rng);
    const std::string difference = fuzz::posting_list_disagreement(body);
    if (!difference.empty()) {
      CAPTURE(body);
      FAIL(difference);
    }
    if (ozon::detail::read_posting_list_dom(body)) ++accepted;
  }
  CHECK(accepted > 200);  // enough of them still posting lists to compare what was read
}

TEST_CASE("the posting list refuses a reply nested too deeply, with a clear message") {
  std::string deep = R"({"postings":[{"posting_number":"1-1","x":)";
  for (int i = 0; i < 100; ++i) deep += "[";
  for (int i = 0; i < 100; ++i) deep += "]";
  deep += "}]}";
  auto page = ozon::parse_posting_list(deep);
  REQUIRE_FALSE(page.ok());
  CHECK(page.error().kind == ozon::ErrorKind::malformed_reply);
  CHECK(page.error().message.rfind("reply nested too deeply", 0) == 0);

  std::string shallow = R"({"postings":[{"posting_number":"1-1","x":)";
  for (int i = 0; i < 50; ++i) shallow += "[";
  for (int i = 0; i < 50; ++i) shallow += "]";
  shallow += "}]}";
  CHECK(ozon::parse_posting_list(shallow).ok());
}

TEST_CASE("the posting list still words a bad reply as before") {
  CHECK(ozon::parse_posting_list("").error().message == "empty reply");
  CHECK(ozon::parse_posting_list("<html>").error().message.rfind("reply is not JSON", 0) == 0);
  CHECK(ozon::parse_posting_list("[1]").error().message.rfind("reply is not a JSON object", 0) == 0);
  CHECK(ozon::parse_posting_list(R"({"result":{}})").error().message.rfind("posting list without a postings array", 0) == 0);
}
