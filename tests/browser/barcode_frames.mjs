// Camera frames showing a barcode, made at test time: Debian's zint draws the
// symbol (an encoder independent of the ZXing reader under test), it is
// placed on a white 1280x720 frame, and the frames become a Y4M video that
// Chromium's fake camera plays (--use-file-for-fake-video-capture), or RGBA
// pixels for the decoder benchmark.
import { execFileSync } from 'node:child_process';
import { openSync, writeSync, closeSync } from 'node:fs';

// The symbol as rows of booleans (true = dark), from zint's BMP output.
function readBmp(bytes) {
  if (bytes.toString('ascii', 0, 2) !== 'BM') throw new Error('zint did not write a BMP');
  const dataOffset = bytes.readUInt32LE(10);
  const width = bytes.readInt32LE(18);
  const rawHeight = bytes.readInt32LE(22);
  const bpp = bytes.readUInt16LE(28);
  const height = Math.abs(rawHeight);
  const stride = Math.ceil((width * bpp) / 32) * 4;
  const palette = [];
  if (bpp <= 8) for (let i = 0; i < 1 << bpp; i++) palette.push(bytes[54 + i * 4 + 1]);  // the green channel
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = rawHeight > 0 ? height - 1 - y : y;  // positive height: stored bottom-up
    const start = dataOffset + row * stride;
    const line = new Array(width);
    for (let x = 0; x < width; x++) {
      let level;
      if (bpp === 1) level = palette[(bytes[start + (x >> 3)] >> (7 - (x & 7))) & 1];
      else if (bpp === 8) level = palette[bytes[start + x]];
      else level = bytes[start + x * (bpp / 8) + 1];
      line[x] = level < 128;
    }
    rows.push(line);
  }
  return { width, height, rows };
}

// zint's arguments for the symbol: ['-b', 'EANX', '-d', '460...'] and the like.
export function drawSymbol(zintArgs, scale) {
  const bmp = execFileSync('zint', [...zintArgs, `--scale=${scale}`, '--filetype=BMP', '--direct']);
  return readBmp(bmp);
}

// An EAN-13 of `digits` (12 or 13 digits), without the human-readable text.
export function ean13(digits, scale = 4) {
  return drawSymbol(['-b', 'EANX', '--notext', '-d', digits], scale);
}

// A Chestny ZNAK marking code: GS1 DataMatrix, FNC1 first, GS after the
// variable-length serial. `gtin14`, `serial` (AI 21), `key` (AI 93).
export function markingDataMatrix(gtin14, serial, key, scale = 10) {
  return drawSymbol(['-b', 'DATAMATRIX', '--gs1', '--gs1nocheck', '--square',
    '-d', `[01]${gtin14}[21]${serial}[93]${key}`], scale);
}

// A grey frame (one byte a pixel) with the symbol in the middle, on white.
export function lumaFrame(symbol, width = 1280, height = 720) {
  const luma = new Uint8Array(width * height).fill(235);
  const left = Math.floor((width - symbol.width) / 2);
  const top = Math.floor((height - symbol.height) / 2);
  for (let y = 0; y < symbol.height; y++) {
    const row = symbol.rows[y];
    const out = (top + y) * width + left;
    for (let x = 0; x < symbol.width; x++) if (row[x]) luma[out + x] = 20;
  }
  return { width, height, luma };
}

export function rgbaFrame(frame) {
  const rgba = new Uint8ClampedArray(frame.width * frame.height * 4);
  for (let i = 0; i < frame.luma.length; i++) {
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = frame.luma[i];
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

// A YUV4MPEG2 file (4:2:0, grey: U = V = 128) playing `frames` at `fps`.
export function writeY4m(path, frames, fps) {
  const { width, height } = frames[0];
  const chroma = new Uint8Array((width / 2) * (height / 2)).fill(128);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
    for (const frame of frames) {
      writeSync(fd, 'FRAME\n');
      writeSync(fd, frame.luma);
      writeSync(fd, chroma);
      writeSync(fd, chroma);
    }
  } finally {
    closeSync(fd);
  }
}

// The GTIN-14 of an EAN-13 (a leading zero), as a marking code carries it.
export function gtin14(ean) {
  return ean.padStart(14, '0');
}

// A browser whose camera plays `video` (Chromium loops it).
export async function launchWithCamera(chromium, chromiumArgs, video) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: [...chromiumArgs, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`],
  });
}
