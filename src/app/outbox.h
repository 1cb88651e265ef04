#pragma once
// The durable outbox: every mutating Seller API call (ship, cancel, set
// tracking, delivering / last mile / delivered, stocks, chat messages) goes
// through it so that nothing the seller asked for is lost or done twice.
//
// - An entry is written to the record store before it is sent; if the
//   write fails it is still sent, marked durable = false (the app warns).
// - queued -> sending -> done, or failed (Ozon refused; permanent, listed
//   until the seller discards or corrects and resends it), or waiting
//   (offline, rate limited, 5xx, network: retried after a backoff). Each
//   transition is written before the next request goes out.
// - Strictly one entry in flight, in enqueue order. A waiting entry holds
//   back the later ones of its store (a posting's ship must precede its
//   tracking number); other stores' entries go on. A failed one holds back
//   nothing.
// - After a reload, an entry stored as "sending" may or may not have
//   reached Ozon; so may one whose request left before the network failed.
//   Such an entry is outcome_unknown: before sending it again the outbox
//   asks the app to verify (re-read the posting). Already done -> done
//   without sending; not done -> sent; cannot tell -> waiting.
//
// The app supplies send / verify / on_change (see OutboxHooks); the outbox
// knows nothing of the API client, so it is tested with a manual clock.
// Destroying the outbox makes every pending callback harmless.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "store/record_store.h"

namespace app {

enum class OutboxState {
  queued,   // to send
  sending,  // in flight (or being verified before a resend)
  waiting,  // a transient failure: retried at next_attempt_at
  done,     // Ozon confirmed (or verification found it already done)
  failed,   // Ozon refused: needs the seller (discard, or correct and resend)
};

std::string_view to_string(OutboxState state);
std::optional<OutboxState> outbox_state_from_string(std::string_view text);

struct OutboxEntry {
  std::int64_t id = 0;         // increasing in enqueue order, also across reloads
  std::string store_id;        // which Ozon store (StoreConfig::id)
  std::string kind;            // the stored name of the feature's typed kind (PostingChange: "ship", "cancel", ...)
  std::string posting_number;
  std::string path;            // e.g. "/v4/posting/fbs/ship"
  std::string body;            // JSON text; never credentials (headers are added when sending)
  std::string draft_key;       // the draft it came from; the app drops the draft once done
  OutboxState state = OutboxState::queued;
  int attempts = 0;            // requests sent
  int failures_in_row = 0;     // transient failures since the last success or resend: picks the backoff
  bool outcome_unknown = false;  // an earlier request may have been executed: verify before sending
  std::string last_error;      // Ozon's code/message or the transport's reason
  core::EpochMs next_attempt_at = 0;  // when waiting
  core::EpochMs created_at = 0;
  core::EpochMs updated_at = 0;
  std::string result_body;     // Ozon's reply, when done
  bool skipped_as_already_done = false;  // done because verification found it done, not sent again
  bool durable = true;         // false: the last write to the store failed; lost on a reload

  // Not stored: what the screen may want while it happens.
  bool verifying = false;      // checking with Ozon whether an earlier attempt went through
  bool unknown_kind = false;   // written by another build with a kind this one does not know: held
  bool removed = false;        // set on the copy on_change gets when the entry is discarded
};

// What the app asks to send.
struct OutboxRequest {
  std::string store_id;
  std::string kind;
  std::string posting_number;
  std::string path;
  std::string body;
  std::string draft_key;
};

// The result of one send, as the app's API client saw it.
struct SendOutcome {
  enum class Kind { ok, transient, permanent };
  Kind kind = Kind::ok;
  std::string body;          // ok: the reply body
  std::string message;       // transient / permanent: why, in one line (Ozon's code and message)
  bool may_have_executed = false;  // transient: the request left and no answer came (network drop, timeout)
  std::int64_t retry_after_ms = 0;  // transient: the server's hint (429), 0 = none

  static SendOutcome ok(std::string reply_body);
  // Rate limited, 5xx, network or timeout. `may_have_executed` is true for a
  // network failure or timeout after the request was sent.
  static SendOutcome transient(std::string message, bool may_have_executed, std::int64_t retry_after_ms = 0);
  // Ozon refused it (4xx with a code): sending it again gives the same answer.
  static SendOutcome permanent(std::string message);
};

// The app's answer to "did this entry already happen?" (it re-reads the posting).
struct VerifyOutcome {
  enum class Kind { already_done, not_done, unknown };
  Kind kind = Kind::unknown;
  std::string error;  // unknown: why it could not tell

