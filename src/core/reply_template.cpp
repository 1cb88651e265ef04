#include "core/reply_template.h"

#include <algorithm>
#include <array>

namespace core {
namespace {

// The seller's language gloss of a built-in template is a UI string
// ("template.<id>"), so it is translated and its glyphs are in the fonts.
ReplyTemplate builtin(std::string id, std::string use, std::string ru) {
  ReplyTemplate t;
  t.id = std::move(id);
  t.use = std::move(use);
  t.text_ru = std::move(ru);
  t.builtin = true;
  return t;
}

bool ends_with(std::string_view word, std::string_view tail) {
  return word.size() >= tail.size() && word.substr(word.size() - tail.size()) == tail;
}

// Russian surnames end like this far more often than given names do.
bool looks_like_surname(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kTails = {"ов",  "ев",  "ёв",  "ин",   "ова",  "ева",
                                                              "ёва", "ина", "ский", "ская", "цкий", "цкая"};
  return std::any_of(kTails.begin(), kTails.end(), [&](std::string_view tail) { return ends_with(word, tail); });
}

}  // namespace

std::vector<ReplyTemplate> builtin_reply_templates() {
  return {
      builtin("shipped", "chat",
              "Здравствуйте, {buyer_name}! Ваш заказ {posting_number} отправлен. Трек-номер: {tracking_number}. "
              "Спасибо за покупку!"),
      builtin("delayed", "chat",
              "Здравствуйте, {buyer_name}! Приносим извинения: отправка заказа {posting_number} задерживается. "
              "Мы отправим его до {ship_date}."),
      builtin("out_of_stock", "chat",
              "Здравствуйте, {buyer_name}! К сожалению, товара «{product}» из заказа {posting_number} нет в наличии. "
              "Мы можем предложить замену или отменить заказ — как вам удобнее?"),
      builtin("address_check", "chat",
              "Здравствуйте, {buyer_name}! Пожалуйста, проверьте адрес доставки заказа {posting_number}: {address}. "
              "Всё верно?"),
      builtin("return_steps", "chat",
              "Здравствуйте, {buyer_name}! Чтобы вернуть товар из заказа {posting_number}, оформите заявку на возврат "
              "в личном кабинете Ozon: «Мои заказы» → заказ → «Вернуть товар». Мы рассмотрим её в течение двух дней."),
      builtin("review_thanks", "review",
              "Спасибо за отзыв! Мы рады, что товар вам понравился. Будем ждать вас снова!"),
      builtin("review_sorry", "review",
              "Здравствуйте! Нам очень жаль, что товар вас разочаровал. Напишите нам в чат заказа — мы поможем "
              "с обменом или возвратом."),
  };
}

std::string fill_template(std::string_view text, const TemplateValues& values) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '{') {
      const std::size_t close = text.find('}', i + 1);
      if (close != std::string_view::npos) {
        const std::string_view name = text.substr(i + 1, close - i - 1);
        const auto it = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
        if (it != values.end() && !it->second.empty()) {
          out += it->second;  // never expanded again: a value may contain braces
          i = close + 1;
          continue;
        }
        // Known to be empty after a comma (an FBS posting carries no buyer
        // name): "Здравствуйте, {buyer_name}!" reads "Здравствуйте!".
        if (it != values.end() && out.ends_with(", ")) {
          out.resize(out.size() - 2);
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

std::vector<std::string> unfilled_placeholders(std::string_view text) {
  std::vector<std::string> found;
  std::size_t i = 0;
  while ((i = text.find('{', i)) != std::string_view::npos) {
    const std::size_t close = text.find('}', i + 1);
    if (close == std::string_view::npos) break;
    const std::string_view name = text.substr(i + 1, close - i - 1);
    const bool is_name = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || c == '_';
    });
    if (is_name) {
      std::string placeholder(1, '{');  // appended, not "lit" + string: GCC 12 -O3 warns falsely
      placeholder.append(name).push_back('}');
      if (std::find(found.begin(), found.end(), placeholder) == found.end()) found.push_back(std::move(placeholder));
      i = close + 1;
    } else {
      ++i;
    }
  }
  return found;
}

std::string buyer_first_name(std::string_view full_name) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < full_name.size()) {
    while (i < full_name.size() && full_name[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < full_name.size() && full_name[i] != ' ') ++i;
    if (i > start) words.push_back(full_name.substr(start, i - start));
  }
  if (words.empty()) return {};
  if (words.size() >= 2 && looks_like_surname(words[0]) && !looks_like_surname(words[1]))
    return std::string(words[1]);
  return std::string(words[0]);
}

}  // namespace core
