// Camera scanning benchmark (prints numbers; not a test): the scanner
// worker's decode time per 1280x720 frame for an EAN-13, a Chestny ZNAK
// DataMatrix and a frame with no code (the worst case: every format is
// searched for), measured inside the worker (web/scanner-worker.js, the
// same one the console uses) in headless Chromium; and the sizes of what
// the camera loads on first use, beside app.wasm's.
//
// Environment: SITE_URL, SITE_DIR, NODE_PATH with playwright-core. RUNS (default 20).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { ean13, markingDataMatrix, lumaFrame } from '../tests/browser/barcode_frames.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const siteUrl = process.env.SITE_URL;
const siteDir = process.env.SITE_DIR;
const runs = Number(process.env.RUNS || 20);
const args = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };

console.log('camera: files loaded when the camera first opens (not in the first load)');
for (const name of ['camera.js', 'scanner-worker.js', 'scanner.js', 'scanner.wasm', 'app.wasm']) {
  const data = readFileSync(join(siteDir, name));
  console.log(`  ${name.padEnd(20)} ${kb(data.length).padStart(10)} raw ${kb(gzipSync(data, { level: 6 }).length).padStart(10)} gzip`);
}

const frames = {
  'EAN-13': lumaFrame(ean13('460123456789', 2)),
  'DataMatrix (GS1, Chestny ZNAK)': lumaFrame(markingDataMatrix('04601234567893', '5Bx7Kq', 'AbCd', 5)),
  'no code': lumaFrame({ width: 0, height: 0, rows: [] }),
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args });
try {
  const page = await browser.newPage();
  // An empty page of the site's origin, so the worker loads as the console loads it.
  await page.route(`${siteUrl}/camera-bench.html`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
  await page.goto(`${siteUrl}/camera-bench.html`);
  const loadMs = await page.evaluate(() => new Promise((resolve, reject) => {
    const started = performance.now();
    const worker = new Worker('scanner-worker.js');
    window.benchWorker = worker;
    worker.onmessage = (e) => (e.data.type === 'ready' ? resolve(performance.now() - started) : reject(new Error(e.data.detail)));
    worker.postMessage({ type: 'load' });
  }));
  console.log(`camera: decoder load (worker + scanner.js + scanner.wasm compile) ${loadMs.toFixed(0)} ms`);
  for (const [name, frame] of Object.entries(frames)) {
    const result = await page.evaluate(async ({ luma64, width, height, runs: count }) => {
      const luma = Uint8Array.from(atob(luma64), (c) => c.charCodeAt(0));
      const decodeOnce = () => new Promise((resolve) => {
        const rgba = new Uint8ClampedArray(width * height * 4);
        for (let i = 0; i < luma.length; i++) { rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = luma[i]; rgba[i * 4 + 3] = 255; }
        window.benchWorker.onmessage = (e) => resolve(e.data);
        window.benchWorker.postMessage({ type: 'decode', width, height, pixels: rgba.buffer }, [rgba.buffer]);
      });
      const first = await decodeOnce();  // warm-up
      const ms = [];
      for (let i = 0; i < count; i++) ms.push((await decodeOnce()).ms);
      return { codes: first.codes, formats: first.formats, ms };
    }, { luma64: Buffer.from(frame.luma).toString('base64'), width: frame.width, height: frame.height, runs });
    console.log(`camera: decode 1280x720 ${name.padEnd(31)} median ${percentile(result.ms, 0.5).toFixed(1)} ms, ` +
                `p90 ${percentile(result.ms, 0.9).toFixed(1)} ms (${runs} frames) -> ${JSON.stringify(result.codes)} ${result.formats.join(',')}`);
  }
} finally {
  await browser.close();
}
