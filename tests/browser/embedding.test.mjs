// The console inside a seller portal's iframe (another origin): configured
// through the documented postMessage protocol, it lists postings from the
// loopback demo marketplace over the bridge and over serve.py --proxy. Only a
// portal the site lists (serve.py --portal) may frame it and talk to it; in a
// browser that refuses storage to third-party frames the portal keeps its records.
import assert from 'node:assert/strict';
import { test, waitForFrames, waitForItem, waitForSnapshot } from './harness.mjs';
import { startSandbox, startServe, startStaticSite, startPortal, portalPage } from './services.mjs';

// A portal page whose console URL is known only once the console's server
// (which must list the portal's origin) is up: `console.url` is set then.
async function startPortalFor(configure, { apiTarget, consolePath = '/' } = {}) {
  const target = { url: '' };
  const portal = await startPortal({
    page: (origin) => portalPage({
      consoleUrl: `${target.url}${consolePath}?embedder=${encodeURIComponent(origin)}`,
      configure,
    }),
    apiTarget,
  });
  return { portal, console: target };
}

// Clicks the widget `name` inside the console's iframe through the page's
// mouse; resolves once the frame has drawn the frames a click asks for.
async function clickInFrame(page, frame, name) {
  const box = await (await page.$('iframe#console')).boundingBox();
  const rect = await waitForItem(frame, name);
  const x = box.x + rect.x + rect.w / 2;
  const y = box.y + rect.y + rect.h / 2;
  const drawn = await frame.evaluate(() => window.sellerConsole.framesDrawn());
  await page.mouse.move(x - 1, y);
  await page.mouse.move(x, y);
  const hovered = await waitForFrames(frame, 2, { since: drawn });  // ImGui saw the pointer there
  await page.mouse.down();
  await page.mouse.up();
  await waitForFrames(frame, 4, { since: hovered });  // press and release applied
}

// The console's iframe (its src starts with `consoleOrigin`) once its first frame is drawn.
async function consoleFrame(page, consoleOrigin) {
  const element = await page.waitForSelector(`iframe[src^="${consoleOrigin}/"]`, { state: 'attached' });
  const frame = await element.contentFrame();
  await frame.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady, null, { timeout: 30_000 });
  assert.ok(frame.url().startsWith(consoleOrigin), `the console frame is at ${frame.url()}`);
  return frame;
}

test('embedded over the bridge: configure, then postings from ozon_sandbox through the portal', async ({ context, repoRoot, buildDir }) => {
  const sandbox = await startSandbox(buildDir);
  const { portal, console: target } = await startPortalFor(
    { clientId: '123456', apiKey: 'unused-by-bridge', bridge: true, lang: 'ru' }, { apiTarget: sandbox.url });
  const served = await startServe(repoRoot, buildDir, ['--portal', portal.url]);
  target.url = served.url;
  const siteUrl = served.url;
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(portal.url + '/');
    const frame = await consoleFrame(page, siteUrl);
    const snap = await waitForSnapshot(frame, (s) => s.orders.count > 0, { what: 'postings over the bridge', timeout: 20_000 });
    assert.equal(snap.embedding.configured, true);
    assert.equal(snap.embedding.origin, portal.url);
    assert.equal(snap.stores.active.road, 'portal_bridge');
    assert.equal(snap.lang, 'ru', 'the portal chose the language');
    const calls = await sandbox.calls();
    assert.ok(calls['/v4/posting/fbs/list'] >= 1, `the sandbox served the list: ${JSON.stringify(calls)}`);
    const log = await page.evaluate(() => window.protocolLog);
    assert.equal(log[0], 'seller-console:hello');
    assert.ok(log.includes('seller-console:request'));
    assert.deepEqual(errors, []);
    assert.equal(snap.embedding.storeId, `portal:${portal.url}#123456`, 'the store is this portal and account');
  } finally {
    sandbox.stop();
    portal.stop();
    served.stop();
  }
});

