// Decodes camera frames off the main thread (web/camera.js starts it the
// first time the camera opens, where the browser has no BarcodeDetector for
// our formats). scanner.js + scanner.wasm are ZXing-C++'s reader compiled to
// WebAssembly (the zxing-wasm package, fetched by tools/deps.sh), loaded on
// the first message. Frames come one at a time as RGBA pixels.
'use strict';
// The formats a packing table meets: EAN-13/EAN-8 on products, Code 128 on
// labels, DataMatrix for Chestny ZNAK marking codes (QR for the odd label).
const FORMATS = ['EAN-13', 'EAN-8', 'Code128', 'DataMatrix', 'QRCode'];
// Plain text: a GS1 DataMatrix keeps its group separators (0x1D) between
// fields, as a hardware scanner types them, and no symbology prefix.
const OPTIONS = { formats: FORMATS, tryHarder: true, tryRotate: true, tryInvert: false, maxNumberOfSymbols: 4, textMode: 'Plain' };

let ready = null;

function load() {
  if (!ready) {
    ready = new Promise((resolve, reject) => {
      importScripts('scanner.js');  // throws when it cannot load: the promise rejects
      self.ZXingWASM.prepareZXingModule({
        overrides: { locateFile: (path) => (path.endsWith('.wasm') ? new URL('scanner.wasm', self.location.href).href : path) },
        fireImmediately: true,
      }).then(resolve, reject);
    });
  }
  return ready;
}

async function decode(msg) {
  const started = performance.now();
  const image = new ImageData(new Uint8ClampedArray(msg.pixels), msg.width, msg.height);
  const found = await self.ZXingWASM.readBarcodes(image, OPTIONS);
  const codes = found.filter((r) => r.isValid && r.text).map((r) => r.text);
  return { type: 'result', codes, formats: found.filter((r) => r.isValid).map((r) => r.format),
           ms: performance.now() - started };
}

self.onmessage = (event) => {
  const msg = event.data;
  load().then(async () => {
    if (msg.type === 'load') return self.postMessage({ type: 'ready' });
    try {
      self.postMessage(await decode(msg));
    } catch (error) {
      self.postMessage({ type: 'result', codes: [], error: String(error && error.message || error) });
    }
  }, (error) => {
    self.postMessage({ type: 'failed', detail: 'the barcode decoder could not load: ' + String(error && error.message || error) });
  });
};
