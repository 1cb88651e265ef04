// Tests of serve.py itself (no page involved but one): path safety, MIME types
// and security headers, malformed requests, bursts of connections, clients
// that hang up mid-response, the portal allow-list (frame-ancestors and
// /portals.json), and the optional forwarding proxy (/ozon/ -> Seller API)
// with its header filter, origin checks and deadline.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from './harness.mjs';

// Sends `lines` verbatim over a raw TCP socket (fetch and URL would normalise
// `..` away) and parses the HTTP/1.1 response, the body as a Buffer.
function rawRequest(baseUrl, head, body = null) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) });
    const chunks = [];
    sock.setTimeout(15_000, () => { sock.destroy(); reject(new Error(`raw request timed out: ${String(head).split('\r\n')[0].slice(0, 100)}`)); });
    sock.on('connect', () => { sock.write(head); if (body) sock.write(body); });
    sock.on('data', (c) => chunks.push(c));
    sock.on('error', reject);
    sock.on('end', () => {
      const all = Buffer.concat(chunks);
      const sep = all.indexOf('\r\n\r\n');
      if (sep < 0) { reject(new Error(`no HTTP response head in ${JSON.stringify(all.toString('latin1').slice(0, 200))}`)); return; }
      const lines = all.subarray(0, sep).toString('latin1').split('\r\n');
      const status = Number(lines[0].split(' ')[1]);
      const headers = {};
      for (const l of lines.slice(1)) {
        const i = l.indexOf(':');
        headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
      }
      resolve({ status, headers, body: all.subarray(sep + 4) });
    });
  });
}

function rawGet(baseUrl, path) {
  const { host } = new URL(baseUrl);
  return rawRequest(baseUrl, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
}

// node:http request; resolves { status, headers, body: Buffer }.
function request(url, { method = 'GET', headers = {}, body = null } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`request timed out: ${method} ${url}`)));
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

