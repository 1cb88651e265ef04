// The service worker: keeps this build's app shell in a cache named after the
// build, so the console starts offline, keeps product pictures for offline
// use within a budget, and leaves every API call to the network. tools/bake_sw.py writes the build version below at build time, so
// each build changes these bytes and browsers notice the update. A new worker
// waits until the page asks it to take over ({type: 'skip-waiting'}): the
// seller decides when the console reloads.
'use strict';

const VERSION = '@BUILD_VERSION@';
const CACHE_PREFIX = 'ozon-seller-console-shell-';
const CACHE = CACHE_PREFIX + VERSION;
// Relative to the scope (the site root); './' is index.html.
const SHELL = [
  './', 'app.js', 'app.wasm', 'app.deferred.wasm', 'icon.svg', 'pdf-lib.min.js',
  'manifest.webmanifest', 'icon-192.png', 'icon-512.png', 'icon-maskable-512.png',
  // Fetched by the console only when typed or shown Chinese needs it; cached
  // here too (after the first frame), so offline typing draws it as well.
  'ui-cjk-extra.ttf',
  // The languages not compiled into app.wasm (English is): fetched with
  // app.wasm when chosen, or when the seller switches; offline too.
  'lang-ru.json', 'lang-zh.json', 'ui-cjk.ttf', 'ui-cjk-rest.ttf',
  // The demo store's worker, started when a demo store is opened: offline too.
  'demo-worker.js', 'demo.js', 'demo.wasm',
  // Camera scanning, loaded when the camera first opens: offline too.
  'camera.js', 'scanner-worker.js', 'scanner.js', 'scanner.wasm',
  // Packing video, loaded when recording is on or its recordings are listed.
  'recorder.js', 'recorder-worker.js',
];

const scope = new URL(self.registration.scope);
const indexUrl = scope.href;
const shellUrls = new Set(SHELL.map((path) => new URL(path, scope).href));
const pageUrls = new Set([indexUrl, new URL('index.html', scope).href]);

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    // 'no-cache' revalidates with the server: never a stale copy from the HTTP cache.
    // addAll stores all or nothing, and fails on any non-2xx reply.
    await cache.addAll(SHELL.map((path) => new Request(new URL(path, scope), { cache: 'no-cache' })));
    // A deploy caught half-way would mix two builds; the page (its inlined
    // SITE_INFO) names the build its files belong to.
    const page = await cache.match(indexUrl);
    if (!page || !(await page.text()).includes(JSON.stringify(VERSION))) {
      throw new Error('index.html is not from build ' + VERSION);
    }
  } catch (err) {
    // Leave nothing half-filled behind; the active worker (if any) keeps serving its own cache.
    await caches.delete(CACHE);
    throw err;
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Only our own caches of other builds: the origin may host other apps.
    for (const name of await caches.keys()) {
      if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
    }
    // A first visit becomes offline-capable at once (lazily loaded pdf-lib included).
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'skip-waiting') {
    self.skipWaiting();
  } else if (data.type === 'get-version' && event.ports[0]) {
    event.ports[0].postMessage({ type: 'version', version: VERSION });
  } else if ((data.type === 'picture-cache-info' || data.type === 'clear-pictures') && event.ports[0]) {
    const port = event.ports[0];
    const work = data.type === 'clear-pictures' ? clearPictures() : Promise.resolve();
    event.waitUntil(work.then(pictureCacheInfo).then((info) => port.postMessage(info)));
  }
});

// --- Product pictures ---------------------------------------------------------
// Kept for offline use in their own cache, across builds (not in the shell's
// cache, which each build replaces), as they are fetched: same-origin ones
// (the demo store's) as they are, another site's (Ozon's image host sends no
// CORS headers) as opaque responses, which an <img> shows all the same. The
// cache keeps to a budget, evicting the least recently used first: bytes for
// the pictures whose size is known, a count for opaque ones (the browser
// hides their size). An index of sizes and last uses lives in the cache
// itself, so it survives the worker being stopped.
const PICTURE_CACHE = 'ozon-seller-console-pictures';
const PICTURE_BUDGET_BYTES = 30 * 1024 * 1024;
const PICTURE_MAX_ENTRIES = 1500;
const PICTURE_INDEX = new URL('__picture-cache-index__', scope).href;

let pictureIndex = null;  // {url: {bytes: number|null, used: ms}}, loaded once per worker start
let pictureWork = Promise.resolve();  // index changes, one after another

function serially(task) {
  const run = pictureWork.then(task);
  pictureWork = run.catch(() => {});  // one failed change does not stop the next
  return run;
}

