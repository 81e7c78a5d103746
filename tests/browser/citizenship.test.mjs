// Issue 5, browser citizenship: the page driven through its automation API, through the
// accessibility mirror alone, IME composition into the search field, a phone-sized touch viewport,
// back and forward, deep links, and an axe-core audit of the mirror.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launchBrowser, repoRoot } from './browser.mjs';
import {
  findWidget, findById, widgets, waitForWidget, waitForNoWidget, clickWidget, openSignedIn, serverListing, hasItem,
  waitForServer, shot, rowLabels, waitForRowLabels, signInByApi, gotoPage, waitForRows,
} from './automation.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('the automation API: widgets with roles, states and CSS-pixel boxes; a real click restores a row', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice');
  const api = await page.evaluate(() => ({ ...window.trashPage, widgets: window.trashPage.widgets.length }));
  assert.equal(api.ready, true);
  assert.ok(api.frames >= 1 && api.widgets > 20 && api.itemCount === 14, JSON.stringify(api));
  const all = await widgets(page);
  for (const w of all) {
    assert.ok(['button', 'link', 'checkbox', 'textbox', 'tab', 'dialog', 'alert', 'status', 'text', 'img',
      'grid', 'headerrow', 'columnheader', 'grouprow', 'row', 'cell', 'menu', 'menuitem'].includes(w.role), `${w.id}: role ${w.role}`);
    assert.ok(w.w >= 0 && w.h >= 0 && w.x >= 0 && w.y >= 0 && w.x + w.w <= 1280 + 1, `${w.id} box inside the viewport`);
  }
  const version = await page.evaluate(() => window.trashPage.widgetsVersion);
  await clickWidget(page, await findById(page, 'row/version/d_helmet/7/restore'));
  await waitForServer(context.request, server.url, (items) => !hasItem(items, 'version', '7'), 'site-visits-q2 restored');
  await waitForNoWidget(page, 'row', 'Helmet Compliance / site-visits-q2');
  assert.ok(await page.evaluate(() => window.trashPage.widgetsVersion) > version, 'widgetsVersion bumped');
  // The row hides at once (optimistic); the item leaves the listing when the server has answered.
  await page.waitForFunction(() => window.trashPage.itemCount === 13, null, { timeout: 10000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the accessibility mirror alone: find the row by name, activate Restore, an alert is announced', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice');
  const mirror = page.locator('#a11y-mirror');
  await mirror.getByRole('grid', { name: 'Trash items' }).waitFor({ state: 'attached' });
  const row = mirror.getByRole('row', { name: 'Dock Door Monitor' });
  assert.equal(await row.count(), 1);
  assert.match(await row.getByRole('status').first().textContent(), /days left/);
  await row.getByRole('button', { name: 'Restore' }).focus();
  await page.keyboard.press('Enter');
  await waitForServer(context.request, server.url, (items) => !hasItem(items, 'project', 'd_dock_old'),
    'Restore activated through the mirror restored Dock Door Monitor');
  const alert = mirror.getByRole('alert');
  await alert.first().waitFor({ state: 'attached', timeout: 10000 });
  assert.match(await alert.first().textContent(), /Dock Door Monitor|restored/i);
  await mirror.getByRole('row', { name: 'Dock Door Monitor' }).waitFor({ state: 'detached', timeout: 10000 });
  await shot(page, 'mirror-restore.png');
  assert.deepEqual(errors, []);
  await context.close();
});

test('IME composition into the search field becomes the query: rows filter and the URL gets ?q=', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice');
  const search = await waitForWidget(page, 'textbox', 'Search Trash');
  await page.mouse.click(search.x + search.w / 2, search.y + search.h / 2);
  await waitForWidget(page, 'textbox', 'Search Trash', { where: "/\\bfocused\\b/.test(w.state)" });
  await page.waitForFunction(() => document.activeElement?.id === 'text-input', null, { timeout: 5000 })
    .catch(() => assert.fail('the page focuses #text-input while the search field is active'));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'pal', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.imeSetComposition', { text: 'palle', selectionStart: 5, selectionEnd: 5 });
  await cdp.send('Input.insertText', { text: 'pallet' });
  await waitForRowLabels(page, (l) => l.length === 1 && l[0] === 'Pallet Counter');
  await page.waitForFunction(() => /[?&]q=pallet(&|$)/.test(location.hash), null, { timeout: 5000 })
    .catch(() => assert.fail(`the composed text is the query in the URL: ${page.url()}`));
  await shot(page, 'ime.png');
  assert.deepEqual(errors, []);
  await context.close();
});

