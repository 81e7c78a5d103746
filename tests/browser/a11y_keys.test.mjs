// Issue 15, keys: Enter and Space on a focused mirror button activate that button, in the
// "Delete project?" dialog too, whose text field had the keyboard when it opened; Esc with a row
// menu open closes the menu only (the search keeps its query).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from './browser.mjs';
import { clickId, openSignedIn, typeInto, waitForNoWidget, waitForRowLabels, waitForWidget } from './automation.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

// The mirror updates once the page is still: poll rather than sleep.
async function eventually(check, message, timeout = 15000, explain = async () => '') {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) assert.fail(`${message}\n${await explain()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function appear(locator, message) {
  await eventually(async () => (await locator.count()) > 0, message);
  return locator.first();
}

test('Enter and Space on a focused mirror button activate it, in the Delete project dialog too', async () => {
  const { context, page } = await openSignedIn(browser, server.url, 'alice', { hash: '#/settings/projects',
    waitRows: false });
  const m = page.locator('#a11y-mirror');
  const dialog = m.getByRole('dialog', { name: 'Delete project?' });
  const state = async () => JSON.stringify({
    active: await page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`),
    dialog: await page.evaluate(() => window.trashPage.widgets.filter((w) => w.id.startsWith('dialog') ||
      w.role === 'textbox').map((w) => `${w.id} ${w.state}`)),
  });
  for (const key of ['Enter', ' ']) {
    const move = await appear(m.getByRole('button', { name: 'Move Forklift Detector to Trash' }), 'the Move button');
    await move.focus();
    await page.keyboard.press(key);
    await appear(dialog, `${JSON.stringify(key)} on Move to Trash opens the dialog`);
    // The dialog's field takes the keyboard as it opens; the screen reader user moves to Cancel.
    await eventually(async () => page.evaluate(() => window.trashPage.widgets.some((w) => w.role === 'textbox' &&
      /focused/.test(w.state))), 'the Project ID field has the keyboard');
    const cancel = dialog.getByRole('button', { name: 'Cancel' });
    await cancel.focus();
    await page.keyboard.press(key);
    await eventually(async () => (await dialog.count()) === 0, `${JSON.stringify(key)} on Cancel closes the dialog`,
      15000, state);
  }
  await context.close();
});

test('Esc with a row menu open closes the menu and keeps the search', async () => {
  const { context, page } = await openSignedIn(browser, server.url, 'alice');
  await typeInto(page, 'Search Trash', 'dock');
  await waitForRowLabels(page, (labels) => labels.length === 1);
  await page.mouse.click(100, 600);  // the sidebar's empty space: the search lets go of the keyboard
  await clickId(page, 'row/project/d_dock_old/menu');
  await waitForWidget(page, 'menu', null);
  await page.keyboard.press('Escape', { delay: 60 });
  await waitForNoWidget(page, 'menu', null);
  await new Promise((done) => setTimeout(done, 500));
  const search = await page.evaluate(() => window.trashPage.widgets.find((w) => w.id === '##search')?.value);
  assert.equal(search, 'dock', 'the search keeps its query');
  assert.equal((await waitForRowLabels(page, (labels) => labels.length > 0)).length, 1, 'and its one match');
  await context.close();
});
