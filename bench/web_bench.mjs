// Browser benchmark (prints numbers; not a test): first-load bytes (raw,
// gzip, brotli; per language), time from navigation to first frame (median
// of cold loads, with the start-up milestones), frames and CPU time per
// second while idle, the big tables, parsing and storage; at the end a table
// of the figures against their targets and, when a previous release
// site is given, against that build measured in this same run.
//
// Environment: SITE_URL, SITE_DIR, NODE_PATH with playwright-core. RUNS
// (default 5). PREVIOUS_SITE_URL + PREVIOUS_SITE_DIR: the previous release's
// site, served too (bench/run keeps it in build/site-previous). For quick
// iterations: FIRST_LOAD_ONLY=1 stops after the cold loads; PARTS=parsing,storage
// runs only those parts after them (names: the functions in steadyParts).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const runs = Number(process.env.RUNS || 5);
const args = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const sites = [{ label: 'current', url: process.env.SITE_URL, dir: process.env.SITE_DIR }];
if (process.env.PREVIOUS_SITE_URL && process.env.PREVIOUS_SITE_DIR) {
  sites.push({ label: 'previous', url: process.env.PREVIOUS_SITE_URL, dir: process.env.PREVIOUS_SITE_DIR });
}
for (const site of sites) {
  if (!site.url || !site.dir) { console.error('set SITE_URL and SITE_DIR'); process.exit(2); }
  site.figures = {};  // name -> value, for the table at the end
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const kb = (n) => (n / 1024).toFixed(1) + ' KB';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args });

// --- 1. Cold loads: first frame and milestones ------------------------------
// The sites take turns, load by load, so that both see the same machine load.
// Every request of the page is counted (a preload the page does not reuse
// would show as a second fetch of the same file) with the encoding it came in.
async function coldLoad(site, locale = 'en-US') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
  const page = await context.newPage();
  const origin = new URL(site.url).origin;
  const requests = new Map();  // path -> {count, encoding, transferred}
  page.on('requestfinished', async (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin) return;
    const entry = requests.get(url.pathname) || { count: 0, encoding: '', transferred: 0 };
    entry.count++;
    requests.set(url.pathname, entry);
    try {
      const response = await request.response();
      entry.encoding = (response && (await response.headerValue('content-encoding'))) || 'identity';
      entry.transferred = (await request.sizes()).responseBodySize;
    } catch { /* the context closed first */ }
  });
  await page.goto(site.url + '/');
  await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady, null, { timeout: 60_000 });
  // performance.now() counts from navigation start.
  const firstFrame = await page.evaluate(() => window.sellerConsole.firstFrameMs);
  // The code the first frame did not need (app.deferred.wasm), fetched after it.
  await page.waitForFunction(() => {
    const deferred = window.sellerConsole.deferredCode;
    return !deferred || ['none', 'ready', 'failed'].includes(deferred().state);
  }, null, { timeout: 60_000 });
  const deferred = await page.evaluate(() => (window.sellerConsole.deferredCode ? window.sellerConsole.deferredCode() : null));
  // The page's own view: milestones, when the page and the big files arrived,
  // and which files it asked for before its first frame (the first load).
  const { timings, firstLoad } = await page.evaluate(() => {
    const t = { ...window.sellerConsole.timings };
    const [navigation] = performance.getEntriesByType('navigation');
    if (navigation) t.htmlReceived = navigation.responseEnd;
    const resources = performance.getEntriesByType('resource');
    const arrived = (file) => resources.find((e) => new URL(e.name).pathname === '/' + file);
    for (const [key, file] of [['bootJsReceived', 'boot.js'], ['appJsReceived', 'app.js'], ['wasmReceived', 'app.wasm']]) {
      const entry = arrived(file);
      if (entry) t[key] = entry.responseEnd;
    }
    const ready = window.sellerConsole.firstFrameMs;
    const paths = resources.filter((e) => e.startTime <= ready && new URL(e.name).origin === location.origin)
      .map((e) => new URL(e.name).pathname);
    return { timings: t, firstLoad: ['/', ...new Set(paths)] };
  });
  await context.close();
  return { firstFrame, timings, requests, firstLoad, deferred };
}

