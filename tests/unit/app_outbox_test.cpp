#include <doctest/doctest.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/outbox.h"
#include "ozon_test_support.h"
#include "store/memory_record_store.h"
#include "store/schema.h"

namespace {

using app::OutboxEntry;
using app::OutboxState;
using app::SendOutcome;
using app::VerifyOutcome;

app::OutboxRequest request(const std::string& kind, const std::string& posting, const std::string& body = "") {
  app::OutboxRequest r;
  r.store_id = "store-1";
  r.kind = kind;
  r.posting_number = posting;
  r.path = kind == "ship" ? "/v4/posting/fbs/ship" : "/v2/posting/fbs/" + kind;
  r.body = body.empty() ? R"({"posting_number":")" + posting + R"("})" : body;
  r.draft_key = kind + ":" + posting;
  return r;
}

// The app around an outbox: records every send and verify (answered by the
// test), every on_change, and can "reload" by destroying the outbox and
// creating a new one over the same store.
struct Harness {
  struct Call {
    OutboxEntry entry;
    std::optional<std::string> stored_at_send;  // the entry's record when the request left
    std::function<void(SendOutcome)> done;
  };
  struct Check {
    OutboxEntry entry;
    std::function<void(VerifyOutcome)> done;
  };

  ozon_test::ManualClock clock;
  ozon_test::ManualScheduler scheduler{clock};
  store::MemoryRecordStore store{scheduler};
  std::vector<Call> sends;
  std::vector<Check> verifies;
  std::vector<OutboxEntry> changes;
  std::optional<app::RestoreReport> report;
  bool with_verify = true;
  std::function<SendOutcome(const OutboxEntry&)> auto_reply;  // answers each send after 50 ms when set
  std::unique_ptr<app::Outbox> outbox;

  void open(app::OutboxOptions options = {}, bool start = true) {
    app::OutboxHooks hooks;
    hooks.send = [this](const OutboxEntry& entry, std::function<void(SendOutcome)> done) {
      sends.push_back({entry, store.get(store::collection::outbox, app::outbox_key(entry.id)), done});
      if (auto_reply) scheduler.after(50, [done, reply = auto_reply(entry)] { done(reply); });
    };
    if (with_verify) {
      hooks.verify = [this](const OutboxEntry& entry, std::function<void(VerifyOutcome)> done) {
        verifies.push_back({entry, std::move(done)});
      };
    }
    hooks.on_change = [this](const OutboxEntry& entry) { changes.push_back(entry); };
    outbox = std::make_unique<app::Outbox>(store, clock, scheduler, std::move(hooks), std::move(options));
    if (start) {
      outbox->start([this](const app::RestoreReport& r) { report = r; });
      settle();
    }
  }

  void reload(app::OutboxOptions options = {}) {
    outbox.reset();
    open(std::move(options));
  }

  void settle() { scheduler.run(0); }  // what is due now, no time passes
  void pass(std::int64_t ms) {        // `ms` of time passes, then what is due runs
    clock.advance(ms);
    scheduler.run(0);
  }

  void reply(std::size_t index, SendOutcome outcome) {
    REQUIRE(index < sends.size());
    sends[index].done(std::move(outcome));
    settle();
  }
  void answer_verify(std::size_t index, VerifyOutcome outcome) {
    REQUIRE(index < verifies.size());
    verifies[index].done(std::move(outcome));
    settle();
  }

  const OutboxEntry& entry(std::int64_t id) {
    const OutboxEntry* e = outbox->find(id);
    REQUIRE(e != nullptr);
    return *e;
  }

  // The entry as stored now (parsed), or nullopt when there is no record.
  std::optional<OutboxEntry> stored(std::int64_t id) {
    auto text = store.get(store::collection::outbox, app::outbox_key(id));
    if (!text) return std::nullopt;
    return app::outbox_entry_from_json(*text);
  }

  std::vector<std::string> sent_postings() const {
    std::vector<std::string> out;
    for (const auto& call : sends) out.push_back(call.entry.posting_number);
    return out;
  }
};

void put_raw(Harness& h, const std::string& collection, const std::string& key, const std::string& value) {
  h.store.put(collection, key, value, {});
  h.settle();
}

}  // namespace

