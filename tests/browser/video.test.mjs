// Packing video through Chromium's fake camera: with recording on, opening
// the camera on a posting to pack records it (the posting number and the
// time burned in) into the origin private file system until the posting
// ships; the recording is listed on the posting after a reload and saves as
// a WebM file. Off (the default), the camera records nothing.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, openDemo, openPosting, clickItem, snapshot, waitForSnapshot } from './harness.mjs';
import { lumaFrame, writeY4m, launchWithCamera } from './barcode_frames.mjs';

// A packing table: four different frames of grey blocks (no code to scan), a frame a second.
function writeTableVideo(dir) {
  const frames = [0, 1, 2, 3].map((n) => {
    const frame = lumaFrame({ width: 0, height: 0, rows: [] }, 640, 360);
    // Blocks of grey that change every frame: the encoder has something to do.
    for (let i = 0; i < frame.luma.length; i++) {
      const x = (i % 640) >> 4, y = Math.floor(i / 640) >> 4;
      frame.luma[i] = 40 + ((x * 37 + y * 91 + n * 53) % 180);
    }
    return frame;
  });
  const path = join(dir, 'table.y4m');
  writeY4m(path, frames, 1);
  return path;
}

async function scan(page, code) {
  await clickItem(page, 'detail.scan');
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
}

// A plain posting to pack (no marking codes, no address to check), opened.
async function openPlainPosting(page) {
  const snap = await snapshot(page);
  for (const candidate of snap.orders.visible.filter((p) => p.actions.includes('ship'))) {
    const opened = await openPosting(page, candidate.number);
    const d = opened.orders.detail;
    if (!d.checklist.markingRequired && !d.checklist.addressRequired) return opened;
  }
  return null;
}

async function opfsNames(page) {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const names = [];
    for await (const [name] of root.entries()) names.push(name);
    return names;
  });
}

