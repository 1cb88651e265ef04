// The installable offline app: the web app manifest and its icons, the
// service worker (precache, control, offline start, API calls untouched) and
// the update flow (a new build is detected, waits, and takes over on request).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, openConsole, clickItem, snapshot, waitForSnapshot } from './harness.mjs';
import { startServe } from './services.mjs';

const CACHE_PREFIX = 'ozon-seller-console-shell-';
const SHELL = ['', 'app.js', 'app.wasm', 'app.deferred.wasm', 'icon.svg', 'pdf-lib.min.js',
  'manifest.webmanifest', 'icon-192.png', 'icon-512.png', 'icon-maskable-512.png', 'ui-cjk-extra.ttf',
  'demo-worker.js', 'demo.js', 'demo.wasm', 'camera.js', 'scanner-worker.js', 'scanner.js', 'scanner.wasm',
  'recorder.js', 'recorder-worker.js', 'lang-ru.json', 'lang-zh.json', 'ui-cjk.ttf', 'ui-cjk-rest.ttf'];

// {width, height} from a PNG's IHDR chunk, or throws.
function pngSize(bytes) {
  assert.equal(bytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'a PNG signature');
  assert.equal(bytes.toString('ascii', 12, 16), 'IHDR', 'IHDR comes first');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// The app's caches as {name: [paths]}, read from inside the page.
function cacheContents(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname.slice(1)).sort();
    }
    return out;
  });
}

async function waitControlled(page) {
  await page.waitForFunction(() => window.sellerConsole.pwa.controlled && window.sellerConsole.pwa.cacheVersion,
    null, { timeout: 30_000 });
}

// Rewrites the build version in a copied site, as a new build would write it
// (the page carries it in its inlined site-info.js).
function deployVersion(site, from, to) {
  for (const name of ['sw.js', 'index.html']) {
    const text = readFileSync(join(site, name), 'utf8');
    assert.ok(text.includes(JSON.stringify(from)), `${name} names build ${from}`);
    writeFileSync(join(site, name), text.split(JSON.stringify(from)).join(JSON.stringify(to)));
  }
}

// Serves a private copy of the built site, so a test can "deploy" into it.
async function serveCopy(repoRoot, buildDir) {
  const site = mkdtempSync(join(tmpdir(), 'pwa-site-'));
  cpSync(join(buildDir, 'site'), site, { recursive: true });
  const server = await startServe(repoRoot, buildDir, ['--site', site]);  // the last --site wins
  return { site, server, stop() { server.stop(); rmSync(site, { recursive: true, force: true }); } };
}

// Asks the registration to look for a new sw.js and waits until a worker it
// found has installed or failed; {waiting, state} afterwards.
function checkForUpdate(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update().catch(() => {});
    const worker = registration.installing;
    if (worker) {
      await new Promise((resolve) => {
        const done = () => ['installed', 'redundant'].includes(worker.state) && resolve();
        worker.addEventListener('statechange', done);
        done();
      });
    }
    // update() resolves once the new worker starts installing (spec), so it is seen above.
    return { waiting: Boolean(registration.waiting), state: worker ? worker.state : null };
  });
}

