// The orders screen's changes in the outbox: what a reply that looks
// successful may still refuse, whether a change whose first attempt may
// have reached Ozon is already done, and what a finished change means for
// the screen.
#include <algorithm>

#include "app/drafts.h"
#include "app/orders_screen.h"
#include "ozon/parsers.h"
#include "ozon/requests.h"

namespace app {
namespace {

// Whether the posting as Ozon has it now already shows the change; nothing
// when the posting alone cannot tell.
std::optional<bool> already_done(PostingChange change, const OutboxEntry& entry, const core::Posting& posting) {
  using S = core::PostingStatus;
  const S status = posting.status;
  switch (change) {
    case PostingChange::ship: return status != S::awaiting_packaging;
    case PostingChange::cancel: return status == S::cancelled;
    case PostingChange::cancel_items: return std::nullopt;  // which units went cannot be told from the posting
    case PostingChange::set_cutoff: return !posting.can("set_cutoff");
    case PostingChange::delivering: return status == S::delivering || status == S::driver_pickup || status == S::delivered;
    case PostingChange::last_mile: return status == S::driver_pickup || status == S::delivered;
    case PostingChange::delivered: return status == S::delivered;
    case PostingChange::set_tracking: {
      auto body = nlohmann::json::parse(entry.body, nullptr, false);
      const auto* list = body.is_object() && body.contains("tracking_numbers") ? &body["tracking_numbers"] : nullptr;
      if (list && list->is_array() && !list->empty() && (*list)[0].is_object() &&
          (*list)[0].contains("tracking_number") && (*list)[0]["tracking_number"].is_string())
        return posting.tracking_number == (*list)[0]["tracking_number"].get<std::string>();
      return std::nullopt;
    }
  }
  return std::nullopt;
}

// Ozon answers these with a per-posting result list inside a 200.
bool answers_per_posting(PostingChange change) {
  switch (change) {
    case PostingChange::set_tracking:
    case PostingChange::delivering:
    case PostingChange::last_mile:
    case PostingChange::delivered: return true;
    case PostingChange::ship:
    case PostingChange::cancel:
    case PostingChange::cancel_items:
    case PostingChange::set_cutoff: return false;
  }
  return false;
}

}  // namespace

std::optional<std::string> OrdersScreen::refusal_in_reply(const OutboxEntry& entry, const std::string& body) const {
  const auto change = posting_change_from(entry.kind);
  if (!change || !answers_per_posting(*change)) return std::nullopt;
  auto batch = ozon::parse_posting_batch_result(body);
  if (!batch || batch->failed.empty()) return std::nullopt;
  const auto& item = batch->failed.front();
  return item.code + " " + item.message;
}

void OrdersScreen::verify_change(const OutboxEntry& entry, std::function<void(VerifyOutcome)> done) {
  const auto change = posting_change_from(entry.kind);
  StoreSession* session = app_.session_for(entry.store_id);
  if (!change || !session) return done(VerifyOutcome::unknown("cannot tell"));
  session->client().call(
      ozon::build_posting_get(entry.posting_number), &ozon::parse_posting,
      [entry, change = *change, done = std::move(done)](ozon::Result<core::Posting> posting) {
        if (!posting) return done(VerifyOutcome::unknown(posting.error().summary()));
        const auto reached = already_done(change, entry, *posting);
        if (!reached) return done(VerifyOutcome::unknown("cannot tell from the posting"));
        done(*reached ? VerifyOutcome::already_done() : VerifyOutcome::not_done());
      });
}

void OrdersScreen::on_change_finished(const OutboxEntry& entry) {
  const auto change = posting_change_from(entry.kind);
  if (!change) return;
  const bool ok = entry.state == OutboxState::done;
  const Notice refused = ok ? Notice{} : Notice{"outbox.refused", entry.last_error};
  const std::string& number = entry.posting_number;
  std::vector<std::string> changed{number};
  auto& orders = orders_slice();
  auto work_it = orders.work.find(number);
  PostingWork* work = work_it != orders.work.end() ? &work_it->second : nullptr;

  switch (*change) {
    case PostingChange::ship: {
      std::vector<std::string> created;
      if (ok && !entry.result_body.empty())
        if (auto result = ozon::parse_ship_result(entry.result_body)) created = *result;
      changed.insert(changed.end(), created.begin(), created.end());
      if (work) {
        work->ship = ok ? PostingWork::Ship::done : PostingWork::Ship::failed;
        work->ship_error = refused;
        work->shipped_as = created;
        if (work->auto_flow.step == core::AutoStep::shipping) {
          work->auto_flow.step = ok ? core::AutoStep::awaiting_label : core::AutoStep::failed;
          work->auto_flow.labels = created.empty() ? std::vector<std::string>{number} : created;
        }
      }
      auto in_batch = std::find(orders.batch_numbers.begin(), orders.batch_numbers.end(), number);
      if (in_batch != orders.batch_numbers.end()) {
        orders.batch_numbers.erase(in_batch);
        orders.batch_pending = static_cast<int>(orders.batch_numbers.size());
        if (!ok) orders.batch_failed.push_back(number);
      }
      if (ok) saved_posting_drafts_.erase(number);
      break;
    }
    case PostingChange::cancel:
    case PostingChange::cancel_items:
      if (work) {
        work->cancel.state = ok ? PostingWork::Cancel::State::done : PostingWork::Cancel::State::failed;
        work->cancel.error = refused;
        if (ok) work->cancel.open = false;
      }
      if (ok) saved_posting_drafts_.erase(number);
      break;
    case PostingChange::set_tracking:
    case PostingChange::set_cutoff:
    case PostingChange::delivering:
    case PostingChange::last_mile:
    case PostingChange::delivered: {
      if (work) {
        work->delivery = ok ? PostingWork::Delivery::done : PostingWork::Delivery::failed;
        work->delivery_error = refused;
        if (ok && *change == PostingChange::set_tracking) work->tracking_text.clear();
        if (ok && *change == PostingChange::set_cutoff) work->cutoff_text.clear();
      }
      auto& paste = orders.tracking_paste;
      if (*change == PostingChange::set_tracking && paste.state == OrdersSlice::TrackingPaste::State::sending) {
        if (ok) ++paste.sent;
        else paste.refused.push_back(number + ": " + entry.last_error);
        if (--paste.pending <= 0) {
          paste.state = OrdersSlice::TrackingPaste::State::done;
          if (paste.refused.empty()) paste.text.clear();
        }
      }
      break;
    }
  }
  reload_postings(changed, entry.store_id);
  pump_refresh();  // a refresh held back for the seller's calls may go now
}

}  // namespace app
