// The console inside a seller portal's iframe (another origin): configured
// through the documented postMessage protocol, it lists postings from the
// loopback demo marketplace over the bridge and over serve.py --proxy.
import assert from 'node:assert/strict';
import { test, waitForSnapshot } from './harness.mjs';
import { startSandbox, startServe, startPortal, portalPage } from './services.mjs';

// The console's iframe (its src starts with `consoleOrigin`) once its first frame is drawn.
async function consoleFrame(page, consoleOrigin) {
  const element = await page.waitForSelector(`iframe[src^="${consoleOrigin}/"]`, { state: 'attached' });
  const frame = await element.contentFrame();
  await frame.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady, null, { timeout: 30_000 });
  assert.ok(frame.url().startsWith(consoleOrigin), `the console frame is at ${frame.url()}`);
  return frame;
}

test('embedded over the bridge: configure, then postings from ozon_sandbox through the portal', async ({ context, siteUrl, buildDir }) => {
  const sandbox = await startSandbox(buildDir);
  const portal = await startPortal({
    page: (origin) => portalPage({
      consoleUrl: `${siteUrl}/?embedder=${encodeURIComponent(origin)}`,
      configure: { clientId: '123456', apiKey: 'unused-by-bridge', bridge: true, lang: 'ru' },
    }),
    apiTarget: sandbox.url,
  });
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
  } finally {
    sandbox.stop();
    portal.stop();
  }
});

test('embedded with apiBaseUrl: the console fetches serve.py --proxy, which forwards to ozon_sandbox', async ({ context, repoRoot, buildDir }) => {
  const sandbox = await startSandbox(buildDir);
  const proxied = await startServe(repoRoot, buildDir, ['--proxy', '--proxy-target', sandbox.url]);
  const portal = await startPortal({
    page: (origin) => portalPage({
      consoleUrl: `${proxied.url}/?embedder=${encodeURIComponent(origin)}`,
      configure: { clientId: '123456', apiKey: 'seller-key', apiBaseUrl: `${proxied.url}/ozon`, bridge: false },
    }),
  });
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

test('a configure message from a foreign origin is ignored', async ({ context, siteUrl }) => {
  // The console trusts only http://127.0.0.1:1 (its ?embedder=) but is embedded by another origin.
  const foreign = await startPortal({
    page: () => portalPage({
      consoleUrl: `${siteUrl}/?embedder=${encodeURIComponent('http://127.0.0.1:1')}`,
      configure: { clientId: '1', apiKey: 'evil', apiBaseUrl: 'http://127.0.0.1:9/steal', bridge: false, lang: 'zh' },
    }),
  });
  try {
    const page = await context.newPage();
    await page.goto(foreign.url + '/');
    const frame = await consoleFrame(page, siteUrl);
    // Messages reach a window in the order they were posted, and the console's
    // listener (added at start) runs before one added now: once the marker
    // posted after the configures arrives, the console has handled them.
    await frame.evaluate(() => {
      window.testMessages = [];
      window.addEventListener('message', (event) => window.testMessages.push(event.data && event.data.type));
    });
    // The foreign page also pushes a configure without waiting for hello.
    await page.evaluate((origin) => {
      const target = document.getElementById('console').contentWindow;
      for (let i = 0; i < 3; i++) {
        target.postMessage({ type: 'seller-console:configure', clientId: '1', apiKey: 'evil',
          apiBaseUrl: 'http://127.0.0.1:9/steal', bridge: false, lang: 'zh' }, origin);
      }
      target.postMessage({ type: 'test:marker' }, origin);
    }, new URL(siteUrl).origin);
    await frame.waitForFunction(() => window.testMessages.includes('test:marker'), null, { timeout: 10_000 });
    assert.equal((await frame.evaluate(() => window.testMessages)).length, 4, 'the three configures arrived first');
    const snap = await frame.evaluate(() => window.sellerConsole.snapshot());
    assert.equal(snap.embedding.configured, false);
    assert.notEqual(snap.stores.active.road, 'portal_fetch');
    assert.notEqual(snap.lang, 'zh');
    // The console's hello went out at start, before its first frame; a marker
    // the console's window posts now reaches the portal after it would have.
    await frame.evaluate(() => window.parent.postMessage({ type: 'test:marker' }, '*'));
    await page.waitForFunction(() => window.protocolLog.includes('test:marker'), null, { timeout: 10_000 });
    const log = await page.evaluate(() => window.protocolLog);
    assert.deepEqual(log, ['test:marker'], 'the console never said hello to a foreign origin');
  } finally {
    foreign.stop();
  }
});
