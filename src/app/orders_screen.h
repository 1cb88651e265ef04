#pragma once
// The orders screen and the posting detail: the active store's postings
// and catalogue (barcodes), the seller's query and selection, verifying,
// packing and shipping, marking codes, cancelling, rFBS delivery steps and
// labels. Its slices (AppState::orders, ::labels) are shared: Today's plan
// and the outbox read the postings too. Implemented across orders.cpp,
// posting_detail_actions.cpp, posting_changes.cpp, marking.cpp, labels.cpp
// and orders_drafts.cpp.
#include <map>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/orders_actions.h"
#include "app/posting_change.h"
#include "core/refresh_window.h"

namespace app {

inline constexpr const char* kRefreshMinutesSettingKey = "refresh_minutes";

// One store's list was refreshed: what changed since its previous list from
// the network (empty on its first), for the alerts.
struct OrdersRefreshed {
  const std::string& store_id;
  const core::PostingDiff& diff;
  bool first = false;
};

class OrdersScreen final : public Feature {
 public:
  explicit OrdersScreen(App& app);
  static constexpr std::string_view kId = "orders";
  std::string_view id() const override { return kId; }
  char shortcut() const override { return 'o'; }

  void on_store_opened() override;
  void prepare_frame(bool on_screen) override;
  RedrawNeeds redraw_needs(bool on_screen) const override;
  void write_snapshot(nlohmann::json& snapshot) const override;
  void collect_drafts(std::map<std::string, std::string>& drafts) const override;
  bool restore_draft(const std::string& key, const nlohmann::json& draft) override;
  void write_ui_draft(nlohmann::json& ui) const override;
  bool restore_ui_draft(const nlohmann::json& ui) override;
  void forget_local_data() override;
  bool owns_change(std::string_view kind) const override { return posting_change_from(kind).has_value(); }
  std::optional<std::string> refusal_in_reply(const OutboxEntry& entry, const std::string& body) const override;
  void verify_change(const OutboxEntry& entry, std::function<void(VerifyOutcome)> done) override;
  void on_change_finished(const OutboxEntry& entry) override;

  // Re-reads postings of one store whose state changed (after ship, a split creates new ones).
  void reload_postings(const std::vector<std::string>& numbers, const std::string& store_id);
  // Called after every successful refresh of a store (the alerts listen).
  void listen(std::function<void(const OrdersRefreshed&)> listener) { listeners_.push_back(std::move(listener)); }
  // Called when Ozon refuses a posting's marking codes (store, posting).
  void listen_marking_refused(std::function<void(const std::string&, const std::string&)> listener) {
    marking_listeners_.push_back(std::move(listener));
  }
  // The network came or went: refreshes pause, and resume when it is back.
  void on_online_changed(bool online) override;
  std::vector<std::string> working_postings() const;
  // The store a posting belongs to (the open store for an unknown number).
  std::string store_of(std::string_view posting_number) const;

  void on(const SetAllStores&);
  void on(const SetRefreshInterval&);
  void on(const MarkChangesSeen&);

  void on(const RefreshOrders&);
  void on(const SelectTab&);
  void on(const SetSearch&);
  void on(const SetSort&);
  void on(const SetFilters&);
  void on(const ClickRow&);
  void on(const SelectAllFiltered&);
  void on(const ClearSelection&);
  void on(const OpenPosting&);
  void on(const ClosePosting&);
  void on(const OpenNeighbour&);
  void on(const EditScanText&);
  void on(const ScanCode&);
  void on(const AcknowledgeStop&);
  void on(const SetStationOption&);
  void on(const SetCheck&);
  void on(const SetLineCount&);
  void on(const SetBoxCount&);
  void on(const SetBoxQuantity&);
  void on(const ShipOpenPosting&);
  void on(const BatchShipSelected&);
  void on(const LoadMarking&);
  void on(const EditMarking&);
  void on(const SendMarking&);
  void on(const OpenCancel&);
  void on(const CloseCancel&);
  void on(const SetCancelReason&);
  void on(const EditCancelMessage&);
  void on(const ConfirmCancel&);
  void on(const SetCancelPartial&);
  void on(const SetCancelQuantity&);
  void on(const EditCutoff&);
  void on(const SetCutoff&);
  void on(const EditTracking&);
  void on(const SetTrackingNumber&);
  void on(const OpenTrackingPaste&);
  void on(const EditTrackingPaste&);
  void on(const SendTrackingPaste&);
  void on(const MarkDelivery&);
  void on(const PrintLabels&);
  void on(const FocusSearch&);
  void on(const FocusScan&);

 private:
  OrdersSlice& orders_slice() { return app_.mutable_state().orders; }
  const OrdersSlice& orders_slice() const { return app_.state().orders; }
  void refresh_orders();
  void load_products(const std::string& store_id);
  void scan_into(PostingWork& work, const std::string& code);
  void labels_moved_on();
  // Background refresh (orders_refresh.cpp).
  StoreFeed* feed(std::string_view store_id);
  void open_fleet();
  void apply_store_scope();
  void mirror_active_feed();
  void pump_refresh();
  void start_refresh(const std::string& store_id);
  void reread_unaccounted(const std::string& store_id, int generation, std::shared_ptr<core::RefreshMerge> merged);
  void apply_refresh(const std::string& store_id, core::RefreshMerge merge);
  void finish_refresh(const std::string& store_id, Notice error);
  // The session of the store a posting belongs to (null: not connected).
  StoreSession* session_of(std::string_view posting_number);
  PostingWork* open_work();
  // Each line's catalogue barcodes, and a set's parts with theirs (Stock notes).
  struct LineCodes {
    std::vector<std::vector<std::string>> barcodes;
    std::vector<core::LineParts> sets;
  };
  LineCodes line_codes(const core::Posting& posting) const;
  void refresh_sets(PostingWork& work, const core::Posting& posting);
  PostingWork& work_for(const core::Posting& posting);
  void ship(const std::string& number, const core::BoxPlan& boxes);
  void enqueue(PostingChange change, const std::string& number, const net::HttpRequest& request);
  void print_labels(const std::vector<std::string>& candidates, bool auto_print);
  void pump_labels(int generation);
  void finish_labels();
  // The packing station (packing_station.cpp): its settings, the steps after
  // the last scan, and the label check.
  void load_station();
  void start_auto_flow(PostingWork& work);
  void advance_auto_flow(const std::string& number);
  void auto_label_printed();
  void auto_label_failed();
  void finish_auto_flow(PostingWork& work);
  void check_label(PostingWork& work, const core::Posting& posting, const std::string& code);
  void stop_packing(PostingWork& work, core::ScanOutcome outcome, const std::string& code);
  void send_marking_countries(const std::string& number, int generation);
  void poll_marking(const std::string& number, int generation);
  // Ozon's verdict arrived (or the form was loaded): update the checklist.
  void apply_marking_status(PostingWork& work, const core::ExemplarData& status);

  // Drafts read at start, applied when their posting is first opened.
  std::map<std::string, nlohmann::json> saved_posting_drafts_;
  std::vector<std::function<void(const OrdersRefreshed&)>> listeners_;
  std::vector<std::function<void(const std::string&, const std::string&)>> marking_listeners_;
  int refresh_timer_ = 0;  // only the latest armed timer pumps
  int refresh_generation_ = 0;
};

}  // namespace app
