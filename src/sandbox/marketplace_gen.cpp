// Deterministic generation of the demo store from a seed.
#include <algorithm>
#include <cstdio>
#include <deque>

#include "sandbox/marketplace_state.h"

namespace sandbox {
namespace {

constexpr core::EpochMs kMin = 60'000;
constexpr core::EpochMs kHour = 60 * kMin;
constexpr core::EpochMs kDay = 24 * kHour;
constexpr core::EpochMs kMoscowOffset = 3 * kHour;

struct BaseProduct {
  const char* prefix;
  const char* name;
  const char* variants[4];
  std::int64_t min_rub, max_rub;
  int weight_g;
  bool mark, gtd, country;
};

constexpr BaseProduct kBases[] = {
    {"MUG", "Кружка керамическая", {"300 мл", "350 мл", "450 мл", "с крышкой 400 мл"}, 290, 990, 420, false, false, false},
    {"CASE", "Чехол для телефона", {"iPhone 15", "Samsung Galaxy A55", "Redmi Note 13", "iPhone 13"}, 199, 890, 60, false, true, true},
    {"TOOL", "Набор отвёрток", {"6 предметов", "12 предметов", "24 предмета", "прецизионный 32 в 1"}, 450, 2490, 650, false, false, false},
    {"TSH", "Футболка хлопковая", {"размер S", "размер M", "размер L", "размер XL"}, 690, 1990, 200, true, false, false},
    {"SHOE", "Кроссовки беговые", {"размер 39", "размер 41", "размер 43", "размер 45"}, 2990, 8990, 900, true, true, true},
    {"THRM", "Термос стальной", {"0,5 л", "0,75 л", "1 л", "с кружкой 1,2 л"}, 790, 2990, 700, false, false, false},
    {"BAG", "Рюкзак городской", {"15 л", "20 л", "25 л", "для ноутбука 15,6\""}, 1490, 4990, 800, false, true, true},
    {"LAMP", "Настольная лампа светодиодная", {"5 Вт", "8 Вт", "с беспроводной зарядкой", "на прищепке"}, 990, 3490, 900, false, false, false},
    {"TWL", "Полотенце махровое", {"50x90 см", "70x140 см", "100x150 см", "набор 3 шт."}, 390, 1790, 500, true, false, false},
    {"CBL", "Кабель USB Type-C", {"1 м", "2 м", "3 м", "магнитный 1 м"}, 190, 890, 80, false, true, true},
    {"PERF", "Туалетная вода", {"30 мл", "50 мл", "100 мл", "подарочный набор"}, 1290, 6990, 300, true, true, true},
    {"PAN", "Сковорода антипригарная", {"20 см", "24 см", "26 см", "28 см с крышкой"}, 890, 3990, 1200, false, false, false},
    {"TOY", "Конструктор детский", {"120 деталей", "350 деталей", "560 деталей", "магнитный 64 детали"}, 590, 4590, 700, false, false, false},
    {"PWR", "Внешний аккумулятор", {"10000 мАч", "20000 мАч", "30000 мАч", "с быстрой зарядкой 10000 мАч"}, 1190, 4490, 350, false, true, true},
};

constexpr const char* kColors[] = {"чёрный", "белый", "серый", "синий", "красный", "зелёный", "бежевый", "розовый"};

constexpr const char* kFirstNames[] = {"Анна", "Мария", "Екатерина", "Ольга", "Дмитрий", "Сергей", "Алексей",
                                       "Ирина", "Наталья", "Андрей", "Татьяна", "Михаил"};
constexpr const char* kLastNamesM[] = {"Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов"};
constexpr const char* kStreets[] = {"ул. Баумана", "ул. Пушкина", "пр. Победы", "ул. Чистопольская",
                                    "ул. Гагарина", "ул. Декабристов", "ул. Кремлёвская"};

struct StatusCount {
  const char* status;
  int count;
};
constexpr StatusCount kStatusCounts[] = {
    {"awaiting_packaging", 130}, {"awaiting_deliver", 100}, {"delivering", 70}, {"delivered", 100},
    {"cancelled", 35},           {"not_accepted", 10},      {"arbitration", 10}, {"client_arbitration", 5},
    {"acceptance_in_progress", 10}, {"awaiting_registration", 8}, {"awaiting_approve", 5},
    {"driver_pickup", 8},        {"sent_by_seller", 6},     {"awaiting_verification", 3},
};

std::string pad(std::int64_t v, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*lld", width, static_cast<long long>(v));
  return buf;
}

constexpr const char* kFbsCities[][2] = {{"Москва", "Москва"},
                                          {"Московская область", "Химки"},
                                          {"Санкт-Петербург", "Санкт-Петербург"},
                                          {"Ленинградская область", "Всеволожск"},
                                          {"Тверская область", "Тверь"}};

// Numbers of a seed's block (see Marketplace::kSeedBlocks): order numbers
// 10000000 + block * kOrderBlock .. + kOrderBlock - 1; the generated ones
// start in the first kOrderSpread of it, arrivals follow them.
constexpr std::int64_t kOrderBlock = 1'000'000;
constexpr std::int64_t kOrderSpread = 400'000;
constexpr std::int64_t kProductIdBlock = 100'000;  // 200 products * 137 + 100 fit
constexpr std::int64_t kSkuBlock = 2'000'000;      // 200 products * 7919 + 5000 fit

std::int64_t seed_block(std::uint64_t seed) {
  return static_cast<std::int64_t>((seed - Marketplace::kDemoSeed0) % Marketplace::kSeedBlocks);
}

// `t` rounded up to a multiple of 5 minutes: deadlines on round times.
core::EpochMs ceil5(core::EpochMs t) {
  constexpr core::EpochMs k = 5 * kMin;
  return (t % k == 0) ? t : t + (k - ((t % k) + k) % k);
}

// A working-day deadline for an open (or awaiting_deliver) posting at `now`;
// `bucket` is uniform in 0..99: 4% overdue by 1..6 h, 6% due within 2 h,
// 45% in 2..10 h, the rest in 14..48 h; express within 0..3 h.
core::EpochMs working_day_deadline(std::uint64_t bucket, bool express, core::EpochMs now, Rng& times) {
  const core::EpochMs base = ceil5(now);
  constexpr core::EpochMs k5 = 5 * kMin;
  if (express) return base + times.range(0, 36) * k5;
  if (bucket < 4) return base - times.range(12, 72) * k5;
  if (bucket < 10) return base + times.range(2, 22) * k5;
  if (bucket < 55) return base + times.range(24, 120) * k5;
  return base + times.range(14 * 12, 48 * 12) * k5;
}

void fill_customer(Customer& c, Rng& rng) {
  c.id = 70000000 + static_cast<std::int64_t>(rng.below(9000000));
  const char* first = kFirstNames[rng.below(12)];
  std::string last = kLastNamesM[rng.below(7)];
  bool female = std::string(first) == "Анна" || std::string(first) == "Мария" ||
                std::string(first) == "Екатерина" || std::string(first) == "Ольга" ||
                std::string(first) == "Ирина" || std::string(first) == "Наталья" ||
                std::string(first) == "Татьяна";
  if (female) last += "а";
  c.name = last + " " + first;
  c.phone = "+79" + pad(static_cast<std::int64_t>(rng.below(1000000000)), 9);
  c.city = "Казань";
  c.region = "Республика Татарстан";
  c.zip = "420" + pad(static_cast<std::int64_t>(rng.below(200)), 3);
  c.address_tail = std::string(kStreets[rng.below(7)]) + ", д. " + std::to_string(rng.range(1, 120)) +
                   ", кв. " + std::to_string(rng.range(1, 300));
  c.comment = rng.chance(0.3) ? "Позвонить за час до доставки" : "";
}

const char* substatus_for(const std::string& s) {
  if (s == "awaiting_registration") return "posting_awaiting_registration";
  if (s == "acceptance_in_progress") return "posting_acceptance_in_progress";
  if (s == "awaiting_approve" || s == "awaiting_packaging") return "posting_created";
  if (s == "awaiting_verification") return "posting_awaiting_verification";
  if (s == "awaiting_deliver") return "posting_transferring_to_delivery";
  if (s == "delivering") return "posting_in_carriage";
  if (s == "driver_pickup") return "posting_on_way_to_pickup_point";
  if (s == "delivered") return "posting_delivered";
  if (s == "cancelled") return "posting_canceled";
  if (s == "not_accepted") return "posting_not_in_carriage";
  if (s == "arbitration") return "posting_in_arbitration";
  if (s == "client_arbitration") return "posting_in_client_arbitration";
  if (s == "sent_by_seller") return "posting_sent_by_seller";
  if (s == "cancelled_from_split_pending") return "posting_split_pending";
  return "";
}

}  // namespace

const char* posting_substatus(const std::string& status) { return substatus_for(status); }

void Marketplace::State::add_posting(Posting p) {
  if (p.substatus.empty()) p.substatus = substatus_for(p.status);
  posting_index[p.number] = postings.size();
  postings.push_back(std::move(p));
}

Posting* Marketplace::State::find(std::string_view number) {
  auto it = posting_index.find(std::string(number));
  return it == posting_index.end() ? nullptr : &postings[it->second];
}

const Warehouse* Marketplace::State::warehouse(std::int64_t id) const {
  for (const auto& w : warehouses)
    if (w.id == id) return &w;
  return nullptr;
}

const DeliveryMethod* Marketplace::State::method(std::int64_t id) const {
  for (const auto& m : methods)
    if (m.id == id) return &m;
  return nullptr;
}

const Product* Marketplace::State::product(std::int64_t sku) const {
  auto it = product_by_sku.find(sku);
  return it == product_by_sku.end() ? nullptr : &products[it->second];
}

Product* Marketplace::State::product_mut(std::int64_t sku) {
  auto it = product_by_sku.find(sku);
  return it == product_by_sku.end() ? nullptr : &products[it->second];
}

bool Marketplace::State::is_rfbs(const Posting& p) const {
  const Warehouse* w = warehouse(warehouse_of(p));
  return w && w->is_rfbs;
}

bool Marketplace::State::reserves(const Posting& p) {
  return p.status == "awaiting_packaging" || p.status == "awaiting_deliver";
}

std::int64_t Marketplace::State::warehouse_of(const Posting& p) const {
  const DeliveryMethod* m = method(p.delivery_method_id);
  return m ? m->warehouse_id : 0;
}

std::int64_t Marketplace::State::reserved(std::int64_t sku, std::int64_t warehouse_id) const {
  std::int64_t r = 0;
  for (const auto& p : postings) {
    if (!reserves(p) || warehouse_of(p) != warehouse_id) continue;
    for (const auto& it : p.items)
      if (it.sku == sku) r += it.quantity;
  }
  return r;
}

Marketplace::State::StockAt Marketplace::State::stock_at(const Product& product, std::int64_t warehouse_id) const {
  const auto it = product.available.find(warehouse_id);
  StockAt out;
  out.reserved = reserved(product.sku, warehouse_id);
  // Never below 0: units of the seeded shortage that leave with a hand-over were not on the shelf.
  out.present = std::max<std::int64_t>(0, (it == product.available.end() ? 0 : it->second) + out.reserved);
  return out;
}

void Marketplace::State::free_units(const Posting& p, const std::vector<Item>& items) {
  if (!reserves(p)) return;
  const std::int64_t wh = warehouse_of(p);
  for (const auto& it : items)
    if (Product* pr = product_mut(it.sku)) pr->available[wh] += it.quantity;
}

void Marketplace::State::generate(core::EpochMs now) {
  // Warehouses and delivery methods.
  warehouses = {
      {1020000089564000, "Москва, склад Северный", false, "DropOff"},
      {1020000091734000, "Санкт-Петербург, склад Парнас", false, "Pickup"},
      {1020000123456000, "Казань, склад продавца (rFBS)", true, "DropOff"},
  };
  methods = {
      {1020000089564001, "Ozon Логистика, Москва", 1020000089564000, 24, "Ozon Логистика", 14 * 60, "ozon", 1440},
      {1020000089564002, "Ozon Экспресс, Москва", 1020000089564000, 24, "Ozon Логистика", 11 * 60, "ozon", 120},
      {1020000091734001, "Ozon Логистика, Санкт-Петербург", 1020000091734000, 24, "Ozon Логистика", 16 * 60, "ozon", 1440},
      {1020000091734002, "Ozon Логистика курьером, Санкт-Петербург", 1020000091734000, 24, "Ozon Логистика", 12 * 60, "ozon", 1440},
      {1020000123456001, "Доставка силами продавца, Казань", 1020000123456000, 0, "Доставка продавца", 18 * 60, "non_integrated", 2880},
      {1020000123456002, "Почта России (rFBS), Казань", 1020000123456000, 1, "Почта России", 15 * 60, "non_integrated", 2880},
  };

  reasons = {
      {352, "Товар закончился на складе продавца", "seller", true, true},
      {400, "Остался только бракованный товар", "seller", true, true},
      {401, "Отмена из арбитража", "seller", false, false},
      {402, "Другое (ошибка сервиса)", "seller", true, true},
      {665, "Покупатель не забрал заказ", "buyer", false, false},
      {666, "Возврат из службы доставки: нет доставки в указанный регион", "seller", false, false},
      {667, "Заказ утерян службой доставки", "seller", false, false},
      {684, "Покупатель отменил заказ", "buyer", false, false},
  };

  const std::int64_t block = seed_block(seed);
  // The extra demo stores (demo_seed(1), (2), ...) have their own warehouse
  // and delivery-method ids (a seller's are theirs alone on Ozon), so they can
  // be listed side by side; every other seed keeps the ids tests know.
  const std::uint64_t demo_index = seed - demo_seed(0);
  if (seed > demo_seed(0) && demo_index < 80) {
    const std::int64_t offset = static_cast<std::int64_t>(demo_index) * 100'000'000'000LL;
    for (auto& w : warehouses) w.id += offset;
    for (auto& m : methods) {
      m.id += offset;
      m.warehouse_id += offset;
    }
  }
  // Deadline and in_process_at details: their own stream, so the main one
  // (and every product, posting and item it makes) is as before.
  Rng times(seed ^ 0x7173e5ULL);
  Rng handover(seed ^ 0x4a4d0fULL);  // hand-over on time or late

  // Products.
  constexpr int kProducts = 200;
  constexpr int kBaseCount = static_cast<int>(sizeof(kBases) / sizeof(kBases[0]));
  int per_prefix[kBaseCount] = {};
  for (int i = 0; i < kProducts; ++i) {
    int b = static_cast<int>(rng.below(kBaseCount));
    const BaseProduct& base = kBases[b];
    ++per_prefix[b];
    Product p;
    p.product_id = 310000000 + block * kProductIdBlock + i * 137 + static_cast<std::int64_t>(rng.below(100));
    p.sku = 1400000000 + block * kSkuBlock + i * 7919 + static_cast<std::int64_t>(rng.below(5000));
    p.offer_id = std::string(base.prefix) + "-" + pad(per_prefix[b] * 7 + static_cast<int>(rng.below(7)), 4);
    p.color = kColors[rng.below(8)];
    p.name = std::string(base.name) + " " + base.variants[rng.below(4)] + ", " + p.color;
    std::string twelve = "460" + pad(static_cast<std::int64_t>(rng.below(1000000000)), 9);
    p.barcode = twelve + static_cast<char>('0' + ean13_check_digit(twelve));
    std::int64_t rub = rng.range(base.min_rub / 10, base.max_rub / 10) * 10 - 1;
    p.price_kop = rub * 100;
    p.old_price_kop = rng.chance(0.4) ? (rub * 13 / 10 / 10 * 10 + 9) * 100 : 0;
    p.weight_g = base.weight_g + static_cast<int>(rng.below(100));
    p.needs_mark = base.mark;
    p.needs_gtd = base.gtd && rng.chance(0.6);
    p.needs_country = base.country && !p.needs_gtd && rng.chance(0.3);
    p.archived = rng.chance(0.03);
    p.created_at = now - static_cast<core::EpochMs>(rng.range(30, 700)) * kDay;
    for (const auto& w : warehouses) p.available[w.id] = rng.chance(0.1) ? 0 : rng.range(1, 120);
    product_by_sku[p.sku] = products.size();
    products.push_back(std::move(p));
  }

  // Postings.
  std::vector<std::string> statuses;
  for (const auto& sc : kStatusCounts)
    for (int i = 0; i < sc.count; ++i) statuses.emplace_back(sc.status);
  for (std::size_t i = statuses.size(); i > 1; --i) std::swap(statuses[i - 1], statuses[rng.index(i)]);

  const core::EpochMs midnight_utc = now - ((now % kDay) + kDay) % kDay;
  // The seed's block of order numbers; the draw of the old spread is kept.
  const std::int64_t order_base =
      10000000 + block * kOrderBlock + static_cast<std::int64_t>(rng.below(80000000)) % kOrderSpread;
  std::int64_t exemplar_id = 5000000;
  for (std::size_t k = 0; k < statuses.size(); ++k) {
    Posting p;
    p.status = statuses[k];
    bool rfbs_only = p.status == "sent_by_seller" || p.status == "driver_pickup";
    std::size_t mi = rfbs_only ? 4 + rng.index(2) : rng.index(100) < 72 ? rng.index(4) : 4 + rng.index(2);
    const DeliveryMethod& dm = methods[mi];
    p.delivery_method_id = dm.id;
    bool rfbs = mi >= 4;
    std::int64_t order_no = order_base + static_cast<std::int64_t>(k) * 37 + static_cast<std::int64_t>(rng.below(30));
    p.order_number = pad(order_no, 8) + "-" + pad(static_cast<std::int64_t>(rng.range(1, 40)), 4);
    p.number = p.order_number + "-1";
    p.order_id = 30000000000 + order_no * 3;
    p.is_express = mi == 1;

    bool open = p.status == "awaiting_packaging" || p.status == "awaiting_registration" ||
                p.status == "acceptance_in_progress" || p.status == "awaiting_approve" ||
                p.status == "awaiting_verification";
    core::EpochMs cutoff_ms = dm.cutoff_minutes * kMin - kMoscowOffset;
    const bool timed = open || p.status == "awaiting_deliver";
    if (timed) {
      // Relative to now: a working day whatever its time of day.
      const std::uint64_t bucket = rng.below(100);
      // Draws of the earlier calendar-day scheme, kept for the main stream.
      if (open && rng.chance(0.06)) rng.range(1, 6);
      if (p.is_express) rng.range(-1, 3);
      p.shipment_date = working_day_deadline(bucket, p.is_express, now, times);
    } else {
      p.shipment_date = midnight_utc - rng.range(1, 14) * kDay + cutoff_ms;
    }
    p.in_process_at = p.shipment_date - rng.range(12, 60) * kHour + rng.range(0, 59) * kMin;
    // Processing started before now (15 min .. 10 h ago at the latest).
    if (timed) p.in_process_at = std::min(p.in_process_at, now - times.range(15, 600) * kMin);
    p.status_changed_at = std::min(now, p.in_process_at + rng.range(1, 10) * kHour);
    if (!open && p.status != "cancelled") {
      p.shipped_at = std::min(now - 10 * kMin, p.shipment_date - rng.range(1, 6) * kHour);
      if (p.status == "awaiting_deliver" && rng.chance(0.08)) p.shipped_at = now - rng.range(5, 40) * 1000;
    }
    if (p.status == "delivering" || p.status == "delivered" || p.status == "driver_pickup" ||
        p.status == "not_accepted" || p.status == "arbitration" || p.status == "client_arbitration" ||
        p.status == "sent_by_seller") {
      const core::EpochMs gap = rng.range(1, 5) * kHour;  // the main stream's draw, as before
      // Handed over by the deadline, about 4% late (their own stream): what the
      // rating's on-time rate and shipment delay count (api_numbers.cpp).
      const bool late = handover.chance(0.04);
      p.delivering_date =
          late ? p.shipment_date + gap : std::max(p.shipped_at + 30 * kMin, p.shipment_date - gap);
      p.status_changed_at = p.delivering_date;
    }

    int n_items = static_cast<int>(rng.below(100));
    n_items = n_items < 60 ? 1 : n_items < 85 ? 2 : n_items < 95 ? 3 : 4;
    for (int i = 0; i < n_items; ++i) {
      std::int64_t sku = products[rng.index(products.size())].sku;
      bool dup = false;
      for (const auto& it : p.items) dup = dup || it.sku == sku;
      if (dup) continue;
      int q = static_cast<int>(rng.below(100));
      p.items.push_back(Item{sku, q < 70 ? 1 : q < 90 ? 2 : 3, {}, {}});
    }
    bool needs_exemplars = false;
    for (auto& it : p.items) {
      const Product* pr = product(it.sku);
      needs_exemplars = needs_exemplars || pr->needs_mark || pr->needs_gtd || pr->needs_country;
    }
    if (needs_exemplars && p.shipped_at != 0) {
      // Already shipped: exemplars were filled in earlier.
      for (auto& it : p.items) {
        const Product* pr = product(it.sku);
        for (int q = 0; q < it.quantity; ++q) {
          Exemplar e;
          e.id = exemplar_id++;
          if (pr->needs_mark) e.mark = "0104600000" + pad(it.sku, 10) + "21" + pad(e.id, 8);
          if (pr->needs_gtd) e.gtd = "10702070/010126/" + pad(static_cast<std::int64_t>(rng.below(10000000)), 7);
          it.exemplars.push_back(e);
        }
      }
      p.exemplars_set_at = p.shipped_at - kHour;
    }

    if (rfbs) {
      p.has_customer = true;
      fill_customer(p.customer, rng);
      p.needs_cutoff = p.status == "awaiting_packaging" && rng.chance(0.3);
      if (p.status != "awaiting_packaging" && p.status != "cancelled" && p.status != "awaiting_deliver" &&
          rng.chance(0.8))
        p.tracking_number = "RA" + pad(static_cast<std::int64_t>(rng.below(1000000000)), 9) + "RU";
      p.region = "Республика Татарстан";
      p.city = "Казань";
    } else {
      std::size_t c = rng.index(5);
      p.region = kFbsCities[c][0];
      p.city = kFbsCities[c][1];
    }

    if (p.status == "cancelled") {
      std::size_t r = rng.index(reasons.size());
      p.has_cancellation = true;
      p.cancellation.reason_id = reasons[r].id;
      p.cancellation.reason = reasons[r].title;
      p.cancellation.initiator = reasons[r].type_id == "buyer" ? "Покупатель" : "Продавец";
      p.cancellation.affect_rating = reasons[r].affects_rating;
    }
    p.upper_barcode = "%101%" + pad(p.order_id, 12);
    p.lower_barcode = "2" + pad(order_no, 8) + pad(static_cast<std::int64_t>(k), 4);
    add_posting(std::move(p));
  }
  // Arrivals continue the block's order numbers; the first arrives 4..9 min from now.
  next_order_no = order_base + static_cast<std::int64_t>(statuses.size()) * 37 + 100;
  next_arrival_at =
      now + arrival_clock_rng.range(Marketplace::kArrivalMinGapMs / 1000, Marketplace::kArrivalMaxGapMs / 1000) * 1000;

  generate_buyers(now);
  seed_stock_shortage();
}

void Marketplace::State::seed_stock_shortage() {
  // One shortage for the Stock screen: the first product (in catalogue order)
  // with at least 2 units in open postings at an FBS warehouse had its stock
  // overwritten below that reserve by another tool (a stock update of 0
  // arriving after the orders). Ozon then shows present 1 under a reserve of
  // 2 or more: modelled as a negative available. A stock update of the pair
  // sets available again and ends the shortage. No RNG draw: the rest of the
  // store stays as the seed made it.
  for (auto& p : products) {
    if (p.archived) continue;
    for (const auto& w : warehouses) {
      if (w.is_rfbs) continue;
      const std::int64_t r = reserved(p.sku, w.id);
      if (r < 2) continue;
      p.available[w.id] = 1 - r;
      return;
    }
  }
}

void Marketplace::State::arrive(core::EpochMs now) {
  constexpr core::EpochMs kMinGap = Marketplace::kArrivalMinGapMs, kMaxGap = Marketplace::kArrivalMaxGapMs;
  if (!arrivals_on) {
    // Off: nothing arrives; the next one is due a gap after this call.
    next_arrival_at = now + kMinGap;
    return;
  }
  // A sandbox clock moved on by days: only the last two days are scheduled.
  if (now - next_arrival_at > 2 * kDay) next_arrival_at = now - 2 * kDay;
  std::deque<core::EpochMs> due;
  while (next_arrival_at <= now) {
    due.push_back(next_arrival_at);
    if (due.size() > static_cast<std::size_t>(Marketplace::kMaxArrivalsPerCall)) due.pop_front();
    next_arrival_at += arrival_clock_rng.range(kMinGap / 1000, kMaxGap / 1000) * 1000;
  }
  for (core::EpochMs t : due) add_arrival(t);
}

std::string Marketplace::State::add_arrival(core::EpochMs at) {
  Rng& r = arrival_rng;
  Posting p;
  p.status = "awaiting_packaging";
  const std::size_t mi = r.index(100) < 72 ? r.index(4) : 4 + r.index(2);
  const DeliveryMethod& dm = methods[mi];
  const std::int64_t wh = dm.warehouse_id;
  p.delivery_method_id = dm.id;
  p.is_express = mi == 1;

  // 1..3 items of products on sale with free stock at the warehouse; the
  // units move from available to reserved.
  const std::uint64_t n = r.below(100);
  const int n_items = n < 60 ? 1 : n < 88 ? 2 : 3;
  for (int i = 0; i < n_items; ++i) {
    const std::uint64_t qd = r.below(100);
    const int q = qd < 70 ? 1 : qd < 90 ? 2 : 3;
    for (int attempt = 0; attempt < 30; ++attempt) {
      Product& pr = products[r.index(products.size())];
      auto it = pr.available.find(wh);
      if (pr.archived || it == pr.available.end() || it->second < q) continue;
      bool dup = false;
      for (const auto& item : p.items) dup = dup || item.sku == pr.sku;
      if (dup) continue;
      it->second -= q;
      p.items.push_back(Item{pr.sku, q, {}, {}});
      break;
    }
  }
  if (p.items.empty()) return {};

  const std::int64_t order_no = next_order_no;
  next_order_no += r.range(1, 5);
  p.order_number = pad(order_no, 8) + "-" + pad(r.range(1, 40), 4);
  p.number = p.order_number + "-1";
  p.order_id = 30000000000 + order_no * 3;
  p.in_process_at = at;
  p.status_changed_at = at;
  // Working-day deadlines: 6..30 h ahead (express 1..3 h), on round 5 minutes.
  p.shipment_date = ceil5(at + (p.is_express ? r.range(12, 36) : r.range(72, 360)) * 5 * kMin);
  if (mi >= 4) {
    p.has_customer = true;
    fill_customer(p.customer, r);
    p.needs_cutoff = r.chance(0.3);
    p.region = "Республика Татарстан";
    p.city = "Казань";
  } else {
    const std::size_t c = r.index(5);
    p.region = kFbsCities[c][0];
    p.city = kFbsCities[c][1];
  }
  p.upper_barcode = "%101%" + pad(p.order_id, 12);
  p.lower_barcode = std::string("2").append(pad(order_no, 8)).append(  // appended: GCC 12 -O3 warns falsely on "lit" + string
      pad(static_cast<std::int64_t>(postings.size() % 10000), 4));
  std::string number = p.number;
  add_posting(std::move(p));
  return number;
}

}  // namespace sandbox
