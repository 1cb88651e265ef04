// The seller's answers to rFBS return requests on their way to Ozon: checked
// against the request's state and what the seller typed, sent through the
// outbox, and followed by a re-read of the return (after Ozon's yes, and
// after its no: the seller then sees the state Ozon holds and what it allows).
#include <algorithm>
#include <cctype>
#include <memory>

#include "app/returns_screen.h"
#include "core/json_read.h"
#include "ozon/json_read.h"
#include "ozon/parsers.h"

namespace app {
namespace {

constexpr std::string_view kKindPrefix = "rfbs_";

bool pending(OutboxState state) {
  return state == OutboxState::queued || state == OutboxState::sending || state == OutboxState::waiting;
}

// The return an outbox entry answers (its request body names it).
std::int64_t return_of(const OutboxEntry& entry) {
  const auto json = nlohmann::json::parse(entry.body, nullptr, false);
  return json.is_object() ? core::json_read::read_int64_strict(json, "return_id") : 0;
}

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

// Roubles as typed ("1 234,50", "99.9"): kopecks, at most two decimals.
std::optional<std::int64_t> parse_roubles(std::string text) {
  text.erase(std::remove_if(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; }), text.end());
  std::replace(text.begin(), text.end(), ',', '.');
  const auto dot = text.find('.');
  if (dot != std::string::npos && text.size() - dot - 1 > 2) return std::nullopt;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) return std::nullopt;
  return ozon::json_read::parse_minor_units(text);
}

// Ozon's words from the outbox's one-line summary ("http 409 [CODE]: words").
std::string plain_words(const std::string& summary) {
  const auto colon = summary.find(": ");
  return colon == std::string::npos ? summary : summary.substr(colon + 2);
}

}  // namespace

std::string rfbs_change_kind(core::RfbsAction action) {
  return std::string(kKindPrefix).append(core::rfbs_action_name(action));
}

std::optional<core::RfbsAction> rfbs_action_of_kind(std::string_view kind) {
  if (kind.substr(0, kKindPrefix.size()) != kKindPrefix) return std::nullopt;
  return core::rfbs_action_from_name(kind.substr(kKindPrefix.size()));
}

const OutboxEntry* ReturnsScreen::pending_for(std::int64_t return_id) const {
  const auto& entries = app_.state().outbox.entries;
  for (auto it = entries.rbegin(); it != entries.rend(); ++it)
    if (it->store_id == store_id_ && pending(it->state) && owns_change(it->kind) && return_of(*it) == return_id)
      return &*it;
  return nullptr;
}

void ReturnsScreen::on(const EditRfbsInputs& a) {
  auto& inputs = store_inputs();
  if (a.inputs.empty()) inputs.erase(a.return_id);
  else inputs[a.return_id] = a.inputs;
  if (RfbsRow* row = find_mutable(a.return_id)) row->input_error.clear();
  app_.schedule_draft_save();
}

void ReturnsScreen::on(const AnswerReturn& a) {
  RfbsRow* row = find_mutable(a.return_id);
  if (!row || !app_.session() || pending_for(a.return_id)) return;  // one answer at a time
  row->input_error.clear();
  const core::RfbsReturn& r = row->data;
  if (!core::rfbs_action_allowed(core::rfbs_group_of(r), a.action)) {
    row->input_error = "returns.error.not_allowed";
    return;
  }
  const RfbsInputs& typed = inputs_for(a.return_id);
  ozon::Result<net::HttpRequest> request = ozon::ApiError{};
  switch (a.action) {
    case core::RfbsAction::verify: request = ozon::build_rfbs_verify(r.return_id, typed.method); break;
    case core::RfbsAction::receive: request = ozon::build_rfbs_receive(r.return_id); break;
    case core::RfbsAction::reject: {
      auto reason = std::find_if(r.rejection_reasons.begin(), r.rejection_reasons.end(),
                                 [&typed](const core::RfbsRejectionReason& x) { return x.id == typed.reason_id; });
      if (reason == r.rejection_reasons.end()) {
        row->input_error = "returns.error.choose_reason";
        return;
      }
      if (reason->comment_required && blank(typed.comment)) {
        row->input_error = "returns.error.comment_required";
        return;
      }
      request = ozon::build_rfbs_reject(r.return_id, reason->id, typed.comment, reason->comment_required);
      break;
    }
    case core::RfbsAction::return_money: {
      std::int64_t roubles = 0;
      if (!blank(typed.postage)) {
        const auto kopecks = parse_roubles(typed.postage);
        if (!kopecks || *kopecks % 100 != 0) {
          row->input_error = "returns.error.postage";
          return;
        }
        roubles = *kopecks / 100;
      }
      request = ozon::build_rfbs_return_money(r.return_id, roubles);
      break;
    }
    case core::RfbsAction::compensate: {
      const auto kopecks = parse_roubles(typed.amount);
      if (!kopecks || *kopecks <= 0) {
        row->input_error = "returns.error.amount";
        return;
      }
      if (r.price.minor > 0 && *kopecks > r.price.minor) {
        row->input_error = "returns.error.amount_above_price";
        return;
      }
      request = ozon::build_rfbs_compensate(r.return_id, core::Money{*kopecks, r.price.currency});
      break;
    }
  }
  if (!request) {
    row->input_error = "returns.error.not_sent";
    return;
  }
  row->refusal.clear();
  app_.enqueue_change(rfbs_change_kind(a.action), r.posting_number, request.value(),
                      "returns:" + store_id_ + ":" + std::to_string(r.return_id));
}

