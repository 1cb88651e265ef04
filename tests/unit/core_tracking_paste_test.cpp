#include <doctest/doctest.h>

#include "core/tracking_paste.h"

namespace {

using Kind = core::TrackingProblemKind;
using Severity = core::TrackingSeverity;

std::vector<Kind> kinds(const std::vector<core::TrackingProblem>& problems) {
  std::vector<Kind> out;
  for (const auto& p : problems) out.push_back(p.kind);
  return out;
}

}  // namespace

TEST_CASE("tracking paste: posting number shape") {
  CHECK(core::looks_like_posting_number("12345678-0001-1"));
  CHECK(core::looks_like_posting_number("23713478-0018-3"));
  CHECK(core::looks_like_posting_number("1-2-3"));
  CHECK_FALSE(core::looks_like_posting_number("12345678-0001"));  // an order number
  CHECK_FALSE(core::looks_like_posting_number("12345678-0001-1-2"));
  CHECK_FALSE(core::looks_like_posting_number("12345678--1"));
  CHECK_FALSE(core::looks_like_posting_number("-0001-1"));
  CHECK_FALSE(core::looks_like_posting_number("12345678-0001-"));
  CHECK_FALSE(core::looks_like_posting_number("12345678-000a-1"));
  CHECK_FALSE(core::looks_like_posting_number(""));
}

TEST_CASE("tracking paste: Excel (tabs, CRLF, header, trailing line end)") {
  const std::string text =
      "Номер отправления\tТрек-номер\r\n"
      "12345678-0001-1\tRA123456789RU\r\n"
      "12345678-0002-1\t80081234567890\r\n"
      "\r\n"
      "12345678-0003-2\tCDEK-1000200\r\n";
  std::vector<core::TrackingProblem> problems;
  const auto rows = core::parse_tracking_paste(text, &problems);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == core::TrackingRow{"12345678-0001-1", "RA123456789RU", 2});
  CHECK(rows[1] == core::TrackingRow{"12345678-0002-1", "80081234567890", 3});
  CHECK(rows[2] == core::TrackingRow{"12345678-0003-2", "CDEK-1000200", 5});
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].kind == Kind::header_skipped);
  CHECK(problems[0].severity == Severity::note);
  CHECK(problems[0].line == 1);
}

TEST_CASE("tracking paste: Google Sheets (LF, no header, extra column, empty column)") {
  const std::string text =
      "12345678-0001-1\tRA123456789RU\tИванов\n"
      "12345678-0002-1\t\tLP00123456789\n"
      "\t12345678-0003-1\tYT2012345678901\n";
  std::vector<core::TrackingProblem> problems;
  const auto rows = core::parse_tracking_paste(text, &problems);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].tracking_number == "RA123456789RU");
  CHECK(rows[1].tracking_number == "LP00123456789");
  CHECK(rows[2].posting_number == "12345678-0003-1");
  CHECK(kinds(problems) == std::vector<Kind>{Kind::extra_cells});
  CHECK(problems[0].severity == Severity::warning);
  CHECK(problems[0].line == 1);
}

TEST_CASE("tracking paste: CSV with semicolons or commas, quoted cells, BOM") {
  const std::string semicolons =
      "\xEF\xBB\xBF\"posting_number\";\"tracking_number\"\n"
      "\"12345678-0001-1\";\"RA123456789RU\"\n"
      "12345678-0002-1 ; SB\"\"12\"\"\n"  // unquoted cell keeps quotes as written
      "\"12345678-0003-1\";\"RA 1\"\n";   // space inside a quoted cell
  std::vector<core::TrackingProblem> problems;
  auto rows = core::parse_tracking_paste(semicolons, &problems);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == core::TrackingRow{"12345678-0001-1", "RA123456789RU", 2});
  CHECK(rows[1].tracking_number == "SB\"\"12\"\"");
  CHECK(kinds(problems) == std::vector<Kind>{Kind::header_skipped, Kind::tracking_has_spaces});
  CHECK(problems[1].line == 4);
  CHECK(problems[1].text == "RA 1");
  CHECK(problems[1].severity == Severity::error);

  problems.clear();
  rows = core::parse_tracking_paste(
      "12345678-0001-1,\"RA12\"\"3\"\n"
      "12345678-0002-1,\"a;b\"\n"
      "12345678-0003-1,\"unterminated\n",
      &problems);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].tracking_number == "RA12\"3");
  CHECK(rows[1].tracking_number == "a;b");  // separator inside quotes stays
  CHECK(rows[2].tracking_number == "unterminated");
  CHECK(kinds(problems) == std::vector<Kind>{Kind::unterminated_quote});
  CHECK(problems[0].line == 3);
}

