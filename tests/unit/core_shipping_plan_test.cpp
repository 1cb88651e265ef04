#include <doctest/doctest.h>

#include "core/shipping_plan.h"

namespace {

constexpr core::EpochMs kDay0 = 1778716800000;  // 2026-05-14 00:00 UTC
constexpr std::int64_t kHour = 3'600'000;
constexpr int kMoscow = 180;

core::DeliveryMethod method(std::int64_t id, std::int64_t warehouse, std::string name,
                            std::string cutoff, int cutoff_minutes = -1) {
  core::DeliveryMethod m;
  m.id = id;
  m.warehouse_id = warehouse;
  m.name = std::move(name);
  m.cutoff = std::move(cutoff);
  m.cutoff_minutes = cutoff_minutes;
  return m;
}

core::Posting posting(std::string number, core::PostingStatus status, std::int64_t method_id,
                      std::int64_t warehouse, core::EpochMs shipment_date) {
  core::Posting p;
  p.posting_number = std::move(number);
  p.status = status;
  p.delivery_method.id = method_id;
  p.delivery_method.warehouse_id = warehouse;
  p.delivery_method.warehouse = "WH-" + std::to_string(warehouse);
  p.delivery_method.name = "posting-side name " + std::to_string(method_id);
  p.shipment_date = shipment_date;
  return p;
}

core::PostingProduct line(std::int64_t sku, std::string offer, std::string name, std::int64_t qty) {
  core::PostingProduct l;
  l.sku = sku;
  l.offer_id = std::move(offer);
  l.name = std::move(name);
  l.quantity = qty;
  return l;
}

}  // namespace

TEST_CASE("shipping plan: next cutoff in the seller's local time") {
  const core::EpochMs noon_msk = kDay0 + 9 * kHour;  // 12:00 in Moscow
  CHECK(core::next_cutoff_after(noon_msk, 14 * 60, kMoscow) == kDay0 + 11 * kHour);
  CHECK(core::next_cutoff_after(noon_msk, 10 * 60, kMoscow) == kDay0 + 31 * kHour);  // tomorrow
  CHECK(core::next_cutoff_after(noon_msk, 12 * 60, kMoscow) == kDay0 + 33 * kHour);  // exactly now -> tomorrow
  // 23:30 UTC on the 13th is already the 14th in Beijing (07:30 local).
  CHECK(core::next_cutoff_after(kDay0 - kHour / 2, 9 * 60, 480) == kDay0 + kHour);
  // Negative offsets and times before 1970 keep working (floor division).
  CHECK(core::next_cutoff_after(kDay0, 0, -300) == kDay0 + 5 * kHour);
  CHECK(core::next_cutoff_after(-1, 0, 0) == 0);
  CHECK(core::next_cutoff_after(kDay0, 24 * 60, 0) == -1);
  CHECK(core::next_cutoff_after(kDay0, -1, 0) == -1);
}

TEST_CASE("shipping plan: groups by warehouse and method, sorted by next cutoff") {
  const core::EpochMs now = kDay0 + 9 * kHour;  // 12:00 MSK
  const std::vector<core::DeliveryMethod> methods = {
      method(1, 10, "Courier A", "14:00"),     // today 11:00 UTC
      method(2, 10, "Courier B", "", 600),     // 10:00 MSK passed -> tomorrow 07:00 UTC
      method(3, 20, "Pickup C", "13:00:00"),   // today 10:00 UTC
      method(4, 20, "Broken", "soon"),         // no usable cutoff
  };
  using S = core::PostingStatus;
  const std::vector<core::Posting> postings = {
      posting("100-1-1", S::awaiting_packaging, 1, 10, now - kHour),       // overdue
      posting("100-1-2", S::awaiting_packaging, 1, 10, now + kHour),       // before cutoff
      posting("100-1-3", S::awaiting_deliver, 1, 10, now + 5 * kHour),     // after cutoff
      posting("100-1-4", S::delivering, 1, 10, now - kHour),               // not counted
      posting("100-2-1", S::awaiting_packaging, 2, 10, now + 10 * kHour),  // before tomorrow's
      posting("100-3-1", S::awaiting_deliver, 3, 20, 0),                   // no date
      posting("100-3-2", S::cancelled, 3, 20, now),                        // not counted
      posting("100-9-1", S::awaiting_packaging, 9, 30, now + 2 * kHour),   // unknown method
      posting("100-4-1", S::awaiting_packaging, 4, 20, now + 30 * kHour),
  };
  const auto plan = core::shipping_plan(postings, methods, now, kMoscow);
  REQUIRE(plan.size() == 5);

  CHECK(plan[0].delivery_method_id == 3);
  CHECK(plan[0].delivery_method_name == "Pickup C");
  CHECK(plan[0].warehouse_id == 20);
  CHECK(plan[0].warehouse_name == "WH-20");
  CHECK(plan[0].to_pack == 0);
  CHECK(plan[0].packed_waiting == 1);
  CHECK(plan[0].next_cutoff == kDay0 + 10 * kHour);
  CHECK(plan[0].remaining_ms == kHour);
  CHECK(plan[0].due_before_cutoff == 0);

  const auto& a = plan[1];
  CHECK(a.delivery_method_id == 1);
  CHECK(a.has_cutoff);
  CHECK(a.cutoff_minutes == 14 * 60);
  CHECK(a.to_pack == 2);
  CHECK(a.packed_waiting == 1);
  CHECK(a.next_cutoff == kDay0 + 11 * kHour);
  CHECK(a.remaining_ms == 2 * kHour);
  CHECK(a.due_before_cutoff == 2);
  CHECK(a.overdue == 1);
  CHECK(a.posting_numbers == std::vector<std::string>{"100-1-1", "100-1-2", "100-1-3"});

  CHECK(plan[2].delivery_method_id == 2);
  CHECK(plan[2].next_cutoff == kDay0 + 31 * kHour);
  CHECK(plan[2].remaining_ms == 22 * kHour);
  CHECK(plan[2].due_before_cutoff == 1);

  // Groups without a usable cutoff come last, by warehouse then method.
  CHECK(plan[3].delivery_method_id == 4);
  CHECK_FALSE(plan[3].has_cutoff);
  CHECK(plan[3].remaining_ms == 0);
  CHECK(plan[3].due_before_cutoff == 0);  // 30 h away
  CHECK(plan[4].delivery_method_id == 9);
  CHECK(plan[4].delivery_method_name == "posting-side name 9");
  CHECK(plan[4].due_before_cutoff == 1);  // within 24 h
  CHECK(plan[4].to_pack == 1);

  CHECK(core::shipping_plan({}, methods, now, kMoscow).empty());
}

