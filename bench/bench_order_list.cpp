// Orders screen model at 100,000 postings: index build, recompute with the
// default query, with text search (Cyrillic and transliterated), with
// filters, and with each sort key. Prints "name value" lines (median of 5).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_support.h"
#include "core/order_list.h"

namespace {

constexpr core::EpochMs kMin = 60'000;
constexpr core::EpochMs kHour = 60 * kMin;
constexpr core::EpochMs kNow = 1'778'760'000'000;  // 2026-05-14 12:00 UTC
constexpr int kMoscow = 180;
constexpr std::size_t kPostings = 100'000;

using bench::median_ms;
using bench::Rng;

std::vector<core::Posting> generate() {
  static const char* const kNouns[] = {
      "Кружка", "Футболка", "Лампа настольная", "Чехол для телефона", "Наушники беспроводные",
      "Рюкзак", "Кроссовки", "Ёлка искусственная", "Сковорода", "Плед", "Зонт", "Термос",
      "Полотенце", "Подушка", "Носки", "Шапка", "Перчатки", "Зарядное устройство", "Кабель USB-C",
      "Игрушка мягкая", "Набор кистей", "Блокнот", "Ручка шариковая", "Часы наручные",
      "Сумка", "Кошелёк", "Очки солнцезащитные", "Тарелка", "Ложка чайная", "Нож кухонный"};
  static const char* const kAdjectives[] = {
      "керамическая", "синяя", "красная", "большая", "детская", "хлопковая", "стальная",
      "с принтом", "подарочная", "зимняя", "летняя", "чёрная", "белая", "зелёная", "складная",
      "премиум", "классическая", "компактная", "универсальная", "новогодняя"};
  static const core::PostingStatus kStatuses[] = {
      core::PostingStatus::awaiting_packaging, core::PostingStatus::awaiting_packaging,
      core::PostingStatus::awaiting_packaging, core::PostingStatus::awaiting_deliver,
      core::PostingStatus::awaiting_deliver,   core::PostingStatus::delivering,
      core::PostingStatus::delivering,         core::PostingStatus::delivered,
      core::PostingStatus::delivered,          core::PostingStatus::delivered,
      core::PostingStatus::cancelled,          core::PostingStatus::arbitration,
      core::PostingStatus::awaiting_registration, core::PostingStatus::acceptance_in_progress};
  static const char* const kWarehouses[] = {"Склад Москва", "Склад Казань", "Склад Шэньчжэнь rFBS"};
  static const char* const kMethods[] = {"Курьер Ozon", "Сдача в ПВЗ", "Самовывоз", "Почта России",
                                         "СДЭК", "Собственная доставка"};
  constexpr std::size_t kNounCount = sizeof(kNouns) / sizeof(kNouns[0]);
  constexpr std::size_t kAdjCount = sizeof(kAdjectives) / sizeof(kAdjectives[0]);
  constexpr std::size_t kStatusCount = sizeof(kStatuses) / sizeof(kStatuses[0]);

  Rng rng;
  std::vector<core::Posting> out;
  out.reserve(kPostings);
  for (std::size_t i = 0; i < kPostings; ++i) {
    core::Posting p;
    const std::uint64_t order = 40'000'000 + i / 2 * 7;
    char number[40];
    std::snprintf(number, sizeof number, "%llu-%04u", static_cast<unsigned long long>(order),
                  static_cast<unsigned>(i % 10000));
    p.order_number = number;
    p.posting_number = p.order_number + "-" + std::to_string(1 + i % 2);
    p.order_id = static_cast<std::int64_t>(order);
    p.status = kStatuses[rng.below(kStatusCount)];
    p.in_process_at = kNow - static_cast<core::EpochMs>(rng.below(72 * 60)) * kMin;
    p.shipment_date = kNow + (static_cast<core::EpochMs>(rng.below(6 * 24 * 60)) - 3 * 24 * 60) * kMin;
    const std::uint32_t warehouse = rng.below(3);
    const std::uint32_t method = warehouse * 2 + rng.below(2);
    p.delivery_method.warehouse_id = 1000 + warehouse;
    p.delivery_method.warehouse = kWarehouses[warehouse];
    p.delivery_method.id = 2000 + method;
    p.delivery_method.name = kMethods[method];
    p.delivery_schema = warehouse == 2 ? "RFBS" : "FBS";
    p.tpl_integration_type = warehouse == 2 ? "non_integrated" : "ozon";
    p.is_express = rng.below(20) == 0;
    if (p.status == core::PostingStatus::awaiting_deliver) p.tracking_number = "RP" + std::to_string(order) + "RU";
    const std::uint32_t count = 1 + rng.below(4);
    for (std::uint32_t k = 0; k < count; ++k) {
      core::PostingProduct product;
      const std::uint32_t noun = rng.below(kNounCount);
      const std::uint32_t adj = rng.below(kAdjCount);
      product.sku = 100'000'000 + noun * 100 + adj;
      product.offer_id = "OF-" + std::to_string(noun) + "-" + std::to_string(adj);
      product.name = std::string(kNouns[noun]) + " " + kAdjectives[adj];
      product.quantity = 1 + rng.below(3);
      product.price = {static_cast<std::int64_t>(1000 + rng.below(500000)), "RUB"};
      p.products.push_back(std::move(product));
    }
    if (rng.below(10) == 0) p.requirements.edit().mandatory_mark.push_back(p.products[0].sku);
    if (rng.below(30) == 0) p.requirements.edit().gtd.push_back(p.products[0].sku);
    p.available_actions = {"ship", "cancel"};
    out.push_back(std::move(p));
  }
  return out;
}

// Time a recompute after setting `query`; forces the filter/search pass by
// passing through a different search first.
double recompute_ms(core::OrderListModel& model, const core::OrderQuery& query, bool force_filter) {
  return median_ms(
      [&] {
        core::OrderQuery other = query;
        if (force_filter) other.search += " x";
        else other.ascending = !other.ascending;
        model.set_query(other);
        model.set_query(query);
      },
      [&] { model.recompute(kNow, kMoscow); });
}

}  // namespace

