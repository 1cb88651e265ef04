// The service worker: keeps this build's app shell in a cache named after the
// build, so the console starts offline, and leaves every API call to the
// network. tools/bake_sw.py writes the build version below at build time, so
// each build changes these bytes and browsers notice the update. A new worker
// waits until the page asks it to take over ({type: 'skip-waiting'}): the
// seller decides when the console reloads.
'use strict';

const VERSION = '@BUILD_VERSION@';
const CACHE_PREFIX = 'ozon-seller-console-shell-';
const CACHE = CACHE_PREFIX + VERSION;
// Relative to the scope (the site root); './' is index.html.
const SHELL = [
  './', 'boot.js', 'site-info.js', 'style.css', 'app.js', 'app.wasm', 'icon.svg', 'pdf-lib.min.js',
  'manifest.webmanifest', 'icon-192.png', 'icon-512.png', 'icon-maskable-512.png',
  // Fetched by the console only when typed or shown Chinese needs it; cached
  // here too (after the first frame), so offline typing draws it as well.
  'ui-cjk-extra.ttf',
  // The demo store's worker, started when a demo store is opened: offline too.
  'demo-worker.js', 'demo.js', 'demo.wasm',
  // Camera scanning, loaded when the camera first opens: offline too.
  'camera.js', 'scanner-worker.js', 'scanner.js', 'scanner.wasm',
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
    // A deploy caught half-way would mix two builds; site-info.js names the build its files belong to.
    const info = await cache.match(new URL('site-info.js', scope).href);
    if (!info || !(await info.text()).includes(JSON.stringify(VERSION))) {
      throw new Error('site-info.js is not from build ' + VERSION);
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
  }
});

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
