#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/order_list.h"
#include "core/text_search.h"

namespace {

constexpr core::EpochMs kMin = 60'000;
constexpr core::EpochMs kHour = 60 * kMin;
constexpr core::EpochMs kNow = 1'778'760'000'000;  // 2026-05-14 12:00 UTC (15:00 Moscow)

core::PostingProduct product(std::int64_t sku, std::string offer, std::string name, std::int64_t qty) {
  core::PostingProduct p;
  p.sku = sku;
  p.offer_id = std::move(offer);
  p.name = std::move(name);
  p.quantity = qty;
  return p;
}

core::Posting posting(std::string number, core::PostingStatus status, core::EpochMs deadline,
                      std::int64_t warehouse, std::int64_t method) {
  core::Posting p;
  p.posting_number = number;
  p.order_number = number.substr(0, number.size() - 2);
  p.status = status;
  p.shipment_date = deadline;
  p.delivery_method.warehouse_id = warehouse;
  p.delivery_method.warehouse = warehouse == 1 ? "Склад Москва" : warehouse == 2 ? "Склад Казань" : "Склад Шэньчжэнь";
  p.delivery_method.id = method;
  p.delivery_method.name = method == 11 ? "Курьер Ozon" : method == 12 ? "Самовывоз" : "Почта России";
  p.delivery_schema = "FBS";
  return p;
}

// P1, P2, P4, P8 are in the packaging tab; the others in one tab each.
std::vector<core::Posting> sample() {
  using S = core::PostingStatus;
  std::vector<core::Posting> v;
  auto p1 = posting("1000-0001-1", S::awaiting_packaging, kNow + kHour, 1, 11);
  p1.products = {product(111, "KR-1", "Кружка керамическая", 2)};
  p1.in_process_at = kNow - 5 * kHour;
  p1.customer.edit().name = "Иван Петров";
  v.push_back(p1);

  auto p2 = posting("1000-0002-1", S::awaiting_packaging, kNow - kHour, 2, 12);
  p2.products = {product(222, "TSH-RED", "Футболка красная", 1), product(111, "KR-1", "Кружка керамическая", 1)};
  p2.in_process_at = kNow - 3 * kHour;
  p2.delivery_schema = "RFBS";
  p2.requirements.edit().mandatory_mark = {222};
  p2.is_express = true;
  v.push_back(p2);

  auto p3 = posting("1000-0003-1", S::awaiting_deliver, kNow + 5 * kHour, 1, 11);
  p3.products = {product(333, "LAMP", "Лампа настольная", 3)};
  p3.tracking_number = "TRK777";
  v.push_back(p3);

  auto p4 = posting("1000-0004-1", S::awaiting_registration, 0, 1, 13);
  p4.products = {product(444, "TREE", "Ёлка искусственная", 1)};
  p4.in_process_at = kNow - 10 * kHour;
  v.push_back(p4);

  auto p5 = posting("1000-0005-1", S::delivered, kNow - 48 * kHour, 2, 12);
  p5.products = {product(111, "KR-1", "Кружка керамическая", 1)};
  v.push_back(p5);

  auto p6 = posting("1000-0006-1", S::cancelled, kNow - 4 * kHour, 1, 11);
  p6.products = {product(555, "PLED", "Плед клетчатый", 1)};
  v.push_back(p6);

  auto p7 = posting("1000-0007-1", S::arbitration, kNow - 30 * kHour, 1, 11);
  p7.products = {product(666, "ZONT", "Зонт", 1)};
  v.push_back(p7);

  auto p8 = posting("1000-0008-1", S::awaiting_packaging, kNow + kHour, 1, 11);
  p8.products = {product(777, "TERMOS", "Термос стальной", 5)};
  p8.requirements.edit().gtd = {777};
  p8.barcodes.edit().upper_barcode = "OZN123456789";
  v.push_back(p8);
  return v;
}

std::vector<std::string> rows(const core::OrderListModel& m) {
  std::vector<std::string> out;
  for (std::size_t r = 0; r < m.visible_count(); ++r) {
    const std::string& n = m.at(r).posting_number;
    out.push_back(n.substr(5, 4));  // "0001"
  }
  return out;
}

using Rows = std::vector<std::string>;

struct Fixture {
  core::OrderListModel model;
  Fixture() {
    model.set_postings(sample());
    model.recompute(kNow, 180);
  }
  Rows query(core::OrderQuery q) {
    model.set_query(std::move(q));
    model.recompute(kNow, 180);
    return rows(model);
  }
  Rows search(const std::string& text, core::Stage tab = core::Stage::awaiting_packaging) {
    core::OrderQuery q;
    q.search = text;
    q.tab = tab;
    return query(q);
  }
  Rows sorted(core::OrderSortKey key, bool ascending) {
    core::OrderQuery q;
    q.sort_key = key;
    q.ascending = ascending;
    return query(q);
  }
};

}  // namespace

