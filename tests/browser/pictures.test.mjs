// Product pictures at the packing station: the primary image of each product
// as an <img> over the canvas, at the square ImGui reserved for it (Ozon's
// image host sends no CORS headers, so its pixels cannot be drawn into the
// canvas), in the posting detail and the stock screen; hidden when its place
// goes; kept by the service worker for offline use, within a budget, with a
// button that empties that cache.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import vm from 'node:vm';
import { join } from 'node:path';
import { test, openConsole, openDemo, openPosting, clickItem, assertIdle, idleFrames, itemRect, snapshot, waitForCheck, waitForSnapshot } from './harness.mjs';
import { startServe } from './services.mjs';

const PICTURE_CACHE = 'ozon-seller-console-pictures';

// The shown <img> elements over the canvas: their URL, whether they loaded, and where they are.
function shownPictures(page) {
  return page.evaluate(() => [...document.querySelectorAll('#page-pictures img')]
    .filter((img) => img.style.display !== 'none')
    .map((img) => {
      const box = img.getBoundingClientRect();
      // The part left by clip-path: inset(top right bottom left).
      // (CSS shortens it: one value for all sides, two for top/bottom and left/right, three with right = left.)
      const v = (img.style.clipPath.match(/-?[0-9.]+px/g) || ['0px']).map(parseFloat);
      const inset = [v[0], v[1] ?? v[0], v[2] ?? v[0], v[3] ?? v[1] ?? v[0]];
      return { src: img.src, loaded: img.complete && img.naturalWidth > 0, pointerEvents: getComputedStyle(img).pointerEvents,
        x: box.x, y: box.y, w: box.width, h: box.height,
        visible: [box.x + inset[3], box.y + inset[0], box.width - inset[1] - inset[3], box.height - inset[0] - inset[2]] };
    }));
}

const near = (a, b) => Math.abs(a - b) <= 1.5;
function assertAt(picture, rect, what) {
  assert.ok(rect, `${what}: ImGui reports its rectangle`);
  assert.ok(near(picture.x, rect.x) && near(picture.y, rect.y) && near(picture.w, rect.w) && near(picture.h, rect.h),
    `${what}: the image ${JSON.stringify(picture)} lies on the reserved square ${JSON.stringify(rect)}`);
}

// Every product line of the open posting drawn with its loaded picture.
function allDrawn(s) {
  const lines = s.orders.detail && s.orders.detail.pictures;
  return Boolean(lines && lines.length > 0 && lines.every((line) => line.url && line.drawn));
}

async function openFirstPosting(page) {
  const number = (await snapshot(page)).orders.visible[0].number;
  await openPosting(page, number);
  return waitForSnapshot(page, allDrawn, { what: 'the pictures of the open posting drawn' });
}

test('pictures: the open posting shows each product picture over its reserved square; closing hides them', async ({ context, siteUrl, artifacts }) => {
  const { page, errors } = await openDemo(context, siteUrl);
  const snap = await openFirstPosting(page);
  const lines = snap.orders.detail.pictures;
  const shown = await shownPictures(page);
  for (const [i, line] of lines.entries()) {
    assert.match(line.url, /^demo-images\/[a-z]+-[a-z]+\.svg$/);
    const picture = shown.find((p) => p.src.endsWith('/' + line.url));
    assert.ok(picture, `an <img> for ${line.url} is shown`);
    assert.ok(picture.loaded, `${line.url} loaded (complete, naturalWidth > 0)`);
    assert.equal(picture.pointerEvents, 'none', 'clicks go through to the canvas');
    assertAt(picture, await itemRect(page, `detail.picture.${i}`), `line ${i}`);
    assert.ok(picture.w >= 40, `large enough to match by sight (${picture.w} px)`);
  }
  assert.equal(snap.pictures.loaded, snap.pictures.declared);
  writeFileSync(join(artifacts, 'pictures-detail.png'), await page.screenshot());
  // Shown pictures cost no frames: the page positions them, and a load redraws nothing.
  const idle = await idleFrames(page);
  assertIdle(idle, 'with pictures shown');

  // A window in front (the shortcuts help, centred, covers the detail's first
  // picture): the <img> would lie over it, so it is not shown; back when it closes.
  await page.keyboard.press('F1');
  const withHelp = await waitForSnapshot(page, (s) => s.pictures.declared < lines.length, { what: 'the covered picture withdrawn' });
  assert.equal((await shownPictures(page)).length, withHelp.pictures.declared, 'the covered picture is hidden');
  await page.keyboard.press('F1');
  await waitForSnapshot(page, (s) => allDrawn(s) && s.pictures.declared === lines.length, { what: 'the picture back' });

  await clickItem(page, 'detail.close');
  await waitForSnapshot(page, (s) => s.orders.open === '' && s.pictures.declared === 0, { what: 'the posting closed' });
  assert.deepEqual(await shownPictures(page), [], 'no picture stays over the canvas');
  assert.deepEqual(errors, []);
});

