#pragma once
// "Today's plan: when to ship": postings to pack / to hand over grouped by
// warehouse and delivery method with each method's next cutoff, and the
// pick list (products x quantities) for a set of postings.
//
// Time-zone assumption: a delivery method's `cutoff` ("HH:MM") is a local
// wall-clock time of the seller's (warehouse's) time zone, given as a fixed
// offset from UTC in minutes (Moscow = +180, Beijing = +480). No DST rules
// are applied (Russia and China have none); the cutoff is taken to recur
// every calendar day (working days of the warehouse are not considered).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/delivery_method.h"
#include "core/pick_list.h"
#include "core/posting.h"

namespace core {

inline constexpr std::int64_t kMsPerMinute = 60'000;
inline constexpr std::int64_t kMsPerDay = 86'400'000;

// The first instant strictly after `now` at which the local clock (UTC +
// utc_offset_minutes) reads `cutoff_minutes` after midnight: today's cutoff,
// or tomorrow's once today's has been reached. -1 if cutoff_minutes is
// outside 0..1439.
EpochMs next_cutoff_after(EpochMs now, int cutoff_minutes, int utc_offset_minutes);

struct ShippingGroup {
  std::string store_id;              // the caller's (a plan across stores); "" from shipping_plan
  std::int64_t warehouse_id = 0;
  std::string warehouse_name;        // from the postings
  std::int64_t delivery_method_id = 0;
  std::string delivery_method_name;  // from the delivery method list, else the postings
  int to_pack = 0;                   // awaiting_packaging
  int packed_waiting = 0;            // awaiting_deliver (packed, waiting for hand-over)
  bool has_cutoff = false;           // method known with a valid cutoff
  int cutoff_minutes = -1;           // local minutes after midnight
  EpochMs next_cutoff = 0;           // UTC instant; 0 without a cutoff
  std::int64_t remaining_ms = 0;     // next_cutoff - now; 0 without a cutoff
  // shipment_date <= next_cutoff ("must leave before the cutoff"), overdue
  // ones included; without a cutoff: shipment_date within the next 24 h.
  int due_before_cutoff = 0;
  int overdue = 0;                   // shipment_date already passed (either status)
  std::vector<std::string> posting_numbers;  // by shipment_date, then number
};

// Only awaiting_packaging and awaiting_deliver postings count. Groups are
// sorted by next cutoff (groups without a cutoff last), then warehouse and
// delivery method id. Postings carry their delivery method id; a method
// missing from `methods` still forms a group (has_cutoff = false). With
// `store_id`, only that store's postings count and the groups carry it.
std::vector<ShippingGroup> shipping_plan(const std::vector<Posting>& postings,
                                         const std::vector<DeliveryMethod>& methods, EpochMs now,
                                         int utc_offset_minutes, std::string_view store_id = {});

struct PickList {
  std::vector<PickListRow> rows;  // sorted by offer_id, then sku
  std::size_t posting_count = 0;  // distinct postings given
  std::int64_t total_quantity = 0;
};

// Products x total quantities over the given postings, merged by SKU (by
// offer_id when a line has no SKU); offer_id and name from the first line
// that has them; posting_numbers without repeats, in input order. Null
// pointers are skipped.
PickList pick_list(const std::vector<const Posting*>& postings);

struct PickListTextOptions {
  std::string title;  // first line when not empty (e.g. "Warehouse A, cutoff 14:00")
  std::string header_offer_id = "offer_id";
  std::string header_name = "name";
  std::string header_quantity = "quantity";
  std::string header_postings = "postings";
  // The seller's packing note for a product (own name, packaging, note);
  // when set, a "packing" column is added.
  std::function<std::string(const PickListRow&)> packing_note = {};
  std::string header_packing = "packing";
  std::string total_label = "total";  // last row: label, "", total quantity, posting count; "" = none
  char separator = '\t';
  std::string posting_separator = ", ";
};

// Printable plain text / TSV: header row, one row per product, total row,
// LF line ends. Separators, CR and LF inside cells become spaces.
std::string pick_list_text(const PickList& list, const PickListTextOptions& options = {});

}  // namespace core