TEST_CASE("shipping plan: same method id at two warehouses forms two groups") {
  const core::EpochMs now = kDay0;
  const std::vector<core::DeliveryMethod> methods = {method(1, 10, "X", "10:00")};
  using S = core::PostingStatus;
  const auto plan = core::shipping_plan(
      {posting("1-1-1", S::awaiting_packaging, 1, 10, 0), posting("1-1-2", S::awaiting_packaging, 1, 0, 0)},
      methods, now, 0);
  // The second posting has no warehouse id: it falls back to the method's.
  REQUIRE(plan.size() == 1);
  CHECK(plan[0].to_pack == 2);
  const auto two = core::shipping_plan(
      {posting("1-1-1", S::awaiting_packaging, 1, 10, 0), posting("1-1-2", S::awaiting_packaging, 1, 11, 0)},
      methods, now, 0);
  CHECK(two.size() == 2);
}

TEST_CASE("pick list: merges by SKU across postings, sorted by offer_id") {
  core::Posting p1 = posting("200-1-1", core::PostingStatus::awaiting_packaging, 1, 10, 0);
  p1.products = {line(11, "TEA-01", "Green tea", 2), line(22, "MUG-RED", "Red mug", 1),
                 line(11, "TEA-01", "Green tea", 1)};
  core::Posting p2 = posting("200-2-1", core::PostingStatus::awaiting_packaging, 1, 10, 0);
  p2.products = {line(22, "MUG-RED", "Red mug", 3), line(33, "", "No offer", 1)};
  core::Posting p3 = posting("200-3-1", core::PostingStatus::awaiting_packaging, 1, 10, 0);
  p3.products = {line(0, "LOOSE", "No SKU", 1)};

  const auto list = core::pick_list({&p1, &p2, nullptr, &p3, &p1});  // p1 twice counts once
  CHECK(list.posting_count == 3);
  CHECK(list.total_quantity == 9);
  REQUIRE(list.rows.size() == 4);
  CHECK(list.rows[0].offer_id == "");
  CHECK(list.rows[0].sku == 33);
  CHECK(list.rows[1].offer_id == "LOOSE");
  CHECK(list.rows[2].offer_id == "MUG-RED");
  CHECK(list.rows[2].quantity == 4);
  CHECK(list.rows[2].posting_numbers == std::vector<std::string>{"200-1-1", "200-2-1"});
  CHECK(list.rows[3].offer_id == "TEA-01");
  CHECK(list.rows[3].sku == 11);
  CHECK(list.rows[3].name == "Green tea");
  CHECK(list.rows[3].quantity == 3);
  CHECK(list.rows[3].posting_numbers == std::vector<std::string>{"200-1-1"});

  CHECK(core::pick_list({}).rows.empty());
}

TEST_CASE("pick list text: TSV with header, rows and total") {
  core::Posting p1 = posting("200-1-1", core::PostingStatus::awaiting_packaging, 1, 10, 0);
  p1.products = {line(11, "TEA-01", "Green\ttea\n(100 g)", 2), line(33, "", "No offer", 1)};
  core::Posting p2 = posting("200-2-1", core::PostingStatus::awaiting_packaging, 1, 10, 0);
  p2.products = {line(11, "TEA-01", "Green tea", 1)};
  const auto list = core::pick_list({&p1, &p2});
  CHECK(core::pick_list_text(list) ==
        "offer_id\tname\tquantity\tpostings\n"
        "33\tNo offer\t1\t200-1-1\n"
        "TEA-01\tGreen tea (100 g)\t3\t200-1-1, 200-2-1\n"
        "total\t\t4\t2\n");

  core::PickListTextOptions options;
  options.title = "Склад 1, cutoff 14:00";
  options.header_offer_id = "Артикул";
  options.header_name = "Название";
  options.header_quantity = "Кол-во";
  options.header_postings = "Отправления";
  options.total_label = "";
  options.separator = ';';
  options.posting_separator = " ";
  CHECK(core::pick_list_text(list, options) ==
        "Склад 1, cutoff 14:00\n"
        "Артикул;Название;Кол-во;Отправления\n"
        "33;No offer;1;200-1-1\n"
        "TEA-01;Green tea (100 g);3;200-1-1 200-2-1\n");
}
