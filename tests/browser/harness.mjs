// A small test harness for the browser tests: test files register cases with
// `test(name, fn)`; run.mjs runs them one by one, each in a fresh browser
// context, and prints `N passed, N failed`.
export const registered = [];

export function test(name, fn, { timeout = 60_000 } = {}) {
  registered.push({ name, fn, timeout });
}

// Opens the console in `context`, waits for the first frame and collects
// console errors and uncaught exceptions into `errors`.
export async function openConsole(context, baseUrl, { query = '', waitReady = true } = {}) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(baseUrl + '/' + query);
  if (waitReady) await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady === true, null, { timeout: 30_000 });
  return { page, errors };
}

export async function snapshot(page) {
  return page.evaluate(() => window.sellerConsole.snapshot());
}

export async function itemRect(page, name) {
  return page.evaluate((n) => window.sellerConsole.itemRect(n), name);
}

// Resolves with the rect of the widget drawn under `name` once a frame has
// drawn it with a size (the state can change a frame before the screen does),
// or fails after `timeout`.
export async function waitForItem(page, name, { timeout = 5_000 } = {}) {
  try {
    const handle = await page.waitForFunction((n) => {
      const r = window.sellerConsole.itemRect(n);
      return r && r.w > 0 && r.h > 0 ? r : null;
    }, name, { timeout, polling: 50 });
    return handle.jsonValue();
  } catch {
    throw new Error(`the widget "${name}" was not drawn within ${timeout} ms`);
  }
}

// Clicks the centre of the widget drawn under automation name `name`,
// through the real mouse path (Playwright -> Chromium -> SDL -> ImGui).
export async function clickItem(page, name) {
  // A panel that just opened may still move on its second frame (tables
  // size their rows): wait until the widget is drawn twice at one place.
  let rect = null;
  for (let tries = 0; tries < 40; tries++) {
    const before = await itemRect(page, name);
    await page.waitForTimeout(50);
    rect = await itemRect(page, name);
    if (rect && before && JSON.stringify(rect) === JSON.stringify(before)) break;
  }
  if (!rect) throw new Error(`no widget named "${name}" in the last frame`);
  await page.mouse.move(rect.x + rect.w / 2, rect.y + rect.h / 2);
  await page.mouse.down();
  await page.mouse.up();
}

// Waits until `predicate(snapshot)` holds (polling), or fails with the last snapshot.
export async function waitForSnapshot(page, predicate, { timeout = 10_000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await snapshot(page);
    if (predicate(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${what}; last snapshot: ${JSON.stringify(last).slice(0, 500)}`);
}

// The demo store with its postings loaded.
export async function openDemo(context, siteUrl) {
  const opened = await openConsole(context, siteUrl);
  await waitForSnapshot(opened.page, (s) => s.orders.count > 0 && !s.orders.loading, { what: 'demo postings', timeout: 20_000 });
  return opened;
}

// Opens a posting by clicking its row; resolves with the snapshot showing it.
export async function openPosting(page, number) {
  await clickItem(page, `orders.row.${number}`);
  return waitForSnapshot(page, (s) => s.orders.open === number && s.orders.detail, { what: `detail of ${number}` });
}

// Replaces the text of the field drawn under `name` with `text`, typed as key presses.
export async function typeInto(page, name, text) {
  await clickItem(page, name);
  await page.waitForTimeout(100);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 10 });
}