async function loadPictureIndex(cache) {
  if (pictureIndex) return pictureIndex;
  let stored = {};
  const hit = await cache.match(PICTURE_INDEX);
  if (hit) {
    try { stored = await hit.json(); } catch (err) { stored = {}; }
  }
  // Reconciled with what the cache holds: an entry without its index line
  // (a worker stopped between the two writes) counts, of unknown size.
  const index = {};
  for (const request of await cache.keys()) {
    if (request.url === PICTURE_INDEX) continue;
    const line = stored[request.url];
    index[request.url] = line && typeof line === 'object' ? line : { bytes: null, used: 0 };
  }
  pictureIndex = index;
  return index;
}

function savePictureIndex(cache, index) {
  return cache.put(PICTURE_INDEX, new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } }));
}

function pictureTotals(index) {
  let entries = 0, bytes = 0, unsized = 0;
  for (const line of Object.values(index)) {
    ++entries;
    if (typeof line.bytes === 'number') bytes += line.bytes; else ++unsized;
  }
  return { entries, bytes, unsized };
}

// Least recently used out until the cache is within its budget.
async function evictPictures(cache, index) {
  const oldestFirst = Object.keys(index).sort((a, b) => index[a].used - index[b].used);
  let totals = pictureTotals(index);
  for (const url of oldestFirst) {
    if (totals.bytes <= PICTURE_BUDGET_BYTES && totals.entries <= PICTURE_MAX_ENTRIES) break;
    await cache.delete(url);
    delete index[url];
    totals = pictureTotals(index);
  }
}

function rememberPicture(url, response) {
  return serially(async () => {
    const cache = await caches.open(PICTURE_CACHE);
    const index = await loadPictureIndex(cache);
    const bytes = response.type === 'opaque' ? null : (await response.clone().blob()).size;
    await cache.put(url, response);
    index[url] = { bytes, used: Date.now() };
    await evictPictures(cache, index);
    await savePictureIndex(cache, index);
  });
}

function touchPicture(url) {
  return serially(async () => {
    const cache = await caches.open(PICTURE_CACHE);
    const index = await loadPictureIndex(cache);
    if (!index[url]) return;
    index[url].used = Date.now();
    await savePictureIndex(cache, index);
  });
}

function clearPictures() {
  return serially(async () => {
    await caches.delete(PICTURE_CACHE);
    pictureIndex = {};
  });
}

function pictureCacheInfo() {
  return serially(async () => {
    const index = await loadPictureIndex(await caches.open(PICTURE_CACHE));
    return Object.assign(pictureTotals(index), { budgetBytes: PICTURE_BUDGET_BYTES, maxEntries: PICTURE_MAX_ENTRIES });
  });
}

// The cached copy first (a picture's URL names its content), else the
// network, kept when it answered with a picture.
async function picture(event, url) {
  const cache = await caches.open(PICTURE_CACHE);
  const hit = await cache.match(url);
  if (hit) {
    event.waitUntil(touchPicture(url));
    return hit;
  }
  const response = await fetch(event.request);  // offline and not kept: fails as it would without a worker
  if (response.ok || response.type === 'opaque') event.waitUntil(rememberPicture(url, response.clone()));
  return response;
}

// The list of portals allowed to embed the console changes with the
// deployment, not the build: the network's answer, else the last one seen
// (an embedded console offline).
const portalsUrl = new URL('portals.json', scope).href;
async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(portalsUrl, response.clone());
    return response;
  } catch (err) {
    const hit = await cache.match(portalsUrl);
    if (hit) return hit;
    throw err;
  }
}

async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (!hit) return fetch(request);  // evicted or never stored: the network, as without a worker
  // A navigation must not be answered with a redirected response; rewrap it.
  if (hit.redirected) return new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers: hit.headers });
  return hit;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // Everything but GETs of the shell is left alone and goes to the network as
  // if there were no worker: API calls (POST), /ozon/ and /__sandbox paths,
  // other origins. API replies are never cached.
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  // A product picture (an <img> that is not part of the shell), from here or
  // another site: the picture cache.
  if (request.destination === 'image' && !shellUrls.has(url.href) && (url.protocol === 'https:' || url.protocol === 'http:')) {
    event.respondWith(picture(event, url.href));
    return;
  }
  if (url.origin !== scope.origin) return;
  url.hash = '';
  if (request.mode === 'navigate') {
    // The page with any query (?embedder=..., ?nosw) is the cached index.html.
    url.search = '';
    if (pageUrls.has(url.href)) event.respondWith(fromCache(indexUrl, request));
    return;
  }
  if (url.href === portalsUrl) {
    event.respondWith(networkFirst(request));
    return;
  }
  if (url.search || !shellUrls.has(url.href)) return;
  event.respondWith(fromCache(url.href, request));
});
