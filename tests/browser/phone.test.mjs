// The phone layout: a 390x844 touch screen. The top bar fits on one line with
// nothing overlapping, the postings are cards, and a posting is verified and
// shipped by taps, with the detail scrolled by a finger.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, openDemo, itemRect, snapshot, framesDrawn, waitForFrames, waitForItem, waitForSnapshot } from './harness.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

async function tap(page, name) {
  const rect = await waitForItem(page, name);
  const since = await framesDrawn(page);
  await page.touchscreen.tap(rect.x + rect.w / 2, rect.y + rect.h / 2);
  await waitForFrames(page, 2, { since });  // the touch is seen, then applied
}

// A finger's swipe up by `dy` CSS px at (x, y), through Chromium's touch events.
async function swipeUp(page, cdp, x, y, dy) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let step = 1; step <= 8; step++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - (dy * step) / 8 }] });
  }
  const since = await framesDrawn(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await waitForFrames(page, 2, { since });
}

test('phone: one-line top bar with a menu, postings as cards, a posting verified and shipped by taps', async ({ browser, siteUrl, artifacts }) => {
  const context = await browser.newContext(PHONE);
  try {
    const { page, errors } = await openDemo(context, siteUrl);
    let snap = await snapshot(page);
    // The top bar: every widget inside the screen's width, none over another.
    const names = ['nav.menu', 'topbar.view', 'topbar.store', 'device.network'];
    const rects = [];
    for (const name of names) rects.push(await waitForItem(page, name));
    for (const [i, r] of rects.entries()) {
      assert.ok(r.x >= 0 && r.x + r.w <= 390, `${names[i]} inside the screen: ${JSON.stringify(r)}`);
      for (let j = i + 1; j < rects.length; j++) assert.ok(!overlaps(r, rects[j]), `${names[i]} and ${names[j]} overlap`);
    }
    assert.equal(await itemRect(page, 'lang.zh'), null, 'no language buttons on the bar');
    // The selection's actions wrap onto more lines rather than run off the screen.
    // So do the counts at its end (the demo has postings overdue, under 2 h and due today).
    for (const name of ['orders.select_all', 'orders.batch_ship', 'orders.mark_delivered', 'orders.paste_tracking',
      'orders.risk_overdue', 'orders.risk_under_2h', 'orders.risk_today']) {
      const r = await waitForItem(page, name);
      assert.ok(r.x >= 0 && r.x + r.w <= 390, `${name} inside the screen: ${JSON.stringify(r)}`);
    }
    writeFileSync(join(artifacts, 'phone-orders.png'), await page.screenshot());
    // The menu: another screen, and back.
    await tap(page, 'nav.menu');
    await tap(page, 'menu.stock');
    await waitForSnapshot(page, (s) => s.view === 'stock', { what: 'stock screen from the menu' });
    await tap(page, 'nav.menu');
    await tap(page, 'menu.orders');
    snap = await waitForSnapshot(page, (s) => s.view === 'orders', { what: 'orders again' });
    // A card per posting: tap the first plain one.
    const card = snap.orders.visible.find((p) => p.actions.includes('ship'));
    const cardRect = await waitForItem(page, `orders.row.${card.number}`);
    assert.ok(cardRect.w > 300 && cardRect.h >= 44, `a card a finger can hit: ${JSON.stringify(cardRect)}`);
    await tap(page, `orders.row.${card.number}`);
    snap = await waitForSnapshot(page, (s) => s.orders.open === card.number && s.orders.detail, { what: 'the posting open' });
    const detail = snap.orders.detail;
    // Full screen: the cards are gone (from the first frame drawn after the tap
    // took effect: the state can change in a frame that drew the cards), the
    // close button is a finger's size.
    await page.waitForFunction((name) => window.sellerConsole.itemRect(name) === null, `orders.row.${card.number}`,
      { timeout: 10_000 }).catch(() => assert.fail('no cards behind the detail'));
    const close = await waitForItem(page, 'detail.close');
    assert.ok(close.h >= 30, `close is large enough to tap: ${JSON.stringify(close)}`);
    // Scan every item: tap the field (the phone's keyboard), type, Enter.
    for (const [index, line] of detail.lines.entries()) {
      for (let n = 0; n < line.ordered; n++) {
        await tap(page, 'detail.scan');
        await page.keyboard.type(detail.offerIds[index], { delay: 5 });
        await page.keyboard.press('Enter');
      }
    }
    snap = await waitForSnapshot(page, (s) => s.orders.detail.checklist.quantitiesMatch && s.orders.detail.checklist.itemsPicked,
      { what: 'counted and picked' });
    if (!snap.orders.detail.checklist.readyToShip) {
      assert.ok(snap.orders.detail.checklist.addressRequired, JSON.stringify(snap.orders.detail.checklist));
      await tap(page, 'detail.check.address_checked');
    }
    // A code half typed into the scan field (it keeps the focus for the next
    // scan), then a swipe up that starts on the field: the detail scrolls (a
    // one-line field has no lines to select across), and the code stays.
    const cdp = await context.newCDPSession(page);
    await tap(page, 'detail.scan');
    await page.keyboard.type('46', { delay: 5 });
    await waitForSnapshot(page, (s) => s.orders.detail.scanText === '46', { what: 'the half-typed code' });
    const field = await itemRect(page, 'detail.scan');
    await swipeUp(page, cdp, field.x + field.w / 2, field.y + field.h / 2, 200);
    const scrolled = await waitForSnapshot(page, (s) => s.orders.detail.scanText === '46', { what: 'the code kept' });
    assert.equal(scrolled.orders.open, card.number);
    const after = await itemRect(page, 'detail.scan');
    assert.ok(!after || after.y < field.y - 100, `the swipe on the field scrolled: ${JSON.stringify({ field, after })}`);
    // Swipe on until Ship shows.
    let ship = await itemRect(page, 'detail.ship');
    for (let swipes = 0; (!ship || ship.y + ship.h > 844) && swipes < 12; swipes++) {
      await swipeUp(page, cdp, 200, 600, 300);
      ship = await itemRect(page, 'detail.ship');
    }
    assert.ok(ship && ship.y + ship.h <= 844, `Ship scrolled into view by swiping: ${JSON.stringify(ship)}`);
    await tap(page, 'detail.ship');
    snap = await waitForSnapshot(page, (s) => s.orders.detail && s.orders.detail.ship === 'done', { what: 'shipped by a tap', timeout: 20_000 });
    writeFileSync(join(artifacts, 'phone-shipped.png'), await page.screenshot());
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
