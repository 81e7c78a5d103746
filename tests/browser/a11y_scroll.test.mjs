// Issue 10, scrolling: the accessibility mirror's catch-up after a scroll reuses its elements. The
// rows that scrolled away lend theirs to the rows that scrolled in (no new row element while the
// number of rows drawn stays the same), and a row that stayed in view gets no text or child
// written, only its new place; after a long scroll, names change in their Text nodes and no
// description id is written again. Once a fast wheel has stopped and the mirror has caught up,
// the page draws nothing more. Counts of DOM nodes, mutations and frames, no timings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from './browser.mjs';
import { openSignedIn, widgets } from './automation.mjs';

let server;
let browser;
before(async () => { server = await startServer(['--demo-items', '500']); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

// The mirror's rows (their labels) once they name the rows the page draws.
async function mirrorInStep(page, timeout = 30000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const drawn = (await widgets(page, 'row')).map((w) => w.label);
    const mirrored = await page.evaluate(() => [...document.querySelectorAll('#a11y-mirror [role=row][aria-rowindex]')]
      .filter((e) => e.dataset.widget && e.dataset.widget.startsWith('row/')).map((e) => e.getAttribute('aria-label')));
    if (drawn.length && JSON.stringify(drawn) === JSON.stringify(mirrored)) return drawn;
    if (Date.now() > deadline) assert.fail(`the mirror did not catch up: drawn ${drawn.join(', ')}; mirrored ${mirrored.join(', ')}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

test('a scroll of a few rows reuses the mirror\'s row elements and leaves the rows that stayed unwritten', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice');
  const before = await mirrorInStep(page);
  await page.evaluate(() => {
    window.itemRows = () => [...document.querySelectorAll('#a11y-mirror [role=row][aria-rowindex]')]
      .filter((e) => e.dataset.widget.startsWith('row/'));
    const rows = window.itemRows();
    window.__scroll = { rows, byLabel: new Map(rows.map((e) => [e.getAttribute('aria-label'), e])), written: new Set() };
    // Text, names and states written inside a row; not its place (style), nor an element moved
    // between cells: a widget drawn over the rows (the pinned group header) is filed into
    // whichever row lies under it.
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && r.attributeName === 'style') continue;
        if (r.type === 'childList' && !r.target.classList.contains('a11y-label')) continue;
        const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        const row = node && node.closest('[role=row]');
        if (row) window.__scroll.written.add(row);
      }
    }).observe(document.getElementById('a11y-mirror'), { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const grid = (await widgets(page, 'grid'))[0];
  await page.mouse.move(grid.x + grid.w / 2, grid.y + grid.h / 2);
  await page.mouse.wheel(0, 100);
  const deadline = Date.now() + 30000;
  let after = before;
  while (JSON.stringify(after) === JSON.stringify(before) && Date.now() < deadline) after = await mirrorInStep(page);
  const stayed = after.filter((label) => before.includes(label));
  assert.ok(stayed.length > 0 && stayed.length < after.length, `a scroll of a few rows: before ${before.join(', ')}; after ${after.join(', ')}`);

  const seen = await page.evaluate((stayedLabels) => {
    const { rows, byLabel, written } = window.__scroll;
    const now = window.itemRows();
    return {
      newRows: now.filter((e) => !rows.includes(e)).length,
      grew: Math.max(0, now.length - rows.length),
      sameElement: stayedLabels.filter((label) => now.includes(byLabel.get(label))).length,
      rewritten: stayedLabels.filter((label) => written.has(byLabel.get(label))),
    };
  }, stayed);
  assert.ok(seen.newRows <= seen.grew, `${seen.newRows} new row elements for ${seen.grew} more rows drawn: the rows that scrolled away were not reused`);
  assert.equal(seen.sameElement, stayed.length, 'a row that stayed in view keeps its element');
  assert.deepEqual(seen.rewritten, [], 'rows that stayed in view were written to');
  assert.deepEqual(errors, []);
  await context.close();
});

// After a long scroll every row drawn is new, and takes the elements of a row that scrolled away:
// its names change inside the Text nodes already there (no node replaced), and its tooltips'
// elements keep their ids, so no reference to them is written again. The tree still says what
// the page draws: every widget's description is the text of the element its element points to.
test('a long scroll\'s catch-up changes names in place and rewrites no description ids', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice');
  const before = await mirrorInStep(page);
  await page.evaluate(() => {
    window.__long = { textsReplaced: 0, idWrites: 0, describedByWrites: 0, texts: 0 };
    new MutationObserver((records) => {
      const seen = window.__long;
      for (const r of records) {
        if (r.type === 'characterData') seen.texts++;
        if (r.type === 'childList' && [...r.removedNodes].some((n) => n.nodeType === Node.TEXT_NODE)) seen.textsReplaced++;
        if (r.type === 'attributes' && r.attributeName === 'aria-describedby') seen.describedByWrites++;
        if (r.type === 'attributes' && r.attributeName === 'id' && r.target.parentElement?.className === 'a11y-descriptions') seen.idWrites++;
      }
    }).observe(document.getElementById('a11y-mirror'), { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const grid = (await widgets(page, 'grid'))[0];
  await page.mouse.move(grid.x + grid.w / 2, grid.y + grid.h / 2);
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, 1000);
  const deadline = Date.now() + 30000;
  let after = before;
  while (!after.every((label) => !before.includes(label)) && Date.now() < deadline) after = await mirrorInStep(page);
  await page.waitForFunction(() => !window.trashA11y.busy(), null, { timeout: 30000 });
  await mirrorInStep(page);
  const seen = await page.evaluate(() => window.__long);
  assert.ok(after.every((label) => !before.includes(label)), `every row is new: before ${before.join(', ')}; after ${after.join(', ')}`);
  assert.ok(seen.texts > 0, 'the new rows\' names were written');
  assert.equal(seen.textsReplaced, 0, 'a name replaced its Text node');
  assert.equal(seen.idWrites, 0, 'a description element got a new id');
  assert.equal(seen.describedByWrites, 0, 'an element\'s aria-describedby was written again');
  const wrong = await page.evaluate(() => window.trashPage.widgets.filter((w) => w.description).filter((w) => {
    const element = document.querySelector(`#a11y-mirror [data-widget="${CSS.escape(w.id)}"]`);
    const description = element && document.getElementById(element.getAttribute('aria-describedby'));
    return !description || description.textContent !== w.description;
  }).map((w) => w.id));
  assert.deepEqual(wrong, [], 'widgets whose mirror element is not described by their tooltip');
  assert.deepEqual(errors, []);
  await context.close();
});