TEST_CASE("tracking paste: space-separated text and WPS (Chinese locale, U+3000)") {
  std::vector<core::TrackingProblem> problems;
  auto rows = core::parse_tracking_paste(
      "12345678-0001-1    RA123456789RU\n"
      "  12345678-0002-1 \t 80081234567890  \n",  // a tab wins as the separator
      &problems);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].tracking_number == "80081234567890");
  CHECK(problems.empty());

  // WPS: header in Chinese, full-width spaces, a full-width comma line, full-width digits.
  const std::string wps =
      "订单号\u3000\u3000物流单号\r\n"
      "12345678-0001-1\u3000YT2012345678901\r\n"
      "12345678-0002-1\u3000\u3000\u3000SF1234567890123\r\n"
      "12345678-0003-1\uFF0CJT0001234567890\r\n"
      "\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18-0004-1\tZTO7700123\r\n"
      "12345678\u20140005\u20141\u00A0\u00A0YD1000\r\n";
  problems.clear();
  rows = core::parse_tracking_paste(wps, &problems);
  REQUIRE(rows.size() == 5);
  CHECK(rows[0] == core::TrackingRow{"12345678-0001-1", "YT2012345678901", 2});
  CHECK(rows[1].tracking_number == "SF1234567890123");
  CHECK(rows[2].tracking_number == "JT0001234567890");
  CHECK(rows[3].posting_number == "12345678-0004-1");
  CHECK(rows[4] == core::TrackingRow{"12345678-0005-1", "YD1000", 6});
  CHECK(kinds(problems) == std::vector<Kind>{Kind::header_skipped});
}

TEST_CASE("tracking paste: problems are reported with line numbers and rows skipped") {
  const std::string text =
      "12345678-0001-1\tRA1\n"
      "12345678-0001\tRA2\n"       // order number, not a posting number
      "12345678-0003-1\n"          // no tracking
      "12345678-0004-1;\n"         // empty tracking cell
      "12345678-0005-1 RA 123 RU\n"  // blank-separated: ambiguous
      "12345678-0006-1\tRA 6\n"    // tab-separated cell with a space
      "posting\tRA7\n";            // not the first row: an error, not a header
  std::vector<core::TrackingProblem> problems;
  const auto rows = core::parse_tracking_paste(text, &problems);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].posting_number == "12345678-0001-1");
  REQUIRE(problems.size() == 6);
  CHECK(problems[0] == core::TrackingProblem{2, Kind::bad_posting_number, Severity::error,
                                             "12345678-0001", 0});
  CHECK(problems[1].kind == Kind::missing_tracking_number);
  CHECK(problems[1].line == 3);
  CHECK(problems[2].kind == Kind::missing_tracking_number);
  CHECK(problems[2].line == 4);
  CHECK(problems[3].kind == Kind::tracking_has_spaces);
  CHECK(problems[3].text == "RA 123 RU");
  CHECK(problems[4].kind == Kind::tracking_has_spaces);
  CHECK(problems[4].line == 6);
  CHECK(problems[5].kind == Kind::bad_posting_number);
  CHECK(problems[5].line == 7);
  CHECK(core::to_string(Kind::duplicate_posting) == "duplicate_posting");
}

TEST_CASE("tracking paste: a malformed first row is an error, not a header") {
  std::vector<core::TrackingProblem> problems;
  const auto rows =
      core::parse_tracking_paste("\n\n1234567-1\tRA1\n12345678-0002-1\tRA2\n", &problems);
  REQUIRE(rows.size() == 1);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].kind == Kind::bad_posting_number);
  CHECK(problems[0].line == 3);
}

TEST_CASE("tracking paste: duplicates keep the first position, the last value wins") {
  std::vector<core::TrackingProblem> problems;
  const auto rows = core::parse_tracking_paste(
      "12345678-0001-1\tOLD\r12345678-0002-1\tB\r12345678-0001-1\tNEW\r", &problems);  // CR only
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == core::TrackingRow{"12345678-0001-1", "NEW", 3});
  CHECK(rows[1] == core::TrackingRow{"12345678-0002-1", "B", 2});
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] == core::TrackingProblem{3, Kind::duplicate_posting, Severity::warning,
                                             "12345678-0001-1", 1});
}

TEST_CASE("tracking paste: empty input and no problem sink") {
  CHECK(core::parse_tracking_paste("").empty());
  CHECK(core::parse_tracking_paste("\r\n\r\n  \t \n").empty());
  CHECK(core::parse_tracking_paste("garbage\n12345678-0001-1 X1\n").size() == 1);
}