// The browser's own floor on this machine: a page of the site's origin that
// makes the same WebGL 2 context, compiles the site's app.wasm as boot.js
// does (streaming, while the context is made) and clears one frame. None of
// the console's code runs: no first frame of it can come sooner here.
const FLOOR_PAGE = `<!doctype html><html><head><meta charset="utf-8">
<style>html,body{margin:0;height:100%;background:#1a1c21}canvas{display:block;width:100%;height:100%}</style></head>
<body><canvas id="canvas"></canvas><script>
const timings = {};
const compiled = WebAssembly.compileStreaming(fetch('app.wasm'));
setTimeout(() => {
  const gl = document.getElementById('canvas').getContext('webgl2',
    { alpha: false, depth: false, stencil: false, antialias: false, premultipliedAlpha: true, preserveDrawingBuffer: false });
  timings.glCreated = performance.now();
  compiled.then(() => {
    timings.wasmCompiled = performance.now();
    requestAnimationFrame(() => {
      gl.clearColor(0.1, 0.11, 0.13, 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      timings.firstFrame = performance.now();
      window.floorTimings = timings;
    });
  });
}, 0);
</script></body></html>`;
async function floorLoad(site) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route(site.url + '/browser-floor.html', (route) => route.fulfill({ contentType: 'text/html', body: FLOOR_PAGE }));
  const page = await context.newPage();
  await page.goto(site.url + '/browser-floor.html');
  await page.waitForFunction(() => window.floorTimings, null, { timeout: 60_000 });
  const timings = await page.evaluate(() => window.floorTimings);
  await context.close();
  return timings;
}

// The sites in the order of turn i: the site measured first in a pair is slower.
const inTurn = (i) => (i % 2 ? [...sites].reverse() : sites);
const loads = new Map(sites.map((site) => [site, []]));
const floors = [];
for (let i = 0; i < runs; i++) {
  for (const site of inTurn(i)) loads.get(site).push(await coldLoad(site));
  floors.push(await floorLoad(sites[0]));
}
// The first load of a Russian and of a Chinese browser, measured the same
// way: each fetches its strings (and Chinese its UI font) before the first frame.
const languageLoads = new Map(sites.map((site) => [site, {}]));
for (const lang of ['ru', 'zh'])
  for (const site of sites) languageLoads.get(site)[lang] = await coldLoad(site, lang === 'ru' ? 'ru-RU' : 'zh-CN');

// Chromium compiles a WebAssembly function the first time it is called
// (lazily), on the main thread: one more cold load per site, traced, counts
// those compilations before the first frame. Trace times are microseconds
// on one clock; the page's navigationStart mark places the first frame on it.
async function lazyCompiles(site) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ['v8.wasm', 'blink.user_timing'] });
  await page.goto(site.url + '/');
  await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady, null, { timeout: 60_000 });
  const firstFrameMs = await page.evaluate(() => window.sellerConsole.firstFrameMs);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await context.close();
  const events = trace.traceEvents || trace;
  const compiles = events.filter((e) => e.name === 'wasm.CompileLazy');
  const starts = events.filter((e) => e.name === 'navigationStart' && compiles.length && e.ts < compiles[0].ts);
  if (!starts.length) return null;
  const firstFrameTs = starts[starts.length - 1].ts + firstFrameMs * 1000;
  const before = compiles.filter((e) => e.ts < firstFrameTs);
  const ms = (key) => before.reduce((n, e) => n + (e[key] || 0), 0) / 1000;
  return { functions: before.length, wallMs: ms('dur'), threadMs: ms('tdur') };
}
for (const site of sites) site.lazy = await lazyCompiles(site);

// The bytes a client gets for a site file: the stored .gz/.br copy that
// serve.py sends when present (tools/precompress.py), else what serve.py
// compresses on the fly (gzip 6; it has no brotli: a brotli client gets gzip).
function servedSizes(siteDir, path) {
  const file = join(siteDir, path === '/' ? 'index.html' : path.slice(1));
  if (!existsSync(file)) return null;
  const data = readFileSync(file);
  const fresh = (copy) => existsSync(copy) && statSync(copy).mtimeMs >= statSync(file).mtimeMs;
  const gzip = fresh(file + '.gz') ? statSync(file + '.gz').size : gzipSync(data, { level: 6 }).length;
  const brotli = fresh(file + '.br') ? statSync(file + '.br').size : gzip;
  // What brotli at its best would give, stored or not (for files with no .br yet).
  const brotliBest = fresh(file + '.br') ? brotli
    : brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length } }).length;
  return { raw: data.length, gzip, brotli, brotliBest };
}

function sum(siteDir, paths) {
  const total = { raw: 0, gzip: 0, brotli: 0, brotliBest: 0 };
  for (const path of paths) {
    const sizes = servedSizes(siteDir, path);
    if (sizes) for (const key of Object.keys(total)) total[key] += sizes[key];
  }
  return total;
}

const MILESTONES = ['htmlReceived', 'bootJsReceived', 'bootStart', 'appJsReceived', 'glCreated', 'wasmReceived', 'wasmBytesIn', 'wasmCompiled', 'wasmInstantiated', 'appBuilt',
  'mainStarted', 'glReady', 'atlasBuilt', 'fontsBuilt', 'shadersBuilt', 'firstLayout', 'firstFrame', 'deferredReady'];
