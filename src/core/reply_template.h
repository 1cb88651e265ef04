#pragma once
// Reply templates: what the seller sends buyers (in chats and under
// reviews) is Russian; the seller reads its meaning in their own language
// beside it. Placeholders in braces are filled from the posting:
//   {posting_number} {order_number} {tracking_number} {buyer_name}
//   {ship_date} {delivery_date} {product} {address} {store} {return_number}
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace core {

struct ReplyTemplate {
  std::string id;       // "shipped", ..., or "own-<n>" for the seller's
  std::string title;    // the seller's own templates: their name
  std::string text_ru;  // sent as it is, placeholders filled
  // The seller's own templates: their gloss, by language code ("en", "zh",
  // "ru"). Built-in ones are glossed by the UI strings ("template.<id>").
  std::map<std::string, std::string> meaning;
  std::string use = "any";  // "chat" | "review" | "any"
  bool builtin = false;     // shipped with the console (edits make a copy the seller owns)
  bool operator==(const ReplyTemplate&) const = default;
};

// Placeholder -> value; a placeholder without a value stays in the text as
// it is, so the seller sees what is missing (sending refuses it), except one
// known to be empty right after a comma, dropped with the comma (a greeting
// without the buyer's name).
using TemplateValues = std::vector<std::pair<std::string, std::string>>;

// The texts the console ships with: shipped, delayed, out of stock, address
// check, return steps, thanks for the review.
std::vector<ReplyTemplate> builtin_reply_templates();
std::string fill_template(std::string_view text, const TemplateValues& values);
// Placeholders left in `text` ("{tracking_number}"), in order, once each.
std::vector<std::string> unfilled_placeholders(std::string_view text);
// The buyer's first name from "Иванов Иван" / "Иван Иванов" / "Иван": Ozon
// sends the name as the buyer typed it; the given name is the word that is
// not a surname-looking one (ends in -ов/-ев/-ин/-ова/-ева/-ина/-ский/-ская),
// else the first word.
std::string buyer_first_name(std::string_view full_name);

}  // namespace core
