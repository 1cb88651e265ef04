// Camera scanning at the packing table, through Chromium's fake camera: it
// plays a video made at test time (tests/browser/barcode_frames.mjs) showing
// a product's EAN-13, then a Chestny ZNAK marking code (GS1 DataMatrix) for
// the posting. The decoded codes must arrive like a hardware scanner's.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, openDemo, openPosting, clickItem, assertIdle, idleFrames, snapshot, typeInto, waitForSnapshot } from './harness.mjs';
import { ean13, markingDataMatrix, lumaFrame, writeY4m, gtin14, launchWithCamera } from './barcode_frames.mjs';

const SERIAL = '5Bx7Kq';
const CRYPTO_KEY = 'AbCd';
const GS = '\u001d';

// Opens a posting wherever it is in the list: searched for, its row is on screen.
async function openByNumber(page, number) {
  await typeInto(page, 'orders.search', number);
  await waitForSnapshot(page, (s) => s.orders.search === number && s.orders.visible.slice(0, 5).some((p) => p.number === number),
    { what: `${number} found` });
  return openPosting(page, number);
}

// A demo posting that needs marking codes, with what the camera will show:
// the EAN of one line (`eanLine`) and a marking code for a marked line
// (`markLine`) - two units counted, so both fit the quantities ordered.
async function findMarkedPosting(page, seen) {
  const candidates = (await snapshot(page)).orders.visible.filter((p) => p.marking && p.actions.includes('ship'));
  for (const candidate of candidates.slice(0, 40)) {
    await openByNumber(page, candidate.number);
    // Loaded, then checked with Ozon (was it sent before?): 'editing' when it was not.
    const snap = await waitForSnapshot(page, (s) => s.orders.detail && !['idle', 'loading', 'checking'].includes(s.orders.detail.marking.state),
      { what: `the marking form of ${candidate.number}` });
    const detail = snap.orders.detail;
    seen.push(`${candidate.number}: ${detail.marking.state} ${JSON.stringify(detail.marking.missing)} ${JSON.stringify(detail.lines)}`);
    if (detail.marking.state !== 'editing') continue;
    const marked = new Set(detail.marking.missing.filter((m) => m.endsWith(': mark')).map((m) => Number(m.split(' ')[0])));
    const lines = detail.lines;
    const markLine = lines.findIndex((l) => marked.has(l.sku) && l.barcodes && l.barcodes.length);
    if (markLine < 0) continue;
    let eanLine = lines.findIndex((l, i) => i !== markLine && l.barcodes && l.barcodes.length);
    if (eanLine < 0 && lines[markLine].ordered >= 2) eanLine = markLine;
    if (eanLine < 0) continue;
    const markGtin = gtin14(lines[markLine].barcodes[0]);
    return { number: candidate.number, eanLine, markLine, ean: lines[eanLine].barcodes[0], markGtin,
             mark: `01${markGtin}21${SERIAL}${GS}93${CRYPTO_KEY}` };
  }
  return null;
}

// The EAN for 10 s, then the marking code for 20 s, a frame a second: the
// EAN is gone long before the video loops (a second sighting after the
// quiet time would be a second scan).
function writeScanVideo(dir, target) {
  const ean = lumaFrame(ean13(target.ean, 2));
  const mark = lumaFrame(markingDataMatrix(target.markGtin, SERIAL, CRYPTO_KEY, 5));
  const path = join(dir, 'scan.y4m');
  writeY4m(path, [...Array(10).fill(ean), ...Array(20).fill(mark)], 1);
  return path;
}

