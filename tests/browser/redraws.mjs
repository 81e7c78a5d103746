// Whether the page draws to its canvas only when the picture changes, checked from outside in any
// browser (Playwright's Page or firefox.mjs's): the canvas's WebGL clears are counted by wrapping
// the prototype's `clear` (the renderer clears once per frame it draws), and screenshots show that
// a frame left undrawn keeps the last one on screen.
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifactsDir } from './browser.mjs';
import { widgets } from './automation.mjs';

const pause = (ms) => new Promise((done) => setTimeout(done, ms));

// Counts clears from now on; the renderer calls the prototype's method, so wrapping it after the
// page started still sees every call.
export async function countDraws(page) {
  await page.evaluate(() => {
    if (window.__draws !== undefined) return;
    window.__draws = 0;
    const clear = WebGL2RenderingContext.prototype.clear;
    WebGL2RenderingContext.prototype.clear = function (...args) {
      window.__draws++;
      return clear.apply(this, args);
    };
  });
}

export const counts = (page) => page.evaluate(() => ({ draws: window.__draws, frames: window.trashPage.frames }));

// Frames settled: none drawn for `quietMs`.
export async function settle(page, quietMs = 600) {
  for (let last = -1, now = (await counts(page)).frames; now !== last; now = (await counts(page)).frames) {
    last = now;
    await pause(quietMs);
  }
}

async function shot(page, name) {
  return Buffer.from(await page.screenshot({ path: path.join(artifactsDir, name) }));
}

// Moves the pointer about a corner no widget covers: every move wakes frames, none of which changes
// the picture. They must draw nothing, the canvas must still show the picture, and a move onto a
// row (a hover highlight) must draw again.
export async function checkUnchangedFramesAreNotDrawn(page, label) {
  await countDraws(page);
  const height = await page.evaluate(() => window.innerHeight);
  const corner = { x: 6, y: height - 6 };
  const all = await widgets(page);
  assert.ok(!all.some((w) => w.x <= corner.x + 2 && corner.x <= w.x + w.w + 2 && w.y <= corner.y + 2 &&
                             corner.y <= w.y + w.h + 2), 'no widget at the corner');
  for (let attempt = 0; ; attempt++) {
    await page.mouse.move(corner.x, corner.y);
    await settle(page);
    const before = await counts(page);
    const pictureBefore = await shot(page, `${label}-redraw-before.png`);
    for (let i = 0; i < 6; i++) {
      await page.mouse.move(corner.x - (i % 2) * 3, corner.y - (i % 3));
      await pause(120);
    }
    await settle(page);
    const after = await counts(page);
    assert.ok(after.frames > before.frames, `the moves woke frames (${before.frames} → ${after.frames})`);
    assert.equal(after.draws, before.draws, `frames with an unchanged picture drew ${after.draws - before.draws} times`);
    const pictureAfter = await shot(page, `${label}-redraw-after.png`);
    // A countdown may tick between the two screenshots (once a minute): then try once more.
    if (pictureAfter.equals(pictureBefore)) break;
    assert.ok(attempt < 1, 'the canvas still shows the last frame drawn (screenshots differ)');
  }
  const row = all.find((w) => w.role === 'row');
  assert.ok(row, 'a row to hover');
  const before = await counts(page);
  await page.mouse.move(row.x + row.w / 2, row.y + row.h / 2);
  await settle(page);
  const after = await counts(page);
  assert.ok(after.draws > before.draws, 'hovering a row draws its highlight');
}
