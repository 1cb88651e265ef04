#include "app/outbox.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <set>

#include <nlohmann/json.hpp>

#include "core/json_read.h"
#include "store/schema.h"

namespace app {

namespace {

using Json = nlohmann::json;

// Our own records: a wrongly typed field reads as its default (never throws).
using core::json_read::read_bool_strict;
using core::json_read::read_int64_strict;
using core::json_read::read_string_strict;

int count_field(const Json& object, const char* key) {
  return static_cast<int>(std::clamp<std::int64_t>(read_int64_strict(object, key), 0, INT_MAX));
}

std::int64_t read_next_id(const std::string& text) {
  if (!store::readable_record(text)) return 0;
  const Json json = Json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) return 0;
  return read_int64_strict(json, "next_id");
}

// The id an outbox key names (all digits), if it does.
std::optional<std::int64_t> id_from_key(const std::string& key) {
  if (key.empty()) return std::nullopt;
  std::int64_t id = 0;
  for (char c : key) {
    if (c < '0' || c > '9' || id > (INT64_MAX - 9) / 10) return std::nullopt;
    id = id * 10 + (c - '0');
  }
  return id;
}

bool is_pending(OutboxState state) {
  return state == OutboxState::queued || state == OutboxState::waiting || state == OutboxState::sending;
}

}  // namespace

std::string_view to_string(OutboxState state) {
  switch (state) {
    case OutboxState::queued: return "queued";
    case OutboxState::sending: return "sending";
    case OutboxState::waiting: return "waiting";
    case OutboxState::done: return "done";
    case OutboxState::failed: return "failed";
  }
  return "queued";
}

std::optional<OutboxState> outbox_state_from_string(std::string_view text) {
  for (auto state : {OutboxState::queued, OutboxState::sending, OutboxState::waiting, OutboxState::done,
                     OutboxState::failed})
    if (to_string(state) == text) return state;
  return std::nullopt;
}

SendOutcome SendOutcome::ok(std::string reply_body) {
  SendOutcome outcome;
  outcome.kind = Kind::ok;
  outcome.body = std::move(reply_body);
  return outcome;
}

SendOutcome SendOutcome::transient(std::string message, bool may_have_executed, std::int64_t retry_after_ms) {
  SendOutcome outcome;
  outcome.kind = Kind::transient;
  outcome.message = std::move(message);
  outcome.may_have_executed = may_have_executed;
  outcome.retry_after_ms = retry_after_ms;
  return outcome;
}

SendOutcome SendOutcome::permanent(std::string message) {
  SendOutcome outcome;
  outcome.kind = Kind::permanent;
  outcome.message = std::move(message);
  return outcome;
}

std::string outbox_key(std::int64_t id) {
  char text[24];
  std::snprintf(text, sizeof text, "%020lld", static_cast<long long>(id));
  return text;
}

std::string to_json_text(const OutboxEntry& e) {
  const Json json = {
      {"v", store::kSchemaVersion},
      {"id", e.id},
      {"store_id", e.store_id},
      {"kind", e.kind},
      {"posting_number", e.posting_number},
      {"path", e.path},
      {"body", e.body},
      {"draft_key", e.draft_key},
      {"state", to_string(e.state)},
      {"attempts", e.attempts},
      {"failures_in_row", e.failures_in_row},
      {"outcome_unknown", e.outcome_unknown},
      {"last_error", e.last_error},
      {"next_attempt_at", e.next_attempt_at},
      {"created_at", e.created_at},
      {"updated_at", e.updated_at},
      {"result_body", e.result_body},
      {"skipped_as_already_done", e.skipped_as_already_done},
      {"durable", e.durable},
  };
  return core::json_read::dump(json);  // bodies from Ozon may hold invalid UTF-8: replaced
}

