#include <doctest/doctest.h>

#include "core/marking_form.h"

namespace {

core::MarkingForm form_with(std::int64_t product_id, int units, bool mark, bool gtd) {
  core::MarkingForm form;
  core::ExemplarProduct product;
  product.product_id = product_id;
  product.quantity = units;
  product.is_mandatory_mark_needed = mark;
  product.is_gtd_needed = gtd;
  for (int i = 0; i < units; ++i) {
    core::Exemplar e;
    e.exemplar_id = 100 + i;
    product.exemplars.push_back(e);
  }
  form.data.products.push_back(product);
  return form;
}

const std::string kCode1 = "0104600000000017215abcdefghijk";
const std::string kCode2 = "0104600000000017215zyxwvutsrqp";

}  // namespace

TEST_CASE("marking codes are told from plain barcodes") {
  CHECK(core::looks_like_marking_code(kCode1));
  CHECK_FALSE(core::looks_like_marking_code("4600000000017"));
  CHECK_FALSE(core::looks_like_marking_code("01ABCDEFGHIJKLMN21xyzxyz"));
  CHECK(core::valid_country_code("CN"));
  CHECK_FALSE(core::valid_country_code("cn"));
  CHECK_FALSE(core::valid_country_code("CHN"));
}

TEST_CASE("scanned marking codes fill the next empty unit, never twice") {
  core::PostingRequirements requirements;
  auto form = form_with(7, 2, true, false);
  CHECK(core::fill_next_mark(form, requirements, 7, kCode1) == core::MarkFill::filled);
  CHECK(core::fill_next_mark(form, requirements, 7, " " + kCode1 + "\r\n") == core::MarkFill::duplicate);
  CHECK(core::fill_next_mark(form, requirements, 7, kCode2) == core::MarkFill::filled);
  CHECK(core::mark_of(form.data.products[0].exemplars[0]) == kCode1);
  CHECK(core::mark_of(form.data.products[0].exemplars[1]) == kCode2);
  CHECK(core::fill_next_mark(form, requirements, 7, "0104600000000017215third00000") == core::MarkFill::no_empty_unit);
  CHECK(core::fill_next_mark(form, requirements, 8, "0104600000000017215other00000") == core::MarkFill::not_needed);
}

TEST_CASE("missing fields name the product, the unit and the field") {
  core::PostingRequirements requirements;
  requirements.country = {7};
  auto form = form_with(7, 2, true, true);
  auto missing = core::missing_fields(form, requirements);
  CHECK(missing == std::vector<std::string>{"7: country", "7 #1: mark", "7 #1: gtd", "7 #2: mark", "7 #2: gtd"});
  form.countries[7] = "CN";
  core::set_mark(form.data.products[0].exemplars[0], kCode1);
  core::set_mark(form.data.products[0].exemplars[1], "not a code");
  form.data.products[0].exemplars[0].gtd = "10702070/011125/0012345";
  form.data.products[0].exemplars[1].is_gtd_absent = true;
  CHECK(core::missing_fields(form, requirements) == std::vector<std::string>{"7 #2: mark"});
  core::set_mark(form.data.products[0].exemplars[1], kCode2);
  CHECK(core::missing_fields(form, requirements).empty());
}

TEST_CASE("Ozon's check is merged into the form and told in words") {
  auto form = form_with(7, 2, true, true);
  core::set_mark(form.data.products[0].exemplars[0], kCode1);
  core::set_mark(form.data.products[0].exemplars[1], kCode2);
  core::ExemplarData status = form.data;
  status.status = "ship_not_available";
  status.products[0].exemplars[0].marks[0].check_status = "passed";
  status.products[0].exemplars[0].gtd_check_status = "passed";
  status.products[0].exemplars[1].marks[0].check_status = "failed";
  status.products[0].exemplars[1].marks[0].error_codes = {"INVALID_MARK_FORMAT"};
  status.products[0].exemplars[1].gtd_check_status = "failed";
  // The status reply does not echo what was typed: the form keeps it.
  status.products[0].exemplars[1].marks[0].mark = "";
  core::merge_checks(form.data, status);
  CHECK(form.data.status == "ship_not_available");
  CHECK(core::mark_of(form.data.products[0].exemplars[1]) == kCode2);
  CHECK(form.data.products[0].exemplars[1].marks[0].check_status == "failed");
  form.data.products[0].exemplars[1].gtd = "123";
  CHECK(core::failed_checks(form.data) == std::vector<std::string>{"7 #2: INVALID_MARK_FORMAT, gtd"});
  // An empty field that failed is missing, not refused.
  form.data.products[0].exemplars[1].gtd = "";
  CHECK(core::failed_checks(form.data) == std::vector<std::string>{"7 #2: INVALID_MARK_FORMAT"});
  // Editing a code clears its old verdict.
  core::set_mark(form.data.products[0].exemplars[1], kCode1);
  CHECK(form.data.products[0].exemplars[1].marks[0].check_status.empty());
}
