// Issue 4: the Trash page against a real serve.py. Sign-in through the UI, the child version whose
// parent is in Trash, search and filters, keyboard-only use, idle frames, server errors and
// malformed JSON, and last the whole loop: Projects → Move to Trash (with images) → amber indicator
// and countdown → Restore + Undo → Delete permanently → Empty Trash (it empties the server, so it
// runs last in this file).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from './browser.mjs';
import {
  USERS, widgets, findWidget, findById, waitForWidget, waitForNoWidget, clickWidget, clickId, typeInto, hasState,
  gotoPage, openSignedIn, serverListing, hasItem, waitForServer, shot, rowLabels, waitForRowLabels, waitForRows,
  waitForDialog,
} from './automation.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('sign in through the UI: typed email and password, then the Trash listing of the workspace', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await gotoPage(page, server.url, '#/settings/trash');
  await waitForWidget(page, 'button', 'Alice Chen');  // the demo users are listed
  const submit = await findWidget(page, 'button', 'Sign in');
  assert.equal(submit.enabled, false, 'Sign in is disabled while the fields are empty');
  await shot(page, 'sign-in.png');
  await typeInto(page, 'Email', USERS.alice.email);
  await typeInto(page, 'Password', USERS.alice.password);
  await waitForWidget(page, 'button', 'Sign in', { where: 'w.enabled' });
  await clickWidget(page, 'button', 'Sign in');
  await waitForWidget(page, 'text', 'Alice Chen', { timeout: 20000 });
  await waitForRows(page);
  assert.ok(await findWidget(page, 'tab', 'Trash').then((w) => hasState(w, 'selected')), 'the Trash tab is selected');
  const items = await serverListing(context.request, server.url);
  assert.equal(await page.evaluate(() => window.trashPage.itemCount), items.length,
    'the page loaded every item of the server listing');
  assert.ok(await findWidget(page, 'row', 'Pallet Counter'), 'a project row is drawn');
  assert.deepEqual(errors, []);
  await shot(page, 'trash-listing.png');
  await context.close();
});

test('a dialog opened by a click is drawn without further input', async () => {
  const { context, page } = await openSignedIn(browser, server.url, 'alice');
  const row = await waitForWidget(page, null, null, { id: 'row/project/d_pallet/delete' });
  await clickWidget(page, row);
  await waitForWidget(page, 'dialog', 'Delete permanently?');
  // No input from here on: the page alone must bring the dialog to its laid-out position.
  let drawn = null;
  try {
    drawn = await waitForWidget(page, 'dialog', 'Delete permanently?', { where: 'w.h > 100 && w.x !== 60', timeout: 3000 });
  } catch { /* reported below */ }
  await shot(page, 'dialog-first-frame.png');
  const d = await findWidget(page, 'dialog', 'Delete permanently?');
  assert.ok(drawn, 'BUG (src/app or src/platform/web frame scheduling): after the click that opens a dialog the page ' +
    'draws only ImGui\'s hidden auto-fit frame (dialog registered at ' + `${d.x},${d.y} ${d.w}×${d.h}` + ') and then goes ' +
    'idle, so the dialog is not visible and the mirror exposes an empty dialog until the next mouse move or key');
  await context.close();
});

