// Foundation: the page loads from serve.py in headless Chromium, draws at device pixel ratio 2
// with a backing store of twice the CSS size, draws nothing while idle, and reports missing WebGL2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launchBrowser, openPage, artifactsDir } from './browser.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('draws a frame at device pixel ratio 2 with a 2x backing store', async () => {
  const { page, context, errors } = await openPage(browser, server.url, { deviceScaleFactor: 2 });
  const sizes = await page.evaluate(() => {
    const canvas = document.getElementById('canvas');
    const rect = canvas.getBoundingClientRect();
    return { cssWidth: rect.width, cssHeight: rect.height, width: canvas.width, height: canvas.height,
             frames: window.trashPage.frames, dpr: window.devicePixelRatio };
  });
  assert.equal(sizes.dpr, 2);
  assert.ok(sizes.frames >= 1, 'at least one frame was drawn');
  assert.equal(sizes.width, sizes.cssWidth * 2);
  assert.equal(sizes.height, sizes.cssHeight * 2);
  // The canvas holds real pixels: not one flat colour.
  const shot = await page.screenshot({ path: path.join(artifactsDir, 'foundation-dpr2.png') });
  assert.ok(shot.length > 5000, 'the screenshot has content');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an idle page draws no frames', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.waitForTimeout(1500);  // let start-up frames and the first data settle
  const before = await page.evaluate(() => window.trashPage.frames);
  await page.waitForTimeout(2000);
  const after = await page.evaluate(() => window.trashPage.frames);
  assert.equal(after - before, 0, `drew ${after - before} frames while idle`);
  await context.close();
});

test('input wakes the page up', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.waitForTimeout(500);
  const before = await page.evaluate(() => window.trashPage.frames);
  await page.mouse.move(200, 200);
  await page.waitForFunction((b) => window.trashPage.frames > b, before);
  await context.close();
});

test('without WebGL2 the page says so instead of failing silently', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
    };
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#splash.failed');
  assert.match(await page.textContent('#status'), /needs WebGL2/);
  await context.close();
});