TEST_CASE("order list: default query shows the packaging tab, most urgent first") {
  Fixture f;
  CHECK(f.model.size() == 8);
  CHECK_FALSE(f.model.stale());
  CHECK(rows(f.model) == Rows{"0002", "0001", "0008", "0004"});  // overdue, tie by number, no deadline last
  CHECK(f.model.risk_at(0) == core::Risk::overdue);
  CHECK(f.model.risk_at(1) == core::Risk::under_2h);
  CHECK(f.model.risk_at(3) == core::Risk::none);
  CHECK(f.model.risk_counts() == core::RiskCounts{1, 2, 0});
  const auto counts = f.model.tab_counts();
  CHECK(counts == std::array<int, core::kStageCount>{4, 1, 0, 1, 1, 1, 0});
  CHECK(f.model.risks().size() == 8);

  // Out-of-range rows are harmless.
  CHECK(f.model.at(99).posting_number.empty());
  CHECK(f.model.risk_at(99) == core::Risk::none);
  CHECK(f.model.risk_of_index(99) == core::Risk::none);
  CHECK(f.model.find("1000-0003-1")->tracking_number == "TRK777");
  CHECK(f.model.find("nope") == nullptr);
  CHECK(f.model.index_of("nope") == core::OrderListModel::kNotFound);
}

TEST_CASE("order list: risk counts follow the clock and the tab") {
  Fixture f;
  f.model.recompute(kNow + 90 * kMin, 180);  // P1/P8 now overdue too
  CHECK(f.model.risk_counts() == core::RiskCounts{3, 0, 0});
  f.model.recompute(kNow - 150 * kMin, 180);  // 12:30 Moscow: P2 is 1.5 h away, P1/P8 3.5 h (today)
  CHECK(f.model.risk_counts() == core::RiskCounts{0, 1, 2});
  core::OrderQuery q;
  q.tab = core::Stage::awaiting_shipment;
  f.model.set_query(q);
  CHECK(f.model.stale());
  f.model.recompute(kNow, 180);
  CHECK(rows(f.model) == Rows{"0003"});
  CHECK(f.model.risk_counts() == core::RiskCounts{0, 0, 1});
  q.tab = core::Stage::delivered;
  f.model.set_query(q);
  f.model.recompute(kNow, 180);
  CHECK(f.model.risk_counts() == core::RiskCounts{});
  CHECK(f.model.risk_at(0) == core::Risk::none);
}

TEST_CASE("order list: search by product name, transliteration, numbers, SKU, offer id") {
  Fixture f;
  CHECK(f.search("кружка") == Rows{"0002", "0001"});
  CHECK(f.search("КРУЖКА") == Rows{"0002", "0001"});
  CHECK(f.search("kruzhka") == Rows{"0002", "0001"});
  CHECK(f.search("KruZhka keramich") == Rows{"0002", "0001"});
  CHECK(f.model.tab_counts() == std::array<int, core::kStageCount>{2, 0, 0, 1, 0, 0, 0});  // + delivered P5
  CHECK(f.search("кружка 0002") == Rows{"0002"});      // terms in different fields
  CHECK(f.search("0002 футболка кружка") == Rows{"0002"});
  CHECK(f.search("111") == Rows{"0002", "0001"});      // SKU digits
  CHECK(f.search("tsh-red") == Rows{"0002"});          // offer id
  CHECK(f.search("ёлка") == Rows{"0004"});
  CHECK(f.search("елка") == Rows{"0004"});
  CHECK(f.search("elka iskusstv") == Rows{"0004"});
  CHECK(f.search("ivan") == Rows{"0001"});             // customer name, transliterated
  CHECK(f.search("ozn1234") == Rows{"0008"});          // barcode
  CHECK(f.search("кружка лампа").empty());
  CHECK(f.search("   ") == Rows{"0002", "0001", "0008", "0004"});

  // Order number / tracking number find the posting in another tab; counts say where.
  CHECK(f.search("1000-0003").empty());
  CHECK(f.model.tab_counts() == std::array<int, core::kStageCount>{0, 1, 0, 0, 0, 0, 0});
  CHECK(f.search("trk777", core::Stage::awaiting_shipment) == Rows{"0003"});
}

