// Issue 5, clipboard and focus: the row menu (right-click, "⋮", the context-menu key) copies an
// id through the browser clipboard, Ctrl+C copies the selected names, a paste reaches the search
// box (Ctrl+V and the browser's paste event), and focus stays in step both ways between the
// page's keyboard cursor and the accessibility mirror.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from './browser.mjs';
import {
  findById, widgets, waitForWidget, waitForNoWidget, clickWidget, openSignedIn, shot, waitForRowLabels, hasState,
} from './automation.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };
const readClipboard = (page) => page.evaluate(() => navigator.clipboard.readText());
const writeClipboard = (page, text) => page.evaluate((t) => navigator.clipboard.writeText(t), text);
const waitForClipboard = (page, text) => page.waitForFunction(async (want) => (await navigator.clipboard.readText()) === want,
  text, { timeout: 8000, polling: 150 }).catch(async () => assert.fail(`the clipboard holds ${JSON.stringify(text)}, ` +
  `not ${JSON.stringify(await readClipboard(page))}`));
const focusedRow = async (page) => (await widgets(page, 'row')).find((w) => hasState(w, 'focused')) ?? null;
const activeElement = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return { id: a?.id ?? '', role: a?.getAttribute('role') ?? '', widget: a?.dataset?.widget ?? '',
           activedescendant: a?.getAttribute('aria-activedescendant') ?? '', label: a?.textContent ?? '' };
});
// The mirror catches up once the page has been still for a moment.
const waitForActive = (page, predicate, what) => page.waitForFunction(predicate, null, { timeout: 5000 })
  .catch(async () => assert.fail(`${what}; the active element is ${JSON.stringify(await activeElement(page))}`));

test('right-click on a row → Copy ID puts the id on the clipboard and a toast confirms it', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice', CLIPBOARD);
  await writeClipboard(page, 'before');
  const row = await waitForWidget(page, null, null, { id: 'row/project/d_pallet' });
  await page.mouse.click(row.x + 40, row.y + row.h / 2, { button: 'right' });
  const menu = await waitForWidget(page, 'menu', 'Actions for Pallet Counter');
  const items = await widgets(page, 'menuitem');
  assert.deepEqual(items.map((w) => w.label), ['Copy name', 'Copy ID', 'Restore', 'Delete permanently']);
  assert.ok(items.every((w) => w.enabled), 'the Owner may do everything');
  await shot(page, 'row-menu.png');
  await clickWidget(page, 'menuitem', 'Copy ID');
  await waitForClipboard(page, 'd_pallet');
  await waitForWidget(page, 'alert', 'Copied ID of "Pallet Counter"');
  await waitForNoWidget(page, 'menu', menu.label);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Ctrl+C copies the selected rows\' names, one per line in the order shown', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice', CLIPBOARD);
  await writeClipboard(page, 'before');
  // Two rows of the first group drawn, ticked bottom first: copied top first.
  const rows = (await widgets(page, 'row')).filter((w) => w.id.startsWith('row/project/'));
  assert.ok(rows.length >= 3, 'three project rows drawn');
  await clickWidget(page, await findById(page, rows[2].id + '/select'));
  await clickWidget(page, await findById(page, rows[0].id + '/select'));
  await waitForWidget(page, 'status', /^2 selected/);
  await page.keyboard.press('Control+C', { delay: 60 });
  await waitForClipboard(page, `${rows[0].label}\n${rows[2].label}`);
  await waitForWidget(page, 'alert', 'Copied 2 names');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the row menu by keyboard alone: Shift+F10, arrows, Esc back to the row, "⋮" reached with Tab, Enter', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice', CLIPBOARD);
  await writeClipboard(page, 'before');
  await page.keyboard.press('ArrowDown', { delay: 60 });
  const row = await waitForWidget(page, 'row', null, { where: "/\\bfocused\\b/.test(w.state)" });
  await page.keyboard.press('Shift+F10', { delay: 60 });
  await waitForWidget(page, 'menu', `Actions for ${row.label.split(' / ').pop()}`);
  await waitForWidget(page, 'menuitem', 'Copy name', { where: "/\\bfocused\\b/.test(w.state)" });
  await waitForActive(page, () => document.activeElement?.dataset?.widget === 'menu/copy-name',
    'the highlighted menu item has DOM focus');
  await page.keyboard.press('ArrowDown', { delay: 60 });
  await waitForActive(page, () => document.activeElement?.dataset?.widget === 'menu/copy-id',
    'ArrowDown moved the highlight and DOM focus to Copy ID');
  await page.keyboard.press('Escape', { delay: 60 });
  await waitForNoWidget(page, 'menu');
  await waitForActive(page, (id) => document.activeElement?.getAttribute('role') === 'grid', 'Esc gave focus back to the list');
  const after = await activeElement(page);
  assert.equal(after.activedescendant, 'a11y-' + row.id, 'the cursor row is the grid\'s active descendant again');
  assert.equal((await focusedRow(page))?.id, row.id);

  // Tab through the mirror to the first row's "⋮" (the page draws its focus ring), Enter opens it.
  const more = `${row.id}/menu`;
  for (let i = 0; i < 80 && (await activeElement(page)).widget !== more; i++) await page.keyboard.press('Tab');
  assert.equal((await activeElement(page)).widget, more, 'Tab reaches the row\'s "⋮" button');
  await page.waitForTimeout(300);
  await shot(page, 'menu-button-focus-ring.png');
  await page.keyboard.press('Enter', { delay: 60 });
  await waitForWidget(page, 'menuitem', 'Copy name', { where: "/\\bfocused\\b/.test(w.state)" });
  await waitForActive(page, () => document.activeElement?.dataset?.widget === 'menu/copy-name', 'the menu took focus');
  await page.keyboard.press('ArrowDown', { delay: 60 });
  await waitForWidget(page, 'menuitem', 'Copy ID', { where: "/\\bfocused\\b/.test(w.state)" });
  await page.keyboard.press('Enter', { delay: 60 });
  const wantId = row.id.split('/').slice(2).join('/');  // row/<type>/[<parent>/]<id>
  await waitForClipboard(page, wantId);
  await waitForNoWidget(page, 'menu');
  assert.deepEqual(errors, []);
  await context.close();
});

