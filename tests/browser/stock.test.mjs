// The Stock screen through the real UI against the loopback demo
// marketplace (ozon_sandbox behind serve.py's proxy): edit cells and paste
// lines, push, read back; a refused item shows its error on its row; an edit
// survives a reload; edits pushed offline queue and go once.
import assert from 'node:assert/strict';
import { test, openConsole, openDemo, clickItem, typeInto, waitForSnapshot, waitForItem, waitForCheck, fillStoreForm, waitForInputHandled } from './harness.mjs';
import { startSandbox, startServe } from './services.mjs';

const STOCKS = '/v2/products/stocks';

async function openStockOfStore(context, repoRoot, buildDir) {
  const sandbox = await startSandbox(buildDir);
  const proxied = await startServe(repoRoot, buildDir, ['--proxy', '--proxy-target', sandbox.url]);
  const { page, errors } = await openConsole(context, proxied.url);
  await fillStoreForm(page, { name: 'Stock store', clientId: '123456', apiKey: 'seller-key-42' });
  await clickItem(page, 'stores.road.local_proxy');
  await clickItem(page, 'stores.save');
  await waitForSnapshot(page, (s) => s.stores.active.road === 'local_proxy' && s.orders.count > 0, { what: 'the store', timeout: 30_000 });
  await clickItem(page, 'nav.stock');
  const snap = await waitForSnapshot(page, (s) => s.view === 'stock' && s.stock.loaded && s.stock.rows.length > 0,
    { what: 'stock rows', timeout: 30_000 });
  return { sandbox, proxied, page, errors, snap, stop: async () => { await proxied.stop(); await sandbox.stop(); } };
}

// Rows with nothing reserved or asked for: their free stock is the seller's to set.
function quietRows(snap) {
  return snap.stock.rows.filter((r) => r.reserved === 0 && r.demand === 0);
}

// Shows only this offer's rows, then types the value into its cell at the warehouse.
async function editCell(page, row, value) {
  await typeInto(page, 'stock.search', row.offerId);
  await waitForSnapshot(page, (s) => s.stock.visible > 0 && s.stock.visible <= 10, { what: `rows of ${row.offerId}` });
  await typeInto(page, `stock.cell.${row.offerId}.${row.warehouseId}`, String(value));
  await waitForSnapshot(page, (s) => s.stock.pendingEdits.some((e) => e.offerId === row.offerId &&
    e.warehouseId === row.warehouseId && e.stock === value), { what: `the edit of ${row.offerId}` });
}

// Pastes `text` into the field as a seller does: the page's paste event
// carries the spreadsheet's text (headless Chromium fires none for a canvas,
// so the test dispatches it), then Ctrl+V reaches the field.
async function pasteInto(page, name, text) {
  await clickItem(page, name);
  await waitForInputHandled(page);
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data }));
  }, text);
  await page.keyboard.press('Control+V');
}

function freeOf(snap, row) {
  return snap.stock.rows.find((r) => r.offerId === row.offerId && r.warehouseId === row.warehouseId).free;
}

test('stock: edit two cells and paste ten lines, push, read back; a refused item shows its error on its row', async ({ context, repoRoot, buildDir }) => {
  const opened = await openStockOfStore(context, repoRoot, buildDir);
  const { page, errors, sandbox } = opened;
  try {
    const rows = quietRows(opened.snap);
    // Distinct offers: one per product keeps each search to one product's rows.
    const byOffer = [...new Map(rows.map((r) => [r.offerId, r])).values()];
    assert.ok(byOffer.length >= 13, `enough quiet products (${byOffer.length})`);
    const [first, second, tooBig] = byOffer;
    await editCell(page, first, 21);
    await editCell(page, second, 0);
    await editCell(page, tooBig, 5000000);  // Ozon refuses this one: too big

    // Ten lines pasted (offer; warehouse id; quantity) and one Ozon's catalogue does not have.
    const pasted = byOffer.slice(3, 13);
    const lines = pasted.map((r, i) => `${r.offerId};${r.warehouseId};${1030 + i}`);
    lines.push('NO-SUCH-OFFER;1;5');
    await clickItem(page, 'stock.paste');
    await waitForItem(page, 'stock.paste_text');
    await pasteInto(page, 'stock.paste_text', lines.join('\n'));
    let snap = await waitForSnapshot(page, (s) => s.stock.paste.lines === 10 && s.stock.paste.skipped.length === 1,
      { what: 'the paste preview' });
    assert.equal(snap.stock.paste.skipped[0].reason, 'unknown_offer');
    assert.equal(snap.stock.paste.skipped[0].line, 11);
    await clickItem(page, 'stock.paste_apply');
    snap = await waitForSnapshot(page, (s) => s.stock.pendingEdits.length === 13, { what: 'thirteen edits' });
    assert.ok(snap.stock.pendingEdits.every((e) => e.state === 'draft'));

    const before = (await sandbox.calls())[STOCKS] || 0;
    await clickItem(page, 'stock.push');
    snap = await waitForSnapshot(page, (s) => s.stock.pendingEdits.length === 1 && s.stock.pendingEdits[0].state === 'refused' &&
      freeOf(s, first) === 21 && freeOf(s, pasted[9]) === 1039,
      { what: 'accepted edits read back, the refused one kept', timeout: 30_000 });
    assert.equal(((await sandbox.calls())[STOCKS] || 0) - before, 1, 'thirteen items, one call');
    assert.equal(snap.stock.lastPush.sent, 13);
    assert.equal(snap.stock.lastPush.accepted, 12);
    assert.equal(freeOf(snap, second), 0);
    pasted.forEach((r, i) => assert.equal(freeOf(snap, r), 1030 + i));
    const refused = snap.stock.pendingEdits[0];
    assert.equal(refused.offerId, tooBig.offerId);
    assert.match(refused.code, /TOO_BIG/);
    assert.deepEqual(snap.stock.lastPush.errors.map((e) => e.offerId), [tooBig.offerId]);
    // On its row: search it and hover the cell, the row's state says why.
    await typeInto(page, 'stock.search', tooBig.offerId);
    await waitForItem(page, `stock.cell.${tooBig.offerId}.${tooBig.warehouseId}`);
    assert.deepEqual(errors, []);
  } finally {
    await opened.stop();
  }
}, { timeout: 120_000 });

