// Two stores in one queue, each on its own loopback demo server: the
// background refresh brings a posting added on one server and raises an
// alert (tab title, app badge), a batch ship across both stores reaches each
// server once, and a stopped server shows its error while the other works.
import assert from 'node:assert/strict';

import { clickItem, openConsole, snapshot, test, waitForInputHandled, waitForSnapshot } from './harness.mjs';
import { startSandbox } from './services.mjs';

// Two saved stores on the proxy-URL road (the servers answer CORS), the
// refresh every 6 s; the app badge recorded (headless Chromium has none).
async function seedStores(context, urlA, urlB) {
  await context.addInitScript(([a, b]) => {
    window.__badges = [];
    navigator.setAppBadge = (n) => { window.__badges.push(n); return Promise.resolve(); };
    navigator.clearAppBadge = () => { window.__badges.push(0); return Promise.resolve(); };
    if (localStorage.getItem('seller-console:stores')) return;  // a reload keeps what the app wrote
    localStorage.setItem('seller-console:stores', JSON.stringify([
      { id: 'store-a', name: 'Store A', road: 'proxy_url', clientId: '111', apiKey: 'key-a', proxyUrl: a },
      { id: 'store-b', name: 'Store B', road: 'proxy_url', clientId: '222', apiKey: 'key-b', proxyUrl: b },
    ]));
    localStorage.setItem('seller-console:active_store', 'store-a');
    localStorage.setItem('seller-console:refresh_minutes', '0.1');
  }, [urlA, urlB]);
}

async function post(url, body) {
  const reply = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
  assert.equal(reply.status, 200, `${url}: ${reply.status}`);
  return reply.json();
}

const storeOf = (s, id) => s.orders.stores.find((f) => f.id === id);

test('two stores in one queue: refresh, alert, a batch across stores, one store down', async ({ context, siteUrl, buildDir }) => {
  const a = await startSandbox(buildDir, ['--cors', '--no-arrivals', '--seed', '20261127']);
  const b = await startSandbox(buildDir, ['--cors', '--no-arrivals', '--seed', '20261128']);
  try {
    await seedStores(context, a.url, b.url);
    const { page, errors } = await openConsole(context, siteUrl);
    let s = await waitForSnapshot(page, (x) => x.orders.stores.length === 2 && x.orders.stores.every((f) => f.lastRefresh > 0 && f.count > 0),
      { what: 'both stores loaded', timeout: 30_000 });
    assert.equal(s.orders.refreshMinutes, 0.1);

    await clickItem(page, 'orders.all_stores');
    s = await waitForSnapshot(page, (x) => x.orders.allStores && new Set(x.orders.visible.map((r) => r.store)).size === 2,
      { what: 'All stores with rows of both' });
    assert.equal(s.orders.count, storeOf(s, 'store-a').count + storeOf(s, 'store-b').count);

    // A posting arrives at store B: the background refresh brings it, marked, and alerts it.
    const { added } = await post(b.url + '/__sandbox/postings/add', { count: 1 });
    const number = added[0];
    s = await waitForSnapshot(page, (x) => x.alerts.some((al) => al.posting === number),
      { what: 'the new posting alerted', timeout: 30_000 });
    const alert = s.alerts.find((al) => al.posting === number);
    assert.equal(alert.kind, 'new_order');
    assert.equal(alert.store, 'store-b');
    assert.equal(alert.seen, false);
    const row = s.orders.visible.find((r) => r.number === number);
    assert.ok(row, 'the new posting is listed');
    assert.equal(row.change, 'new');
    const unseen = s.alertState.unseen;
    assert.ok(unseen >= 1);
    assert.match(await page.title(), new RegExp(`^\\(${unseen}\\) `));
    assert.equal(await page.evaluate(() => window.__badges[window.__badges.length - 1]), unseen);

    // A batch across both stores: one shippable posting of each, selected together.
    const pick = (store) => s.orders.visible.slice(0, 12).find((r) => r.store === store && r.actions.includes('ship') && !r.marking);
    const first = pick('store-a');
    const second = pick('store-b');
    assert.ok(first && second, 'a shippable posting of each store near the top');
    await clickItem(page, `orders.row.${first.number}`);
    await waitForSnapshot(page, (x) => x.orders.open === first.number, { what: 'first row' });
    await page.keyboard.down('Control');
    await clickItem(page, `orders.row.${second.number}`);
    await page.keyboard.up('Control');
    await waitForSnapshot(page, (x) => x.orders.selectionCount === 2, { what: 'two selected' });
    const callsBefore = [await a.calls(), await b.calls()];
    const statusAt = async (server, posting) => {
      const reply = await fetch(server.url + '/__sandbox/postings/status', { method: 'POST', body: JSON.stringify({ posting_number: posting }) });
      return reply.status === 200 ? (await reply.json()).status : `HTTP ${reply.status}`;
    };
    await clickItem(page, 'orders.batch_ship');
    // Done when the first posting (open in the detail) is shipped and no ship is left in the batch or the outbox.
    await waitForSnapshot(page, (x) => x.orders.detail && x.orders.detail.ship === 'done' && x.orders.batchPending === 0 &&
      x.outbox.pending === 0, { what: 'the batch confirmed', timeout: 30_000 });
    assert.equal(await statusAt(a, first.number), 'awaiting_deliver');
    assert.equal(await statusAt(b, second.number), 'awaiting_deliver');
    assert.equal(await statusAt(a, second.number), 'HTTP 404', 'store B\'s posting never went to store A');
    assert.equal(await statusAt(b, first.number), 'HTTP 404');
    const ships = (calls, before) => (calls['/v4/posting/fbs/ship'] || 0) - (before['/v4/posting/fbs/ship'] || 0);
    assert.equal(ships(await a.calls(), callsBefore[0]), 1, 'store A got its ship once');
    assert.equal(ships(await b.calls(), callsBefore[1]), 1, 'store B got its ship once');

    // Store B's server stops: its row shows the error, store A keeps refreshing.
    await b.stop();
    s = await waitForSnapshot(page, (x) => storeOf(x, 'store-b').error !== '', { what: 'store B failing', timeout: 30_000 });
    const lastA = storeOf(s, 'store-a').lastRefresh;
    s = await waitForSnapshot(page, (x) => storeOf(x, 'store-a').lastRefresh > lastA && storeOf(x, 'store-a').error === '',
      { what: 'store A refreshed meanwhile', timeout: 30_000 });
    assert.ok(storeOf(s, 'store-b').count > 0, 'store B keeps its last list');
    await waitForInputHandled(page);
    assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e)), []);
  } finally {
    await a.stop();
    await b.stop();
  }
}, { timeout: 120_000 });