test('paste into search: Ctrl+V in the field, and the browser\'s paste event with the list focused', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice', CLIPBOARD);
  await writeClipboard(page, 'pallet');
  const search = await waitForWidget(page, 'textbox', 'Search Trash');
  await page.mouse.click(search.x + search.w / 2, search.y + search.h / 2);
  await waitForWidget(page, 'textbox', 'Search Trash', { where: "/\\bfocused\\b/.test(w.state)" });
  await page.waitForFunction(() => document.activeElement?.id === 'text-input');
  await page.keyboard.press('Control+V', { delay: 60 });
  await waitForRowLabels(page, (l) => l.length === 1 && l[0] === 'Pallet Counter');
  await page.waitForFunction(() => /[?&]q=pallet(&|$)/.test(location.hash), null, { timeout: 5000 });

  // Leave the field, then a paste event (as a browser menu's Paste sends) with no field active:
  // its text becomes the search.
  await clickWidget(page, await findById(page, 'trash/retention'));  // plain text beside the title
  await waitForWidget(page, 'textbox', 'Search Trash', { where: "!/\\bfocused\\b/.test(w.state)" });
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Night shift\nsecond line');
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await waitForRowLabels(page, (l) => l.length === 1 && l[0] === 'Night shift captures');
  await waitForWidget(page, 'textbox', 'Search Trash', { where: "/\\bfocused\\b/.test(w.state)" });
  assert.deepEqual(errors, []);
  await context.close();
});

test('focus both ways: a mirror row focused moves the page\'s cursor; arrows in the page move the mirror\'s', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice');
  const mirror = page.locator('#a11y-mirror');
  const grid = mirror.getByRole('grid', { name: 'Trash items' });
  await grid.waitFor({ state: 'attached' });
  assert.equal(await focusedRow(page), null, 'no cursor before any key');

  // Mirror → page: a screen reader focuses a row element (the third row drawn).
  const target = (await widgets(page, 'row'))[2];
  await mirror.getByRole('row', { name: target.label }).focus();
  await waitForWidget(page, null, null, { id: target.id, where: "/\\bfocused\\b/.test(w.state)" });

  // Page → mirror: ArrowDown moves the cursor to the next row; DOM focus goes to the grid, whose
  // active descendant is that row.
  await page.keyboard.press('ArrowDown', { delay: 60 });
  const next = await page.waitForFunction((id) => {
    const row = (window.trashPage.widgets || []).find((w) => w.role === 'row' && /\bfocused\b/.test(w.state));
    return row && row.id !== id ? row : null;
  }, target.id, { timeout: 5000 }).then((h) => h.jsonValue());
  await waitForActive(page, () => document.activeElement?.getAttribute('role') === 'grid', 'the grid has DOM focus');
  await page.waitForFunction((id) => document.activeElement.getAttribute('aria-activedescendant') === 'a11y-' + id,
    next.id, { timeout: 5000 }).catch(async () => assert.fail(`aria-activedescendant names ${next.id}: ` +
    JSON.stringify(await activeElement(page))));
  const described = await page.evaluate(() => document.getElementById(document.activeElement.getAttribute('aria-activedescendant'))
    ?.getAttribute('aria-label'));
  assert.equal(described, next.label, 'the active descendant is the row the page\'s cursor is on');

  // Keys keep reaching the page while the grid has DOM focus.
  await page.keyboard.press('ArrowUp', { delay: 60 });
  await waitForWidget(page, null, null, { id: target.id, where: "/\\bfocused\\b/.test(w.state)" });
  await page.waitForFunction((id) => document.activeElement.getAttribute('aria-activedescendant') === 'a11y-' + id,
    target.id, { timeout: 5000 });

  // Tab onto a mirror button: the page rings that widget (seen in the screenshot) and keys go on
  // working: Space on a mirror checkbox toggles it.
  const name = target.label.split(' / ').pop();
  await mirror.getByRole('checkbox', { name: `Select ${name}` }).focus();
  await page.keyboard.press('Space', { delay: 60 });
  await waitForWidget(page, null, null, { id: target.id + '/select', where: "/\\bchecked\\b/.test(w.state)" });
  await shot(page, 'mirror-focus-checkbox.png');
  assert.deepEqual(errors, []);
  await context.close();
});