std::optional<OutboxEntry> outbox_entry_from_json(std::string_view text, std::string* why) {
  auto fail = [why](const char* reason) -> std::optional<OutboxEntry> {
    if (why) *why = reason;
    return std::nullopt;
  };
  if (!store::readable_record(text)) return fail("too large or nested too deep");
  const Json json = Json::parse(text.begin(), text.end(), nullptr, false);
  if (json.is_discarded() || !json.is_object()) return fail("not a JSON object");
  // A newer version may mean something else by the same fields: leave it alone.
  if (read_int64_strict(json, "v", store::kSchemaVersion) > store::kSchemaVersion)
    return fail("written by a newer version");
  OutboxEntry e;
  e.id = read_int64_strict(json, "id");
  if (e.id <= 0) return fail("no id");
  const auto state = outbox_state_from_string(read_string_strict(json, "state"));
  if (!state) return fail("unknown state");
  e.state = *state;
  e.kind = read_string_strict(json, "kind");
  e.path = read_string_strict(json, "path");
  if (e.kind.empty() || e.path.empty()) return fail("no kind or path");
  e.store_id = read_string_strict(json, "store_id");
  e.posting_number = read_string_strict(json, "posting_number");
  e.body = read_string_strict(json, "body");
  e.draft_key = read_string_strict(json, "draft_key");
  e.attempts = count_field(json, "attempts");
  e.failures_in_row = count_field(json, "failures_in_row");
  e.outcome_unknown = read_bool_strict(json, "outcome_unknown");
  e.last_error = read_string_strict(json, "last_error");
  e.next_attempt_at = read_int64_strict(json, "next_attempt_at");
  e.created_at = read_int64_strict(json, "created_at");
  e.updated_at = read_int64_strict(json, "updated_at");
  e.result_body = read_string_strict(json, "result_body");
  e.skipped_as_already_done = read_bool_strict(json, "skipped_as_already_done");
  e.durable = read_bool_strict(json, "durable", true);
  return e;
}

// --- Outbox ------------------------------------------------------------------