TEST_CASE("order list: filters") {
  Fixture f;
  core::OrderQuery q;
  q.warehouse_ids = {2};
  CHECK(f.query(q) == Rows{"0002"});
  CHECK(f.model.tab_counts() == std::array<int, core::kStageCount>{1, 0, 0, 1, 0, 0, 0});
  q.warehouse_ids = {1, 2};
  CHECK(f.query(q) == Rows{"0002", "0001", "0008", "0004"});
  q = {};
  q.delivery_method_ids = {11};
  CHECK(f.query(q) == Rows{"0001", "0008"});
  q.delivery_method_ids = {13, 12};
  CHECK(f.query(q) == Rows{"0002", "0004"});
  q = {};
  q.schema = core::OrderQuery::Schema::rfbs;
  CHECK(f.query(q) == Rows{"0002"});
  q.schema = core::OrderQuery::Schema::fbs;
  CHECK(f.query(q) == Rows{"0001", "0008", "0004"});
  q = {};
  q.needs_marking_or_gtd_only = true;
  CHECK(f.query(q) == Rows{"0002", "0008"});
  q = {};
  q.express_only = true;
  CHECK(f.query(q) == Rows{"0002"});
  q.warehouse_ids = {1};
  CHECK(f.query(q).empty());
  CHECK(f.model.risk_counts() == core::RiskCounts{});
  q = {};
  q.warehouse_ids = {1};
  q.search = "термос";
  q.needs_marking_or_gtd_only = true;
  CHECK(f.query(q) == Rows{"0008"});
}

TEST_CASE("order list: every sort key, both directions, stable ties") {
  Fixture f;
  using K = core::OrderSortKey;
  CHECK(f.sorted(K::deadline, true) == Rows{"0002", "0001", "0008", "0004"});
  CHECK(f.sorted(K::deadline, false) == Rows{"0001", "0008", "0002", "0004"});
  CHECK(f.sorted(K::posting_number, true) == Rows{"0001", "0002", "0004", "0008"});
  CHECK(f.sorted(K::posting_number, false) == Rows{"0008", "0004", "0002", "0001"});
  CHECK(f.sorted(K::order_date, true) == Rows{"0004", "0001", "0002", "0008"});  // P8 has no date: last
  CHECK(f.sorted(K::order_date, false) == Rows{"0002", "0001", "0004", "0008"});
  CHECK(f.sorted(K::status, true) == Rows{"0004", "0002", "0001", "0008"});  // registration before packaging
  CHECK(f.sorted(K::status, false) == Rows{"0002", "0001", "0008", "0004"});
  CHECK(f.sorted(K::warehouse, true) == Rows{"0002", "0001", "0008", "0004"});  // Казань < Москва
  CHECK(f.sorted(K::warehouse, false) == Rows{"0001", "0008", "0004", "0002"});
  CHECK(f.sorted(K::delivery_method, true) == Rows{"0001", "0008", "0004", "0002"});  // Курьер < Почта < Самовывоз
  CHECK(f.sorted(K::delivery_method, false) == Rows{"0002", "0004", "0001", "0008"});
  CHECK(f.sorted(K::items, true) == Rows{"0004", "0002", "0001", "0008"});  // 1, 2, 2, 5
  CHECK(f.sorted(K::items, false) == Rows{"0008", "0002", "0001", "0004"});
  CHECK(f.sorted(K::risk, true) == Rows{"0002", "0001", "0008", "0004"});
  CHECK(f.sorted(K::risk, false) == Rows{"0001", "0008", "0002", "0004"});  // none stays last
  for (std::size_t k = 0; k < core::kOrderSortKeyCount; ++k) {
    CHECK_FALSE(core::sort_key_name(static_cast<K>(k)).empty());
  }
  CHECK(core::sort_key_name(K::delivery_method) == "delivery_method");
}

