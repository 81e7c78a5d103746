// Issue 4, roles: what each demo role sees on the Trash page, and that a disabled action cannot be
// triggered (the server's Trash is unchanged after trying).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from './browser.mjs';
import {
  findWidget, findById, widgets, waitForWidget, clickWidget, openSignedIn, serverListing, shot, waitForRows,
} from './automation.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('Reviewer (carol): Delete permanently and Empty Trash are disabled, naming the "Delete permanently" permission, and do nothing', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'carol');
  const before = await serverListing(context.request, server.url);
  assert.ok(before.length > 0);
  const empty = await waitForWidget(page, 'button', 'Empty Trash');
  assert.equal(empty.enabled, false, 'Empty Trash is disabled for a Reviewer');
  assert.match(empty.description, /the "Delete permanently" permission/, `the tooltip names the missing permission: "${empty.description}"`);
  const deletes = await widgets(page, 'button', 'Delete permanently');
  assert.ok(deletes.length > 0, 'rows show a Delete permanently button');
  for (const d of deletes) {
    assert.equal(d.enabled, false, `${d.id} is disabled`);
    assert.match(d.description, /the "Delete permanently" permission/, `${d.id} names the permission: "${d.description}"`);
  }
  // Restore stays available: the Reviewer has restore_* permissions.
  assert.ok((await findById(page, 'row/project/d_pallet/restore')).enabled, 'Restore is enabled for a Reviewer');
  await shot(page, 'reviewer.png');
  // Try anyway: click both, press Delete on a focused row; no dialog, nothing deleted.
  await clickWidget(page, empty);
  await clickWidget(page, deletes[0]);
  await page.keyboard.press('ArrowDown', { delay: 60 });
  await page.keyboard.press('Delete', { delay: 60 });
  await page.waitForTimeout(600);
  assert.equal(await findWidget(page, 'dialog'), null, 'no confirmation dialog opened');
  const afterItems = await serverListing(context.request, server.url);
  assert.equal(afterItems.length, before.length, 'the server\'s Trash is unchanged');
  // And the server agrees: the session cannot delete permanently.
  const session = await (await context.request.get(server.url + 'api/session')).json();
  assert.ok(!session.role.permissions.includes('delete_permanently'));
  const refused = await context.request.post(server.url + 'acme-robotics/trash/empty', {
    data: { confirm: 'Acme Robotics' }, headers: { 'X-CSRF-Token': session.csrfToken ?? '' } });
  assert.equal(refused.status(), 403);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Admin (bob): can restore, cannot delete permanently', async () => {
  const { context, page } = await openSignedIn(browser, server.url, 'bob');
  const empty = await waitForWidget(page, 'button', 'Empty Trash');
  assert.equal(empty.enabled, false);
  assert.match(empty.description, /the "Delete permanently" permission/);
  assert.ok((await findById(page, 'row/project/d_pallet/restore')).enabled);
  await context.close();
});

test('Viewer (dan): the page says there is no access instead of failing', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'dan', { waitRows: false });
  const forbidden = await waitForWidget(page, null, "You don't have access to the Trash", { timeout: 20000 });
  assert.equal(forbidden.role, 'status');
  const texts = (await widgets(page)).map((w) => `${w.label} ${w.description}`).join('\n');
  assert.equal((await widgets(page, 'row')).length, 0, 'no rows');
  assert.equal(await findWidget(page, 'button', 'Empty Trash'), null, 'no Empty Trash');
  assert.equal(await findWidget(page, 'alert'), null, `no error toast; widgets:\n${texts}`);
  await shot(page, 'forbidden.png');
  // The mirror catches up once the page has been still for a moment (at most 2 s behind the
  // canvas), so it is waited for rather than read at once.
  const said = await page.waitForFunction(() => /don.t have access to the Trash/
    .test(document.getElementById('a11y-mirror').textContent), null, { timeout: 10000 }).then(() => true, () => false);
  const mirror = await page.locator('#a11y-mirror').textContent();
  assert.ok(said, `the mirror says there is no access; it holds: ${JSON.stringify(mirror.slice(0, 300))}`);
  // The server agrees.
  assert.equal((await context.request.get(server.url + 'acme-robotics/trash')).status(), 403);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Owner (alice): every action is enabled', async () => {
  const { context, page } = await openSignedIn(browser, server.url, 'alice');
  await waitForRows(page);
  assert.ok((await findWidget(page, 'button', 'Empty Trash')).enabled);
  assert.ok((await findById(page, 'row/project/d_pallet/delete')).enabled);
  await context.close();
});
