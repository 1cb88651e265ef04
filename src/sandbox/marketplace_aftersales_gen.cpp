// The demo store's after-sales side, generated from its delivered postings:
// FBS returns, rFBS return requests in every state, and product reviews with
// their comments. Its own random stream: the postings stay as the seed made
// them.
#include <algorithm>

#include "sandbox/api.h"

namespace sandbox {
namespace {

std::int64_t block_of(std::uint64_t seed) {
  return static_cast<std::int64_t>((seed - Marketplace::kDemoSeed0) % Marketplace::kSeedBlocks);
}

// ---- FBS returns ------------------------------------------------------------------

constexpr std::int64_t kReturnIdBlock = 10'000;
constexpr const char* kReturnReasons[] = {"Не подошёл размер", "Товар с браком", "Не соответствует описанию",
                                          "Не подошёл цвет", "Передумал"};
struct VisualStatus {
  int id;
  const char* sys;
  const char* name;
};
constexpr VisualStatus kVisualStatuses[] = {
    {1, "DisputeOpened", "Открыт спор с покупателем"},
    {2, "OnSellerApproval", "На согласовании у продавца"},
    {3, "ArrivedAtReturnPlace", "В пункте выдачи"},
    {4, "OnSellerClarification", "На уточнении у продавца"},
    {7, "ReturnedToSeller", "Возвращён продавцу"},
    {8, "MovingToSeller", "Возврат на пути к продавцу"},
    {9, "MoneyReturned", "Покупателю вернули всю сумму"},
    {10, "Utilizing", "На утилизации"},
};

// ---- rFBS return requests -------------------------------------------------------------

struct BuyerReason {
  std::int64_t id;
  const char* name;
  bool defect;
  const char* comment;
};
constexpr BuyerReason kBuyerReasons[] = {
    {10, "Не подошёл размер", false, "Маломерит, нужен на размер больше. Упаковку сохранила."},
    {11, "Не подошёл цвет", false, "Цвет на фото светлее, чем в жизни."},
    {12, "Брак: товар не работает", true, "Перестал включаться на второй день, зарядка не помогает."},
    {13, "Товар повреждён при доставке", true, "Коробка была смята, на корпусе скол."},
    {14, "Не соответствует описанию", false, "В описании указан другой материал."},
    {15, "Передумал покупать", false, ""},
};

// The reasons the seller may reject with: a new request, a checked item.
const std::vector<RfbsReason>& reasons_new() {
  static const std::vector<RfbsReason> r = {
      {101, "Срок возврата истёк", "Товар надлежащего качества можно вернуть в течение 7 дней после получения", false},
      {102, "Товар не подлежит возврату", "Укажите пункт перечня товаров, не подлежащих возврату", true},
      {103, "Другое", "Опишите причину отказа: покупатель увидит ваш комментарий", true},
  };
  return r;
}
const std::vector<RfbsReason>& reasons_checkout() {
  static const std::vector<RfbsReason> r = {
      {201, "Есть следы использования", "Опишите следы использования, которые вы обнаружили", true},
      {202, "Неполная комплектация", "Покупатель сможет отправить недостающее и подать заявку снова", false},
      {203, "Брак не подтвердился", "Товар проверен, неисправность не обнаружена", false},
      {103, "Другое", "Опишите причину отказа: покупатель увидит ваш комментарий", true},
  };
  return r;
}

// The requests a seed makes: three new ones, then one in every other group.
constexpr const char* kRfbsGroups[] = {"New", "New", "New", "Delivering", "Checkout", "Arbitration", "Approved", "Rejected"};

// ---- reviews -----------------------------------------------------------------------

constexpr const char* kReviewTexts[5][4] = {
    {"Пришёл брак, очень разочарован.", "Не соответствует описанию, буду возвращать.",
     "Ужасное качество, сломалось через неделю.", "Прислали не тот товар, продавец не отвечает."},
    {"Качество так себе, за эти деньги ожидал большего.", "Пришло с дефектом, но продавец ответил быстро.",
     "Цвет не как на фото.", "Упаковка порвана, товар поцарапан."},
    {"Нормально, но есть мелкие недочёты.", "Средне. Доставка долгая.", "За свою цену пойдёт.",
     "Размер немного меньше, чем в таблице."},
    {"Хороший товар, рекомендую.", "Всё понравилось, но упаковка могла быть лучше.", "Соответствует описанию.",
     "Пользуюсь месяц, пока всё хорошо."},
    {"Отличный товар, спасибо продавцу!", "Всё пришло быстро и в целости, рекомендую!",
     "Превосходное качество, куплю ещё.", "Брала в подарок, все довольны."},
};
constexpr const char* kSellerAnswersBad[] = {
    "Здравствуйте! Нам очень жаль. Напишите нам в чат заказа, заменим товар или вернём деньги.",
    "Спасибо за отзыв. Мы проверили партию и усилили контроль качества перед отправкой.",
};
constexpr const char* kSellerAnswersGood[] = {
    "Спасибо за отзыв! Рады, что покупка понравилась.",
    "Благодарим за оценку! Будем рады видеть вас снова.",
};
constexpr const char* kBuyerComments[] = {
    "Подскажите, а размер соответствует таблице?",
    "У меня такой же, полгода без проблем.",
    "А как долго шла доставка?",
};
constexpr const char* kSellerReplies[] = {
    "Здравствуйте! Да, размер соответствует таблице в карточке товара.",
    "Спасибо, что поделились!",
    "Обычно доставка занимает 2-4 дня.",
};

ReviewComment comment(Rng& g, std::uint64_t seed, std::string text, core::EpochMs at, bool owner,
                      std::string parent = {}) {
  ReviewComment c;
  c.id = demo_uuid(g, seed);
  c.text = std::move(text);
  c.published_at = at;
  c.is_owner = owner;
  c.parent_id = std::move(parent);
  return c;
}

}  // namespace

RfbsReturnRequest* Marketplace::State::rfbs_return(std::int64_t id) {
  for (auto& r : rfbs_returns)
    if (r.id == id) return &r;
  return nullptr;
}

void Marketplace::State::set_rfbs_group(RfbsReturnRequest& r, std::string_view group) {
  r.group_state = std::string(group);
  r.reasons.clear();
  if (group == "New") {
    r.state = "WaitingForSellerDecision";
    r.state_name = "Ожидает решения продавца";
    r.money_state_name = "Ожидает решения продавца";
    r.reasons = reasons_new();
  } else if (group == "Delivering") {
    r.state = "ReturnInTransit";
    r.state_name = "Покупатель отправил товар продавцу";
    r.money_state_name = "Будет решено после проверки товара";
  } else if (group == "Checkout") {
    r.state = "ReceivedBySeller";
    r.state_name = "Товар получен, идёт проверка";
    r.money_state_name = "Будет решено после проверки товара";
    r.reasons = reasons_checkout();
  } else if (group == "Arbitration") {
    r.state = "ArbitrationOpened";
    r.state_name = "Открыт спор, решение примет Ozon";
    r.money_state_name = "Ожидает решения по спору";
  } else if (group == "Approved") {
    r.state = "MoneyReturned";
    r.state_name = "Заявка одобрена";
    r.money_state_name = "Деньги возвращены покупателю";
  } else if (group == "Rejected") {
    r.state = "RejectedBySeller";
    r.state_name = "Заявка отклонена продавцом";
    r.money_state_name = "В возврате денег отказано";
  }
}

void Marketplace::State::generate_buyers(core::EpochMs now) {
  generate_chats(now);
  Rng g(seed ^ 0xaf7e5a1eULL);
  const std::int64_t block = block_of(seed);

  // FBS returns: buyers returned items of delivered FBS postings.
  std::int64_t ret_id = 1000015000 + block * kReturnIdBlock;
  for (const auto& p : postings) {
    if (p.status != "delivered" || is_rfbs(p) || p.items.empty() || !g.chance(0.45)) continue;
    const Item& item = p.items[g.index(p.items.size())];
    Return r;
    r.id = ret_id;
    ret_id += g.range(1, 40);
    r.posting_number = p.number;
    r.sku = item.sku;
    r.quantity = static_cast<int>(g.range(1, item.quantity));
    r.reason = kReturnReasons[g.below(5)];
    r.returned_at = std::min(p.status_changed_at + g.range(1, 7) * kDay, now - g.range(2, 30) * kHour);
    r.moment = std::min(r.returned_at + g.range(1, 72) * kHour, now - kHour);
    r.type = p.items.size() > 1 || r.quantity < item.quantity ? "PartialReturn" : "ClientReturn";
    r.warehouse_id = warehouse_of(p);
    const VisualStatus& s = kVisualStatuses[g.below(std::size(kVisualStatuses))];
    r.status_id = s.id;
    r.status_sys = s.sys;
    r.status_name = s.name;
    returns.push_back(std::move(r));
  }

  // rFBS return requests: delivered rFBS postings, one group state each.
  std::int64_t rfbs_id = 17'400'000 + block * 1000;
  std::vector<const Posting*> delivered_rfbs, chosen;
  for (const auto& p : postings)
    if (p.status == "delivered" && p.has_customer && !p.items.empty()) delivered_rfbs.push_back(&p);
  for (const Posting* p : delivered_rfbs)
    if (chosen.size() < std::size(kRfbsGroups) && g.chance(0.6)) chosen.push_back(p);
  for (const Posting* p : delivered_rfbs)  // too few drawn: the first ones left
    if (chosen.size() < std::size(kRfbsGroups) && std::find(chosen.begin(), chosen.end(), p) == chosen.end())
      chosen.push_back(p);
  std::sort(chosen.begin(), chosen.end(), [](const Posting* a, const Posting* b) { return a < b; });
  std::size_t made = 0;
  for (const Posting* pp : chosen) {
    const Posting& p = *pp;
    const Product* pr = product(p.items[0].sku);
    const BuyerReason& why = kBuyerReasons[g.below(std::size(kBuyerReasons))];
    RfbsReturnRequest r;
    r.id = rfbs_id;
    rfbs_id += g.range(1, 60);
    r.number = p.number + "-R1";
    r.posting_number = p.number;
    r.client_name = p.customer.name;
    r.created_at = std::min(p.status_changed_at + g.range(2, 96) * kHour, now - g.range(2, 20) * kHour);
    r.sku = p.items[0].sku;
    r.price_kop = pr ? pr->price_kop : 0;
    r.reason_id = why.id;
    r.reason = why.name;
    r.is_defect = why.defect;
    r.comment = why.comment;
    if (why.defect)
      for (int i = 1; i <= 2; ++i)
        r.photos.push_back("https://example.com/ozon-demo/rfbs-return-" + std::to_string(r.id) + "-" +
                           std::to_string(i) + ".jpg");
    const std::string_view group = kRfbsGroups[made++];
    set_rfbs_group(r, group);
    if (group != "New") {
      r.return_method = "Почтой России за счёт продавца";
      r.tracking_number = "RA" + std::to_string(100'000'000 + g.below(900'000'000)) + "RU";
    }
    if (group == "Rejected") r.rejection_comment = "Товар надлежащего качества, срок возврата истёк.";
    rfbs_returns.push_back(std::move(r));
  }

  // Reviews of products the buyers received; a few of cancelled orders.
  std::vector<const Posting*> reviewed;
  for (const auto& p : postings)
    if ((p.status == "delivered" || p.status == "cancelled") && !p.items.empty()) reviewed.push_back(&p);
  for (int i = 0; i < 70 && !reviewed.empty(); ++i) {
    const Posting& p = *reviewed[g.index(reviewed.size())];
    Review r;
    r.id = demo_uuid(g, seed);
    r.sku = p.items[g.index(p.items.size())].sku;
    const std::uint64_t x = g.below(100);
    r.rating = x < 45 ? 5 : x < 65 ? 4 : x < 77 ? 3 : x < 88 ? 2 : 1;
    r.text = kReviewTexts[r.rating - 1][g.below(4)];
    r.order_status = p.status == "cancelled" ? "CANCELLED" : "DELIVERED";
    r.published_at = std::min(p.status_changed_at + g.range(1, 10 * 24) * kHour, now - g.range(1, 48) * kHour);
    r.photos = g.chance(0.2) ? static_cast<int>(g.range(1, 3)) : 0;
    r.likes = static_cast<int>(g.below(12));
    r.dislikes = static_cast<int>(g.below(3));
    const bool bad_review = r.rating <= 3;
    core::EpochMs t = r.published_at;
    if (g.chance(0.2)) {  // another buyer asks, the seller answers
      r.comments.push_back(comment(g, seed, kBuyerComments[g.below(3)], t += g.range(1, 48) * kHour, false));
      if (g.chance(0.6))
        r.comments.push_back(comment(g, seed, kSellerReplies[g.below(3)], t += g.range(1, 24) * kHour, true,
                                     r.comments.back().id));
    }
    if (g.chance(0.35)) {
      const char* answer = bad_review ? kSellerAnswersBad[g.below(2)] : kSellerAnswersGood[g.below(2)];
      r.comments.push_back(comment(g, seed, answer, t += g.range(1, 24) * kHour, true));
      r.status = "PROCESSED";
    } else if (g.chance(0.15)) {
      r.status = "PROCESSED";
    }
    if (bad_review && g.chance(0.1)) {
      ReviewComment c = comment(g, seed, "Ozon: мы передали ваш отзыв продавцу и проверим качество товара.",
                                t += g.range(1, 24) * kHour, false);
      c.is_official = true;
      r.comments.push_back(std::move(c));
    }
    for (auto& c : r.comments) c.published_at = std::min(c.published_at, now - kMin);
    reviews.push_back(std::move(r));
  }
  std::stable_sort(reviews.begin(), reviews.end(),
            [](const Review& a, const Review& b) { return a.published_at > b.published_at; });
}

}  // namespace sandbox
