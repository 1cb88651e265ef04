// The foundation: the console loads, draws, speaks three languages, follows
// the window and the pixel ratio, and rests when idle.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, openConsole, snapshot, clickItem, assertIdle, idleFrames, itemRect, waitForFrames, waitForInputHandled, waitForItem, waitForSnapshot } from './harness.mjs';
import { decodePng, inkRatio } from './png.mjs';

test('the console starts: ready resolves, no console errors, the canvas shows the UI', async ({ context, siteUrl, artifacts }) => {
  const { page, errors } = await openConsole(context, siteUrl);
  await page.evaluate(() => window.sellerConsole.ready);
  assert.ok(await page.evaluate(() => window.sellerConsole.framesDrawn()) >= 1);
  const snap = await snapshot(page);
  assert.equal(snap.view, 'orders');
  assert.ok(['en', 'ru', 'zh'].includes(snap.lang));
  assert.equal(await page.isHidden('#loading'), true, 'the loading screen is gone');
  // ImGui draws with the program boot.js made while app.wasm downloaded (its
  // own would have cost a compile and a link in the first frame).
  assert.equal(await page.evaluate(() => window.sellerConsole.imguiProgramAdopted), true);
  // A second frame drawn means the first one was handed to the compositor
  // (the start asks for several frames, so it comes).
  await waitForFrames(page, 2, { since: 0 });
  // The first frame's atlas holds the UI strings' glyphs only; the next one
  // all of Latin and Cyrillic (product names, addresses), before any data.
  const glyphs = (await snapshot(page)).textInput.atlasGlyphs;
  assert.ok(glyphs >= 400, `the atlas after the first frame holds Latin and Cyrillic: ${glyphs} glyphs`);
  const png = await page.screenshot();
  writeFileSync(join(artifacts, 'first-frame.png'), png);
  const image = decodePng(png);
  const whole = inkRatio(image);
  assert.ok(whole.colours > 20, `a drawn UI has many colours (antialiased text), got ${whole.colours}`);
  // The top bar holds the title and the language buttons: text must be there.
  const bar = inkRatio(image, { x: 0, y: 0, w: image.width, h: 40 });
  assert.ok(bar.ratio > 0.02, `the top bar has text, ink ratio ${bar.ratio}`);
  assert.deepEqual(errors, []);
});

test('switching language by clicking the language control changes the UI and survives a reload', async ({ context, siteUrl }) => {
  const { page, errors } = await openConsole(context, siteUrl);
  const before = await snapshot(page);
  const target = before.lang === 'ru' ? 'zh' : 'ru';
  assert.ok(await itemRect(page, `lang.${target}`), 'the language button is drawn');
  await clickItem(page, `lang.${target}`);
  await waitForSnapshot(page, (s) => s.lang === target, { what: `lang ${target}` });
  await page.reload();
  await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady);
  assert.equal((await snapshot(page)).lang, target, 'the choice is remembered');
  await clickItem(page, 'lang.en');
  await waitForSnapshot(page, (s) => s.lang === 'en', { what: 'lang en' });
  assert.deepEqual(errors, []);
});

test('the default language follows the browser', async ({ browser, siteUrl }) => {
  for (const [locale, expected] of [['zh-CN', 'zh'], ['ru-RU', 'ru'], ['de-DE', 'en']]) {
    const context = await browser.newContext({ locale });
    try {
      const { page } = await openConsole(context, siteUrl);
      assert.equal((await snapshot(page)).lang, expected, `locale ${locale}`);
    } finally {
      await context.close();
    }
  }
});