test('camera: an EAN-13 is counted and a DataMatrix marking code fills the form, each once, source camera',
  async ({ context, siteUrl, chromium, chromiumArgs, artifacts }) => {
    // The posting and its codes, found in a browser without a camera.
    const { page: finder } = await openDemo(context, siteUrl);
    const seen = [];
    const target = await findMarkedPosting(finder, seen);
    assert.ok(target, `the demo has a posting with a marked product and a catalogue barcode:\n${seen.join('\n')}`);
    const dir = mkdtempSync(join(tmpdir(), 'camera-test-'));
    const browser = await launchWithCamera(chromium, chromiumArgs, writeScanVideo(dir, target));
    try {
      const cameraContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const { page, errors } = await openDemo(cameraContext, siteUrl);
      await openByNumber(page, target.number);
      // The scanner fills the form only once it is open for editing.
      let snap = await waitForSnapshot(page, (s) => s.orders.detail.marking.state === 'editing', { what: 'the marking form' });
      assert.equal(snap.device.camera.open, false);
      const counted = snap.orders.detail.lines[target.eanLine].counted;
      await clickItem(page, 'detail.camera.open');
      snap = await waitForSnapshot(page, (s) => s.device.camera.open && s.device.camera.decoder !== '',
        { what: 'the camera open with a decoder', timeout: 30_000 });
      console.log(`  camera decoder exercised: ${snap.device.camera.decoder}`);
      assert.ok(['barcode_detector', 'zxing'].includes(snap.device.camera.decoder));
      assert.equal(snap.device.camera.facing, 'back');
      assert.ok(await page.$('.camera-panel video'), 'the preview is on the page');
      // A corner on a wide screen; the full width at the top below 600 CSS px.
      const panelBox = () => page.$eval('.camera-panel', (el) => {
        const r = el.getBoundingClientRect();
        return { position: getComputedStyle(el).position, left: r.left, top: r.top, width: r.width, right: r.right };
      });
      const box = await panelBox();
      assert.equal(box.position, 'fixed');
      assert.ok(box.width < 640 && box.left > 640, `a corner: ${JSON.stringify(box)}`);
      await page.setViewportSize({ width: 500, height: 800 });
      await page.waitForFunction(() => {
        const r = document.querySelector('.camera-panel').getBoundingClientRect();
        return r.left === 0 && r.top === 0 && r.width === 500;
      }, null, { timeout: 5_000 });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.waitForFunction(() => document.querySelector('.camera-panel').getBoundingClientRect().width < 640, null, { timeout: 5_000 });

      snap = await waitForSnapshot(page, (s) => s.orders.detail.lastScan && s.orders.detail.lastScan.code === target.ean,
        { what: 'the EAN-13 scanned by the camera', timeout: 40_000 });
      assert.equal(snap.orders.detail.lastScan.source, 'camera');
      assert.equal(snap.orders.detail.lines[target.eanLine].counted, counted + 1);
      writeFileSync(join(artifacts, 'camera-open.png'), await page.screenshot());

      snap = await waitForSnapshot(page, (s) => s.orders.detail.marking.units.some((u) => u.mark === target.mark),
        { what: 'the marking code filled into the form', timeout: 40_000 });
      assert.equal(snap.orders.detail.lastScan.code, target.mark, 'decoded with its group separator, as a scanner types it');
      assert.equal(snap.orders.detail.lastScan.source, 'camera');
      assert.equal(snap.orders.detail.stop.active, false);
      // Each code once, though the camera saw each in many frames.
      assert.equal(snap.device.camera.codesDecoded, 2);
      assert.ok(snap.device.camera.repeatsIgnored > 0, 'repeats of a code in view were ignored');
      assert.equal(snap.orders.detail.lines[target.eanLine].counted, counted + 1 + (target.eanLine === target.markLine ? 1 : 0));

      // Closed: no preview, no frames grabbed, nothing drawn.
      await clickItem(page, 'detail.camera.close');
      await waitForSnapshot(page, (s) => !s.device.camera.open && !s.device.camera.starting, { what: 'the camera closed' });
      assert.equal(await page.$('.camera-panel'), null);
      const grabbed = await page.evaluate(() => self.sellerCamera.framesGrabbed);
      const idle = await idleFrames(page);  // idle is the absence of frames over time: sampled
      assert.equal(await page.evaluate(() => self.sellerCamera.framesGrabbed), grabbed, 'no frame grabbed while closed');
      assertIdle(idle, 'with the camera closed');  // no frame loop

      // Opened again, then the tab hides: the camera stops.
      await clickItem(page, 'detail.camera.open');
      await waitForSnapshot(page, (s) => s.device.camera.open, { what: 'the camera open again', timeout: 30_000 });
      await page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
        delete document.visibilityState;  // visible again (the prototype's getter)
      });
      await waitForSnapshot(page, (s) => !s.device.camera.open, { what: 'the camera closed with the tab hidden' });
      assert.equal(await page.$('.camera-panel'), null);

      // Opened again, then the posting closes: the camera goes with it.
      await clickItem(page, 'detail.camera.open');
      await waitForSnapshot(page, (s) => s.device.camera.open, { what: 'the camera open again', timeout: 30_000 });
      await page.keyboard.press('Escape');
      snap = await waitForSnapshot(page, (s) => !s.device.camera.open && s.orders.open === '',
        { what: 'the camera closed with the posting' });
      assert.equal(await page.$('.camera-panel'), null);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, { timeout: 150_000 });

