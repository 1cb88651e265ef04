#include "core/packing_station.h"

namespace core {

bool completes_packing(ScanOutcome last_scan, const PackingState& state) {
  return !is_refused(last_scan) && state.all_counted && state.ready_to_ship && state.boxes_valid && state.can_ship;
}

std::string_view to_string(AutoStep step) {
  switch (step) {
    case AutoStep::none: return "none";
    case AutoStep::shipping: return "shipping";
    case AutoStep::awaiting_label: return "awaiting_label";
    case AutoStep::printing: return "printing";
    case AutoStep::checking_label: return "checking_label";
    case AutoStep::done: return "done";
    case AutoStep::failed: return "failed";
  }
  return "none";
}

std::string_view to_string(LabelMatch match) {
  switch (match) {
    case LabelMatch::this_posting: return "this_posting";
    case LabelMatch::other_posting: return "other_posting";
    case LabelMatch::unknown: return "unknown";
    case LabelMatch::empty: return "empty";
  }
  return "unknown";
}

namespace {
bool is_label_of(const Posting& posting, std::string_view code) {
  const auto& b = *posting.barcodes;
  return (!b.upper_barcode.empty() && code == b.upper_barcode) ||
         (!b.lower_barcode.empty() && code == b.lower_barcode) || code == posting.posting_number;
}
}  // namespace

LabelMatch match_label(const Posting& posting, std::string_view code, const std::vector<const Posting*>& others,
                       std::string* other_number) {
  const std::string_view trimmed = trim_scan(code);
  if (trimmed.empty()) return LabelMatch::empty;
  if (is_label_of(posting, trimmed)) return LabelMatch::this_posting;
  for (const Posting* other : others) {
    if (!other || other->posting_number == posting.posting_number || !is_label_of(*other, trimmed)) continue;
    if (other_number) *other_number = other->posting_number;
    return LabelMatch::other_posting;
  }
  return LabelMatch::unknown;
}

std::optional<std::size_t> next_row_after(std::size_t row, std::size_t count) {
  if (count <= 1 || row >= count) return std::nullopt;
  return row + 1 < count ? row + 1 : row - 1;
}

}  // namespace core
