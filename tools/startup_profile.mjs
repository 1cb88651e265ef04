// Which functions of app.wasm the console runs as it starts: loads the site
// (app.wasm instrumented by `wasm-split --instrument`) in headless Chromium,
// on the demo store, until the first screen is drawn with its data, and
// writes wasm-split's profile of the functions that ran (tools/split_app.py
// splits app.wasm by it: those stay in the first load, the rest is fetched
// after the first frame).
//
// Usage: SITE_URL=http://127.0.0.1:PORT PROFILE_OUT=file node startup_profile.mjs
// (NODE_PATH with playwright-core; Chromium at /usr/bin/chromium).
// PROFILE_VIEWPORT=WxH (default 1280x800), PROFILE_LOCALE (default en-US);
// PROFILE_RELOAD=1 starts the console a second time in the same browser
// profile (restoring what the first start cached, the service worker
// serving it) and writes that start's profile to PROFILE_OUT-reload.
// PROFILE_MINUTES=N runs the page's timers on Playwright's clock and, once
// the start has settled, moves it on N minutes, a minute at a time: what the
// first minutes run on timers (a countdown's redraw, the alert sweep at a
// deadline, the orders refresh) is then in the first load too. Due while the
// rest of the code downloads, each would otherwise fetch it synchronously.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const siteUrl = process.env.SITE_URL;
const out = process.env.PROFILE_OUT;
if (!siteUrl || !out) {
  console.error('set SITE_URL and PROFILE_OUT');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const [width, height] = (process.env.PROFILE_VIEWPORT || '1280x800').split('x').map(Number);
const context = await browser.newContext({ viewport: { width, height }, locale: process.env.PROFILE_LOCALE || 'en-US' });

// Starts the console in a new page, waits until it has settled, writes the
// profile of that start and closes the page (growing the memory for the
// profile left the app's views of it stale).
async function profileStart(file) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(String(err)));
  const minutes = Number(process.env.PROFILE_MINUTES || 0);
  if (minutes) await page.clock.install();
  await page.goto(siteUrl + '/');
  // Polled from here: page.waitForFunction's polling would run on the page's timers, the clock's under PROFILE_MINUTES.
  const until = async (check, arg) => {
    const deadline = Date.now() + 120_000;
    while (!(await page.evaluate(check, arg))) {
      if (Date.now() > deadline) throw new Error('startup_profile: timed out waiting for ' + check);
      await new Promise((resolve) => { setTimeout(resolve, 100); });
    }
  };
  await until(() => Boolean(window.sellerConsole && window.sellerConsole.isReady));
  // Settled: the orders, the stock and the chats of the demo store are in and drawn.
  await until(() => {
    const s = window.sellerConsole.snapshot();
    return !s.orders.loading && s.orders.count > 0 && s.stock.loaded && s.chats.loaded
      && (s.lang !== 'zh' || s.textInput.chineseRestFont === 'in');  // the rest of the Chinese font merged
  });
  // The automation hook's widget lookup, which the browser tests use from the start.
  await page.evaluate(() => window.sellerConsole.itemRect('nav.orders'));
  const framesAfter = async () => {
    const drawn = await page.evaluate(() => window.sellerConsole.framesDrawn());
    await until((n) => window.sellerConsole.framesDrawn() >= n + 2, drawn);
  };
  await framesAfter();
  for (let minute = 0; minute < minutes; minute++) {
    await page.clock.fastForward('01:00');
    await until(() => !window.sellerConsole.snapshot().orders.loading);
    await framesAfter();
  }
  if (problems.length) throw new Error('the page failed: ' + problems.join('; '));
  const profile = await page.evaluate(() => {
    const exports = window.__profiledInstance.exports;
    const memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
    // Written past the heap's end, in memory grown for it: nothing of the app's is touched.
    const at = memory.buffer.byteLength;
    const size = 1 << 20;
    memory.grow(size >> 16);
    const written = exports.__write_profile(at, size);
    return Array.from(new Uint8Array(memory.buffer, at, written));
  });
  writeFileSync(file, Buffer.from(profile));
  await page.close();
}

try {
  // The instance's exports hold the profile writer; the page keeps no handle
  // on the instance, so WebAssembly.instantiate is wrapped to note it.
  await context.addInitScript(() => {
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = function (...args) {
      return instantiate.apply(this, args).then((result) => {
        const instance = result instanceof WebAssembly.Instance ? result : result.instance;
        if (instance.exports.__write_profile && !window.__profiledInstance) window.__profiledInstance = instance;
        return result;
      });
    };
  });
  await profileStart(out);
  if (process.env.PROFILE_RELOAD) await profileStart(out + '-reload');
  console.log(`startup profile (${width}x${height}, ${process.env.PROFILE_LOCALE || 'en-US'}${process.env.PROFILE_RELOAD ? ', and reloaded' : ''}`
    + `${process.env.PROFILE_MINUTES ? `, then ${process.env.PROFILE_MINUTES} minutes on its timers` : ''}) written`);
} finally {
  await browser.close();
}