test('embedded with apiBaseUrl: the console fetches serve.py --proxy, which forwards to ozon_sandbox', async ({ context, repoRoot, buildDir }) => {
  const sandbox = await startSandbox(buildDir);
  const target = { url: '' };
  const portal = await startPortal({
    page: (origin) => portalPage({
      consoleUrl: `${target.url}/?embedder=${encodeURIComponent(origin)}`,
      configure: { clientId: '123456', apiKey: 'seller-key', apiBaseUrl: `${target.url}/ozon`, bridge: false },
    }),
  });
  const proxied = await startServe(repoRoot, buildDir, ['--proxy', '--proxy-target', sandbox.url, '--portal', portal.url]);
  target.url = proxied.url;
  try {
    const page = await context.newPage();
    await page.goto(portal.url + '/');
    const frame = await consoleFrame(page, proxied.url);
    const snap = await waitForSnapshot(frame, (s) => s.orders.count > 0, { what: 'postings over the proxy', timeout: 20_000 });
    assert.equal(snap.stores.active.road, 'portal_fetch');
    const calls = await sandbox.calls();
    assert.ok(calls['/v4/posting/fbs/list'] >= 1);
    assert.ok(!proxied.stderr().includes('seller-key'), 'serve.py never logs the key');
  } finally {
    sandbox.stop();
    proxied.stop();
    portal.stop();
  }
});

test('a page that only names a listed portal in ?embedder= gets nothing, and the console says why', async ({ context, buildDir }) => {
  // The site (a static host sending no CSP, so the frame loads) trusts only
  // http://127.0.0.1:1, which the page claims to be; the browser's
  // location.ancestorOrigins tells the truth.
  const site = await startStaticSite(buildDir, { portals: ['http://127.0.0.1:1'] });
  const foreign = await startPortal({
    page: () => portalPage({
      consoleUrl: `${site.url}/?embedder=${encodeURIComponent('http://127.0.0.1:1')}`,
      configure: { clientId: '1', apiKey: 'evil', apiBaseUrl: 'https://127.0.0.1:9/steal', bridge: false, lang: 'zh' },
    }),
  });
  try {
    const page = await context.newPage();
    await page.goto(foreign.url + '/');
    const frame = await consoleFrame(page, site.url);
    const refused = await waitForSnapshot(frame, (s) => s.embedding.refused !== '', { what: 'the refusal' });
    assert.equal(refused.embedding.refused, 'embed.not_parent');
    assert.equal(refused.embedding.refusedDetail, foreign.url);
    // Messages reach a window in the order they were posted, and the console's
    // listener (had it added one at start) runs before one added now: once the
    // marker posted after the configures arrives, the console has handled them.
    await frame.evaluate(() => {
      window.testMessages = [];
      window.addEventListener('message', (event) => window.testMessages.push(event.data && event.data.type));
    });
    // The foreign page also pushes a configure without waiting for hello.
    await page.evaluate((origin) => {
      const target = document.getElementById('console').contentWindow;
      for (let i = 0; i < 3; i++) {
        target.postMessage({ type: 'seller-console:configure', clientId: '1', apiKey: 'evil',
          apiBaseUrl: 'https://127.0.0.1:9/steal', bridge: false, lang: 'zh' }, origin);
      }
      target.postMessage({ type: 'test:marker' }, origin);
    }, new URL(site.url).origin);
    await frame.waitForFunction(() => window.testMessages.includes('test:marker'), null, { timeout: 10_000 });
    assert.equal((await frame.evaluate(() => window.testMessages)).length, 4, 'the three configures arrived first');
    const snap = await frame.evaluate(() => window.sellerConsole.snapshot());
    assert.equal(snap.embedding.configured, false);
    assert.notEqual(snap.stores.active.road, 'portal_fetch');
    assert.notEqual(snap.lang, 'zh');
    // The console's hello would have gone out at start, before its first
    // frame; a marker the console's window posts now reaches the portal after it would have.
    await frame.evaluate(() => window.parent.postMessage({ type: 'test:marker' }, '*'));
    await page.waitForFunction(() => window.protocolLog.includes('test:marker'), null, { timeout: 10_000 });
    const log = await page.evaluate(() => window.protocolLog);
    assert.deepEqual(log, ['test:marker'], 'the console never said hello to a page it does not trust');
  } finally {
    foreign.stop();
    site.stop();
  }
});

