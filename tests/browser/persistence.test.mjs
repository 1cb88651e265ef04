// Nothing typed is lost: drafts are written to IndexedDB while the seller
// types and come back after a reload, on the same screen and posting.
import assert from 'node:assert/strict';
import { test, openDemo, openPosting, clickItem, waitForCheck, waitForSnapshot } from './harness.mjs';

test('a tracking number typed half-way survives a reload, on the same posting', async ({ context, siteUrl }) => {
  const { page, errors } = await openDemo(context, siteUrl);
  await clickItem(page, 'orders.tab.awaiting_shipment');
  const snap = await waitForSnapshot(page, (s) => s.orders.tab === 'awaiting_shipment', { what: 'tab' });
  const posting = snap.orders.visible.find((p) => p.rfbs && p.actions.includes('set_track_number'));
  assert.ok(posting, 'the demo has an rFBS posting awaiting shipment');
  await openPosting(page, posting.number);
  await clickItem(page, 'delivery.tracking');
  await page.keyboard.type('RA1234', { delay: 5 });
  await waitForSnapshot(page, (s) => s.orders.detail.delivery.trackingText === 'RA1234', { what: 'typed' });
  // Reload as soon as the drafts are on disk (the app writes them 300 ms after
  // an edit; the issue allows 500 ms): the posting's typed text and the screen
  // showing that posting, read back from IndexedDB as the reload will.
  await waitForCheck(page, (number) => new Promise((resolve) => {
    const open = indexedDB.open('ozon-seller-console');
    open.onsuccess = () => {
      const drafts = open.result.transaction('drafts').objectStore('drafts');
      const work = drafts.get(`posting:${number}`);
      const ui = drafts.get('ui');
      ui.onsuccess = () => {
        resolve(String(work.result).includes('RA1234') && String(ui.result).includes(number));
        open.result.close();
      };
      ui.transaction.onerror = () => { resolve(false); open.result.close(); };
    };
    open.onerror = () => resolve(false);
  }), posting.number, { what: 'the drafts written to IndexedDB' });
  await page.reload();
  await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady === true, null, { timeout: 30_000 });
  const restored = await waitForSnapshot(page, (s) => s.orders.open === posting.number && s.orders.detail,
    { what: 'the posting reopened', timeout: 20_000 });
  assert.equal(restored.view, 'orders');
  assert.equal(restored.orders.detail.delivery.trackingText, 'RA1234');
  assert.equal(restored.device.storageError, '');
  // Typing goes on where it stopped.
  await clickItem(page, 'delivery.tracking');
  await page.keyboard.press('End');
  await page.keyboard.type('56RU', { delay: 5 });
  await waitForSnapshot(page, (s) => s.orders.detail.delivery.trackingText === 'RA123456RU', { what: 'typing continued' });
  assert.deepEqual(errors, []);
});

test('without IndexedDB (private mode) the console says so and still works', async ({ context, siteUrl }) => {
  await context.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }); });
  const { page, errors } = await openDemo(context, siteUrl);
  const snap = await waitForSnapshot(page, (s) => s.device.storageError !== '', { what: 'storage error shown' });
  assert.equal(snap.device.storageError, 'storage.unavailable');
  assert.ok(snap.orders.count > 0);
  await openPosting(page, snap.orders.visible[0].number);
  await clickItem(page, 'detail.check.items_picked');
  await waitForSnapshot(page, (s) => s.orders.detail.checklist.itemsPicked, { what: 'the edit still applies' });
  assert.deepEqual(errors, []);
});

test('a database written by the first schema version is upgraded in place: drafts and the outbox survive', async ({ context, siteUrl }) => {
  // What a console of schema version 1 left behind: its four stores, the seller's
  // screen (the Stores form half filled) and a change Ozon refused.
  await context.addInitScript(() => {
    if (sessionStorage.getItem('v1-written')) return;
    sessionStorage.setItem('v1-written', '1');
    const open = indexedDB.open('ozon-seller-console', 1);
    open.onupgradeneeded = () => {
      for (const name of ['drafts', 'outbox', 'postings', 'meta']) open.result.createObjectStore(name);
    };
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['drafts', 'outbox'], 'readwrite');
      tx.objectStore('drafts').put(JSON.stringify({ v: 1, view: 'stores', open: '', paste: '', paste_open: false,
        store_form: { id: '(unsaved)', name: 'Shop typed before the upgrade', road: 'local_proxy', clientId: '777', apiKey: '', proxyUrl: '' } }), 'ui');
      tx.objectStore('outbox').put(JSON.stringify({ v: 1, id: 7, store_id: 'demo', kind: 'ship', posting_number: '0000000-0000-1',
        path: '/v4/posting/fbs/ship', body: '{}', draft_key: 'posting:0000000-0000-1', state: 'failed', attempts: 1,
        failures_in_row: 0, outcome_unknown: false, last_error: 'POSTING_NOT_FOUND', next_attempt_at: 0, created_at: 1,
        updated_at: 1, result_body: '', skipped_as_already_done: false, durable: true }), '00000000000000000007');
      tx.oncomplete = () => db.close();
    };
  });
  const { page, errors } = await openDemo(context, siteUrl);
  const snap = await waitForSnapshot(page, (s) => s.device.draftsLoaded && s.view === 'stores' && s.outbox.failed === 1,
    { what: 'the old drafts and outbox restored', timeout: 20_000 });
  assert.equal(snap.stores.formName, 'Shop typed before the upgrade');
  assert.equal(snap.device.storageError, '');
  const stores = await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('ozon-seller-console');
    open.onsuccess = () => { resolve({ version: open.result.version, names: [...open.result.objectStoreNames].sort() }); open.result.close(); };
  }));
  assert.equal(stores.version, 2);
  assert.deepEqual(stores.names, ['catalog', 'drafts', 'meta', 'outbox', 'postings']);
  assert.deepEqual(errors, []);
});