for (const site of sites) {
  const record = (name, value) => { site.figures[name] = value; };
  const siteLoads = loads.get(site);
  const { requests, firstLoad } = siteLoads[siteLoads.length - 1];
  console.log(`== ${site.label} site: ${site.url} (${site.dir})`);
  console.log('First load (every file the page asks for before its first frame; served = what serve.py sends: a stored .gz/.br copy, else gzip 6 made on the fly):');
  console.log(`  ${'file'.padEnd(22)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}   fetched as`);
  for (const path of [...firstLoad].sort()) {
    const s = servedSizes(site.dir, path);
    if (!s) continue;
    const seen = requests.get(path) || { count: 0, encoding: '?', transferred: 0 };
    const as = `${seen.count}x ${seen.encoding}${seen.transferred ? ' ' + kb(seen.transferred) : ''}`;
    console.log(`  ${path.padEnd(22)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} ${kb(s.brotli).padStart(10)}   ${as}`);
  }
  const refetched = [...requests].filter(([, seen]) => seen.count > 1).map(([path, seen]) => `${path} ${seen.count}x`);
  console.log(`files_fetched_twice ${refetched.length ? refetched.join(', ') : 'none'}`);
  const total = sum(site.dir, firstLoad);
  console.log(`first_load_bytes_raw ${total.raw} (${kb(total.raw)})`);
  console.log(`first_load_bytes_gzip ${total.gzip} (${kb(total.gzip)})`);
  console.log(`first_load_bytes_brotli ${total.brotli} (${kb(total.brotli)}; ${kb(total.brotliBest)} were every file stored as .br)`);
  record('first_load_kb_gzip', total.gzip / 1024);
  record('first_load_kb_brotli', total.brotli / 1024);
  // Per language: the load above is English's; a Russian and a Chinese
  // browser's were measured apart (what each asked for before its first frame).
  for (const lang of ['ru', 'zh']) {
    const load = languageLoads.get(site)[lang];
    const all = sum(site.dir, load.firstLoad);
    const added = load.firstLoad.filter((path) => !firstLoad.includes(path));
    console.log(`first_load_${lang} ${kb(all.gzip)} gzip, ${kb(all.brotli)} brotli (first frame at ${load.firstFrame.toFixed(0)} ms);`
      + ` beside English's: ${added.map((f) => f.slice(1)).join(', ') || 'nothing'}`);
    record(`first_load_${lang}_kb_gzip`, all.gzip / 1024);
    record(`first_load_${lang}_kb_brotli`, all.brotli / 1024);
  }
  const later = servedSizes(site.dir, '/ui-cjk-rest.ttf');
  if (later) console.log(`chinese_font_after_first_frame ui-cjk-rest.ttf ${kb(later.gzip)} gzip, ${kb(later.brotli)} brotli`);
  // The demo store's worker: fetched after the first frame, when a demo store
  // opens (the console opens on one); a seller's own store never fetches it.
  const demo = sum(site.dir, ['/demo-worker.js', '/demo.js', '/demo.wasm']);
  // The rest of the console's code (tools/split_app.py): fetched and compiled
  // after the first frame; a placeholder called before it is in fetches it at once.
  const deferredSizes = servedSizes(site.dir, '/app.deferred.wasm');
  if (deferredSizes) {
    const states = siteLoads.map((load) => (load.deferred ? load.deferred.state : 'none'));
    const syncLoads = siteLoads.reduce((n, load) => n + (load.deferred ? load.deferred.syncLoads : 0), 0);
    const whole = sum(site.dir, ['/app.wasm', '/app.deferred.wasm']);
    console.log(`deferred_code_bytes_gzip ${deferredSizes.gzip} (${kb(deferredSizes.gzip)}; ${kb(deferredSizes.brotli)} brotli; ${kb(deferredSizes.raw)} raw;`
      + ` after the first frame); both modules ${kb(whole.gzip)} gzip, ${kb(whole.raw)} raw`);
    console.log(`deferred_code_states ${states.join(', ')}; fetched at once by a placeholder (before it was in): ${syncLoads} of ${siteLoads.length} starts`);
  }
  console.log(`demo_store_bytes_gzip ${demo.gzip} (${kb(demo.gzip)}; ${kb(demo.brotli)} brotli; ${kb(demo.raw)} raw; after the first frame, demo stores only)`);
  for (const key of MILESTONES) {
    const values = siteLoads.map((load) => load.timings[key]).filter((v) => typeof v === 'number');
    if (values.length) console.log(`  ${key.padEnd(18)} median ${median(values).toFixed(0)} ms`);
  }
  if (site.lazy) {
    console.log(`wasm_lazy_compiles_before_first_frame ${site.lazy.functions} functions, ${site.lazy.threadMs.toFixed(1)} ms of main-thread CPU`
      + ` (${site.lazy.wallMs.toFixed(1)} ms of wall time; one traced load)`);
  }
  const times = siteLoads.map((load) => load.firstFrame);
  console.log(`first_frame_ms_median ${median(times).toFixed(0)} (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
  record('first_frame_ms_median', median(times));
}

{
  const of = (key) => median(floors.map((t) => t[key]));
  console.log(`browser_floor_first_frame_ms_median ${of('firstFrame').toFixed(0)} (context made at ${of('glCreated').toFixed(0)} ms,`
    + ` app.wasm compiled at ${of('wasmCompiled').toFixed(0)}; runs: ${floors.map((t) => t.firstFrame.toFixed(0)).join(', ')}):`
    + ' a page that only makes the WebGL 2 context, compiles the current app.wasm and clears one frame');
  sites[0].figures.browser_floor_first_frame_ms = of('firstFrame');
}

// --- 2.-5. Idle, tables, parsing, storage ---------------------------------------
// A desktop-sized page of the site, the console ready.
async function openReady(siteUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(siteUrl + '/');
  await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady);
  return { context, page };
}

// Each part takes a site and a recorder of the table's figures. The parts run
// site by site, the order swapped from one part to the next: the site a part
// measures first is slower on these machines (by up to 25% in first frame and
// 3x in a stock search frame; the cause is not known), and a fixed order made
// every ratio to the previous release lean against the site measured first.
const steadyParts = [
  // 2. Idle: frames per second and main-thread CPU per second over 5 s.
  async function idle(siteUrl, record) {
    const { context, page } = await openReady(siteUrl);
    // Start-up work (the demo store, IndexedDB, the service worker installing) settles first.
    await page.waitForTimeout(4000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    // After the refresh the device's copy is written (15,000 postings through
    // IndexedDB, a frame as each write lands): wait for 3 s without frames.
    for (let quiet = 0, last = -1; quiet < 12;) {
      const now = await page.evaluate(() => window.sellerConsole.framesDrawn());
      quiet = now === last ? quiet + 1 : 0;
      last = now;
      await page.waitForTimeout(250);
    }
    const f0 = await page.evaluate(() => window.sellerConsole.framesDrawn());
    const m0 = await metric();
    const seconds = 5;
    await page.waitForTimeout(seconds * 1000);
    const f1 = await page.evaluate(() => window.sellerConsole.framesDrawn());
    const m1 = await metric();
    console.log(`idle_frames_per_second ${((f1 - f0) / seconds).toFixed(2)}`);
    console.log(`idle_cpu_ms_per_second ${(((m1.TaskDuration - m0.TaskDuration) * 1000) / seconds).toFixed(2)}`);
    await context.close();
  },
  // 3. The orders table with 100,000 postings: frame times while scrolling
  // (main-thread time per frame: events, layout, GL submission) and the heap.
  async function ordersTable(siteUrl, record) {
    const { context, page } = await openReady(siteUrl);
    await page.waitForFunction(() => window.sellerConsole.snapshot().orders.count > 0, null, { timeout: 30_000 });
    const heapBefore = await page.evaluate(() => window.sellerConsole.benchHeapBytes());
    // Builds before the in-use figure have no benchHeapInUse (the previous site).
    const heapInUse = () => page.evaluate(() => (window.sellerConsole.benchHeapInUse ? window.sellerConsole.benchHeapInUse() : -1));
    const inUseBefore = await heapInUse();
    const loadMs = await page.evaluate(() => { const s = performance.now(); window.sellerConsole.benchLoadPostings(100000); return performance.now() - s; });
    await page.waitForFunction(() => window.sellerConsole.snapshot().orders.count === 100000, null, { timeout: 60_000 });
    // Every tab at once for the heaviest table: the delivered tab is the largest here.
    const snap = await page.evaluate(() => window.sellerConsole.snapshot());
    const biggest = Object.entries(snap.orders.tabCounts).sort((a, b) => b[1] - a[1])[0][0];
    const tab = await page.evaluate((n) => window.sellerConsole.itemRect(n), `orders.tab.${biggest}`);
    await page.mouse.click(tab.x + tab.w / 2, tab.y + tab.h / 2);
    await page.waitForTimeout(500);
    const before = (await page.evaluate(() => window.sellerConsole.benchFrameTimes())).length;
    await page.mouse.move(400, 500);
    for (let i = 0; i < 150; i++) { await page.mouse.wheel(0, i % 50 < 40 ? 240 : -600); await page.waitForTimeout(16); }
    await page.waitForTimeout(300);
    const frames = (await page.evaluate(() => window.sellerConsole.benchFrameTimes())).slice(before);
    const times = frames.map((f) => f[0]);
    const pctOf = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
    const pct = (p) => pctOf(times, p);
    const total = frames.map((f) => f[1]);
    const heapAfter = await page.evaluate(() => window.sellerConsole.benchHeapBytes());
    const inUseAfter = await heapInUse();
    console.log(`table_100k_tab_rows ${(await page.evaluate(() => window.sellerConsole.snapshot())).orders.visibleCount} (${biggest})`);
    console.log(`table_100k_load_and_index_ms ${loadMs.toFixed(0)}`);
    console.log(`table_100k_scroll_frames ${times.length}`);
    console.log(`table_100k_frame_ms_p50 ${pct(0.5).toFixed(2)}`);
    console.log(`table_100k_frame_ms_p95 ${pct(0.95).toFixed(2)} (events + layout + draw lists: the console's own work)`);
    record('orders_100k_scroll_frame_ms_p95', pct(0.95));
    console.log(`table_100k_frame_with_gl_ms_p50 ${pctOf(total, 0.5).toFixed(2)} p95 ${pctOf(total, 0.95).toFixed(2)} (adds GL submission on headless SwiftShader, a software rasterizer)`);
    console.log(`wasm_heap_bytes_with_100k ${heapAfter} (${(heapAfter / 1048576).toFixed(0)} MB; ${(heapBefore / 1048576).toFixed(0)} MB before)`);
    if (inUseAfter >= 0) console.log(`wasm_heap_in_use_with_100k ${inUseAfter} (${(inUseAfter / 1048576).toFixed(0)} MB; ${(inUseBefore / 1048576).toFixed(0)} MB before; ${((inUseAfter - inUseBefore) / 100000).toFixed(0)} bytes a posting)`);
    record('heap_mb_with_100k_postings', heapAfter / 1048576);
    await context.close();
  },

  // 3b. The Stock screen with 10,000 products x 5 warehouses: the
  // frame that applies a search (filter + sort in the frame), then frames
  // while scrolling.
  async function stockScreen(siteUrl, record) {
    const { context, page } = await openReady(siteUrl);
    await page.waitForFunction(() => window.sellerConsole.snapshot().stock.loaded, null, { timeout: 30_000 });
    const nav = await page.evaluate(() => window.sellerConsole.itemRect('nav.stock'));
    await page.mouse.click(nav.x + nav.w / 2, nav.y + nav.h / 2);
    await page.waitForFunction(() => window.sellerConsole.snapshot().view === 'stock');
    const loadMs = await page.evaluate(() => { const s = performance.now(); window.sellerConsole.benchLoadStock(10000); return performance.now() - s; });
    await page.waitForFunction(() => window.sellerConsole.snapshot().stock.rowsTotal >= 10000 * 5, null, { timeout: 60_000 });
    const rows = (await page.evaluate(() => window.sellerConsole.snapshot())).stock.rowsTotal;
    const frameTimes = () => page.evaluate(() => window.sellerConsole.benchFrameTimes());
    // A search typed: each key press re-filters and re-sorts every row within its frame.
    const search = await page.evaluate(() => window.sellerConsole.itemRect('stock.search'));
    await page.mouse.click(search.x + search.w / 2, search.y + search.h / 2);
    await page.waitForTimeout(300);
    let before = (await frameTimes()).length;
    await page.keyboard.type('kru', { delay: 60 });
    await page.waitForTimeout(300);
    const typing = (await frameTimes()).slice(before).map((f) => f[0]);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(300);
    // Scrolled.
    await page.mouse.move(400, 500);
    before = (await frameTimes()).length;
    for (let i = 0; i < 150; i++) { await page.mouse.wheel(0, i % 50 < 40 ? 240 : -600); await page.waitForTimeout(16); }
    await page.waitForTimeout(300);
    const scroll = (await frameTimes()).slice(before).map((f) => f[0]);
    const pctOf = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
    console.log(`stock_rows ${rows} (10,000 products x ${rows / 10000} warehouses)`);
    console.log(`stock_load_and_index_ms ${loadMs.toFixed(0)}`);
    console.log(`stock_search_frame_ms_max ${Math.max(...typing).toFixed(2)} (the frames while typing a search: filter + sort + draw)`);
    console.log(`stock_scroll_frame_ms_p50 ${pctOf(scroll, 0.5).toFixed(2)} p95 ${pctOf(scroll, 0.95).toFixed(2)}`);
    record('stock_search_frame_ms_max', Math.max(...typing));
    record('stock_scroll_frame_ms_p95', pctOf(scroll, 0.95));
    await context.close();
  },

  // 3d. The Numbers screen on the demo store with a year as the period: the
  // time from the click to a year of finance operations, sales and rating read
  // and aggregated; then the frame times while the pointer moves over the
  // year's daily charts (sales, margin: 365 bars each, hover values).
  async function numbersScreen(siteUrl, record) {
    const { context, page } = await openReady(siteUrl);
    await page.waitForFunction(() => window.sellerConsole.snapshot().orders.count > 0, null, { timeout: 30_000 });
    const click = async (name) => {
      const r = await page.evaluate((n) => window.sellerConsole.itemRect(n), name);
      await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
    };
    await click('nav.numbers');
    await page.waitForFunction(() => { const n = window.sellerConsole.snapshot().numbers; return n.rating.loaded && !n.finance.loading && !n.sales.loading; }, null, { timeout: 60_000 });
    const started = Date.now();
    await click('numbers.period.365');
    await page.waitForFunction(() => { const n = window.sellerConsole.snapshot().numbers; return n.periodDays === 365 && n.sales.daily.length === 365 && !n.finance.loading && n.finance.windowsDone === n.finance.windowsTotal; }, null, { timeout: 120_000 });
    const loadMs = Date.now() - started;
    const year = (await page.evaluate(() => window.sellerConsole.snapshot())).numbers;
    const frameTimes = () => page.evaluate(() => window.sellerConsole.benchFrameTimes());
    const hoverFrames = async (tab, chart) => {
      await click(tab);
      await page.waitForFunction((c) => window.sellerConsole.itemRect(c) !== null, chart);
      const r = await page.evaluate((c) => window.sellerConsole.itemRect(c), chart);
      const before = (await frameTimes()).length;
      for (let i = 0; i <= 120; i++) { await page.mouse.move(r.x + (r.w * i) / 120, r.y + r.h / 2); await page.waitForTimeout(16); }
      await page.waitForTimeout(200);
      return (await frameTimes()).slice(before).map((f) => f[0]);
    };
    const frames = [...await hoverFrames('numbers.tab.sales', 'numbers.chart.sales'), ...await hoverFrames('numbers.tab.profit', 'numbers.chart.margin')];
    const pctOf = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
    console.log(`numbers_year_load_ms ${loadMs} (click to a year read and aggregated: ${year.finance.operations} finance operations in ${year.finance.windowsTotal} month windows, ${year.finance.postings} postings, 365 days of sales)`);
    console.log(`numbers_year_chart_frame_ms_p50 ${pctOf(frames, 0.5).toFixed(2)} p95 ${pctOf(frames, 0.95).toFixed(2)} (${frames.length} frames, pointer over 365-day charts)`);
    await context.close();
  },

  // 3c. Background refresh of 3 demo stores x 5,000 open postings in "All
  // stores": the refresh that brings them (15,000 new) and one with nothing new:
  // time, requests, frame times while it runs; then the idle cost between refreshes.
  async function fleetRefresh(siteUrl, record) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => {
      if (localStorage.getItem('seller-console:stores')) return;
      localStorage.setItem('seller-console:stores', JSON.stringify([
        { id: 'demo-2', name: 'Demo 2', road: 'demo' }, { id: 'demo-3', name: 'Demo 3', road: 'demo' }]));
      localStorage.setItem('seller-console:refresh_minutes', '0');  // the benchmark triggers each refresh
    });
    const page = await context.newPage();
    await page.goto(siteUrl + '/');
    await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady);
    const snap = () => page.evaluate(() => window.sellerConsole.snapshot());
    const settled = (n) => page.waitForFunction((want) => {
      const o = window.sellerConsole.snapshot().orders;
      return o.stores.length === 3 && o.stores.every((f) => f.refreshes >= want && !f.loading);
    }, n, { timeout: 120_000 });
    await settled(1);
    const all = await page.evaluate(() => window.sellerConsole.itemRect('orders.all_stores'));
    await page.mouse.click(all.x + all.w / 2, all.y + all.h / 2);
    await page.waitForFunction(() => window.sellerConsole.snapshot().orders.allStores);
    await page.evaluate(() => window.sellerConsole.benchGrowDemo(5000));
    const frameTimes = () => page.evaluate(() => window.sellerConsole.benchFrameTimes());
    const pctOf = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : 0; };
    const refresh = await page.evaluate(() => window.sellerConsole.itemRect('orders.refresh'));
    for (const [name, round] of [['refresh_3x5000_new', 2], ['refresh_3x5000_nothing_new', 3]]) {
      const requestsBefore = (await snap()).orders.stores.reduce((n, f) => n + f.requests, 0);
      const before = (await frameTimes()).length;
      const start = Date.now();
      await page.mouse.click(refresh.x + refresh.w / 2, refresh.y + refresh.h / 2);
      await settled(round);
      const ms = Date.now() - start;
      const after = await snap();
      const frames = (await frameTimes()).slice(before).map((f) => f[1]);
      console.log(`${name}_ms ${ms} (click to all three stores refreshed; ${after.orders.count} postings listed)`);
      console.log(`${name}_requests ${after.orders.stores.reduce((n, f) => n + f.requests, 0) - requestsBefore}`);
      console.log(`${name}_frame_ms_p50 ${pctOf(frames, 0.5).toFixed(2)} p95 ${pctOf(frames, 0.95).toFixed(2)} max ${frames.length ? Math.max(...frames).toFixed(2) : 0} (${frames.length} frames)`);
    }
    // Idle between refreshes: frames and CPU over 5 s (the schedule's only cost
    // between refreshes is one timer; it is off here so no refresh lands in the window).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const f0 = await page.evaluate(() => window.sellerConsole.framesDrawn());
    const m0 = await metric();
    await page.waitForTimeout(5000);
    const f1 = await page.evaluate(() => window.sellerConsole.framesDrawn());
    const m1 = await metric();
    console.log(`fleet_idle_frames_per_second ${((f1 - f0) / 5).toFixed(2)} (3 stores, 15,000+ postings, between refreshes)`);
    console.log(`fleet_idle_cpu_ms_per_second ${(((m1.TaskDuration - m0.TaskDuration) * 1000) / 5).toFixed(2)}`);
    await context.close();
  },

  // 4. Parsing postings in WebAssembly vs the browser's JSON.parse, on the
  // 100-posting v4 page bench_parsers wrote (POSTINGS_JSON), in the same page:
  // one page, and 100,000 postings as the 1,000 pages paging delivers.
  async function parsing(siteUrl, record) {
    if (!process.env.POSTINGS_JSON) return;
    const text = readFileSync(process.env.POSTINGS_JSON, 'utf8');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(siteUrl + '/');
    await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady);
    const result = await page.evaluate((t) => {
      const time = (f) => { const s = performance.now(); f(); return performance.now() - s; };
      const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      // The reply as fetch gives it to the console: bytes, copied into its memory per page.
      // (A site from before takes only text; its copy-in is then timed with it.)
      const bytes = (() => {
        const encoded = new TextEncoder().encode(t);
        try { window.sellerConsole.benchParsePostings(encoded); return encoded; } catch (e) { return t; }
      })();
      // V8 runs WebAssembly on its baseline compiler first (the first pages here
      // take 4-50 ms) and moves hot code to its optimizing one; JSON.parse is
      // native from the start. Both are timed after this warm-up: steady state.
      const firstPages = [];
      for (let i = 0; i < 40; i++) firstPages.push(window.sellerConsole.benchParsePostings(bytes).ms);
      for (let i = 0; i < 40; i++) JSON.parse(t);
      const one = { wasm: [], js: [] };
      for (let i = 0; i < 21; i++) {
        one.wasm.push(window.sellerConsole.benchParsePostings(bytes).ms);
        one.js.push(time(() => JSON.parse(t)));
      }
      const all = { wasm: [], js: [] };
      let count = 0;
      for (let run = 0; run < 3; run++) {
        all.wasm.push(time(() => { count = 0; for (let p = 0; p < 1000; p++) count += window.sellerConsole.benchParsePostings(bytes).count; }));
        all.js.push(time(() => { for (let p = 0; p < 1000; p++) JSON.parse(t); }));
      }
      return { oneWasm: med(one.wasm), oneJs: med(one.js), allWasm: med(all.wasm), allJs: med(all.js), count,
               firstPage: firstPages[0], warmingMs: firstPages.reduce((a, b) => a + b, 0) };
    }, text);
    console.log(`wasm_parse_first_page_ms ${result.firstPage.toFixed(2)} (before V8 optimizes the parser; the first 40 pages took ${result.warmingMs.toFixed(0)} ms)`);
    console.log(`wasm_parse_v4_page_100_ms ${result.oneWasm.toFixed(2)} (JSON.parse ${result.oneJs.toFixed(2)} ms, ratio ${(result.oneWasm / result.oneJs).toFixed(1)})`);
    console.log(`wasm_parse_100k_postings_ms ${result.allWasm.toFixed(0)} (${result.count} postings in 1000 pages of ${(text.length / 1024).toFixed(0)} KB)`);
    console.log(`js_json_parse_100k_postings_ms ${result.allJs.toFixed(0)}`);
    console.log(`wasm_to_json_parse_ratio ${(result.allWasm / result.allJs).toFixed(2)}`);
    record('wasm_to_json_parse_ratio', result.allWasm / result.allJs);
    await context.close();
  },

  // 5. Storage: persisting a draft, and writing then restoring a full state of
  // 10,000 cached postings and 1,000 outbox entries through IndexedDB.
  async function storage(siteUrl, record) {
    if (process.env.SKIP_STORAGE) return;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(siteUrl + '/');
    await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady);
    await page.waitForFunction(() => { const s = window.sellerConsole.snapshot(); return s.orders.count > 0 && s.device.draftsLoaded; }, null, { timeout: 30_000 });
    const usage = () => page.evaluate(async () => (await navigator.storage.estimate()).usage || 0);
    const before = await usage();
    // The bench removes its records when done: sample the usage while it runs.
    const r = await page.evaluate(async () => {
      let peak = 0;
      let running = true;
      const sample = async () => {
        while (running) {
          peak = Math.max(peak, (await navigator.storage.estimate()).usage || 0);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      const sampling = sample();
      const result = await window.sellerConsole.benchStorage(10000, 1000);
      running = false;
      await sampling;
      result.peakUsage = peak;
      return result;
    });
    if (r.error) console.log(`storage_bench_error ${r.error}`);
    console.log(`draft_persist_ms ${r.draftPersistMs.toFixed(2)} (median of 20 IndexedDB writes of one posting draft)`);
    console.log(`write_10k_postings_ms ${r.writePostingsMs.toFixed(0)}`);
    console.log(`write_1k_outbox_entries_ms ${r.writeOutboxMs.toFixed(0)}`);
    console.log(`restore_load_all_ms ${r.loadAllMs.toFixed(0)}`);
    console.log(`restore_parse_10k_postings_ms ${r.parsePostingsMs.toFixed(0)} (longest single task ${r.longestParseMs.toFixed(0)} ms: the list is read a record of 1,000 postings per task)`);
    console.log(`restore_outbox_1k_ms ${r.restoreOutboxMs.toFixed(0)}`);
    console.log(`restore_full_state_ms ${(r.loadAllMs + r.parsePostingsMs + r.restoreOutboxMs).toFixed(0)}`);
    record('restore_10k_postings_1k_outbox_ms', r.loadAllMs + r.parsePostingsMs + r.restoreOutboxMs);
    record('restore_longest_task_ms', r.longestParseMs);
    console.log(`storage_bytes_written ${r.bytesWritten} (${(r.bytesWritten / 1048576).toFixed(1)} MB of JSON)`);
    console.log(`indexeddb_bytes_for_them ${r.peakUsage - before} (navigator.storage.estimate, peak during the run minus before)`);
    await context.close();
  },
];