test('stock: an edit survives a reload before it is pushed; offline pushes queue and go once', async ({ context, repoRoot, buildDir }) => {
  const opened = await openStockOfStore(context, repoRoot, buildDir);
  const { sandbox } = opened;
  let page = opened.page;
  try {
    const rows = quietRows(opened.snap);
    const byOffer = [...new Map(rows.map((r) => [r.offerId, r])).values()];
    const [kept, offline] = byOffer;
    await editCell(page, kept, 17);
    // Written to IndexedDB (the store's stock draft), not only held in memory.
    await waitForCheck(page, (offerId) => new Promise((resolve) => {
      const open = indexedDB.open('ozon-seller-console');
      open.onsuccess = () => {
        const all = open.result.transaction('drafts').objectStore('drafts').getAll();
        all.onsuccess = () => {
          resolve(all.result.some((v) => String(v).includes(offerId) && String(v).includes('"stock":17')));
          open.result.close();
        };
      };
      open.onerror = () => resolve(false);
    }), kept.offerId, { what: 'the stock draft in IndexedDB' });
    await page.reload();
    await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady === true, null, { timeout: 30_000 });
    let snap = await waitForSnapshot(page, (s) => s.view === 'stock' && s.stock.loaded &&
      s.stock.pendingEdits.some((e) => e.offerId === kept.offerId && e.stock === 17 && e.state === 'draft'),
      { what: 'the edit back after the reload', timeout: 30_000 });
    assert.notEqual(freeOf(snap, kept), 17, 'not pushed by the reload');

    // Offline: the push waits in the outbox; back online it goes once.
    const before = (await sandbox.calls())[STOCKS] || 0;
    await context.setOffline(true);
    await waitForSnapshot(page, (s) => s.device.online === false, { what: 'offline shown' });
    await editCell(page, offline, 3);
    await clickItem(page, 'stock.push');
    snap = await waitForSnapshot(page, (s) => s.outbox.pending === 1, { what: 'the push queued' });
    assert.equal((await sandbox.calls())[STOCKS] || 0, before, 'nothing sent while offline');
    await context.setOffline(false);
    snap = await waitForSnapshot(page, (s) => s.outbox.pending === 0 && s.stock.pendingEdits.length === 0 &&
      freeOf(s, offline) === 3 && freeOf(s, kept) === 17, { what: 'both edits accepted and read back', timeout: 30_000 });
    assert.equal(((await sandbox.calls())[STOCKS] || 0) - before, 1, 'one call, sent once');
    await waitForInputHandled(page);
  } finally {
    await context.setOffline(false);
    await opened.stop();
  }
}, { timeout: 120_000 });

test('stock: a shortage leads to its postings at risk, and a posting back to its shortage', async ({ context, siteUrl }) => {
  const { page, errors } = await openDemo(context, siteUrl);
  await clickItem(page, 'nav.stock');
  await waitForSnapshot(page, (s) => s.view === 'stock' && s.stock.loaded, { what: 'the stock' });
  await clickItem(page, 'stock.tab.shortages');
  let snap = await waitForSnapshot(page, (s) => s.stock.tab === 'shortages' && s.stock.shortages.length > 0,
    { what: 'the demo store\'s shortage' });
  const shortage = snap.stock.shortages[0];
  assert.ok(shortage.shortBy > 0 && shortage.atRisk.length > 0);
  const number = shortage.atRisk[0];
  await clickItem(page, `stock.posting.${number}`);
  snap = await waitForSnapshot(page, (s) => s.view === 'orders' && s.orders.open === number && s.orders.detail,
    { what: 'the posting at risk opened' });
  await clickItem(page, `detail.stock_shortage.${shortage.sku}`);
  await waitForSnapshot(page, (s) => s.view === 'stock' && s.stock.tab === 'shortages', { what: 'back to the shortage' });
  assert.deepEqual(errors, []);
});
