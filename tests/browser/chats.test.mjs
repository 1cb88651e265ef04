// Chats with buyers through the real UI: a reply built from a template,
// filled from the posting, reaches the loopback demo server exactly once
// and in Russian; a buyer's new message becomes an alert that opens its
// chat; a half-typed reply survives a reload.
import assert from 'node:assert/strict';
import { test, openConsole, openDemo, clickItem, waitForSnapshot, waitForCheck, waitForInputHandled, fillStoreForm } from './harness.mjs';
import { startSandbox, startServe } from './services.mjs';

const SEND = '/v1/chat/send/message';

// A chat about a posting of the loaded list that Ozon still lets the seller write in.
function writableChat(snap) {
  return snap.chats.list.find((c) => c.posting && c.status !== 'Closed' &&
    snap.orders.visible.some((p) => p.number === c.posting));
}

async function openChat(page, id) {
  await clickItem(page, `chats.row.${id}`);
  return waitForSnapshot(page, (s) => s.chats.open && s.chats.open.id === id && s.chats.open.messages.length > 0 &&
    !s.chats.open.loading, { what: `chat ${id}`, timeout: 20_000 });
}

test('chats: a template filled from the posting is sent once, in Russian; a new buyer message is an alert', async ({ context, repoRoot, buildDir }) => {
  const sandbox = await startSandbox(buildDir);
  const proxied = await startServe(repoRoot, buildDir, ['--proxy', '--proxy-target', sandbox.url]);
  try {
    // Refresh every 6 s so the buyer's new message arrives within the test (read when the console starts).
    await context.addInitScript(() => localStorage.setItem('seller-console:refresh_minutes', '0.1'));
    const { page, errors } = await openConsole(context, proxied.url);
    await fillStoreForm(page, { name: 'Chat store', clientId: '123456', apiKey: 'seller-key-42' });
    await clickItem(page, 'stores.road.local_proxy');
    await clickItem(page, 'stores.save');
    await waitForSnapshot(page, (s) => s.stores.active.road === 'local_proxy' && s.orders.count > 0 && !s.orders.loading,
      { what: 'orders from the store', timeout: 30_000 });
    await clickItem(page, 'nav.chats');
    let snap = await waitForSnapshot(page, (s) => s.view === 'chats' && s.chats.loaded && writableChat(s),
      { what: 'chats linked to postings', timeout: 30_000 });
    assert.ok(snap.chats.list.some((c) => c.unread > 0), 'some chats are unread');
    const chat = writableChat(snap);
    snap = await openChat(page, chat.id);
    assert.ok(snap.chats.open.messages.some((m) => /[а-яё]/i.test(m.text)), 'the buyer writes in Russian');
    // Opening it reads it: Ozon's read mark.
    await waitForSnapshot(page, (s) => s.chats.list.find((c) => c.id === chat.id).unread === 0, { what: 'read mark' });

    await clickItem(page, 'templates.chat');
    await clickItem(page, 'templates.chat.use.delayed');
    snap = await waitForSnapshot(page, (s) => s.chats.open.draft.includes(chat.posting), { what: 'the filled template' });
    const text = snap.chats.open.draft;
    assert.match(text, /^Здравствуйте/);
    assert.doesNotMatch(text, /[{}]/, 'every placeholder filled (no buyer name: the greeting goes without it)');
    const sentBefore = (await sandbox.calls())[SEND] || 0;
    await clickItem(page, 'chats.send');
    snap = await waitForSnapshot(page, (s) => s.outbox.pending === 0 && s.chats.open.draft === '' &&
      s.chats.open.messages.some((m) => m.from.toLowerCase() === 'seller' && m.text === text),
    { what: 'the reply in the chat, read back from the server', timeout: 30_000 });
    assert.equal(((await sandbox.calls())[SEND] || 0) - sentBefore, 1, 'sent exactly once');

    // The seller moves on; a buyer writes: the next refresh raises an alert
    // that opens the chat (left open behind the orders, it stays unread).
    await clickItem(page, 'nav.orders');
    await waitForSnapshot(page, (s) => s.view === 'orders', { what: 'orders view' });
    assert.ok(await sandbox.control('/__sandbox/chats/message', { chat_id: chat.id, text: 'Спасибо! А когда примерно доставка?' }));
    snap = await waitForSnapshot(page, (s) => s.alerts.some((a) => a.kind === 'buyer_message' && a.chat === chat.id && !a.seen),
      { what: 'the buyer message alert', timeout: 30_000 });
    const alert = snap.alerts.find((a) => a.kind === 'buyer_message' && a.chat === chat.id);
    await clickItem(page, 'nav.alerts');
    await clickItem(page, `alerts.open.${alert.id}`);
    snap = await waitForSnapshot(page, (s) => s.view === 'chats' && s.chats.open && s.chats.open.id === chat.id &&
      s.chats.open.messages.some((m) => m.text === 'Спасибо! А когда примерно доставка?'), { what: 'the chat opened from the alert', timeout: 20_000 });
    assert.ok(snap.alerts.find((a) => a.id === alert.id).seen);
    assert.deepEqual(errors.filter((e) => !/status of 429/.test(e)), []);
  } finally {
    sandbox.stop();
    proxied.stop();
  }
}, { timeout: 150_000 });

test('chats: a half-typed reply survives a reload', async ({ context, siteUrl }) => {
  const { page, errors } = await openDemo(context, siteUrl);
  await clickItem(page, 'nav.chats');
  let snap = await waitForSnapshot(page, (s) => s.chats.loaded && s.chats.list.length > 0, { what: 'demo chats', timeout: 20_000 });
  const chat = snap.chats.list[0];
  snap = await openChat(page, chat.id);
  await clickItem(page, 'chats.reply');
  await waitForInputHandled(page);
  const savedBefore = snap.device.draftsSaved;
  const typed = 'Добрый день! Уточните, пожалуйста,';
  await page.keyboard.type(typed, { delay: 10 });
  await waitForSnapshot(page, (s) => s.chats.open.draft === typed && s.device.draftsSaved > savedBefore, { what: 'the draft typed and saved' });
  await waitForSnapshot(page, (s) => s.chats.list.find((c) => c.id === chat.id).draft, { what: 'the draft marked in the list' });
  // Written to IndexedDB with its last character before the reload.
  await waitForCheck(page, (text) => new Promise((resolve) => {
    const open = indexedDB.open('ozon-seller-console');
    open.onsuccess = () => {
      const all = open.result.transaction('drafts').objectStore('drafts').getAll();
      all.onsuccess = () => { resolve(JSON.stringify(all.result).includes(text)); open.result.close(); };
      all.onerror = () => { resolve(false); open.result.close(); };
    };
    open.onerror = () => resolve(false);
  }), typed, { what: 'the draft in IndexedDB', timeout: 20_000 });
  await page.reload();
  await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady === true, null, { timeout: 30_000 });
  snap = await waitForSnapshot(page, (s) => s.view === 'chats' && s.chats.open && s.chats.open.id === chat.id &&
    s.chats.open.draft === typed, { what: 'the draft back after the reload', timeout: 30_000 });
  assert.deepEqual(errors, []);
});