test('pictures: at devicePixelRatio 2 they still lie on their squares (ImGui lays out in CSS pixels)', async ({ browser, siteUrl }) => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 2 });
  try {
    const { page, errors } = await openDemo(context, siteUrl);
    assert.equal(await page.evaluate(() => window.devicePixelRatio), 2);
    const snap = await openFirstPosting(page);
    const shown = await shownPictures(page);
    for (const [i, line] of snap.orders.detail.pictures.entries()) {
      const picture = shown.find((p) => p.src.endsWith('/' + line.url));
      assert.ok(picture && picture.loaded, `${line.url} shown and loaded`);
      assertAt(picture, await itemRect(page, `detail.picture.${i}`), `line ${i}`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('pictures: the stock screen shows a row-high picture per row, where ImGui placed it', async ({ context, siteUrl, artifacts }) => {
  const { page, errors } = await openDemo(context, siteUrl);
  await clickItem(page, 'nav.stock');
  const snap = await waitForSnapshot(page, (s) => s.view === 'stock' && s.pictures.declared > 5 &&
    s.pictures.loaded === s.pictures.declared, { what: 'stock rows with pictures', timeout: 30_000 });
  const shown = await shownPictures(page);
  assert.equal(shown.length, snap.pictures.declared);
  assert.ok(shown.every((p) => p.loaded));
  for (const placed of snap.pictures.placed) {
    const picture = shown.find((p) => near(p.y, placed.y) && p.src.endsWith('/' + placed.url));
    assert.ok(picture, `an <img> for ${placed.url} at y=${placed.y}`);
    assertAt(picture, placed, placed.url);
  }
  // Each row-high: the list keeps its row height.
  assert.ok(snap.pictures.placed.every((p) => p.w === p.h && p.h <= 24), 'square, one row high');
  writeFileSync(join(artifacts, 'pictures-stock.png'), await page.screenshot());
  // Back to the orders: the stock pictures go.
  await clickItem(page, 'nav.orders');
  await waitForSnapshot(page, (s) => s.view === 'orders' && s.pictures.declared === 0, { what: 'orders shown' });
  assert.deepEqual(await shownPictures(page), []);
  assert.deepEqual(errors, []);
});

test('pictures: the on-screen pick list of a plan group shows each product with its picture', async ({ context, siteUrl, artifacts }) => {
  const { page, errors } = await openDemo(context, siteUrl);
  await clickItem(page, 'nav.plan');
  const plan = await waitForSnapshot(page, (s) => s.view === 'plan' && s.plan.groups.some((g) => g.toPack > 0),
    { what: 'plan groups with postings to pack' });
  const group = plan.plan.groups.find((g) => g.toPack > 0);
  // A short window: the list runs past the table's bottom edge, which cuts the picture there.
  await page.setViewportSize({ width: 1280, height: 420 });
  await waitForSnapshot(page, (s) => s.display.cssHeight === 420, { what: 'the smaller window' });
  await clickItem(page, `plan.pick_items.${group.methodId}`);
  const snap = await waitForSnapshot(page, (s) => s.pictures.declared > 0 && s.pictures.loaded === s.pictures.declared,
    { what: 'the pick list pictures loaded' });
  const shown = await shownPictures(page);
  for (const placed of snap.pictures.placed) {
    const picture = shown.find((p) => near(p.y, placed.y) && near(p.x, placed.x));
    assert.ok(picture && picture.loaded && picture.src.endsWith('/' + placed.url), `${placed.url} shown where ImGui placed it`);
    // Only the part ImGui shows is seen (clip-path), e.g. a picture half under the table's edge.
    assert.ok(placed.visible.every((v, k) => near(v, picture.visible[k])),
      `visible part ${JSON.stringify(picture.visible)} is ImGui's ${JSON.stringify(placed.visible)}`);
    assert.ok(placed.visible[1] + placed.visible[3] <= 420 + 0.5, 'nothing below the window');
  }
  writeFileSync(join(artifacts, 'pictures-pick-list.png'), await page.screenshot());
  assert.deepEqual(errors, []);
});

test('pictures: kept by the service worker, they load offline; the settings count them and clear them', async ({ context, repoRoot, buildDir }) => {
  const server = await startServe(repoRoot, buildDir);
  let stopped = false;
  try {
    const { page, errors } = await openConsole(context, server.url);
    await page.waitForFunction(() => window.sellerConsole.pwa.controlled, null, { timeout: 30_000 });
    await waitForSnapshot(page, (s) => s.orders.count > 0 && !s.orders.loading, { what: 'demo postings' });
    const snap = await openFirstPosting(page);
    const urls = snap.orders.detail.pictures.map((line) => new URL(line.url, server.url + '/').href);
    await waitForCheck(page, async ({ name, wanted }) => {
      const keys = (await (await caches.open(name)).keys()).map((r) => r.url);
      return wanted.every((url) => keys.includes(url));
    }, { name: PICTURE_CACHE, wanted: urls }, { what: 'the pictures in their cache' });

    // Offline, then with no server at all: the pictures come from the cache.
    await context.setOffline(true);
    await server.stop();
    stopped = true;
    await page.reload();
    await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady === true, null, { timeout: 30_000 });
    const reloaded = await waitForSnapshot(page, (s) => s.orders.count > 0, { what: 'demo postings offline' });
    // The reload may reopen the posting by itself (the screen is a draft); else it is opened again.
    if (reloaded.orders.open !== snap.orders.open) await clickItem(page, 'orders.row.' + snap.orders.open);
    const offline = await waitForSnapshot(page, allDrawn, { what: 'the pictures drawn offline' });
    assert.equal(offline.orders.open, snap.orders.open);
    const shown = await shownPictures(page);
    assert.ok(urls.every((url) => shown.some((p) => p.src === url && p.loaded)), 'every picture loaded from the cache');

    // The settings: how many are kept, against the budget; "Clear pictures" empties the cache.
    await clickItem(page, 'nav.stores');
    const kept = await waitForSnapshot(page, (s) => s.pictures.cache.known && s.pictures.cache.entries >= new Set(urls).size,
      { what: 'the picture cache counted' });
    assert.ok(kept.pictures.cache.bytes > 0 && kept.pictures.cache.bytes <= kept.pictures.cache.budgetBytes);
    await clickItem(page, 'pictures.clear');
    await waitForSnapshot(page, (s) => s.pictures.cache.known && s.pictures.cache.entries === 0 && !s.pictures.cache.clearing,
      { what: 'the picture cache emptied' });
    assert.equal(await page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, PICTURE_CACHE), 0);
    // With the cache empty and no server, the same posting's pictures cannot load: they came from that cache.
    await page.reload();
    await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady === true, null, { timeout: 30_000 });
    await clickItem(page, 'nav.orders');
    const again = await waitForSnapshot(page, (s) => s.orders.count > 0, { what: 'demo postings, cache cleared' });
    if (again.orders.open !== snap.orders.open) await clickItem(page, 'orders.row.' + snap.orders.open);
    await waitForSnapshot(page, (s) => s.orders.open === snap.orders.open && s.pictures.failed > 0 && s.pictures.loaded === 0,
      { what: 'the pictures failing without their cache' });
    assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED/.test(e)), []);
  } finally {
    if (!stopped) await server.stop();
  }
}, { timeout: 120_000 });

