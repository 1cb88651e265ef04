#include "core/replenishment.h"

#include <algorithm>

#include "core/csv.h"

namespace core {
namespace {

constexpr EpochMs kDayMs = 24 * 60 * 60 * 1000;

bool is_cancelled(PostingStatus status) {
  return status == PostingStatus::cancelled || status == PostingStatus::cancelled_from_split_pending ||
         status == PostingStatus::not_accepted;
}

// ceil(a / b) for a >= 0, b > 0.
std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return a / b + (a % b != 0 ? 1 : 0); }

void append_int(std::string& out, std::int64_t value) { out += std::to_string(value); }

// Fixed-point text with '.' whatever the locale: 1.5 -> "1.50" (decimals = 2).
void append_fixed(std::string& out, double value, int decimals) {
  std::int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const bool negative = value < 0;
  const double scaled = (negative ? -value : value) * static_cast<double>(scale) + 0.5;
  // Cover and sales per day stay far below 2^53; clamp anyway so the cast is defined.
  const auto units = static_cast<std::int64_t>(std::min(scaled, 9.0e15));
  if (negative && units != 0) out += '-';
  append_int(out, units / scale);
  if (decimals > 0) {
    out += '.';
    const std::string frac = std::to_string(units % scale);
    out.append(static_cast<std::size_t>(decimals) - frac.size(), '0');
    out += frac;
  }
}

using Format = TableFormat;

void append_cell(std::string& out, std::string_view text, Format format) { append_table_cell(out, text, format); }

std::string reorder_table(const std::vector<ReorderLine>& lines, Format format) {
  const char sep = format == Format::csv ? ',' : '\t';
  const std::string_view eol = format == Format::csv ? "\r\n" : "\n";
  static constexpr std::string_view kColumns[] = {
      "offer_id",      "sku",           "name",          "sold_30d",    "per_day",  "free",
      "days_of_cover", "lead_time_days", "safety_days", "reorder_point", "suggested"};
  std::string out;
  for (const std::string_view column : kColumns) {
    if (column != kColumns[0]) out += sep;
    out += column;
  }
  out += eol;
  for (const ReorderLine& line : lines) {
    append_cell(out, line.offer_id, format);
    out += sep;
    append_int(out, line.sku);
    out += sep;
    append_cell(out, line.name, format);
    out += sep;
    append_int(out, line.sold);
    out += sep;
    append_fixed(out, line.per_day, 2);
    out += sep;
    append_int(out, line.free);
    out += sep;
    if (line.days_of_cover >= 0) append_fixed(out, line.days_of_cover, 1);
    out += sep;
    append_int(out, line.settings.lead_time_days);
    out += sep;
    append_int(out, line.settings.safety_days);
    out += sep;
    append_int(out, line.reorder_point);
    out += sep;
    append_int(out, line.suggested);
    out += eol;
  }
  return out;
}

}  // namespace

std::map<std::int64_t, std::int64_t> sales_by_sku(const std::vector<Posting>& postings, EpochMs now, int days,
                                                  std::string_view store_id) {
  const EpochMs from = now - static_cast<EpochMs>(std::max(days, 0)) * kDayMs;
  std::map<std::int64_t, std::int64_t> sold;
  for (const Posting& posting : postings) {
    if (!store_id.empty() && posting.store_id != store_id) continue;
    if (is_cancelled(posting.status)) continue;
    const EpochMs at = posting.in_process_at != 0 ? posting.in_process_at : posting.shipment_date;
    if (at == 0 || at < from || at > now) continue;
    for (const PostingProduct& product : posting.products) {
      if (product.quantity > 0) sold[product.sku] += product.quantity;
    }
  }
  return sold;
}

ReorderLine reorder_line(std::int64_t sku, std::string offer_id, std::string name, std::int64_t sold, std::int64_t free,
                         const ReorderSettings& settings, int window_days) {
  ReorderLine line;
  line.sku = sku;
  line.offer_id = std::move(offer_id);
  line.name = std::move(name);
  line.sold = std::max<std::int64_t>(sold, 0);
  line.window_days = std::max(window_days, 1);  // a window of no days has no sales rate
  line.free = free;
  line.settings.lead_time_days = std::max(settings.lead_time_days, 0);
  line.settings.safety_days = std::max(settings.safety_days, 0);

  const std::int64_t window = line.window_days;
  const std::int64_t cover_days =
      static_cast<std::int64_t>(line.settings.lead_time_days) + line.settings.safety_days;
  line.per_day = static_cast<double>(line.sold) / static_cast<double>(window);
  if (line.sold == 0) {
    line.days_of_cover = -1;
  } else if (free <= 0) {
    line.days_of_cover = 0;
  } else {
    line.days_of_cover = static_cast<double>(free) * static_cast<double>(window) / static_cast<double>(line.sold);
  }
  // Integers throughout: ceil(sold * days / window) without floating error.
  line.reorder_point = ceil_div(line.sold * cover_days, window);
  line.to_reorder = line.sold > 0 && free <= line.reorder_point;
  if (line.to_reorder) {
    const std::int64_t needed = ceil_div(line.sold * (cover_days + window), window);
    line.suggested = std::max<std::int64_t>(needed - free, 0);
  }
  return line;
}

std::string reorder_csv(const std::vector<ReorderLine>& lines) { return reorder_table(lines, Format::csv); }

std::string reorder_tsv(const std::vector<ReorderLine>& lines) { return reorder_table(lines, Format::tsv); }

}  // namespace core
