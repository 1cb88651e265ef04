// Stock pasted from a spreadsheet: columns, separators, header, lookups,
// quantities, duplicates, line ends and quoting.
#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/stock_paste.h"

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string out = "{";
    for (const std::string& s : v) out += " \"" + s + "\"";
    return String((out + " }").c_str());
  }
};
}  // namespace doctest

namespace {

const std::vector<core::PasteWarehouse> kWarehouses = {
    {101, "Склад Москва"}, {202, "Склад Шэньчжэнь rFBS"}, {303, "Main"}};

std::optional<core::PasteProduct> lookup(std::string_view offer) {
  static const std::map<std::string, core::PasteProduct, std::less<>> kOffers = {
      {"KR-1", {11, 1001}}, {"TSH-RED", {22, 1002}}, {"杯子-3", {33, 1003}}, {"A;B", {44, 1004}}};
  const auto it = kOffers.find(offer);
  if (it == kOffers.end()) return std::nullopt;
  return it->second;
}

core::StockPasteResult parse(std::string_view text, std::int64_t default_warehouse = 101) {
  return core::parse_stock_paste(text, lookup, kWarehouses, default_warehouse);
}

// "line:offer@warehouse=quantity" for compact comparisons.
std::vector<std::string> taken(const core::StockPasteResult& r) {
  std::vector<std::string> out;
  for (const auto& l : r.lines) {
    out.push_back(std::to_string(l.line) + ":" + l.offer_id + "@" + std::to_string(l.warehouse_id) + "=" +
                  std::to_string(l.quantity));
  }
  return out;
}

// "line:reason"
std::vector<std::string> skipped(const core::StockPasteResult& r) {
  std::vector<std::string> out;
  for (const auto& s : r.skipped) out.push_back(std::to_string(s.line) + ":" + std::string(core::to_string(s.reason)));
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("stock paste: two and three columns with each separator") {
  auto r = parse("KR-1\t5\nTSH-RED\t202\t7\n");
  CHECK(taken(r) == Strings{"1:KR-1@101=5", "2:TSH-RED@202=7"});
  CHECK(r.skipped.empty());
  REQUIRE(r.lines.size() == 2);
  CHECK(r.lines[0].product_id == 11);
  CHECK(r.lines[0].sku == 1001);

  r = parse("KR-1;5\nTSH-RED;Main;7");
  CHECK(taken(r) == Strings{"1:KR-1@101=5", "2:TSH-RED@303=7"});
  r = parse("KR-1,5\nTSH-RED , 303 , 7 ");
  CHECK(taken(r) == Strings{"1:KR-1@101=5", "2:TSH-RED@303=7"});
  // A tab wins over ';' and ',' in the same line; ';' over ','.
  r = parse("KR-1\tMain\t1,000\nTSH-RED;2,500");
  CHECK(taken(r) == Strings{"1:KR-1@303=1000", "2:TSH-RED@101=2500"});
  // Trailing empty cells (spreadsheets copy them) do not count as columns.
  r = parse("KR-1\t5\t\t\n");
  CHECK(taken(r) == Strings{"1:KR-1@101=5"});
}

TEST_CASE("stock paste: header only on the first line, wrong columns, blank lines") {
  auto r = parse("Артикул\tКоличество\nKR-1\t5\n\n   \nTSH-RED\t1\t2\t3\nKR-1\n");
  CHECK(taken(r) == Strings{"2:KR-1@101=5"});
  CHECK(skipped(r) == Strings{"1:header", "5:wrong_columns", "6:wrong_columns"});
  CHECK(r.skipped[0].text == "Артикул\tКоличество");
  // A word where the quantity goes is a header on line 1 only.
  r = parse("KR-1\t5\nKR-1\tqty");
  CHECK(skipped(r) == Strings{"2:bad_quantity"});
  CHECK(parse("offer;warehouse;qty\nKR-1;Main;3").lines.size() == 1);
  CHECK(parse("").lines.empty());
  CHECK(parse("\n\r\n").skipped.empty());
}

TEST_CASE("stock paste: unknown offer and warehouse, no default warehouse") {
  auto r = parse("NOPE\t5\nKR-1\t999\t5\nKR-1\tСклад Тверь\t5\n\t5\n");
  CHECK(r.lines.empty());
  CHECK(skipped(r) == Strings{"1:unknown_offer", "2:unknown_warehouse", "3:unknown_warehouse", "4:unknown_offer"});
  r = parse("KR-1\t5\nKR-1\tMain\t6", 0);
  CHECK(skipped(r) == Strings{"1:no_warehouse"});
  CHECK(taken(r) == Strings{"2:KR-1@303=6"});
  // No lookup at all: every offer unknown.
  CHECK(skipped(core::parse_stock_paste("KR-1\t5", {}, kWarehouses, 101)) == Strings{"1:unknown_offer"});
}

TEST_CASE("stock paste: warehouse by id and by name, case-folded and trimmed") {
  auto r = parse("KR-1\t202\t1\nTSH-RED\t  склад МОСКВА \t2\n杯子-3\tсклад шэньчжэнь RFBS\t3\nKR-1\tmain\t4");
  CHECK(taken(r) == Strings{"1:KR-1@202=1", "2:TSH-RED@101=2", "3:杯子-3@202=3", "4:KR-1@303=4"});
  CHECK(r.skipped.empty());
}

TEST_CASE("stock paste: quantities") {
  auto r = parse(
      "KR-1\t1 000\n"                   // 1: spaces group thousands
      "KR-1\tMain\t1\xC2\xA0" "500\n"   // 2: a no-break space too
      "TSH-RED\t1,000,000\n"            // 3: commas before three digits
      "TSH-RED\tMain\t12,5\n"           // 4: a decimal comma
      "杯子-3\t12.0\n"                   // 5: whole numbers only
      "杯子-3\tMain\t-3\n"               // 6
      "杯子-3\t202\tmany\n"             // 7
      "KR-1\t202\t1000001\n"            // 8
      "KR-1\t303\t99999999999999999999999\n"  // 9: far too big, no overflow
      "TSH-RED\t202\t0\n"               // 10: zero is a quantity
      "TSH-RED\t303\t1,0000\n");        // 11
  CHECK(taken(r) == Strings{"1:KR-1@101=1000", "2:KR-1@303=1500", "3:TSH-RED@101=1000000", "10:TSH-RED@202=0"});
  CHECK(skipped(r) == Strings{"4:bad_quantity", "5:bad_quantity", "6:bad_quantity", "7:bad_quantity", "8:too_big",
                              "9:too_big", "11:bad_quantity"});
  CHECK(taken(parse("KR-1\t1000000")) == Strings{"1:KR-1@101=1000000"});
}

TEST_CASE("stock paste: a later line replaces an earlier one for the same offer and warehouse") {
  auto r = parse("KR-1\t5\nTSH-RED\t1\nKR-1\t101\t7\nKR-1\tMain\t2\nKR-1;9\n");
  CHECK(taken(r) == Strings{"2:TSH-RED@101=1", "4:KR-1@303=2", "5:KR-1@101=9"});
  CHECK(skipped(r) == Strings{"1:replaced", "3:replaced"});
  CHECK(r.skipped[0].text == "KR-1\t5");
  CHECK(r.skipped[1].text == "KR-1\t101\t7");
  CHECK(core::to_string(core::PasteSkip::header) == "header");
  CHECK(core::to_string(core::PasteSkip::no_warehouse) == "no_warehouse");
  CHECK(core::to_string(core::PasteSkip::replaced) == "replaced");
}

TEST_CASE("stock paste: CRLF, CR, a BOM and quoted cells") {
  auto r = parse("\xEF\xBB\xBFKR-1\t5\r\nTSH-RED\t6\r杯子-3\t7\r\n");
  CHECK(taken(r) == Strings{"1:KR-1@101=5", "2:TSH-RED@101=6", "3:杯子-3@101=7"});
  // A BOM before a header still makes it a header.
  CHECK(skipped(parse("\xEF\xBB\xBF" "offer\tqty\r\nKR-1\t1")) == Strings{"1:header"});

  r = parse("\"A;B\";\"Склад Москва\";\"1 000\"\n\"KR-1\",\"2,000\"\n \"TSH-RED\" ; \"3\"");
  CHECK(taken(r) == Strings{"1:A;B@101=1000", "2:KR-1@101=2000", "3:TSH-RED@101=3"});
  r = parse("\"KR-\"\"1\"\t5");  // "" is a quote inside: KR-"1 is not in the catalogue
  CHECK(skipped(r) == Strings{"1:unknown_offer"});
  r = parse("\"KR-1\t5");  // never closed: the tab is inside the cell, one column
  CHECK(skipped(r) == Strings{"1:wrong_columns"});
}
