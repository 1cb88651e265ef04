#pragma once
// One FBS/rFBS posting (a shipment of one order from one warehouse) as the
// console uses it. Plain data: parsing lives in ozon/, rules elsewhere in core/.
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/money.h"
#include "core/posting_status.h"

namespace core {

struct PostingDeliveryMethod {
  std::int64_t id = 0;
  std::string name;
  std::int64_t warehouse_id = 0;
  std::string warehouse;
  std::int64_t tpl_provider_id = 0;
  std::string tpl_provider;
};

struct PostingProduct {
  std::int64_t sku = 0;
  std::string offer_id;
  std::string name;
  std::int64_t quantity = 0;
  Money price;
  std::vector<std::string> imei;
};

struct PostingBarcodes {
  std::string upper_barcode;
  std::string lower_barcode;
};

struct Cancellation {
  std::int64_t reason_id = 0;
  std::string reason;
  std::string initiator;
  bool affect_cancellation_rating = false;
};

struct Address {
  std::string city;
  std::string region;
  std::string zip_code;
  std::string address_tail;
  std::string pvz_code;  // text: the spec says int64, some replies send text
  std::string comment;
};

struct Customer {  // rFBS only
  std::string name;
  std::string phone;
  Address address;
};

struct PostingAnalytics {
  std::string region;
  std::string city;
  std::string delivery_type;
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
};

struct Posting {
  std::string posting_number;  // e.g. "23713478-0018-3"
  std::int64_t order_id = 0;
  std::string order_number;
  PostingStatus status = PostingStatus::unknown;
  std::string status_raw;  // as sent, kept when status is unknown
  std::string substatus;
  PostingDeliveryMethod delivery_method;
  std::string tracking_number;
  std::string tpl_integration_type;  // ozon | aggregator | 3pl_tracking | non_integrated
  EpochMs in_process_at = 0;         // 0 = absent
  EpochMs shipment_date = 0;
  EpochMs shipment_date_without_delay = 0;
  EpochMs delivering_date = 0;
  std::vector<PostingProduct> products;
  PostingBarcodes barcodes;
  Cancellation cancellation;
  Customer customer;
  PostingAnalytics analytics;
  PostingRequirements requirements;
  bool is_express = false;
  bool is_multibox = false;
  std::int64_t multi_box_qty = 0;
  std::string parent_posting_number;
  std::vector<std::string> available_actions;
  std::string delivery_schema;        // e.g. "FBS", "RFBS" (v4)
  std::string integration_type_flow;  // v4
  // Which of the seller's stores it belongs to (StoreConfig::id). Not Ozon's
  // field: the app sets it when a store's list arrives.
  std::string store_id;

  bool is_rfbs() const;
  bool can(std::string_view action) const;  // is `action` in available_actions
};

}  // namespace core
