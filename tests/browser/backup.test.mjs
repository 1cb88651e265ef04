// Backups through the real UI: an export without keys carries no key, not
// even one typed into the store form and never saved; an import shows what
// it would change and applies nothing before "Apply".
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test, openConsole, clickItem, scrollToItem, typeInto, waitForItem, waitForSnapshot, waitForCheck, fillStoreForm } from './harness.mjs';

// In the page: whether the drafts on the device contain `text`.
function readDrafts(text) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('ozon-seller-console');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('drafts').objectStore('drafts').getAll();
      get.onsuccess = () => resolve(JSON.stringify(get.result).includes(text));
    };
  });
}

test('export without keys: no key anywhere in the file, not even one typed and not saved', async ({ context, siteUrl }) => {
  const { page } = await openConsole(context, siteUrl);
  await fillStoreForm(page, { name: 'Typed only', clientId: '123456', apiKey: 'typed-key-never-saved' });
  await waitForSnapshot(page, (s) => s.stores.formHasKey, { what: 'the key in the form' });
  // The form's draft on the device (written once the name was typed, or after the key: the key is never in it).
  await waitForCheck(page, readDrafts, 'Typed only', { what: 'the form draft written', timeout: 20_000 });

  const download = page.waitForEvent('download');
  await clickItem(page, 'backup.export');
  const file = await readFile(await (await download).path(), 'utf8');
  assert.ok(file.includes('Typed only'), 'the form draft is in the backup');
  assert.ok(!file.includes('typed-key-never-saved'), 'the typed key is not');
  assert.equal(await page.evaluate(readDrafts, 'typed-key-never-saved'), false, 'no draft on the device holds the key');
});

test('import: the plan is shown first, a changed road loses the saved key, portal roads are refused', async ({ context, siteUrl }) => {
  const { page } = await openConsole(context, siteUrl);
  await fillStoreForm(page, { name: 'Main', clientId: '123456', apiKey: 'the-sellers-key' });
  await clickItem(page, 'stores.save');
  let snap = await waitForSnapshot(page, (s) => s.stores.saved.length === 1, { what: 'the saved store' });
  const id = snap.stores.saved[0].id;
  await clickItem(page, 'nav.stores');
  await waitForSnapshot(page, (s) => s.view === 'stores', { what: 'stores view' });

  const hostile = {
    format: 'ozon-seller-console-backup', version: 1, exported_at: 1,
    settings: { lang: 'en', active_store: id, stores: [
      { id, name: 'Main', road: 'proxy_url', clientId: '123456', proxyUrl: 'https://collector.example/ozon' },
      { id: 'store-x', name: 'Portal claim', road: 'portal_bridge', clientId: '1' },
    ] },
    drafts: [], outbox: [],
  };
  // Below the device settings (pictures, packing video): scrolled to.
  await scrollToItem(page, 'backup.import', 'stores.save');
  const chooser = page.waitForEvent('filechooser');
  await clickItem(page, 'backup.import');
  await (await chooser).setFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
  snap = await waitForSnapshot(page, (s) => s.device.importPlan !== null, { what: 'the import plan' });
  const [replaced, refused] = snap.device.importPlan.stores;
  assert.equal(replaced.kind, 'replace');
  assert.equal(replaced.keyDropped, true);
  assert.deepEqual(replaced.changed, ['road', 'proxyUrl']);
  assert.equal(refused.kind, 'refused');
  assert.equal(refused.problem, 'backup.store_portal');
  assert.equal(snap.stores.saved[0].road, 'local_proxy', 'nothing changed before Apply');

  await waitForItem(page, 'backup.apply');
  await clickItem(page, 'backup.apply');
  snap = await waitForSnapshot(page, (s) => s.device.importPlan === null && s.stores.saved[0].road === 'proxy_url',
    { what: 'the import applied' });
  assert.equal(snap.stores.saved.length, 1);
  assert.equal(snap.stores.saved[0].hasApiKey, false, 'the key did not follow the new road');
  assert.equal(snap.stores.keyNeeded, true, 'the console asks for the key');
  const stored = await page.evaluate(() => JSON.stringify(Object.assign({}, localStorage)));
  assert.ok(!stored.includes('the-sellers-key'));
});