test('a portal the site does not list gets nothing; serve.py lets only listed portals frame the console', async ({ context, repoRoot, buildDir }) => {
  const site = await startStaticSite(buildDir, { portals: [] });
  const { portal, console: target } = await startPortalFor({ clientId: '1', apiKey: 'k', bridge: true });
  target.url = site.url;
  const served = await startServe(repoRoot, buildDir, ['--portal', 'https://listed.example']);
  try {
    const page = await context.newPage();
    await page.goto(portal.url + '/');
    const frame = await consoleFrame(page, site.url);
    const snap = await waitForSnapshot(frame, (s) => s.embedding.refused !== '', { what: 'the refusal' });
    assert.equal(snap.embedding.refused, 'embed.unlisted');
    assert.equal(snap.embedding.refusedDetail, portal.url);
    assert.equal(snap.embedding.configured, false);
    // serve.py answers with the CSP that keeps the portal out, and lists whom it trusts.
    const index = await fetch(served.url + '/');
    assert.match(index.headers.get('content-security-policy'), /frame-ancestors 'self' https:\/\/listed\.example(;|$)/);
    assert.deepEqual(await (await fetch(served.url + '/portals.json')).json(), { portals: ['https://listed.example'] });
  } finally {
    portal.stop();
    site.stop();
    served.stop();
  }
});

test('in a browser that refuses storage to third-party frames, the portal keeps the drafts: one survives a reload', async ({ context, repoRoot, buildDir }) => {
  // The portal is on 127.0.0.1 and the console on localhost: two sites, so
  // the console's frame is third-party and Chromium refuses it IndexedDB.
  const { portal, console: target } = await startPortalFor({ clientId: '55', bridge: true, storage: true });
  const served = await startServe(repoRoot, buildDir, ['--portal', portal.url]);
  const consoleUrl = served.url.replace('127.0.0.1', 'localhost');
  target.url = consoleUrl;
  try {
    const page = await context.newPage();
    await page.goto(portal.url + '/');
    let frame = await consoleFrame(page, consoleUrl);
    const before = await waitForSnapshot(frame, (s) => s.device.storageMode !== 'unknown' && s.device.draftsLoaded,
      { what: 'storage opened' });
    assert.equal(before.device.storageMode, 'portal', 'IndexedDB is refused to the frame: the portal keeps the records');
    await clickInFrame(page, frame, 'nav.stores');
    await waitForSnapshot(frame, (s) => s.view === 'stores', { what: 'the stores screen' });
    await clickInFrame(page, frame, 'stores.name');
    await page.keyboard.type('Sklad 7', { delay: 10 });
    await waitForSnapshot(frame, (s) => s.stores.formName === 'Sklad 7', { what: 'the typed name' });
    // Waited on where it lands (the portal's localStorage), not on the write
    // counter: on a slow machine the write can come before the snapshot that
    // would count from it.
    await page.waitForFunction(() => (localStorage.getItem('console-records') || '').includes('Sklad 7'), null,
      { timeout: 15_000 });

    await page.reload();
    frame = await consoleFrame(page, consoleUrl);
    const after = await waitForSnapshot(frame, (s) => s.stores.formName === 'Sklad 7', { what: 'the draft back after a reload' });
    assert.equal(after.view, 'stores');
    assert.equal(after.device.storageMode, 'portal');
  } finally {
    portal.stop();
    served.stop();
  }
});