test('languages other than English load when chosen: none on an English first load, Chinese before its first frame, a failed one said', async ({ browser, siteUrl }) => {
  const languageFiles = (requests) => requests.filter((path) => /^\/(lang-\w+\.json|ui-cjk(-rest)?\.ttf)$/.test(path));
  const open = async (options, refuse) => {
    // No service worker: the test sees (and refuses) the page's own requests.
    const context = await browser.newContext({ serviceWorkers: 'block', ...options });
    const requests = [];
    context.on('request', (r) => requests.push(new URL(r.url()).pathname));
    if (refuse) await context.route(refuse, (route) => route.abort());
    const { page, errors } = await openConsole(context, siteUrl);
    return { context, page, errors, requests };
  };
  // English: app.wasm has it all; nothing else is fetched.
  let run = await open({ locale: 'en-US' });
  try {
    assert.equal((await snapshot(run.page)).lang, 'en');
    await clickItem(run.page, 'nav.stock');
    await waitForSnapshot(run.page, (s) => s.view === 'stock', { what: 'another screen drawn' });
    assert.deepEqual(languageFiles(run.requests), [], 'an English load fetches no language pack');
    // Chosen: fetched, then shown; the Chinese font comes with the Chinese
    // strings, both its parts: the screen on show may need any glyph.
    await clickItem(run.page, 'lang.zh');
    const chinese = await waitForSnapshot(run.page, (s) => s.lang === 'zh', { what: 'Chinese shown' });
    assert.equal(chinese.langLoading, null);
    assert.deepEqual(languageFiles(run.requests).sort(), ['/lang-zh.json', '/ui-cjk-rest.ttf', '/ui-cjk.ttf']);
    await run.page.mouse.move(5, 5);  // a few frames drawn now
    await waitForInputHandled(run.page);
    const drawn = await snapshot(run.page);
    assert.equal(drawn.textInput.chineseRestFont, 'in');
    assert.equal(drawn.textInput.uiGlyphsMissing, 0, `drawn as '?': ${drawn.textInput.uiKeysMissing}`);
    assert.deepEqual(run.errors, []);
  } finally {
    await run.context.close();
  }
  // A Chinese browser: the pack comes with app.wasm, the first frame speaks Chinese.
  run = await open({ locale: 'zh-CN' });
  try {
    const first = await snapshot(run.page);
    assert.equal(first.lang, 'zh', 'Chinese from the first frame');
    // Once each: boot fetched them beside app.wasm, the app did not have to
    // ask again; the rest of the font came after the first frame.
    await waitForSnapshot(run.page, (s) => s.textInput.chineseRestFont === 'in', { what: 'the rest of the Chinese font' });
    assert.deepEqual(languageFiles(run.requests).sort(), ['/lang-zh.json', '/ui-cjk-rest.ttf', '/ui-cjk.ttf']);
  } finally {
    await run.context.close();
  }
  // Russian cannot be fetched: English stays, the bar says why, and a later try works.
  run = await open({ locale: 'en-US' }, '**/lang-ru.json');
  try {
    await clickItem(run.page, 'lang.ru');
    const failed = await waitForSnapshot(run.page, (s) => s.langProblem !== '', { what: 'the failure said' });
    assert.equal(failed.lang, 'en');
    assert.equal(failed.langLoading, null);
    assert.equal(failed.langProblem, 'lang.load_failed');
    await run.context.unroute('**/lang-ru.json');
    await clickItem(run.page, 'lang.ru');
    const russian = await waitForSnapshot(run.page, (s) => s.lang === 'ru', { what: 'Russian once it loads' });
    assert.equal(russian.langProblem, '');
  } finally {
    await run.context.close();
  }
}, { timeout: 120_000 });

