#include <doctest/doctest.h>

#include "core/box_split.h"

namespace {

core::Posting make_posting(std::vector<std::pair<std::int64_t, std::int64_t>> sku_qty) {
  core::Posting p;
  p.posting_number = "12345678-0001-1";
  p.status = core::PostingStatus::awaiting_packaging;
  for (auto [sku, qty] : sku_qty) {
    core::PostingProduct line;
    line.sku = sku;
    line.offer_id = "OFF-" + std::to_string(sku);
    line.quantity = qty;
    p.products.push_back(line);
  }
  return p;
}

bool has_kind(const std::vector<core::BoxProblem>& problems, core::BoxProblemKind kind) {
  for (const auto& p : problems)
    if (p.kind == kind) return true;
  return false;
}

}  // namespace

TEST_CASE("box split: single box holds everything and validates clean") {
  const auto posting = make_posting({{101, 2}, {202, 1}});
  const auto plan = core::single_box(posting);
  REQUIRE(plan.box_count() == 1);
  CHECK(plan.boxes[0] == std::vector<std::int64_t>{2, 1});
  CHECK(core::validate(posting, plan).empty());
  CHECK(core::total_items(posting) == 3);
  CHECK(plan.box_total(0) == 3);
  CHECK(plan.assigned(1) == 1);
}

TEST_CASE("box split: split_evenly spreads items and keeps lines together") {
  const auto posting = make_posting({{101, 3}, {202, 2}, {303, 2}});  // 7 items
  SUBCASE("three boxes: 3, 2, 2 items") {
    const auto plan = core::split_evenly(posting, 3);
    REQUIRE(plan.box_count() == 3);
    CHECK(plan.boxes[0] == std::vector<std::int64_t>{3, 0, 0});
    CHECK(plan.boxes[1] == std::vector<std::int64_t>{0, 2, 0});
    CHECK(plan.boxes[2] == std::vector<std::int64_t>{0, 0, 2});
    CHECK(core::validate(posting, plan).empty());
  }
  SUBCASE("two boxes: 4 and 3 items, a line may straddle") {
    const auto plan = core::split_evenly(posting, 2);
    CHECK(plan.boxes[0] == std::vector<std::int64_t>{3, 1, 0});
    CHECK(plan.boxes[1] == std::vector<std::int64_t>{0, 1, 2});
    CHECK(core::validate(posting, plan).empty());
  }
  SUBCASE("more boxes than items is clamped to one item per box") {
    const auto plan = core::split_evenly(posting, 50);
    CHECK(plan.box_count() == 7);
    for (std::size_t b = 0; b < plan.box_count(); ++b) CHECK(plan.box_total(b) == 1);
    CHECK(core::validate(posting, plan).empty());
  }
  SUBCASE("zero or negative box count means one box") {
    CHECK(core::split_evenly(posting, 0) == core::single_box(posting));
    CHECK(core::split_evenly(posting, -3) == core::single_box(posting));
  }
  SUBCASE("lines with zero quantity are skipped over") {
    const auto odd = make_posting({{1, 0}, {2, 2}, {3, 0}, {4, 1}});
    const auto plan = core::split_evenly(odd, 3);
    REQUIRE(plan.box_count() == 3);
    CHECK(plan.boxes[0] == std::vector<std::int64_t>{0, 1, 0, 0});
    CHECK(plan.boxes[1] == std::vector<std::int64_t>{0, 1, 0, 0});
    CHECK(plan.boxes[2] == std::vector<std::int64_t>{0, 0, 0, 1});
  }
}

