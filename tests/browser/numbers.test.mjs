// The Numbers screen through the real UI against the loopback demo
// marketplace (ozon_sandbox behind serve.py's proxy): Ozon's indicators with
// thresholds and a history chart that is not blank; the profit table saved
// as CSV.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test, openConsole, clickItem, itemRect, waitForSnapshot, waitForItem, waitForFrames, framesDrawn, fillStoreForm } from './harness.mjs';
import { decodePng, inkRatio } from './png.mjs';
import { startSandbox, startServe } from './services.mjs';

async function openNumbersOfStore(context, repoRoot, buildDir) {
  const sandbox = await startSandbox(buildDir);
  const proxied = await startServe(repoRoot, buildDir, ['--proxy', '--proxy-target', sandbox.url]);
  const { page, errors } = await openConsole(context, proxied.url);
  await fillStoreForm(page, { name: 'Numbers store', clientId: '123456', apiKey: 'seller-key-42' });
  await clickItem(page, 'stores.road.local_proxy');
  await clickItem(page, 'stores.save');
  await waitForSnapshot(page, (s) => s.stores.active.road === 'local_proxy' && s.orders.count > 0, { what: 'the store', timeout: 30_000 });
  await clickItem(page, 'nav.numbers');
  const snap = await waitForSnapshot(page, (s) => s.view === 'numbers' && s.numbers.rating.loaded &&
      s.numbers.indicators.some((i) => i.historyPoints > 0) && !s.numbers.finance.loading && !s.numbers.sales.loading,
    { what: 'indicators, their history, finance and sales', timeout: 45_000 });
  return { sandbox, proxied, page, errors, snap, stop: async () => { await proxied.stop(); await sandbox.stop(); } };
}

test('numbers: the indicators show with thresholds and a history chart that is not blank', async ({ context, repoRoot, buildDir }) => {
  const { page, errors, snap, stop } = await openNumbersOfStore(context, repoRoot, buildDir);
  try {
    assert.ok(snap.numbers.indicators.length > 0, 'indicators');
    assert.ok(snap.numbers.indicators.some((i) => i.warning !== null && i.danger !== null), 'thresholds from the history');
    assert.ok(snap.numbers.indicators.some((i) => i.level === 'warning' || i.level === 'danger'), 'one indicator needs attention');
    await waitForItem(page, 'numbers.chart.rating');
    await waitForFrames(page, 2, { since: await framesDrawn(page) });
    const rect = await itemRect(page, 'numbers.chart.rating');
    const image = decodePng(await page.screenshot({ clip: { x: rect.x, y: rect.y, width: rect.w, height: rect.h } }));
    const ink = inkRatio(image);
    assert.ok(ink.ratio > 0.01, `the chart has lines and labels (ink ratio ${ink.ratio})`);
    assert.ok(ink.colours > 5, `the series, thresholds and labels draw in several colours (${ink.colours})`);
    assert.deepEqual(errors, []);
  } finally {
    await stop();
  }
});

test('numbers: the profit table is saved as CSV, losing postings first', async ({ context, repoRoot, buildDir }) => {
  const { page, errors, stop } = await openNumbersOfStore(context, repoRoot, buildDir);
  try {
    await clickItem(page, 'numbers.tab.profit');
    const snap = await waitForSnapshot(page, (s) => s.numbers.tab === 'profit' && s.numbers.profit.length > 0, { what: 'profit rows' });
    assert.ok(snap.numbers.losingPostings > 0, 'the demo store has a posting that loses money');
    assert.ok(snap.numbers.profit[0].marginKopecks < 0, 'losing postings first');
    const download = page.waitForEvent('download');
    await clickItem(page, 'numbers.csv.profit');
    const file = await readFile(await (await download).path(), 'utf8');
    const lines = file.trim().split('\r\n');
    assert.ok(lines[0].startsWith('posting_number,day,sale,commission,logistics'), lines[0]);
    assert.ok(lines[1].startsWith(snap.numbers.profit[0].postingNumber + ','), lines[1]);
    assert.equal(lines.length - 1, snap.numbers.finance.postings - snap.numbers.finance.feesOnlyPostings);
    assert.deepEqual(errors, []);
  } finally {
    await stop();
  }
});
