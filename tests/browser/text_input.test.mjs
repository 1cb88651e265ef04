// Text that does not come as key presses: an input method's composition
// (Chinese, Japanese, Korean), a phone keyboard's insertText and its
// Backspace, all through the page's hidden text input
// (platform/text_input.cpp), each character once; and characters the UI
// strings lack drawn from the larger Chinese font, fetched when met.
import assert from 'node:assert/strict';
import { test, openDemo, clickItem, waitForSnapshot, waitForItem, waitForInputHandled, itemRect } from './harness.mjs';

// Clicks the field (real pixels) and waits for the hidden input to take the focus.
async function focusField(page, name) {
  await clickItem(page, name);
  await waitForInputHandled(page);  // the click was applied: this field is the active one
  await waitForSnapshot(page, (s) => s.textInput.focused && s.textInput.wantText, { what: `${name} taking text` });
}

// Composes `text` as an input method does (shown at the caret, not yet in
// the field), then commits it; `field(s)` reads the field's text from a snapshot.
async function composeAndCommit(page, cdp, text, field, expected, name) {
  await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  const composing = await waitForSnapshot(page, (s) => s.textInput.composing && s.textInput.composition === text,
    { what: `the composition ${text}` });
  assert.notEqual(field(composing), expected, 'a composition is not typed before it ends');
  // Shown where the caret is, over the field.
  const shown = await page.evaluate(() => {
    const input = document.getElementById('text-input');
    const box = input.getBoundingClientRect();
    return { value: input.value, opacity: getComputedStyle(input).opacity, x: box.x, y: box.y, w: box.width, h: box.height };
  });
  assert.ok(shown.value.includes(text), `the input shows the composition (${JSON.stringify(shown.value)})`);
  assert.equal(shown.opacity, '1');
  const rect = await itemRect(page, name);
  assert.ok(shown.x >= rect.x - 1 && shown.x <= rect.x + rect.w && shown.y >= rect.y - 1 && shown.y <= rect.y + rect.h,
    `at the caret inside ${JSON.stringify(rect)}: ${JSON.stringify(shown)}`);
  await cdp.send('Input.insertText', { text });
  await waitForSnapshot(page, (s) => !s.textInput.composing && field(s) === expected, { what: `${expected} committed` });
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('text-input')).opacity), '0',
    'hidden again after the composition');
}

test('text input: a composition, insertText, key presses and Backspace in the orders search; rare characters get glyphs', async ({ context, siteUrl }) => {
  const { page, errors } = await openDemo(context, siteUrl);
  const cdp = await context.newCDPSession(page);
  const search = (s) => s.orders.search;
  const start = await waitForSnapshot(page, (s) => s.textInput && !s.textInput.focused, { what: 'the text input' });
  assert.equal(start.textInput.extraGlyphs, 0, 'no character met yet');
  assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/ui-cjk-extra.ttf'))),
    false, 'the larger Chinese font is not part of the first load');

  // A phone opens its keyboard only for a focus() inside the pointer event:
  // a press on a field drawn in the last frame focuses the input right there.
  const field = await waitForItem(page, 'orders.search');
  const focusedBy = (x, y) => page.evaluate(([px, py]) => {
    document.getElementById('canvas').dispatchEvent(new PointerEvent('pointerdown', { clientX: px, clientY: py, bubbles: true }));
    return document.activeElement && document.activeElement.id;
  }, [x, y]);
  assert.equal(await focusedBy(field.x + field.w / 2, field.y + field.h / 2), 'text-input');
  assert.equal(await focusedBy(field.x + field.w / 2, field.y - 40), 'canvas', 'a press elsewhere focuses the canvas');

  await focusField(page, 'orders.search');
  const attributes = await page.evaluate(() => {
    const input = document.getElementById('text-input');
    const names = ['autocomplete', 'autocorrect', 'autocapitalize', 'spellcheck', 'enterkeyhint', 'inputmode'];
    return { ...Object.fromEntries(names.map((n) => [n, input.getAttribute(n)])), form: input.form === null,
      fontSize: parseFloat(getComputedStyle(input).fontSize) };
  });
  assert.deepEqual(attributes, { autocomplete: 'off', autocorrect: 'off', autocapitalize: 'off', spellcheck: 'false',
    enterkeyhint: 'done', inputmode: 'text', form: true, fontSize: 16 });
  await composeAndCommit(page, cdp, '你好', search, '你好', 'orders.search');
  // A phone keyboard (and Playwright's insertText) sends only an input event.
  await page.keyboard.insertText('世界');
  await waitForSnapshot(page, (s) => search(s) === '你好世界', { what: 'insertText appended once' });
  await page.keyboard.press('Backspace');
  await waitForSnapshot(page, (s) => search(s) === '你好世', { what: 'Backspace deleting one character' });
  // Desktop typing still comes through SDL's keypress, once.
  await page.keyboard.type('ab', { delay: 10 });
  await waitForSnapshot(page, (s) => search(s) === '你好世ab', { what: 'key presses typed once' });
  // A phone's Backspace: only a deleteContentBackward on the input (its key is 229).
  await page.evaluate(() => {
    const input = document.getElementById('text-input');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Unidentified', keyCode: 229, bubbles: true }));
    input.value = '';
    input.dispatchEvent(new InputEvent('input', { inputType: 'deleteContentBackward', bubbles: true }));
  });
  await waitForSnapshot(page, (s) => search(s) === '你好世a', { what: 'a phone Backspace deleting one character' });
  assert.equal(await page.evaluate(() => document.getElementById('text-input').value.length), 1, 'the sentinel is back');

  // '鑫' is in no UI string: the larger font is fetched and the atlas gets it.
  await page.keyboard.insertText('鑫');
  await waitForSnapshot(page, (s) => search(s) === '你好世a鑫' && s.textInput.extraGlyphs > 0, { what: 'glyphs added', timeout: 30_000 });
  assert.ok(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/ui-cjk-extra.ttf'))),
    'the larger Chinese font was fetched');

  // Escape leaves the field: the keyboard goes back to the canvas.
  await page.keyboard.press('Escape');
  await waitForSnapshot(page, (s) => !s.textInput.wantText && !s.textInput.focused, { what: 'the field left' });
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'canvas');
  assert.deepEqual(errors, []);
}, { timeout: 90_000 });