// Known bug, kept running: the page has no phone layout yet (the 200 px sidebar leaves ~150 px of
// content; the toolbar lands below the fold and the page does not scroll), so no tap reaches search.
test('a 390×844 touch phone: a tap into search focuses #text-input, a tap on Restore restores',
  { todo: 'BUG (src/ui): no layout for a 390 px phone' }, async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice', {
    viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3, waitRows: false });
  await waitForWidget(page, 'button', 'Empty Trash', { timeout: 20000 });
  await shot(page, 'mobile.png');
  const canvas = await page.evaluate(() => ({ w: document.getElementById('canvas').width, css: innerWidth }));
  assert.equal(canvas.w, canvas.css * 3, 'the backing store is 3× the CSS width');
  // On a phone the layout stays the desktop one (see the bug below): scroll until the search field
  // is on screen, then tap the part of it that is inside the viewport.
  const visible = (w) => w && w.y >= 0 && w.y + w.h <= 844 && w.x < 390;
  const scrollUntil = async (pick) => {
    for (let i = 0; i < 10 && !visible(await pick()); i++) {
      await page.mouse.move(200, 500);
      await page.mouse.wheel(0, 250);
      await page.waitForTimeout(250);
    }
    return pick();
  };
  const search = await scrollUntil(() => findWidget(page, 'textbox', 'Search Trash'));
  assert.ok(visible(search), 'BUG (src/ui layout, no narrow-viewport layout): at 390×844 the 200 px settings sidebar ' +
    'stays, the content column is ~150 px wide, the storage card wraps one letter per line, the header texts overlap ' +
    '(workspace name under the user avatar and name, "Settings" under "Owner"), and the search field is drawn at ' +
    `x=${search.x}..${search.x + search.w}, y=${search.y} — below the fold and past the right edge; ten wheel scrolls ` +
    'did not move it (the page column does not scroll), so neither search nor any Restore button can be tapped');
  await page.touchscreen.tap((search.x + Math.min(search.x + search.w, 390)) / 2, search.y + search.h / 2);
  await page.waitForFunction(() => document.activeElement?.id === 'text-input', null, { timeout: 5000 })
    .catch(() => assert.fail('a tap into the search field focuses #text-input (the mobile keyboard opens)'));
  await shot(page, 'mobile-search.png');
  await page.keyboard.press('Escape', { delay: 60 });
  await scrollUntil(() => findWidget(page, 'button', 'Restore'));
  const all = await widgets(page);
  const offscreen = all.filter((w) => w.x + w.w > 391).map((w) => `${w.role} "${w.label}" at x=${w.x}..${w.x + w.w}`);
  const restore = (await widgets(page, 'button', 'Restore')).find((w) => w.enabled && w.x + w.w <= 390 && w.y + w.h <= 844);
  await shot(page, 'mobile-rows.png');
  assert.ok(restore, 'BUG (src/ui layout, no narrow-viewport layout): at 390×844 the 200 px settings sidebar stays, the ' +
    'content column is ~150 px wide, the storage card wraps one letter per line and pushes the table out of reach, and the ' +
    'header texts overlap (workspace name under the user avatar/name, "Settings" under "Owner"); no Restore button can be ' +
    `tapped. Widgets beyond the right edge: ${offscreen.slice(0, 8).join('; ')}`);
  const [, type, ...rest] = restore.id.replace(/\/restore$/, '').split('/');
  const itemId = rest[rest.length - 1];
  await page.touchscreen.tap(restore.x + restore.w / 2, restore.y + restore.h / 2);
  await waitForServer(context.request, server.url, (items) => !hasItem(items, type, itemId), `a tap restored ${restore.id}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('back and forward: Trash → Projects → back → forward', async () => {
  const { context, page } = await openSignedIn(browser, server.url, 'alice');
  assert.match(page.url(), /#\/settings\/trash/);
  await clickWidget(page, 'tab', 'Projects');
  await waitForWidget(page, 'tab', 'Projects', { where: "/selected/.test(w.state)" });
  await page.waitForFunction(() => location.hash.startsWith('#/settings/projects'));
  await page.goBack();
  await page.waitForFunction(() => location.hash.startsWith('#/settings/trash'));
  await waitForWidget(page, 'tab', 'Trash', { where: "/selected/.test(w.state)" });
  await waitForRows(page);
  await page.goForward();
  await page.waitForFunction(() => location.hash.startsWith('#/settings/projects'));
  await waitForWidget(page, 'tab', 'Projects', { where: "/selected/.test(w.state)" });
  await waitForWidget(page, 'button', 'Move to Trash');
  await context.close();
});

// The demo users are often drawn with the form's first frame, while the email field's focus request
// is still pending: the click on one must fill the form (it was swallowed about one run in three).
test('a deep link #/settings/trash?type=project shows only projects after sign-in through the UI', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await gotoPage(page, server.url, '#/settings/trash?type=project');
  await clickWidget(page, 'button', 'Erin Park');  // the demo entry fills email and password
  await waitForWidget(page, 'button', 'Sign in', { where: 'w.enabled' });
  await clickWidget(page, 'button', 'Sign in');
  await waitForRows(page, { timeout: 20000 });
  const rows = await widgets(page, 'row');
  const projects = (await serverListing(context.request, server.url, '?type=project')).map((i) => i.name).sort();
  assert.deepEqual(rows.map((w) => w.label).sort(), projects, 'exactly the server\'s projects');
  assert.ok(rows.every((w) => w.id.startsWith('row/project/')));
  assert.ok((await findWidget(page, 'checkbox', /^Projects \d+$/)).state.includes('checked'), 'the Projects chip is on');
  assert.match(page.url(), /type=project/);
  await shot(page, 'deep-link.png');
  await context.close();
});

test('axe-core finds no serious or critical violations in the accessibility mirror', async () => {
  const { context, page } = await openSignedIn(browser, server.url, 'alice');
  await page.addScriptTag({ path: path.join(repoRoot, 'tests', 'browser', 'node_modules', 'axe-core', 'axe.min.js') });
  const audit = async (label) => {
    const result = await page.evaluate(async () => {
      const r = await window.axe.run('#a11y-mirror');
      if (r.passes.length === 0) throw new Error('axe checked nothing');
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.split('\n').slice(1).join(' ')}`) }));
    });
    return result.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ ...v, state: label }));
  };
  const found = await audit('Trash listing');
  // With a row menu open (menu and menuitems over the grid).
  await clickWidget(page, await findById(page, 'row/project/d_pallet/menu'));
  await waitForWidget(page, 'menuitem', 'Copy ID');
  await page.locator('#a11y-mirror [role=menu] [role=menuitem]').first().waitFor({ state: 'attached' });
  found.push(...await audit('Row menu open'));
  await page.keyboard.press('Escape', { delay: 60 });
  await waitForNoWidget(page, 'menu');
  // And with a dialog open (only the dialog is exposed).
  await clickWidget(page, await findById(page, 'row/project/d_pallet/delete'));
  await waitForWidget(page, 'dialog', 'Delete permanently?');
  await page.mouse.move(2, 795);  // the dialog's layout frame (see trash_page.test.mjs)
  await waitForWidget(page, 'dialog', 'Delete permanently?', { where: 'w.h > 100' });
  found.push(...await audit('Delete permanently dialog'));
  const report = found.map((v) => `[${v.state}] ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 6).join('\n    ')}` +
    (v.nodes.length > 6 ? `\n    … ${v.nodes.length - 6} more` : '')).join('\n');
  await context.close();
  assert.equal(found.length, 0, `BUG (web/a11y.js): axe-core reports serious/critical violations in #a11y-mirror:\n${report}`);
});