test('a version whose parent is in Trash: "Restore project first" in place of Restore (disabled with the reason in its menu) restores both', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'erin');
  // Narrow the table to the version so its row is drawn whole (it is the last row of the first screen).
  await typeInto(page, 'Search Trash', 'store-12');
  await waitForRowLabels(page, (l) => l.length === 1 && l[0] === 'Shelf Gap Finder / store-12-pilot');
  const link = await waitForWidget(page, 'link', 'Restore project first');
  assert.equal(await findById(page, 'row/version/d_shelf/1/restore'), null, 'the link takes the place of Restore');
  // The row menu keeps Restore, disabled with the reason; choosing it does nothing. (The menu closes
  // with a click on its item: Esc would also reach the list and clear the search.)
  await clickId(page, 'row/version/d_shelf/1/menu');
  const restore = await waitForWidget(page, null, null, { id: 'menu/restore' });
  assert.equal(restore.enabled, false, 'Restore of store-12-pilot is disabled');
  assert.match(restore.description, /Restore the project "Shelf Gap Finder" first/);
  await clickWidget(page, restore);
  await page.waitForTimeout(300);
  assert.ok(hasItem(await serverListing(context.request, server.url), 'version', '1'), 'a disabled Restore sent nothing');
  if (await findById(page, 'menu/restore')) await clickId(page, 'menu/copy-name');  // closes the menu
  await waitForNoWidget(page, null, null, { id: 'menu/restore' });
  await waitForRowLabels(page, (l) => l.length === 1 && l[0] === 'Shelf Gap Finder / store-12-pilot');
  assert.match(link.description, /Shelf Gap Finder/);
  await shot(page, 'child-version.png');
  await clickWidget(page, link);
  // The version was deleted on its own before its project, so it keeps its own row (design §2):
  // the project leaves the Trash and the version becomes restorable.
  let items = await waitForServer(context.request, server.url, (i) => !hasItem(i, 'project', 'd_shelf'),
    'after "Restore project first" the project d_shelf left the Trash');
  assert.equal(items.find((i) => i.type === 'version' && i.id === '1')?.parentInTrash, false,
    'the server now says the version\'s parent is active');
  await waitForWidget(page, 'alert', /Shelf Gap Finder|restored/i);
  await shot(page, 'restore-parent-toast.png');
  const enabled = await waitForWidget(page, null, null, { id: 'row/version/d_shelf/1/restore', where: 'w.enabled' });
  assert.doesNotMatch(enabled.description, /first/, 'no "restore the project first" reason any more');
  assert.equal(await findById(page, 'row/version/d_shelf/1/restore-parent'), null, 'the link is gone');
  await clickWidget(page, enabled);
  items = await waitForServer(context.request, server.url, (i) => !hasItem(i, 'version', '1'), 'the version restored');
  assert.deepEqual(errors, []);
  await context.close();
});

