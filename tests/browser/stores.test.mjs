// Connecting a store through the real UI: typing Client-Id and Api-Key,
// "Test connection" in plain words, saving, and the orders that follow.
import assert from 'node:assert/strict';
import { test, openConsole, clickItem, snapshot, typeInto, waitForItem, waitForSnapshot, fillStoreForm } from './harness.mjs';
import { createServer } from 'node:http';
import { startSandbox, startServe } from './services.mjs';

async function testConnection(page) {
  const before = (await snapshot(page)).stores.checkCount;
  await clickItem(page, 'stores.test');
  return waitForSnapshot(page, (s) => s.stores.checkCount > before && s.stores.check !== 'running',
    { what: 'connection check', timeout: 20_000 });
}

test('connect a store through serve.py --proxy: wrong key, right key, save, orders', async ({ context, repoRoot, buildDir }) => {
  const sandbox = await startSandbox(buildDir);
  const proxied = await startServe(repoRoot, buildDir, ['--proxy', '--proxy-target', sandbox.url]);
  try {
    const { page, errors } = await openConsole(context, proxied.url);
    const consoleText = [];
    page.on('console', (m) => consoleText.push(m.text()));
    await fillStoreForm(page, { name: 'Main store', clientId: '123456', apiKey: 'bad-key' });
    await clickItem(page, 'stores.road.local_proxy');

    let snap = await testConnection(page);
    assert.equal(snap.stores.check, 'failed');
    assert.equal(snap.stores.checkProblem, 'problem.wrong_api_key', JSON.stringify(snap.stores));

    await typeInto(page, 'stores.api_key', 'seller-key-42');
    snap = await testConnection(page);
    assert.equal(snap.stores.check, 'ok', JSON.stringify(snap.stores));
    assert.equal(snap.stores.checkWarehouses, 3);

    await clickItem(page, 'stores.save');
    snap = await waitForSnapshot(page, (s) => s.stores.active.road === 'local_proxy' && s.orders.count > 0,
      { what: 'orders from the saved store', timeout: 20_000 });
    assert.equal(snap.view, 'orders');
    assert.equal(snap.stores.saved.length, 1);
    assert.equal(snap.stores.saved[0].name, 'Main store');
    assert.equal(snap.stores.saved[0].hasApiKey, true);
    assert.ok(!JSON.stringify(snap).includes('seller-key-42'), 'the snapshot never carries the key');

    // The choice survives a reload.
    await page.reload();
    await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady);
    snap = await waitForSnapshot(page, (s) => s.orders.count > 0, { what: 'orders after reload', timeout: 20_000 });
    assert.equal(snap.stores.active.road, 'local_proxy');

    assert.ok(!consoleText.some((t) => t.includes('seller-key-42')), 'the key is never printed to the console');
    assert.ok(!proxied.stderr().includes('seller-key-42'), 'serve.py never logs the key');
    // Chromium itself logs the refused call (the wrong key's 403); nothing else may fail.
    assert.deepEqual(errors.filter((e) => !e.includes('status of 403')), []);
  } finally {
    sandbox.stop();
    proxied.stop();
  }
});

test('serve.py without --proxy: the test says to start it with --proxy; Save asks, Cancel keeps the form, Save anyway saves', async ({ context, repoRoot, buildDir }) => {
  const plain = await startServe(repoRoot, buildDir);  // no --proxy: /ozon/ is not forwarded
  try {
    const { page } = await openConsole(context, plain.url);
    await fillStoreForm(page, { name: 'Proxy later', clientId: '123456', apiKey: 'some-key' });
    await clickItem(page, 'stores.road.local_proxy');
    let snap = await testConnection(page);
    assert.equal(snap.stores.check, 'failed', JSON.stringify(snap.stores));
    assert.equal(snap.stores.checkProblem, 'problem.proxy_off', JSON.stringify(snap.stores));

    await clickItem(page, 'stores.save');
    snap = await waitForSnapshot(page, (s) => s.stores.saveAsking, { what: '"Save anyway?" asked' });
    assert.equal(snap.stores.saved.length, 0, 'nothing saved before the answer');

    await clickItem(page, 'stores.save_cancel');
    snap = await waitForSnapshot(page, (s) => !s.stores.saveAsking, { what: 'the question gone on Cancel' });
    assert.equal(snap.view, 'stores');
    assert.equal(snap.stores.saved.length, 0);
    assert.equal(snap.stores.formName, 'Proxy later', 'Cancel keeps the form');
    assert.equal(snap.stores.formHasKey, true);
    assert.equal(snap.stores.checkProblem, 'problem.proxy_off');

    await clickItem(page, 'stores.save');
    await waitForSnapshot(page, (s) => s.stores.saveAsking, { what: 'asked again' });
    await clickItem(page, 'stores.save_anyway');
    snap = await waitForSnapshot(page, (s) => s.stores.saved.length === 1 && s.stores.active.road === 'local_proxy',
      { what: 'the store saved anyway' });
    assert.equal(snap.stores.saved[0].name, 'Proxy later');
    assert.equal(snap.stores.saveAsking, false);
  } finally {
    plain.stop();
  }
});

