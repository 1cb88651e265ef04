// The demo store's worker: demo.js + demo.wasm (the demo marketplace, built
// from src/sandbox) answer the console's requests, one at a time, in the
// order they came. Loaded the first time a demo store is opened.
'use strict';
importScripts('demo.js');

const demo = createDemoStore();

function copyIn(m, text) {
  const size = m.lengthBytesUTF8(text) + 1;
  const ptr = m._malloc(size);
  m.stringToUTF8(text, ptr, size);
  return { ptr, length: size - 1 };
}

function answer(m, msg) {
  const store = copyIn(m, msg.store), path = copyIn(m, msg.path), body = copyIn(m, msg.body);
  try {
    m._demo_handle(store.ptr, msg.seed, msg.now, path.ptr, body.ptr, body.length, msg.labelDelayMs);
  } finally {
    m._free(store.ptr); m._free(path.ptr); m._free(body.ptr);
  }
  const ptr = m._demo_reply_body(), length = m._demo_reply_length();
  const bytes = m.HEAPU8.slice(ptr, ptr + length);
  self.postMessage({ id: msg.id, status: m._demo_reply_status(), type: m.UTF8ToString(m._demo_reply_type()),
                     body: bytes.buffer }, [bytes.buffer]);
}

self.onmessage = (event) => {
  const msg = event.data;
  demo.then((m) => {
    if (msg.type === 'grow') return m._demo_grow(msg.open, msg.now);
    try {
      answer(m, msg);
    } catch (error) {
      self.postMessage({ id: msg.id, failure: 'the demo store failed: ' + String(error && error.message || error) });
    }
  }, (error) => {
    // restart: the page starts a new worker for its next request (the network may be back).
    if (msg.id) self.postMessage({ id: msg.id, restart: true,
                                   failure: 'the demo store could not start: ' + String(error && error.message || error) });
  });
};