test('search, type filter and "expiring within 7 days" narrow the rows (and match the server)', async () => {
  const { context, page } = await openSignedIn(browser, server.url, 'alice');
  const all = await serverListing(context.request, server.url);
  // Search
  await typeInto(page, 'Search Trash', 'forklift');
  let labels = await waitForRowLabels(page, (l) => l.length > 0 && l.every((x) => /forklift/i.test(x)));
  const matching = all.filter((i) => /forklift/i.test(i.name) || /forklift/i.test(i.parentName ?? ''));
  assert.ok(labels.length >= 1 && labels.length <= matching.length, `rows for "forklift": ${labels}`);
  await page.waitForFunction(() => /[?&]q=forklift(&|$)/.test(location.hash), null, { timeout: 5000 })
    .catch(() => assert.fail(`the search is in the URL: ${page.url()}`));
  await shot(page, 'search.png');
  // Clear the search (Ctrl+A, Backspace in the field): back to every row.
  const bugs = [];
  await typeInto(page, 'Search Trash', '');
  try {
    await waitForRowLabels(page, (l) => l.length > 4, { timeout: 3000 });
  } catch {
    bugs.push(`Ctrl+A then Backspace (each held 60 ms) in the focused search field left the query as it was (${page.url()})`);
    await page.evaluate(() => { location.hash = '#/settings/trash'; });
    await waitForRowLabels(page, (l) => l.length > 4);
  }
  // Type filter: Projects only.
  const projects = all.filter((i) => i.type === 'project').map((i) => i.name).sort();
  await clickWidget(page, 'checkbox', /^Projects \d+$/);
  await page.waitForFunction((n) => window.trashPage.widgets.filter((w) => w.role === 'row').length === n
    && window.trashPage.widgets.filter((w) => w.role === 'row').every((w) => w.id.startsWith('row/project/')), projects.length);
  labels = await rowLabels(page);
  assert.deepEqual([...labels].sort(), projects, 'only the projects are listed');
  assert.ok((await widgets(page, 'row')).every((w) => w.id.startsWith('row/project/')), 'every row is a project row');
  await page.waitForFunction(() => /type=project/.test(location.hash), null, { timeout: 5000 })
    .catch(() => assert.fail(`the type filter is in the URL: ${page.url()}`));
  // Back to all types, then expiring within 7 days.
  await clickWidget(page, 'checkbox', /^All \d+$/);
  await waitForRowLabels(page, (l) => l.length > 4);
  await clickWidget(page, 'checkbox', 'Expiring within 7 days');
  const now = Date.now();
  const expiring = all.filter((i) => Date.parse(i.scheduledCleanupAt) - now < 7 * 86400e3);
  labels = await waitForRowLabels(page, (l) => l.length > 0 && l.length < 10);
  await page.waitForFunction((n) => window.trashPage.widgets.filter((w) => w.role === 'row').length === n, expiring.length)
    .catch(() => {});
  labels = await rowLabels(page);
  const expected = expiring.map((i) => (i.parentName ? `${i.parentName} / ${i.name}` : i.name)).sort();
  assert.deepEqual([...labels].sort(), expected, 'exactly the items due within 7 days');
  for (const w of await widgets(page, 'timer', / left$/)) {
    assert.ok(hasState(w, 'amber') || hasState(w, 'red'), `countdown ${w.id} "${w.label}" is amber or red`);
  }
  await page.waitForFunction(() => /expiring=1/.test(location.hash), null, { timeout: 5000 })
    .catch(() => assert.fail(`the expiring filter is in the URL: ${page.url()}`));
  await shot(page, 'expiring.png');
  await context.close();
  assert.deepEqual(bugs, [], 'BUG (text editing keys): editing keys do not reach the focused field');
});

// Esc in the search leaves the field and keeps the query and its rows (ImGui 1.86 alone would revert
// the edit), so the arrows walk the results; a second Esc empties the search.
test('keyboard only: "/" focuses search, Escape leaves it, arrows move, Space selects, R restores', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice');
  // Presses a key (held 60 ms, like a person) and waits for its effect: one press, no retry.
  async function key(name, effect, what) {
    await page.keyboard.press(name, { delay: 60 });
    await page.waitForFunction(effect, null, { timeout: 5000 })
      .catch(() => assert.fail(`${name} (${what}) had no effect`));
  }
  const W = 'window.trashPage.widgets';
  await page.locator('#canvas').focus();
  await key('/', `${W}.some((w) => w.id === '##search' && /\\bfocused\\b/.test(w.state))`, 'focus the search');
  await page.keyboard.type('dock', { delay: 40 });
  await page.waitForFunction(() => /[?&]q=dock\b/.test(location.hash), null, { timeout: 5000 })
    .catch(() => assert.fail(`typing "dock" right after "/" focused the search gives the query "dock": ${page.url()}`));
  await waitForRowLabels(page, (l) => l.length === 1 && l[0] === 'Dock Door Monitor');
  await key('Escape', `${W}.some((w) => w.id === '##search' && !/\\bfocused\\b/.test(w.state))`, 'leave the search');
  assert.deepEqual(await rowLabels(page), ['Dock Door Monitor'], 'Esc kept the results');
  assert.match(page.url(), /[?&]q=dock\b/, 'Esc kept the query');
  await key('ArrowDown', `${W}.some((w) => w.role === 'row' && w.label === 'Dock Door Monitor' && /\\bfocused\\b/.test(w.state))`,
    'move the row cursor to the first row');
  await key('Space', `${W}.some((w) => w.role === 'row' && w.label === 'Dock Door Monitor' && /\\bselected\\b/.test(w.state))`,
    'select the focused row');
  await waitForWidget(page, 'checkbox', 'Select Dock Door Monitor', { where: "/\\bchecked\\b/.test(w.state)" });
  await shot(page, 'keyboard-selected.png');
  await key('r', `!${W}.some((w) => w.role === 'row' && w.label === 'Dock Door Monitor')`, 'restore the selection');
  await waitForServer(context.request, server.url, (items) => !hasItem(items, 'project', 'd_dock_old'),
    'R on the selected row restored Dock Door Monitor on the server');
  await waitForWidget(page, 'alert', /Dock Door Monitor|restored/i);
  // A second Esc (on the list, nothing selected) empties the search: every row again.
  await key('Escape', `!/[?&]q=/.test(location.hash)`, 'empty the search');
  await waitForRowLabels(page, (l) => l.length > 4);
  assert.deepEqual(errors, []);
  await context.close();
});

