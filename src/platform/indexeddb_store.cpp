#include "platform/indexeddb_store.h"

#include <emscripten.h>

#include <nlohmann/json.hpp>
#include <unordered_map>
#include <utility>

#include "core/json_read.h"
#include "platform/web_runner.h"
#include "store/schema.h"

namespace platform {
namespace {

std::unordered_map<int, store::WriteCallback> pending_writes;
std::unordered_map<int, store::LoadCallback> pending_loads;
std::unordered_map<int, std::vector<store::Record>> loaded_records;  // arriving one by one
int next_id = 1;

// Opens the record store once (Module.recordStore.backend, a promise) and
// offers put/remove/clear/loadAll that answer through
// _sc_store_record(id, collection, key, length) for each record a load finds (the
// value is then written where it points),
// then _sc_store_done(id, status, detail). Status: 0 ok, 1 unavailable,
// 2 quota exceeded, 3 other.
//
// Where the records live: this browser's IndexedDB; inside a portal whose
// browser refuses storage to third-party frames (private windows, Safari,
// Brave, blocked third-party storage), the IndexedDB the Storage Access API
// opens once the seller has allowed it, or else the portal's own storage
// through the embedding bridge when the portal offers it (configure
// storage: true); otherwise none. _sc_storage_mode(mode, accessPossible)
// says which: 1 device, 2 portal, 3 none.
EM_JS(void, js_store_init, (const char* name, int version, const char* collections_json), {
  if (Module.recordStore) return;
  var collections = JSON.parse(UTF8ToString(collections_json));
  var dbName = UTF8ToString(name);
  // migrations[v] upgrades a database of version v to v + 1.
  // A new database runs them all; the first creates what the schema names today.
  function createMissing(db) {
    collections.forEach(function(c) { if (!db.objectStoreNames.contains(c)) db.createObjectStore(c); });
  }
  var migrations = [
    createMissing,  // 0 -> 1: drafts, outbox, postings, meta
    createMissing,  // 1 -> 2: catalog (offline copies of warehouses, delivery methods, barcodes)
  ];
  function statusOf(error) {
    var kind = error && error.name;
    if (kind === "QuotaExceededError") return 2;
    if (kind === "InvalidStateError" || kind === "SecurityError" || kind === "UnknownError") return 1;
    return 3;
  }
  function describe(error) { return String((error && (error.name + ": " + error.message)) || error || "unknown error"); }
  function answer(id, status, detail) {
    var detailPtr = allocateUTF8(detail || "");
    Module._sc_store_done(id, status, detailPtr);
    _free(detailPtr);
  }
  // A value read back: UTF-8 bytes are copied in as they are (megabytes of
  // cached postings: no text to encode again), older text values encoded.
  // Straight into the record's own string: one copy, not two.
  function record(id, c, k, v) {
    var bytes = v instanceof Uint8Array ? v : utf8.encode(String(v));
    var cp = allocateUTF8(c), kp = allocateUTF8(k);
    var vp = Module._sc_store_record(id, cp, kp, bytes.length);
    HEAPU8.set(bytes, vp);  // HEAPU8 read after the call: the heap may have grown for the room
    _free(cp); _free(kp);
  }
  var utf8 = new TextEncoder(), text = new TextDecoder();
  // Kept as bytes in the database: the offline copy of the orders list, read
  // at every start (10,000 postings are ~17 MB). The rest stays text, as it was.
  var bytesCollections = ["postings"];
  function stored(c, bytes) { return bytesCollections.indexOf(c) >= 0 ? bytes : text.decode(bytes); }
  var framed = window.parent !== window;
  var accessPossible = framed && typeof document.requestStorageAccess === "function";
  function report(mode) { Module._sc_storage_mode(mode, accessPossible && mode === 3 ? 1 : 0); }

  function openDatabase(factory) {
    return new Promise(function(resolve, reject) {
      if (!factory) return reject({status: 1, detail: "IndexedDB is not available in this browser"});
      var request;
      try { request = factory.open(dbName, version); } catch (e) { return reject({status: 1, detail: describe(e)}); }
      request.onupgradeneeded = function(event) {
        for (var v = event.oldVersion; v < version && v < migrations.length; v++) migrations[v](request.result);
      };
      request.onsuccess = function() {
        var opened = request.result;
        // Another tab with a newer build upgrades the schema: let it, this tab reloads later.
        opened.onversionchange = function() { opened.close(); };
        resolve(opened);
      };
      request.onerror = function() { reject({status: statusOf(request.error) === 3 ? 1 : statusOf(request.error), detail: describe(request.error)}); };
      request.onblocked = function() { /* an older tab still has it open: wait for it */ };
    });
  }

  function databaseBackend(opened) {
    function write(id, names, durability, work) {
      var tx;
      try { tx = opened.transaction(names, "readwrite", {durability: durability}); work(tx); }
      catch (e) { return answer(id, statusOf(e), describe(e)); }
      tx.oncomplete = function() { answer(id, 0, ""); };
      tx.onabort = tx.onerror = function() { if (tx.done) return; tx.done = true; answer(id, statusOf(tx.error), describe(tx.error)); };
    }
    return {
      // Relaxed: committed to the browser's database before "complete" (a closed
      // tab or a reload keeps it); strict would also wait for the disk flush
      // (power loss), measured at ~47 ms per write here.
      put: function(id, c, key, bytes) { write(id, [c], "relaxed", function(tx) { tx.objectStore(c).put(stored(c, bytes), key); }); },
      remove: function(id, c, key) { write(id, [c], "relaxed", function(tx) { tx.objectStore(c).delete(key); }); },
      clear: function(id) {
        write(id, collections, "strict", function(tx) { collections.forEach(function(c) { tx.objectStore(c).clear(); }); });
      },
      loadAll: function(id) {
        var tx;
        try { tx = opened.transaction(collections, "readonly"); } catch (e) { return answer(id, statusOf(e), describe(e)); }
        var out = [];
        collections.forEach(function(c) {
          var store = tx.objectStore(c);
          var keys = store.getAllKeys(), values = store.getAll();
          values.onsuccess = function() {
            for (var i = 0; i < values.result.length; i++) out.push([c, String(keys.result[i]), values.result[i]]);
          };
        });
        // One call per record: no JSON wrapping of megabytes to unwrap again.
        tx.oncomplete = function() {
          out.forEach(function(r) { record(id, r[0], r[1], r[2]); });
          answer(id, 0, "");
        };
        tx.onabort = tx.onerror = function() { if (tx.done) return; tx.done = true; answer(id, statusOf(tx.error), describe(tx.error)); };
      },
    };
  }

  // The portal keeps the records: each operation is a message, answered by
  // {type: "seller-console:stored", id, ok, error?, records?}, in order.
  function portalBackend() {
    var portal = Module.portal;
    var timeoutMs = 15000;
    function send(id, message, onAnswer) {
      var timer = setTimeout(function() {
        delete portal.storageHandlers[id];
        answer(id, 3, "the portal did not answer within " + timeoutMs + " ms");
      }, timeoutMs);
      portal.storageHandlers[id] = function(reply) {
        clearTimeout(timer);
        delete portal.storageHandlers[id];
        if (reply.ok !== true) return answer(id, reply.quota === true ? 2 : 3, "the portal could not store it: " + String(reply.error || "no reason given"));
        if (onAnswer) onAnswer(reply);
        answer(id, 0, "");
      };
      message.type = "seller-console:storage";
      message.id = id;
      window.parent.postMessage(message, portal.origin);
    }
    return {
      put: function(id, c, key, bytes) { send(id, {op: "put", collection: c, key: key, value: text.decode(bytes)}); },
      remove: function(id, c, key) { send(id, {op: "remove", collection: c, key: key}); },
      clear: function(id) { send(id, {op: "clear"}); },
      loadAll: function(id) {
        send(id, {op: "load"}, function(reply) {
          var records = Array.isArray(reply.records) ? reply.records : [];
          records.forEach(function(r) {
            if (r && typeof r.collection === "string" && typeof r.key === "string" && typeof r.value === "string" &&
                collections.indexOf(r.collection) >= 0)
              record(id, r.collection, r.key, r.value);
          });
        });
      },
    };
  }

  // Inside a frame the browser may have granted storage access before (the
  // seller clicked "Allow"): then the Storage Access API opens the unpartitioned database.
  function grantedDatabase() {
    if (!accessPossible || !navigator.permissions) return Promise.reject(null);
    // query() throws in browsers that do not know the permission's name.
    return Promise.resolve().then(function() { return navigator.permissions.query({name: "storage-access"}); }).then(function(status) {
      if (status.state !== "granted") throw null;
      return document.requestStorageAccess({indexedDB: true});
    }).then(function(handle) { return openDatabase(handle && handle.indexedDB); });
  }

  var factory = typeof indexedDB === "undefined" ? null : indexedDB;
  var backend = openDatabase(factory).then(function(opened) { report(1); return databaseBackend(opened); }, function(failure) {
    return grantedDatabase().then(function(opened) { report(1); return databaseBackend(opened); }, function() {
      if (framed && Module.portal && Module.portal.storageOffered) { report(2); return portalBackend(); }
      report(3);
      throw failure;
    });
  });
  function run(id, use) { backend.then(use, function(failure) { answer(id, failure.status, failure.detail); }); }
  Module.recordStore = {
    put: function(id, c, key, value) { run(id, function(b) { b.put(id, c, key, value); }); },
    remove: function(id, c, key) { run(id, function(b) { b.remove(id, c, key); }); },
    clear: function(id) { run(id, function(b) { b.clear(id); }); },
    loadAll: function(id) { run(id, function(b) { b.loadAll(id); }); },
  };
});

// The seller clicked "Allow storage" inside a portal: the browser asks or
// grants; once granted, the page reloads and opens the database through it.
EM_JS(void, js_request_storage_access, (), {
  if (typeof document.requestStorageAccess !== "function") return;
  document.requestStorageAccess({indexedDB: true}).then(function() { location.reload(); }, function() {
    Module._sc_storage_mode(3, 0);  // refused: the button goes, the reason stays
  });
});

// The value goes as UTF-8 bytes: the database keeps the big collections so
// (see bytesCollections), the others and the portal as text.
EM_JS(void, js_store_put, (int id, const char* collection, const char* key, const char* value, int length), {
  Module.recordStore.put(id, UTF8ToString(collection), UTF8ToString(key), HEAPU8.slice(value, value + length));
});
EM_JS(void, js_store_remove, (int id, const char* collection, const char* key), {
  Module.recordStore.remove(id, UTF8ToString(collection), UTF8ToString(key));
});
EM_JS(void, js_store_clear, (int id), { Module.recordStore.clear(id); });
EM_JS(void, js_store_load_all, (int id), { Module.recordStore.loadAll(id); });

store::StoreStatus status_from_js(int status) {
  switch (status) {
    case 0: return store::StoreStatus::ok;
    case 1: return store::StoreStatus::unavailable;
    case 2: return store::StoreStatus::quota_exceeded;
    default: return store::StoreStatus::other;
  }
}

// Opened on first use (after the first frame), not when the page starts.
void open_database() {
  static bool opened = false;
  if (opened) return;
  opened = true;
  nlohmann::json names = nlohmann::json::array();
  for (auto name : store::kCollections) names.push_back(std::string(name));
  js_store_init("ozon-seller-console", store::kSchemaVersion, core::json_read::dump(names).c_str());
}

int register_write(store::WriteCallback done) {
  open_database();
  const int id = next_id++;
  pending_writes.emplace(id, std::move(done));
  return id;
}

}  // namespace

IndexedDbStore::IndexedDbStore() = default;

void IndexedDbStore::load_all(store::LoadCallback done) {
  open_database();
  const int id = next_id++;
  pending_loads.emplace(id, std::move(done));
  js_store_load_all(id);
}

void IndexedDbStore::put(std::string collection, std::string key, std::string value, store::WriteCallback done) {
  js_store_put(register_write(std::move(done)), collection.c_str(), key.c_str(), value.data(),
               static_cast<int>(value.size()));
}

void IndexedDbStore::remove(std::string collection, std::string key, store::WriteCallback done) {
  js_store_remove(register_write(std::move(done)), collection.c_str(), key.c_str());
}

void IndexedDbStore::clear_all(store::WriteCallback done) { js_store_clear(register_write(std::move(done))); }

void request_storage_access() { js_request_storage_access(); }

namespace {
std::function<void(app::StorageMode, bool)> storage_mode_handler;
}  // namespace

void on_storage_mode(std::function<void(app::StorageMode, bool)> handler) { storage_mode_handler = std::move(handler); }

}  // namespace platform

