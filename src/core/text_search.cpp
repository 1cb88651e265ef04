#include "core/text_search.h"

#include <algorithm>

namespace core {
namespace {

void put_utf8_2(std::string& out, unsigned cp) {  // 0x80 <= cp < 0x800
  out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
  out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
}

// Folds one two-byte sequence (lead, cont) if it is a letter we fold; returns
// the folded code point, or 0 if the bytes are to be copied unchanged.
unsigned fold_two_byte(unsigned char lead, unsigned char cont) {
  const unsigned cp = ((lead & 0x1Fu) << 6) | (cont & 0x3Fu);
  if (cp == 0x00A0) return ' ';
  if (cp >= 0x00C0 && cp <= 0x00DE && cp != 0x00D7) return cp + 0x20;
  if (cp == 0x0401 || cp == 0x0451) return 0x0435;           // Ё ё -> е
  if (cp >= 0x0400 && cp <= 0x040F) return cp + 0x50;        // Ѐ..Џ -> ѐ..џ
  if (cp >= 0x0410 && cp <= 0x042F) return cp + 0x20;        // А..Я -> а..я
  if (cp == 0x0490) return 0x0491;                            // Ґ -> ґ
  return 0;
}

// Latin for a lower-case Cyrillic code point, or nullptr if there is none.
const char* translit_of(unsigned cp) {
  static const char* const kRussian[32] = {
      "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n",  "o",  "p",
      "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
  if (cp >= 0x0430 && cp <= 0x044F) return kRussian[cp - 0x0430];
  switch (cp) {
    case 0x0451: return "e";   // ё (already folded to е; kept for safety)
    case 0x0454: return "ye";  // є
    case 0x0456: return "i";   // і
    case 0x0457: return "yi";  // ї
    case 0x045E: return "u";   // ў
    case 0x0491: return "g";   // ґ
    default: return nullptr;
  }
}

bool is_space_byte(char c) { return c == ' '; }  // fold() turned all other blanks into ' '

template <bool kTranslit>
void fold_impl(std::string_view in, std::string& out) {
  const std::size_t n = in.size();
  std::size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      char o = static_cast<char>(c);
      if (c >= 'A' && c <= 'Z') o = static_cast<char>(c + 32);
      else if (c < 0x20 || c == 0x7F) o = ' ';
      out.push_back(o);
      ++i;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n) {
      const auto c2 = static_cast<unsigned char>(in[i + 1]);
      if ((c2 & 0xC0) == 0x80) {
        unsigned cp = fold_two_byte(c, c2);
        if (cp == 0) cp = ((c & 0x1Fu) << 6) | (c2 & 0x3Fu);
        if constexpr (kTranslit) {
          if (const char* latin = translit_of(cp)) {
            out += latin;
            i += 2;
            continue;
          }
        }
        if (cp < 0x80) out.push_back(static_cast<char>(cp));
        else put_utf8_2(out, cp);
        i += 2;
        continue;
      }
    }
    out.push_back(static_cast<char>(c));  // other sequences and stray bytes: unchanged
    ++i;
  }
}

bool has_cyrillic(std::string_view text) {
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0xD0 || c == 0xD1 || c == 0xD2) return true;
  }
  return false;
}

}  // namespace

void fold_append(std::string_view utf8, std::string& out) { fold_impl<false>(utf8, out); }

std::string fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  fold_impl<false>(utf8, out);
  return out;
}

void translit_fold_append(std::string_view utf8, std::string& out) { fold_impl<true>(utf8, out); }

std::string translit_fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  fold_impl<true>(utf8, out);
  return out;
}

void append_search_field(std::string& haystack, std::string_view field) {
  if (field.empty()) return;
  fold_impl<false>(field, haystack);
  haystack.push_back(kFieldSeparator);
  if (has_cyrillic(field)) {
    fold_impl<true>(field, haystack);
    haystack.push_back(kFieldSeparator);
  }
}

std::vector<std::string> search_terms(std::string_view query) {
  const std::string folded = fold(query);
  std::vector<std::string> terms;
  std::size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && is_space_byte(folded[i])) ++i;
    std::size_t j = i;
    while (j < folded.size() && !is_space_byte(folded[j])) ++j;
    if (j > i) {
      std::string term = folded.substr(i, j - i);
      if (std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(std::move(term));
    }
    i = j;
  }
  // Longest first: the rarest term usually fails fastest.
  std::stable_sort(terms.begin(), terms.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return terms;
}

bool contains_all(std::string_view haystack, const std::vector<std::string>& terms) {
  for (const std::string& term : terms) {
    if (haystack.find(term) == std::string_view::npos) return false;
  }
  return true;
}

}  // namespace core