test('camera: a decoder that cannot load is said in the detail, and the camera works once it can', async ({ siteUrl, chromium, chromiumArgs }) => {
  const dir = mkdtempSync(join(tmpdir(), 'camera-test-'));
  const video = join(dir, 'blank.y4m');
  writeY4m(video, [lumaFrame({ width: 0, height: 0, rows: [] })], 1);
  const browser = await launchWithCamera(chromium, chromiumArgs, video);
  try {
    // No service worker: the decoder's files come from the network, where the test refuses them.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    await context.route('**/scanner.wasm', (route) => route.abort());
    const { page } = await openDemo(context, siteUrl);
    const posting = (await snapshot(page)).orders.visible.find((p) => p.actions.includes('ship'));
    await openPosting(page, posting.number);
    await clickItem(page, 'detail.camera.open');
    let snap = await waitForSnapshot(page, (s) => s.device.camera.error !== '', { what: 'the decoder failure', timeout: 30_000 });
    assert.equal(snap.device.camera.error, 'decoder_failed');
    assert.equal(snap.device.camera.open, false);
    assert.equal(await page.$('.camera-panel'), null, 'no preview of a camera that cannot scan');
    // The scan field still counts a scanner's codes.
    await clickItem(page, 'detail.scan');
    await page.keyboard.type(snap.orders.detail.offerIds[0], { delay: 5 });
    await page.keyboard.press('Enter');
    snap = await waitForSnapshot(page, (s) => s.orders.detail.lastScan && s.orders.detail.lastScan.source === 'keyboard',
      { what: 'a keyboard scan' });
    await context.unroute('**/scanner.wasm');
    await clickItem(page, 'detail.camera.open');
    snap = await waitForSnapshot(page, (s) => s.device.camera.open && s.device.camera.error === '',
      { what: 'the camera open once the decoder loads', timeout: 30_000 });
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, { timeout: 120_000 });

test('camera: without a camera the detail says so and scanning by keyboard goes on', async ({ context, siteUrl }) => {
  // The default test browser has no camera device (and no fake one).
  const { page, errors } = await openDemo(context, siteUrl);
  const posting = (await snapshot(page)).orders.visible.find((p) => p.actions.includes('ship'));
  let snap = await openPosting(page, posting.number);
  await clickItem(page, 'detail.camera.open');
  snap = await waitForSnapshot(page, (s) => s.device.camera.error !== '', { what: 'the camera refused', timeout: 30_000 });
  assert.ok(['denied', 'no_camera'].includes(snap.device.camera.error), snap.device.camera.error);
  assert.equal(snap.device.camera.open, false);
  assert.equal(snap.orders.open, posting.number);
  assert.deepEqual(errors.filter((e) => !/camera|Permission|NotAllowed|NotFound|device/i.test(e)), []);
});