Outbox::Outbox(store::RecordStore& store, core::Clock& clock, core::Scheduler& scheduler, OutboxHooks hooks,
               OutboxOptions options)
    : store_(store), clock_(clock), scheduler_(scheduler), hooks_(std::move(hooks)), options_(std::move(options)) {
  if (options_.backoff_ms.empty()) options_.backoff_ms = {60'000};
}

Outbox::~Outbox() = default;

void Outbox::start(std::function<void(const RestoreReport&)> done) {
  std::weak_ptr<int> alive = alive_;
  store_.load_all([this, alive, done = std::move(done)](store::LoadResult loaded) {
    if (alive.expired()) return;
    const store::WriteResult load{loaded.status, loaded.detail};
    if (!load.ok()) storage_problem_ = load;  // keep sending: entries are just not durable
    RestoreReport report = restore(loaded.records);
    report.load = load;
    if (done) done(report);
  });
}

RestoreReport Outbox::restore(const std::vector<store::Record>& records) {
  RestoreReport report;
  if (restored_) return report;
  restored_ = true;
  std::int64_t stored_next_id = 0;
  for (const auto& record : records) {
    if (record.collection == store::collection::meta && record.key == kOutboxNextIdKey) {
      stored_next_id = read_next_id(record.value);
      continue;
    }
    if (record.collection != store::collection::outbox) continue;
    std::string why;
    auto entry = outbox_entry_from_json(record.value, &why);
    if (entry && record.key != outbox_key(entry->id)) {
      entry.reset();
      why = "key does not match the id";
    }
    if (!entry) {
      // Never reuse an unreadable record's key: a new entry would overwrite it.
      if (auto key_id = id_from_key(record.key)) stored_next_id = std::max(stored_next_id, *key_id + 1);
      report.skipped.push_back({record.key, why});
      continue;
    }
    entry->durable = true;  // it was read back from the store
    entries_.push_back(std::move(*entry));
  }
  std::sort(entries_.begin(), entries_.end(), [](const OutboxEntry& a, const OutboxEntry& b) { return a.id < b.id; });
  report.restored = entries_.size();
  next_id_ = std::max(next_id_, stored_next_id);
  if (!entries_.empty()) next_id_ = std::max(next_id_, entries_.back().id + 1);

  for (auto& e : entries_) {
    if (hooks_.knows_kind && !hooks_.knows_kind(e.kind) && is_pending(e.state)) {
      // Not ours to send blindly: held for the seller; its record stays as written.
      e.unknown_kind = true;
      e.state = OutboxState::failed;
      e.last_error = "unknown kind \"" + e.kind + "\": send it as it is, or drop it";
      report.unknown_kinds.push_back(e.id);
      notice(e);
      continue;
    }
    if (e.state != OutboxState::sending) continue;
    // The page went away while it was in flight: Ozon may have executed it.
    e.state = OutboxState::queued;
    e.outcome_unknown = true;
    commit(e);
  }
  for (auto& [request, created_at] : held_) add(std::move(request), created_at);
  held_.clear();
  prune_done();
  pump();
  flush();
  return report;
}

std::int64_t Outbox::enqueue(OutboxRequest request) {
  if (!restored_) {
    // Ids must follow the stored ones, which are not known yet.
    held_.emplace_back(std::move(request), clock_.now_ms());
    return 0;
  }
  const std::int64_t id = add(std::move(request), clock_.now_ms());
  flush();
  return id;
}

std::int64_t Outbox::add(OutboxRequest request, core::EpochMs created_at) {
  OutboxEntry e;
  e.id = next_id_++;
  e.store_id = std::move(request.store_id);
  e.kind = std::move(request.kind);
  e.posting_number = std::move(request.posting_number);
  e.path = std::move(request.path);
  e.body = std::move(request.body);
  e.draft_key = std::move(request.draft_key);
  e.created_at = created_at;
  const std::int64_t id = e.id;
  entries_.push_back(std::move(e));  // ids only grow, so the order holds
  awaiting_write_.insert(id);
  commit(entries_.back(), [this, id] {
    awaiting_write_.erase(id);
    pump();
  });
  write_next_id();
  return id;
}

bool Outbox::resend(std::int64_t id, std::optional<std::string> new_body) {
  OutboxEntry* e = find_mut(id);
  if (!e || e->state != OutboxState::failed) return false;
  if (new_body) e->body = std::move(*new_body);
  e->state = OutboxState::queued;
  e->last_error.clear();
  e->failures_in_row = 0;
  e->next_attempt_at = 0;
  e->outcome_unknown = false;  // the seller checked and asks to send it
  e->unknown_kind = false;     // the seller asks to send it as it is
  awaiting_write_.insert(id);
  commit(*e, [this, id] {
    awaiting_write_.erase(id);
    pump();
  });
  flush();
  return true;
}

bool Outbox::discard(std::int64_t id) {
  auto it = std::find_if(entries_.begin(), entries_.end(), [id](const OutboxEntry& e) { return e.id == id; });
  if (it == entries_.end() || id == in_flight_) return false;
  OutboxEntry gone = std::move(*it);
  entries_.erase(it);
  awaiting_write_.erase(id);
  std::weak_ptr<int> alive = alive_;
  store_.remove(std::string(store::collection::outbox), outbox_key(id), [this, alive](store::WriteResult result) {
    if (!alive.expired()) note_write(result);
  });
  gone.removed = true;
  notice(gone);
  pump();  // a waiting entry no longer holds the others back
  flush();
  return true;
}

void Outbox::set_online(bool online) {
  if (online_ == online) return;
  online_ = online;
  const core::EpochMs now = clock_.now_ms();
  for (auto& e : entries_) {
    if (e.state != OutboxState::queued && e.state != OutboxState::waiting) continue;
    // The network is back: whatever waited for it is worth trying now.
    if (online && e.state == OutboxState::waiting) e.next_attempt_at = std::min(e.next_attempt_at, now);
    notice(e);  // its shown state changed
  }
  pump();
  flush();
}

const OutboxEntry* Outbox::find(std::int64_t id) const {
  auto it = std::find_if(entries_.begin(), entries_.end(), [id](const OutboxEntry& e) { return e.id == id; });
  return it == entries_.end() ? nullptr : &*it;
}

OutboxEntry* Outbox::find_mut(std::int64_t id) { return const_cast<OutboxEntry*>(std::as_const(*this).find(id)); }

const OutboxEntry* Outbox::find_for_posting(std::string_view posting_number, std::string_view kind) const {
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it)
    if (it->posting_number == posting_number && (kind.empty() || it->kind == kind)) return &*it;
  return nullptr;
}

std::size_t Outbox::pending_count() const {
  std::size_t count = held_.size();
  for (const auto& e : entries_)
    if (is_pending(e.state)) ++count;
  return count;
}

std::vector<const OutboxEntry*> Outbox::needs_attention() const {
  std::vector<const OutboxEntry*> out;
  for (const auto& e : entries_)
    if (e.state == OutboxState::failed) out.push_back(&e);
  return out;
}

OutboxState Outbox::shown_state(const OutboxEntry& entry) const {
  return !online_ && entry.state == OutboxState::queued ? OutboxState::waiting : entry.state;
}

// --- sending -------------------------------------------------------------------

void Outbox::pump() {
  if (!restored_ || !online_ || in_flight_ != 0) return;
  const core::EpochMs now = clock_.now_ms();
  std::set<std::string> held_stores;  // a waiting entry holds back its store's later entries
  for (auto& e : entries_) {
    if (!is_pending(e.state)) continue;  // done, or failed: a failed entry does not block the others
    if (awaiting_write_.count(e.id)) return;  // not written yet: it, and everything after it, waits
    if (held_stores.count(e.store_id)) continue;
    if (e.state == OutboxState::waiting && e.next_attempt_at > now) {
      wake_at(e.next_attempt_at);
      held_stores.insert(e.store_id);
      continue;
    }
    begin_attempt(e);
    return;
  }
}

