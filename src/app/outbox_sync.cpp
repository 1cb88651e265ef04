// The outbox in the app: every change sent to Ozon (ship, cancel, tracking
// numbers, delivery statuses, the shipping date) is written down first, sent
// in order, retried when the network returns, and checked against the
// posting before a retry whose first attempt may have reached Ozon.
#include <algorithm>

#include "app/app.h"
#include "ozon/parsers.h"
#include "ozon/requests.h"
#include "store/memory_record_store.h"

namespace app {
namespace {

// The Ozon reply as the outbox needs it: did it happen, may it have happened,
// or was it refused for good. `refusal` is a per-item refusal inside a 200.
SendOutcome outcome_of(const ozon::Result<net::HttpResponse>& reply, const std::optional<std::string>& refusal,
                       bool online) {
  if (reply) {
    if (refusal) return SendOutcome::permanent(*refusal);
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

}  // namespace

void App::init_outbox() {
  store::RecordStore* records = services_.records;
  if (!records) {
    memory_records_ = std::make_unique<store::MemoryRecordStore>(services_.scheduler);
    records = memory_records_.get();
  }
  outbox_ = std::make_unique<Outbox>(
      *records, services_.clock, services_.scheduler,
      OutboxHooks{.send = [this](const OutboxEntry& e,
                                 std::function<void(SendOutcome)> done) { send_outbox_entry(e, std::move(done)); },
                  .verify = [this](const OutboxEntry& e,
                                   std::function<void(VerifyOutcome)> done) { verify_outbox_entry(e, std::move(done)); },
                  .on_change = [this](const OutboxEntry& e) { on_outbox_change(e); },
                  .knows_kind = [this](std::string_view kind) { return owner_of(kind) != nullptr; }});
}

namespace {
// The callback for `call`, removed from `in_flight`; empty if it was answered already.
template <typename Entry>
auto take_in_flight(std::map<std::int64_t, Entry>& in_flight, std::int64_t call) -> decltype(Entry{}.answer) {
  auto it = in_flight.find(call);
  if (it == in_flight.end()) return {};
  auto callback = std::move(it->second.answer);
  in_flight.erase(it);
  return callback;
}
}  // namespace

Feature* App::owner_of(std::string_view kind) const {
  for (const auto& feature : features_)
    if (feature->owns_change(kind)) return feature.get();
  return nullptr;
}

void App::enqueue_change(std::string_view kind, const std::string& posting_number, const net::HttpRequest& request,
                         std::string draft_key, const std::string& store_id) {
  outbox_->enqueue({store_id.empty() ? state_.stores.active_id : store_id, std::string(kind), posting_number,
                    request.path, request.body, std::move(draft_key)});
}

void App::send_outbox_entry(const OutboxEntry& entry, std::function<void(SendOutcome)> done) {
  // An entry for a store not connected now (another world: demo or real,
  // or its key not typed yet) waits until it is.
  StoreSession* session = session_for(entry.store_id);
  if (!session) {
    done(SendOutcome::transient("the store of this change is not open", false, 30'000));
    return;
  }
  ozon::CallOptions options;
  options.retry = false;
  net::HttpRequest request{entry.path, entry.body};
  const std::int64_t call = ++outbox_calls_started_;
  outbox_sends_in_flight_[call] = {entry.store_id, std::move(done)};
  session->client().call_with(std::move(request), options,
                               [this, call, entry](ozon::Result<net::HttpResponse> reply) {
                                 auto answer = take_in_flight(outbox_sends_in_flight_, call);
                                 if (!answer) return;
                                 // An entry of an unknown kind (another build's) is sent as it is.
                                 const Feature* owner = owner_of(entry.kind);
                                 std::optional<std::string> refusal;
                                 if (reply && owner) refusal = owner->refusal_in_reply(entry, reply.value().body);
                                 answer(outcome_of(reply, refusal, state_.device.online));
                               });
}

void App::verify_outbox_entry(const OutboxEntry& entry, std::function<void(VerifyOutcome)> done) {
  if (!session_for(entry.store_id)) {
    done(VerifyOutcome::unknown("the store of this change is not open"));
    return;
  }
  Feature* owner = owner_of(entry.kind);
  if (!owner) {
    done(VerifyOutcome::unknown("a change of a kind this version does not know"));
    return;
  }
  const std::int64_t call = ++outbox_calls_started_;
  outbox_verifies_in_flight_[call] = {entry.store_id, std::move(done)};
  owner->verify_change(entry, guard([this, call](VerifyOutcome outcome) {
    if (auto answer = take_in_flight(outbox_verifies_in_flight_, call)) answer(std::move(outcome));
  }));
}

// Closing a store's session drops its client and every answer still to come.
// The outbox sends one entry at a time and waits for its answer, so a request
// left unanswered would stall it: it is answered here instead. A send may have
// reached Ozon, so it is verified before it goes again.
void App::abandon_outbox_calls(const std::string& store_id) {
  auto take = [&](auto& in_flight) {
    std::vector<std::decay_t<decltype(in_flight.begin()->second.answer)>> taken;
    for (auto it = in_flight.begin(); it != in_flight.end();) {
      if (it->second.store_id != store_id) {
        ++it;
        continue;
      }
      taken.push_back(std::move(it->second.answer));
      it = in_flight.erase(it);
    }
    return taken;
  };
  for (auto& done : take(outbox_sends_in_flight_))
    done(SendOutcome::transient("the store was closed while this change was being sent", true));
  for (auto& done : take(outbox_verifies_in_flight_)) done(VerifyOutcome::unknown("the store was closed while checking"));
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

  if (Feature* owner = owner_of(entry.kind)) owner->on_change_finished(entry);
  schedule_draft_save();
}

void App::on(const ResendOutboxEntry& a) { outbox_->resend(a.id); }

void App::on(const DiscardOutboxEntry& a) { outbox_->discard(a.id); }

}  // namespace app
