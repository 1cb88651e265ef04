// Changes to a posting after (or instead of) shipping: cancelling it, and
// the rFBS delivery steps the seller reports (tracking number, delivering,
// last mile, delivered).
#include "app/app.h"
#include "ozon/parsers.h"
#include "ozon/requests.h"

namespace app {
namespace {

// The first per-posting failure of a batch reply, as a notice.
Notice batch_notice(const ozon::BatchResult& result) {
  if (result.failed.empty()) return {};
  const auto& item = result.failed.front();
  return {"delivery.refused", item.key + ": " + item.code + " " + item.message};
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

void App::on(const OpenCancel&) {
  PostingWork* work = open_work();
  if (!work || !session_) return;
  auto& cancel = work->cancel;
  cancel.open = true;
  cancel.state = PostingWork::Cancel::State::idle;
  cancel.error = {};
  if (!cancel.reasons.empty() || cancel.loading) return;
  cancel.loading = true;
  const std::string number = work->number;
  session_->client().call(ozon::build_posting_cancel_reasons({number}), &ozon::parse_posting_cancel_reasons,
                          [this, number](ozon::Result<std::vector<core::PostingCancelReasons>> result) {
                            auto it = state_.orders.work.find(number);
                            if (it == state_.orders.work.end()) return;
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

void App::on(const CloseCancel&) {
  if (PostingWork* work = open_work()) work->cancel.open = false;
}

void App::on(const SetCancelReason& a) {
  if (PostingWork* work = open_work()) work->cancel.reason_id = a.reason_id;
}

void App::on(const EditCancelMessage& a) {
  if (PostingWork* work = open_work()) work->cancel.message = a.text;
}

void App::on(const ConfirmCancel&) {
  PostingWork* work = open_work();
  if (!work || !session_ || work->cancel.reason_id == 0) return;
  auto& cancel = work->cancel;
  auto request = ozon::build_cancel(work->number, cancel.reason_id, cancel.message);
  if (!request) {  // e.g. reason 402 without a message: said before anything is sent
    cancel.state = PostingWork::Cancel::State::failed;
    cancel.error = {"cancel.message_required", request.error().message};
    return;
  }
  cancel.state = PostingWork::Cancel::State::sending;
  cancel.error = {};
  const std::string number = work->number;
  session_->client().call(std::move(*request), [this, number](ozon::Result<net::HttpResponse> result) {
    auto it = state_.orders.work.find(number);
    if (it == state_.orders.work.end()) return;
    auto& c = it->second.cancel;
    if (!result) {
      c.state = PostingWork::Cancel::State::failed;
      c.error = notice_for(result.error());
      return;
    }
    c.state = PostingWork::Cancel::State::done;
    c.open = false;
    reload_postings({number});
  });
}

void App::on(const EditTracking& a) {
  if (PostingWork* work = open_work()) work->tracking_text = a.text;
}

void App::on(const SetTrackingNumber&) {
  PostingWork* work = open_work();
  if (!work || !session_) return;
  std::string tracking = work->tracking_text;
  tracking.erase(0, tracking.find_first_not_of(" \t"));
  tracking.erase(tracking.find_last_not_of(" \t") + 1);
  if (tracking.empty()) return;
  work->delivery = PostingWork::Delivery::sending;
  work->delivery_error = {};
  const std::string number = work->number;
  for (auto& request : ozon::build_tracking_numbers({{number, tracking}})) {
    session_->client().call(std::move(request), &ozon::parse_posting_batch_result,
                            [this, number](ozon::Result<ozon::BatchResult> result) {
                              auto it = state_.orders.work.find(number);
                              if (it == state_.orders.work.end()) return;
                              auto& w = it->second;
                              const Notice problem = result ? batch_notice(*result) : notice_for(result.error());
                              w.delivery = problem.empty() ? PostingWork::Delivery::done : PostingWork::Delivery::failed;
                              w.delivery_error = problem;
                              if (problem.empty()) w.tracking_text.clear();
                              reload_postings({number});
                            });
  }
}

void App::on(const MarkDelivery& a) {
  if (!session_) return;
  auto& orders = state_.orders;
  std::vector<std::string> numbers =
      a.selected ? orders.selection.numbers(orders.list) : std::vector<std::string>{orders.open};
  if (numbers.empty() || numbers.front().empty()) return;
  PostingWork* work = open_work();
  if (work && !a.selected) {
    work->delivery = PostingWork::Delivery::sending;
    work->delivery_error = {};
  }
  for (auto& request : ozon::build_status_change(status_change(a.step), numbers)) {
    session_->client().call(std::move(request), &ozon::parse_posting_batch_result,
                            [this, numbers](ozon::Result<ozon::BatchResult> result) {
                              const Notice problem = result ? batch_notice(*result) : notice_for(result.error());
                              if (PostingWork* w = open_work()) {
                                w->delivery = problem.empty() ? PostingWork::Delivery::done
                                                              : PostingWork::Delivery::failed;
                                w->delivery_error = problem;
                              }
                              reload_postings(numbers);
                            });
  }
}

}  // namespace app