// Datasets and workflows: two groups, every row restorable, so the range crosses a group header.
test('keyboard range: Shift+ArrowDown selects from the cursor\'s row down, the bulk Restore restores exactly that range', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice', { hash: '#/settings/trash?type=dataset,workflow' });
  const W = 'window.trashPage.widgets';
  await waitForRowLabels(page, (l) => l.length === 4);
  const rowsBefore = (await widgets(page, 'row')).map((w) => w.id);
  await page.locator('#canvas').focus();
  await page.keyboard.press('ArrowDown', { delay: 60 });
  await page.waitForFunction(`${W}.some((w) => w.id === '${rowsBefore[0]}' && /\\bfocused\\b/.test(w.state))`);
  await page.keyboard.down('Shift');
  for (const n of [2, 3]) {
    await page.keyboard.press('ArrowDown', { delay: 60 });
    await waitForWidget(page, 'status', new RegExp(`^${n} selected`));
  }
  await page.keyboard.up('Shift');
  const selected = (await widgets(page, 'row')).filter((w) => hasState(w, 'selected')).map((w) => w.id);
  assert.deepEqual(selected, rowsBefore.slice(0, 3), 'the cursor\'s row and the two below it are selected');
  await shot(page, 'keyboard-range.png');
  await clickId(page, 'selection/restore');
  const key = (rowId) => rowId.split('/').slice(1);  // [type, id]
  const items = await waitForServer(context.request, server.url, (i) => selected.every((r) => !hasItem(i, ...key(r))),
    `the selected rows ${selected} left the server's Trash`);
  assert.ok(hasItem(items, ...key(rowsBefore[3])), `${rowsBefore[3]}, outside the range, stays in the Trash`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an idle, loaded page draws no frames for 2 s', async () => {
  const { context, page } = await openSignedIn(browser, server.url, 'alice');
  await page.mouse.move(5, 795);  // away from every widget: no hover, no tooltip
  await page.waitForTimeout(1000);
  const before = await page.evaluate(() => window.trashPage.frames);
  await page.waitForTimeout(2000);
  const after = await page.evaluate(() => window.trashPage.frames);
  assert.equal(after - before, 0, `drew ${after - before} frames while idle`);
  await context.close();
});

test('a failing listing shows the server\'s message, and Retry recovers', async () => {
  let fail = true;
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice', { hash: '#/settings/projects', waitRows: false,
    routes: (ctx) => ctx.route(/\/acme-robotics\/trash(\?|$)/, (route) => (fail && route.request().method() === 'GET'
    ? route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"Database is locked"}' })
    : route.continue())) });
  await clickWidget(page, 'tab', 'Trash');
  const title = await waitForWidget(page, null, 'The Trash could not be loaded');
  const texts = (await widgets(page)).map((w) => `${w.label} ${w.description}`).join('\n');
  const mirror = await page.locator('#a11y-mirror').textContent();
  await shot(page, 'error.png');  // the canvas draws "Database is locked" under the title (seen in the screenshot)
  fail = false;
  await clickWidget(page, 'button', 'Retry');
  await waitForRows(page);
  assert.ok(await page.evaluate(() => window.trashPage.itemCount) > 0, 'the listing loaded after Retry');
  assert.deepEqual(errors, []);
  await context.close();
  assert.ok(title);
  assert.match(texts + '\n' + mirror, /Database is locked/, 'BUG (src/ui/trash_states.cpp, error state): the server\'s ' +
    'message "Database is locked" is drawn on the canvas but registered nowhere: the state/error widget has the title only ' +
    `(empty description), so the automation API and the accessibility mirror never get it; widgets:\n${texts}`);
});

