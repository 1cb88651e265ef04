// Runs every tests/browser/*.test.mjs against the built site in Debian's
// Chromium (headless, WebGL through SwiftShader) and prints `N passed, N failed`.
//
// Environment: SITE_URL (serve.py base URL), BUILD_DIR (screenshots, results),
// REPO_ROOT, and optional ONLY (substring of test names to run).
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { registered } from './harness.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const here = dirname(fileURLToPath(import.meta.url));
const env = {
  siteUrl: process.env.SITE_URL,
  buildDir: process.env.BUILD_DIR || join(here, '..', '..', 'build'),
  repoRoot: process.env.REPO_ROOT || join(here, '..', '..'),
};
if (!env.siteUrl) { console.error('SITE_URL is not set'); process.exit(2); }
const artifacts = join(env.buildDir, 'browser-artifacts');
mkdirSync(artifacts, { recursive: true });

export const chromiumArgs = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

for (const file of readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort()) {
  await import(pathToFileURL(join(here, file)).href);
}

// A failure inside a helper server of a test (services.mjs) must fail that
// test, not end the run before the summary: it is kept and charged to the
// test that is running.
const strayErrors = [];
process.on('unhandledRejection', (reason) => strayErrors.push(reason));
process.on('uncaughtException', (error) => strayErrors.push(error));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
let passed = 0;
let failed = 0;
const results = [];
for (const t of registered) {
  if (process.env.ONLY && !t.name.includes(process.env.ONLY)) continue;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const started = Date.now();
  let error = null;
  let timer;
  try {
    await Promise.race([
      t.fn({ browser, context, ...env, artifacts, chromium, chromiumArgs }),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${t.timeout} ms`)), t.timeout); }),
    ]);
  } catch (e) {
    error = e;
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => {});
  }
  if (!error && strayErrors.length) error = new Error(`a helper server failed during the test: ${strayErrors[0] && strayErrors[0].stack || strayErrors[0]}`);
  strayErrors.length = 0;
  const ms = Date.now() - started;
  if (error) {
    failed++;
    console.log(`not ok - ${t.name} (${ms} ms)\n  ${String(error && error.stack || error).split('\n').slice(0, 6).join('\n  ')}`);
  } else {
    passed++;
    console.log(`ok - ${t.name} (${ms} ms)`);
  }
  results.push({ name: t.name, ok: !error, ms, error: error ? String(error) : undefined });
}
await browser.close();
writeFileSync(join(env.buildDir, 'browser-results.json'), JSON.stringify({ passed, failed, results }, null, 2));
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
