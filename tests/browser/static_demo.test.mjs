// Issue 9: build/web alone on a plain static file host, under a sub-path, runs the page on the
// in-browser demo workspace: the banner, sign-in with a demo user, restore, permanent deletion,
// a reload that keeps both, time travel and the cleanup, Reset, two tabs, corrupt or missing
// browser storage, a host that sends the wasm with the wrong type. The same build served by
// serve.py shows no demo at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, startStaticHost } from './browser.mjs';
import {
  clickId, findById, gotoPage, openSignedIn, shot, waitForNoWidget, waitForRows, waitForWidget,
} from './automation.mjs';
import { JOURNEY_VIEWPORT, mainLoop, resetDemo, restoreRow, signInAsDemoUser, timeTravel } from './journey.mjs';

let host;
let browser;
before(async () => { host = await startStaticHost('some/sub/path'); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await host?.stop(); });

const STATE_KEY = 'trash-demo:/some/sub/path/:state';

async function freshPage(options = {}) {
  const context = await browser.newContext({ viewport: JOURNEY_VIEWPORT, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return { context, page, errors };
}

test('on a static host under a sub-path: the demo banner, sign-in, restore, delete permanently, a reload keeps them', async () => {
  const { context, page, errors } = await freshPage();
  const requested = [];
  page.on('request', (request) => requested.push(request.url()));
  await gotoPage(page, host.url);
  const banner = await waitForWidget(page, 'text', /^Demo: changes stay in this browser/);
  assert.equal(banner.id, 'demo/banner');
  assert.equal(await page.evaluate(() => window.trashShell.mode), 'demo');
  await waitForWidget(page, 'button', 'Dan Okafor');  // every demo user, so a visitor can try each role
  await mainLoop(page, host.url);
  // blob: URLs are the page's own memory (index.html's GPU warm-up worker), not downloads.
  const own = ['data:', 'blob:' + new URL(host.url).origin + '/'];
  const outside = requested.filter((url) => !url.startsWith(host.url) && !own.some((prefix) => url.startsWith(prefix)));
  assert.deepEqual(outside, [], 'every URL of the page is relative to where it is hosted');
  assert.ok(requested.some((url) => url.endsWith('/trash_page_demo.wasm')), 'the demo page was loaded');
  assert.ok(!requested.some((url) => url.endsWith('/trash_page.wasm')), 'the serve.py page was not');
  assert.deepEqual(errors, []);
  await context.close();
});

test('time travel: +7 days moves the countdowns, Run cleanup now purges what is due, Reset demo starts afresh', async () => {
  const { context, page, errors } = await freshPage();
  await gotoPage(page, host.url);
  await signInAsDemoUser(page);
  await timeTravel(page);
  await shot(page, 'demo-after-cleanup.png');
  await resetDemo(page);
  assert.doesNotMatch((await findById(page, 'demo/banner')).label, /clock/, 'the clock is back to today');
  assert.deepEqual(errors, []);
  await context.close();
});

test('two tabs share the demo: each one\'s restore is kept', async () => {
  const { context, page: first } = await freshPage();
  await gotoPage(first, host.url);
  await signInAsDemoUser(first);
  const second = await context.newPage();
  await gotoPage(second, host.url);  // signed in too: the tabs share the demo's cookie
  await waitForRows(second, { timeout: 30000 });
  await restoreRow(first, 'row/workflow/wf_nightly', 'Nightly export');
  await restoreRow(second, 'row/dataset/ds_coco_people', 'COCO subset (people)');
  await gotoPage(first, host.url);
  await waitForWidget(first, 'row', 'Pallet Counter', { timeout: 30000 });
  assert.equal(await findById(first, 'row/workflow/wf_nightly'), null, 'the first tab\'s restore is kept');
  assert.equal(await findById(first, 'row/dataset/ds_coco_people'), null, 'the second tab\'s restore is kept');
  await context.close();
});

test('corrupt saved data: the demo starts afresh and says so', async () => {
  const { context, page, errors } = await freshPage();
  await context.addInitScript((key) => {
    if (!sessionStorage.getItem('corrupted')) {
      localStorage.setItem(key, '{"format": "not this", "items": [1, 2');
      sessionStorage.setItem('corrupted', '1');
    }
  }, STATE_KEY);
  await gotoPage(page, host.url);
  await waitForWidget(page, 'text', /Demo: changes stay in this browser .*could not be read.*started afresh/);
  await signInAsDemoUser(page);
  await waitForWidget(page, 'row', 'Pallet Counter');
  assert.deepEqual(errors, []);
  await context.close();
});

test('no browser storage (private mode): the demo runs in memory and says changes will not be kept', async () => {
  const { context, page, errors } = await freshPage();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await gotoPage(page, host.url);
  await waitForWidget(page, 'text', /^Demo: changes will not be kept in this browser/);
  await signInAsDemoUser(page);
  await restoreRow(page, 'row/workflow/wf_nightly', 'Nightly export');
  assert.deepEqual(errors, []);
  await context.close();
});

test('storage that fills up: the demo goes on in memory and the banner says changes are no longer kept', async () => {
  const { context, page, errors } = await freshPage();
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.storageFull && key.startsWith('trash-demo:')) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  await gotoPage(page, host.url);
  await signInAsDemoUser(page);
  await page.evaluate(() => { window.storageFull = true; });
  await restoreRow(page, 'row/workflow/wf_nightly', 'Nightly export');
  await waitForWidget(page, 'text', /^Demo: changes will not be kept in this browser .*storage is full/);
  await restoreRow(page, 'row/dataset/ds_coco_people', 'COCO subset (people)');  // still works, in memory
  assert.deepEqual(errors, []);
  await context.close();
});

test('a host that sends the wasm as text/plain still starts; one that sends an HTML page names the fix', async () => {
  const { context, page } = await freshPage();
  await context.route('**/*.wasm', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'text/plain' } });
  });
  await gotoPage(page, host.url);
  await waitForWidget(page, 'text', /^Demo:/);
  await context.close();

  const broken = await freshPage();
  await broken.context.route('**/*.wasm', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Not found</title>' }));
  await broken.page.goto(host.url);
  await broken.page.waitForFunction(() => document.getElementById('splash').classList.contains('failed'));
  const status = await broken.page.evaluate(() => document.getElementById('status').textContent);
  assert.match(status, /sent trash_page_demo\.wasm as text\/html.*application\/wasm/);
  await broken.context.close();
});