TEST_CASE("order list: posting numbers sharing a long prefix sort by the full text") {
  core::OrderListModel m;
  std::vector<core::Posting> v;
  for (const char* n : {"12345678-0010-2", "12345678-0010-1", "12345678-0002-1", "1234567-0001-1"}) {
    v.push_back(posting(n, core::PostingStatus::awaiting_packaging, kNow, 1, 11));
  }
  m.set_postings(v);
  core::OrderQuery q;
  q.sort_key = core::OrderSortKey::posting_number;
  m.set_query(q);
  m.recompute(kNow, 0);
  CHECK(m.at(0).posting_number == "1234567-0001-1");
  CHECK(m.at(1).posting_number == "12345678-0002-1");
  CHECK(m.at(2).posting_number == "12345678-0010-1");
  CHECK(m.at(3).posting_number == "12345678-0010-2");
  q.ascending = false;
  m.set_query(q);
  m.recompute(kNow, 0);
  CHECK(m.at(0).posting_number == "12345678-0010-2");
  CHECK(m.at(3).posting_number == "1234567-0001-1");
  q.sort_key = core::OrderSortKey::deadline;  // all equal: ties by number ascending
  m.set_query(q);
  m.recompute(kNow, 0);
  CHECK(m.at(0).posting_number == "1234567-0001-1");
  CHECK(m.at(3).posting_number == "12345678-0010-2");
}

TEST_CASE("order list: filter options list every warehouse and delivery method") {
  Fixture f;
  const auto& wh = f.model.warehouses();
  REQUIRE(wh.size() == 2);
  CHECK(wh[0] == core::FilterOption{2, "Склад Казань", 2});
  CHECK(wh[1] == core::FilterOption{1, "Склад Москва", 6});
  const auto& dm = f.model.delivery_methods();
  REQUIRE(dm.size() == 3);
  CHECK(dm[0].name == "Курьер Ozon");
  CHECK(dm[0].count == 5);
  CHECK(dm[1].id == 13);
  CHECK(dm[2].id == 12);
  // Options ignore the current filter, so it can be widened again.
  core::OrderQuery q;
  q.warehouse_ids = {2};
  f.query(q);
  CHECK(f.model.warehouses().size() == 2);
  // A warehouse that disappears from the data leaves the list.
  f.model.remove("1000-0002-1");
  f.model.remove("1000-0005-1");
  f.model.recompute(kNow, 180);
  CHECK(f.model.warehouses().size() == 1);
  CHECK(f.model.delivery_methods().size() == 2);
}

TEST_CASE("order list: duplicates in set_postings keep the last one") {
  auto v = sample();
  auto again = v[0];
  again.status = core::PostingStatus::awaiting_deliver;
  v.push_back(again);
  core::OrderListModel m;
  m.set_postings(v);
  m.recompute(kNow, 180);
  CHECK(m.size() == 8);
  CHECK(m.tab_counts()[0] == 3);
  CHECK(m.tab_counts()[1] == 2);
}

