// The console's code in two parts (tools/split_app.py): app.wasm holds what
// the console runs as it starts, app.deferred.wasm the rest, fetched after
// the first frame. A function of the second part called before it is in
// fetches it at once; when it cannot be downloaded, the page says so.
import assert from 'node:assert/strict';
import { test, openConsole, clickItem, waitForSnapshot } from './harness.mjs';

const deferredState = (page) => page.evaluate(() => window.sellerConsole.deferredCode());

// The page's time stands 5 s past a 5-minute mark, where the demo's deadlines
// fall: no timer of a countdown or a deadline fires during the test, which
// counts the second part's synchronous fetches (the last test holds those
// timers to needing none).
const holdTimeAfterMark = (context) => context.clock.setFixedTime(Math.floor(Date.now() / 300_000) * 300_000 + 5_000);

test('the first load is the code the start runs; the rest comes after the first frame', async ({ context, siteUrl }) => {
  const { page, errors } = await openConsole(context, siteUrl);
  await page.waitForFunction(() => window.sellerConsole.deferredCode().state === 'ready', null, { timeout: 30_000 });
  const { asked, firstFrame } = await page.evaluate(() => ({
    asked: performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === '/app.deferred.wasm')
      .map((e) => e.startTime),
    firstFrame: window.sellerConsole.firstFrameMs,
  }));
  assert.ok(asked.length >= 1, 'app.deferred.wasm was fetched');
  assert.ok(asked[0] > firstFrame, `fetched after the first frame (${asked[0]} > ${firstFrame})`);
  // The start ran nothing of the second part: no placeholder had it fetched at once.
  assert.deepEqual(await deferredState(page), { state: 'ready', syncLoads: 0, error: '' });
  // A screen the start did not draw runs on the second part's code.
  await clickItem(page, 'nav.stock');
  const stock = await waitForSnapshot(page, (s) => s.view === 'stock' && s.stock.rowsTotal > 0, { what: 'the stock screen' });
  assert.ok(stock.stock.rowsTotal > 0);
  assert.deepEqual(errors, []);
});

test('code of the second part needed before it has arrived is fetched at once', async ({ context, siteUrl }) => {
  // The fetch after the first frame is held back; the synchronous request a
  // placeholder makes (an XMLHttpRequest) goes through.
  const held = [];
  await context.route('**/app.deferred.wasm', (route) => {
    if (route.request().resourceType() === 'xhr') route.continue();
    else held.push(route);
  });
  await holdTimeAfterMark(context);
  const { page, errors } = await openConsole(context, siteUrl);
  await waitForSnapshot(page, (s) => s.orders.count > 0, { what: 'the demo orders' });
  assert.deepEqual(await deferredState(page), { state: 'loading', syncLoads: 0, error: '' });
  await clickItem(page, 'nav.stock');
  await waitForSnapshot(page, (s) => s.view === 'stock' && s.stock.rowsTotal > 0, { what: 'the stock screen' });
  assert.deepEqual(await deferredState(page), { state: 'ready', syncLoads: 1, error: '' });
  // The held fetch ends later: the module already in stays the one used.
  for (const route of held) await route.continue();
  await clickItem(page, 'nav.orders');
  await waitForSnapshot(page, (s) => s.view === 'orders', { what: 'the orders screen again' });
  assert.deepEqual(await deferredState(page), { state: 'ready', syncLoads: 1, error: '' });
  assert.deepEqual(errors, []);
});

test('when the second part cannot be downloaded, the page says so', async ({ context, siteUrl }) => {
  await context.route('**/app.deferred.wasm', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
  const { page } = await openConsole(context, siteUrl);
  await page.waitForFunction(() => window.sellerConsole.deferredCode().state === 'failed', null, { timeout: 30_000 });
  assert.match((await deferredState(page)).error, /app\.deferred\.wasm: HTTP 503/);
  // The orders screen still works on the first part alone; another screen needs the second.
  await clickItem(page, 'nav.stock');
  await page.waitForSelector('#fatal:not([hidden])', { timeout: 10_000 });
  const text = await page.textContent('#fatal-text');
  assert.match(text, /app\.deferred\.wasm/);
  assert.match(text, /503/);
});

test('a second part of another build (deployed since the page opened) is refused, and the page says to reload', async ({ context, siteUrl }) => {
  // The same size, one byte changed: only its SHA-256 tells it apart.
  await context.route('**/app.deferred.wasm', async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length >> 1] ^= 0xff;
    await route.fulfill({ response, body });
  });
  const { page } = await openConsole(context, siteUrl);
  await page.waitForFunction(() => window.sellerConsole.deferredCode().state === 'failed', null, { timeout: 30_000 });
  assert.match((await deferredState(page)).error, /app\.deferred\.wasm: a newer version of the console was published/);
  await clickItem(page, 'nav.stock');
  await page.waitForSelector('#fatal:not([hidden])', { timeout: 10_000 });
  assert.match(await page.textContent('#fatal-text'), /newer version of the console.*reload the page/);
});

test('timers of the first minutes, due before the second part is in, run none of its code', async ({ context, siteUrl }) => {
  // What the start sets but never sees fire (tools/split_app.py profiles the
  // start, and a start whose timers run ten minutes on): a countdown's redraw
  // at each minute, the alert sweep at a deadline (the demo's fall on 5-minute
  // marks), the orders refresh every 3 minutes. Each may come due while the
  // second part downloads (seconds on a slow network), and must then need
  // none of it. The page's timers run on Playwright's clock, moved on here a
  // minute at a time: seven minutes from 90 s past a 5-minute mark.
  const held = [];
  await context.route('**/app.deferred.wasm', (route) => {
    if (route.request().resourceType() === 'xhr') route.continue();  // a placeholder's: counted in syncLoads
    else held.push(route);
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.clock.install({ time: Math.floor(Date.now() / 300_000) * 300_000 + 90_000 });
  await page.goto(siteUrl + '/');
  // Polled from here: the harness's waits run on the page's timers, which are the test's clock now.
  const until = async (check, what, arg) => {
    const deadline = Date.now() + 30_000;
    while (!(await page.evaluate(check, arg))) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => { setTimeout(resolve, 50); });
    }
  };
  try {
    await until(() => Boolean(window.sellerConsole && window.sellerConsole.isReady && window.sellerConsole.snapshot().orders.count > 0),
      'the demo orders');
    assert.deepEqual(await deferredState(page), { state: 'loading', syncLoads: 0, error: '' });
    const asOf = await page.evaluate(() => window.sellerConsole.snapshot().orders.asOf);
    for (let minute = 1; minute <= 7; minute++) {
      const frames = await page.evaluate(() => window.sellerConsole.framesDrawn());
      await page.clock.fastForward('01:00');
      await until((since) => window.sellerConsole.framesDrawn() > since, `the frame of minute ${minute}`, frames);
      assert.deepEqual(await deferredState(page), { state: 'loading', syncLoads: 0, error: '' }, `minute ${minute}`);
    }
    // The refresh ran meanwhile (its reply is drawn).
    await until((before) => window.sellerConsole.snapshot().orders.asOf > before, 'the orders refreshed', asOf);
    assert.deepEqual(await deferredState(page), { state: 'loading', syncLoads: 0, error: '' });
  } finally {
    for (const route of held) await route.continue().catch(() => {});  // else the page never closes
  }
  await until(() => window.sellerConsole.deferredCode().state === 'ready', 'the second part');
  assert.deepEqual(errors, []);
});