test('alerts: opening one shows its posting; notifications are asked on a click, never on load', async ({ context, siteUrl, buildDir }) => {
  const a = await startSandbox(buildDir, ['--cors', '--no-arrivals', '--seed', '20261127']);
  const b = await startSandbox(buildDir, ['--cors', '--no-arrivals', '--seed', '20261128']);
  try {
    await context.addInitScript(() => {
      window.__asked = 0;
      window.__shown = [];
      // A browser where the seller will say yes once asked.
      let permission = 'default';
      window.Notification = class {
        static get permission() { return permission; }
        static requestPermission() { window.__asked++; permission = 'granted'; return Promise.resolve('granted'); }
        constructor(title, options) { window.__shown.push(options.body); }
        close() {}
      };
    });
    await seedStores(context, a.url, b.url);
    const { page } = await openConsole(context, siteUrl);
    await waitForSnapshot(page, (x) => x.orders.stores.length === 2 && x.orders.stores.every((f) => f.lastRefresh > 0),
      { what: 'both stores loaded', timeout: 30_000 });
    assert.equal(await page.evaluate(() => window.__asked), 0, 'not asked on load');
    await clickItem(page, 'nav.alerts');
    await clickItem(page, 'alerts.allow_notifications');
    await waitForSnapshot(page, (x) => x.alertState.permission === 'granted', { what: 'permission granted' });
    assert.equal(await page.evaluate(() => window.__asked), 1);

    const { added } = await post(b.url + '/__sandbox/postings/add', { count: 1 });
    let s = await waitForSnapshot(page, (x) => x.alerts.some((al) => al.posting === added[0]),
      { what: 'the alert', timeout: 30_000 });
    await page.waitForFunction((n) => window.__shown.some((body) => body.includes(n)), added[0]);
    const alert = s.alerts.find((al) => al.posting === added[0]);
    await clickItem(page, `alerts.open.${alert.id}`);
    s = await waitForSnapshot(page, (x) => x.view === 'orders' && x.orders.open === added[0], { what: 'the posting open' });
    assert.ok(s.orders.allStores, 'another store\'s posting opens in All stores');
    assert.equal(s.alerts.find((al) => al.id === alert.id).seen, true);
  } finally {
    await a.stop();
    await b.stop();
  }
}, { timeout: 90_000 });
