// Stock screen at 10,000 products x 5 warehouses: table build, refresh with
// the default query, text search (Cyrillic and transliterated), each filter
// and each sort key; the push planner for 10,000 edits; open demand and
// shortages over 100,000 postings. Prints "name value" lines (median of 5).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "bench_support.h"
#include "core/stock_demand.h"
#include "core/stock_push.h"
#include "core/stock_table.h"

namespace {

constexpr core::EpochMs kNow = 1'778'760'000'000;  // 2026-05-14 12:00 UTC
constexpr core::EpochMs kMin = 60'000;
constexpr std::size_t kProducts = 10'000;
constexpr std::size_t kWarehouses = 5;
constexpr std::size_t kPostings = 100'000;

using bench::median_ms;
using bench::Rng;

const char* const kNouns[] = {"Кружка", "Футболка", "Лампа настольная", "Чехол для телефона", "Наушники",
                              "Рюкзак", "Кроссовки", "Ёлка искусственная", "Сковорода", "Плед", "Зонт",
                              "Термос", "Полотенце", "Подушка", "Носки", "Шапка", "Перчатки", "Кабель USB-C",
                              "Игрушка мягкая", "Блокнот", "Часы наручные", "Сумка", "Кошелёк", "Тарелка"};
const char* const kAdjectives[] = {"керамическая", "синяя", "красная", "большая", "детская", "хлопковая",
                                   "стальная", "с принтом", "подарочная", "зимняя", "чёрная", "белая",
                                   "складная", "премиум", "компактная", "новогодняя"};
const char* const kOwn[] = {"陶瓷杯", "T恤", "台灯", "手机壳", "耳机", "背包", "运动鞋", "圣诞树"};
const char* const kWarehouseNames[] = {"Склад Москва", "Склад Казань", "Склад Шэньчжэнь rFBS", "Склад Новосибирск",
                                       "Склад Екатеринбург"};
template <typename T, std::size_t N>
constexpr std::uint32_t count_of(const T (&)[N]) {
  return static_cast<std::uint32_t>(N);
}

struct Data {
  std::vector<core::StockProductInfo> products;
  std::vector<std::int64_t> warehouse_ids;
  std::vector<std::string> warehouse_names;
  std::vector<core::StockLine> lines;
};

Data generate_table() {
  Rng rng;
  Data d;
  for (std::size_t w = 0; w < kWarehouses; ++w) {
    d.warehouse_ids.push_back(static_cast<std::int64_t>(1000 + w));
    d.warehouse_names.emplace_back(kWarehouseNames[w]);
  }
  for (std::size_t p = 0; p < kProducts; ++p) {
    core::StockProductInfo info;
    info.product_id = static_cast<std::int64_t>(500'000 + p);
    info.sku = static_cast<std::int64_t>(1'400'000'000 + p * 7);
    const std::uint32_t noun = rng.below(count_of(kNouns));
    const std::uint32_t adj = rng.below(count_of(kAdjectives));
    info.offer_id = "OF-" + std::to_string(rng.below(100'000)) + "-" + std::to_string(p);
    info.name = std::string(kNouns[noun]) + " " + kAdjectives[adj] + " " + std::to_string(p % 97);
    if (rng.below(3) == 0) info.own_name = kOwn[noun % count_of(kOwn)];
    info.reorder_point = rng.below(4) == 0 ? 0 : rng.below(40);
    d.products.push_back(std::move(info));
    for (std::size_t w = 0; w < kWarehouses; ++w) {
      core::StockLine line;
      line.product = static_cast<std::uint32_t>(p);
      line.warehouse = static_cast<std::uint32_t>(w);
      line.present = rng.below(8) == 0 ? 0 : rng.below(200);
      line.reserved = std::min<std::int64_t>(line.present, rng.below(5));
      line.demand = rng.below(6) == 0 ? rng.below(30) : 0;
      line.short_by = std::max<std::int64_t>(0, line.demand - line.present);
      d.lines.push_back(line);
    }
  }
  return d;
}

std::vector<core::Posting> generate_postings() {
  static const core::PostingStatus kStatuses[] = {
      core::PostingStatus::awaiting_packaging, core::PostingStatus::awaiting_packaging,
      core::PostingStatus::awaiting_deliver,   core::PostingStatus::delivering,
      core::PostingStatus::delivered,          core::PostingStatus::cancelled};
  Rng rng;
  std::vector<core::Posting> out;
  out.reserve(kPostings);
  for (std::size_t i = 0; i < kPostings; ++i) {
    core::Posting p;
    p.posting_number = std::to_string(40'000'000 + i) + "-0001-1";
    p.status = kStatuses[rng.below(count_of(kStatuses))];
    p.shipment_date = rng.below(10) == 0 ? 0 : kNow + static_cast<core::EpochMs>(rng.below(3 * 24 * 60)) * kMin;
    p.delivery_method.warehouse_id = static_cast<std::int64_t>(1000 + rng.below(kWarehouses));
    const std::uint32_t count = 1 + rng.below(3);
    for (std::uint32_t k = 0; k < count; ++k) {
      core::PostingProduct product;
      const std::uint32_t index = rng.below(kProducts / 10);  // a hot tenth of the catalogue sells
      product.sku = static_cast<std::int64_t>(1'400'000'000 + index * 7);
      product.offer_id = "OF-" + std::to_string(index);
      product.quantity = 1 + rng.below(3);
      p.products.push_back(std::move(product));
    }
    out.push_back(std::move(p));
  }
  return out;
}

// Time refresh() for `query`; the setup first refreshes another text so the
// per-product text match runs again.
double refresh_ms(core::StockTable& table, const core::StockQuery& query) {
  return median_ms(
      [&] {
        core::StockQuery other = query;
        other.text += "~";
        table.set_query(other);
        table.refresh();
        table.set_query(query);
      },
      [&] { table.refresh(); });
}

}  // namespace

int main() {
  const Data data = generate_table();
  core::StockTable table;
  Data copy;
  const double assign = median_ms([&] { copy = data; },
                                  [&] {
                                    table.assign(std::move(copy.products), std::move(copy.warehouse_ids),
                                                 std::move(copy.warehouse_names), std::move(copy.lines));
                                  });
  std::printf("stock_table_lines %zu\n", table.lines().size());
  std::printf("stock_table_assign_ms %.1f\n", assign);

  core::StockQuery query;
  std::printf("stock_refresh_default_ms %.1f\n", refresh_ms(table, query));
  std::printf("stock_default_rows %zu\n", table.visible().size());
  query.text = "кружка";
  std::printf("stock_refresh_text_cyrillic_ms %.1f\n", refresh_ms(table, query));
  std::printf("stock_text_cyrillic_rows %zu\n", table.visible().size());
  query.text = "kruzhka";
  std::printf("stock_refresh_text_translit_ms %.1f\n", refresh_ms(table, query));
  std::printf("stock_text_translit_rows %zu\n", table.visible().size());

  const std::pair<const char*, core::StockFilter> filters[] = {
      {"short", core::StockFilter::short_only}, {"low", core::StockFilter::low}, {"zero", core::StockFilter::zero}};
  for (const auto& [name, filter] : filters) {
    query = {};
    query.filter = filter;
    std::printf("stock_refresh_filter_%s_ms %.1f\n", name, refresh_ms(table, query));
    std::printf("stock_filter_%s_rows %zu\n", name, table.visible().size());
  }

  const std::pair<const char*, core::StockSortKey> keys[] = {
      {"offer_id", core::StockSortKey::offer_id}, {"name", core::StockSortKey::name},
      {"warehouse", core::StockSortKey::warehouse}, {"present", core::StockSortKey::present},
      {"reserved", core::StockSortKey::reserved}, {"free", core::StockSortKey::free},
      {"demand", core::StockSortKey::demand},       {"short_by", core::StockSortKey::short_by}};
  for (const auto& [name, key] : keys) {
    core::StockQuery sorted;
    sorted.sort = key;
    sorted.descending = true;
    // A header click: only the order changes.
    const double ms = median_ms(
        [&] {
          core::StockQuery other = sorted;
          other.descending = false;
          table.set_query(other);
          table.refresh();
          table.set_query(sorted);
        },
        [&] { table.refresh(); });
    std::printf("stock_sort_%s_ms %.1f\n", name, ms);
  }

  // 10,000 edits, a fifth of them to pairs sent 10 s ago, with 20 calls already in the minute.
  std::vector<core::StockEdit> edits;
  core::StockPushHistory history;
  for (std::size_t i = 0; i < 10'000; ++i) {
    const core::StockProductInfo& p = data.products[i % kProducts];
    core::StockEdit e{p.offer_id, p.product_id, p.sku, static_cast<std::int64_t>(1000 + i % kWarehouses),
                      static_cast<std::int64_t>(i % 100)};
    if (i % 5 == 0) history.pair_sent_at[{e.product_id, e.warehouse_id}] = kNow - 10'000;
    edits.push_back(std::move(e));
  }
  for (int c = 0; c < 20; ++c) history.call_times.push_back(kNow - 30'000);
  core::StockPushPlan plan;
  std::printf("stock_push_plan_10k_ms %.2f\n",
              median_ms([] {}, [&] { plan = core::plan_stock_push(edits, history, kNow); }));
  std::printf("stock_push_plan_calls %zu\n", plan.calls.size());
  std::printf("stock_push_plan_waiting %zu\n", plan.waiting.size());

  const std::vector<core::Posting> postings = generate_postings();
  std::vector<core::StockRow> rows;
  for (const core::StockLine& l : data.lines) {
    const core::StockProductInfo& p = data.products[l.product];
    rows.push_back(core::StockRow{p.sku, p.product_id, p.offer_id, data.warehouse_ids[l.warehouse],
                                  data.warehouse_names[l.warehouse], l.present, l.reserved});
  }
  std::map<core::StockKey, core::StockDemand> demand;
  std::printf("open_demand_ms %.1f\n", median_ms([] {}, [&] { demand = core::open_demand(postings); }));
  std::printf("open_demand_keys %zu\n", demand.size());
  std::vector<core::Shortage> shortages;
  std::printf("shortages_ms %.1f\n", median_ms([] {}, [&] { shortages = core::shortages(demand, rows); }));
  std::printf("shortages_count %zu\n", shortages.size());
  return 0;
}