test('the first screens in Chinese have every glyph before the rest of the font is in; it comes after the first frame, again after a failure', async ({ browser, siteUrl }) => {
  // What the first part of the font lacks shows up here: the message names
  // the strings to add to assets/i18n/zh-first-screens.txt.
  const drawnWhole = (s) => assert.equal(s.textInput.uiGlyphsMissing, 0,
    `${s.view} (${s.display.cssWidth}x${s.display.cssHeight}): drawn as '?' before the rest of the font is in: ${s.textInput.uiKeysMissing}`);
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', serviceWorkers: 'block' });
    try {
      const held = [];
      await context.route('**/ui-cjk-rest.ttf', (route) => { held.push(route); });
      const { page, errors } = await openConsole(context, siteUrl);
      drawnWhole(await snapshot(page));
      // The orders screen with the demo store's orders, their statuses, filters and counts.
      const orders = await waitForSnapshot(page, (s) => s.orders.count > 0 && !s.orders.loading && s.stock.loaded
        && s.textInput.chineseRestFont === 'loading', { what: 'the orders drawn, the rest of the font on its way' });
      await page.mouse.move(5, 5);  // a few frames drawn now
      await waitForInputHandled(page);
      drawnWhole(await snapshot(page));
      assert.equal(orders.lang, 'zh');
      if (viewport.width < 600) {
        // A phone reaches the other screens through the menu: its names are there too.
        await clickItem(page, 'nav.menu');
        await waitForItem(page, 'menu.stock');
        drawnWhole(await snapshot(page));
        await clickItem(page, 'menu.stock');
      } else {
        await clickItem(page, 'nav.stock');
      }
      // Not vacuous: a screen the first part leaves out is drawn with '?' meanwhile, and said.
      const stock = await waitForSnapshot(page, (s) => s.view === 'stock' && s.textInput.uiGlyphsMissing > 0,
        { what: 'the stock screen drawn without the rest of the font' });
      assert.ok(stock.textInput.uiKeysMissing.some((key) => key.startsWith('stock.')), String(stock.textInput.uiKeysMissing));
      const before = stock.textInput.atlasGlyphs;
      // Asked for once, after the first frame; once in, the atlas has it all.
      const asked = await page.evaluate(() => ({
        at: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/ui-cjk-rest.ttf')).map((e) => e.startTime),
        firstFrame: window.sellerConsole.firstFrameMs,
      }));
      assert.equal(held.length, 1);
      for (const route of held) await route.continue();
      const whole = await waitForSnapshot(page, (s) => s.textInput.chineseRestFont === 'in' && s.view === 'stock',
        { what: 'the rest of the font merged' });
      await page.mouse.move(5, 5);  // a few frames drawn now
      await waitForInputHandled(page);
      drawnWhole(await snapshot(page));
      assert.ok(whole.textInput.atlasGlyphs > before, `the atlas grew: ${before} -> ${whole.textInput.atlasGlyphs}`);
      const fetched = await page.evaluate(() => performance.getEntriesByType('resource')
        .filter((e) => e.name.endsWith('/ui-cjk-rest.ttf')).map((e) => e.startTime));
      assert.equal(fetched.length, 1, 'fetched once');
      assert.ok(fetched[0] > asked.firstFrame, `after the first frame (${fetched[0]} > ${asked.firstFrame})`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
  // A failed fetch is asked again a while later (the page's clock moved on, a frame drawn).
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
  try {
    const start = Date.now();
    await context.clock.setFixedTime(start);
    await context.route('**/ui-cjk-rest.ttf', (route) => route.abort());
    const { page } = await openConsole(context, siteUrl);
    await waitForSnapshot(page, (s) => s.textInput.chineseRestFont === 'failed', { what: 'the failed fetch noted' });
    await context.unroute('**/ui-cjk-rest.ttf');
    await page.mouse.move(100, 100);
    await waitForInputHandled(page);
    assert.equal((await snapshot(page)).textInput.chineseRestFont, 'failed', 'not asked again at once');
    await context.clock.setFixedTime(start + 11_000);
    await page.mouse.move(120, 120);
    await waitForSnapshot(page, (s) => s.textInput.chineseRestFont === 'in', { what: 'asked again, merged' });
  } finally {
    await context.close();
  }
}, { timeout: 120_000 });

test('an idle console draws no frames', async ({ context, siteUrl }) => {
  const { page } = await openConsole(context, siteUrl);
  // Idle once the background reading is done: the orders, and the buyers' chats with their newest messages.
  await waitForSnapshot(page, (s) => s.orders.count > 0 && !s.orders.loading && s.chats.loaded && !s.chats.reading,
    { what: 'background reading done', timeout: 30_000 });
  await page.mouse.move(200, 200);
  // Let the few frames after input finish (slow under SwiftShader on a busy
  // machine). Idle is the absence of frames over time, so this test, unlike
  // the others, samples the clock: quiet for three 200 ms samples in a row,
  // then no frame in a 2 s window.
  const idle = await idleFrames(page);
  // Deadline countdowns tick once a minute (one frame at a minute boundary),
  // and a timed task (an alert sweep) may draw: nothing else.
  assertIdle(idle, 'on the orders screen');
  // ...and input wakes it up again.
  await page.mouse.move(300, 300);
  await page.waitForFunction((n) => window.sellerConsole.framesDrawn() > n, idle.end, { timeout: 2000 });
});

test('high-DPI: the backing store is CSS size x devicePixelRatio and clicks land where drawn', async ({ browser, siteUrl, artifacts }) => {
  const context = await browser.newContext({ viewport: { width: 900, height: 600 }, deviceScaleFactor: 2 });
  try {
    const { page, errors } = await openConsole(context, siteUrl);
    const size = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight, dpr: devicePixelRatio };
    });
    assert.equal(size.dpr, 2);
    assert.equal(size.w, size.cssW * 2);
    assert.equal(size.h, size.cssH * 2);
    const snap = await snapshot(page);
    assert.equal(snap.display.pixelRatio, 2);
    assert.equal(snap.display.cssWidth, 900);
    const png = await page.screenshot();
    writeFileSync(join(artifacts, 'hidpi.png'), png);
    assert.equal(decodePng(png).width, 1800, 'the screenshot is at device resolution');
    const target = snap.lang === 'zh' ? 'ru' : 'zh';
    await clickItem(page, `lang.${target}`);
    await waitForSnapshot(page, (s) => s.lang === target, { what: 'click at 2x' });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the canvas follows the window when it is resized', async ({ context, siteUrl }) => {
  const { page } = await openConsole(context, siteUrl);
  await page.setViewportSize({ width: 700, height: 500 });
  const snap = await waitForSnapshot(page, (s) => s.display.cssWidth === 700 && s.display.cssHeight === 500, { what: 'resize' });
  assert.equal(snap.display.cssWidth, 700);
  const canvas = await page.evaluate(() => ({ w: document.getElementById('canvas').width, dpr: devicePixelRatio }));
  assert.equal(canvas.w, Math.floor(700 * canvas.dpr));
  // The language buttons moved with the right edge.
  const rect = await itemRect(page, 'lang.zh');
  assert.ok(rect && rect.x + rect.w <= 700 && rect.x > 400, `lang.zh at ${JSON.stringify(rect)}`);
});