// Request lines ("GET /path status") serve.py logged after `from` characters of its log.
function requestsSince(server, from) {
  return server.stderr().slice(from).split('\n').filter((line) => /^[A-Z]+ \//.test(line));
}

test('pwa: the manifest is linked, parses, and every icon is a PNG of its declared size', async ({ context, siteUrl }) => {
  const { page, errors } = await openConsole(context, siteUrl);
  const links = await page.evaluate(() => ({
    manifest: document.querySelector('link[rel="manifest"]') && document.querySelector('link[rel="manifest"]').href,
    touch: document.querySelector('link[rel="apple-touch-icon"]') && document.querySelector('link[rel="apple-touch-icon"]').href,
  }));
  assert.ok(links.manifest, 'index.html links a manifest');
  const response = await fetch(links.manifest);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^application\/manifest\+json/);
  const manifest = await response.json();
  assert.equal(manifest.name, 'Ozon Seller Console');
  assert.ok(manifest.short_name && manifest.short_name.length <= 15, 'a short name a launcher can show');
  assert.ok(manifest.description);
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.theme_color, '#1a1c21');
  assert.equal(manifest.theme_color, await page.getAttribute('meta[name="theme-color"]', 'content'));
  assert.ok(manifest.background_color);
  const declared = manifest.icons.map((i) => `${i.sizes} ${i.purpose || 'any'}`).sort();
  assert.deepEqual(declared, ['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of manifest.icons) {
    const url = new URL(icon.src, links.manifest).href;
    const reply = await fetch(url);
    assert.equal(reply.status, 200, url);
    assert.equal(reply.headers.get('content-type'), 'image/png', url);
    assert.equal(icon.type, 'image/png');
    const { width, height } = pngSize(Buffer.from(await reply.arrayBuffer()));
    assert.equal(`${width}x${height}`, icon.sizes, url);
  }
  assert.ok(links.touch, 'index.html names an apple-touch-icon');
  pngSize(Buffer.from(await (await fetch(links.touch)).arrayBuffer()));
  // The worker script and the page are always revalidated, so updates are seen.
  for (const path of ['sw.js', '']) {
    const reply = await fetch(`${siteUrl}/${path}`);
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get('cache-control'), 'no-cache', `Cache-Control of /${path}`);
  }
  assert.match((await fetch(`${siteUrl}/`)).headers.get('content-security-policy'), /worker-src 'self'/);
  assert.deepEqual(errors, []);
});

test('pwa: the service worker precaches the shell, controls the page after a reload, leaves API calls alone', async ({ context, repoRoot, buildDir }) => {
  const server = await startServe(repoRoot, buildDir);
  try {
    const { page, errors } = await openConsole(context, server.url);
    const version = await page.evaluate(() => window.sellerConsole.version);
    // Installed once the first frame is out; it claims the page that installed it.
    await waitControlled(page);
    assert.equal(await page.evaluate(() => window.sellerConsole.pwa.cacheVersion), version);
    assert.deepEqual(await cacheContents(page), { [CACHE_PREFIX + version]: [...SHELL].sort() });

    await page.reload();
    await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady, null, { timeout: 30_000 });
    await waitControlled(page);
    const pwa = await page.evaluate(() => window.sellerConsole.pwa);
    assert.equal(pwa.controlled, true);
    assert.equal(pwa.cacheVersion, version);
    assert.equal(pwa.updateAvailable, false);
    assert.equal(typeof pwa.storage.usage, 'number');
    assert.ok(pwa.storage.quota > 0, 'a storage estimate');

    // Anything but the shell goes to the network as if there were no worker,
    // and nothing of it is cached.
    const logged = server.stderr().length;
    const statuses = await page.evaluate(async () => [
      (await fetch('ozon/v3/posting/fbs/list', { method: 'POST', body: '{}' })).status,
      (await fetch('__sandbox/calls')).status,
      (await fetch('app.wasm?fresh=1')).status,
    ]);
    assert.deepEqual(statuses, [404, 404, 200]);
    // serve.py logs each request as it answers; one more request made after
    // these marks where their lines end in its log.
    assert.equal(await page.evaluate(async () => (await fetch('test-marker')).status), 404);
    await server.waitForStderr(() => requestsSince(server, logged).includes('GET /test-marker 404'));
    assert.deepEqual(requestsSince(server, logged).sort(),
      ['GET /__sandbox/calls 404', 'GET /app.wasm 200', 'GET /test-marker 404', 'POST /ozon/v3/posting/fbs/list 404']);
    assert.deepEqual(Object.values(await cacheContents(page)), [[...SHELL].sort()]);
    assert.deepEqual(errors.filter((e) => !/Failed to load resource.*404/.test(e)), []);
  } finally {
    server.stop();
  }
});