function findFiles(dir, ext) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...findFiles(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

function siteWasm(buildDir) {
  const site = join(buildDir, 'site');
  const files = findFiles(site, '.wasm').map((p) => ({ path: p, size: statSync(p).size })).sort((a, b) => b.size - a.size);
  assert.ok(files.length > 0, `no .wasm file under ${site}`);
  return { url: '/' + relative(site, files[0].path).split('\\').join('/'), size: files[0].size };
}

const TRAVERSALS = [
  '/../etc/passwd',
  '/../../../../../../etc/passwd',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/%2e%2e%2fetc%2fpasswd',
  '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/%2f..%2f..%2fetc%2fpasswd',
  '//etc/passwd',
  '/..%5c..%5cetc/passwd',
  '/%252e%252e/etc/passwd',
  '/%252e%252e%252f%252e%252e%252fetc%252fpasswd',
  '/.%2e/.%2e/etc/passwd',
  '/%00index.html',
  '/index.html%00.js',
];

test('serve: path traversal is refused with 404', async ({ siteUrl }) => {
  for (const path of TRAVERSALS) {
    const r = await rawGet(siteUrl, path);
    assert.equal(r.status, 404, `${path} gave ${r.status}`);
    assert.ok(!r.body.toString('latin1').includes('root:'), `${path} leaked /etc/passwd`);
  }
  // Sanity: the same raw client does get the page itself.
  const ok = await rawGet(siteUrl, '/');
  assert.equal(ok.status, 200);
  assert.match(ok.headers['content-type'], /^text\/html/);
});

test('serve: MIME types, security and cache headers', async ({ siteUrl, buildDir }) => {
  const root = await request(siteUrl + '/');
  assert.equal(root.status, 200);
  assert.equal(root.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(root.headers['cache-control'], 'no-cache');
  assert.equal(root.headers['x-content-type-options'], 'nosniff');
  assert.equal(root.headers['referrer-policy'], 'no-referrer');
  const csp = root.headers['content-security-policy'] || '';
  assert.ok(csp.includes("'wasm-unsafe-eval'"), `CSP: ${csp}`);
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  assert.ok(!/unsafe-inline/.test(csp), `CSP allows inline code: ${csp}`);
  // The page's inline scripts (site-info.js and boot.js, inlined by the build), each by its hash.
  const page = root.body.toString('utf8');
  const inlineScripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(inlineScripts.length, 2, 'site-info.js and boot.js are inline');
  assert.ok(!/<script src=/.test(page), 'the page loads no script file of its own before app.js');
  const scriptSrc = cspDirectives(csp)['script-src'].split(' ');
  for (const text of inlineScripts) {
    const hash = `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    assert.ok(scriptSrc.includes(hash), `script-src lacks ${hash}: ${csp}`);
  }
  assert.equal(scriptSrc.filter((s) => s.startsWith("'sha256-")).length, inlineScripts.length, 'no other inline script');
  assert.equal(root.headers['content-length'], String(root.body.length));

  const index = await request(siteUrl + '/index.html');
  assert.equal(index.status, 200);
  assert.ok(index.body.equals(root.body), '/ and /index.html differ');

  const wasm = siteWasm(buildDir);
  const w = await request(siteUrl + wasm.url);
  assert.equal(w.status, 200);
  assert.equal(w.headers['content-type'], 'application/wasm');
  assert.equal(w.headers['x-content-type-options'], 'nosniff');
  assert.equal(w.body.length, wasm.size, 'identity-encoded .wasm has the file size');
  assert.ok(w.body.subarray(0, 4).equals(Buffer.from([0x00, 0x61, 0x73, 0x6d])), 'the .wasm body lacks the wasm magic');

  // gzip when asked for; and a revalidation with the ETag answers 304.
  const gz = await request(siteUrl + wasm.url, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(gz.status, 200);
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.match(gz.headers.vary || '', /Accept-Encoding/i);
  assert.equal(gz.headers['content-length'], String(gz.body.length));
  const { gunzipSync } = await import('node:zlib');
  assert.ok(gunzipSync(gz.body).equals(w.body), 'gzip body does not decompress to the file');
  if (w.headers.etag) {
    const again = await request(siteUrl + wasm.url, { headers: { 'If-None-Match': w.headers.etag } });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  }

  const head = await request(siteUrl + wasm.url, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.headers['content-length'], String(wasm.size));
  assert.equal(head.body.length, 0);

  const missing = await request(siteUrl + '/nope.js');
  assert.equal(missing.status, 404);
  assert.equal(missing.headers['x-content-type-options'], 'nosniff');

  const put = await request(siteUrl + '/index.html', { method: 'PUT', body: 'x' });
  assert.equal(put.status, 405);
  const del = await request(siteUrl + '/index.html', { method: 'DELETE' });
  assert.equal(del.status, 405);
});

test('serve: a client hanging up mid-response does not stop the server', async ({ buildDir, repoRoot }) => {
  const wasm = siteWasm(buildDir);
  // A server of its own, so the test can read its log.
  const server = await startServe(repoRoot, ['--no-build', '--port', '0', '--site', join(buildDir, 'site')]);
  try {
    const { hostname, port, host } = new URL(server.url);
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve, reject) => {
        const sock = net.connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) });
        sock.setTimeout(10_000, () => { sock.destroy(); reject(new Error('no data from the server')); });
        sock.on('connect', () => sock.write(`GET ${wasm.url} HTTP/1.1\r\nHost: ${host}\r\n\r\n`));
        sock.once('data', () => { sock.destroy(); resolve(); });
        sock.on('error', reject);
      });
    }
    // And a client that sends half a request line and leaves (once the bytes are out).
    await new Promise((resolve) => {
      const sock = net.connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) }, () => {
        sock.write('GET /index.ht', () => { sock.destroy(); resolve(); });
      });
      sock.on('error', resolve);
    });
    // The server has dealt with that connection once it logs it.
    await stderrUntil(server, (log) => log.includes('/index.ht'));
    const r = await request(server.url + '/');
    assert.equal(r.status, 200);
    const w = await request(server.url + wasm.url);
    assert.equal(w.status, 200);
    assert.equal(w.body.length, wasm.size);
  } finally {
    await stopChild(server.child);
  }
});

// Starts serve.py with `args` (and `env` added to the environment); resolves
// { child, url, stderr() } once it prints its line.
function startServe(repoRoot, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [join(repoRoot, 'serve.py'), ...args],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`serve.py did not start: ${err}`)); }, 15_000);
    child.stderr.on('data', (c) => { err += c; });
    child.stdout.on('data', (c) => {
      out += c;
      const m = out.match(/^Serving (http:\/\/\S+?)\/?$/m);
      if (m) { clearTimeout(timer); resolve({ child, url: m[1].replace(/\/$/, ''), stderr: () => err }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.py exited (${code}): ${err}`)); });
  });
}

