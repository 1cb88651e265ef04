// A small test harness for the browser tests: test files register cases with
// `test(name, fn)`; run.mjs runs them one by one, each in a fresh browser
// context, and prints `N passed, N failed`.
//
// Tests wait on the app's state, not on the clock: on a snapshot field
// (waitForSnapshot), on a widget being drawn (waitForItem), on frames the app
// drew after an input (waitForInputHandled: the app applies what a frame saw
// at that frame's end), or on a check in the page (waitForCheck). Timeouts
// are only upper bounds on those waits; "an idle console draws no frames"
// alone measures a stretch of time, as idleness is that.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const registered = [];

export function test(name, fn, { timeout = 60_000 } = {}) {
  registered.push({ name, fn, timeout });
}

// Page-side input tracker (installed before any page script): window.__harnessInputFrame is
// framesDrawn() when the latest mouse/wheel/key event reached the page. The app's SDL handlers
// queue the event in that same dispatch, so frame __harnessInputFrame + 1 is the first to see it.
function trackInput() {
  window.__harnessInputFrame = -1;
  const seen = () => { window.__harnessInputFrame = window.sellerConsole ? window.sellerConsole.framesDrawn() : 0; };
  for (const type of ['mousemove', 'mousedown', 'mouseup', 'wheel', 'keydown', 'keyup', 'keypress']) {
    window.addEventListener(type, seen, { capture: true });
  }
}

// Opens the console in `context`, waits for the first frame and collects
// console errors and uncaught exceptions into `errors`.
export async function openConsole(context, baseUrl, { query = '', waitReady = true } = {}) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.addInitScript(trackInput);
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

// Frames the console has drawn so far (window.sellerConsole.framesDrawn()).
export async function framesDrawn(page) {
  return page.evaluate(() => window.sellerConsole.framesDrawn());
}

// Resolves with framesDrawn() once it reaches `since + n` (since: a framesDrawn() value, default now); only for frames certain to come.
export async function waitForFrames(page, n, { since, timeout = 10_000 } = {}) {
  const from = since === undefined ? await framesDrawn(page) : since;
  const handle = await page.waitForFunction((target) => {
    const drawn = window.sellerConsole.framesDrawn();
    return drawn >= target ? drawn : 0;
  }, from + n, { timeout });
  return handle.jsonValue();
}

// Resolves once `n` frames were drawn after the latest input event reached the page (a click needs 2: press, release; every input asks for 4).
// Exact only with no earlier input still queued: ImGui applies about one key event a frame, so just-typed text delays what follows it.
export async function waitForInputHandled(page, n = 2, { timeout = 10_000 } = {}) {
  const handle = await page.waitForFunction((k) => {
    const input = window.__harnessInputFrame;
    if (typeof input !== 'number' || input < 0) return { error: 'no input seen (page not opened by openConsole, or no input sent)' };
    return window.sellerConsole.framesDrawn() >= input + k ? { ok: true } : null;
  }, n, { timeout });
  const result = await handle.jsonValue();
  if (result.error) throw new Error(`waitForInputHandled: ${result.error}`);
}

