#pragma once
// One FBS/rFBS posting (a shipment of one order from one warehouse) as the
// console uses it. Plain data: parsing lives in ozon/, rules elsewhere in core/.
// Texts that repeat across postings (names, codes, statuses) are Interned, and
// the groups most postings leave empty are Boxed: 100,000 postings must fit in
// 100 MB of a browser tab's heap.
#include <cstdint>
#include <string>
#include <vector>

#include "core/boxed.h"
#include "core/clock.h"
#include "core/interned.h"
#include "core/money.h"
#include "core/posting_status.h"

namespace core {

struct PostingDeliveryMethod {
  // Numbers first, then texts: no padding between them (wasm32).
  std::int64_t id = 0;
  std::int64_t warehouse_id = 0;
  std::int64_t tpl_provider_id = 0;
  Interned name;
  Interned warehouse;
  Interned tpl_provider;
};

struct PostingProduct {
  std::int64_t sku = 0;
  std::int64_t quantity = 0;
  Money price;
  Interned offer_id;
  Interned name;
  Boxed<std::vector<std::string>> imei;  // phones only
};

struct PostingBarcodes {
  std::string upper_barcode;
  std::string lower_barcode;

  bool operator==(const PostingBarcodes&) const = default;
};

struct Cancellation {
  std::int64_t reason_id = 0;
  Interned reason;
  Interned initiator;
  bool affect_cancellation_rating = false;

  bool operator==(const Cancellation&) const = default;
};

struct Address {
  std::string city;
  std::string region;
  std::string zip_code;
  std::string address_tail;
  std::string pvz_code;  // text: the spec says int64, some replies send text
  std::string comment;

  bool operator==(const Address&) const = default;
};

struct Customer {  // rFBS only
  std::string name;
  std::string phone;
  Address address;

  bool operator==(const Customer&) const = default;
};

struct PostingAnalytics {
  Interned region;
  Interned city;
  Interned delivery_type;
};

// SKUs whose exemplar data (marking, customs) must be filled before shipping.
struct PostingRequirements {
  std::vector<std::int64_t> gtd;
  std::vector<std::int64_t> country;
  std::vector<std::int64_t> mandatory_mark;
  std::vector<std::int64_t> rnpt;
  std::vector<std::int64_t> jw_uin;
  std::vector<std::int64_t> imei;
  std::vector<std::int64_t> weight;

  bool any() const {
    return !gtd.empty() || !country.empty() || !mandatory_mark.empty() || !rnpt.empty() ||
           !jw_uin.empty() || !imei.empty() || !weight.empty();
  }
  bool operator==(const PostingRequirements&) const = default;
};

struct Posting {
  std::string posting_number;  // e.g. "23713478-0018-3"
  std::int64_t order_id = 0;
  std::string order_number;
  PostingStatus status = PostingStatus::unknown;
  Interned status_raw;  // as sent, kept when status is unknown
  Interned substatus;
  PostingDeliveryMethod delivery_method;
  std::string tracking_number;
  Interned tpl_integration_type;     // ozon | aggregator | 3pl_tracking | non_integrated
  EpochMs in_process_at = 0;         // 0 = absent
  EpochMs shipment_date = 0;
  EpochMs shipment_date_without_delay = 0;
  EpochMs delivering_date = 0;
  std::vector<PostingProduct> products;
  Boxed<PostingBarcodes> barcodes;
  Boxed<Cancellation> cancellation;
  Boxed<Customer> customer;
  PostingAnalytics analytics;
  Boxed<PostingRequirements> requirements;
  bool is_express = false;
  bool is_multibox = false;
  std::int64_t multi_box_qty = 0;
  std::string parent_posting_number;
  std::vector<Interned> available_actions;
  Interned delivery_schema;        // e.g. "FBS", "RFBS" (v4)
  Interned integration_type_flow;  // v4
  // Which of the seller's stores it belongs to (StoreConfig::id). Not Ozon's
  // field: the app sets it when a store's list arrives.
  Interned store_id;

  bool is_rfbs() const;
  bool can(std::string_view action) const;  // is `action` in available_actions
};

}  // namespace core