const frameCount = (page) => page.evaluate(() => window.trashPage.frames);

test('after a fast wheel stops and the mirror has caught up, the page draws no more frames', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice');
  const before = await mirrorInStep(page);
  const grid = (await widgets(page, 'grid'))[0];
  const x = grid.x + grid.w / 2, y = grid.y + grid.h / 2;
  await page.mouse.move(x, y);
  // 30 notches 16 ms apart, each sent without waiting for the last to be handled, as a fast wheel.
  const cdp = await context.newCDPSession(page);
  const sent = [];
  for (let i = 0; i < 30; i++) {
    sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x, y, deltaX: 0, deltaY: 100 }));
    await new Promise((done) => setTimeout(done, 16));
  }
  await Promise.all(sent);
  let after = before;
  const deadline = Date.now() + 30000;
  while (!after.some((label) => !before.includes(label)) && Date.now() < deadline) after = await mirrorInStep(page);
  assert.ok(after.every((label) => !before.includes(label)), `scrolled past the first screen: ${after.join(', ')}`);
  // The last wheel event's own frames (an input books three) may still be on their way.
  const caughtUp = await frameCount(page);
  let settled = caughtUp;
  for (let still = 0; still < 10 && Date.now() < deadline; ) {
    await page.waitForTimeout(100);
    const now = await frameCount(page);
    still = now === settled ? still + 1 : 0;
    settled = now;
  }
  assert.ok(settled - caughtUp <= 3, `drew ${settled - caughtUp} frames after the mirror caught up`);
  await page.waitForTimeout(2000);
  const drawn = (await frameCount(page)) - settled;
  assert.equal(drawn, 0, `drew ${drawn} frames after the wheel stopped and the mirror caught up`);
  assert.deepEqual(errors, []);
  await context.close();
});

// On a busy machine the main thread sees a turning wheel's events one frame apart, which can be
// longer than the mirror's quiet time after keys or a pointer; a wheel still turning must not get
// catch-ups (each one lays out the whole mirror, and the next frame makes it stale). The wheel
// here turns one notch every 200 ms: the mirror catches up once it has stopped, not during it.
test('a slowly turning wheel gets no catch-up until it stops, then one', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice');
  await mirrorInStep(page);
  const grid = (await widgets(page, 'grid'))[0];
  const x = grid.x + grid.w / 2, y = grid.y + grid.h / 2;
  await page.mouse.move(x, y);
  await page.waitForFunction(() => !window.trashA11y.busy(), null, { timeout: 30000 });  // the hover's catch-up
  const catchUps = () => page.evaluate(() => window.trashA11y.catchUps);
  const before = await catchUps();
  // Sent without waiting for each to be handled (as the wheel of the test above).
  const cdp = await context.newCDPSession(page);
  const sent = [];
  for (let i = 0; i < 10; i++) {
    sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x, y, deltaX: 0, deltaY: 40 }));
    await new Promise((done) => setTimeout(done, 200));
  }
  await Promise.all(sent);
  const during = (await catchUps()) - before;
  const after = await mirrorInStep(page);
  await page.waitForFunction(() => !window.trashA11y.busy(), null, { timeout: 30000 });
  // The first notches have no rhythm to go by yet: on a loaded machine that hands them over late,
  // one catch-up may land between them; never one per notch.
  assert.ok(during <= 1, `${during} catch-ups while the wheel turned`);
  assert.ok((await catchUps()) - before >= 1, 'the mirror caught up after the wheel stopped');
  assert.ok(after.length > 0);
  assert.deepEqual(errors, []);
  await context.close();
});
