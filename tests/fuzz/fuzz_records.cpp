// Bounded-time fuzzing of what the console reads from this device, a file or
// another window (no libFuzzer): backup files, drafts, outbox records, the
// portal's configure message; and the snapshot of an app fed hostile text
// from every side (records, API replies, a backup, the portal, typing).
// Valid seeds are built in code, then mutated with a fixed seed (byte flips,
// truncation, splices, type swaps, hostile strings, nesting 100..20,000
// deep). Any crash (or abort: the WASM build has no exceptions) kills the
// process, so reaching the end means "0 crashes". Usage: fuzz_records [seconds [seed]]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../unit/ozon_test_support.h"
#include "app/app.h"
#include "app/backup.h"
#include "app/drafts.h"
#include "app/orders_screen.h"
#include "app/outbox.h"
#include "app/portal_config.h"
#include "app/snapshot.h"
#include "app/stores_screen.h"
#include "core/box_split.h"
#include "mutate.h"
#include "ozon/parsers.h"
#include "sandbox/marketplace.h"
#include "store/memory_record_store.h"
#include "store/schema.h"
#include "store/settings_store.h"

namespace {

using fuzz::Json;
using fuzz::pick;
using fuzz::Rng;
using Corpus = std::vector<std::string>;

// ---- hostile text -------------------------------------------------------------

std::string deep_brackets(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// 100..20,000 levels, or right at the caps (63..68).
std::size_t deep_depth(Rng& rng) {
  static constexpr std::size_t kDepths[] = {63, 64, 65, 66, 67, 68, 100, 1000, 10'000, 20'000};
  return pick(rng, 3) == 0 ? 100 + pick(rng, 19'901) : kDepths[pick(rng, std::size(kDepths))];
}

// What a seller may type or paste, a damaged store may hold, or an attacker
// may send: invalid UTF-8, control characters, huge, JSON-looking.
std::string hostile_string(Rng& rng) {
  switch (pick(rng, 12)) {
    case 0: return "\xff\xfe\xfd";
    case 1: return "shop \xed\xa0\x80";  // an encoded surrogate (CESU-8): invalid UTF-8
    case 2: return "ab\xc3";             // a cut multi-byte character
    case 3: return std::string("\x01\x02\x1b[31m\r\n\t\0end", 14);
    case 4: return std::string(16 * 1024 + pick(rng, 256 * 1024), static_cast<char>('a' + pick(rng, 26)));
    case 5: {
      std::string bytes(1 + pick(rng, 4096), '\0');
      for (auto& b : bytes) b = static_cast<char>(rng());
      return bytes;
    }
    case 6: return deep_brackets(deep_depth(rng));
    case 7: return "\"}]},\\u0000{\"";
    case 8: return "Магазин «Ромашка» 店铺";
    case 9: return "";
    case 10: return "4600000000017";  // a barcode-looking code
    default: return "RA123456789RU";
  }
}

// A node of a valid document replaced with a hostile string (dumped, so
// invalid UTF-8 becomes U+FFFD: the text stays JSON).
void swap_string(Json& node, Rng& rng, int depth = 0) {
  if ((node.is_object() || node.is_array()) && !node.empty() && depth < 12 && pick(rng, 4) != 0) {
    auto it = node.begin();
    std::advance(it, static_cast<std::ptrdiff_t>(pick(rng, node.size())));
    swap_string(*it, rng, depth + 1);
    return;
  }
  node = hostile_string(rng);
}

// Deep nesting around the text, or inside it in place of one value
// (built as text: building it as a Json would recurse in the fuzzer).
std::string nest_deep(std::string text, Rng& rng) {
  const std::size_t depth = deep_depth(rng);
  switch (pick(rng, 4)) {
    case 0: return std::string(depth, '[') + text + std::string(depth, ']');
    case 1: {
      std::string out;
      for (std::size_t i = 0; i < depth; ++i) out += "{\"a\":";
      return out + text + std::string(depth, '}');
    }
    case 2: return std::string(depth, '[') + text;  // never closed
    default: {
      if (!core::json_read::nesting_within(text, 200)) return text;
      Json doc = Json::parse(text, nullptr, false);
      if (doc.is_discarded()) return text;
      const std::string mark = "\x01" "deep" "\x01";
      Json* node = &doc;
      for (int level = 0; level < 12 && (node->is_object() || node->is_array()) && !node->empty() && pick(rng, 4) != 0;
           ++level) {
        auto it = node->begin();
        std::advance(it, static_cast<std::ptrdiff_t>(pick(rng, node->size())));
        node = &*it;
      }
      *node = mark;
      std::string out = core::json_read::dump(doc);
      const std::string quoted = core::json_read::dump(Json(mark));
      if (auto at = out.find(quoted); at != std::string::npos) out.replace(at, quoted.size(), deep_brackets(depth));
      return out;
    }
  }
}

// Half the time a valid seed (so that a hostile change reaches the readers'
// logic, not just the parser), else the byte-level mutations; then, three
// times in four, one hostile change.
std::string mutate(const Corpus& corpus, Rng& rng) {
  std::string text = pick(rng, 2) == 0 ? corpus[pick(rng, corpus.size())] : fuzz::mutate(corpus, rng);
  switch (pick(rng, 4)) {
    case 0: return nest_deep(std::move(text), rng);
    case 1: {
      if (!core::json_read::nesting_within(text, 200)) return text;
      Json doc = Json::parse(text, nullptr, false);
      if (doc.is_discarded()) return text;
      swap_string(doc, rng);
      return core::json_read::dump(doc);
    }
    case 2: {  // raw hostile bytes inside a string: no longer JSON when invalid UTF-8
      const std::size_t quote = text.find('"', pick(rng, text.size() + 1));
      if (quote != std::string::npos) text.insert(quote + 1, hostile_string(rng));
      return text;
    }
    default: return text;
  }
}

// ---- seeds ----------------------------------------------------------------------

struct Seeds {
  core::Posting posting;  // the draft readers' posting
  Corpus drafts, outbox, portal, backups, stores, replies;

  app::PostingWork fresh_work() const {
    return {posting.posting_number, core::PostingVerification(posting, {}), core::single_box(posting)};
  }
};

Seeds make_seeds() {
  Seeds seeds;
  auto posting = ozon::parse_posting(ozon_test::fixture("posting_get_v3.json"));
  auto exemplars = ozon::parse_exemplar_data(ozon_test::fixture("exemplar_create_or_get.json"));
  if (!posting || !exemplars) {
    std::fprintf(stderr, "fuzz: the fixtures no longer parse\n");
    std::exit(1);
  }
  seeds.posting = *posting;

  // A posting worked on: scanned, ticked, two boxes, typed text, a partial
  // cancel, the marking form.
  app::PostingWork work = seeds.fresh_work();
  for (const auto& product : seeds.posting.products) {
    work.verification.scan(product.offer_id, 1'770'000'000'000);
    work.verification.scan("not-in-this-posting", 1'770'000'001'000);
  }
  work.verification.set_items_picked(true);
  work.boxes = core::split_evenly(seeds.posting, 2);
  work.scan_text = "4600";
  work.tracking_text = "RA123456789RU";
  work.cutoff_text = "2026-05-14 18:00";
  work.cancel.reason_id = 402;
  work.cancel.message = "Нет в наличии";
  work.cancel.partial = true;
  work.cancel.quantities.assign(seeds.posting.products.size(), 1);
  work.marking.form.data = *exemplars;
  for (const auto& product : exemplars->products) work.marking.form.countries[product.product_id] = "CN";
  const std::string posting_draft = core::json_read::dump(app::posting_draft(work));
  seeds.drafts.push_back(posting_draft);
  seeds.drafts.push_back(core::json_read::dump(app::to_json(*exemplars)));

  app::StoreConfig store;
  store.id = "s1";
  store.name = "Main";
  store.road = app::Road::local_proxy;
  store.client_id = "123456";
  store.api_key = "0a1b2c3d-4e5f";
  const Json ui = {{"v", 1}, {"view", "orders"}, {"open", seeds.posting.posting_number}, {"paste", "1-2-3\tRA1"},
                   {"paste_open", true}, {"store_form", app::to_json(store)}};
  seeds.drafts.push_back(core::json_read::dump(ui));
  seeds.stores.push_back(core::json_read::dump(Json::array({app::to_json(store)})));

  app::OutboxEntry entry;
  entry.id = 7;
  entry.store_id = "demo";
  entry.kind = "ship";
  entry.posting_number = seeds.posting.posting_number;
  entry.path = "/v4/posting/fbs/ship";
  entry.body = R"({"posting_number":")" + seeds.posting.posting_number +
               R"(","packages":[{"products":[{"product_id":1,"quantity":1}]}]})";
  entry.draft_key = app::posting_draft_key(seeds.posting.posting_number);
  entry.last_error = "PostingAlreadyShipped";
  entry.created_at = entry.updated_at = 1'770'000'000'000;
  seeds.outbox.push_back(app::to_json_text(entry));
  entry.id = 8;
  entry.kind = "set_tracking";
  entry.state = app::OutboxState::failed;
  entry.path = "/v2/fbs/posting/tracking-number/set";
  entry.body = R"({"tracking_numbers":[{"posting_number":"1-2-3","tracking_number":"RA1"}]})";
  seeds.outbox.push_back(app::to_json_text(entry));

