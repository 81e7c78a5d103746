// Benchmarks of the page in headless Chromium, printing figures (no assertions): what a first
// visit downloads, frames and CPU while idle, main-thread time per scrolled frame over a 100,000
// item Trash, and how long that listing takes to show: its first rows (a first page) and the
// whole listing. Run: node tests/browser/bench.mjs
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { startServer, launchBrowser, repoRoot } from './browser.mjs';

const ITEMS = Number(process.env.BENCH_ITEMS || 100000);
const web = process.env.BENCH_WEB || path.join(repoRoot, 'build', 'web');
const kb = (n) => (n / 1024).toFixed(1) + ' KB';

// Raw, gzip -9 and, when the build wrote them, the precompressed copies serve.py sends instead.
function fileSizes() {
  const sibling = (name, suffix) => {
    try { return kb(readFileSync(path.join(web, name + suffix)).length).padStart(10) + ' ' + suffix.slice(1); } catch { return ''; }
  };
  for (const name of ['trash_page.wasm', 'trash_page.js', 'shell.js', 'a11y.js', 'text_input.js', 'index.html',
    'shell.css', 'fonts/Inter-Regular.otf', 'fonts/Inter-SemiBold.otf', 'fonts/icons.ttf']) {
    const bytes = readFileSync(path.join(web, name));
    console.log(`  ${name.padEnd(26)} ${kb(bytes.length).padStart(10)} raw ${kb(gzipSync(bytes, { level: 9 }).length).padStart(10)} gzip` +
                `${sibling(name, '.gz')}${sibling(name, '.br')}`);
  }
}

async function signedInPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let transferred = 0;
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => null);
    if (sizes && !request.url().includes('/api/') && !request.url().includes('/trash?'))
      transferred += sizes.responseBodySize + sizes.responseHeadersSize;
  });
  const demo = await (await context.request.get(url + 'api/demo')).json();
  const owner = demo.users[0];
  await context.request.post(url + 'api/session', { data: { email: owner.email, password: owner.password } });
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.trashPage && window.trashPage.ready, null, { timeout: 60000 });
  const readyMs = Date.now() - started;
  await page.waitForFunction(() => window.trashPage.itemCount > 0, null, { timeout: 120000, polling: 20 });
  const rowsMs = Date.now() - started;
  await page.waitForFunction(() => window.trashPage.listingLoaded, null, { timeout: 120000, polling: 20 });
  const wholeMs = Date.now() - started;
  return { context, page, cdp, readyMs, rowsMs, wholeMs, transferred: () => transferred };
}

async function taskSeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value;
}

const server = await startServer(['--demo-items', String(ITEMS), '--web', web]);
const browser = await launchBrowser();
try {
  console.log(`Build output (${web}):`);
  fileSizes();
  const { page, cdp, readyMs, rowsMs, wholeMs, transferred } = await signedInPage(browser, server.url);
  console.log(`First visit transferred (page, script, wasm, fonts; not API data): ${kb(transferred())}`);
  console.log(`Ready (first frame) ${readyMs} ms; ${ITEMS} items: first rows drawn ${rowsMs} ms, ` +
    `whole listing loaded and drawn ${wholeMs} ms after navigation`);
  console.log(`Listing in the page: ${await page.evaluate(() => window.trashPage.itemCount)} items`);

  await page.waitForTimeout(1500);
  let frames0 = await page.evaluate(() => window.trashPage.frames);
  let cpu0 = await taskSeconds(cdp);
  await page.waitForTimeout(10000);
  let frames1 = await page.evaluate(() => window.trashPage.frames);
  let cpu1 = await taskSeconds(cdp);
  console.log(`Idle 10 s: ${frames1 - frames0} frames, ${(cpu1 - cpu0).toFixed(3)} CPU-s on the main thread`);

  await page.mouse.move(640, 500);
  frames0 = await page.evaluate(() => window.trashPage.frames);
  const frameMs0 = await page.evaluate(() => window.trashPage.frameMsTotal);
  cpu0 = await taskSeconds(cdp);
  const steps = 60;
  for (let i = 0; i < steps; i++) {
    const before = await page.evaluate(() => window.trashPage.frames);
    await page.mouse.wheel(0, 120);
    await page.waitForFunction((b) => window.trashPage.frames > b, before);
  }
  await page.waitForTimeout(300);
  frames1 = await page.evaluate(() => window.trashPage.frames);
  const frameMs1 = await page.evaluate(() => window.trashPage.frameMsTotal);
  cpu1 = await taskSeconds(cdp);
  const frames = frames1 - frames0;
  console.log(`Scrolling ${steps} wheel notches over ${ITEMS} items: ${frames} frames, ` +
    `${((1000 * (cpu1 - cpu0)) / frames).toFixed(2)} ms main-thread busy per frame, ` +
    `${((frameMs1 - frameMs0) / frames).toFixed(2)} ms in the frame callback`);
  await page.screenshot({ path: path.join(repoRoot, 'tests', 'browser', 'artifacts', 'bench-100k.png') });
} finally {
  await browser.close();
  await server.stop();
}