test('packing video: a 5-second recording is stored, stops on ship, is listed after a reload and saves as WebM',
  async ({ siteUrl, chromium, chromiumArgs }) => {
    const dir = mkdtempSync(join(tmpdir(), 'video-test-'));
    const browser = await launchWithCamera(chromium, chromiumArgs, writeTableVideo(dir));
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
      const { page, errors } = await openDemo(context, siteUrl);
      let snap = await openPlainPosting(page);
      assert.ok(snap, 'the demo has a plain posting');
      const number = snap.orders.open;
      assert.equal(snap.device.recorder.enabled, false, 'off unless the seller turns it on');
      await clickItem(page, 'detail.video.record');
      await waitForSnapshot(page, (s) => s.device.recorder.enabled, { what: 'recording turned on' });

      await clickItem(page, 'detail.camera.open');
      snap = await waitForSnapshot(page, (s) => s.device.camera.open && s.device.recorder.recording,
        { what: 'the camera recording', timeout: 30_000 });
      assert.equal(snap.device.recorder.posting, number);
      assert.equal(snap.device.recorder.error, '');
      snap = await waitForSnapshot(page, (s) => s.device.recorder.seconds >= 5,
        { what: '5 seconds recorded', timeout: 40_000 });
      assert.ok(snap.device.recorder.bytes > 0);
      assert.ok(await page.evaluate(() => !!document.querySelector('.camera-panel video')), 'the preview stays');

      // Packed and shipped: the recording stops "shipped" and is listed on the posting.
      for (const [index, line] of snap.orders.detail.lines.entries()) {
        for (let n = 0; n < line.ordered; n++) await scan(page, snap.orders.detail.offerIds[index]);
      }
      await waitForSnapshot(page, (s) => s.orders.detail.checklist.missing.length === 0, { what: 'the checklist complete' });
      await clickItem(page, 'detail.ship');
      snap = await waitForSnapshot(page,
        (s) => !s.device.recorder.recording && !s.device.recorder.starting &&
          s.orders.detail && s.orders.detail.recordings.some((r) => r.ended === 'shipped'),
        { what: 'the recording stopped on ship and listed', timeout: 30_000 });
      const recording = snap.orders.detail.recordings.find((r) => r.ended === 'shipped');
      assert.ok(recording.seconds >= 5, JSON.stringify(recording));
      assert.ok(recording.bytes > 0);
      console.log(`  recorded ${recording.seconds} s, ${recording.bytes} bytes: ${Math.round(recording.bytes / recording.seconds)} bytes/s`);
      assert.deepEqual(snap.device.recorder.started, 1, 'one recording');
      assert.ok((await opfsNames(page)).includes('packing-video'));

      // After a reload: listed from the device alone.
      await page.reload();
      await page.waitForFunction(() => window.sellerConsole && window.sellerConsole.isReady === true, null, { timeout: 30_000 });
      snap = await waitForSnapshot(page, (s) => s.orders.count > 0 && !s.orders.loading && s.device.recorder.listed,
        { what: 'postings and recordings loaded again', timeout: 30_000 });
      assert.equal(snap.device.recorder.enabled, true, 'the setting is kept on the device');
      // The console reopens the posting that was open; else it is opened from its tab (shipped: awaiting shipment).
      if (snap.orders.open !== number) {
        await clickItem(page, 'orders.tab.awaiting_shipment');
        await waitForSnapshot(page, (s) => s.orders.visible.some((p) => p.number === number), { what: `${number} listed` });
        await openPosting(page, number);
      }
      snap = await waitForSnapshot(page, (s) => s.orders.open === number && s.orders.detail && s.orders.detail.recordings.length > 0,
        { what: 'the recording listed on its posting after the reload' });
      const [again] = snap.orders.detail.recordings;
      assert.equal(again.name, recording.name);
      assert.ok(again.seconds >= 4.5, JSON.stringify(again));
      assert.ok(again.bytes > 0);
      assert.equal(again.ended, 'shipped');
      assert.ok(snap.device.recorder.count >= 1);
      assert.ok(snap.device.recorder.usedBytes >= again.bytes);

      // Saved as a file for a dispute: a WebM (EBML) file named after the posting.
      const downloaded = page.waitForEvent('download', { timeout: 20_000 });
      await clickItem(page, 'detail.video.save.0');
      const download = await downloaded;
      assert.match(download.suggestedFilename(), new RegExp(`^packing-${number}-\\d{8}-\\d{4}\\.webm$`));
      const bytes = readFileSync(await download.path());
      assert.equal(bytes.length, again.bytes);
      assert.deepEqual([...bytes.subarray(0, 4)], [0x1a, 0x45, 0xdf, 0xa3], 'the EBML magic');

      // Deleted by the seller: gone from the posting and the device.
      await clickItem(page, 'detail.video.delete.0');
      await waitForSnapshot(page, (s) => s.orders.detail.recordings.length === 0 && s.device.recorder.count === 0,
        { what: 'the recording deleted' });
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, { timeout: 150_000 });

test('packing video: off (the default), the open camera records nothing and loads no recorder', async ({ siteUrl, chromium, chromiumArgs }) => {
  const dir = mkdtempSync(join(tmpdir(), 'video-test-'));
  const browser = await launchWithCamera(chromium, chromiumArgs, writeTableVideo(dir));
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, errors } = await openDemo(context, siteUrl);
    let snap = await openPlainPosting(page);
    assert.ok(snap, 'the demo has a plain posting');
    await clickItem(page, 'detail.camera.open');
    snap = await waitForSnapshot(page, (s) => s.device.camera.open && s.device.camera.decoder !== '',
      { what: 'the camera open', timeout: 30_000 });
    // The decision is taken in the frame that sees the camera open: nothing started, nothing loaded, nothing stored.
    assert.equal(snap.device.recorder.enabled, false);
    assert.equal(snap.device.recorder.recording || snap.device.recorder.starting, false);
    assert.equal(snap.device.recorder.started, 0);
    assert.equal(await page.evaluate(() => typeof self.sellerRecorder), 'undefined', 'recorder.js not loaded');
    assert.ok(!(await opfsNames(page)).includes('packing-video'));
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, { timeout: 90_000 });