void Outbox::begin_attempt(OutboxEntry& e) {
  // A "sending" entry not in flight can only come from an inconsistent store: assume the worst.
  if (e.state == OutboxState::sending) e.outcome_unknown = true;
  in_flight_ = e.id;
  e.state = OutboxState::sending;
  e.verifying = e.outcome_unknown;
  if (!e.outcome_unknown) ++e.attempts;  // stored with "sending"; a verified entry counts when sent
  const std::int64_t id = e.id;
  // "sending" must be stored before the request leaves: after a reload it
  // says the outcome is unknown, so the entry is verified, not sent twice.
  commit(e, [this, id] { after_sending_written(id); });
}

void Outbox::after_sending_written(std::int64_t id) {
  OutboxEntry* e = find_mut(id);
  if (!e || in_flight_ != id || e->state != OutboxState::sending) return;
  if (!online_) {
    hold_until_online(*e);  // the network went while "sending" was being written
    return;
  }
  if (!e->outcome_unknown) {
    send_now(*e);
    return;
  }
  if (!hooks_.verify) {
    // Nobody can tell whether it went through: the seller decides (resend or discard).
    in_flight_ = 0;
    e->state = OutboxState::failed;
    e->verifying = false;
    e->last_error = "an earlier attempt may have gone through; check the posting before sending it again";
    commit(*e);
    pump();
    return;
  }
  const std::uint64_t token = ++reply_token_;
  std::weak_ptr<int> alive = alive_;
  const OutboxEntry copy = *e;
  hooks_.verify(copy, [this, alive, id, token](VerifyOutcome outcome) {
    if (alive.expired()) return;
    on_verified(id, token, std::move(outcome));
    flush();
  });
}

void Outbox::send_now(OutboxEntry& e) {
  e.verifying = false;
  const std::int64_t id = e.id;
  if (!hooks_.send) {
    on_sent(id, reply_token_, SendOutcome::permanent("no sender configured"));
    return;
  }
  const std::uint64_t token = ++reply_token_;
  std::weak_ptr<int> alive = alive_;
  const OutboxEntry copy = e;
  hooks_.send(copy, [this, alive, id, token](SendOutcome outcome) {
    if (alive.expired()) return;
    on_sent(id, token, std::move(outcome));
    flush();
  });
}

void Outbox::on_sent(std::int64_t id, std::uint64_t token, SendOutcome outcome) {
  if (token != reply_token_ || in_flight_ != id) return;  // a late or second answer
  ++reply_token_;
  in_flight_ = 0;
  if (OutboxEntry* e = find_mut(id)) {
    switch (outcome.kind) {
      case SendOutcome::Kind::ok:
        e->state = OutboxState::done;
        e->result_body = std::move(outcome.body);
        e->outcome_unknown = false;
        e->last_error.clear();
        e->failures_in_row = 0;
        e->next_attempt_at = 0;
        commit(*e);
        prune_done();
        break;
      case SendOutcome::Kind::transient:
        e->outcome_unknown = outcome.may_have_executed;
        wait_for_retry(*e, std::move(outcome.message), outcome.retry_after_ms);
        break;
      case SendOutcome::Kind::permanent:
        e->state = OutboxState::failed;
        e->last_error = std::move(outcome.message);
        e->outcome_unknown = false;  // Ozon answered: it did not happen
        e->next_attempt_at = 0;
        commit(*e);
        break;
    }
  }
  pump();
}

void Outbox::on_verified(std::int64_t id, std::uint64_t token, VerifyOutcome outcome) {
  if (token != reply_token_ || in_flight_ != id) return;
  ++reply_token_;
  OutboxEntry* e = find_mut(id);
  if (!e) {
    in_flight_ = 0;
    pump();
    return;
  }
  switch (outcome.kind) {
    case VerifyOutcome::Kind::already_done:
      in_flight_ = 0;
      e->state = OutboxState::done;
      e->skipped_as_already_done = true;
      e->outcome_unknown = false;
      e->verifying = false;
      e->last_error.clear();
      e->failures_in_row = 0;
      e->next_attempt_at = 0;
      commit(*e);
      prune_done();
      pump();
      return;
    case VerifyOutcome::Kind::not_done:
      // The stored record still says "sending, outcome unknown": if the page
      // dies during this send, the next start verifies again.
      e->outcome_unknown = false;
      if (!online_) {
        hold_until_online(*e);
        return;
      }
      ++e->attempts;
      notice(*e);
      send_now(*e);
      return;
    case VerifyOutcome::Kind::unknown:
      in_flight_ = 0;
      wait_for_retry(*e, std::move(outcome.error), 0);
      pump();
      return;
  }
}

