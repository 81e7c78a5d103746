// Foundation: the page loads from serve.py in headless Chromium, draws at device pixel ratio 2
// with a backing store of twice the CSS size, paints its background, shapes and text in the
// palette's colours, draws nothing while idle, and reports missing WebGL2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launchBrowser, openPage, artifactsDir } from './browser.mjs';
import { signInByApi, gotoPage, openSignedIn, USERS } from './automation.mjs';
import { decodePng } from './png.mjs';

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

// The renderer's clear paints the page's background, shapes skip the atlas (its white texel) and
// glyphs sample it: each must still come out in the palette's colours, light and dark.
test('the background, the cards and the text are drawn in the palette\'s colours', async () => {
  const palettes = { light: { background: 0xF6F7F9, surface: 0xFFFFFF, text: 0x1B1F24 },
                     dark: { background: 0x0F1115, surface: 0x171A21, text: 0xE6E8EC } };
  for (const [scheme, colours] of Object.entries(palettes)) {
    const { page, context, errors } = await openSignedIn(browser, server.url, USERS.alice, { colorScheme: scheme });
    await page.waitForTimeout(300);
    const { width, height, rgba } = decodePng(await page.screenshot());
    const count = new Map();
    let nearText = 0;  // glyphs' cores: within a few steps of the text colour
    const [tr, tg, tb] = [colours.text >> 16, (colours.text >> 8) & 255, colours.text & 255];
    for (let i = 0; i < rgba.length; i += 4) {
      const rgb = (rgba[i] << 16) | (rgba[i + 1] << 8) | rgba[i + 2];
      count.set(rgb, (count.get(rgb) || 0) + 1);
      if (Math.abs(rgba[i] - tr) + Math.abs(rgba[i + 1] - tg) + Math.abs(rgba[i + 2] - tb) < 24) nearText++;
    }
    // At 1280x800 about 28% is background, 47% the list's card and 2,900 pixels the text's colour.
    const share = (rgb) => (count.get(rgb) || 0) / (width * height);
    assert.ok(share(colours.background) > 0.15, `${scheme}: the page's background covers ${share(colours.background)}`);
    assert.ok(share(colours.surface) > 0.3, `${scheme}: the list's card covers ${share(colours.surface)}`);
    assert.ok(nearText > 1000, `${scheme}: ${nearText} pixels of text`);
    assert.deepEqual(errors, []);
    await context.close();
  }
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

// A browser whose canvases have no WebGL2, with or without workers (whose OffscreenCanvas keeps it),
// opened until the splash shows its failure.
async function openWithoutWebGL2({ workers }) {
  const context = await browser.newContext();
  await context.addInitScript((keepWorkers) => {
    if (!keepWorkers) delete window.Worker;  // index.html's warm-up cannot run: the shell asks itself
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
    };
  }, workers);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#splash.failed');
  return { context, page };
}

test('without WebGL2 the page says so instead of failing silently', async () => {
  const { context, page } = await openWithoutWebGL2({ workers: true });
  assert.match(await page.textContent('#status'), /needs WebGL2/);
  await context.close();
});

test('without WebGL2 or workers the shell says so and the page never draws', async () => {
  const { context, page } = await openWithoutWebGL2({ workers: false });
  assert.match(await page.textContent('#status'), /needs WebGL2.*Try a current version/);
  assert.equal(await page.evaluate(() => window.trashPage?.frames ?? 0), 0);
  await context.close();
});

// A first WebGL context can take most of a second: index.html's worker creates it while the page
// starts. Here that worker answers 2.5 s late, and the session and first rows arrive before the page
// may draw, so its first frame draws rows.
test('the session and first rows travel while the GPU warms up', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    const RealWorker = window.Worker;
    window.Worker = class extends RealWorker {
      set onmessage(handler) { super.onmessage = (event) => setTimeout(() => handler(event), 2500); }
    };
    window.firstFrameRows = null;
    const poll = setInterval(() => {
      if (!window.trashPage?.ready) return;
      window.firstFrameRows = window.trashPage.itemCount;
      clearInterval(poll);
    }, 1);
  });
  await signInByApi(context, server.url, 'alice');
  const page = await context.newPage();
  await gotoPage(page, server.url);
  const times = await page.evaluate(() => {
    const at = (re) => performance.getEntriesByType('resource').find((r) => re.test(r.name))?.responseEnd;
    return { session: at(/\/api\/session$/), firstRows: at(/\/trash\?.*limit=/),
             drawable: performance.getEntriesByName('trash-drawable')[0]?.startTime, rows: window.firstFrameRows };
  });
  assert.ok(times.drawable >= 2500, `the page could draw at ${times.drawable} ms, before the warm-up answered`);
  assert.ok(times.session < times.drawable && times.firstRows < times.drawable,
            `session in at ${times.session} ms, first rows at ${times.firstRows} ms, drawable at ${times.drawable} ms`);
  assert.ok(times.rows > 0, 'the first frame drew rows');
  await context.close();
});

// The browser rasterises the page's text (web_fonts.cpp): the WOFF2 faces shell.js loads are what
// the page draws with.
test('the page draws with Inter and the icons, loaded as WOFF2 faces the browser rasterises', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  const faces = await page.evaluate(() => [...document.fonts]
    .map((f) => `${f.family.replace(/"/g, '')} ${f.weight} ${f.status}`).sort());
  assert.deepEqual(faces, ['Trash Icons 400 loaded', 'Trash Inter 400 loaded', 'Trash Inter 600 loaded',
                           'Trash Inter Fallback 400 loaded']);
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((r) => new URL(r.name).pathname).filter((p) => p.includes('/fonts/')).sort());
  assert.deepEqual(fetched, ['/fonts/Inter-Regular.woff2', '/fonts/Inter-SemiBold.woff2', '/fonts/icons.woff2']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without its fonts the page says so; one missing Inter weight is stood in for by the other', async () => {
  const context = await browser.newContext();
  await context.route('**/fonts/Inter-*.woff2', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#splash.failed');
  assert.match(await page.textContent('#status'), /could not download its fonts/);
  await context.close();

  const partial = await browser.newContext();
  await partial.route('**/fonts/Inter-SemiBold.woff2', (route) => route.abort());
  const second = await partial.newPage();
  await second.goto(server.url);
  await second.waitForFunction(() => window.trashPage && window.trashPage.ready, null, { timeout: 60000 });
  assert.equal(await second.evaluate(() => document.getElementById('splash').classList.contains('failed')), false);
  await partial.close();
});
