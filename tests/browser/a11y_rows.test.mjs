// Issue 15, second pass of the rows: the Projects page and the Delete dialogs driven through the
// accessibility tree alone (getByRole), from the demo user's sign-in to the dialogs' text. The
// Projects page is a grid of named rows whose buttons say which project they move; the Delete
// permanently dialog says what a project takes with it. Chromium's tree of the Projects page and
// of the dialog is written to artifacts/a11y-projects.txt and artifacts/a11y-dialog.txt.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, artifactsDir } from './browser.mjs';
import { clickId, gotoPage } from './automation.mjs';
import { find, pageTree, text } from './ax.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

// The mirror updates once the page is still: poll rather than sleep.
async function eventually(check, message, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) assert.fail(message);
    await new Promise((done) => setTimeout(done, 100));
  }
}

const mirror = (page) => page.locator('#a11y-mirror');

// As a screen reader user does: focus the element, press Enter.
async function activate(locator) {
  await locator.focus();
  await locator.page().keyboard.press('Enter');
}

async function appear(locator, message, timeout = 30000) {
  await eventually(async () => (await locator.count()) > 0, message, timeout);
  return locator.first();
}

test('the Projects page and the dialogs, through the accessibility tree alone', async () => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await gotoPage(page, server.url);
  const m = mirror(page);
  // The sign-in card names the workspace by its name. Sign-in itself is the demo user's click (the
  // mouse: typing into the form is flaky on a busy machine), then everything goes through the tree.
  await appear(m.getByRole('button', { name: 'Alice Chen' }), 'the demo user Alice');
  assert.equal(await m.getByText('to the Acme Robotics workspace').count(), 1, 'the workspace by its name');
  await clickId(page, 'sign-in/demo/alice@acme.test');
  await eventually(async () => (await m.getByRole('textbox', { name: 'Email' }).inputValue()) === 'alice@acme.test',
    'the demo user filled the form', 30000);
  await clickId(page, 'sign-in/submit');
  // Sign-in hashes the password (scrypt): slow on a busy machine.
  await activate(await appear(m.getByRole('tab', { name: 'Projects' }), 'the Projects tab', 90000));

  // A grid of projects: rows named by their project, buttons that say which project they move.
  const grid = await appear(m.getByRole('grid', { name: 'Projects' }), 'the Projects grid');
  const forklift = await appear(grid.getByRole('row', { name: 'Forklift Detector' }), 'the Forklift Detector row');
  assert.equal(await forklift.getByRole('gridcell', { name: /Forklift Detector \(forklift-detector\)/ }).count(), 1);
  const headers = await grid.getByRole('columnheader').allTextContents();
  assert.ok(headers.includes('Name') && headers.includes('Owner'), `column headers: ${headers}`);
  const moves = await grid.getByRole('button', { name: /^Move .* to Trash$/ }).allTextContents();
  assert.equal(new Set(moves).size, moves.length, `every Move to Trash button is named apart: ${moves}`);
  writeFileSync(path.join(artifactsDir, 'a11y-projects.txt'), text(find(await pageTree(context, page),
    (n) => n.role === 'grid' && n.name === 'Projects')[0]) + '\n');

  // The Delete project dialog: its placeholder is not the id to type.
  await activate(forklift.getByRole('button', { name: 'Move Forklift Detector to Trash' }));
  const projectDialog = await appear(m.getByRole('dialog', { name: 'Delete project?' }), 'the Delete project dialog');
  const field = projectDialog.getByRole('textbox', { name: 'Project ID' });
  assert.notEqual(await field.getAttribute('placeholder'), 'forklift-detector');
  assert.equal(await projectDialog.getByRole('button', { name: 'Cancel' }).count(), 1);
  await page.keyboard.press('Escape');  // the dialog's text field has the keyboard: Esc closes it
  await eventually(async () => (await m.getByRole('dialog').count()) === 0, 'the dialog closes');

  // The Trash: Delete permanently on a project says what goes with it.
  await activate(m.getByRole('tab', { name: 'Trash' }));
  const pallet = await appear(m.getByRole('row', { name: 'Pallet Counter' }), 'the Pallet Counter row');
  await activate(pallet.getByRole('button', { name: 'Delete permanently' }));
  const dialog = await appear(m.getByRole('dialog', { name: 'Delete permanently?' }), 'the Delete permanently dialog');
  const describedBy = await dialog.getAttribute('aria-describedby');
  assert.match(await page.locator(`[id="${describedBy}"]`).textContent(),
    /^1 item will be deleted now, with its data\. This can't be undone\.$/);
  await appear(dialog.getByText(/"Pallet Counter" takes its 4 versions and models with it, and 240 images that belong to no other project\./),
    'the dialog names the children and the images');
  const tree = await pageTree(context, page);
  writeFileSync(path.join(artifactsDir, 'a11y-dialog.txt'),
    text(find(tree, (n) => n.role === 'dialog' && n.name === 'Delete permanently?')[0], 0, true) + '\n');
  await activate(dialog.getByRole('button', { name: 'Cancel' }));
  await context.close();
});
