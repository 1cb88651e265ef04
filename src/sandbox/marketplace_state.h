#pragma once
// Internal state of the demo marketplace (shared by its .cpp files only).
#include <deque>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "sandbox/marketplace.h"

namespace sandbox {

struct Warehouse {
  std::int64_t id = 0;
  std::string name;
  bool is_rfbs = false;
  std::string first_mile_type;  // "DropOff" | "Pickup"
};

struct DeliveryMethod {
  std::int64_t id = 0;
  std::string name;
  std::int64_t warehouse_id = 0;
  std::int64_t provider_id = 0;
  std::string provider;
  int cutoff_minutes = 14 * 60;  // Moscow time of day
  std::string tpl_integration_type;  // "ozon" | "non_integrated"
  int sla_cut_in = 1440;
};

struct Product {
  std::int64_t product_id = 0;
  std::int64_t sku = 0;
  std::string offer_id;
  std::string name;
  std::string color;
  std::string barcode;
  std::int64_t price_kop = 0;
  std::int64_t old_price_kop = 0;
  int weight_g = 0;
  bool needs_mark = false;
  bool needs_gtd = false;
  bool needs_country = false;
  bool archived = false;
  core::EpochMs created_at = 0;
  // warehouse -> what the seller set (Ozon's `stock`, reserves excluded). Ozon's
  // present = available + reserved; negative only for the seeded shortage.
  std::map<std::int64_t, std::int64_t> available;
};

struct Exemplar {
  std::int64_t id = 0;
  std::string mark;
  std::string gtd;
  bool is_gtd_absent = false;
};

struct Item {
  std::int64_t sku = 0;
  int quantity = 0;
  std::vector<Exemplar> exemplars;  // created by exemplar/create-or-get
  std::string country_iso;          // set by product/country/set
};

struct Cancellation {
  std::int64_t reason_id = 0;
  std::string reason;
  std::string initiator;  // "seller" | "buyer" | "ozon"
  bool affect_rating = false;
  bool after_ship = false;
};

struct Customer {
  std::int64_t id = 0;
  std::string name, phone, city, region, zip, address_tail, comment;
};

struct Posting {
  std::string number;
  std::int64_t order_id = 0;
  std::string order_number;
  std::string status;
  std::string substatus;
  std::int64_t delivery_method_id = 0;
  std::string tracking_number;
  core::EpochMs in_process_at = 0;
  core::EpochMs shipment_date = 0;
  core::EpochMs delivering_date = 0;  // 0 = null
  core::EpochMs status_changed_at = 0;
  core::EpochMs shipped_at = 0;       // label ready at shipped_at + kLabelDelayMs
  std::vector<Item> items;
  bool is_express = false;
  bool has_customer = false;  // rFBS
  Customer customer;
  bool has_cancellation = false;
  Cancellation cancellation;
  std::string parent_posting_number;
  int multi_box_qty = 1;
  bool needs_cutoff = false;
  // Exemplars: set at, and whether the last set was complete and valid.
  core::EpochMs exemplars_set_at = 0;  // 0 = never set
  std::string upper_barcode, lower_barcode;
  std::string region, city;
};

struct Act {
  std::int64_t id = 0;
  std::int64_t delivery_method_id = 0;
  std::string departure_date;
  int containers_count = 0;
  core::EpochMs created_at = 0;
  std::vector<std::string> postings;
  bool handed_over = false;
};

struct LabelTask {
  std::int64_t id = 0;
  std::string type;
  std::vector<std::string> postings;
};

struct ChatMessage {
  std::uint64_t id = 0;
  std::string user_type;  // "customer" | "seller" | "support" (the spec's spelling)
  std::string user_id;
  core::EpochMs created_at = 0;
  std::string text;
  bool is_read = true;
};

struct Chat {
  std::string id;
  std::string status = "Opened";
  core::EpochMs created_at = 0;
  std::string posting_number;
  std::string order_number;
  std::int64_t sku = 0;
  std::string buyer_id;
  std::uint64_t next_message_id = 0;  // ids rise within a chat (history pages by id)
  std::vector<ChatMessage> messages;
};

struct Return {
  std::int64_t id = 0;
  std::string posting_number;
  std::int64_t sku = 0;
  int quantity = 1;
  std::string reason;
  std::string status_sys, status_name;
  int status_id = 0;
  core::EpochMs returned_at = 0;  // logistic.return_date
  core::EpochMs moment = 0;       // visual.change_moment
  std::string type;               // "ClientReturn" | "PartialReturn" | "FullReturn"
  std::int64_t warehouse_id = 0;
};

struct RfbsReason {
  std::int64_t id = 0;
  std::string name, hint;
  bool comment_required = false;
};

// An rFBS return request (/v2/returns/rfbs/*).
struct RfbsReturnRequest {
  std::int64_t id = 0;
  std::string number;
  std::string posting_number;
  std::string client_name;
  core::EpochMs created_at = 0;
  std::int64_t sku = 0;
  std::int64_t price_kop = 0;
  std::int64_t reason_id = 0;
  std::string reason;
  bool is_defect = false;
  std::string comment;  // the buyer's
  std::string group_state, state, state_name, money_state_name;
  std::string return_method;  // verify's return_method_description
  std::string rejection_comment;
  std::string tracking_number;
  std::vector<std::string> photos;
  std::vector<RfbsReason> reasons;  // the seller may reject with these
};

struct ReviewComment {
  std::string id;
  std::string text;
  core::EpochMs published_at = 0;
  bool is_owner = false;
  bool is_official = false;
  std::string parent_id;
};

struct Review {
  std::string id;
  std::int64_t sku = 0;
  int rating = 5;
  std::string text;
  core::EpochMs published_at = 0;
  std::string status = "UNPROCESSED";
  std::string order_status = "DELIVERED";
  int photos = 0;
  int likes = 0, dislikes = 0;
  std::vector<ReviewComment> comments;
};

struct CancelReason {
  std::int64_t id = 0;
  std::string title;
  std::string type_id;  // "seller" | "buyer"
  bool available = true;
  bool affects_rating = false;
};

struct Marketplace::State {
  explicit State(std::uint64_t s)
      : rng(s), fault_rng(s ^ 0x5eed5eedULL), arrival_rng(s ^ 0xa771a1ULL), arrival_clock_rng(s ^ 0xc10cULL),
        message_rng(s ^ 0x3e55a9eULL), message_clock_rng(s ^ 0xc1a7ULL) {}
  std::uint64_t seed = 0;
  Rng rng;
  Rng fault_rng;
  Rng arrival_rng;        // arrivals: their contents
  Rng arrival_clock_rng;  // arrivals: the gaps between them (apart, so catch-up makes the same postings)
  FaultKnob faults;
  std::vector<Warehouse> warehouses;
  std::vector<DeliveryMethod> methods;
  std::vector<Product> products;
  std::unordered_map<std::int64_t, std::size_t> product_by_sku;
  std::vector<Posting> postings;
  std::unordered_map<std::string, std::size_t> posting_index;
  std::vector<CancelReason> reasons;
  std::vector<Act> acts;
  std::vector<LabelTask> label_tasks;
  std::vector<Chat> chats;
  std::vector<Return> returns;
  std::vector<RfbsReturnRequest> rfbs_returns;
  std::vector<Review> reviews;
  bool premium_plus = true;  // chats and reviews need it
  core::EpochMs label_delay_ms = Marketplace::kLabelDelayMs;  // set_label_delay
  std::deque<core::EpochMs> recent_all;
  std::deque<core::EpochMs> recent_get;
  std::map<std::pair<std::int64_t, std::int64_t>, core::EpochMs> stock_updates;  // (product, wh) -> last update
  std::deque<core::EpochMs> recent_stock_updates;  // /v2/products/stocks calls, for the per-minute limit
  std::deque<core::EpochMs> recent_analytics;  // /v1/analytics/data calls, for its per-minute limit
  core::EpochMs generated_at = 0;              // construction time: the demo's finance history ends there
  std::int64_t next_id = 900000000;
  std::int64_t next_comment_no = 0;  // review comment ids the seller creates

