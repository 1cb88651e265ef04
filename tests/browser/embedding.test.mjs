// The console inside a seller portal's iframe (another origin): configured
// through the documented postMessage protocol, it lists postings from the
// loopback demo marketplace over the bridge and over serve.py --proxy.
import assert from 'node:assert/strict';
import { test } from './harness.mjs';
import { startSandbox, startServe, startPortal, portalPage } from './services.mjs';

async function consoleFrame(page, consoleOrigin) {
  await page.waitForFunction((origin) => [...document.querySelectorAll('iframe')].some((f) => f.src.startsWith(origin)), consoleOrigin);
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().startsWith(consoleOrigin));
    if (frame) {
      await frame.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady, null, { timeout: 30_000 });
      return frame;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('the console frame did not appear');
}

async function waitForFrameSnapshot(frame, predicate, what, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await frame.evaluate(() => window.sellerConsole.snapshot());
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last).slice(0, 600)}`);
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
    const snap = await waitForFrameSnapshot(frame, (s) => s.orders.count > 0, 'postings over the bridge');
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
    const snap = await waitForFrameSnapshot(frame, (s) => s.orders.count > 0, 'postings over the proxy');
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
    // The foreign page also pushes a configure without waiting for hello.
    await page.evaluate((origin) => {
      const target = document.getElementById('console').contentWindow;
      for (let i = 0; i < 3; i++) {
        target.postMessage({ type: 'seller-console:configure', clientId: '1', apiKey: 'evil',
          apiBaseUrl: 'http://127.0.0.1:9/steal', bridge: false, lang: 'zh' }, origin);
      }
    }, new URL(siteUrl).origin);
    await page.waitForTimeout(1000);
    const snap = await frame.evaluate(() => window.sellerConsole.snapshot());
    assert.equal(snap.embedding.configured, false);
    assert.notEqual(snap.stores.active.road, 'portal_fetch');
    assert.notEqual(snap.lang, 'zh');
    const log = await page.evaluate(() => window.protocolLog);
    assert.deepEqual(log, [], 'the console never said hello to a foreign origin');
  } finally {
    foreign.stop();
  }
});