test('an open dialog is the only thing the mirror exposes, and it holds only the dialog\'s own controls', async () => {
  const { context, page } = await openSignedIn(browser, server.url, 'alice');
  await clickWidget(page, await findById(page, 'row/project/d_pallet/delete'));
  await waitForWidget(page, 'dialog', 'Delete permanently?');
  await page.mouse.move(2, 795);  // the dialog's layout frame (see trash_page.test.mjs)
  await waitForWidget(page, 'dialog', 'Delete permanently?', { where: 'w.h > 100' });
  const mirror = page.locator('#a11y-mirror');
  const dialog = mirror.getByRole('dialog', { name: 'Delete permanently?' });
  await dialog.waitFor({ state: 'attached' });
  assert.equal(await dialog.getAttribute('aria-modal'), 'true');
  assert.equal(await mirror.getByRole('grid').count(), 0, 'the table behind the dialog is not exposed');
  assert.equal(await mirror.getByRole('tab').count(), 0, 'the navigation behind the dialog is not exposed');
  const inside = await dialog.locator('[role=button], button, [role=checkbox]').evaluateAll((els) =>
    els.map((e) => e.getAttribute('aria-label') || e.textContent));
  const foreign = inside.filter((name) => !['Cancel', 'Delete permanently'].includes(name));
  await context.close();
  assert.deepEqual(foreign, [], 'BUG (web/a11y.js update(): a widget counts as the dialog\'s when its centre lies inside ' +
    'the dialog\'s rectangle): page widgets drawn behind the dialog (filter chips, column headers, the group header) are ' +
    'exposed as the dialog\'s own controls');
});
