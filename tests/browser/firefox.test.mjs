// Any modern browser: the page's main loop in Debian's Firefox ESR (WebGL2 through Mesa llvmpipe
// under Xvfb, driven by puppeteer-core over WebDriver BiDi): sign in, restore, delete permanently
// and reload, on the in-browser demo of a static host and against serve.py; a frame whose picture
// did not change is not drawn again, and the canvas keeps showing the last one; the fonts' worker
// draws the page's glyphs. The same journey
// (journey.mjs) runs in Chromium in static_demo.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { artifactsDir, startServer, startStaticHost } from './browser.mjs';
import { gotoPage, waitForWidget } from './automation.mjs';
import { firefoxAvailable, launchFirefox } from './firefox.mjs';
import { JOURNEY_VIEWPORT, mainLoop } from './journey.mjs';
import { checkUnchangedFramesAreNotDrawn } from './redraws.mjs';
import { compareWorkerAtlas } from './atlas.mjs';
import path from 'node:path';

let firefox;
before(async () => {
  assert.ok(firefoxAvailable(), 'firefox-esr and xvfb are installed by .ci/setup');
  firefox = await launchFirefox();
});
after(async () => { await firefox?.close(); });

test('Firefox: the in-browser demo on a static host: sign in, restore, delete permanently, reload', async () => {
  const host = await startStaticHost('demo/path');
  try {
    const page = await firefox.newPage(JOURNEY_VIEWPORT);
    await gotoPage(page, host.url);
    await waitForWidget(page, 'text', /^Demo: changes stay in this browser/);
    await mainLoop(page, host.url);
    await page.screenshot({ path: path.join(artifactsDir, 'firefox-demo.png') });
    assert.deepEqual(page.errors, []);
    await page.raw.close();
  } finally {
    await host.stop();
  }
});

test('Firefox: against serve.py: sign in, restore, delete permanently, reload', async () => {
  const server = await startServer();
  try {
    const page = await firefox.newPage(JOURNEY_VIEWPORT);
    await mainLoop(page, server.url);
    assert.equal(await page.evaluate(() => window.trashShell.mode), 'server');
    // The first atlas came from the shell's fonts' worker (OffscreenCanvas and FontFace in workers).
    // Firefox's worker draws text with other settings than its main thread: advances and boxes
    // within 0.05 px (measured 0.017), every glyph's box the same size, edge texels' coverage not
    // the same (Chromium's are: fonts.test.mjs).
    const atlas = await compareWorkerAtlas(page);
    assert.ok(atlas.inWorker && atlas.glyphs > 300 && atlas.metrics < 0.05 && atlas.pixels < 255, JSON.stringify(atlas));
    await page.screenshot({ path: path.join(artifactsDir, 'firefox-server.png') });
    await checkUnchangedFramesAreNotDrawn(page, 'firefox');
    assert.deepEqual(page.errors, []);
    await page.raw.close();
  } finally {
    await server.stop();
  }
});