test('malformed JSON from the server gives a clear message, no crash', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice', { hash: '#/settings/projects', waitRows: false,
    routes: (ctx) => ctx.route(/\/acme-robotics\/trash(\?|$)/, (route) => (route.request().method() === 'GET'
      ? route.fulfill({ status: 200, contentType: 'application/json', body: '{"items": [{"type": "project", "id": ' })
      : route.continue())) });
  await clickWidget(page, 'tab', 'Trash');
  await waitForWidget(page, null, /could not be loaded/i);
  const texts = (await widgets(page)).map((w) => `${w.label} ${w.description}`).join('\n');
  assert.ok(await findWidget(page, 'button', 'Retry'), 'Retry is offered');
  assert.doesNotMatch(texts, /undefined|exception|abort/i, 'no raw exception text');
  await shot(page, 'malformed.png');
  // Still alive: the page answers input and draws.
  const frames = await page.evaluate(() => window.trashPage.frames);
  await page.mouse.move(300, 300);
  await page.waitForFunction((f) => window.trashPage.frames > f, frames);
  assert.deepEqual(errors, [], 'no uncaught page error');
  const aborted = await page.evaluate(() => document.getElementById('splash').classList.contains('failed'));
  assert.equal(aborted, false, 'the wasm did not abort');
  await context.close();
});

