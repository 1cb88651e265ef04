// The demo store's chats with buyers: generated from its postings (what a
// buyer asks depends on where the order stands), the buyer messages that keep
// arriving, and when the seller may write.
#include <cstdio>
#include <deque>

#include "sandbox/api.h"

namespace sandbox {
namespace {

// Where the posting stands, for what its buyer asks.
enum class Stage { open, on_way, delivered, cancelled };

Stage stage_of(const Posting& p) {
  if (is_cancelled(p.status)) return Stage::cancelled;
  if (p.status == "delivered") return Stage::delivered;
  if (p.status == "delivering" || p.status == "driver_pickup" || p.status == "sent_by_seller" ||
      p.status == "not_accepted" || p.status == "arbitration" || p.status == "client_arbitration")
    return Stage::on_way;
  return Stage::open;
}

// A conversation: the buyer's lines at even places, the seller's at odd ones.
struct Script {
  Stage stage;
  const char* lines[3];
};

constexpr Script kScripts[] = {
    {Stage::open,
     {"Здравствуйте! Подскажите, когда отправите заказ? Хотелось бы получить до выходных.",
      "Здравствуйте! Соберём и передадим заказ в доставку сегодня до 18:00.", "Отлично, спасибо!"}},
    {Stage::open,
     {"Добрый день! Можно изменить адрес доставки? Я переехала на соседнюю улицу.",
      "Добрый день! Адрес в заказе мы изменить не можем, но пункт выдачи можно поменять в приложении Ozon, "
      "пока заказ не передан в доставку.",
      "Поняла, попробую через приложение."}},
    {Stage::open,
     {"Здравствуйте, я заказал чёрный цвет, а можно заменить на синий?",
      "Здравствуйте! Заменить цвет в оформленном заказе нельзя. Можно отменить заказ и оформить новый с нужным "
      "цветом.",
      "Хорошо, тогда оставлю как есть."}},
    {Stage::open,
     {"Добрый вечер! Подскажите, размер M подойдёт на рост 176 см?",
      "Добрый вечер! Да, размер M рассчитан на рост от 170 до 178 см, таблица размеров есть в карточке товара.",
      "Спасибо, тогда жду."}},
    {Stage::open,
     {"Можно ли отправить сегодня? Очень нужно к понедельнику, это подарок.",
      "Постараемся передать заказ в доставку сегодня. Точную дату доставки покажет приложение после отправки.",
      "Спасибо большое!"}},
    {Stage::on_way,
     {"Здравствуйте! Где мой заказ? Статус не меняется уже третий день.",
      "Здравствуйте! Заказ передан в доставку, статус обновится в течение суток. Приносим извинения за ожидание.",
      "Спасибо, буду ждать."}},
    {Stage::on_way,
     {"Трек-номер не отслеживается, подскажите, где посылка?",
      "Проверили: посылка в пути, сейчас в сортировочном центре. Доставка ожидается через 2 дня.",
      "Понял, спасибо."}},
    {Stage::delivered,
     {"Добрый день! Товар не подошёл по размеру, как оформить возврат?",
      "Добрый день! Оформите возврат в приложении Ozon: \"Мои заказы\", выберите товар и нажмите \"Вернуть\".",
      "Спасибо, оформила."}},
    {Stage::delivered,
     {"Здравствуйте, товар пришёл с повреждением: на корпусе трещина. Что делать?",
      "Здравствуйте! Нам очень жаль. Оформите, пожалуйста, возврат с причиной \"брак\", деньги вернём полностью.",
      "Хорошо, сейчас оформлю."}},
    {Stage::delivered,
     {"Всё пришло, спасибо! Очень довольна покупкой.", "Спасибо! Будем рады видеть вас снова.", nullptr}},
    {Stage::delivered,
     {"Подскажите, можно мыть в посудомоечной машине?",
      "Здравствуйте! Да, можно, при температуре не выше 60 градусов.", "Спасибо за ответ!"}},
    {Stage::cancelled,
     {"Почему отменили мой заказ? Я ведь уже оплатил.",
      "Здравствуйте! К сожалению, товар закончился на складе. Деньги вернутся на карту в течение 3 рабочих дней.",
      "Жаль, ну ладно."}},
};

// What a buyer writes later (unread follow-ups and arrivals), by stage.
constexpr const char* kFollowUps[4][4] = {
    {"Есть новости по отправке?", "Подскажите, уже собрали заказ?", "Здравствуйте! Заказ уже передали в доставку?",
     "А можно положить в посылку чек?"},
    {"Где мой заказ? Уже должен был прийти.", "Курьер не позвонил, как быть?",
     "Подскажите, когда примерно доставят?", "Посылка застряла в сортировочном центре, можете уточнить?"},
    {"Как вернуть товар, если упаковка вскрыта?", "Можно обменять на другой размер?",
     "Подскажите, есть ли гарантия на этот товар?", "Спасибо, всё получил! Есть ли у вас такой же, но больше?"},
    {"Можно оформить заказ заново по той же цене?", "Когда вернутся деньги за отменённый заказ?",
     "Товар снова появится в продаже?", "Здравствуйте, почему заказ отменён?"},
};

constexpr core::EpochMs kWriteAfterDelivery = 72 * kHour;
constexpr core::EpochMs kAnswerWindow = 48 * kHour;
constexpr std::uint64_t kMessageIdBase = 3'000'000'000'000'000'000ULL;
constexpr std::uint64_t kHighMessageIdBase = 9'300'000'000'000'000'000ULL;  // above 2^63

std::int64_t block_of(std::uint64_t seed) {
  return static_cast<std::int64_t>((seed - Marketplace::kDemoSeed0) % Marketplace::kSeedBlocks);
}

// The posting left the seller's writing window at (0 = it has not).
core::EpochMs window_closed_at(const Posting& p) {
  if (is_cancelled(p.status)) return p.status_changed_at;
  if (p.status == "delivered") return p.status_changed_at + kWriteAfterDelivery;
  return 0;
}

}  // namespace

std::string demo_uuid(Rng& rng, std::uint64_t seed) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08llx-%04llx-7%03llx-8%03llx-%012llx",
                static_cast<unsigned long long>(0x01930000 + rng.below(0x10000)),
                static_cast<unsigned long long>(rng.below(0x10000)), static_cast<unsigned long long>(rng.below(0x1000)),
                static_cast<unsigned long long>(block_of(seed)),
                static_cast<unsigned long long>(rng.below(0x1000000000000ULL)));
  return buf;
}