// FIRST_LOAD_ONLY=1: stop here (quick iterations on the start-up path).
if (!process.env.FIRST_LOAD_ONLY) {
  const only = process.env.PARTS ? process.env.PARTS.split(',') : null;
  for (const [i, part] of steadyParts.entries()) {
    if (only && !only.includes(part.name)) continue;
    for (const site of inTurn(i)) {
      console.log(`== ${site.label} site: ${part.name}`);
      await part(site.url, (name, value) => { site.figures[name] = value; });
    }
  }
}
printTable();
await browser.close();

// --- The figures: value, target, and the previous release's value --
function printTable() {
  const TARGETS = [
    // [figure, target (at most), unit]
    ['first_frame_ms_median', 500, 'ms'],
    ['browser_floor_first_frame_ms', null, 'ms'],
    ['first_load_kb_gzip', 500, 'KB'],
    ['first_load_kb_brotli', null, 'KB'],
    ['first_load_ru_kb_gzip', 500, 'KB'],
    ['first_load_zh_kb_gzip', 500, 'KB'],
    ['first_load_zh_kb_brotli', null, 'KB'],
    ['wasm_to_json_parse_ratio', 2, 'x'],
    ['restore_10k_postings_1k_outbox_ms', 300, 'ms'],
    ['restore_longest_task_ms', 50, 'ms'],
    ['heap_mb_with_100k_postings', 100, 'MB'],
    ['stock_search_frame_ms_max', 20, 'ms'],
    ['orders_100k_scroll_frame_ms_p95', 4, 'ms'],
    ['stock_scroll_frame_ms_p95', 4, 'ms'],
  ];
  const [current, previous] = sites;
  const cell = (text, width) => String(text).padStart(width);
  const number = (v) => (v === undefined ? '-' : v >= 100 ? v.toFixed(0) : v.toFixed(2));
  console.log('');
  console.log(`${'figure'.padEnd(36)}${cell('value', 10)}${cell('target', 10)}${cell('/target', 9)}${cell('previous', 10)}${cell('/previous', 10)}`);
  for (const [name, target, unit] of TARGETS) {
    const value = current.figures[name];
    if (value === undefined) continue;  // a section not run (FIRST_LOAD_ONLY, no POSTINGS_JSON, SKIP_STORAGE)
    const before = previous ? previous.figures[name] : undefined;
    console.log(`${name.padEnd(36)}${cell(number(value) + ' ' + unit, 10)}`
      + `${cell(target === null ? '-' : '<= ' + target, 10)}${cell(target === null ? '-' : (value / target).toFixed(2), 9)}`
      + `${cell(number(before), 10)}${cell(before ? (value / before).toFixed(2) : '-', 10)}`);
  }
  console.log(`(/target: value over target, at most 1.00 meets it; /previous: value over the previous release's${previous ? ' (' + previous.dir + ')' : ', none given'}, below 1.00 is better)`);
}