TEST_CASE("box split: add, move and remove boxes") {
  const auto posting = make_posting({{101, 2}, {202, 1}});
  auto plan = core::single_box(posting);
  core::add_box(plan);
  REQUIRE(plan.box_count() == 2);
  CHECK(plan.boxes[1] == std::vector<std::int64_t>{0, 0});
  auto problems = core::validate(posting, plan);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] == core::BoxProblem{core::BoxProblemKind::empty_box, 1, -1, 0, 0});

  CHECK(core::move_one(plan, 0, 0, 1));
  CHECK(plan.boxes[0] == std::vector<std::int64_t>{1, 1});
  CHECK(plan.boxes[1] == std::vector<std::int64_t>{1, 0});
  CHECK(core::validate(posting, plan).empty());

  CHECK_FALSE(core::move_one(plan, 1, 1, 0));   // box 1 has none of line 1
  CHECK_FALSE(core::move_one(plan, 0, 0, 0));   // same box
  CHECK_FALSE(core::move_one(plan, 0, 0, 5));   // no such box
  CHECK_FALSE(core::move_one(plan, 9, 0, 1));   // no such line

  CHECK(core::remove_box(plan, 1));  // contents go back into box 0
  CHECK(plan.box_count() == 1);
  CHECK(plan.boxes[0] == std::vector<std::int64_t>{2, 1});
  CHECK_FALSE(core::remove_box(plan, 0));  // the last box stays
  CHECK_FALSE(core::remove_box(plan, 3));

  core::add_box(plan);
  CHECK(core::move_one(plan, 1, 0, 1));
  CHECK(core::remove_box(plan, 0));  // first box merges into the new first box
  CHECK(plan.boxes[0] == std::vector<std::int64_t>{2, 1});

  core::BoxPlan empty;
  core::add_box(empty, 3);
  CHECK(empty.boxes[0].size() == 3);
}

TEST_CASE("box split: validate reports every kind of problem") {
  const auto posting = make_posting({{101, 2}, {202, 1}});
  CHECK(core::validate(posting, core::BoxPlan{}) ==
        std::vector<core::BoxProblem>{{core::BoxProblemKind::no_boxes, -1, -1, 0, 0}});

  core::BoxPlan plan{{{3, -1}, {0, 0}}};
  const auto problems = core::validate(posting, plan);
  CHECK(has_kind(problems, core::BoxProblemKind::negative_quantity));
  CHECK(has_kind(problems, core::BoxProblemKind::empty_box));
  // line 0: ordered 2, assigned 3; line 1: ordered 1, assigned -1
  CHECK(std::count(problems.begin(), problems.end(),
                   core::BoxProblem{core::BoxProblemKind::quantity_mismatch, -1, 0, 2, 3}) == 1);
  CHECK(std::count(problems.begin(), problems.end(),
                   core::BoxProblem{core::BoxProblemKind::quantity_mismatch, -1, 1, 1, -1}) == 1);

  core::BoxPlan too_many{{{1, 0}, {1, 0}, {0, 1}, {0, 0}}};
  const auto many = core::validate(posting, too_many);
  CHECK(has_kind(many, core::BoxProblemKind::too_many_boxes));
  CHECK(has_kind(many, core::BoxProblemKind::empty_box));
  CHECK_FALSE(has_kind(many, core::BoxProblemKind::quantity_mismatch));

  core::BoxPlan ragged{{{2}, {0, 1}}};
  const auto r = core::validate(posting, ragged);
  CHECK(has_kind(r, core::BoxProblemKind::wrong_line_count));
  CHECK_FALSE(has_kind(r, core::BoxProblemKind::quantity_mismatch));  // missing cells count as 0
  CHECK(core::to_string(core::BoxProblemKind::too_many_boxes) == "too_many_boxes");
}

TEST_CASE("box split: to_packages uses SKUs, merges same-SKU lines per box, skips zeros") {
  // Two order lines with the same SKU (e.g. different prices).
  const auto posting = make_posting({{555, 2}, {777, 1}, {555, 1}});
  core::BoxPlan plan{{{2, 0, 1}, {0, 1, 0}}};
  REQUIRE(core::validate(posting, plan).empty());
  const auto packages = core::to_packages(posting, plan);
  REQUIRE(packages.size() == 2);
  CHECK(packages[0] == std::vector<std::pair<std::int64_t, std::int64_t>>{{555, 3}});
  CHECK(packages[1] == std::vector<std::pair<std::int64_t, std::int64_t>>{{777, 1}});

  const auto one = core::to_packages(posting, core::single_box(posting));
  REQUIRE(one.size() == 1);
  CHECK(one[0] == std::vector<std::pair<std::int64_t, std::int64_t>>{{555, 3}, {777, 1}});

  core::BoxPlan with_empty{{{2, 1, 1}, {0, 0, 0}}};
  CHECK(core::to_packages(posting, with_empty).size() == 1);
}