  // Buyer messages arriving while arrivals are on (their own streams).
  Rng message_rng;
  Rng message_clock_rng;
  core::EpochMs next_message_at = 0;

  // Arrivals: new awaiting_packaging postings while the sandbox runs (see
  // marketplace.h). Order numbers continue in the seed's block after the
  // generated ones.
  bool arrivals_on = true;
  core::EpochMs next_arrival_at = 0;
  std::int64_t next_order_no = 0;

  void generate(core::EpochMs now);
  // Creates the arrivals due up to `now` (at most kMaxArrivalsPerCall, the latest).
  void arrive(core::EpochMs now);
  // One new awaiting_packaging posting that arrived at `at`; its number, or
  // "" when no product has free stock to order.
  std::string add_arrival(core::EpochMs at);
  void seed_stock_shortage();  // called by generate()
  // marketplace_buyers_gen.cpp: chats, FBS returns, rFBS return requests and
  // reviews of the generated postings (called by generate()).
  void generate_buyers(core::EpochMs now);
  void generate_chats(core::EpochMs now);  // marketplace_chats_gen.cpp
  // Buyer messages due up to `now`; one buyer message now (text "" = one of
  // the demo's), its id; the chats a buyer message may arrive in.
  void arrive_messages(core::EpochMs now);
  std::uint64_t add_buyer_message(Chat& chat, std::string text, core::EpochMs now);
  bool seller_may_write(const Chat& chat, core::EpochMs now, std::string* why) const;
  Chat* chat(std::string_view id);
  RfbsReturnRequest* rfbs_return(std::int64_t id);
  // The finer state, its Russian name and the money state of a group state.
  static void set_rfbs_group(RfbsReturnRequest& r, std::string_view group_state);
  void add_posting(Posting p);
  Posting* find(std::string_view number);
  const Warehouse* warehouse(std::int64_t id) const;
  const DeliveryMethod* method(std::int64_t id) const;
  const Product* product(std::int64_t sku) const;
  Product* product_mut(std::int64_t sku);
  bool is_rfbs(const Posting& p) const;

  // Stock. A posting reserves its units at its delivery method's warehouse
  // while it is open (awaiting_packaging, awaiting_deliver); hand-over ends
  // the reserve and the units leave the shelf; a cancellation returns them to
  // the free stock (free_units). Reserves are computed from the postings.
  struct StockAt {
    std::int64_t present = 0;  // available + reserved
    std::int64_t reserved = 0;
  };
  static bool reserves(const Posting& p);
  std::int64_t warehouse_of(const Posting& p) const;  // 0 when unknown
  std::int64_t reserved(std::int64_t sku, std::int64_t warehouse_id) const;
  StockAt stock_at(const Product& product, std::int64_t warehouse_id) const;
  // `items` of open posting `p` are cancelled: their units become free stock again.
  void free_units(const Posting& p, const std::vector<Item>& items);
};

}  // namespace sandbox
