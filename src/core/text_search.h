#pragma once
// Search text normalisation for the console's filter boxes: case folding of
// Latin and Cyrillic, and Russian->Latin transliteration so that a seller who
// cannot type Cyrillic finds "Кружка керамическая" by typing "kruzhka".
//
// Design for indexes: build, once per record when data arrives, a haystack
// with append_search_field() for each searchable field (folded text, plus its
// transliteration when that differs, each piece followed by kFieldSeparator).
// Fold a query once with search_terms(); a record matches when every term is
// a substring of its haystack (contains_all). Terms never contain the
// separator, so a term cannot match across two fields.
#include <string>
#include <string_view>
#include <vector>

namespace core {

inline constexpr char kFieldSeparator = '\x1f';

// Case folding (byte-exact for everything it does not touch):
//  - ASCII A-Z -> a-z; ASCII control characters (incl. tab, newline) -> ' '
//  - Latin-1 letters À-Þ -> à-þ (except ×); U+00A0 no-break space -> ' '
//  - Cyrillic А-Я -> а-я, Ѐ-Џ -> ѐ-џ (Ukrainian/Belarusian/Serbian capitals),
//    and Ё/ё -> е (Russian text writes ё as е more often than not)
//  - everything else (CJK, symbols, invalid UTF-8 bytes) is copied unchanged.
std::string fold(std::string_view utf8);
void fold_append(std::string_view utf8, std::string& out);

// fold(), then Cyrillic -> Latin, a simple GOST/passport-like scheme chosen to
// match what people type: а a, б b, в v, г g, д d, е/ё e, ж zh, з z, и i,
// й y, к k, л l, м m, н n, о o, п p, р r, с s, т t, у u, ф f, х kh, ц ts,
// ч ch, ш sh, щ shch, ъ (dropped), ы y, ь (dropped), э e, ю yu, я ya;
// Ukrainian і i, ї yi, є ye, ґ g; Belarusian ў u. Other text as fold().
std::string translit_fold(std::string_view utf8);
void translit_fold_append(std::string_view utf8, std::string& out);

// Appends fold(field) + separator, and, when the field has Cyrillic,
// translit_fold(field) + separator. Empty fields add nothing.
void append_search_field(std::string& haystack, std::string_view field);

// The query folded and split on whitespace; empty terms and duplicates dropped.
// An empty result means "no text filter".
std::vector<std::string> search_terms(std::string_view query);

// Every term is a substring of the haystack (true for no terms).
bool contains_all(std::string_view haystack, const std::vector<std::string>& terms);

}  // namespace core