extern "C" EMSCRIPTEN_KEEPALIVE void sc_storage_mode(int mode, int access_possible) {
  const app::StorageMode modes[] = {app::StorageMode::unknown, app::StorageMode::device, app::StorageMode::portal,
                                    app::StorageMode::none};
  if (mode < 0 || mode > 3 || !platform::storage_mode_handler) return;
  platform::storage_mode_handler(modes[mode], access_possible != 0);
  platform::request_redraw(1);
}

// Room for a record `length` bytes long; the page writes its value there at once.
extern "C" EMSCRIPTEN_KEEPALIVE char* sc_store_record(int id, const char* collection, const char* key, int length) {
  auto& records = platform::loaded_records[id];
  records.push_back({collection, key, std::string(static_cast<std::size_t>(length), '\0')});
  return records.back().value.data();
}

extern "C" EMSCRIPTEN_KEEPALIVE void sc_store_done(int id, int status, const char* detail) {
  using platform::pending_loads;
  using platform::pending_writes;
  const store::StoreStatus result = platform::status_from_js(status);
  if (auto it = pending_writes.find(id); it != pending_writes.end()) {
    auto callback = std::move(it->second);
    pending_writes.erase(it);
    if (callback) callback({result, detail ? detail : ""});
  } else if (auto found = pending_loads.find(id); found != pending_loads.end()) {
    auto callback = std::move(found->second);
    pending_loads.erase(found);
    store::LoadResult loaded{result, detail ? detail : "", {}};
    if (result == store::StoreStatus::ok) loaded.records = std::move(platform::loaded_records[id]);
    platform::loaded_records.erase(id);
    if (callback) callback(std::move(loaded));
  }
  platform::request_redraw(1);  // no input: one frame shows the result
}
