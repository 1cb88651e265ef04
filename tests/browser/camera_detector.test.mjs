// Camera scanning through the browser's own BarcodeDetector (Android
// Chrome, macOS): where it reads every format the console needs, the
// ZXing worker is never loaded. Chromium on Linux has no detector, so the
// page gets a stand-in with the standard interface; what is tested is the
// console's side: the choice, the frames handed over, the codes scanned.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, openDemo, openPosting, clickItem, snapshot, waitForSnapshot } from './harness.mjs';
import { lumaFrame, writeY4m, launchWithCamera } from './barcode_frames.mjs';

test('camera: the browser\'s BarcodeDetector reads the frames where it has our formats; the worker never loads',
  async ({ siteUrl, chromium, chromiumArgs }) => {
    const dir = mkdtempSync(join(tmpdir(), 'camera-detector-'));
    const video = join(dir, 'blank.y4m');
    writeY4m(video, [lumaFrame({ width: 0, height: 0, rows: [] })], 1);
    const browser = await launchWithCamera(chromium, chromiumArgs, video);
    try {
      // No service worker: its precache would fetch the worker's files too.
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
      await context.addInitScript(() => {
        self.detectorStandIn = { formats: null, frames: 0, shows: '' };
        self.BarcodeDetector = class {
          static async getSupportedFormats() { return ['aztec', 'code_128', 'data_matrix', 'ean_13', 'ean_8', 'qr_code']; }
          constructor(options) { self.detectorStandIn.formats = options && options.formats; }
          async detect(source) {
            if (!(source instanceof HTMLVideoElement)) throw new TypeError('a video frame is expected');
            self.detectorStandIn.frames++;
            const shows = self.detectorStandIn.shows;
            return shows ? [{ rawValue: shows, format: 'code_128', boundingBox: new DOMRectReadOnly(0, 0, 10, 10) }] : [];
          }
        };
      });
      const requests = [];
      context.on('request', (r) => requests.push(new URL(r.url()).pathname));
      const { page, errors } = await openDemo(context, siteUrl);
      const posting = (await snapshot(page)).orders.visible.find((p) => p.actions.includes('ship'));
      let snap = await openPosting(page, posting.number);
      const code = snap.orders.detail.offerIds[0];
      await clickItem(page, 'detail.camera.open');
      snap = await waitForSnapshot(page, (s) => s.device.camera.open && s.device.camera.decoder !== '',
        { what: 'the camera open with a decoder', timeout: 30_000 });
      assert.equal(snap.device.camera.decoder, 'barcode_detector');
      assert.deepEqual(await page.evaluate(() => self.detectorStandIn.formats), ['ean_13', 'ean_8', 'code_128', 'data_matrix']);
      await page.waitForFunction(() => self.detectorStandIn.frames > 0, null, { timeout: 10_000 });
      // The code comes into view: scanned once, from the camera.
      await page.evaluate((shown) => { self.detectorStandIn.shows = shown; }, code);
      snap = await waitForSnapshot(page, (s) => s.orders.detail.lastScan && s.orders.detail.lastScan.code === code,
        { what: 'the detector\'s code scanned' });
      assert.equal(snap.orders.detail.lastScan.source, 'camera');
      const framesThen = await page.evaluate(() => self.detectorStandIn.frames);
      await page.waitForFunction((n) => self.detectorStandIn.frames > n + 3, framesThen, { timeout: 10_000 });
      snap = await snapshot(page);
      assert.equal(snap.device.camera.codesDecoded, 1, 'still in view: not scanned again');
      assert.ok(snap.device.camera.repeatsIgnored >= 3);
      assert.equal(requests.filter((p) => /scanner(-worker)?\.(js|wasm)$/.test(p)).length, 0, 'the ZXing worker was not loaded');
      await clickItem(page, 'detail.camera.close');
      await waitForSnapshot(page, (s) => !s.device.camera.open, { what: 'the camera closed' });
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, { timeout: 90_000 });