TEST_CASE("outbox: an entry is stored, marked sending, before its request leaves") {
  Harness h;
  h.open();
  const auto id = h.outbox->enqueue(request("ship", "111-1"));
  CHECK(id > 0);
  CHECK(h.sends.empty());  // never inside enqueue()
  REQUIRE_FALSE(h.changes.empty());
  CHECK(h.changes.front().state == OutboxState::queued);
  CHECK(h.entry(id).state == OutboxState::queued);

  h.settle();
  REQUIRE(h.sends.size() == 1);
  REQUIRE(h.sends[0].stored_at_send);
  const auto at_send = app::outbox_entry_from_json(*h.sends[0].stored_at_send);
  REQUIRE(at_send);
  CHECK(at_send->state == OutboxState::sending);
  CHECK(at_send->body == R"({"posting_number":"111-1"})");
  CHECK(at_send->draft_key == "ship:111-1");
  CHECK(at_send->attempts == 1);
  CHECK(h.sends[0].entry.path == "/v4/posting/fbs/ship");
  CHECK(h.entry(id).state == OutboxState::sending);
  CHECK(h.outbox->in_flight_id() == id);

  h.reply(0, SendOutcome::ok(R"({"result":["111-1"]})"));
  CHECK(h.entry(id).state == OutboxState::done);
  CHECK(h.entry(id).result_body == R"({"result":["111-1"]})");
  CHECK(h.changes.back().state == OutboxState::done);
  const auto stored = h.stored(id);
  REQUIRE(stored);
  CHECK(stored->state == OutboxState::done);
  CHECK(h.outbox->pending_count() == 0);
  CHECK(h.outbox->in_flight_id() == 0);
}

TEST_CASE("outbox: entries go out in enqueue order, one at a time") {
  Harness h;
  h.open();
  const auto a = h.outbox->enqueue(request("ship", "A"));
  const auto b = h.outbox->enqueue(request("set_tracking", "A"));
  const auto c = h.outbox->enqueue(request("ship", "C"));
  CHECK(a < b);
  CHECK(b < c);
  CHECK(h.outbox->pending_count() == 3);
  h.scheduler.run();
  REQUIRE(h.sends.size() == 1);  // B and C wait for A's answer
  CHECK(h.sends[0].entry.id == a);
  h.reply(0, SendOutcome::ok("{}"));
  h.scheduler.run();
  REQUIRE(h.sends.size() == 2);
  CHECK(h.sends[1].entry.id == b);
  h.reply(1, SendOutcome::ok("{}"));
  h.scheduler.run();
  REQUIRE(h.sends.size() == 3);
  CHECK(h.sends[2].entry.id == c);
  h.reply(2, SendOutcome::ok("{}"));
  h.scheduler.run();
  CHECK(h.sends.size() == 3);
  CHECK(h.outbox->pending_count() == 0);
  REQUIRE(h.outbox->entries().size() == 3);
  for (const auto& e : h.outbox->entries()) CHECK(e.state == OutboxState::done);
  CHECK(h.outbox->find_for_posting("A")->id == b);  // the latest for the posting
  CHECK(h.outbox->find_for_posting("A", "ship")->id == a);
  CHECK(h.outbox->find_for_posting("B") == nullptr);
}

