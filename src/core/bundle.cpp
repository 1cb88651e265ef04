#include "core/bundle.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace core {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool read_count(std::string_view text, std::int64_t* out) {
  text = trim(text);
  // Digits only: "BOX-7" is an offer ID, not "BO" times -7.
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text.front()))) return false;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return false;
  *out = value;
  return true;
}

// "x", "X", "*", ":" and the multiplication sign (U+00D7) and Cyrillic "х" as multipliers.
constexpr std::string_view kTimes[] = {"\xC3\x97", "\xD1\x85", "\xD0\xA5", "x", "X", "*", ":"};

// One piece: "MUG-01 x2", "2 x MUG-01", "MUG-01", "MUG-01*2".
bool read_piece(std::string_view piece, BundlePart* part, std::string* error) {
  piece = trim(piece);
  if (piece.empty()) {
    *error = "empty_part";
    return false;
  }
  for (std::string_view times : kTimes) {
    // The last multiplier with a number after it: offer IDs may contain "x".
    for (std::size_t at = piece.rfind(times); at != std::string_view::npos && at > 0;
         at = piece.rfind(times, at - 1)) {
      std::int64_t count = 0;
      if (read_count(piece.substr(at + times.size()), &count)) {
        const std::string_view offer = trim(piece.substr(0, at));
        if (offer.empty()) break;
        if (count <= 0) {
          *error = "quantity";
          return false;
        }
        *part = {std::string(offer), count};
        return true;
      }
    }
    // "2 x MUG-01"
    const std::size_t at = piece.find(times);
    if (at != std::string_view::npos && at > 0) {
      std::int64_t count = 0;
      if (read_count(piece.substr(0, at), &count)) {
        const std::string_view offer = trim(piece.substr(at + times.size()));
        if (offer.empty()) break;
        if (count <= 0) {
          *error = "quantity";
          return false;
        }
        *part = {std::string(offer), count};
        return true;
      }
    }
  }
  *part = {std::string(piece), 1};
  return true;
}

}  // namespace

BundleParse parse_bundle_parts(std::string_view text) {
  BundleParse out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(",;\n", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view piece = text.substr(start, end - start);
    start = end + 1;
    if (trim(piece).empty()) continue;  // "a,,b" and a trailing comma are fine
    BundlePart part;
    if (!read_piece(piece, &part, &out.error)) {
      out.near = std::string(trim(piece));
      out.parts.clear();
      return out;
    }
    auto same = std::find_if(out.parts.begin(), out.parts.end(),
                             [&](const BundlePart& p) { return p.offer_id == part.offer_id; });
    if (same != out.parts.end()) {
      same->per_set += part.per_set;
    } else {
      out.parts.push_back(std::move(part));
    }
  }
  return out;
}

std::string format_bundle_parts(const std::vector<BundlePart>& parts) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += ", ";
    out += part.offer_id + " x" + std::to_string(part.per_set);
  }
  return out;
}

const std::vector<BundlePart>* BundleBook::parts_of(const std::string& offer_id) const {
  auto it = sets.find(offer_id);
  return it == sets.end() || it->second.empty() ? nullptr : &it->second;
}

Posting expand_bundles(const Posting& posting, const BundleBook& book) {
  Posting out = posting;
  out.products.clear();
  for (const auto& product : posting.products) {
    const auto* parts = book.parts_of(product.offer_id);
    if (!parts) {
      out.products.push_back(product);
      continue;
    }
    for (const auto& part : *parts) {
      PostingProduct line;
      line.offer_id = part.offer_id;
      line.name = part.offer_id;
      auto sku = book.sku_of.find(part.offer_id);
      line.sku = sku == book.sku_of.end() ? 0 : sku->second;
      line.quantity = product.quantity * part.per_set;
      out.products.push_back(std::move(line));
    }
  }
  return out;
}

std::vector<Posting> expand_bundles(const std::vector<Posting>& postings, const BundleBook& book) {
  if (book.empty()) return postings;
  std::vector<Posting> out;
  out.reserve(postings.size());
  for (const auto& posting : postings) out.push_back(expand_bundles(posting, book));
  return out;
}

}  // namespace core