// Resolves with the rect of the widget drawn under `name` once a frame has
// drawn it with a size (the state can change a frame before the screen does),
// or fails after `timeout`.
export async function waitForItem(page, name, { timeout = 10_000 } = {}) {
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

// Scrolls the panel under the widget `anchor` with the mouse wheel until the
// widget `name` is drawn (a long posting detail puts Ship below the fold).
export async function scrollToItem(page, name, anchor, { steps = 30 } = {}) {
  for (let step = 0; step < steps; step++) {
    const rect = await itemRect(page, name);
    if (rect && rect.w > 0 && rect.h > 0) return rect;
    const at = await waitForItem(page, anchor).catch(() => null);
    if (at) await page.mouse.move(at.x + at.w / 2, at.y + at.h / 2);
    await page.mouse.wheel(0, 240);
    await waitForInputHandled(page);
  }
  return waitForItem(page, name);
}

// Frames drawn over 2 s once the console settled, and the minute boundaries
// in that stretch (a countdown may draw one frame at each). Idleness is the
// absence of frames over time: this alone samples the clock (as the idle test).
export async function idleFrames(page) {
  // Idle begins after the start's background reads: the chats' previews are
  // read one chat at a time for several seconds, each answer a frame.
  await waitForSnapshot(page, (s) => !s.chats || (!s.chats.loading && !s.chats.reading),
    { what: 'the background reads finished', timeout: 60_000 });
  let start = -1;
  for (let settled = 0, tries = 0; settled < 3 && tries < 25; tries++) {
    await page.waitForTimeout(200);
    const now = await page.evaluate(() => window.sellerConsole.framesDrawn());
    settled = now === start ? settled + 1 : 0;
    start = now;
  }
  const tasksBefore = await page.evaluate(() => window.sellerConsole.timerTasksRun());
  const before = Date.now();
  await page.waitForTimeout(2000);
  const [end, tasksAfter] = await page.evaluate(() => [window.sellerConsole.framesDrawn(), window.sellerConsole.timerTasksRun()]);
  return {
    frames: end - start,
    end,
    minuteBoundaries: Math.floor(Date.now() / 60000) - Math.floor(before / 60000),
    timerTasks: tasksAfter - tasksBefore,
  };
}

// What an idle console may draw over idleFrames()'s window: one frame at each
// minute boundary (the countdowns), and the frames after timed tasks. The
// demo's deadlines are on round 5 minutes: a second after one, a deadline
// crossing "under 2 h" wakes the alert sweep (measured: one task, 4 frames,
// after the minute's one). A few tasks at most: a timer that keeps re-arming
// is a tab that never rests.
export function assertIdle(idle, what) {
  const framesAfterTask = 4;  // platform::kFramesAfterInput: a task's redraw
  assert.ok(idle.timerTasks <= 3, `timed tasks while idle ${what}: ${JSON.stringify(idle)}`);
  assert.ok(idle.frames <= idle.minuteBoundaries + framesAfterTask * idle.timerTasks,
    `frames drawn while idle ${what}: ${JSON.stringify(idle)}`);
}

const sameRect = (a, b) => Boolean(a && b) && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

// Moves the pointer onto the centre of `rect` and resolves once a frame was drawn after the move (ImGui's hover).
export async function hover(page, rect) {
  const x = rect.x + rect.w / 2;
  const y = rect.y + rect.h / 2;
  // SDL drops a move that does not change the position (no event, no frame):
  // of two different points at least the second is always a real move.
  await page.mouse.move(x - 1, y);
  await page.mouse.move(x, y);
  await waitForInputHandled(page, 1);
}

// Clicks the centre of the widget drawn under automation name `name`,
// through the real mouse path (Playwright -> Chromium -> SDL -> ImGui).
// Resolves once the button is released; waitForInputHandled(page) then means the click was applied.
export async function clickItem(page, name) {
  // A panel that just opened may still move on its second frame (tables size
  // their rows): hover the widget until a frame drawn after the move shows it
  // where the frame before did, so it is drawn twice at one place.
  let rect = await waitForItem(page, name);
  for (let moves = 0; ; moves++) {
    await hover(page, rect);
    const now = await itemRect(page, name);
    if (sameRect(now, rect)) break;
    if (moves >= 20) throw new Error(`the widget "${name}" did not stay in place: ${JSON.stringify(rect)} then ${JSON.stringify(now)}`);
    rect = now || await waitForItem(page, name);
  }
  await page.mouse.down();
  await page.mouse.up();
}

// The snapshot of `target` as JSON text ('null' while the console is not ready).
function snapshotText(target) {
  return target.evaluate(() => JSON.stringify(window.sellerConsole && window.sellerConsole.isReady ? window.sellerConsole.snapshot() : null));
}

// Resolves with the next snapshot text of `target` that differs from `seen`
// (every frame drawn changes framesDrawn in it), or throws a TimeoutError at `deadline`.
async function nextSnapshotText(target, seen, deadline) {
  const remaining = deadline - Date.now();
  if (remaining <= 0) throw Object.assign(new Error('deadline passed'), { name: 'TimeoutError' });
  const handle = await target.waitForFunction((last) => {
    const hook = window.sellerConsole;
    const now = JSON.stringify(hook && hook.isReady ? hook.snapshot() : null);  // 'null' while (re)loading
    return now !== last ? now : null;
  }, seen, { timeout: remaining, polling: 50 });
  return handle.jsonValue();
}

// The whole snapshot of a wait that timed out, kept under the build directory
// (a CI log shows only its start). Returns where, for the message.
async function keepFailedSnapshot(what, text) {
  if (!process.env.BUILD_DIR) return '';
  const dir = path.join(process.env.BUILD_DIR, 'browser-failures');
  const file = path.join(dir, `${Date.now()}-${what.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.json`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(file, text);
    return ` (whole in ${file})`;
  } catch {
    return '';
  }
}

// Resolves with the first snapshot of `target` (a page or a frame) for which
// `predicate(snapshot)` holds, checked again each time the snapshot changes; fails after `timeout` with the last one.
// The bound is wide: with SwiftShader on a loaded machine a few frames a second is common, and typed text takes ~3 frames a key.
export async function waitForSnapshot(target, predicate, { timeout = 20_000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let text = await snapshotText(target);
  let last = JSON.parse(text);
  while (last === null || !predicate(last)) {
    try {
      text = await nextSnapshotText(target, text, deadline);
    } catch (e) {
      if (e.name !== 'TimeoutError') throw e;
      const kept = await keepFailedSnapshot(what, text);
      throw new Error(`timed out waiting for ${what}; last snapshot${kept}: ${text.slice(0, 500)}`);
    }
    last = JSON.parse(text);
  }
  return last;
}

// Resolves once the async `check(arg)`, run in the page, resolves truthy; run again each time the snapshot changes
// (the app draws a frame when an IndexedDB write completes). page.waitForFunction would not await a promise.
export async function waitForCheck(page, check, arg, { timeout = 10_000, what = 'check' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = await snapshotText(page);  // taken before the check: a change after it wakes the wait below
    if (await page.evaluate(check, arg)) return;
    try {
      await nextSnapshotText(page, text, deadline);
    } catch (e) {
      if (e.name !== 'TimeoutError') throw e;
      throw new Error(`timed out waiting for ${what}`);
    }
  }
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
  await waitForInputHandled(page);  // the click was applied: the field is active and takes the keys
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 10 });
}

// Shows the stores screen and types a store into its form (not saved):
// its name, Client-Id and Api-Key.
export async function fillStoreForm(page, { name, clientId, apiKey }) {
  await clickItem(page, 'nav.stores');
  await waitForSnapshot(page, (s) => s.view === 'stores', { what: 'stores view' });
  await typeInto(page, 'stores.name', name);
  await typeInto(page, 'stores.client_id', clientId);
  await typeInto(page, 'stores.api_key', apiKey);
}