// Resolves with the server's log once `test(log)` holds (checked as serve.py writes to it).
function stderrUntil(server, test, timeout = 10_000) {
  return new Promise((resolve, reject) => {
    if (test(server.stderr())) { resolve(server.stderr()); return; }
    const check = () => { if (test(server.stderr())) { done(); resolve(server.stderr()); } };
    const timer = setTimeout(() => { done(); reject(new Error(`serve.py did not log what was awaited: ${server.stderr().slice(-500)}`)); }, timeout);
    const done = () => { clearTimeout(timer); server.child.stderr.off('data', check); };
    server.child.stderr.on('data', check);  // after startServe's listener, which appends the chunk
  });
}

function stopChild(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 3000);
    child.once('exit', () => { clearTimeout(t); resolve(); });
    child.kill('SIGTERM');
  });
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

async function freePort() {
  const s = net.createServer();
  const port = await listen(s);
  await new Promise((r) => s.close(r));
  return port;
}

test('serve: the --proxy forwards /ozon/ calls with only the key headers', async ({ siteUrl, buildDir, repoRoot }) => {
  const received = [];
  const pdf = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const upstream = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (req.url === '/v3/posting/fbs/list') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ result: { postings: [{ posting_number: '0001-1' }] }, echo: req.url }));
      } else if (req.url === '/v1/forbidden') {
        res.writeHead(403, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ code: 7, message: 'Api-key is deactivated', details: [] }));
      } else if (req.url === '/v2/posting/fbs/package-label') {
        res.writeHead(200, { 'Content-Type': 'application/pdf' });
        res.end(pdf);
      } else {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end('{"code":5,"message":"not found"}');
      }
    });
  });
  const upstreamPort = await listen(upstream);
  const site = join(buildDir, 'site');
  const apiKey = 'secret-api-key-' + Math.random().toString(36).slice(2);
  let proxy = null;
  let dead = null;
  try {
    proxy = await startServe(repoRoot, ['--no-build', '--port', '0', '--proxy',
      '--proxy-target', `http://127.0.0.1:${upstreamPort}`, '--site', site]);
    const keyHeaders = { 'Client-Id': '123456', 'Api-Key': apiKey, 'Content-Type': 'application/json' };
    const body = JSON.stringify({ dir: 'ASC', filter: { status: 'awaiting_packaging' }, limit: 100 });

    // 200 JSON relayed; only the three headers reach the upstream.
    const ok = await request(proxy.url + '/ozon/v3/posting/fbs/list', {
      method: 'POST', body,
      headers: { ...keyHeaders, Cookie: 'session=do-not-forward', 'X-Foo': 'bar', Authorization: 'Bearer nope', 'X-Forwarded-For': '1.2.3.4' },
    });
    assert.equal(ok.status, 200, ok.body.toString());
    assert.match(ok.headers['content-type'], /^application\/json/);
    assert.deepEqual(JSON.parse(ok.body.toString()), { result: { postings: [{ posting_number: '0001-1' }] }, echo: '/v3/posting/fbs/list' });
    assert.equal(received.length, 1);
    const got = received[0];
    assert.equal(got.method, 'POST');
    assert.equal(got.url, '/v3/posting/fbs/list');
    assert.equal(got.body, body);
    assert.equal(got.headers['client-id'], '123456');
    assert.equal(got.headers['api-key'], apiKey);
    assert.equal(got.headers['content-type'], 'application/json');
    for (const h of ['cookie', 'x-foo', 'authorization', 'x-forwarded-for', 'origin', 'referer']) {
      assert.equal(got.headers[h], undefined, `header ${h} was forwarded`);
    }

    // An upstream error status is relayed as is, not turned into a 502.
    const denied = await request(proxy.url + '/ozon/v1/forbidden', { method: 'POST', body: '{}', headers: keyHeaders });
    assert.equal(denied.status, 403);
    assert.deepEqual(JSON.parse(denied.body.toString()), { code: 7, message: 'Api-key is deactivated', details: [] });

    // Binary bodies pass byte for byte.
    const label = await request(proxy.url + '/ozon/v2/posting/fbs/package-label', {
      method: 'POST', body: '{"posting_number":["0001-1"]}', headers: keyHeaders,
    });
    assert.equal(label.status, 200);
    assert.equal(label.headers['content-type'], 'application/pdf');
    assert.ok(label.body.equals(pdf), `PDF bytes differ (${label.body.length} bytes)`);

    // Only POST is proxied.
    const get = await request(proxy.url + '/ozon/x');
    assert.equal(get.status, 405);

    // Too big a body is refused before reading it.
    const { host } = new URL(proxy.url);
    const big = await rawRequest(proxy.url,
      `POST /ozon/v1/x HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 20000000\r\nConnection: close\r\n\r\n`);
    assert.equal(big.status, 413);
    // Traversal on the proxy path is refused too.
    const trav = await rawRequest(proxy.url,
      `POST /ozon/../../etc/passwd HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
    assert.ok(trav.status === 400 || trav.status === 404, `proxy traversal gave ${trav.status}`);
    assert.equal(received.length, 3, 'refused requests must not reach the upstream');

    // The static site is still served by the proxying instance.
    const page = await request(proxy.url + '/');
    assert.equal(page.status, 200);

    // serve.py logs a request as it answers it: the last one's line ends what
    // this test made it log.
    const log = await stderrUntil(proxy, (text) => text.includes('\nGET / 200\n'));
    assert.ok(log.includes('/ozon/v3/posting/fbs/list'), `request not logged: ${log}`);
    assert.ok(!log.includes(apiKey), 'the Api-Key appeared in the proxy log');
    assert.ok(!log.includes('123456'), 'the Client-Id appeared in the proxy log');

    // An unreachable target: 502 with a JSON body.
    const closed = await freePort();
    dead = await startServe(repoRoot, ['--no-build', '--port', '0', '--proxy',
      '--proxy-target', `http://127.0.0.1:${closed}`, '--site', site]);
    const bad = await request(dead.url + '/ozon/v1/x', { method: 'POST', body: '{}', headers: keyHeaders });
    assert.equal(bad.status, 502);
    assert.match(bad.headers['content-type'], /^application\/json/);
    const badJson = JSON.parse(bad.body.toString());
    assert.equal(badJson.code, 502);
    assert.match(badJson.message, /proxy could not reach/);

    // The runner's serve.py has no --proxy: /ozon/ is not forwarded.
    const noProxy = await request(siteUrl + '/ozon/v3/posting/fbs/list', { method: 'POST', body: '{}', headers: keyHeaders });
    assert.ok(noProxy.status === 404 || noProxy.status === 405, `no-proxy /ozon/ gave ${noProxy.status}`);
    assert.equal(received.length, 3);
  } finally {
    await stopChild(proxy && proxy.child);
    await stopChild(dead && dead.child);
    await new Promise((r) => upstream.close(r));
  }
});