test('pwa: ?nosw drops the service worker (a debugging escape hatch)', async ({ context, siteUrl }) => {
  const { page, errors } = await openConsole(context, siteUrl);
  await waitControlled(page);
  const registered = () => page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration()));
  assert.equal(await registered(), true);
  // From the next load on, note what boot.js asks of the service worker API.
  await page.addInitScript(() => {
    window.testRegisterCalls = 0;
    window.testUnregistering = null;  // the promise of the last unregister()
    if (!navigator.serviceWorker) return;
    const container = navigator.serviceWorker;
    const register = container.register;
    container.register = function (...args) { window.testRegisterCalls++; return register.apply(this, args); };
    const unregister = ServiceWorkerRegistration.prototype.unregister;
    ServiceWorkerRegistration.prototype.unregister = function () { return (window.testUnregistering = unregister.call(this)); };
  });
  await page.goto(siteUrl + '/?nosw');
  await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady, null, { timeout: 30_000 });
  // boot.js drops the old registration: its unregister() is made, then resolves true.
  await page.waitForFunction(() => window.testUnregistering !== null, null, { timeout: 10_000 });
  assert.equal(await page.evaluate(() => window.testUnregistering), true, 'the registration was dropped');
  assert.equal(await registered(), false);
  // The next load comes from the network and registers nothing. boot.js
  // would call register() in the task that starts the storage estimate, so
  // once the estimate is in, a register() would have been made.
  await page.reload();
  await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady, null, { timeout: 30_000 });
  await page.waitForFunction(() => window.sellerConsole.pwa.storage !== null, null, { timeout: 10_000 });
  assert.equal(await page.evaluate(() => window.testRegisterCalls), 0, 'boot.js registered no worker');
  assert.equal(await page.evaluate(() => window.sellerConsole.pwa.controlled), false);
  assert.equal(await registered(), false);
  assert.deepEqual(errors, []);
});

// Playwright's setOffline() does not cover every request of a service worker:
// registration.update() still fetched sw.js from the server while "offline"
// (seen in Chromium here). So the test also checks the server saw nothing
// during the offline reload, then stops the server and reloads once more.
test('pwa: offline, a reload still starts the console from the cache', async ({ context, repoRoot, buildDir }) => {
  const server = await startServe(repoRoot, buildDir);
  let stopped = false;
  try {
    const { page, errors } = await openConsole(context, server.url);
    await waitControlled(page);
    await context.setOffline(true);
    const logged = server.stderr().length;
    await page.reload();
    await page.evaluate(() => window.sellerConsole.ready);
    assert.ok(await page.evaluate(() => window.sellerConsole.framesDrawn()) > 0, 'the canvas draws');
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    assert.deepEqual(requestsSince(server, logged), [], 'nothing of the offline start reached the server');

    await server.stop();  // resolves once serve.py has exited: nothing answers on its port
    stopped = true;
    await page.reload();
    await page.evaluate(() => window.sellerConsole.ready);
    assert.ok(await page.evaluate(() => window.sellerConsole.framesDrawn()) > 0, 'the canvas draws without a server');
    assert.equal((await page.evaluate(() => window.sellerConsole.snapshot())).view, 'orders');
    // A language not compiled in comes from the cache too, its font with it.
    await clickItem(page, 'lang.zh');
    await waitForSnapshot(page, (s) => s.lang === 'zh' && s.langProblem === '', { what: 'Chinese offline' });
    assert.deepEqual(errors, []);
  } finally {
    if (!stopped) server.stop();
  }
});

