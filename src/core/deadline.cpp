#include "core/deadline.h"

#include "core/posting.h"

namespace core {
namespace {

constexpr EpochMs kMinuteMs = 60'000;
constexpr EpochMs kHourMs = 60 * kMinuteMs;
constexpr EpochMs kDayMs = 24 * kHourMs;

EpochMs floor_div(EpochMs a, EpochMs b) {  // b > 0
  EpochMs q = a / b;
  if ((a % b) != 0 && a < 0) --q;
  return q;
}

void append_number(std::string& out, std::uint64_t value, int min_digits) {
  char buffer[24];
  int n = 0;
  do {
    buffer[n++] = static_cast<char>('0' + static_cast<int>(value % 10));
    value /= 10;
  } while (value != 0);
  while (n < min_digits) buffer[n++] = '0';
  while (n > 0) out.push_back(buffer[--n]);
}

}  // namespace

Stage stage_of(PostingStatus status) {
  switch (status) {
    case PostingStatus::awaiting_registration:
    case PostingStatus::awaiting_approve:
    case PostingStatus::awaiting_verification:
    case PostingStatus::awaiting_packaging:
      return Stage::awaiting_packaging;
    case PostingStatus::awaiting_deliver:
      return Stage::awaiting_shipment;
    case PostingStatus::acceptance_in_progress:
    case PostingStatus::driver_pickup:
    case PostingStatus::sent_by_seller:
    case PostingStatus::delivering:
      return Stage::delivering;
    case PostingStatus::delivered:
      return Stage::delivered;
    case PostingStatus::cancelled:
    case PostingStatus::cancelled_from_split_pending:
      return Stage::cancelled;
    case PostingStatus::not_accepted:
    case PostingStatus::arbitration:
    case PostingStatus::client_arbitration:
      return Stage::disputed;
    case PostingStatus::unknown:
      break;
  }
  return Stage::other;
}

std::string_view stage_name(Stage stage) {
  switch (stage) {
    case Stage::awaiting_packaging: return "awaiting_packaging";
    case Stage::awaiting_shipment: return "awaiting_shipment";
    case Stage::delivering: return "delivering";
    case Stage::delivered: return "delivered";
    case Stage::cancelled: return "cancelled";
    case Stage::disputed: return "disputed";
    case Stage::other: break;
  }
  return "other";
}

std::string_view risk_name(Risk risk) {
  switch (risk) {
    case Risk::overdue: return "overdue";
    case Risk::under_2h: return "under_2h";
    case Risk::today: return "today";
    case Risk::later: return "later";
    case Risk::none: break;
  }
  return "none";
}

EpochMs next_local_midnight(EpochMs now, int utc_offset_minutes) {
  const EpochMs offset = static_cast<EpochMs>(utc_offset_minutes) * kMinuteMs;
  const EpochMs local = now + offset;
  const EpochMs next_local = (floor_div(local, kDayMs) + 1) * kDayMs;
  return next_local - offset;
}

Risk risk_for(Stage stage, EpochMs deadline, EpochMs now, EpochMs next_midnight) {
  if (stage != Stage::awaiting_packaging && stage != Stage::awaiting_shipment) return Risk::none;
  if (deadline == 0) return Risk::none;
  if (deadline <= now) return Risk::overdue;
  if (deadline - now < 2 * kHourMs) return Risk::under_2h;
  if (deadline < next_midnight) return Risk::today;
  return Risk::later;
}

Risk risk_of(const Posting& posting, EpochMs now, int utc_offset_minutes) {
  return risk_for(stage_of(posting.status), posting.shipment_date, now,
                  next_local_midnight(now, utc_offset_minutes));
}

std::string format_countdown(EpochMs remaining) {
  const bool negative = remaining < 0;
  // Magnitude without overflow for INT64_MIN.
  const std::uint64_t magnitude =
      negative ? std::uint64_t{0} - static_cast<std::uint64_t>(remaining)
               : static_cast<std::uint64_t>(remaining);
  constexpr auto kMin = static_cast<std::uint64_t>(kMinuteMs);
  // Round toward "less time left": down when ahead, up when overdue.
  const std::uint64_t minutes = negative ? magnitude / kMin + (magnitude % kMin != 0 ? 1 : 0)
                                         : magnitude / kMin;
  std::string out;
  out.reserve(12);
  if (negative) out.push_back('-');
  if (minutes < 60) {
    append_number(out, minutes, 1);
    out.push_back('m');
  } else if (minutes < 24 * 60) {
    append_number(out, minutes / 60, 1);
    out += "h ";
    append_number(out, minutes % 60, 2);
    out.push_back('m');
  } else {
    append_number(out, minutes / (24 * 60), 1);
    out += "d ";
    append_number(out, (minutes / 60) % 24, 1);
    out.push_back('h');
  }
  return out;
}

}  // namespace core
