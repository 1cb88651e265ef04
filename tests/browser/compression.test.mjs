// Compressed serving: the big files go out as the .br/.gz copies written when
// the site was assembled (tools/precompress.py), with the headers a browser
// needs (app.wasm stays application/wasm, so it compiles while it streams);
// a copy older than its file is never sent; and the console boots from them,
// app.wasm fetched once (the page's preload is the fetch boot.js uses).
import assert from 'node:assert/strict';
import http from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { test, openConsole } from './harness.mjs';
import { startServe } from './services.mjs';

// GET `url` with an Accept-Encoding; resolves {status, headers, body} (body as sent, still encoded).
function get(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === null ? {} : { 'Accept-Encoding': acceptEncoding };
    http.get(url, { headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

const decode = { br: brotliDecompressSync, gzip: gunzipSync };
const BIG_FILES = [['app.wasm', 'application/wasm'], ['app.js', 'text/javascript; charset=utf-8'],
  ['lang-zh.json', 'application/json'], ['ui-cjk.ttf', 'font/ttf'], ['ui-cjk-rest.ttf', 'font/ttf']];

test('compression: the big files are served from their stored .br/.gz copies with the right headers', async ({ siteUrl, buildDir }) => {
  for (const [name, type] of BIG_FILES) {
    const file = readFileSync(join(buildDir, 'site', name));
    for (const [accept, coding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip', 'gzip'], [null, undefined]]) {
      const r = await get(`${siteUrl}/${name}`, accept);
      const what = `${name} with Accept-Encoding ${accept}`;
      assert.equal(r.status, 200, what);
      assert.equal(r.headers['content-type'], type, what);
      assert.equal(r.headers['content-encoding'], coding, what);
      assert.match(r.headers.vary || '', /Accept-Encoding/i, what);
      assert.equal(r.headers['content-length'], String(r.body.length), what);
      assert.ok((coding ? decode[coding](r.body) : r.body).equals(file), `${what}: the body is not the file`);
      if (coding) {
        const stored = readFileSync(join(buildDir, 'site', name + (coding === 'br' ? '.br' : '.gz')));
        assert.ok(r.body.equals(stored), `${what}: not the stored copy`);
        assert.ok(r.body.length < file.length * 0.8, `${what}: ${r.body.length} bytes of ${file.length}`);
      }
    }
  }
  // Each representation has its own ETag, so a revalidation never mixes them.
  const [br, gz] = [await get(`${siteUrl}/app.wasm`, 'br'), await get(`${siteUrl}/app.wasm`, 'gzip')];
  assert.notEqual(br.headers.etag, gz.headers.etag);
});

test('compression: a stored copy older than its file is not sent', async ({ repoRoot, buildDir }) => {
  const site = mkdtempSync(join(tmpdir(), 'compression-site-'));
  cpSync(join(buildDir, 'site'), site, { recursive: true });
  // app.wasm replaced after the site was assembled (a hand deploy): its copies are stale.
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(site, 'app.wasm'), later, later);
  const server = await startServe(repoRoot, buildDir, ['--site', site]);
  try {
    const file = readFileSync(join(site, 'app.wasm'));
    const gz = await get(`${server.url}/app.wasm`, 'gzip, br');
    assert.equal(gz.headers['content-encoding'], 'gzip', 'gzip made on the fly, not the stale brotli copy');
    assert.ok(gunzipSync(gz.body).equals(file));
    const brOnly = await get(`${server.url}/app.wasm`, 'br');
    assert.equal(brOnly.headers['content-encoding'], undefined, 'no brotli without a fresh copy');
    assert.ok(brOnly.body.equals(file));
  } finally {
    server.stop();
    rmSync(site, { recursive: true, force: true });
  }
});

test('compression: the console boots from compressed files, app.wasm fetched once', async ({ context, siteUrl }) => {
  const wasm = [];
  context.on('response', (response) => {
    // The page's own fetches: the service worker precaches app.wasm again after the first frame.
    if (new URL(response.url()).pathname === '/app.wasm' && !response.request().serviceWorker()) wasm.push(response);
  });
  const { page, errors } = await openConsole(context, siteUrl);
  assert.equal(wasm.length, 1, `app.wasm fetched ${wasm.length} times (a preload not reused?)`);
  const headers = await wasm[0].allHeaders();
  assert.ok(['gzip', 'br'].includes(headers['content-encoding']), `app.wasm came as ${headers['content-encoding']}`);
  assert.equal(headers['content-type'], 'application/wasm');
  assert.ok(await page.evaluate(() => window.sellerConsole.framesDrawn()) >= 1);
  assert.deepEqual(errors, []);
});
