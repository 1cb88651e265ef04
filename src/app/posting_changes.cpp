// Changes to a posting after (or instead of) shipping: cancelling it, and
// the rFBS delivery steps the seller reports (tracking number, delivering,
// last mile, delivered).
#include <algorithm>

#include "app/orders_screen.h"
#include "core/local_time.h"
#include "ozon/parsers.h"
#include "ozon/requests.h"

namespace app {
namespace {

PostingChange step_change(DeliveryStep step) {
  switch (step) {
    case DeliveryStep::delivering: return PostingChange::delivering;
    case DeliveryStep::last_mile: return PostingChange::last_mile;
    case DeliveryStep::delivered: return PostingChange::delivered;
  }
  return PostingChange::delivering;
}

ozon::StatusChange status_change(DeliveryStep step) {
  switch (step) {
    case DeliveryStep::delivering: return ozon::StatusChange::delivering;
    case DeliveryStep::last_mile: return ozon::StatusChange::last_mile;
    case DeliveryStep::delivered: return ozon::StatusChange::delivered;
  }
  return ozon::StatusChange::delivering;
}

}  // namespace

void OrdersScreen::on(const OpenCancel&) {
  PostingWork* work = open_work();
  if (!work || !session_of(work->number)) return;
  auto& cancel = work->cancel;
  cancel.open = true;
  cancel.state = PostingWork::Cancel::State::idle;
  cancel.error = {};
  if (!cancel.reasons.empty() || cancel.loading) return;
  cancel.loading = true;
  const std::string number = work->number;
  session_of(number)->client().call(ozon::build_posting_cancel_reasons({number}), &ozon::parse_posting_cancel_reasons,
                          [this, number](ozon::Result<std::vector<core::PostingCancelReasons>> result) {
                            auto it = orders_slice().work.find(number);
                            if (it == orders_slice().work.end()) return;
                            auto& c = it->second.cancel;
                            c.loading = false;
                            if (!result) {
                              c.error = notice_for(result.error());
                              return;
                            }
                            for (const auto& entry : *result)
                              if (entry.posting_number == number)
                                for (const auto& reason : entry.reasons)
                                  if (reason.is_available_for_cancellation) c.reasons.push_back(reason);
                          });
}

void OrdersScreen::on(const CloseCancel&) {
  if (PostingWork* work = open_work()) work->cancel.open = false;
}

void OrdersScreen::on(const SetCancelReason& a) {
  if (PostingWork* work = open_work()) work->cancel.reason_id = a.reason_id;
}

void OrdersScreen::on(const EditCancelMessage& a) {
  if (PostingWork* work = open_work()) work->cancel.message = a.text;
}

void OrdersScreen::on(const ConfirmCancel&) {
  PostingWork* work = open_work();
  if (!work || !session_of(work->number) || work->cancel.reason_id == 0) return;
  auto& cancel = work->cancel;
  ozon::Result<net::HttpRequest> request = ozon::build_cancel(work->number, cancel.reason_id, cancel.message);
  if (cancel.partial) {
    const core::Posting* posting = orders_slice().list.find(work->number);
    if (!posting) return;
    std::vector<ozon::CancelItem> items;
    for (std::size_t line = 0; line < posting->products.size() && line < cancel.quantities.size(); ++line)
      if (cancel.quantities[line] > 0) items.push_back({posting->products[line].sku, cancel.quantities[line]});
    if (items.empty()) {
      cancel.state = PostingWork::Cancel::State::failed;
      cancel.error = {"cancel.choose_items", ""};
      return;
    }
    request = ozon::build_product_cancel(work->number, cancel.reason_id, cancel.message, items);
  }
  if (!request) {  // reason 402, or some items, without a message: said before anything is sent
    cancel.state = PostingWork::Cancel::State::failed;
    cancel.error = {cancel.partial ? "cancel.items_message_required" : "cancel.message_required",
                    request.error().message};
    return;
  }
  cancel.state = PostingWork::Cancel::State::sending;
  cancel.error = {};
  enqueue(cancel.partial ? PostingChange::cancel_items : PostingChange::cancel, work->number, *request);
}

void OrdersScreen::on(const SetCancelPartial& a) {
  PostingWork* work = open_work();
  const core::Posting* posting = work ? orders_slice().list.find(work->number) : nullptr;
  if (!posting) return;
  work->cancel.partial = a.partial;
  work->cancel.quantities.assign(posting->products.size(), 0);
}

void OrdersScreen::on(const SetCancelQuantity& a) {
  PostingWork* work = open_work();
  const core::Posting* posting = work ? orders_slice().list.find(work->number) : nullptr;
  if (!posting || a.line >= posting->products.size() || a.line >= work->cancel.quantities.size()) return;
  work->cancel.quantities[a.line] = std::clamp<std::int64_t>(a.quantity, 0, posting->products[a.line].quantity);
}

void OrdersScreen::on(const EditCutoff& a) {
  if (PostingWork* work = open_work()) work->cutoff_text = a.text;
}

void OrdersScreen::on(const SetCutoff&) {
  PostingWork* work = open_work();
  if (!work || !session_of(work->number)) return;
  const auto when = core::parse_local_datetime(work->cutoff_text, app_.mutable_state().utc_offset_minutes);
  if (!when || *when < app_.now()) {
    work->delivery = PostingWork::Delivery::failed;
    work->delivery_error = {"cutoff.bad_date", work->cutoff_text};
    return;
  }
  work->delivery = PostingWork::Delivery::sending;
  work->delivery_error = {};
  enqueue(PostingChange::set_cutoff, work->number, ozon::build_cutoff_set(work->number, *when));
}

void OrdersScreen::on(const EditTracking& a) {
  if (PostingWork* work = open_work()) work->tracking_text = a.text;
}

void OrdersScreen::on(const SetTrackingNumber&) {
  PostingWork* work = open_work();
  if (!work || !session_of(work->number)) return;
  std::string tracking = work->tracking_text;
  tracking.erase(0, tracking.find_first_not_of(" \t"));
  tracking.erase(tracking.find_last_not_of(" \t") + 1);
  if (tracking.empty()) return;
  work->delivery = PostingWork::Delivery::sending;
  work->delivery_error = {};
  for (const auto& request : ozon::build_tracking_numbers({{work->number, tracking}}))
    enqueue(PostingChange::set_tracking, work->number, request);
}

void OrdersScreen::on(const OpenTrackingPaste& a) {
  auto& paste = orders_slice().tracking_paste;
  paste.open = a.open;
  if (!a.open && paste.state == OrdersSlice::TrackingPaste::State::done) paste = {};
}

void OrdersScreen::on(const EditTrackingPaste& a) {
  auto& paste = orders_slice().tracking_paste;
  if (paste.state == OrdersSlice::TrackingPaste::State::sending) return;
  paste.text = a.text;
  paste.state = OrdersSlice::TrackingPaste::State::idle;
  paste.problems.clear();
  paste.rows.clear();
  paste.not_settable.clear();
  for (auto& row : core::parse_tracking_paste(a.text, &paste.problems)) {
    const core::Posting* posting = orders_slice().list.find(row.posting_number);
    if (posting && posting->can("set_track_number"))
      paste.rows.push_back(std::move(row));
    else
      paste.not_settable.push_back(row.posting_number);
  }
}

void OrdersScreen::on(const SendTrackingPaste&) {
  auto& paste = orders_slice().tracking_paste;
  if (orders_slice().stores.empty() || paste.rows.empty() || paste.state == OrdersSlice::TrackingPaste::State::sending) return;
  paste.state = OrdersSlice::TrackingPaste::State::sending;
  paste.pending = static_cast<int>(paste.rows.size());
  paste.sent = 0;
  paste.refused.clear();
  paste.error = {};
  // One change per posting: each is sent, retried and confirmed on its own.
  for (const auto& row : paste.rows)
    for (const auto& request : ozon::build_tracking_numbers({{row.posting_number, row.tracking_number}}))
      enqueue(PostingChange::set_tracking, row.posting_number, request);
}

void OrdersScreen::on(const MarkDelivery& a) {
  if (orders_slice().stores.empty()) return;
  auto& orders = orders_slice();
  std::vector<std::string> numbers =
      a.selected ? orders.selection.numbers(orders.list) : std::vector<std::string>{orders.open};
  if (numbers.empty() || numbers.front().empty()) return;
  PostingWork* work = open_work();
  if (work && !a.selected) {
    work->delivery = PostingWork::Delivery::sending;
    work->delivery_error = {};
  }
  for (const auto& number : numbers)
    for (const auto& request : ozon::build_status_change(status_change(a.step), {number}))
      enqueue(step_change(a.step), number, request);
}

}  // namespace app