void Outbox::hold_until_online(OutboxEntry& e) {
  in_flight_ = 0;
  e.state = OutboxState::queued;  // not sent: stored back so a reload does not think it might have been
  e.verifying = false;
  commit(e);
}

void Outbox::wait_for_retry(OutboxEntry& e, std::string error, std::int64_t hint_ms) {
  ++e.failures_in_row;
  e.state = OutboxState::waiting;
  e.verifying = false;
  e.last_error = std::move(error);
  e.next_attempt_at = clock_.now_ms() + std::max(backoff(e.failures_in_row), hint_ms);
  commit(e);
}

std::int64_t Outbox::backoff(int failures) const {
  const auto last = static_cast<int>(options_.backoff_ms.size()) - 1;
  return options_.backoff_ms[static_cast<std::size_t>(std::clamp(failures - 1, 0, last))];
}

void Outbox::wake_at(core::EpochMs when) {
  if (wake_at_ != 0 && wake_at_ <= when) return;  // an earlier timer pumps and re-arms
  wake_at_ = when;
  std::weak_ptr<int> alive = alive_;
  scheduler_.after(when - clock_.now_ms(), [this, alive, when] {
    if (alive.expired()) return;
    if (wake_at_ == when) wake_at_ = 0;
    pump();
    flush();
  });
}

void Outbox::prune_done() {
  const auto done = static_cast<std::size_t>(std::count_if(
      entries_.begin(), entries_.end(), [](const OutboxEntry& e) { return e.state == OutboxState::done; }));
  if (done <= options_.keep_done) return;
  std::size_t excess = done - options_.keep_done;
  std::weak_ptr<int> alive = alive_;
  for (auto it = entries_.begin(); it != entries_.end() && excess > 0;) {
    if (it->state != OutboxState::done) {
      ++it;
      continue;
    }
    store_.remove(std::string(store::collection::outbox), outbox_key(it->id), [this, alive](store::WriteResult result) {
      if (!alive.expired()) note_write(result);
    });
    OutboxEntry gone = std::move(*it);
    it = entries_.erase(it);
    gone.removed = true;
    notice(gone);
    --excess;
  }
}

// --- storing and reporting -------------------------------------------------------

void Outbox::commit(OutboxEntry& e, std::function<void()> then) {
  e.updated_at = clock_.now_ms();
  persist(e, std::move(then));
  notice(e);
}

void Outbox::persist(const OutboxEntry& e, std::function<void()> then) {
  const std::int64_t id = e.id;
  std::weak_ptr<int> alive = alive_;
  store_.put(std::string(store::collection::outbox), outbox_key(id), to_json_text(e),
             [this, alive, id, then = std::move(then)](store::WriteResult result) {
               if (alive.expired()) return;
               on_written(id, result);
               if (then) then();  // written or not, it goes on: a lost write must not block the seller
               flush();
             });
}

void Outbox::write_next_id() {
  std::weak_ptr<int> alive = alive_;
  store_.put(std::string(store::collection::meta), std::string(kOutboxNextIdKey),
             core::json_read::dump(Json{{"next_id", next_id_}}), [this, alive](store::WriteResult result) {
               if (!alive.expired()) note_write(result);
             });
}

void Outbox::on_written(std::int64_t id, const store::WriteResult& result) {
  note_write(result);
  OutboxEntry* e = find_mut(id);
  if (!e || e->durable == result.ok()) return;
  e->durable = result.ok();
  notice(*e);
}

void Outbox::note_write(const store::WriteResult& result) {
  if (result.ok()) storage_problem_.reset();
  else storage_problem_ = result;
}

void Outbox::notice(const OutboxEntry& entry) {
  if (hooks_.on_change) notices_.push_back(entry);
}

void Outbox::flush() {
  if (flushing_) return;  // the outer flush delivers what on_change caused, in order
  flushing_ = true;
  std::weak_ptr<int> alive = alive_;
  while (!notices_.empty()) {
    const OutboxEntry entry = std::move(notices_.front());
    notices_.pop_front();
    hooks_.on_change(entry);
    if (alive.expired()) return;  // the app destroyed the outbox
  }
  flushing_ = false;
}

}  // namespace app
