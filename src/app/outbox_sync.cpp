// The outbox in the app: every change sent to Ozon (ship, cancel, tracking
// numbers, delivery statuses, the shipping date) is written down first, sent
// in order, retried when the network returns, and checked against the
// posting before a retry whose first attempt may have reached Ozon.
#include <algorithm>

#include "app/app.h"
#include "app/drafts.h"
#include "ozon/parsers.h"
#include "ozon/requests.h"
#include "store/memory_record_store.h"

namespace app {
namespace {

bool is_batch_kind(const std::string& kind) {
  return kind == "set_tracking" || kind == "delivering" || kind == "last_mile" || kind == "delivered";
}

// The Ozon reply as the outbox needs it: did it happen, may it have happened,
// or was it refused for good.
SendOutcome outcome_of(const std::string& kind, const ozon::Result<net::HttpResponse>& reply, bool online) {
  if (reply) {
    if (is_batch_kind(kind)) {
      auto batch = ozon::parse_posting_batch_result(reply.value().body);
      if (batch && !batch->failed.empty()) {
        const auto& item = batch->failed.front();
        return SendOutcome::permanent(item.code + " " + item.message);
      }
    }
    return SendOutcome::ok(reply.value().body);
  }
  const ozon::ApiError& error = reply.error();
  switch (error.kind) {
    case ozon::ErrorKind::network:
    case ozon::ErrorKind::timeout:
    case ozon::ErrorKind::bridge:
      // Offline: the request never left. Otherwise it may have reached Ozon.
      return SendOutcome::transient(error.summary(), online, error.retry_after_ms);
    case ozon::ErrorKind::rate_limited:
    case ozon::ErrorKind::circle_open:
      return SendOutcome::transient(error.summary(), false, error.retry_after_ms);
    case ozon::ErrorKind::malformed_reply: return SendOutcome::transient(error.summary(), true);
    case ozon::ErrorKind::http:
      if (error.http_status >= 500) return SendOutcome::transient(error.summary(), error.http_status >= 502);
      return SendOutcome::permanent(error.summary());
    case ozon::ErrorKind::cors:
    case ozon::ErrorKind::label_not_ready:
    case ozon::ErrorKind::invalid_request:
    case ozon::ErrorKind::paging: break;
  }
  return SendOutcome::permanent(error.summary());
}

// Whether the posting as Ozon has it now already shows the entry's change.
std::optional<bool> already_done(const OutboxEntry& entry, const core::Posting& posting) {
  using S = core::PostingStatus;
  const S status = posting.status;
  if (entry.kind == "ship") return status != S::awaiting_packaging;
  if (entry.kind == "cancel") return status == S::cancelled;
  if (entry.kind == "set_cutoff") return !posting.can("set_cutoff");
  if (entry.kind == "delivering") return status == S::delivering || status == S::driver_pickup || status == S::delivered;
  if (entry.kind == "last_mile") return status == S::driver_pickup || status == S::delivered;
  if (entry.kind == "delivered") return status == S::delivered;
  if (entry.kind == "set_tracking") {
    auto body = nlohmann::json::parse(entry.body, nullptr, false);
    const auto* list = body.is_object() && body.contains("tracking_numbers") ? &body["tracking_numbers"] : nullptr;
    if (list && list->is_array() && !list->empty() && (*list)[0].is_object() && (*list)[0].contains("tracking_number") &&
        (*list)[0]["tracking_number"].is_string())
      return posting.tracking_number == (*list)[0]["tracking_number"].get<std::string>();
  }
  return std::nullopt;  // partial cancels cannot be told from the posting alone
}

}  // namespace

void App::init_outbox() {
  store::RecordStore* records = services_.records;
  if (!records) {
    memory_records_ = std::make_unique<store::MemoryRecordStore>(services_.scheduler);
    records = memory_records_.get();
  }
  outbox_ = std::make_unique<Outbox>(
      *records, services_.clock, services_.scheduler,
      OutboxHooks{[this](const OutboxEntry& e, std::function<void(SendOutcome)> done) { send_outbox_entry(e, std::move(done)); },
                  [this](const OutboxEntry& e, std::function<void(VerifyOutcome)> done) {
                    verify_outbox_entry(e, std::move(done));
                  },
                  [this](const OutboxEntry& e) { on_outbox_change(e); }});
}

namespace {
// The callback for `call`, removed from `in_flight`; empty if it was answered already.
template <typename Callback>
Callback take_in_flight(std::map<std::int64_t, Callback>& in_flight, std::int64_t call) {
  auto it = in_flight.find(call);
  if (it == in_flight.end()) return {};
  Callback callback = std::move(it->second);
  in_flight.erase(it);
  return callback;
}
}  // namespace

void App::enqueue_change(const std::string& kind, const std::string& posting_number, const net::HttpRequest& request) {
  outbox_->enqueue({state_.stores.active_id, kind, posting_number, request.path, request.body,
                    posting_draft_key(posting_number)});
}

void App::send_outbox_entry(const OutboxEntry& entry, std::function<void(SendOutcome)> done) {
  // An entry for another store waits until that store is open again.
  if (!session_ || entry.store_id != state_.stores.active_id) {
    done(SendOutcome::transient("the store of this change is not open", false, 30'000));
    return;
  }
  ozon::CallOptions options;
  options.retry = false;
  net::HttpRequest request{entry.path, entry.body};
  const std::int64_t call = ++outbox_calls_started_;
  outbox_sends_in_flight_[call] = std::move(done);
  session_->client().call_with(std::move(request), options,
                               [this, call, kind = entry.kind](ozon::Result<net::HttpResponse> reply) {
                                 auto answer = take_in_flight(outbox_sends_in_flight_, call);
                                 if (answer) answer(outcome_of(kind, reply, state_.device.online));
                               });
}

void App::verify_outbox_entry(const OutboxEntry& entry, std::function<void(VerifyOutcome)> done) {
  if (!session_ || entry.store_id != state_.stores.active_id) {
    done(VerifyOutcome::unknown("the store of this change is not open"));
    return;
  }
  const std::int64_t call = ++outbox_calls_started_;
  outbox_verifies_in_flight_[call] = std::move(done);
  session_->client().call(ozon::build_posting_get(entry.posting_number), &ozon::parse_posting,
                          [this, call, entry](ozon::Result<core::Posting> posting) {
                            auto answer = take_in_flight(outbox_verifies_in_flight_, call);
                            if (!answer) return;
                            if (!posting) return answer(VerifyOutcome::unknown(posting.error().summary()));
                            const auto reached = already_done(entry, *posting);
                            if (!reached) return answer(VerifyOutcome::unknown("cannot tell from the posting"));
                            answer(*reached ? VerifyOutcome::already_done() : VerifyOutcome::not_done());
                          });
}

// Closing a store's session drops its client and every answer still to come.
// The outbox sends one entry at a time and waits for its answer, so a request
// left unanswered would stall it: it is answered here instead. A send may have
// reached Ozon, so it is verified before it goes again.
void App::abandon_outbox_calls() {
  auto sends = std::exchange(outbox_sends_in_flight_, {});
  auto verifies = std::exchange(outbox_verifies_in_flight_, {});
  for (auto& [call, done] : sends)
    done(SendOutcome::transient("the store was switched while this change was being sent", true));
  for (auto& [call, done] : verifies) done(VerifyOutcome::unknown("the store was switched while checking"));
}

// What a finished (or refused) change means for the screen.
void App::on_outbox_change(const OutboxEntry& entry) {
  auto& slice = state_.outbox;
  auto it = std::find_if(slice.entries.begin(), slice.entries.end(),
                         [&](const OutboxEntry& e) { return e.id == entry.id; });
  if (entry.removed) {
    if (it != slice.entries.end()) slice.entries.erase(it);
  } else if (it != slice.entries.end()) {
    *it = entry;
  } else {
    slice.entries.push_back(entry);
  }
  slice.pending = outbox_ ? outbox_->pending_count() : 0;
  slice.failed = outbox_ ? outbox_->needs_attention().size() : 0;
  if (entry.removed || (entry.state != OutboxState::done && entry.state != OutboxState::failed)) return;

  const bool ok = entry.state == OutboxState::done;
  const Notice refused = ok ? Notice{} : Notice{"outbox.refused", entry.last_error};
  const std::string& number = entry.posting_number;
  std::vector<std::string> changed{number};
  auto work_it = state_.orders.work.find(number);
  PostingWork* work = work_it != state_.orders.work.end() ? &work_it->second : nullptr;
  auto& orders = state_.orders;

  if (entry.kind == "ship") {
    std::vector<std::string> created;
    if (ok && !entry.result_body.empty())
      if (auto result = ozon::parse_ship_result(entry.result_body)) created = *result;
    changed.insert(changed.end(), created.begin(), created.end());
    if (work) {
      work->ship = ok ? PostingWork::Ship::done : PostingWork::Ship::failed;
      work->ship_error = refused;
      work->shipped_as = created;
    }
    auto in_batch = std::find(orders.batch_numbers.begin(), orders.batch_numbers.end(), number);
    if (in_batch != orders.batch_numbers.end()) {
      orders.batch_numbers.erase(in_batch);
      orders.batch_pending = static_cast<int>(orders.batch_numbers.size());
      if (!ok) orders.batch_failed.push_back(number);
    }
    if (ok) saved_posting_drafts_.erase(number);
  } else if (entry.kind == "cancel" || entry.kind == "cancel_items") {
    if (work) {
      work->cancel.state = ok ? PostingWork::Cancel::State::done : PostingWork::Cancel::State::failed;
      work->cancel.error = refused;
      if (ok) work->cancel.open = false;
    }
    if (ok) saved_posting_drafts_.erase(number);
  } else {
    if (work) {
      work->delivery = ok ? PostingWork::Delivery::done : PostingWork::Delivery::failed;
      work->delivery_error = refused;
      if (ok && entry.kind == "set_tracking") work->tracking_text.clear();
      if (ok && entry.kind == "set_cutoff") work->cutoff_text.clear();
    }
    auto& paste = orders.tracking_paste;
    if (entry.kind == "set_tracking" && paste.state == OrdersSlice::TrackingPaste::State::sending) {
      if (ok) ++paste.sent;
      else paste.refused.push_back(number + ": " + entry.last_error);
      if (--paste.pending <= 0) {
        paste.state = OrdersSlice::TrackingPaste::State::done;
        if (paste.refused.empty()) paste.text.clear();
      }
    }
  }
  reload_postings(changed);
  schedule_draft_save();
}

void App::on(const ResendOutboxEntry& a) { outbox_->resend(a.id); }

void App::on(const DiscardOutboxEntry& a) { outbox_->discard(a.id); }

}  // namespace app