  seeds.portal = {
      R"({"type":"seller-console:configure","clientId":"123","apiKey":"k-1",)"
      R"("apiBaseUrl":"https://portal.example/ozon","bridge":false,"lang":"ru"})",
      R"({"type":"seller-console:configure","bridge":true})"};

  app::BackupContents contents;
  contents.lang = "zh";
  contents.stores = {store};
  contents.active_store = "s1";
  contents.drafts = {{app::posting_draft_key(seeds.posting.posting_number), posting_draft},
                     {app::kUiDraftKey, seeds.drafts.back()}};
  for (std::size_t i = 0; i < seeds.outbox.size(); ++i)
    contents.outbox.emplace_back(app::outbox_key(7 + static_cast<std::int64_t>(i)), seeds.outbox[i]);
  seeds.backups.push_back(app::make_backup(contents, true, 1'770'000'000'000));
  seeds.backups.push_back(app::make_backup(contents, false, 1'770'000'000'000));
  contents.drafts.clear();
  seeds.backups.push_back(app::make_backup(contents, false, 1'770'000'000'000));

  for (const char* name : {"posting_list_v4.json", "posting_get_v3.json", "warehouses_v2.json",
                           "delivery_methods_v2.json", "product_info_list.json", "product_list.json",
                           "ship_result.json", "error_400.json"})
    seeds.replies.push_back(ozon_test::fixture(name));
  return seeds;
}

