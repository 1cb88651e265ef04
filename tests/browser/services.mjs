// Helpers that start the project's own servers for a test: the loopback demo
// marketplace (ozon_sandbox) and extra serve.py instances, plus a tiny
// "seller portal" of another origin that embeds the console.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

// Starts a process and resolves with the first http://host:port it prints;
// stop() kills it and resolves once it has exited, waitForStderr(test) once
// test(stderr so far) holds.
function startPrinting(command, args, pattern) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((done) => child.once('exit', done));
    let output = '';
    let errors = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`${command} did not start: ${output}${errors}`)); }, 15_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve({
          child,
          url: match[1],
          stderr: () => errors,
          stop: () => { child.kill(); return exited; },
          waitForStderr: (test, timeout = 10_000) => new Promise((done, fail) => {
            if (test(errors)) { done(errors); return; }
            const check = () => { if (test(errors)) { cleanup(); done(errors); } };
            const limit = setTimeout(() => { cleanup(); fail(new Error(`${command} did not log what was awaited: ${errors.slice(-500)}`)); }, timeout);
            const cleanup = () => { clearTimeout(limit); child.stderr.off('data', check); };
            child.stderr.on('data', check);  // after the listener above that appends the chunk
          }),
        });
      }
    });
    child.stderr.on('data', (chunk) => { errors += chunk; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${command} exited with ${code}: ${errors}`)); });
  });
}

// SANDBOX_BINARY: tests/run points it at the sanitizer build's sandbox (one
// native build fewer in CI, and the sandbox runs under ASan + UBSan too).
export async function startSandbox(buildDir, extraArgs = []) {
  const binary = process.env.SANDBOX_BINARY || join(buildDir, 'native', 'ozon_sandbox');
  const started = await startPrinting(binary, ['--port', '0', ...extraArgs], /listening on (http:\/\/[0-9.:]+)/);
  return {
    url: started.url,
    stop: started.stop,
    async calls() { return (await fetch(started.url + '/__sandbox/calls')).json(); },
    async control(path, body) {
      const r = await fetch(started.url + path, { method: 'POST', body: JSON.stringify(body || {}) });
      return r.ok;
    },
  };
}

export async function startServe(repoRoot, buildDir, extraArgs = []) {
  const started = await startPrinting('python3',
    [join(repoRoot, 'serve.py'), '--no-build', '--port', '0', '--site', join(buildDir, 'site'), ...extraArgs],
    /Serving (http:\/\/[0-9.:]+)/);
  return { url: started.url, stop: started.stop, stderr: started.stderr, waitForStderr: started.waitForStderr };
}

// A seller portal on its own origin: GET / serves `page(portalOrigin)`; POST
// /api/<path> is forwarded to `apiTarget` with the portal's own keys (its server side).
export async function startPortal({ page, apiTarget, clientId = '123456', apiKey = 'portal-secret' }) {
  let origin = '';
  const server = createServer(async (req, res) => {
    if (req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(page(origin));
      return;
    }
    if (req.method === 'POST' && req.url.startsWith('/api/') && apiTarget) {
      // The upstream may be stopped while the page still asks (a test's
      // teardown): answer 502 as a real portal would, instead of letting the
      // rejection end the whole test run.
      try {
        const chunks = [];
        for await (const chunk of req) chunks.push(chunk);
        const upstream = await fetch(apiTarget + req.url.slice(4), {
          method: 'POST', body: Buffer.concat(chunks),
          headers: { 'Content-Type': 'application/json', 'Client-Id': clientId, 'Api-Key': apiKey },
        });
        const body = Buffer.from(await upstream.arrayBuffer());
        res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') || 'application/octet-stream' });
        res.end(body);
      } catch (error) {
        if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
        res.end(`portal: the API did not answer (${error.message})`);
      }
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  return { url: origin, stop: () => server.close() };
}

// The site as a static host would serve it: the files of build/site and no
// headers of ours (no Content-Security-Policy, so any page may frame it),
// with `portals` as its portals.json. The console's own check of who embeds
// it is all there is then.
export async function startStaticSite(buildDir, { portals = [] } = {}) {
  const root = join(buildDir, 'site');
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json',
    '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/portals.json') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ portals }));
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  // localhost, not 127.0.0.1: another site than the portals (127.0.0.1), as a real portal is.
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://localhost:${server.address().port}`, stop: () => server.close() };
}

// The portal page: embeds the console and answers the protocol. `mode` is
// 'bridge' (carry every request through /api/ of the portal) or 'fetch'
// (give the console an apiBaseUrl of its own). With `configure.storage`
// the portal keeps the console's records (here in its own localStorage).
export function portalPage({ consoleUrl, configure }) {
  return `<!doctype html><html><body>
<iframe id="console" src="${consoleUrl}" style="width:1000px;height:700px;border:0"></iframe>
<script>
const frame = document.getElementById('console');
const consoleOrigin = new URL(frame.src).origin;
window.protocolLog = [];
window.addEventListener('message', async (event) => {
  if (event.origin !== consoleOrigin) return;
  const msg = event.data;
  window.protocolLog.push(msg.type);
  if (msg.type === 'seller-console:hello') {
    frame.contentWindow.postMessage(Object.assign({ type: 'seller-console:configure' }, ${JSON.stringify(configure)}), consoleOrigin);
  } else if (msg.type === 'seller-console:request') {
    const r = await fetch('/api' + msg.path, { method: 'POST', body: msg.body });
    const type = r.headers.get('content-type') || '';
    const reply = { type: 'seller-console:response', id: msg.id, status: r.status, contentType: type };
    if (type.includes('json') || type.startsWith('text/')) reply.body = await r.text();
    else { const bytes = new Uint8Array(await r.arrayBuffer()); let s = ''; for (const b of bytes) s += String.fromCharCode(b); reply.bodyBase64 = btoa(s); }
    frame.contentWindow.postMessage(reply, consoleOrigin);
  } else if (msg.type === 'seller-console:storage') {
    let all = JSON.parse(localStorage.getItem('console-records') || '{}');
    const reply = { type: 'seller-console:stored', id: msg.id, ok: true };
    const at = JSON.stringify([msg.collection, msg.key]);
    if (msg.op === 'put') all[at] = msg.value;
    else if (msg.op === 'remove') delete all[at];
    else if (msg.op === 'clear') all = {};
    else if (msg.op === 'load') reply.records = Object.entries(all).map(([k, value]) => {
      const [collection, key] = JSON.parse(k);
      return { collection, key, value };
    });
    localStorage.setItem('console-records', JSON.stringify(all));
    window.storageOps = (window.storageOps || 0) + 1;
    frame.contentWindow.postMessage(reply, consoleOrigin);
  }
});
</script></body></html>`;
}
