#include "core/verification.h"

#include <algorithm>

namespace core {
namespace {

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view trim(std::string_view s) { return trim_scan(s); }

// Match key: digits without leading zeros (GTIN-8/12/13/14 of one product
// compare equal), anything else lower-cased ASCII.
std::string key_of(std::string_view code) {
  code = trim(code);
  if (is_digits(code)) {
    const auto first = code.find_first_not_of('0');
    return first == std::string_view::npos ? std::string("0") : std::string(code.substr(first));
  }
  std::string out(code);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// GTIN inside a GS1 DataMatrix / GS1-128 code: [symbology id] 01 + 14 digits + ...
std::string gs1_gtin_key(std::string_view code) {
  for (std::string_view prefix : {"]d2", "]C1", "]Q3", "]e0"})
    if (code.substr(0, prefix.size()) == prefix) code.remove_prefix(prefix.size());
  code = trim(code);
  if (code.size() < 16 || code.substr(0, 2) != "01" || !is_digits(code.substr(2, 14))) return {};
  return key_of(code.substr(2, 14));
}

bool contains(const std::vector<std::int64_t>& list, std::int64_t sku) {
  return std::find(list.begin(), list.end(), sku) != list.end();
}

}  // namespace

// Scanners add Enter (CR/LF), sometimes Tab; GS1 codes may start with the
// GS control character (FNC1). Trim all ASCII control characters and spaces.
std::string_view trim_scan(std::string_view s) {
  auto junk = [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; };
  while (!s.empty() && junk(s.front())) s.remove_prefix(1);
  while (!s.empty() && junk(s.back())) s.remove_suffix(1);
  return s;
}

std::optional<ScanOutcome> scan_outcome_from(std::string_view text) {
  for (auto o : {ScanOutcome::accepted, ScanOutcome::completed_line, ScanOutcome::surplus, ScanOutcome::unknown,
                 ScanOutcome::empty, ScanOutcome::duplicate, ScanOutcome::wrong_label})
    if (to_string(o) == text) return o;
  return std::nullopt;
}

std::string_view to_string(ScanOutcome outcome) {
  switch (outcome) {
    case ScanOutcome::accepted: return "accepted";
    case ScanOutcome::completed_line: return "completed_line";
    case ScanOutcome::surplus: return "surplus";
    case ScanOutcome::unknown: return "unknown";
    case ScanOutcome::empty: return "empty";
    case ScanOutcome::duplicate: return "duplicate";
    case ScanOutcome::wrong_label: return "wrong_label";
  }
  return "unknown";
}

PostingVerification::PostingVerification(const Posting& posting,
                                         std::vector<std::vector<std::string>> barcodes,
                                         std::vector<LineParts> sets)
    : posting_number_(posting.posting_number) {
  const std::size_t n = posting.products.size();
  ordered_.reserve(n);
  keys_.resize(n);
  parts_.resize(n);
  for (std::size_t i = 0; i < n && i < sets.size(); ++i)
    for (auto& part : sets[i]) {
      Part p{part.offer_id, {}, std::max<std::int64_t>(part.per_set, 1), 0};
      for (const auto& code : part.codes)
        if (!trim(code).empty()) p.keys.push_back(key_of(code));
      if (!trim(part.offer_id).empty()) p.keys.push_back(key_of(part.offer_id));
      parts_[i].push_back(std::move(p));
    }
  const auto& req = *posting.requirements;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = posting.products[i];
    ordered_.push_back(std::max<std::int64_t>(p.quantity, 0));
    auto& keys = keys_[i];
    if (i < barcodes.size())
      for (const auto& code : barcodes[i])
        if (!trim(code).empty()) keys.push_back(key_of(code));
    if (!trim(p.offer_id).empty()) keys.push_back(key_of(p.offer_id));
    if (p.sku > 0) keys.push_back(key_of(std::to_string(p.sku)));
    if (contains(req.gtd, p.sku) || contains(req.country, p.sku) ||
        contains(req.mandatory_mark, p.sku) || contains(req.rnpt, p.sku) ||
        contains(req.jw_uin, p.sku) || contains(req.imei, p.sku))
      marking_required_ = true;
  }
  counts_.assign(n, 0);
  const Address& a = posting.customer->address;
  const bool has_address = !a.city.empty() || !a.region.empty() || !a.zip_code.empty() ||
                           !a.address_tail.empty() || !a.pvz_code.empty();
  address_required_ = posting.is_rfbs() && has_address;
}

std::vector<std::size_t> PostingVerification::matching_lines(const std::string& key) const {
  std::vector<std::size_t> out;
  if (key.empty()) return out;
  for (std::size_t i = 0; i < keys_.size(); ++i)
    if (std::find(keys_[i].begin(), keys_[i].end(), key) != keys_[i].end()) out.push_back(i);
  return out;
}

ScanResult PostingVerification::scan(std::string_view code, EpochMs at) {
  const std::string_view trimmed = trim(code);
  ScanResult result;
  if (trimmed.empty()) {
    result.outcome = ScanOutcome::empty;
  } else {
    std::string key = key_of(trimmed);
    auto lines = matching_lines(key);
    if (lines.empty()) {
      const std::string gtin = gs1_gtin_key(trimmed);
      if (!gtin.empty()) {
        lines = matching_lines(gtin);
        if (lines.empty()) key = gtin;  // a marked part of a set
      }
    }
    // A plain line with room takes the code first, then a set's part with
    // room; the set's own code counts a whole set.
    auto open = std::find_if(lines.begin(), lines.end(), [&](std::size_t i) {
      return parts_[i].empty() ? counts_[i] < ordered_[i] : false;
    });
    if (open != lines.end()) {
      const std::size_t line = *open;
      ++counts_[line];
      result.line = static_cast<int>(line);
      result.outcome = counts_[line] == ordered_[line] ? ScanOutcome::completed_line : ScanOutcome::accepted;
      result.counted = counts_[line];
      result.ordered = ordered_[line];
    } else if (scan_part(key, result)) {
      // counted (or refused as surplus) through a set's part
    } else if (auto set = std::find_if(lines.begin(), lines.end(), [&](std::size_t i) { return scan_whole_set(i); });
               set != lines.end()) {
      result.line = static_cast<int>(*set);
      result.outcome = counts_[*set] == ordered_[*set] ? ScanOutcome::completed_line : ScanOutcome::accepted;
      result.counted = counts_[*set];
      result.ordered = ordered_[*set];
    } else if (!lines.empty()) {
      result.line = static_cast<int>(lines.front());
      result.outcome = ScanOutcome::surplus;
      result.counted = counts_[lines.front()];
      result.ordered = ordered_[lines.front()];
    } else {
      result.outcome = ScanOutcome::unknown;
    }
  }
  result.all_counted = quantities_match();
  if (result.all_counted && result.counted_now()) items_picked_ = true;
  log_.push_back({at, std::string(trimmed), result.outcome, result.line});
  return result;
}

// One unit of a set's part: the first part with room among those the code
// names; a part already complete is a surplus. False: no part has the code.
bool PostingVerification::scan_part(const std::string& key, ScanResult& result) {
  int full_line = -1, full_part = -1;
  for (std::size_t line = 0; line < parts_.size(); ++line)
    for (std::size_t j = 0; j < parts_[line].size(); ++j) {
      Part& part = parts_[line][j];
      if (std::find(part.keys.begin(), part.keys.end(), key) == part.keys.end()) continue;
      const std::int64_t wanted = ordered_[line] * part.per_set;
      if (part.counted >= wanted) {
        if (full_line < 0) full_line = static_cast<int>(line), full_part = static_cast<int>(j);
        continue;
      }
      ++part.counted;
      recount_set(line);
      result.line = static_cast<int>(line);
      result.part = static_cast<int>(j);
      result.part_counted = part.counted;
      result.part_ordered = wanted;
      result.counted = counts_[line];
      result.ordered = ordered_[line];
      const bool set_complete = std::all_of(parts_[line].begin(), parts_[line].end(), [&](const Part& p) {
        return p.counted >= ordered_[line] * p.per_set;
      });
      result.outcome = set_complete ? ScanOutcome::completed_line : ScanOutcome::accepted;
      return true;
    }
  if (full_line < 0) return false;
  const Part& part = parts_[static_cast<std::size_t>(full_line)][static_cast<std::size_t>(full_part)];
  result.line = full_line;
  result.part = full_part;
  result.outcome = ScanOutcome::surplus;
  result.part_counted = part.counted;
  result.part_ordered = ordered_[static_cast<std::size_t>(full_line)] * part.per_set;
  result.counted = counts_[static_cast<std::size_t>(full_line)];
  result.ordered = ordered_[static_cast<std::size_t>(full_line)];
  return true;
}

// The set's own code (a set packed ahead): every part gets one set's units,
// if every part has room for them.
bool PostingVerification::scan_whole_set(std::size_t line) {
  auto& parts = parts_[line];
  if (parts.empty()) return false;
  for (const auto& part : parts)
    if (part.counted + part.per_set > ordered_[line] * part.per_set) return false;
  for (auto& part : parts) part.counted += part.per_set;
  recount_set(line);
  return true;
}

// A set's count: the whole sets its parts make.
void PostingVerification::recount_set(std::size_t line) {
  const auto& parts = parts_[line];
  if (parts.empty()) return;
  std::int64_t sets = ordered_[line];
  for (const auto& part : parts) sets = std::min(sets, part.counted / part.per_set);
  counts_[line] = sets;
}

std::size_t PostingVerification::part_count(std::size_t line) const {
  return line < parts_.size() ? parts_[line].size() : 0;
}

const std::string& PostingVerification::part_offer_id(std::size_t line, std::size_t part) const {
  static const std::string kNone;
  return part < part_count(line) ? parts_[line][part].offer_id : kNone;
}

std::int64_t PostingVerification::part_counted(std::size_t line, std::size_t part) const {
  return part < part_count(line) ? parts_[line][part].counted : 0;
}

std::int64_t PostingVerification::part_ordered(std::size_t line, std::size_t part) const {
  return part < part_count(line) ? ordered_[line] * parts_[line][part].per_set : 0;
}

std::int64_t PostingVerification::counted(std::size_t line) const {
  return line < counts_.size() ? counts_[line] : 0;
}

std::int64_t PostingVerification::ordered(std::size_t line) const {
  return line < ordered_.size() ? ordered_[line] : 0;
}

std::size_t PostingVerification::refused_count() const {
  return static_cast<std::size_t>(std::count_if(
      log_.begin(), log_.end(), [](const ScanLogEntry& e) { return is_refused(e.outcome); }));
}

bool PostingVerification::quantities_match() const { return counts_ == ordered_; }

bool PostingVerification::set_count(std::size_t line, std::int64_t quantity) {
  if (line >= counts_.size()) return false;
  counts_[line] = std::clamp<std::int64_t>(quantity, 0, ordered_[line]);
  for (auto& part : parts_[line]) part.counted = counts_[line] * part.per_set;  // by hand: whole sets
  return true;
}

void PostingVerification::reset() {
  std::fill(counts_.begin(), counts_.end(), 0);
  for (auto& parts : parts_)
    for (auto& part : parts) part.counted = 0;
  items_picked_ = address_checked_ = marking_complete_ = false;
  log_.clear();
}

std::vector<std::string> PostingVerification::required_items() const {
  std::vector<std::string> out{std::string(kItemsPicked), std::string(kQuantitiesMatch)};
  if (address_required_) out.emplace_back(kAddressChecked);
  if (marking_required_) out.emplace_back(kMarkingComplete);
  return out;
}

std::vector<std::string> PostingVerification::missing() const {
  std::vector<std::string> out;
  if (!items_picked_) out.emplace_back(kItemsPicked);
  if (!quantities_match()) out.emplace_back(kQuantitiesMatch);
  if (address_required_ && !address_checked_) out.emplace_back(kAddressChecked);
  if (marking_required_ && !marking_complete_) out.emplace_back(kMarkingComplete);
  return out;
}

VerificationState PostingVerification::to_state() const {
  std::vector<std::vector<std::int64_t>> part_counts;
  for (const auto& parts : parts_) {
    part_counts.emplace_back();
    for (const auto& part : parts) part_counts.back().push_back(part.counted);
  }
  return {posting_number_, counts_, part_counts, items_picked_, address_checked_, marking_complete_, log_};
}

bool PostingVerification::from_state(const VerificationState& state) {
  if (state.posting_number != posting_number_ || state.counts.size() != counts_.size())
    return false;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    counts_[i] = std::clamp<std::int64_t>(state.counts[i], 0, ordered_[i]);
    auto& parts = parts_[i];
    // Parts as saved when the set is still made of as many parts; else whole sets.
    const bool same_parts = i < state.part_counts.size() && state.part_counts[i].size() == parts.size();
    for (std::size_t j = 0; j < parts.size(); ++j)
      parts[j].counted = same_parts ? std::clamp<std::int64_t>(state.part_counts[i][j], 0, ordered_[i] * parts[j].per_set)
                                    : counts_[i] * parts[j].per_set;
    recount_set(i);
  }
  items_picked_ = state.items_picked;
  address_checked_ = state.address_checked;
  marking_complete_ = state.marking_complete;
  log_ = state.log;
  return true;
}

}  // namespace core