test('the connection test explains a CORS refusal and an unreachable proxy', async ({ context, siteUrl, buildDir }) => {
  const sandbox = await startSandbox(buildDir);  // no --cors: answers like Ozon, without CORS headers
  try {
    const { page } = await openConsole(context, siteUrl);
    await fillStoreForm(page, { name: 'Test', clientId: '123456', apiKey: 'some-key' });
    await clickItem(page, 'stores.road.proxy_url');
    // The field is drawn for this road only. ImGui takes about one key event a
    // frame, so the click waits behind the keys typed above (seconds here).
    await waitForItem(page, 'stores.proxy_url', { timeout: 20_000 });
    await typeInto(page, 'stores.proxy_url', sandbox.url);
    let snap = await testConnection(page);
    assert.equal(snap.stores.checkProblem, 'problem.cors_refused', JSON.stringify(snap.stores));

    await typeInto(page, 'stores.proxy_url', 'http://127.0.0.1:9');
    snap = await testConnection(page);
    assert.equal(snap.stores.checkProblem, 'problem.proxy_unreachable', JSON.stringify(snap.stores));
  } finally {
    sandbox.stop();
  }
});

test('a proxy that redirects never gets the key carried on: the call fails and says why', async ({ context, siteUrl }) => {
  // The redirect's target allows any cross-origin call and records the headers it is sent.
  const seen = [];
  const collector = createServer((req, res) => {
    seen.push({ method: req.method, key: req.headers['api-key'] || '' });
    res.writeHead(req.method === 'OPTIONS' ? 204 : 200, {
      'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': '*',
      'Content-Type': 'application/json',
    });
    res.end(req.method === 'OPTIONS' ? '' : '{"result":[]}');
  });
  await new Promise((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const collectorUrl = `http://127.0.0.1:${collector.address().port}`;
  const redirecting = createServer((req, res) => {
    res.writeHead(req.method === 'OPTIONS' ? 204 : 307, {
      'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': '*',
      Location: collectorUrl + req.url,
    });
    res.end();
  });
  await new Promise((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
  try {
    const { page } = await openConsole(context, siteUrl);
    await fillStoreForm(page, { name: 'Redirected', clientId: '123456', apiKey: 'key-that-must-stay' });
    await clickItem(page, 'stores.road.proxy_url');
    await typeInto(page, 'stores.proxy_url', `http://127.0.0.1:${redirecting.address().port}/ozon`);
    const snap = await testConnection(page);
    assert.equal(snap.stores.check, 'failed', JSON.stringify(snap.stores));
    assert.match(snap.stores.checkDetail, /redirect/);
    assert.deepEqual(seen.filter((r) => r.key !== ''), [], 'the redirect target never saw the key');
  } finally {
    collector.close();
    redirecting.close();
  }
});

test('a store whose key the device does not remember asks for it after a reload, and keeps it out of storage', async ({ context, repoRoot, buildDir }) => {
  const sandbox = await startSandbox(buildDir);
  const proxied = await startServe(repoRoot, buildDir, ['--proxy', '--proxy-target', sandbox.url]);
  try {
    const { page } = await openConsole(context, proxied.url);
    await fillStoreForm(page, { name: 'Shared PC', clientId: '123456', apiKey: 'shared-pc-key' });
    await clickItem(page, 'stores.road.local_proxy');
    await clickItem(page, 'stores.remember_key');
    await waitForSnapshot(page, (s) => s.stores.formHasKey && !s.stores.formRemembersKey, { what: 'the form, the key not to be remembered' });
    await clickItem(page, 'stores.save');
    let snap = await waitForSnapshot(page, (s) => s.stores.active.road === 'local_proxy' && s.orders.count > 0,
      { what: 'orders from the store', timeout: 20_000 });
    assert.equal(snap.stores.saved[0].rememberKey, false);
    const stored = await page.evaluate(() => JSON.stringify(Object.assign({}, localStorage)));
    assert.ok(!stored.includes('shared-pc-key'), 'the key is not in localStorage');

    // What the page reads in the background (the buyers' chats) has landed.
    await waitForSnapshot(page, (s) => s.chats.loaded && !s.chats.reading, { what: 'chats read', timeout: 20_000 });
    const total = (calls) => Object.values(calls).reduce((a, b) => a + b, 0);
    const callsBefore = total(await sandbox.calls());
    await page.reload();
    await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady);
    snap = await waitForSnapshot(page, (s) => s.stores.keyNeeded && s.device.draftsLoaded, { what: 'the console asking for the key' });
    assert.equal(snap.view, 'stores');
    assert.equal(snap.orders.loading, false, 'nothing is asked of Ozon without the key');
    assert.equal(total(await sandbox.calls()), callsBefore);
    await typeInto(page, 'stores.api_key', 'shared-pc-key');
    await clickItem(page, 'stores.save');
    snap = await waitForSnapshot(page, (s) => !s.stores.keyNeeded && s.orders.count > 0, { what: 'orders again', timeout: 20_000 });
  } finally {
    sandbox.stop();
    proxied.stop();
  }
});