TEST_CASE("order list: upsert and remove keep the index right") {
  Fixture f;
  // Shipping P1 moves it to the next tab.
  core::Posting p1 = *f.model.find("1000-0001-1");
  p1.status = core::PostingStatus::awaiting_deliver;
  f.model.upsert(p1);
  CHECK(f.model.size() == 8);
  CHECK(f.model.stale());
  CHECK(f.model.at(1).status == core::PostingStatus::awaiting_deliver);  // row data is fresh at once
  f.model.recompute(kNow, 180);
  CHECK(rows(f.model) == Rows{"0002", "0008", "0004"});
  CHECK(f.model.tab_counts()[1] == 2);
  CHECK(f.search("kruzhka", core::Stage::awaiting_shipment) == Rows{"0001"});

  // A changed product name is searchable; the old one is not.
  core::Posting p8 = *f.model.find("1000-0008-1");
  p8.products[0].name = "Кружка походная";
  f.model.upsert(p8);
  CHECK(f.search("термос").empty());
  CHECK(f.search("pokhodnaya") == Rows{"0008"});

  // A new posting.
  auto p9 = posting("1000-0009-1", core::PostingStatus::awaiting_packaging, kNow + 30 * kMin, 3, 14);
  p9.products = {product(999, "NEW", "Новинка", 1)};
  f.model.upsert(p9);
  CHECK(f.model.size() == 9);
  CHECK(f.search("") == Rows{"0002", "0009", "0008", "0004"});
  CHECK(f.model.warehouses().size() == 3);

  // Remove: the drawn rows stay valid before the recompute.
  CHECK(f.model.remove("1000-0002-1"));
  CHECK_FALSE(f.model.remove("1000-0002-1"));
  CHECK(f.model.find("1000-0002-1") == nullptr);
  CHECK(rows(f.model) == Rows{"0009", "0008", "0004"});
  for (const char* n : {"1000-0001-1", "1000-0003-1", "1000-0004-1", "1000-0005-1", "1000-0006-1",
                        "1000-0007-1", "1000-0008-1", "1000-0009-1"}) {
    CAPTURE(n);
    REQUIRE(f.model.find(n) != nullptr);
    CHECK(f.model.find(n)->posting_number == n);
  }
  f.model.recompute(kNow, 180);
  CHECK(rows(f.model) == Rows{"0009", "0008", "0004"});
  CHECK(f.model.tab_counts()[0] == 3);
  CHECK(f.search("футболка").empty());
}

TEST_CASE("order list: random upserts and removes agree with a brute-force model") {
  std::mt19937 rng(12345);
  const char* names[] = {"Кружка", "Чашка", "Лампа", "Плед", "Ёлка", "Cup", "杯子"};
  const core::PostingStatus statuses[] = {core::PostingStatus::awaiting_packaging,
                                          core::PostingStatus::awaiting_deliver,
                                          core::PostingStatus::delivered, core::PostingStatus::cancelled};
  auto make = [&](int n) {
    auto p = posting("77-" + std::to_string(n) + "-1", statuses[rng() % 4],
                     kNow + static_cast<core::EpochMs>(rng() % 1000) * kMin, 1 + rng() % 3, 11 + rng() % 3);
    p.tracking_number = std::string(100, static_cast<char>('a' + rng() % 26));  // garbage to compact
    const int count = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < count; ++k) {
      p.products.push_back(product(1000 + rng() % 50, "OF" + std::to_string(rng() % 50), names[rng() % 7], 1));
    }
    return p;
  };
  core::OrderListModel m;
  std::vector<core::Posting> truth;
  for (int i = 0; i < 200; ++i) truth.push_back(make(i));
  m.set_postings(truth);
  for (int step = 0; step < 4000; ++step) {
    const int n = static_cast<int>(rng() % 400);
    const std::string number = "77-" + std::to_string(n) + "-1";
    auto it = std::find_if(truth.begin(), truth.end(), [&](const core::Posting& p) { return p.posting_number == number; });
    if (rng() % 3 == 0) {
      CHECK(m.remove(number) == (it != truth.end()));
      if (it != truth.end()) truth.erase(it);
    } else {
      core::Posting p = make(n);
      m.upsert(p);
      if (it != truth.end()) *it = p;
      else truth.push_back(p);
    }
  }
  REQUIRE(m.size() == truth.size());
  for (const core::Posting& p : truth) {
    const core::Posting* found = m.find(p.posting_number);
    REQUIRE(found != nullptr);
    CHECK(found->tracking_number == p.tracking_number);
  }
  for (const char* text : {"кружка", "chashka", "cup 杯子", "of1", "ёлка", "77-1"}) {
    CAPTURE(text);
    core::OrderQuery q;
    q.search = text;
    q.sort_key = core::OrderSortKey::posting_number;
    m.set_query(q);
    m.recompute(kNow, 0);
    std::vector<std::string> expected;
    const auto terms = core::search_terms(text);
    for (const core::Posting& p : truth) {
      if (core::stage_of(p.status) != core::Stage::awaiting_packaging) continue;
      std::string hay;
      core::append_search_field(hay, p.posting_number);
      core::append_search_field(hay, p.order_number);
      core::append_search_field(hay, p.tracking_number);
      for (const auto& pr : p.products) {
        core::append_search_field(hay, pr.offer_id);
        core::append_search_field(hay, std::to_string(pr.sku));
        core::append_search_field(hay, pr.name);
      }
      if (core::contains_all(hay, terms)) expected.push_back(p.posting_number);
    }
    std::sort(expected.begin(), expected.end());
    std::vector<std::string> got;
    for (std::size_t r = 0; r < m.visible_count(); ++r) got.push_back(m.at(r).posting_number);
    CHECK(got == expected);
  }
  CHECK(m.index_memory_bytes() > 0);
  CHECK(m.memory_bytes() > m.index_memory_bytes());
}

