#include "core/delivery_method.h"

namespace core {

int cutoff_minutes_from_text(std::string_view text) {
  if (const auto t = text.find('T'); t != std::string_view::npos) text = text.substr(t + 1);
  auto two_digits = [&](std::size_t at) -> int {
    if (at + 2 > text.size()) return -1;
    const char a = text[at], b = text[at + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
    return (a - '0') * 10 + (b - '0');
  };
  std::size_t hours_len = 2;
  int hours = two_digits(0);
  if (hours < 0 && text.size() >= 2 && text[0] >= '0' && text[0] <= '9' && text[1] == ':') {
    hours = text[0] - '0';  // "9:30"
    hours_len = 1;
  }
  if (hours < 0 || text.size() < hours_len + 3 || text[hours_len] != ':') return -1;
  const int minutes = two_digits(hours_len + 1);
  if (minutes < 0 || hours > 23 || minutes > 59) return -1;
  return hours * 60 + minutes;
}

}  // namespace core