// The worker's own code (web/sw.js) run in Node against an in-memory Cache
// Storage: the picture cache keeps to its budget, least recently used out
// first, by bytes where the size is known and by count for opaque replies.
function loadWorker(repoRoot) {
  const stores = new Map();  // cache name -> Map(url -> response)
  const openCache = (name) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const entries = stores.get(name);
    const key = (request) => (typeof request === 'string' ? request : request.url);
    return {
      async match(request) { const hit = entries.get(key(request)); return hit ? hit.clone() : undefined; },
      async put(request, response) { entries.set(key(request), response); },
      async delete(request) { return entries.delete(key(request)); },
      async keys() { return [...entries.keys()].map((url) => ({ url })); },
    };
  };
  const caches = {
    async open(name) { return openCache(name); },
    async delete(name) { return stores.delete(name); },
    async keys() { return [...stores.keys()]; },
  };
  const handlers = {};
  const network = new Map();  // url -> () => response
  const self = {
    registration: { scope: 'https://console.test/' },
    addEventListener(type, handler) { handlers[type] = handler; },
    clients: { claim() {} },
    skipWaiting() {},
  };
  const fetch = async (request) => {
    const make = network.get(request.url);
    if (!make) throw new TypeError('Failed to fetch');
    return make();
  };
  const context = vm.createContext({ self, caches, fetch, Response, URL, console, setTimeout });
  vm.runInContext(readFileSync(join(repoRoot, 'web', 'sw.js'), 'utf8'), context);
  // An <img>'s request through the worker: resolves with the reply once the worker's background work is done.
  async function image(url) {
    let reply = null;
    const background = [];
    handlers.fetch({
      request: { method: 'GET', url, destination: 'image', mode: 'no-cors' },
      respondWith(promise) { reply = promise; },
      waitUntil(promise) { background.push(promise); },
    });
    assert.ok(reply, `the worker answers ${url}`);
    const response = await reply;
    await Promise.all(background);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await Promise.all(background);
    return response;
  }
  async function info() {
    let answer = null;
    const background = [];
    handlers.message({ data: { type: 'picture-cache-info' }, ports: [{ postMessage(m) { answer = m; } }],
      waitUntil(p) { background.push(p); } });
    await Promise.all(background);
    return answer;
  }
  const picturesCached = () => [...(stores.get(PICTURE_CACHE) || new Map()).keys()].filter((u) => !u.includes('__picture-cache-index__'));
  return { network, image, info, picturesCached };
}