Chat* Marketplace::State::chat(std::string_view id) {
  for (auto& c : chats)
    if (c.id == id) return &c;
  return nullptr;
}

bool Marketplace::State::seller_may_write(const Chat& c, core::EpochMs now, std::string* why) const {
  auto it = posting_index.find(c.posting_number);
  if (it == posting_index.end()) return true;
  const Posting& p = postings[it->second];
  const core::EpochMs closed = window_closed_at(p);
  if (closed == 0 || now <= closed) return true;
  // After the window: only answers, within 48 h of the buyer's last message.
  for (auto m = c.messages.rbegin(); m != c.messages.rend(); ++m)
    if (m->user_type == "customer") {
      if (now - m->created_at <= kAnswerWindow) return true;
      break;
    }
  *why = is_cancelled(p.status)
             ? "CHAT_SEND_NOT_ALLOWED: order " + c.order_number +
                   " is cancelled, and the buyer has not written in the last 48 hours"
             : "CHAT_SEND_NOT_ALLOWED: order " + c.order_number +
                   " was delivered more than 72 hours ago, and the buyer has not written in the last 48 hours";
  return false;
}

std::uint64_t Marketplace::State::add_buyer_message(Chat& c, std::string text, core::EpochMs now) {
  if (text.empty()) {
    const Posting* p = find(c.posting_number);
    const int stage = static_cast<int>(p ? stage_of(*p) : Stage::open);
    text = kFollowUps[stage][message_rng.below(4)];
  }
  ChatMessage m;
  c.next_message_id += static_cast<std::uint64_t>(message_rng.range(1, 90'000));
  m.id = c.next_message_id;
  m.user_type = "customer";
  m.user_id = c.buyer_id;
  m.created_at = std::max(now, c.messages.empty() ? now : c.messages.back().created_at);
  m.text = std::move(text);
  m.is_read = false;
  c.messages.push_back(std::move(m));
  return c.next_message_id;
}

void Marketplace::State::arrive_messages(core::EpochMs now) {
  constexpr core::EpochMs kMinGap = Marketplace::kMessageMinGapMs, kMaxGap = Marketplace::kMessageMaxGapMs;
  if (!arrivals_on) {
    next_message_at = now + kMinGap;
    return;
  }
  if (now - next_message_at > 2 * kDay) next_message_at = now - 2 * kDay;
  std::deque<core::EpochMs> due;
  while (next_message_at <= now) {
    due.push_back(next_message_at);
    if (due.size() > static_cast<std::size_t>(Marketplace::kMaxArrivalsPerCall)) due.pop_front();
    next_message_at += message_clock_rng.range(kMinGap / 1000, kMaxGap / 1000) * 1000;
  }
  for (core::EpochMs t : due) {
    // Buyers write in open chats about orders still in the seller's window.
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < chats.size(); ++i) {
      const Posting* p = find(chats[i].posting_number);
      if (chats[i].status == "Opened" && p && window_closed_at(*p) == 0) open.push_back(i);
    }
    if (open.empty()) return;
    add_buyer_message(chats[open[message_rng.index(open.size())]], {}, t);
  }
}

void Marketplace::State::generate_chats(core::EpochMs now) {
  Rng g(seed ^ 0xc4a75ULL);
  const auto block = static_cast<std::uint64_t>(block_of(seed));
  bool have_high = false, have_late_delivered = false, have_late_cancelled = false;
  std::uint64_t chat_no = 0;
  for (const Posting& p : postings) {
    const Stage stage = stage_of(p);
    const core::EpochMs closed = window_closed_at(p);
    // One chat past the writing window for each way of leaving it: the seller may not write there.
    const bool late_delivered = !have_late_delivered && stage == Stage::delivered && p.status_changed_at < now - 5 * kDay;
    const bool late_cancelled = !have_late_cancelled && stage == Stage::cancelled && p.status_changed_at < now - 4 * kDay;
    const double share = stage == Stage::open ? 0.16 : stage == Stage::on_way ? 0.3 : stage == Stage::delivered ? 0.3 : 0.15;
    if (!late_delivered && !late_cancelled && !g.chance(share)) continue;
    if (chats.size() >= 90) break;
    have_late_delivered = have_late_delivered || late_delivered;
    have_late_cancelled = have_late_cancelled || late_cancelled;

    std::vector<const Script*> fit;
    for (const auto& s : kScripts)
      if (s.stage == stage) fit.push_back(&s);
    const Script& script = *fit[g.index(fit.size())];
    Chat c;
    c.id = demo_uuid(g, seed);
    c.posting_number = p.number;
    c.order_number = p.order_number;
    c.sku = p.items.empty() ? 0 : p.items[g.index(p.items.size())].sku;
    c.buyer_id = std::to_string(p.has_customer ? p.customer.id : 40'000'000 + static_cast<std::int64_t>(g.below(50'000'000)));
    // One prominent chat (an order to pack) has ids above 2^63: the console keeps them as uint64.
    const bool high = !have_high && stage == Stage::open;
    have_high = have_high || high;
    c.next_message_id = (high ? kHighMessageIdBase : kMessageIdBase) + block * 1'000'000'000'000'000ULL +
                        chat_no++ * 1'000'000'000ULL + g.below(1'000'000);

    // The conversation: past the window only for the two late chats, else
    // within reach of an answer (the buyer wrote in the last 48 h).
    int lines = script.lines[2] ? 3 : 2;
    const bool waiting = !late_delivered && !late_cancelled && g.chance(0.4);  // the buyer's question is unanswered
    if (waiting) lines = 1;
    core::EpochMs t;
    if (late_delivered || late_cancelled) t = p.status_changed_at + g.range(2, 20) * kHour;
    else if (closed != 0 && closed < now) t = now - g.range(4, 40) * kHour;
    else if (stage == Stage::open) t = std::max(p.in_process_at + 5 * kMin, now - g.range(1, 8) * kHour);
    else t = std::max(p.delivering_date, p.status_changed_at) + g.range(1, 30) * kHour;
    t = std::min(t, now - 3 * kHour);
    c.created_at = t;
    for (int i = 0; i < lines; ++i) {
      ChatMessage m;
      c.next_message_id += g.range(1, 90'000);
      m.id = c.next_message_id;
      const bool buyer = i % 2 == 0;
      m.user_type = buyer ? "customer" : "seller";
      m.user_id = buyer ? c.buyer_id : "seller";
      m.text = script.lines[i];
      m.created_at = t;
      t += g.range(3, 50) * kMin;
      c.messages.push_back(std::move(m));
    }
    if (waiting) {
      c.messages.back().is_read = false;
      if (g.chance(0.4)) {
        ChatMessage m = c.messages.back();
        c.next_message_id += g.range(1, 90'000);
        m.id = c.next_message_id;
        m.text = kFollowUps[static_cast<int>(stage)][g.below(4)];
        m.created_at = t;
        c.messages.push_back(std::move(m));
      }
    }
    if (stage == Stage::delivered && !waiting && !late_delivered && g.chance(0.15)) c.status = "Closed";
    chats.push_back(std::move(c));
  }
  next_message_at = now + message_clock_rng.range(Marketplace::kMessageMinGapMs / 1000,
                                                  Marketplace::kMessageMaxGapMs / 1000) * 1000;
}

}  // namespace sandbox
