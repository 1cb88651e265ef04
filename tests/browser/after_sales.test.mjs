// Returns and reviews through the real UI against the loopback demo
// marketplace (ozon_sandbox behind serve.py's proxy): an rFBS return request
// approved (Ozon receives exactly one verify), then moved behind the
// console's back so Ozon refuses the next answer: the console shows Ozon's
// words and the state Ozon holds; a review reply typed and posted once.
import assert from 'node:assert/strict';
import { test, openConsole, clickItem, typeInto, waitForSnapshot, fillStoreForm } from './harness.mjs';
import { startSandbox, startServe } from './services.mjs';

const VERIFY = '/v2/returns/rfbs/verify';
const RECEIVE = '/v2/returns/rfbs/receive-return';
const COMMENT = '/v1/review/comment/create';
const KEYS = { clientId: '123456', apiKey: 'seller-key-42' };

async function openStore(context, repoRoot, buildDir) {
  const sandbox = await startSandbox(buildDir);
  const proxied = await startServe(repoRoot, buildDir, ['--proxy', '--proxy-target', sandbox.url]);
  const { page, errors } = await openConsole(context, proxied.url);
  await fillStoreForm(page, { name: 'After-sales store', ...KEYS });
  await clickItem(page, 'stores.road.local_proxy');
  await clickItem(page, 'stores.save');
  await waitForSnapshot(page, (s) => s.stores.active.road === 'local_proxy' && s.orders.count > 0 && !s.orders.loading,
    { what: 'the store', timeout: 30_000 });
  return { sandbox, page, errors, stop: async () => { await proxied.stop(); await sandbox.stop(); } };
}

// A Seller API call straight to the demo marketplace (what Ozon holds, not what the console shows).
async function ozon(sandbox, path, body) {
  const r = await fetch(sandbox.url + path, {
    method: 'POST', body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', 'Client-Id': KEYS.clientId, 'Api-Key': KEYS.apiKey },
  });
  return r.json();
}

const rfbsOf = (s, id) => s.returns.rfbs.find((r) => r.id === id);

test('returns: an rFBS request approved once; a later answer Ozon refuses shows its words and the state Ozon holds', async ({ context, repoRoot, buildDir }) => {
  const { sandbox, page, errors, stop } = await openStore(context, repoRoot, buildDir);
  try {
    await clickItem(page, 'nav.returns');
    let snap = await waitForSnapshot(page, (s) => s.view === 'returns' && !s.returns.loading && s.returns.rfbs.length > 0,
      { what: 'rFBS return requests', timeout: 30_000 });
    const id = snap.returns.rfbs[0].id;
    // The request starts as a new one, whatever the demo data made of it.
    assert.ok(await sandbox.control('/__sandbox/returns/rfbs/state', { return_id: id, group_state: 'New' }));
    await clickItem(page, 'returns.refresh');
    snap = await waitForSnapshot(page, (s) => !s.returns.loading && rfbsOf(s, id) && rfbsOf(s, id).group === 'New',
      { what: `request ${id} new` });
    assert.deepEqual(rfbsOf(snap, id).allowed, ['verify', 'reject', 'return_money', 'compensate']);

    await clickItem(page, `returns.row.${id}`);
    await waitForSnapshot(page, (s) => s.returns.open === id && rfbsOf(s, id).detailed, { what: 'the request read' });
    const before = (await sandbox.calls())[VERIFY] || 0;
    await clickItem(page, 'returns.action.verify');
    snap = await waitForSnapshot(page, (s) => rfbsOf(s, id).group === 'Delivering' && rfbsOf(s, id).pending === null &&
      !rfbsOf(s, id).reading, { what: 'approved: on its way back', timeout: 30_000 });
    assert.equal(((await sandbox.calls())[VERIFY] || 0) - before, 1, 'exactly one verify reached Ozon');
    assert.equal(rfbsOf(snap, id).refusal, null);
    assert.deepEqual(rfbsOf(snap, id).allowed, ['receive']);

    // Behind the console's back the request is approved; the seller, not knowing, says the item came back.
    assert.ok(await sandbox.control('/__sandbox/returns/rfbs/state', { return_id: id, group_state: 'Approved' }));
    const receives = (await sandbox.calls())[RECEIVE] || 0;
    await clickItem(page, 'returns.action.receive');
    snap = await waitForSnapshot(page, (s) => rfbsOf(s, id).refusal !== null && rfbsOf(s, id).group === 'Approved' &&
      !rfbsOf(s, id).reading, { what: 'the refusal and the state re-read', timeout: 30_000 });
    assert.equal(((await sandbox.calls())[RECEIVE] || 0) - receives, 1);
    const shown = rfbsOf(snap, id);
    assert.ok(shown.refusal.length > 0, 'Ozon\'s words are shown');
    assert.ok(!/^http \d+/.test(shown.refusal), `plain words, not the technical line: ${shown.refusal}`);
    assert.deepEqual(shown.allowed, [], 'no answer is offered in the state Ozon holds');
    assert.equal(shown.pending, null);
    // The browser logs the refused call's 400 itself; nothing else went wrong.
    assert.deepEqual(errors.filter((e) => !/Failed to load resource.*400/.test(e)), []);
  } finally {
    await stop();
  }
});

test('reviews: a reply typed and posted reaches Ozon once, with exactly the typed text', async ({ context, repoRoot, buildDir }) => {
  const { sandbox, page, errors, stop } = await openStore(context, repoRoot, buildDir);
  try {
    await sandbox.control('/__sandbox/premium', { enabled: true });
    await clickItem(page, 'nav.reviews');
    let snap = await waitForSnapshot(page, (s) => s.view === 'reviews' && !s.reviews.loading && s.reviews.items.length > 0,
      { what: 'reviews', timeout: 30_000 });
    assert.equal(snap.reviews.premiumRequired, false);
    const review = snap.reviews.items[0];
    await clickItem(page, `reviews.row.${review.id}`);
    await waitForSnapshot(page, (s) => s.reviews.open && s.reviews.open.id === review.id && !s.reviews.open.loading,
      { what: 'the review open' });

    const text = 'Thank you for the review! We have sent a new mug today.';
    await typeInto(page, 'reviews.reply_text', text);
    await waitForSnapshot(page, (s) => s.reviews.open.draft === text, { what: 'the reply typed' });
    const before = (await sandbox.calls())[COMMENT] || 0;
    await clickItem(page, 'reviews.post');
    snap = await waitForSnapshot(page, (s) => s.reviews.open.pending === null && s.reviews.open.draft === '' &&
      s.reviews.open.comments.some((c) => c.own && c.text === text), { what: 'the reply posted', timeout: 30_000 });
    assert.equal(((await sandbox.calls())[COMMENT] || 0) - before, 1, 'one reply reached Ozon');
    const held = await ozon(sandbox, '/v1/review/comment/list', { review_id: review.id, limit: 100, offset: 0 });
    assert.equal(held.comments.filter((c) => c.text === text).length, 1, 'Ozon holds exactly the typed text, once');
    assert.equal(snap.reviews.open.refusal, null);
    assert.deepEqual(errors, []);
  } finally {
    await stop();
  }
});