// An opaque reply (another site's picture without CORS): its size is hidden.
const opaque = () => ({ type: 'opaque', ok: false, status: 0, clone() { return opaque(); } });

test('pictures: the worker\'s picture cache keeps to its budget, least recently used out first', async ({ repoRoot }) => {
  const worker = loadWorker(repoRoot);
  const MB = 1024 * 1024;
  // Same-origin pictures of 1 MB each: the byte budget (30 MB) holds 30.
  for (let i = 0; i < 30; i++) worker.network.set(`https://console.test/demo-images/p${i}.svg`, () => new Response(new Uint8Array(MB)));
  for (let i = 0; i < 30; i++) assert.equal((await worker.image(`https://console.test/demo-images/p${i}.svg`)).status, 200);
  let info = await worker.info();
  assert.deepEqual({ entries: info.entries, bytes: info.bytes, unsized: info.unsized }, { entries: 30, bytes: 30 * MB, unsized: 0 });
  assert.equal(info.budgetBytes, 30 * MB);
  // p0 is used again (served from the cache, no network), so p1 is now the least recently used.
  worker.network.delete('https://console.test/demo-images/p0.svg');
  assert.equal((await worker.image('https://console.test/demo-images/p0.svg')).status, 200);
  worker.network.set('https://console.test/demo-images/extra.svg', () => new Response(new Uint8Array(MB)));
  await worker.image('https://console.test/demo-images/extra.svg');
  const kept = worker.picturesCached();
  assert.ok(kept.includes('https://console.test/demo-images/p0.svg'), 'the recently used picture stays');
  assert.ok(!kept.includes('https://console.test/demo-images/p1.svg'), 'the least recently used one went');
  info = await worker.info();
  assert.equal(info.entries, 30);
  assert.ok(info.bytes <= info.budgetBytes);

  // Another site's pictures come back opaque: counted against the entry limit.
  const limit = info.maxEntries;
  for (let i = 0; i < limit; i++) {
    const url = `https://cdn.example/s3/${i}.jpg`;
    worker.network.set(url, opaque);
    assert.equal((await worker.image(url)).type, 'opaque');
  }
  info = await worker.info();
  assert.equal(info.entries, limit, 'never more entries than the limit');
  // The older same-origin pictures went first; what is left is opaque, of unknown size.
  assert.deepEqual({ unsized: info.unsized, bytes: info.bytes }, { unsized: limit, bytes: 0 });
  assert.ok(!worker.picturesCached().includes('https://console.test/demo-images/p0.svg'), 'the oldest went first');
  assert.ok(worker.picturesCached().includes(`https://cdn.example/s3/${limit - 1}.jpg`));
  // Not an image (an API call) or offline and not kept: left to the network as without a worker.
  await assert.rejects(worker.image('https://cdn.example/never-seen.jpg'), /Failed to fetch/);
}, { timeout: 120_000 });
