#pragma once
// Where a posting stands for the seller (the Orders screen's tabs) and how
// urgent its assemble-by deadline is. Pure functions: the caller passes
// `now` and the seller's UTC offset, so everything is testable and nothing
// reads a clock or the host time zone.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/posting_status.h"

namespace core {

struct Posting;

// The seller's view of the FBS lifecycle: one tab per stage.
//   awaiting_packaging: awaiting_packaging, and the statuses that come before
//     packing (awaiting_registration, awaiting_approve, awaiting_verification):
//     the seller cannot act on them yet, but they are the next work to arrive
//     and their shipment_date already runs.
//   awaiting_shipment:  awaiting_deliver (packed, labels printed, not handed over).
//   delivering:         acceptance_in_progress, driver_pickup, sent_by_seller,
//                       delivering (handed over; out of the seller's hands).
//   delivered:          delivered.
//   cancelled:          cancelled, cancelled_from_split_pending.
//   disputed:           not_accepted, arbitration, client_arbitration.
//   other:              unknown (a status newer than this code).
enum class Stage : std::uint8_t {
  awaiting_packaging,
  awaiting_shipment,
  delivering,
  delivered,
  cancelled,
  disputed,
  other,
};
inline constexpr std::size_t kStageCount = 7;

Stage stage_of(PostingStatus status);
std::string_view stage_name(Stage stage);  // "awaiting_packaging", ... (stable keys, not UI text)

// Urgency of the assemble-by deadline (`shipment_date`). Only postings the
// seller still has to pack or hand over (stages awaiting_packaging and
// awaiting_shipment) with a known deadline get a risk; the rest are `none`.
//   overdue:  deadline <= now
//   under_2h: deadline <  now + 2 h
//   today:    deadline <  the next local midnight (seller's day)
//   later:    otherwise
// The buckets are checked in that order, so 23:30 with a deadline at 00:30
// the next day is under_2h, not later.
enum class Risk : std::uint8_t { none, overdue, under_2h, today, later };
inline constexpr std::size_t kRiskCount = 5;

std::string_view risk_name(Risk risk);  // "none", "overdue", "under_2h", "today", "later"

Risk risk_of(const Posting& posting, EpochMs now, int utc_offset_minutes);

// The same rule on precomputed inputs (the list model calls this for every
// posting): `next_midnight` from next_local_midnight().
Risk risk_for(Stage stage, EpochMs deadline, EpochMs now, EpochMs next_midnight);

// The UTC instant of the first local midnight strictly after `now`, for a
// seller whose clock is UTC + utc_offset_minutes (+180 Moscow, +480 China,
// -300 New York winter). Works for instants before 1970 too.
EpochMs next_local_midnight(EpochMs now, int utc_offset_minutes);

// Compact countdown text for a table cell: "45m", "1h 05m", "2d 3h";
// negative values are overdue and get a leading '-' ("-1h 05m"). Minutes are
// whole minutes rounded toward "less time left": 59 s left shows "0m",
// 1 s overdue shows "-1m" (so an overdue posting never reads as "0m").
std::string format_countdown(EpochMs remaining);

}  // namespace core