test('text input: Chinese into a product note, and lines into a multi-line field', async ({ context, siteUrl }) => {
  const { page, errors } = await openDemo(context, siteUrl);
  const cdp = await context.newCDPSession(page);
  await clickItem(page, 'nav.stock');
  const snap = await waitForSnapshot(page, (s) => s.view === 'stock' && s.stock.loaded && s.stock.rows.length > 0,
    { what: 'stock rows', timeout: 30_000 });
  const row = snap.stock.rows[0];
  await clickItem(page, `stock.row.${row.offerId}.${row.warehouseId}`);
  await waitForItem(page, 'stock.note.own_name');

  const note = (s) => (s.stock.notes[row.offerId] || {}).ownName;
  await focusField(page, 'stock.note.own_name');
  await composeAndCommit(page, cdp, '杯子', note, '杯子', 'stock.note.own_name');
  await page.keyboard.insertText('鑫');
  await waitForSnapshot(page, (s) => note(s) === '杯子鑫', { what: 'the own name stored' });

  const text = (s) => (s.stock.notes[row.offerId] || {}).note;
  await focusField(page, 'stock.note.text');
  await page.keyboard.insertText('易碎');
  await composeAndCommit(page, cdp, '轻放', text, '易碎轻放', 'stock.note.text');
  await waitForSnapshot(page, (s) => note(s) === '杯子鑫' && text(s) === '易碎轻放', { what: 'both notes stored' });

  // Multi-line (the paste box): Enter, a key through SDL, breaks the line;
  // the preview reads the lines: a first line without a number is a header,
  // a third line of one cell has the wrong columns.
  await clickItem(page, 'stock.paste');
  await waitForItem(page, 'stock.paste_text');
  await focusField(page, 'stock.paste_text');
  assert.equal(await page.evaluate(() => document.getElementById('text-input').getAttribute('enterkeyhint')), 'enter');
  const preview = (s) => JSON.stringify([s.stock.paste.lines, s.stock.paste.skipped.map((k) => [k.line, k.reason])]);
  await composeAndCommit(page, cdp, '你好', preview, JSON.stringify([0, [[1, 'header']]]), 'stock.paste_text');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(`${row.offerId};${row.warehouseId};7`);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('世界');
  await waitForSnapshot(page, (s) => preview(s) === JSON.stringify([1, [[1, 'header'], [3, 'wrong_columns']]]),
    { what: 'three lines' });
  assert.deepEqual(errors, []);
}, { timeout: 90_000 });