// Every action is done once and its effect awaited: a click can take seconds to show on a busy machine
// (one frame for the press and one for the release, each ~1 s under SwiftShader with the blurred
// backdrop), and clicking a checkbox again because it was slow unticks it ("Also delete images" was
// then sent as false).
test('the whole loop: Move to Trash with images → amber + countdown → Restore, Undo → Delete permanently → Empty Trash', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice', { hash: '#/settings/projects', waitRows: false });
  const request = context.request;
  // 1. Projects: move Forklift Detector (Alice's) to Trash with its exclusive images.
  const move = await waitForWidget(page, null, null, { id: 'project/forklift-detector/move-to-trash' });
  assert.equal(move.enabled, true);
  await clickWidget(page, move);
  await waitForDialog(page, 'Delete project?');
  const confirm = await findById(page, 'dialog/confirm');
  assert.equal(confirm.enabled, false, 'Move to Trash is disabled until the project id is typed');
  await typeInto(page, 'Project ID', 'forklift-detector');
  await waitForWidget(page, null, null, { id: 'dialog/confirm', where: 'w.enabled', timeout: 30000 });
  await clickWidget(page, 'checkbox', 'Also delete images from Asset Library');
  await waitForWidget(page, null, null, { id: '##delete-images', where: "/\\bchecked\\b/.test(w.state)" });
  await shot(page, 'dialog-move-to-trash.png');
  await clickId(page, 'dialog/confirm');
  let items = await waitForServer(request, server.url, (i) => hasItem(i, 'project', 'd_forklift'),
    'Forklift Detector is in the server\'s Trash');
  const forklift = items.find((i) => i.type === 'project' && i.id === 'd_forklift');
  assert.equal(forklift.cleanupDeleteImages, true, 'the server recorded "Also delete images"');
  // 2. Trash: the row with the amber indicator and a countdown.
  await waitForNoWidget(page, 'dialog');
  await clickWidget(page, 'tab', 'Trash');
  await waitForWidget(page, 'tab', 'Trash', { where: '/selected/.test(w.state)' });
  await waitForWidget(page, 'row', 'Forklift Detector');
  const amber = await waitForWidget(page, null, null, { id: 'row/project/d_forklift/images' });
  assert.equal(amber.role, 'img');
  assert.equal(amber.label, 'Also deletes exclusive images');
  assert.match(amber.description, /shared with other projects are preserved/);
  const countdown = await waitForWidget(page, null, null, { id: 'row/project/d_forklift/time-left' });
  assert.match(countdown.label, /^(30|29) days left$/);
  assert.match(countdown.description, /Purged on/);
  await shot(page, 'trash-amber.png');
  // 3. Restore it: toast with Undo, gone from the server's Trash; Undo puts it back.
  await clickId(page, 'row/project/d_forklift/restore');
  await waitForServer(request, server.url, (i) => !hasItem(i, 'project', 'd_forklift'), 'Restore took Forklift Detector out of the Trash');
  await waitForWidget(page, 'alert', /Forklift Detector|restored/i);
  await shot(page, 'toast-undo.png');
  await clickWidget(page, 'link', 'Undo');
  items = await waitForServer(request, server.url, (i) => hasItem(i, 'project', 'd_forklift'), 'Undo put Forklift Detector back in the Trash');
  await waitForWidget(page, 'row', 'Forklift Detector');
  // 4. Delete permanently: the dialog lists it and the bytes freed.
  const size = items.find((i) => i.type === 'project' && i.id === 'd_forklift').sizeBytes;
  await clickId(page, 'row/project/d_forklift/delete');
  await waitForDialog(page, 'Delete permanently?');
  const listed = await widgets(page, 'listitem');
  assert.ok(listed.some((w) => /Forklift Detector/.test(w.label)), `the dialog lists Forklift Detector: ${listed.map((w) => w.label)}`);
  const frees = await findById(page, 'dialog/frees');
  assert.match(frees.label, /^Frees [\d.]+ [KMGT]?B of storage\.$/);
  // The page formats bytes in powers of 1024 (3102526668 B → "2.9 GB").
  assert.ok(frees.label.includes(`${(size / 2 ** 30).toFixed(1)} GB`), `"${frees.label}" states ${size} bytes`);
  await shot(page, 'dialog-delete.png');
  await clickId(page, 'dialog/confirm');
  await waitForServer(request, server.url, (i) => !hasItem(i, 'project', 'd_forklift'), 'Delete permanently removed Forklift Detector');
  await waitForNoWidget(page, 'row', 'Forklift Detector');
  const audit = await (await request.get(server.url + 'acme-robotics/audit?limit=5')).json();
  assert.ok(audit.events.some((e) => e.action === 'delete' && e.id === 'd_forklift'), 'audited as a permanent deletion');
  // 5. Empty Trash: disabled until "Acme Robotics" is typed.
  assert.ok((await serverListing(request, server.url)).length > 0);
  await clickWidget(page, 'button', 'Empty Trash');
  await waitForDialog(page, 'Empty Trash?');
  assert.equal((await findById(page, 'dialog/confirm')).enabled, false, 'Empty Trash is disabled before the name is typed');
  await typeInto(page, 'Workspace name', 'Acme Robotic');
  await page.waitForTimeout(200);
  assert.equal((await findById(page, 'dialog/confirm')).enabled, false, 'a partial name does not enable it');
  await page.keyboard.type('s');
  await waitForWidget(page, null, null, { id: 'dialog/confirm', where: 'w.enabled' });
  await shot(page, 'dialog-empty.png');
  await clickId(page, 'dialog/confirm');
  await waitForServer(request, server.url, (i) => i.length === 0, 'Empty Trash left the server listing empty');
  await waitForWidget(page, null, 'Trash is empty');
  await shot(page, 'empty.png');
  assert.deepEqual(errors, []);
  await context.close();
});