int main() {
  const std::vector<core::Posting> data = generate();
  core::OrderListModel model;

  std::vector<core::Posting> copy;
  const double build = median_ms(
      [&] {
        model.set_postings({});  // free the previous data outside the timing
        copy = data;
      },
      [&] { model.set_postings(std::move(copy)); });
  const double replace = median_ms([&] { copy = data; }, [&] { model.set_postings(std::move(copy)); });
  std::printf("order_list_postings %zu\n", model.size());
  std::printf("order_list_set_postings_ms %.1f\n", build);
  std::printf("order_list_replace_postings_ms %.1f\n", replace);  // includes freeing the old postings

  core::OrderQuery query;
  std::printf("order_list_recompute_ms %.1f\n", recompute_ms(model, query, true));
  std::printf("order_list_visible_rows %zu\n", model.visible_count());
  std::printf("order_list_recompute_minute_tick_ms %.1f\n",
              median_ms([] {}, [&] { model.recompute(kNow + kMin, kMoscow); }));

  query.search = "кружка";
  std::printf("order_list_recompute_search_cyrillic_ms %.1f\n", recompute_ms(model, query, true));
  std::printf("order_list_search_cyrillic_rows %zu\n", model.visible_count());
  query.search = "kruzhka";
  std::printf("order_list_recompute_search_translit_ms %.1f\n", recompute_ms(model, query, true));
  std::printf("order_list_search_translit_rows %zu\n", model.visible_count());
  query.search = "4000";  // digits: posting numbers and SKUs, many hits
  std::printf("order_list_recompute_search_digits_ms %.1f\n", recompute_ms(model, query, true));
  query.search = "kruzhka keramich 40001";
  std::printf("order_list_recompute_search_3_terms_ms %.1f\n", recompute_ms(model, query, true));

  query = {};
  query.warehouse_ids = {1002};
  query.schema = core::OrderQuery::Schema::rfbs;
  query.needs_marking_or_gtd_only = true;
  std::printf("order_list_recompute_filters_ms %.1f\n", recompute_ms(model, query, true));
  std::printf("order_list_filters_rows %zu\n", model.visible_count());
  query.search = "kruzhka";
  std::printf("order_list_recompute_filters_search_ms %.1f\n", recompute_ms(model, query, true));

  query = {};
  query.tab = core::Stage::delivered;
  std::printf("order_list_recompute_tab_delivered_ms %.1f\n", recompute_ms(model, query, true));
  std::printf("order_list_tab_delivered_rows %zu\n", model.visible_count());

  for (std::size_t k = 0; k < core::kOrderSortKeyCount; ++k) {
    for (const bool ascending : {true, false}) {
      core::OrderQuery sorted;
      sorted.sort_key = static_cast<core::OrderSortKey>(k);
      sorted.ascending = ascending;
      // Sort-only change (the filtered set is reused): the cost of clicking a header.
      const double ms = median_ms(
          [&] {
            core::OrderQuery other = sorted;
            other.ascending = !ascending;
            model.set_query(other);
            model.recompute(kNow, kMoscow);
            model.set_query(sorted);
          },
          [&] { model.recompute(kNow, kMoscow); });
      std::printf("order_list_sort_%s_%s_ms %.1f\n", std::string(core::sort_key_name(sorted.sort_key)).c_str(),
                  ascending ? "asc" : "desc", ms);
    }
  }

  // One posting changes (e.g. after ship), then the screen recomputes.
  core::Posting changed = data[12345];
  changed.status = core::PostingStatus::awaiting_deliver;
  model.set_query({});
  model.recompute(kNow, kMoscow);
  std::printf("order_list_upsert_us %.1f\n",
              1000.0 * median_ms([] {}, [&] { model.upsert(changed); }));
  std::printf("order_list_upsert_then_recompute_ms %.1f\n",
              median_ms([&] { model.upsert(changed); }, [&] { model.recompute(kNow, kMoscow); }));

  std::printf("order_list_index_bytes %zu\n", model.index_memory_bytes());
  std::printf("order_list_memory_bytes %zu\n", model.memory_bytes());
  std::printf("order_list_sizeof_posting %zu\n", sizeof(core::Posting));

  // Worst case: all 100,000 postings in one tab (every row visible and sorted).
  copy = data;
  for (core::Posting& p : copy) p.status = core::PostingStatus::awaiting_packaging;
  model.set_postings(std::move(copy));
  query = {};
  std::printf("order_list_one_tab_recompute_ms %.1f\n", recompute_ms(model, query, true));
  std::printf("order_list_one_tab_rows %zu\n", model.visible_count());
  query.sort_key = core::OrderSortKey::warehouse;
  std::printf("order_list_one_tab_sort_warehouse_ms %.1f\n", recompute_ms(model, query, false));
  query.sort_key = core::OrderSortKey::posting_number;
  query.ascending = false;
  std::printf("order_list_one_tab_sort_posting_number_desc_ms %.1f\n", recompute_ms(model, query, false));
  query = {};
  query.search = "kruzhka";
  std::printf("order_list_one_tab_search_translit_ms %.1f\n", recompute_ms(model, query, true));
  return 0;
}