// ---- the readers ------------------------------------------------------------------

// What the app does with a draft once it parsed: restore, write back.
std::size_t feed_draft_json(const Json& json, const Seeds& seeds) {
  app::PostingWork work = seeds.fresh_work();
  app::restore_posting_draft(work, json);
  std::size_t sum = core::json_read::dump(app::posting_draft(work)).size();
  const app::UiDraft ui = app::read_ui_draft(json);
  sum += ui.open_posting.size() + ui.tracking_paste.size() + app::ui_draft_view(json).size();
  sum += core::json_read::dump(app::to_json(app::exemplar_data_from_json(json))).size();
  if (auto store = app::store_from_json(json)) sum += core::json_read::dump(app::to_json(*store)).size();
  return sum;
}

std::size_t feed_draft(const std::string& text, const Seeds& seeds) {
  // The readers never recurse: they get whatever parses, however deep.
  const Json json = Json::parse(text, nullptr, false);
  return json.is_discarded() ? 1 : feed_draft_json(json, seeds);
}

std::size_t feed_outbox(const std::string& text) {
  std::string why;
  auto entry = app::outbox_entry_from_json(text, &why);
  if (!entry) return why.size();
  // Written back and read again, as a reload does.
  auto again = app::outbox_entry_from_json(app::to_json_text(*entry));
  if (!again || again->id != entry->id || again->body != entry->body) {
    std::fprintf(stderr, "fuzz: an outbox record written back does not read the same\n");
    std::abort();
  }
  return 2 + entry->body.size() % 7;
}