test('screenshots of the demo served statically: desktop and phone, light and dark', async () => {
  for (const [name, options] of [['demo-desktop.png', { viewport: { width: 1280, height: 800 } }],
    ['demo-desktop-dark.png', { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' }],
    ['demo-phone.png', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true }]]) {
    const { context, page } = await freshPage(options);
    await gotoPage(page, host.url);
    await waitForWidget(page, 'text', /^Demo:/);
    await shot(page, name.replace('.png', '-sign-in.png'));
    await clickId(page, 'sign-in/demo/alice@acme.test');
    await waitForWidget(page, 'button', 'Sign in', { where: 'w.enabled' });
    await clickId(page, 'sign-in/submit');
    await waitForRows(page, { timeout: 30000 });
    const banner = await findById(page, 'demo/banner');
    for (const label of ['+1 day', '+7 days', 'Run cleanup now', 'Reset demo']) {
      const button = await waitForWidget(page, 'button', label);
      assert.ok(button.x >= 0 && button.x + button.w <= options.viewport.width * (options.deviceScaleFactor ?? 1) + 1,
        `${label} fits the width`);
    }
    assert.ok(banner.y >= 0);
    await shot(page, name);
    await context.close();
  }
});

test('the same build served by serve.py shows no demo banner and talks to the server', async () => {
  const server = await startServer();
  try {
    const { context, page } = await openSignedIn(browser, server.url, 'alice');
    assert.equal(await page.evaluate(() => window.trashShell.mode), 'server');
    assert.equal(await findById(page, 'demo/banner'), null);
    await waitForNoWidget(page, 'button', '+7 days');
    await context.close();
  } finally {
    await server.stop();
  }
});