TEST_CASE("outbox: a transient failure waits with a growing backoff and holds back later entries") {
  Harness h;
  h.open();
  const auto a = h.outbox->enqueue(request("ship", "A"));
  const auto b = h.outbox->enqueue(request("ship", "B"));
  h.settle();
  REQUIRE(h.sends.size() == 1);
  const auto t0 = h.clock.now_ms();
  h.reply(0, SendOutcome::transient("HTTP 503", false));
  CHECK(h.entry(a).state == OutboxState::waiting);
  CHECK(h.entry(a).last_error == "HTTP 503");
  CHECK(h.entry(a).next_attempt_at == t0 + 2'000);
  CHECK_FALSE(h.entry(a).outcome_unknown);
  CHECK(h.stored(a)->state == OutboxState::waiting);
  CHECK(h.outbox->pending_count() == 2);

  h.pass(1'999);
  CHECK(h.sends.size() == 1);  // neither A (not due) nor B (behind A)
  h.pass(1);
  REQUIRE(h.sends.size() == 2);
  CHECK(h.sends[1].entry.id == a);

  const auto t1 = h.clock.now_ms();
  h.reply(1, SendOutcome::transient("HTTP 429", false));
  CHECK(h.entry(a).next_attempt_at == t1 + 5'000);
  h.pass(5'000);
  REQUIRE(h.sends.size() == 3);
  CHECK(h.sends[2].entry.id == a);

  const auto t2 = h.clock.now_ms();
  h.reply(2, SendOutcome::transient("rate limited", false, 30'000));  // the server's hint is longer
  CHECK(h.entry(a).next_attempt_at == t2 + 30'000);
  h.pass(29'999);
  CHECK(h.sends.size() == 3);
  h.pass(1);
  REQUIRE(h.sends.size() == 4);

  h.reply(3, SendOutcome::ok("{}"));
  CHECK(h.entry(a).state == OutboxState::done);
  CHECK(h.entry(a).attempts == 4);
  CHECK(h.entry(a).failures_in_row == 0);
  CHECK(h.entry(a).last_error.empty());
  REQUIRE(h.sends.size() == 5);
  CHECK(h.sends[4].entry.id == b);
  CHECK(h.verifies.empty());  // none of those failures could have executed it
}

TEST_CASE("outbox: a waiting entry holds back its own store only; the other store's entries go on") {
  Harness h;
  h.open();
  auto other_store = request("ship", "C");
  other_store.store_id = "store-2";
  const auto a = h.outbox->enqueue(request("ship", "A"));
  const auto b = h.outbox->enqueue(request("set_tracking", "A"));
  const auto c = h.outbox->enqueue(other_store);
  h.settle();
  REQUIRE(h.sends.size() == 1);
  h.reply(0, SendOutcome::transient("the store of this change is not open", false, 30'000));
  CHECK(h.entry(a).state == OutboxState::waiting);
  // store-1's tracking number still waits behind its ship; store-2 goes now.
  REQUIRE(h.sends.size() == 2);
  CHECK(h.sends[1].entry.id == c);
  h.reply(1, SendOutcome::ok("{}"));
  CHECK(h.entry(c).state == OutboxState::done);
  CHECK(h.sends.size() == 2);
  CHECK(h.entry(b).state == OutboxState::queued);
  h.pass(30'000);
  REQUIRE(h.sends.size() == 3);
  CHECK(h.sends[2].entry.id == a);
  h.reply(2, SendOutcome::ok("{}"));
  REQUIRE(h.sends.size() == 4);
  CHECK(h.sends[3].entry.id == b);
}

TEST_CASE("outbox: the backoff is capped at its last step") {
  Harness h;
  app::OutboxOptions options;
  options.backoff_ms = {100, 200};
  h.open(options);
  const auto a = h.outbox->enqueue(request("ship", "A"));
  h.settle();
  for (std::size_t i = 0; i < 3; ++i) {
    const auto before = h.clock.now_ms();
    h.reply(i, SendOutcome::transient("HTTP 500", false));
    CHECK(h.entry(a).next_attempt_at - before == (i == 0 ? 100 : 200));
    h.pass(200);
  }
  CHECK(h.sends.size() == 4);
}

TEST_CASE("outbox: Ozon's refusal fails the entry, the next still goes; resend after correction; discard") {
  Harness h;
  h.open();
  const auto a = h.outbox->enqueue(request("ship", "A"));
  const auto b = h.outbox->enqueue(request("ship", "B"));
  h.settle();
  h.reply(0, SendOutcome::permanent("400 POSTING_ALREADY_SHIPPED: posting is already shipped"));
  CHECK(h.entry(a).state == OutboxState::failed);
  CHECK(h.entry(a).last_error == "400 POSTING_ALREADY_SHIPPED: posting is already shipped");
  CHECK(h.stored(a)->state == OutboxState::failed);
  REQUIRE(h.outbox->needs_attention().size() == 1);
  CHECK(h.outbox->needs_attention()[0]->id == a);
  REQUIRE(h.sends.size() == 2);  // a failed entry does not block the others
  CHECK(h.sends[1].entry.id == b);
  h.reply(1, SendOutcome::ok("{}"));
  CHECK(h.entry(b).state == OutboxState::done);
  CHECK(h.outbox->pending_count() == 0);

  // The seller corrects the draft and sends again: stored as queued first.
  CHECK_FALSE(h.outbox->resend(b));  // only failed entries
  CHECK(h.outbox->resend(a, R"({"posting_number":"A","packages":[]})"));
  CHECK(h.entry(a).state == OutboxState::queued);
  CHECK(h.entry(a).last_error.empty());
  CHECK(h.sends.size() == 2);
  h.settle();
  REQUIRE(h.sends.size() == 3);
  CHECK(h.sends[2].entry.body == R"({"posting_number":"A","packages":[]})");
  REQUIRE(h.sends[2].stored_at_send);
  CHECK(app::outbox_entry_from_json(*h.sends[2].stored_at_send)->body == R"({"posting_number":"A","packages":[]})");
  h.reply(2, SendOutcome::ok("{}"));
  CHECK(h.entry(a).state == OutboxState::done);
  CHECK(h.entry(a).attempts == 2);
  CHECK(h.outbox->needs_attention().empty());

  // Discarding a failed entry forgets it, in memory and in the store.
  const auto c = h.outbox->enqueue(request("cancel", "C"));
  h.settle();
  h.reply(3, SendOutcome::permanent("402 a message is required"));
  REQUIRE(h.stored(c));
  CHECK(h.outbox->discard(c));
  CHECK(h.outbox->find(c) == nullptr);
  CHECK(h.changes.back().id == c);
  CHECK(h.changes.back().removed);
  h.settle();
  CHECK_FALSE(h.stored(c));
  CHECK(h.store.count("outbox") == 2);
  CHECK_FALSE(h.outbox->discard(c));
  CHECK_FALSE(h.outbox->resend(c));
}

TEST_CASE("outbox: the entry in flight cannot be discarded; a waiting head, once discarded, lets the rest go") {
  Harness h;
  h.open();
  const auto a = h.outbox->enqueue(request("ship", "A"));
  const auto b = h.outbox->enqueue(request("ship", "B"));
  h.settle();
  CHECK_FALSE(h.outbox->discard(a));
  h.reply(0, SendOutcome::transient("HTTP 502", false));
  CHECK(h.sends.size() == 1);
  CHECK(h.outbox->discard(a));
  h.settle();
  REQUIRE(h.sends.size() == 2);
  CHECK(h.sends[1].entry.id == b);
}

TEST_CASE("outbox: offline nothing is sent; back online everything goes once, in order") {
  Harness h;
  h.open();
  h.outbox->set_online(false);
  const auto a = h.outbox->enqueue(request("ship", "A"));
  h.outbox->enqueue(request("ship", "B"));
  h.outbox->enqueue(request("ship", "C"));
  h.scheduler.run();
  CHECK(h.sends.empty());
  CHECK(h.outbox->pending_count() == 3);
  CHECK(h.entry(a).state == OutboxState::queued);
  CHECK(h.outbox->shown_state(h.entry(a)) == OutboxState::waiting);
  CHECK(h.stored(a)->state == OutboxState::queued);  // written even offline

  h.auto_reply = [](const OutboxEntry&) { return SendOutcome::ok("{}"); };
  h.outbox->set_online(true);
  CHECK(h.entry(a).state == OutboxState::sending);  // at once
  h.scheduler.run();
  CHECK(h.sent_postings() == std::vector<std::string>{"A", "B", "C"});
  CHECK(h.outbox->pending_count() == 0);
}

TEST_CASE("outbox: going offline lets the request in flight finish; online retries a waiting entry at once") {
  Harness h;
  h.open();
  const auto a = h.outbox->enqueue(request("ship", "A"));
  h.outbox->enqueue(request("ship", "B"));
  h.settle();
  h.outbox->set_online(false);
  h.reply(0, SendOutcome::transient("network: offline", false));
  CHECK(h.entry(a).state == OutboxState::waiting);
  CHECK(h.outbox->shown_state(h.entry(a)) == OutboxState::waiting);
  h.pass(1'000);
  CHECK(h.sends.size() == 1);
  h.outbox->set_online(true);  // the retry is not due for another second, but the network is back
  h.settle();
  REQUIRE(h.sends.size() == 2);
  CHECK(h.sends[1].entry.id == a);
}

TEST_CASE("outbox: the network going while an entry is being readied keeps it unsent and stored as queued") {
  Harness h;
  h.open();
  const auto a = h.outbox->enqueue(request("ship", "A"));
  h.settle();
  REQUIRE(h.sends.size() == 1);
  h.reply(0, SendOutcome::transient("timeout", true));
  h.pass(2'000);  // the retry starts: "sending" is written, then it must verify
  REQUIRE(h.verifies.size() == 1);
  h.outbox->set_online(false);
  h.answer_verify(0, VerifyOutcome::not_done());
  CHECK(h.sends.size() == 1);  // verified, but offline now: not sent
  CHECK(h.entry(a).state == OutboxState::queued);
  CHECK_FALSE(h.entry(a).outcome_unknown);
  CHECK(h.stored(a)->state == OutboxState::queued);

  const auto b = h.outbox->enqueue(request("ship", "B"));
  h.outbox->set_online(true);  // A's "sending" write is under way...
  h.outbox->set_online(false);  // ...when the network goes again
  h.scheduler.run();
  CHECK(h.sends.size() == 1);
  CHECK(h.entry(a).state == OutboxState::queued);
  CHECK(h.stored(a)->state == OutboxState::queued);

  h.auto_reply = [](const OutboxEntry&) { return SendOutcome::ok("{}"); };
  h.outbox->set_online(true);
  h.scheduler.run();
  REQUIRE(h.sends.size() == 3);
  CHECK(h.sends[1].entry.id == a);
  CHECK(h.sends[2].entry.id == b);
  CHECK(h.verifies.size() == 1);
}

TEST_CASE("outbox: after a reload mid-send, verification finds it done and it is not sent again") {
  Harness h;
  h.open();
  const auto a = h.outbox->enqueue(request("ship", "A"));
  h.settle();
  REQUIRE(h.sends.size() == 1);
  CHECK(h.stored(a)->state == OutboxState::sending);

  h.reload();  // the tab closed while the request was out
  REQUIRE(h.report);
  CHECK(h.report->restored == 1);
  REQUIRE(h.verifies.size() == 1);
  CHECK(h.verifies[0].entry.id == a);
  CHECK(h.verifies[0].entry.posting_number == "A");
  CHECK(h.entry(a).verifying);
  CHECK(h.sends.size() == 1);

  h.answer_verify(0, VerifyOutcome::already_done());
  h.scheduler.run();
  CHECK(h.sends.size() == 1);
  CHECK(h.entry(a).state == OutboxState::done);
  CHECK(h.entry(a).skipped_as_already_done);
  CHECK_FALSE(h.entry(a).outcome_unknown);
  CHECK(h.stored(a)->state == OutboxState::done);
  CHECK(h.stored(a)->skipped_as_already_done);

  // The old page's answer arriving now changes nothing.
  h.sends[0].done(SendOutcome::permanent("late"));
  h.scheduler.run();
  CHECK(h.entry(a).state == OutboxState::done);
  CHECK(h.sends.size() == 1);
}

TEST_CASE("outbox: after a reload mid-send, verification finds it not done and it is sent exactly once more") {
  Harness h;
  h.open();
  const auto a = h.outbox->enqueue(request("ship", "A"));
  const auto b = h.outbox->enqueue(request("set_tracking", "A"));
  h.settle();
  REQUIRE(h.sends.size() == 1);
  h.reload();
  REQUIRE(h.verifies.size() == 1);
  CHECK(h.sends.size() == 1);  // B waits behind A's verification
  h.answer_verify(0, VerifyOutcome::not_done());
  REQUIRE(h.sends.size() == 2);
  CHECK(h.sends[1].entry.id == a);
  h.reply(1, SendOutcome::ok("{}"));
  CHECK(h.entry(a).state == OutboxState::done);
  CHECK_FALSE(h.entry(a).skipped_as_already_done);
  REQUIRE(h.sends.size() == 3);
  CHECK(h.sends[2].entry.id == b);
  h.reply(2, SendOutcome::ok("{}"));
  h.scheduler.run();
  CHECK(h.sends.size() == 3);
  CHECK(h.verifies.size() == 1);
}

TEST_CASE("outbox: an entry stored as queued (never sent) is sent after a reload without verification") {
  Harness h;
  h.open();
  h.outbox->set_online(false);
  h.outbox->enqueue(request("ship", "A"));
  h.settle();
  h.reload();  // a new outbox starts online
  REQUIRE(h.sends.size() == 1);
  CHECK(h.verifies.empty());
}

TEST_CASE("outbox: a failure after the request left is verified before the retry") {
  Harness h;
  h.open();
  const auto a = h.outbox->enqueue(request("ship", "A"));
  h.settle();

  SUBCASE("not done: sent again") {
    h.reply(0, SendOutcome::transient("network: connection reset", true));
    CHECK(h.entry(a).state == OutboxState::waiting);
    CHECK(h.entry(a).outcome_unknown);
    CHECK(h.stored(a)->outcome_unknown);
    h.pass(2'000);
    REQUIRE(h.verifies.size() == 1);
    CHECK(h.sends.size() == 1);
    h.answer_verify(0, VerifyOutcome::not_done());
    REQUIRE(h.sends.size() == 2);
    h.reply(1, SendOutcome::ok("{}"));
    CHECK(h.entry(a).state == OutboxState::done);
  }
  SUBCASE("cannot tell: waits, then verifies again") {
    h.reply(0, SendOutcome::transient("timeout", true));
    h.pass(2'000);
    REQUIRE(h.verifies.size() == 1);
    const auto t = h.clock.now_ms();
    h.answer_verify(0, VerifyOutcome::unknown("network: offline"));
    CHECK(h.entry(a).state == OutboxState::waiting);
    CHECK(h.entry(a).outcome_unknown);
    CHECK(h.entry(a).last_error == "network: offline");
    CHECK(h.entry(a).next_attempt_at == t + 5'000);  // second failure in a row
    h.pass(4'999);
    CHECK(h.verifies.size() == 1);
    h.pass(1);
    REQUIRE(h.verifies.size() == 2);
    h.answer_verify(1, VerifyOutcome::already_done());
    CHECK(h.entry(a).state == OutboxState::done);
    CHECK(h.entry(a).skipped_as_already_done);
    CHECK(h.sends.size() == 1);
  }
  SUBCASE("a failure before anything executed is retried without verification") {
    h.reply(0, SendOutcome::transient("HTTP 503", false));
    h.pass(2'000);
    CHECK(h.verifies.empty());
    CHECK(h.sends.size() == 2);
  }
}

TEST_CASE("outbox: without a verify hook an entry of unknown outcome waits for the seller") {
  Harness h;
  h.with_verify = false;
  h.open();
  const auto a = h.outbox->enqueue(request("ship", "A"));
  h.settle();
  h.reply(0, SendOutcome::transient("timeout", true));
  h.scheduler.run();
  CHECK(h.sends.size() == 1);
  CHECK(h.entry(a).state == OutboxState::failed);
  CHECK_FALSE(h.entry(a).last_error.empty());
  CHECK(h.outbox->resend(a));  // the seller checked: not shipped
  h.settle();
  CHECK(h.sends.size() == 2);
}

TEST_CASE("outbox: a second answer to the same send is ignored") {
  Harness h;
  h.open();
  const auto a = h.outbox->enqueue(request("ship", "A"));
  h.outbox->enqueue(request("ship", "B"));
  h.settle();
  h.reply(0, SendOutcome::permanent("400"));
  REQUIRE(h.sends.size() == 2);
  h.reply(0, SendOutcome::ok("{}"));  // again, for the same request
  CHECK(h.entry(a).state == OutboxState::failed);
  CHECK(h.outbox->in_flight_id() == h.sends[1].entry.id);

  // A stale answer of an earlier attempt does not settle the retry of the same entry.
  const auto b = h.sends[1].entry.id;
  h.reply(1, SendOutcome::transient("HTTP 503", false));
  h.pass(2'000);
  REQUIRE(h.sends.size() == 3);
  CHECK(h.sends[2].entry.id == b);
  h.reply(1, SendOutcome::ok("stale"));
  CHECK(h.entry(b).state == OutboxState::sending);
  h.reply(2, SendOutcome::ok("fresh"));
  CHECK(h.entry(b).result_body == "fresh");
}

TEST_CASE("outbox: malformed stored records are skipped and reported, the rest restored") {
  Harness h;
  OutboxEntry good;
  good.id = 3;
  good.kind = "ship";
  good.posting_number = "G";
  good.path = "/v4/posting/fbs/ship";
  good.body = "{}";
  put_raw(h, "outbox", app::outbox_key(3), app::to_json_text(good));
  // Wrongly typed optional fields are read as their defaults.
  put_raw(h, "outbox", app::outbox_key(4),
          R"({"id":4,"state":"queued","kind":"cancel","path":"/v2/posting/fbs/cancel","attempts":"many","posting_number":7})");
  put_raw(h, "outbox", "not-json", "{oops");
  put_raw(h, "outbox", "array", "[1,2]");
  put_raw(h, "outbox", "id-text", R"({"id":"5","state":"queued","kind":"ship","path":"/p"})");
  put_raw(h, "outbox", app::outbox_key(6), R"({"id":6,"state":"exploded","kind":"ship","path":"/p"})");
  put_raw(h, "outbox", app::outbox_key(8), R"({"id":7,"state":"queued","kind":"ship","path":"/p"})");
  put_raw(h, "outbox", app::outbox_key(9), R"({"v":99,"id":9,"state":"queued","kind":"ship","path":"/p"})");
  put_raw(h, "outbox", app::outbox_key(10), R"({"id":10,"state":"queued","path":"/p"})");
  put_raw(h, "meta", std::string(app::kOutboxNextIdKey), "garbage");
  put_raw(h, "drafts", "ship:G", R"({"boxes":1})");  // not the outbox's

  h.auto_reply = [](const OutboxEntry&) { return SendOutcome::ok("{}"); };
  h.open();
  REQUIRE(h.report);
  CHECK(h.report->restored == 2);
  CHECK(h.report->skipped.size() == 7);
  bool reported_state = false;
  for (const auto& skipped : h.report->skipped) {
    CHECK_FALSE(skipped.reason.empty());
    if (skipped.key == app::outbox_key(6)) reported_state = skipped.reason == "unknown state";
  }
  CHECK(reported_state);
  REQUIRE(h.outbox->entries().size() == 2);
  CHECK(h.outbox->find(4)->attempts == 0);
  CHECK(h.outbox->find(4)->posting_number.empty());
  CHECK(h.store.count("outbox") == 9);  // malformed records are left alone

  h.scheduler.run();
  REQUIRE(h.sends.size() == 2);
  CHECK(h.sends[0].entry.id == 3);
  CHECK(h.sends[1].entry.id == 4);
  // After the highest id read, and past every unreadable record's key.
  CHECK(h.outbox->enqueue(request("ship", "N")) == 11);
}

TEST_CASE("outbox: ids keep increasing across reloads, even after the newest entry is discarded") {
  Harness h;
  h.open();
  const auto a = h.outbox->enqueue(request("ship", "A"));
  const auto b = h.outbox->enqueue(request("ship", "B"));
  h.settle();
  h.reply(0, SendOutcome::ok("{}"));
  h.reply(1, SendOutcome::permanent("400"));
  CHECK(h.outbox->discard(b));
  h.settle();

  h.reload();
  REQUIRE(h.outbox->entries().size() == 1);
  const auto c = h.outbox->enqueue(request("ship", "C"));
  CHECK(c > b);
  h.settle();
  h.reply(2, SendOutcome::ok("{}"));

  h.reload();
  const auto d = h.outbox->enqueue(request("ship", "D"));
  CHECK(d > c);

  // Without the stored counter the ids still follow the highest one stored.
  h.settle();
  h.store.remove("meta", std::string(app::kOutboxNextIdKey), {});
  h.settle();
  h.reload();
  CHECK(h.outbox->enqueue(request("ship", "E")) > d);
  CHECK(h.outbox->find(a) != nullptr);
}

TEST_CASE("outbox: when the store refuses to write, the entry is still sent, marked not durable") {
  Harness h;
  SUBCASE("quota exceeded after start") {
    h.open();
    h.store.set_failure(store::StoreStatus::quota_exceeded, "QuotaExceededError");
  }
  SUBCASE("no storage at all (private mode)") {
    h.store.set_failure(store::StoreStatus::unavailable, "IndexedDB disabled");
    h.open();
    REQUIRE(h.report);
    CHECK(h.report->load.status == store::StoreStatus::unavailable);
    CHECK(h.outbox->restored());
  }
  const auto a = h.outbox->enqueue(request("ship", "A"));
  h.settle();
  REQUIRE(h.sends.size() == 1);
  CHECK_FALSE(h.sends[0].stored_at_send);
  CHECK_FALSE(h.entry(a).durable);
  bool reported = false;
  for (const auto& change : h.changes) reported = reported || (change.id == a && !change.durable);
  CHECK(reported);
  REQUIRE(h.outbox->storage_problem());
  CHECK_FALSE(store::error_key(h.outbox->storage_problem()->status).empty());
  h.reply(0, SendOutcome::ok("{}"));
  CHECK(h.entry(a).state == OutboxState::done);
  CHECK(h.store.count("outbox") == 0);
}

TEST_CASE("outbox: one failed write marks the entry not durable until a later write succeeds") {
  Harness h;
  h.open();
  h.store.fail_next(store::StoreStatus::quota_exceeded);
  const auto a = h.outbox->enqueue(request("ship", "A"));
  h.settle();  // the first write failed, the "sending" one succeeded
  REQUIRE(h.sends.size() == 1);
  REQUIRE(h.changes.size() >= 3);
  bool was_not_durable = false;
  for (const auto& change : h.changes) was_not_durable = was_not_durable || !change.durable;
  CHECK(was_not_durable);
  CHECK(h.entry(a).durable);
  CHECK_FALSE(h.outbox->storage_problem());
}

TEST_CASE("outbox: only the latest done entries are kept; failed ones stay") {
  Harness h;
  app::OutboxOptions options;
  options.keep_done = 3;
  h.open(options);
  h.auto_reply = [](const OutboxEntry& e) {
    return e.posting_number == "F" ? SendOutcome::permanent("400") : SendOutcome::ok("{}");
  };
  const auto failed = h.outbox->enqueue(request("ship", "F"));
  for (int i = 1; i <= 5; ++i) h.outbox->enqueue(request("ship", std::string("P").append(std::to_string(i))));
  h.scheduler.run();
  REQUIRE(h.sends.size() == 6);
  REQUIRE(h.outbox->entries().size() == 4);
  CHECK(h.outbox->entries()[0].id == failed);
  CHECK(h.outbox->entries()[1].posting_number == "P3");
  CHECK(h.outbox->entries()[3].posting_number == "P5");
  CHECK(h.store.count("outbox") == 4);
  CHECK_FALSE(h.stored(2));  // P1

  h.reload(options);
  CHECK(h.outbox->entries().size() == 4);
}

TEST_CASE("outbox: a request made before the stored entries are read is held, then sent after them") {
  Harness h;
  OutboxEntry stored;
  stored.id = 7;
  stored.kind = "ship";
  stored.posting_number = "OLD";
  stored.path = "/v4/posting/fbs/ship";
  put_raw(h, "outbox", app::outbox_key(7), app::to_json_text(stored));

  h.open({}, false);
  CHECK(h.outbox->enqueue(request("set_tracking", "NEW")) == 0);
  CHECK(h.outbox->pending_count() == 1);
  h.scheduler.run();
  CHECK(h.sends.empty());

  h.auto_reply = [](const OutboxEntry&) { return SendOutcome::ok("{}"); };
  h.outbox->start();
  h.scheduler.run();
  CHECK(h.sent_postings() == std::vector<std::string>{"OLD", "NEW"});
  const OutboxEntry* fresh = h.outbox->find_for_posting("NEW", "set_tracking");
  REQUIRE(fresh);
  CHECK(fresh->id == 8);
  CHECK(fresh->draft_key == "set_tracking:NEW");
}

TEST_CASE("outbox: entries survive the trip through JSON, bad bytes included") {
  OutboxEntry e;
  e.id = 42;
  e.store_id = "s";
  e.kind = "cancel";
  e.posting_number = "1-2-3";
  e.path = "/v2/posting/fbs/cancel";
  e.body = R"({"cancel_reason_id":402,"cancel_reason_message":"нет в наличии"})";
  e.draft_key = "cancel:1-2-3";
  e.state = OutboxState::waiting;
  e.attempts = 3;
  e.failures_in_row = 2;
  e.outcome_unknown = true;
  e.last_error = "timeout";
  e.next_attempt_at = 1'770'000'005'000;
  e.created_at = 1'770'000'000'000;
  e.updated_at = 1'770'000'001'000;
  e.result_body = "";
  e.skipped_as_already_done = true;
  e.durable = false;
  const auto back = app::outbox_entry_from_json(app::to_json_text(e));
  REQUIRE(back);
  CHECK(back->id == e.id);
  CHECK(back->store_id == e.store_id);
  CHECK(back->kind == e.kind);
  CHECK(back->posting_number == e.posting_number);
  CHECK(back->path == e.path);
  CHECK(back->body == e.body);
  CHECK(back->draft_key == e.draft_key);
  CHECK(back->state == e.state);
  CHECK(back->attempts == 3);
  CHECK(back->failures_in_row == 2);
  CHECK(back->outcome_unknown);
  CHECK(back->last_error == "timeout");
  CHECK(back->next_attempt_at == e.next_attempt_at);
  CHECK(back->created_at == e.created_at);
  CHECK(back->updated_at == e.updated_at);
  CHECK(back->skipped_as_already_done);
  CHECK_FALSE(back->durable);
  const auto json = nlohmann::json::parse(app::to_json_text(e), nullptr, false);
  REQUIRE(json.is_object());
  CHECK(json.value("v", 0) == store::kSchemaVersion);

  e.result_body = std::string("\xff\xfe broken", 9);  // a proxy's reply in no known encoding
  const auto again = app::outbox_entry_from_json(app::to_json_text(e));
  REQUIRE(again);
  CHECK_FALSE(again->result_body.empty());

  std::string why;
  CHECK_FALSE(app::outbox_entry_from_json("", &why));
  CHECK(why == "not a JSON object");
  // Refused before parsing: deeper than any record of ours, or heavier.
  const std::string deep = R"({"id":1,"x":)" + std::string(10'000, '[') + std::string(10'000, ']') + "}";
  CHECK_FALSE(app::outbox_entry_from_json(deep, &why));
  CHECK(why == "too large or nested too deep");
  why.clear();
  CHECK_FALSE(app::outbox_entry_from_json(std::string(store::kMaxRecordBytes + 1, ' '), &why));
  CHECK(why == "too large or nested too deep");
  CHECK(app::outbox_key(42) == "00000000000000000042");
  CHECK(app::outbox_key(9) < app::outbox_key(10));
}

TEST_CASE("outbox: destroying the outbox makes pending timers, writes and answers harmless") {
  Harness h;
  h.open();
  h.outbox->enqueue(request("ship", "A"));
  h.outbox->enqueue(request("ship", "B"));
  h.settle();
  h.reply(0, SendOutcome::transient("HTTP 503", true));  // a retry timer is set
  h.outbox->enqueue(request("ship", "C"));  // its write is still pending
  const auto changes = h.changes.size();
  h.outbox.reset();
  h.scheduler.run();
  CHECK(h.changes.size() == changes);
  CHECK(h.sends.size() == 1);
  h.reply(0, SendOutcome::ok("{}"));
}