std::size_t feed_portal(const std::string& text) {
  auto config = app::parse_portal_configure(text);
  return config ? 3 + config->client_id.size() + config->api_base_url.size() : 4;
}

std::size_t feed_backup(const std::string& text, const Seeds& seeds) {
  const app::BackupRead read = app::read_backup(text);
  if (!read.contents) return read.problem.size();
  std::size_t sum = read.contents->stores.size();
  for (const auto& [key, value] : read.contents->drafts) {  // as the import does
    const Json json = Json::parse(value, nullptr, false);
    if (!json.is_discarded()) sum += feed_draft_json(json, seeds) + core::json_read::dump(json).size() % 7;
  }
  for (const auto& [key, value] : read.contents->outbox) sum += feed_outbox(value);
  // What was read is written back (an export) and must read again.
  const std::string again = app::make_backup(*read.contents, true, 1);
  if (again.size() <= app::kBackupMaxBytes && !app::read_backup(again).contents) {
    std::fprintf(stderr, "fuzz: a backup written back from one that read does not read: %s\n",
                 app::read_backup(again).problem.c_str());
    std::abort();
  }
  return sum;
}

// ---- the app ----------------------------------------------------------------------

// One browser profile with hostile contents: its records and settings, the
// API's replies, the file the seller picks, the portal's message.
class World {
 public:
  World(Rng& rng, const Seeds& seeds) : rng_(rng), seeds_(seeds), market_(11, clock_.now_ms()) {}