void ReturnsScreen::read_return(std::int64_t return_id, const std::string& posting_number,
                                std::function<void(std::optional<core::RfbsReturn>, std::string error)> done) {
  if (!app_.session()) return done(std::nullopt, "the store is not open");
  ozon::RfbsReturnsFilter filter;
  filter.posting_number = posting_number;
  auto listed = std::make_shared<std::optional<core::RfbsReturn>>();
  // The session's client outlives its answers (closing it drops them), so the second call may use it.
  auto* client = &app_.session()->client();
  client->call(
      ozon::build_rfbs_returns_list(filter, 0, 50), &ozon::parse_rfbs_returns,
      [client, return_id, listed, done](ozon::Result<ozon::Page<core::RfbsReturn>> page) {
        if (!page) return done(std::nullopt, page.error().summary());
        for (auto& item : page->items)
          if (item.return_id == return_id) *listed = std::move(item);
        if (!*listed) return done(std::nullopt, "the return is not in Ozon's list");
        client->call(ozon::build_rfbs_return_get(return_id), &ozon::parse_rfbs_return,
                     [return_id, listed, done](ozon::Result<core::RfbsReturn> details) {
                       core::RfbsReturn out = std::move(**listed);
                       if (details) {  // the state from the list; the rest from /get
                         core::RfbsReturn merged = std::move(*details);
                         merged.return_id = return_id;
                         merged.group_state = out.group_state;
                         merged.state = out.state;
                         merged.state_name = out.state_name;
                         merged.money_return_state_name = out.money_return_state_name;
                         keep_summary(merged, out);
                         out = std::move(merged);
                       }
                       done(std::move(out), {});
                     });
      });
}

// After an answer (taken or refused): what Ozon holds now.
void ReturnsScreen::reread(std::int64_t return_id) {
  RfbsRow* row = find_mutable(return_id);
  if (!row) return;
  row->reading = true;
  const int generation = generation_;
  read_return(return_id, row->data.posting_number,
              [this, generation, return_id](std::optional<core::RfbsReturn> fresh, const std::string& error) {
                if (generation != generation_) return;
                RfbsRow* target = find_mutable(return_id);
                if (!target) return;
                target->reading = false;
                if (!fresh) {
                  slice_.error = {"returns.error.reread", error};
                  return;
                }
                keep_details(*fresh, target->data);
                target->data = std::move(*fresh);
              });
}

// An answer whose first attempt may have reached Ozon: done when the return
// has left the state that allowed it.
void ReturnsScreen::verify_change(const OutboxEntry& entry, std::function<void(VerifyOutcome)> done) {
  const auto action = rfbs_action_of_kind(entry.kind);
  const std::int64_t return_id = return_of(entry);
  if (!action || return_id <= 0 || entry.store_id != store_id_)
    return done(VerifyOutcome::unknown("this return cannot be read back"));
  read_return(return_id, entry.posting_number,
              [action, done](std::optional<core::RfbsReturn> now, const std::string& error) {
                if (!now) return done(VerifyOutcome::unknown(error));
                if (core::rfbs_action_allowed(core::rfbs_group_of(*now), *action)) return done(VerifyOutcome::not_done());
                done(VerifyOutcome::already_done());
              });
}

void ReturnsScreen::on_change_finished(const OutboxEntry& entry) {
  if (entry.store_id != store_id_) return;  // another store's: read when that store opens
  const std::int64_t return_id = return_of(entry);
  RfbsRow* row = find_mutable(return_id);
  if (!row) return;
  if (entry.state == OutboxState::done) {
    row->refusal.clear();
    // What was typed for this answer went with it.
    const auto action = rfbs_action_of_kind(entry.kind);
    auto& inputs = store_inputs();
    if (auto typed = inputs.find(return_id); typed != inputs.end() && action) {
      RfbsInputs& in = typed->second;
      if (*action == core::RfbsAction::verify) in.method.clear();
      if (*action == core::RfbsAction::reject) {
        in.reason_id = 0;
        in.comment.clear();
      }
      if (*action == core::RfbsAction::return_money) in.postage.clear();
      if (*action == core::RfbsAction::compensate) in.amount.clear();
      if (in.empty()) inputs.erase(typed);
    }
  } else {
    row->refusal = plain_words(entry.last_error);
  }
  reread(return_id);
  app_.schedule_draft_save();
}

}  // namespace app