// A new build deployed: the worker finds a changed sw.js, installs it beside
// the running one, and it waits until the seller agrees (applyUpdate).
test('pwa: a new build deployed is detected, waits, and applyUpdate reloads into it', async ({ context, repoRoot, buildDir }) => {
  const copy = await serveCopy(repoRoot, buildDir);
  try {
    const { page, errors } = await openConsole(context, copy.server.url);
    const oldVersion = await page.evaluate(() => window.sellerConsole.version);
    await waitControlled(page);

    const newVersion = oldVersion.replace(/\+.*$/, '') + '+0000deadbeef';
    assert.notEqual(newVersion, oldVersion);
    deployVersion(copy.site, oldVersion, newVersion);
    assert.deepEqual(await checkForUpdate(page), { waiting: true, state: 'installed' });
    await page.waitForFunction(() => window.sellerConsole.pwa.updateAvailable === true, null, { timeout: 10_000 });
    // The console's banner ("Update available — Reload") follows.
    await waitForSnapshot(page, (snap) => snap.update_available === true, { what: 'the update banner' });
    const running = await page.evaluate(() => ({ cacheVersion: window.sellerConsole.pwa.cacheVersion, version: window.sellerConsole.version }));
    assert.deepEqual(running, { cacheVersion: oldVersion, version: oldVersion }, 'the old build keeps running');
    assert.deepEqual(Object.keys(await cacheContents(page)).sort(), [CACHE_PREFIX + newVersion, CACHE_PREFIX + oldVersion].sort());

    await Promise.all([
      page.waitForEvent('load', { timeout: 30_000 }),
      page.evaluate(() => window.sellerConsole.pwa.applyUpdate()),
    ]);
    await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady, null, { timeout: 30_000 });
    await page.waitForFunction((v) => window.sellerConsole.pwa.cacheVersion === v, newVersion, { timeout: 10_000 });
    const after = await page.evaluate(() => ({ version: window.sellerConsole.version, pwa: window.sellerConsole.pwa }));
    assert.equal(after.version, newVersion, 'the page runs the new build');
    assert.equal(after.pwa.controlled, true);
    assert.equal(after.pwa.updateAvailable, false);
    assert.equal((await snapshot(page)).update_available, false);
    assert.deepEqual(Object.keys(await cacheContents(page)), [CACHE_PREFIX + newVersion], 'the old cache is gone');
    assert.deepEqual(errors, []);
  } finally {
    copy.stop();
  }
});

test('pwa: a broken deploy is not installed and the running build keeps working', async ({ context, repoRoot, buildDir }) => {
  const copy = await serveCopy(repoRoot, buildDir);
  try {
    const { page, errors } = await openConsole(context, copy.server.url);
    const oldVersion = await page.evaluate(() => window.sellerConsole.version);
    await waitControlled(page);
    const newVersion = oldVersion.replace(/\+.*$/, '') + '+0000deadbeef';
    const expectOnlyOld = async (what) => {
      assert.deepEqual(Object.keys(await cacheContents(page)), [CACHE_PREFIX + oldVersion], `${what}: no half-filled cache`);
      assert.equal(await page.evaluate(() => window.sellerConsole.pwa.updateAvailable), false, `${what}: no update offered`);
    };

    // One precached file missing: the install fails as a whole.
    deployVersion(copy.site, oldVersion, newVersion);
    const icon = readFileSync(join(copy.site, 'icon-512.png'));
    rmSync(join(copy.site, 'icon-512.png'));
    assert.deepEqual(await checkForUpdate(page), { waiting: false, state: 'redundant' });
    await expectOnlyOld('a missing file');

    // A deploy caught half-way: sw.js is new, the page still the old build.
    writeFileSync(join(copy.site, 'icon-512.png'), icon);
    const shellPage = readFileSync(join(copy.site, 'index.html'), 'utf8');
    writeFileSync(join(copy.site, 'index.html'), shellPage.split(JSON.stringify(newVersion)).join(JSON.stringify(oldVersion)));
    assert.deepEqual(await checkForUpdate(page), { waiting: false, state: 'redundant' });
    await expectOnlyOld('mixed builds');

    // The old build still serves a reload, and a complete deploy then installs.
    await page.reload();
    await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady, null, { timeout: 30_000 });
    await waitControlled(page);
    assert.equal(await page.evaluate(() => window.sellerConsole.pwa.cacheVersion), oldVersion);
    writeFileSync(join(copy.site, 'index.html'), shellPage);
    assert.deepEqual(await checkForUpdate(page), { waiting: true, state: 'installed' });
    await page.waitForFunction(() => window.sellerConsole.pwa.updateAvailable === true, null, { timeout: 10_000 });
    assert.deepEqual(errors, []);
  } finally {
    copy.stop();
  }
});
