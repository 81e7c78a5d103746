// Issue 14, the page's half: Settings → Retention and Activity against a real serve.py (one server,
// in this order). A restore shows up in Activity, and a Trash row's History opens it filtered;
// shorten the retention to 7 days (preview, confirmation), see a countdown follow at once, run the
// cleanup and see the purge.
// Screenshots of both screens at 1280×800 and on a 390×844 phone (artifacts/settings-*.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startServer, launchBrowser, repoRoot } from './browser.mjs';
import {
  clickId, findById, openSignedIn, shot, typeInto, waitForDialog, waitForNoWidget, waitForWidget,
} from './automation.mjs';
import { JOURNEY_VIEWPORT, daysIn, restoreRow, timeLeft } from './journey.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('Activity: a restore shows up, and the row menu\'s History opens the item\'s events', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice', { viewport: JOURNEY_VIEWPORT });
  await waitForWidget(page, 'row', 'Nightly export');
  await restoreRow(page, 'row/workflow/wf_nightly', 'Nightly export');

  await clickId(page, 'nav/Activity');
  await waitForWidget(page, 'grid', 'Activity');
  await waitForWidget(page, 'row', /^Alice Chen · Restored · Nightly export/);
  assert.match(page.url(), /#\/settings\/activity$/);

  await page.goBack();  // the Trash again
  await waitForWidget(page, 'row', 'Pallet Counter');
  await clickId(page, 'row/project/d_pallet/menu');  // opens with the first item highlighted
  await waitForWidget(page, 'menuitem', 'Copy name', { where: "/\\bfocused\\b/.test(w.state)" });
  await page.keyboard.press('ArrowDown', { delay: 60 });
  await page.keyboard.press('ArrowDown', { delay: 60 });
  await waitForWidget(page, 'menuitem', 'History', { where: "/\\bfocused\\b/.test(w.state)" });
  await page.keyboard.press('Enter', { delay: 60 });
  await waitForWidget(page, 'row', /Moved to Trash · Pallet Counter/);
  assert.match(page.url(), /#\/settings\/activity\?type=project&item=d_pallet$/);
  await waitForWidget(page, null, null, { id: 'activity/item' });
  assert.equal(await findById(page, 'row/workflow/wf_nightly'), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Retention: 7 days moves the countdowns at once, and the cleanup purges what became due', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice', { viewport: JOURNEY_VIEWPORT });
  const before = daysIn(await timeLeft(page, 'row/project/d_pallet'));
  assert.ok(before > 7, `Pallet Counter has ${before} days left`);
  await waitForWidget(page, 'row', 'COCO subset (people)');  // deleted 15 days ago: due with 7 days
  await waitForWidget(page, 'row', 'Conveyor Defects');  // deleted 26 days ago: due with 7 days

  await clickId(page, 'nav/Retention');
  const field = await waitForWidget(page, null, null, { id: '##retention-days', where: "w.value === '30'" });
  assert.equal(field.label, 'Retention period (days)');
  await typeInto(page, field, '7');
  const preview = await waitForWidget(page, null, null, { id: 'retention/preview', where: "/^With 7 days/.test(w.label)" });
  assert.match(preview.label, /become due now and are purged at the next cleanup/);
  await clickId(page, 'retention/save', { where: 'w.enabled' });
  await waitForDialog(page, 'Shorten the retention period?');
  await clickId(page, 'dialog/confirm');
  await waitForWidget(page, 'alert', 'Items now stay in Trash for 7 days');
  const session = await (await context.request.get(server.url + 'api/session')).json();
  assert.equal(session.workspace.retentionDays, 7, 'the server kept 7 days');

  await clickId(page, 'nav/Trash');
  const after = daysIn(await timeLeft(page, 'row/project/d_pallet'));
  assert.ok(after <= 7 && after < before, `the countdown followed the new period: ${before} → ${after} days left`);

  execFileSync('python3', [path.join(repoRoot, 'serve.py'), 'cleanup', '--db', server.db], { cwd: repoRoot });
  await clickId(page, 'toolbar/refresh');
  await waitForNoWidget(page, 'row', 'Conveyor Defects');
  await waitForNoWidget(page, 'row', 'COCO subset (people)');
  assert.ok(await findById(page, 'row/project/d_pallet'), 'what is not due stays');

  // The change and the purge are in the Activity.
  await clickId(page, 'nav/Activity');
  await waitForWidget(page, 'row', /Changed retention/);
  await waitForWidget(page, 'cell', '30 → 7 days');
  await waitForWidget(page, 'row', /Purged by cleanup/);
  await waitForWidget(page, 'cell', /^\d+ items · .* freed$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Retention and Activity at 1280×800 and on a 390×844 phone, and for a Viewer', async () => {
  const desktop = await openSignedIn(browser, server.url, 'alice', { hash: '#/settings/activity', waitRows: false });
  await waitForWidget(desktop.page, 'row', /Moved to Trash/);
  await shot(desktop.page, 'settings-activity.png');
  await clickId(desktop.page, 'nav/Retention');
  const field = await waitForWidget(desktop.page, null, null, { id: '##retention-days' });
  await typeInto(desktop.page, field, '14');
  await waitForWidget(desktop.page, null, null, { id: 'retention/preview', where: "/^With 14 days/.test(w.label)" });
  await shot(desktop.page, 'settings-retention.png');
  assert.deepEqual(desktop.errors, []);
  await desktop.context.close();

  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice',
    { hash: '#/settings/activity', waitRows: false, ...phone });
  await waitForWidget(page, 'grid', 'Activity');
  await waitForWidget(page, 'row', /Moved to Trash/);
  await shot(page, 'settings-activity-phone.png');
  await clickId(page, 'nav/Retention');
  await waitForWidget(page, null, null, { id: '##retention-days' });
  await shot(page, 'settings-retention-phone.png');
  assert.deepEqual(errors, []);
  await context.close();

  const viewer = await openSignedIn(browser, server.url, 'dan', { hash: '#/settings/retention', waitRows: false });
  const blocked = await waitForWidget(viewer.page, null, null, { id: 'retention/blocked' });
  assert.equal(blocked.label, 'Only the workspace Owner can change the retention period');
  assert.equal((await findById(viewer.page, 'retention/save')).enabled, false);
  await clickId(viewer.page, 'nav/Activity');
  await waitForWidget(viewer.page, 'status', "You don't have access to the activity");
  await viewer.context.close();
});