test('serve: --proxy on a non-loopback host needs --allow-remote', async ({ buildDir, repoRoot }) => {
  const child = spawn('python3', [join(repoRoot, 'serve.py'), '--no-build', '--port', '0', '--proxy',
    '--host', '0.0.0.0', '--site', join(buildDir, 'site')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => { out += c; });
  child.stderr.on('data', (c) => { err += c; });
  try {
    const code = await new Promise((resolve) => {
      const t = setTimeout(() => resolve('still running'), 10_000);
      child.on('exit', (c) => { clearTimeout(t); resolve(c); });
    });
    assert.notEqual(code, 0, `serve.py should refuse; stdout: ${out}`);
    assert.notEqual(code, 'still running', `serve.py started a remote proxy: ${out}`);
    assert.match(err, /allow-remote/);
  } finally {
    await stopChild(child);
  }
});

// ---- malformed requests, connection bursts -------------------------------------------------

// The first bytes a TLS client sends (its ClientHello), captured from node's own TLS client.
function tlsClientHello() {
  return new Promise((resolve, reject) => {
    const server = net.createServer((sock) => {
      sock.once('data', (chunk) => { resolve(chunk); sock.destroy(); server.close(); });
    });
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const client = tls.connect({ host: '127.0.0.1', port: server.address().port, servername: 'console.example' });
      client.on('error', () => {});  // the capturing server hangs up on it
    });
  });
}

