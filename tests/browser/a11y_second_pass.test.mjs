// Issue 15 (5): what the accessibility tree was missing. Text fields expose their value (a
// password as bullets); a dialog is named by its title and described by its first paragraph
// ("… This can't be undone."); toasts live in a "Notifications" region with their own Undo and
// Dismiss, never filed into a row or a dialog by where they are drawn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from './browser.mjs';
import {
  clickId, gotoPage, openSignedIn, typeInto, waitForDialog, waitForNoWidget, waitForRowLabels, waitForWidget,
} from './automation.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

// The mirror updates once the page is still: poll the tree rather than sleep.
async function eventually(check, message, timeout = 10000, explain = async () => '') {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) assert.fail(`${message}\n${await explain()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

test('text fields expose their value to the tree, a password as bullets', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await gotoPage(page, server.url);
  await clickId(page, 'sign-in/demo/alice@acme.test');  // fills both fields
  await eventually(async () => (await page.getByRole('textbox', { name: 'Email' }).inputValue()) === 'alice@acme.test',
    'the Email textbox reads back what was typed', 10000, async () => JSON.stringify({
      mirror: await page.getByRole('textbox', { name: 'Email' }).inputValue(),
      page: (await page.evaluate(() => window.trashPage.widgets.find((w) => w.label === 'Email'))) }));
  await eventually(async () => (await page.getByRole('textbox', { name: 'Password' }).inputValue()) === '•'.repeat(10),
    'the Password textbox reads back one bullet per character');
  await context.close();
});

test('a dialog is named by its title and described by its text; toasts are a region of their own', async () => {
  const { context, page } = await openSignedIn(browser, server.url, 'alice');
  await typeInto(page, 'Search Trash', 'dock');
  await waitForRowLabels(page, (labels) => labels.length === 1);
  await eventually(async () => (await page.getByRole('textbox', { name: 'Search Trash' }).inputValue()) === 'dock',
    'the search field reads back its query');
  await clickId(page, 'row/project/d_dock_old/delete');
  await waitForDialog(page, 'Delete permanently?');
  const dialog = page.getByRole('dialog', { name: 'Delete permanently?' });
  await eventually(async () => (await dialog.count()) === 1 && (await dialog.getAttribute('aria-describedby')),
    'the dialog is named and described', 10000, () => page.evaluate(() => document.querySelector('#a11y-mirror [role=dialog]')?.outerHTML));
  const describedBy = await dialog.getAttribute('aria-describedby');
  assert.match(await page.locator(`[id="${describedBy}"]`).textContent(), /1 item will be deleted now.*can't be undone/);
  await clickId(page, 'dialog/cancel');
  await waitForNoWidget(page, 'dialog', 'Delete permanently?');
  await clickId(page, 'row/project/d_dock_old/restore');
  await waitForWidget(page, 'alert', /^Restored "Dock Door Monitor"/);
  const notifications = page.getByRole('region', { name: 'Notifications' });
  await eventually(async () => (await notifications.getByRole('link', { name: 'Undo' }).count()) === 1,
    'Undo sits in the Notifications region', 10000,
    () => page.evaluate(() => document.querySelector('#a11y-mirror .a11y-live').outerHTML));
  assert.equal(await notifications.getByRole('button', { name: 'Dismiss' }).count(), 1);
  assert.equal(await page.getByRole('grid').getByRole('link', { name: 'Undo' }).count(), 0, 'never inside the grid');
  await context.close();
});