  static VerifyOutcome already_done() { return {Kind::already_done, {}}; }
  static VerifyOutcome not_done() { return {Kind::not_done, {}}; }
  static VerifyOutcome unknown(std::string why) { return {Kind::unknown, std::move(why)}; }
};

struct OutboxHooks {
  // Sends the entry's request and calls `done` once, later (a second call or
  // a call after the outbox is gone is ignored).
  std::function<void(const OutboxEntry&, std::function<void(SendOutcome)> done)> send;
  // Reads the posting and says whether the entry's change is already there.
  // Without it an outcome_unknown entry fails and waits for the seller.
  std::function<void(const OutboxEntry&, std::function<void(VerifyOutcome)> done)> verify;
  // After every transition, with a copy of the entry (removed = true when it
  // is discarded or pruned). Called as soon as the transition is decided,
  // while its write is under way; it may call the outbox.
  std::function<void(const OutboxEntry&)> on_change;
  // Whether this build knows the kind (the features that send changes say).
  // An entry of another kind (written by an older or newer build) is kept
  // and shown as needing attention, its record untouched, never sent on its
  // own: the seller may send it as it is or drop it. Empty: every kind is known.
  std::function<bool(std::string_view kind)> knows_kind = {};
};

struct OutboxOptions {
  // Delay before retry n (1-based) of a transient failure; the last repeats.
  std::vector<std::int64_t> backoff_ms = {2'000, 5'000, 15'000, 30'000, 60'000};
  std::size_t keep_done = 100;  // done entries kept for history; older ones are removed
};

// A stored record the outbox could not read (left in the store untouched).
struct SkippedRecord {
  std::string key;
  std::string reason;
};

struct RestoreReport {
  std::size_t restored = 0;
  std::vector<std::int64_t> unknown_kinds;  // pending entries of a kind this build does not know: held
  std::vector<SkippedRecord> skipped;
  store::WriteResult load;  // start(): why nothing could be loaded, if so
};

// The record key of an entry: the id zero-padded so keys sort like ids.
std::string outbox_key(std::int64_t id);
inline constexpr std::string_view kOutboxNextIdKey = "outbox.next_id";  // in the "meta" collection

// Entries as stored (JSON text). Reading never throws: a malformed record
// gives nullopt and the reason in `why`.
std::string to_json_text(const OutboxEntry& entry);
std::optional<OutboxEntry> outbox_entry_from_json(std::string_view text, std::string* why = nullptr);

class Outbox {
 public:
  Outbox(store::RecordStore& store, core::Clock& clock, core::Scheduler& scheduler, OutboxHooks hooks,
         OutboxOptions options = {});
  ~Outbox();
  Outbox(const Outbox&) = delete;
  Outbox& operator=(const Outbox&) = delete;

  // Restores the stored entries and starts sending. Call once, with the
  // records of the app's load_all (other collections are ignored), or let
  // start() load them (a failed load restores nothing and keeps going:
  // entries are then just not durable). Nothing is sent before. on_change
  // hears only of entries restore() changes; read entries() afterwards.
  RestoreReport restore(const std::vector<store::Record>& records);
  void start(std::function<void(const RestoreReport&)> done = {});
  bool restored() const { return restored_; }

  // Adds a request and returns its id. Before restore() it is held (id 0)
  // and added when the stored entries are known, so ids stay in order.
  std::int64_t enqueue(OutboxRequest request);
  // A failed entry back to queued, with a corrected body if given; it is
  // written before it is sent again.
  bool resend(std::int64_t id, std::optional<std::string> new_body = std::nullopt);
  // Forgets an entry that is not in flight (usually a failed one).
  bool discard(std::int64_t id);

  // navigator.onLine. Offline nothing is sent; online sends at once (also
  // entries waiting for a retry: the network is back).
  void set_online(bool online);
  bool online() const { return online_; }

  // --- what the screen shows ----------------------------------------------
  const std::vector<OutboxEntry>& entries() const { return entries_; }  // in enqueue order
  const OutboxEntry* find(std::int64_t id) const;
  // The latest entry for the posting (of `kind`, or of any kind when empty).
  const OutboxEntry* find_for_posting(std::string_view posting_number, std::string_view kind = {}) const;
  std::size_t pending_count() const;  // queued + waiting + sending (+ held before restore)
  std::vector<const OutboxEntry*> needs_attention() const;  // failed, in order
  // The state to show: a queued entry reads "waiting" while offline.
  OutboxState shown_state(const OutboxEntry& entry) const;
  std::int64_t in_flight_id() const { return in_flight_; }  // 0 = none
  // The latest failed write (to show a warning with store::error_key), if any.
  const std::optional<store::WriteResult>& storage_problem() const { return storage_problem_; }

 private:
  OutboxEntry* find_mut(std::int64_t id);
  std::int64_t add(OutboxRequest request, core::EpochMs created_at);
  void pump();
  void begin_attempt(OutboxEntry& entry);
  void after_sending_written(std::int64_t id);
  void send_now(OutboxEntry& entry);
  void on_sent(std::int64_t id, std::uint64_t token, SendOutcome outcome);
  void on_verified(std::int64_t id, std::uint64_t token, VerifyOutcome outcome);
  void hold_until_online(OutboxEntry& entry);
  void wait_for_retry(OutboxEntry& entry, std::string error, std::int64_t hint_ms);
  // Writes the entry, then reports the transition; `then` runs after the write.
  void commit(OutboxEntry& entry, std::function<void()> then = {});
  void persist(const OutboxEntry& entry, std::function<void()> then);
  void write_next_id();
  void on_written(std::int64_t id, const store::WriteResult& result);
  void note_write(const store::WriteResult& result);
  // on_change is called from flush() only, at the end of each public call and
  // callback, so the app never sees (or changes) the outbox half-way.
  void notice(const OutboxEntry& entry);
  void flush();
  void prune_done();
  void wake_at(core::EpochMs when);
  std::int64_t backoff(int failures) const;

  store::RecordStore& store_;
  core::Clock& clock_;
  core::Scheduler& scheduler_;
  OutboxHooks hooks_;
  OutboxOptions options_;

  std::vector<OutboxEntry> entries_;       // sorted by id
  std::set<std::int64_t> awaiting_write_;  // entries whose first write has not answered: not sendable yet
  std::vector<std::pair<OutboxRequest, core::EpochMs>> held_;  // enqueued before restore()
  std::int64_t next_id_ = 1;
  std::int64_t in_flight_ = 0;
  std::uint64_t reply_token_ = 0;  // which send/verify a reply belongs to
  core::EpochMs wake_at_ = 0;      // the earliest retry timer set (0 = none)
  std::deque<OutboxEntry> notices_;  // copies for on_change, in order
  bool flushing_ = false;
  bool restored_ = false;
  bool online_ = true;
  std::optional<store::WriteResult> storage_problem_;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // weak refs see the outbox die
};

}  // namespace app