test('serve: malformed request lines are answered (414, 505, 400), never with a traceback', async ({ buildDir, repoRoot }) => {
  const server = await startServe(repoRoot, ['--no-build', '--port', '0', '--site', join(buildDir, 'site')]);
  try {
    const { host } = new URL(server.url);
    const long = await rawRequest(server.url, `GET /${'a'.repeat(70_000)} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    assert.equal(long.status, 414);
    const version = await rawRequest(server.url, `GET / HTTP/9.9\r\nHost: ${host}\r\n\r\n`);
    assert.equal(version.status, 505);
    const nonsense = await rawRequest(server.url, 'NONSENSE\r\n\r\n');
    assert.equal(nonsense.status, 400);
    // A TLS client on the plain-HTTP port sends no line end: it is answered at once, not after the idle timeout.
    const hello = await tlsClientHello();
    assert.equal(hello[0], 0x16, 'not a TLS handshake record');
    const started = Date.now();
    const tlsAnswer = await rawRequest(server.url, hello);
    assert.equal(tlsAnswer.status, 400);
    assert.ok(Date.now() - started < 5000, `the TLS bytes were answered after ${Date.now() - started} ms`);
    for (const r of [long, version, nonsense, tlsAnswer]) {
      assert.equal(r.headers.connection, 'close');
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.ok(!r.body.toString('latin1').includes('NONSENSE'), 'the error page echoes the request line');
    }
    // Still serving; one log line per refusal, and no error or traceback.
    assert.equal((await request(server.url + '/')).status, 200);
    const log = await stderrUntil(server, (text) => text.includes('GET / 200\n'));
    for (const code of [414, 505, 400]) assert.match(log, new RegExp(` ${code}\\n`), `no ${code} logged: ${log}`);
    assert.ok(!/traceback|error/i.test(log), `serve.py logged an error: ${log}`);
  } finally {
    await stopChild(server.child);
  }
});

test('serve: a burst of 300 simultaneous connections is served without a reset', async ({ buildDir, repoRoot }) => {
  const server = await startServe(repoRoot, ['--no-build', '--port', '0', '--site', join(buildDir, 'site')]);
  try {
    const results = await Promise.allSettled(Array.from({ length: 300 }, () => request(server.url + '/')));
    const statuses = {};
    const errors = {};
    for (const r of results) {
      if (r.status === 'fulfilled') statuses[r.value.status] = (statuses[r.value.status] || 0) + 1;
      else errors[r.reason.code || r.reason.message] = (errors[r.reason.code || r.reason.message] || 0) + 1;
    }
    assert.deepEqual(errors, {}, `failed connections: ${JSON.stringify(errors)}, answers: ${JSON.stringify(statuses)}`);
    assert.deepEqual(statuses, { 200: 300 });
  } finally {
    await stopChild(server.child);
  }
}, { timeout: 90_000 });

// ---- the proxy: path bytes, Origin: null, deadline ------------------------------------------

// A stand-in Seller API on loopback: `handle(req, res)` answers each call once
// its body is in; `received` lists the calls that reached it.
async function startUpstream(handle) {
  const received = [];
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      handle(req, res);
    });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close() { for (const s of sockets) s.destroy(); return new Promise((r) => server.close(r)); },
  };
}

function answerOk(req, res) {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end('{"result":"ok"}');
}

const KEY_HEADERS = { 'Client-Id': '123456', 'Api-Key': 'test-key', 'Content-Type': 'application/json' };

test('serve: the proxy answers 400 to a control or non-ASCII byte in its path', async ({ buildDir, repoRoot }) => {
  const upstream = await startUpstream(answerOk);
  let proxy = null;
  try {
    proxy = await startServe(repoRoot, ['--no-build', '--port', '0', '--proxy', '--proxy-target', upstream.url,
      '--site', join(buildDir, 'site')]);
    const { host } = new URL(proxy.url);
    const paths = [
      Buffer.from('/ozon/v1/a\x01b'), Buffer.from('/ozon/v1/a\x1bb'), Buffer.from('/ozon/v1/a\x7fb'),
      Buffer.from('/ozon/v1/x?q=\x02'), Buffer.from('/ozon/v1/caf\u00e9', 'utf8'), Buffer.from('/ozon/v1/x?q=\u0436', 'utf8'),
      Buffer.concat([Buffer.from('/ozon/v1/'), Buffer.from([0xff])]),
    ];
    for (const path of paths) {
      const r = await rawRequest(proxy.url, Buffer.concat([Buffer.from('POST '), path,
        Buffer.from(` HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`)]));
      assert.equal(r.status, 400, `${JSON.stringify(path.toString('latin1'))} gave ${r.status}`);
      assert.equal(JSON.parse(r.body.toString()).code, 400);
    }
    assert.equal(upstream.received.length, 0, 'a refused call reached the upstream');
    // A clean path still goes through.
    const ok = await request(proxy.url + '/ozon/v1/warehouse/list', { method: 'POST', body: '{}', headers: KEY_HEADERS });
    assert.equal(ok.status, 200);
    assert.equal(upstream.received.length, 1);
  } finally {
    await stopChild(proxy && proxy.child);
    await upstream.close();
  }
});

test('serve: the proxy refuses Origin: null with 403', async ({ buildDir, repoRoot }) => {
  const upstream = await startUpstream(answerOk);
  let proxy = null;
  try {
    proxy = await startServe(repoRoot, ['--no-build', '--port', '0', '--proxy', '--proxy-target', upstream.url,
      '--site', join(buildDir, 'site')]);
    // A sandboxed frame or a file: page on this machine sends Origin: null.
    const refused = await request(proxy.url + '/ozon/v1/warehouse/list',
      { method: 'POST', body: '{}', headers: { ...KEY_HEADERS, Origin: 'null' } });
    assert.equal(refused.status, 403);
    assert.equal(JSON.parse(refused.body.toString()).code, 403);
    assert.equal(upstream.received.length, 0, 'the Origin: null call reached the upstream');
    // The console's own origin, and no Origin at all, still pass.
    const own = await request(proxy.url + '/ozon/v1/warehouse/list',
      { method: 'POST', body: '{}', headers: { ...KEY_HEADERS, Origin: proxy.url } });
    assert.equal(own.status, 200);
    const none = await request(proxy.url + '/ozon/v1/warehouse/list', { method: 'POST', body: '{}', headers: KEY_HEADERS });
    assert.equal(none.status, 200);
    assert.equal(upstream.received.length, 2);
  } finally {
    await stopChild(proxy && proxy.child);
    await upstream.close();
  }
});

// Resolves with `promise`, or fails after `ms` (a safety net, not a pause).
function within(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms); })])
    .finally(() => clearTimeout(timer));
}

test('serve: a proxied call ends with 504 at its deadline however slowly the upstream trickles', async ({ buildDir, repoRoot }) => {
  const DEADLINE = 2;  // seconds (SERVE_PROXY_DEADLINE); the real one is 60
  let hungUp = () => {};
  // Trickles one byte every 250 ms: every read is quick, the whole answer takes 10 s or more.
  const upstream = await startUpstream((req, res) => {
    if (req.url === '/v1/fast') { answerOk(req, res); return; }
    let text;
    let write;
    if (req.url === '/v1/slow-head') {
      text = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}';
      write = (c) => res.socket.write(c);
    } else {
      text = `{"result":"${'x'.repeat(30)}"}`;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(text.length) });
      res.flushHeaders();
      write = (c) => res.write(c);
    }
    let i = 0;
    const timer = setInterval(() => { if (i < text.length) write(text[i++]); else clearInterval(timer); }, 250);
    res.socket.once('close', () => { clearInterval(timer); hungUp(req.url); });
  });
  let proxy = null;
  try {
    proxy = await startServe(repoRoot, ['--no-build', '--port', '0', '--proxy', '--proxy-target', upstream.url,
      '--site', join(buildDir, 'site')], { SERVE_PROXY_DEADLINE: String(DEADLINE) });
    const fast = await request(proxy.url + '/ozon/v1/fast', { method: 'POST', body: '{}', headers: KEY_HEADERS });
    assert.equal(fast.status, 200);
    for (const path of ['/v1/slow-body', '/v1/slow-head']) {
      const closed = new Promise((resolve) => { hungUp = resolve; });
      const started = Date.now();
      const r = await request(proxy.url + '/ozon' + path, { method: 'POST', body: '{}', headers: KEY_HEADERS });
      const seconds = (Date.now() - started) / 1000;
      assert.equal(r.status, 504, `${path}: ${r.status} after ${seconds} s`);
      assert.equal(JSON.parse(r.body.toString()).code, 504);
      assert.ok(seconds >= DEADLINE - 0.1 && seconds < DEADLINE + 2, `${path}: answered after ${seconds} s (deadline ${DEADLINE} s)`);
      // serve.py has let go of the upstream connection too.
      assert.equal(await within(closed, 5000, `${path}: upstream connection closed`), path);
    }
  } finally {
    await stopChild(proxy && proxy.child);
    await upstream.close();
  }
});

// ---- CSP and the portal allow-list -----------------------------------------------------------

// A throw-away site directory holding `files` ({name: content}).
function tempSite(files) {
  const dir = mkdtempSync(join(tmpdir(), 'serve-site-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const INDEX = '<!doctype html><meta charset="utf-8"><title>console</title>\n';

// {directive: value} of a Content-Security-Policy header.
function cspDirectives(header) {
  const out = {};
  for (const part of (header || '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name] = values.join(' ');
  }
  return out;
}

async function cspOf(url) {
  const r = await request(url + '/');
  assert.equal(r.status, 200);
  return cspDirectives(r.headers['content-security-policy']);
}

async function portalsOf(url) {
  const r = await request(url + '/portals.json');
  assert.equal(r.status, 200);
  assert.match(r.headers['content-type'], /^application\/json/);
  assert.equal(r.headers['cache-control'], 'no-cache');
  return JSON.parse(r.body.toString());
}

// A one-page PDF, enough for the browser's viewer.
const PDF = `%PDF-1.4
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 288 432]>>endobj
trailer<</Root 1 0 R>>
%%EOF
`;

test('serve: the CSP refuses plugins and frames, and a label PDF still opens from a blob: URL', async ({ context, repoRoot }) => {
  // What src/platform/documents.cpp does with a label PDF: a blob: URL in a new window.
  const site = tempSite({
    'index.html': INDEX + '<script src="open.js"></script>\n',
    'open.js': `fetch('label.pdf').then((r) => r.arrayBuffer()).then((bytes) => {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  window.open(url, '_blank', 'noopener');
});\n`,
    'label.pdf': PDF,
  });
  let server = null;
  try {
    server = await startServe(repoRoot, ['--no-build', '--port', '0', '--site', site]);
    const csp = await cspOf(server.url);
    assert.equal(csp['object-src'], "'none'");
    assert.equal(csp['frame-src'], 'blob:');  // the label printed from a hidden frame, nothing else
    assert.equal(csp['default-src'], "'self'");

    // The blob: document inherits this CSP; the PDF viewer must still load in it.
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    const messages = [];
    const page = await context.newPage();
    page.on('console', (m) => messages.push(m.text()));
    const popupOpened = context.waitForEvent('page', { timeout: 15_000 });
    await page.goto(server.url + '/');
    const popup = await popupOpened;
    popup.on('console', (m) => messages.push(m.text()));
    assert.match(popup.url(), /^blob:/);
    const isViewer = (frame) => frame.url().startsWith('chrome-extension://');
    if (!popup.frames().some(isViewer)) await popup.waitForEvent('framenavigated', { predicate: isViewer, timeout: 15_000 });
    const violations = [];
    for (const frame of popup.frames().concat(page.frames())) {
      if (isViewer(frame)) continue;
      violations.push(...(await frame.evaluate(() => window.__cspViolations || []).catch(() => [])));
    }
    assert.deepEqual(violations, []);
    assert.ok(!messages.some((m) => /Content Security Policy/i.test(m)), messages.join('\n'));
  } finally {
    await stopChild(server && server.child);
    rmSync(site, { recursive: true, force: true });
  }
});

test('serve: by default only the console itself may frame it, and /portals.json is empty', async ({ repoRoot }) => {
  const site = tempSite({ 'index.html': INDEX });
  let server = null;
  try {
    server = await startServe(repoRoot, ['--no-build', '--port', '0', '--site', site]);
    assert.equal((await cspOf(server.url))['frame-ancestors'], "'self'");
    assert.deepEqual(await portalsOf(server.url), { portals: [] });
  } finally {
    await stopChild(server && server.child);
    rmSync(site, { recursive: true, force: true });
  }
});

test('serve: each --portal origin may frame the console and is listed in /portals.json', async ({ repoRoot }) => {
  const site = tempSite({ 'index.html': INDEX });
  let server = null;
  try {
    server = await startServe(repoRoot, ['--no-build', '--port', '0', '--site', site,
      '--portal', 'https://portal.example', '--portal', 'http://127.0.0.1:5000', '--portal', 'HTTPS://Shop.Example:443']);
    const expected = ['https://portal.example', 'http://127.0.0.1:5000', 'https://shop.example'];
    assert.equal((await cspOf(server.url))['frame-ancestors'], ["'self'", ...expected].join(' '));
    assert.deepEqual(await portalsOf(server.url), { portals: expected });
    const head = await request(server.url + '/portals.json', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
  } finally {
    await stopChild(server && server.child);
    rmSync(site, { recursive: true, force: true });
  }
});

test("serve: without --portal the site's portals.json (tools/write_portals.py, CONSOLE_PORTALS) is used", async ({ repoRoot }) => {
  const site = tempSite({ 'index.html': INDEX });
  const output = join(site, 'portals.json');
  const writePortals = (value) => spawnSync('python3', [join(repoRoot, 'tools', 'write_portals.py'), '--output', output],
    { env: { ...process.env, CONSOLE_PORTALS: value }, encoding: 'utf8', timeout: 10_000 });
  let server = null;
  try {
    const empty = writePortals('');
    assert.equal(empty.status, 0, empty.stderr);
    assert.deepEqual(JSON.parse(readFileSync(output, 'utf8')), { portals: [] });

    const written = writePortals(' https://a.example,http://127.0.0.1:5000  https://b.example ');
    assert.equal(written.status, 0, written.stderr);
    const listed = ['https://a.example', 'http://127.0.0.1:5000', 'https://b.example'];
    assert.deepEqual(JSON.parse(readFileSync(output, 'utf8')), { portals: listed });

    // A bad origin fails the build step and leaves the file as it was.
    const bad = writePortals('https://a.example/console');
    assert.equal(bad.status, 2, bad.stderr);
    assert.match(bad.stderr, /https:\/\/a\.example\/console/);
    assert.deepEqual(JSON.parse(readFileSync(output, 'utf8')), { portals: listed });

    server = await startServe(repoRoot, ['--no-build', '--port', '0', '--site', site]);
    assert.equal((await cspOf(server.url))['frame-ancestors'], ["'self'", ...listed].join(' '));
    assert.deepEqual(await portalsOf(server.url), { portals: listed });
    await stopChild(server.child);

    // --portal replaces the site's list.
    server = await startServe(repoRoot, ['--no-build', '--port', '0', '--site', site, '--portal', 'https://c.example']);
    assert.equal((await cspOf(server.url))['frame-ancestors'], "'self' https://c.example");
    assert.deepEqual(await portalsOf(server.url), { portals: ['https://c.example'] });
  } finally {
    await stopChild(server && server.child);
    rmSync(site, { recursive: true, force: true });
  }
});

test('serve: a --portal that is not an origin is refused (exit code 2)', async ({ repoRoot }) => {
  const site = tempSite({ 'index.html': INDEX });
  try {
    const bad = [
      'portal.example', 'https://portal.example/', 'https://portal.example/console', 'https://portal.example?x=1',
      'ftp://portal.example', 'https://*.portal.example', "'self'", "https://portal.example 'unsafe-inline'",
      'https://portal.example;script-src *', 'https://user@portal.example', 'https://portal.example:99999', 'https://',
    ];
    for (const value of bad) {
      const r = spawnSync('python3', [join(repoRoot, 'serve.py'), '--no-build', '--port', '0', '--site', site, '--portal', value],
        { encoding: 'utf8', timeout: 10_000 });
      assert.equal(r.status, 2, `--portal ${value}: exit ${r.status}, ${r.stdout}${r.stderr}`);
      assert.ok(r.stderr.includes(value), `the error does not name ${value}: ${r.stderr}`);
      assert.match(r.stderr, /--portal.*not an origin/, r.stderr);
      assert.ok(!r.stdout.includes('Serving'), `serve.py started with --portal ${value}`);
    }
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});