test('without WebGL 2 the page says so in plain words', async ({ context, siteUrl }) => {
  await context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : original.call(this, type, ...rest);
    };
  });
  const { page } = await openConsole(context, siteUrl, { waitReady: false });
  await page.waitForSelector('#fatal:not([hidden])', { timeout: 10_000 });
  const text = await page.textContent('#fatal-text');
  assert.match(text, /WebGL 2|WebGL 2/);
});

test('a failed download is reported, not left spinning', async ({ context, siteUrl }) => {
  await context.route('**/app.wasm', (route) => route.fulfill({ status: 404, body: 'missing' }));
  const { page } = await openConsole(context, siteUrl, { waitReady: false });
  await page.waitForSelector('#fatal:not([hidden])', { timeout: 10_000 });
  const text = await page.textContent('#fatal-text');
  assert.match(text, /app\.wasm/);
  assert.match(text, /404/);
});

test('the demo store runs in its worker; when the worker cannot load, the orders say why, and it starts once it can', async ({ context, siteUrl }) => {
  let refuse = true;
  await context.route('**/demo.wasm', (route) => (refuse ? route.abort() : route.continue()));
  const { page } = await openConsole(context, siteUrl);
  const failed = await waitForSnapshot(page, (s) => s.orders.error !== '' && !s.orders.loading,
    { what: 'the orders error', timeout: 30_000 });
  assert.match(failed.orders.errorDetail, /demo store could not start/);
  assert.equal(failed.orders.count, 0);
  // The next refresh starts a new worker, which loads.
  refuse = false;
  await clickItem(page, 'orders.refresh');
  const loaded = await waitForSnapshot(page, (s) => s.orders.count > 0 && s.orders.error === '',
    { what: 'the demo postings from a new worker', timeout: 30_000 });
  assert.ok(loaded.orders.count > 0);
});