  std::size_t run() {
    fill_device();
    open();
    for (std::size_t i = 0, n = 4 + pick(rng_, 16); i < n; ++i) act();
    app_->flush_drafts();
    settle(1 + static_cast<std::int64_t>(pick(rng_, 5'000)));
    std::size_t sum = core::json_read::dump(app::snapshot(*app_)).size();
    open();  // a reload: what was written comes back
    sum += core::json_read::dump(app::snapshot(*app_)).size();
    app_.reset();
    return sum + sink_;
  }

 private:
  // Every road leads to the demo marketplace; its replies are spoiled on the way.
  class HostileRoad final : public net::Transport {
   public:
    explicit HostileRoad(World& world) : world_(world) {}
    void send(net::HttpRequest request, net::ResponseCallback on_done) override {
      net::HttpResponse reply = world_.market_.handle(request.path, request.body, world_.clock_.now_ms());
      world_.spoil(reply);
      world_.scheduler_.after(10, [reply = std::move(reply), on_done = std::move(on_done)] { on_done(reply); });
    }

   private:
    World& world_;
  };

  class Roads final : public app::TransportFactory {
   public:
    explicit Roads(World& world) : world_(world) {}
    std::unique_ptr<net::Transport> make(const app::StoreConfig&) override {
      return std::make_unique<HostileRoad>(world_);
    }

   private:
    World& world_;
  };

  // A seed as it is, or mutated.
  std::string text(const Corpus& corpus) {
    return pick(rng_, 3) == 0 ? corpus[pick(rng_, corpus.size())] : mutate(corpus, rng_);
  }

  void spoil(net::HttpResponse& reply) {
    switch (pick(rng_, 10)) {
      case 0: reply.body = mutate({reply.body}, rng_); break;
      case 1: reply.body = nest_deep(std::move(reply.body), rng_); break;
      case 2:
      case 3: {
        Json doc = Json::parse(reply.body, nullptr, false);
        if (doc.is_discarded()) break;
        for (std::size_t i = 0, n = 1 + pick(rng_, 6); i < n; ++i) swap_string(doc, rng_);
        reply.body = core::json_read::dump(doc);
        break;
      }
      case 4: reply.status = pick(rng_, 2) == 0 ? 500 : 429; break;
      default: break;
    }
  }

  void put(std::string_view collection, std::string key, std::string value) {
    records_.put(std::string(collection), std::move(key), std::move(value), {});
  }

  // What an earlier page (or damage) left on this device.
  void fill_device() {
    if (pick(rng_, 2) == 0) settings_.set(app::kStoresSettingKey, text(seeds_.stores));
    if (pick(rng_, 2) == 0) settings_.set(app::kActiveStoreSettingKey, pick(rng_, 2) == 0 ? "s1" : "demo");
    namespace col = store::collection;
    for (std::size_t i = 0, n = 1 + pick(rng_, 6); i < n; ++i) {
      const std::size_t which = pick(rng_, 3);
      std::string key = which == 2 ? std::string(app::kUiDraftKey)
                                   : app::posting_draft_key(pick(rng_, 2) == 0 ? seeds_.posting.posting_number
                                                                               : market_.posting_numbers().front());
      put(col::drafts, std::move(key), text(seeds_.drafts));
    }
    for (std::int64_t id = 7, n = 7 + static_cast<std::int64_t>(pick(rng_, 3)); id < n; ++id)
      put(col::outbox, app::outbox_key(id), text(seeds_.outbox));
    if (pick(rng_, 3) == 0) put(col::meta, std::string(app::kOutboxNextIdKey), text({R"({"next_id":9})"}));
    if (pick(rng_, 2) == 0) {  // the orders list kept for offline use (offline_copies.cpp's keys)
      put(col::postings, "list:demo@100#0", text(seeds_.replies));
      put(col::meta, "postings_list:demo", "100 1");
      put(col::meta, "postings_as_of:demo", "100");
    }
    if (pick(rng_, 2) == 0) {
      put(col::catalog, "warehouses:demo", text(seeds_.replies));
      put(col::catalog, "delivery_methods:demo", text(seeds_.replies));
      put(col::catalog, "products:demo", text(seeds_.replies));
    }
    scheduler_.run(0);
  }

  void open() {
    app_.reset();
    app::AppServices services{settings_, clock_, scheduler_, roads_};
    services.records = &records_;
    services.copy_text = [this](const std::string& copied) { sink_ += copied.size(); };
    services.pick_file = [this](std::function<void(std::string)> done) { done(text(seeds_.backups)); };
    services.save_file = [this](const std::string&, const std::string& saved) { exported_ = saved; };
    app_ = std::make_unique<app::App>(services, std::vector<std::string>{"ru"});
    app_->start();
    settle(static_cast<std::int64_t>(1 + pick(rng_, 20'000)));
  }

  void settle(std::int64_t ms) {
    scheduler_.run(ms);
    app_->prepare_frame();
  }

  std::string some_posting() {
    const auto& list = app_->state().orders.list;
    if (list.visible_count() == 0 || pick(rng_, 5) == 0) return hostile_string(rng_);
    return list.at(pick(rng_, list.visible_count())).posting_number;
  }

  app::StoreConfig typed_store() {
    app::StoreConfig store = app_->state().stores.draft;
    store.name = hostile_string(rng_);
    store.client_id = pick(rng_, 2) == 0 ? "123456" : hostile_string(rng_);
    store.api_key = pick(rng_, 2) == 0 ? "key" : hostile_string(rng_);
    store.proxy_url = "https://proxy.example/" + hostile_string(rng_);
    store.road = pick(rng_, 2) == 0 ? app::Road::demo : app::Road::proxy_url;
    return store;
  }

  // One thing the seller (or the portal) does, with hostile text.
  void act() {
    app::App& a = *app_;
    switch (pick(rng_, 17)) {
      case 0: a.apply(app::EditStoreDraft{typed_store()}); break;
      case 1: a.apply(app::SaveStore{typed_store()}); break;
      case 2: a.apply(app::SetSearch{hostile_string(rng_)}); break;
      case 3: a.apply(app::OpenPosting{some_posting()}); break;
      case 4: a.apply(app::EditScanText{hostile_string(rng_)}); break;
      case 5: a.apply(app::ScanCode{hostile_string(rng_)}); break;
      case 6: a.apply(app::EditTracking{hostile_string(rng_)}); break;
      case 7:
        a.apply(app::OpenTrackingPaste{true});
        a.apply(app::EditTrackingPaste{some_posting() + "\t" + hostile_string(rng_)});
        break;
      case 8:
        a.apply(app::OpenCancel{});
        a.apply(app::EditCancelMessage{hostile_string(rng_)});
        break;
      case 9: a.apply(app::EditCutoff{hostile_string(rng_)}); break;
      case 10:  // the file is read and planned; the seller applies or drops it
        a.apply(app::ImportBackup{});
        settle(0);
        a.apply(app::ApplyImport{pick(rng_, 4) != 0});
        break;
      case 11:
        if (auto config = app::parse_portal_configure(text(seeds_.portal))) a.apply(app::ConfigureFromPortal{*config});
        break;
      case 12: {
        static constexpr const char* kViews[] = {"orders", "plan", "stores"};
        a.apply(app::ShowView{kViews[pick(rng_, std::size(kViews))]});
        break;
      }
      case 13:
        a.apply(app::LoadMarking{});
        settle(1'000);
        a.apply(app::EditMarking{app::EditMarking::Field::mark, pick(rng_, 2), pick(rng_, 2), hostile_string(rng_)});
        break;
      case 14: a.apply(app::CopyText{hostile_string(rng_)}); break;
      case 15: export_backup(); break;
      default: settle(static_cast<std::int64_t>(pick(rng_, 20'000))); break;
    }
  }

  // An export must read back, whatever text the seller's stores hold.
  void export_backup() {
    exported_.clear();
    app_->apply(app::ExportBackup{});
    if (!exported_.empty() && !app::read_backup(exported_).contents) {
      std::fprintf(stderr, "fuzz: an exported backup does not read: %s\n", app::read_backup(exported_).problem.c_str());
      std::abort();
    }
  }

  Rng& rng_;
  const Seeds& seeds_;
  ozon_test::ManualClock clock_;
  ozon_test::ManualScheduler scheduler_{clock_};
  sandbox::Marketplace market_;
  Roads roads_{*this};
  store::MemorySettingsStore settings_;
  store::MemoryRecordStore records_{scheduler_};
  std::string exported_;
  std::size_t sink_ = 0;
  std::unique_ptr<app::App> app_;  // last: destroyed first, while what it uses still exists
};

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 5.0;
  const Seeds seeds = make_seeds();
  Rng rng(argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 20260514);
  std::size_t inputs = 0, apps = 0, sink = 0;
  const auto feed_all = [&](const std::string& text) {
    sink += feed_draft(text, seeds) + feed_outbox(text) + feed_portal(text) + feed_backup(text, seeds);
    ++inputs;
  };
  for (const Corpus* corpus : {&seeds.drafts, &seeds.outbox, &seeds.portal, &seeds.backups})
    for (const auto& text : *corpus) feed_all(text);  // the untouched seeds first
  Corpus all;
  for (const Corpus* corpus : {&seeds.drafts, &seeds.outbox, &seeds.portal, &seeds.backups, &seeds.stores})
    all.insert(all.end(), corpus->begin(), corpus->end());

  // Half the time each: a batch of record inputs takes milliseconds, an app
  // run about half a second under ASan.
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
  double reader_seconds = 0, app_seconds = 0;
  for (auto start = Clock::now(); start < deadline; start = Clock::now()) {
    if (reader_seconds <= app_seconds) {
      for (int i = 0; i < 64; ++i) {
        // Mostly mutations of the reader's own kind, sometimes of another's.
        const std::size_t kind = pick(rng, 5);
        const Corpus& corpus = kind == 0   ? seeds.drafts
                               : kind == 1 ? seeds.outbox
                               : kind == 2 ? seeds.portal
                               : kind == 3 ? seeds.backups
                                           : all;
        feed_all(mutate(corpus, rng));
      }
      reader_seconds += std::chrono::duration<double>(Clock::now() - start).count();
    } else {
      sink += World(rng, seeds).run();
      ++apps;
      app_seconds += std::chrono::duration<double>(Clock::now() - start).count();
    }
  }
  std::printf("fuzz: %zu record inputs (%.0f/s), %zu app runs (%.1f/s), 0 crashes (checksum %zu)\n", inputs,
              static_cast<double>(inputs) / std::max(reader_seconds, 1e-9), apps,
              static_cast<double>(apps) / std::max(app_seconds, 1e-9), sink % 1000);
  return 0;
}
