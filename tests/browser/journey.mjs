// The page's main loop as a person does it, written once for every browser and backend: sign in
// with a demo user, restore a row, delete one permanently, reload; and the in-browser demo's time
// travel. Driver-neutral: it uses only what automation.mjs uses (Playwright's Page, or the
// Puppeteer page of firefox.mjs). A viewport of 1280×1400 draws every demo row without scrolling.
import assert from 'node:assert/strict';
import {
  clickId, clickWidget, findById, gotoPage, waitForDialog, waitForNoWidget, waitForRows, waitForWidget,
} from './automation.mjs';

export const JOURNEY_VIEWPORT = { width: 1280, height: 1400 };

// Clicks a demo user on the sign-in screen (it fills the form), then Sign in.
export async function signInAsDemoUser(page, name = 'Alice Chen') {
  await clickWidget(page, 'button', name);
  await waitForWidget(page, 'button', 'Sign in', { where: 'w.enabled' });
  await clickWidget(page, 'button', 'Sign in');
  await waitForRows(page, { timeout: 30000 });
}

export async function restoreRow(page, rowId, name) {
  await clickId(page, `${rowId}/restore`);
  await waitForNoWidget(page, 'row', name);
  await waitForWidget(page, 'alert', /^Restored/);
}

export async function deletePermanently(page, rowId, name) {
  await clickId(page, `${rowId}/delete`);
  await waitForDialog(page, 'Delete permanently?');
  await waitForWidget(page, null, null, { id: 'dialog/confirm', where: 'w.enabled' });
  await clickId(page, 'dialog/confirm');
  await waitForNoWidget(page, 'dialog', 'Delete permanently?');
  await waitForNoWidget(page, 'row', name);
  await waitForWidget(page, 'alert', /^Permanently deleted/);
}

// What the countdown cell of a row says ("16 days left").
export async function timeLeft(page, rowId) {
  return (await waitForWidget(page, null, null, { id: `${rowId}/time-left` })).label;
}

export const daysIn = (label) => Number((label.match(/(\d+) days? left/) || [])[1]);

// Sign in, restore "Nightly export", delete "Slow webhooks" for good, reload: both stay gone.
export async function mainLoop(page, url) {
  await gotoPage(page, url);
  await signInAsDemoUser(page);
  await waitForWidget(page, 'row', 'Nightly export');
  await restoreRow(page, 'row/workflow/wf_nightly', 'Nightly export');
  await deletePermanently(page, 'row/workflow/wf_webhooks', 'Slow webhooks');
  await gotoPage(page, url);  // a reload: the session and the changes are kept
  await waitForRows(page, { timeout: 30000 });
  await waitForWidget(page, 'row', 'Pallet Counter');
  assert.equal(await findById(page, 'row/workflow/wf_nightly'), null, 'the restored workflow is still out of Trash');
  assert.equal(await findById(page, 'row/workflow/wf_webhooks'), null, 'the deleted workflow is still gone');
}

// +7 days moves every countdown; Run cleanup now purges what became due (those under 7 days left).
export async function timeTravel(page) {
  const before = daysIn(await timeLeft(page, 'row/dataset/ds_coco_people'));
  assert.ok(before > 7, `COCO subset (people) has ${before} days left`);
  await waitForWidget(page, 'row', 'Conveyor Defects');  // 26 days ago: due within 7 days
  await clickWidget(page, 'button', '+7 days');
  await waitForWidget(page, null, null, { id: 'row/dataset/ds_coco_people/time-left',
    where: `/\\b${before - 7} days? left/.test(w.label)` });
  await waitForWidget(page, 'text', /clock 7 days ahead/);
  await clickWidget(page, 'button', 'Run cleanup now');
  await waitForWidget(page, 'alert', /^Cleanup purged \d+ items/);
  await waitForNoWidget(page, 'row', 'Conveyor Defects');
  await waitForNoWidget(page, 'row', 'Night shift captures');
  assert.ok(await findById(page, 'row/dataset/ds_coco_people'), 'what is not due stays');
}

// Reset demo: signed out, and the first state is back.
export async function resetDemo(page) {
  await clickWidget(page, 'button', 'Reset demo');
  await waitForWidget(page, 'button', 'Alice Chen', { timeout: 20000 });
  await signInAsDemoUser(page);
  await waitForWidget(page, 'row', 'Nightly export');
  await waitForWidget(page, 'row', 'Conveyor Defects');
}
