// What a screen reader gets: Chromium's own accessibility tree (CDP Accessibility.getFullAXTree),
// not our DOM, for the demo Trash. It must hold the grid "Trash items" with one named row per item,
// each with its countdown timer and its actions, and nothing from the canvas itself. The tree is
// written to artifacts/a11y-tree.txt (the README quotes it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, artifactsDir } from './browser.mjs';
import { openSignedIn, serverListing } from './automation.mjs';
import { axTree, find, spoken, text } from './ax.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test("Chromium's accessibility tree reads the Trash: a grid of named rows with countdowns and actions", async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice');
  const cdp = await context.newCDPSession(page);
  await page.locator('#a11y-mirror').getByRole('grid', { name: 'Trash items' }).waitFor({ state: 'attached' });
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const root = axTree(nodes);
  const [grid] = find(root, (n) => n.role === 'grid' && n.name === 'Trash items');
  assert.ok(grid, 'the tree has the grid "Trash items"');
  const allRows = find(grid, (n) => n.role === 'row');
  const rows = allRows.filter((r) => find(r, (n) => n.role === 'checkbox' && /^Select /.test(n.name) && n.name !== 'Select all').length);
  // The header row: a column header per column, in order, above every row.
  assert.deepEqual(find(allRows[0], (n) => n.role === 'columnheader').map((n) => n.name),
    ['Select all', 'Name', 'Deleted by', 'Deleted', 'Time left', 'Size', 'Actions']);
  writeFileSync(path.join(artifactsDir, 'a11y-tree.txt'), text(root) + '\n');
  const items = await serverListing(context.request, server.url);
  const names = items.map((i) => (i.parentName ? `${i.parentName} / ${i.name}` : i.name));
  // Like any virtualised grid, the rows on screen are in the tree and the grid says how many exist.
  assert.ok(rows.length >= 5, `the rows on screen are in the tree: ${rows.map((r) => r.name)}`);
  assert.deepEqual(rows.filter((r) => !names.includes(r.name)), [], 'every row is a Trash item by its name');
  // Every item row has one cell per column, aligned with the headers.
  for (const row of rows) assert.equal(row.children.filter((c) => c.role === 'gridcell').length, 7, `${row.name}: 7 cells`);
  const group = allRows.find((r) => /^Projects, \d+ items?$/.test(r.name));
  assert.ok(group && find(group, (n) => n.role === 'button' && n.states.includes('expanded')).length, 'a group row with an expanded toggle');
  // A virtualised grid says how many rows it has and where each drawn row sits; the sorted column says so.
  const dom = await page.evaluate(() => {
    const g = document.querySelector('#a11y-mirror [role=grid]');
    return { count: Number(g.getAttribute('aria-rowcount')),
      indexes: [...g.querySelectorAll('[role=row]')].map((r) => Number(r.getAttribute('aria-rowindex'))),
      sorted: [...g.querySelectorAll('[role=columnheader][aria-sort]')].map((h) => `${h.textContent}:${h.getAttribute('aria-sort')}`) };
  });
  const groups = new Set(items.map((i) => i.type)).size;
  assert.equal(dom.count, 1 + groups + items.length, 'aria-rowcount: the header, a row per group and per item');
  assert.deepEqual(dom.indexes, dom.indexes.map((_, i) => i + 1), 'aria-rowindex 1, 2, 3… from the header down');
  assert.deepEqual(dom.sorted, ['Deleted:descending'], 'the default sort is on Deleted, newest first');
  for (const row of rows) {
    // A countdown is a timer (ARIA's live region that is not announced at every tick), not a status:
    // a screen reader would otherwise read out each visible row's countdown whenever it moves.
    const timers = find(row, (n) => n.role === 'timer');
    assert.ok(timers.some((s) => /(days?|hours?|minutes?) left/.test(s.name || spoken(s))), `${row.name}: a countdown timer`);
    assert.deepEqual(find(row, (n) => n.role === 'status'), [], `${row.name}: no live status in a row`);
    // Restore, or the "Restore project first" link in its place (a version whose project is in Trash).
    assert.ok(find(row, (n) => ['button', 'link'].includes(n.role) && /^Restore/.test(n.name)).length >= 1,
      `${row.name}: a Restore button or link`);
  }
  // Sorting through the mirror alone: the Name header's button sorts by name, and says so.
  await page.locator('#a11y-mirror').getByRole('columnheader', { name: 'Name' }).getByRole('button').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('#a11y-mirror [role=columnheader][aria-sort]')]
    .map((h) => `${h.textContent}:${h.getAttribute('aria-sort')}`).join() === 'Name:ascending', null, { timeout: 10000 })
    .catch(() => assert.fail('activating the Name header sorts by name, ascending'));
  const projectRows = await page.evaluate(() => [...document.querySelectorAll('#a11y-mirror [role=row][aria-selected]')]
    .map((r) => r.getAttribute('aria-label')).filter((n) => !n.includes(' / ')));
  const projectNames = items.filter((i) => i.type === 'project').map((i) => i.name);
  assert.deepEqual(projectRows.slice(0, projectNames.length), [...projectNames].sort((a, b) => a.localeCompare(b)),
    'the projects now read in name order');
  const canvas = find(root, (n) => n.role === 'canvas' || n.role === 'Canvas');
  assert.ok(canvas.every((c) => c.children.length === 0), 'the canvas itself exposes nothing');
  assert.deepEqual(errors, []);
  await context.close();
});