TEST_CASE("order list: needs-marking helper ignores weight alone") {
  core::Posting p;
  CHECK_FALSE(core::needs_marking_or_gtd(p));
  p.requirements.edit().weight = {1};
  CHECK_FALSE(core::needs_marking_or_gtd(p));
  for (int k = 0; k < 6; ++k) {
    core::Posting q;
    auto& r = q.requirements.edit();
    std::vector<std::int64_t>* lists[] = {&r.gtd, &r.country, &r.mandatory_mark, &r.rnpt, &r.jw_uin, &r.imei};
    lists[k]->push_back(5);
    CHECK(core::needs_marking_or_gtd(q));
  }
}

TEST_CASE("order list: stores side by side, a store filter, counts per store, one store replaced") {
  core::OrderListModel list;
  auto in = [](core::Posting p, const char* store) {
    p.store_id = store;
    return p;
  };
  list.set_postings({in(posting("A-1", core::PostingStatus::awaiting_packaging, kNow + 3 * kHour, 1, 10), "a"),
                     in(posting("B-1", core::PostingStatus::awaiting_packaging, kNow + 1 * kHour, 2, 20), "b"),
                     in(posting("B-2", core::PostingStatus::delivered, kNow - 9 * kHour, 2, 20), "b"),
                     in(posting("A-2", core::PostingStatus::awaiting_packaging, kNow + 2 * kHour, 1, 10), "a")});
  list.recompute(kNow, 180);
  REQUIRE(list.visible_count() == 3);  // every store, by deadline
  CHECK(list.at(0).posting_number == "B-1");
  CHECK(list.at(1).posting_number == "A-2");
  REQUIRE(list.store_counts().size() == 2);
  CHECK(list.store_counts()[0] == core::StoreCount{"a", 2, 2});
  CHECK(list.store_counts()[1] == core::StoreCount{"b", 2, 1});

  core::OrderQuery query = list.query();
  query.store_ids = {"a"};
  list.set_query(query);
  list.recompute(kNow, 180);
  REQUIRE(list.visible_count() == 2);
  CHECK(list.at(0).posting_number == "A-2");
  CHECK(list.tab_counts()[static_cast<std::size_t>(core::Stage::awaiting_packaging)] == 2);
  CHECK(list.store_counts()[1] == core::StoreCount{"b", 2, 1});  // the filter does not hide the other store's count

  // A refresh of store b: its postings replaced, store a's untouched.
  list.replace_store("b", {posting("B-3", core::PostingStatus::awaiting_packaging, kNow + 4 * kHour, 2, 20)});
  query.store_ids = {};
  list.set_query(query);
  list.recompute(kNow, 180);
  CHECK(list.size() == 3);
  CHECK(list.find("B-1") == nullptr);
  REQUIRE(list.find("B-3") != nullptr);
  CHECK(list.find("B-3")->store_id == "b");
  CHECK(list.store_view("a").size() == 2);

  // A re-read posting carries no store: it stays in its own.
  list.upsert(posting("A-1", core::PostingStatus::awaiting_deliver, kNow + 3 * kHour, 1, 10));
  CHECK(list.find("A-1")->store_id == "a");
}
