// Guards of issue 10 that are not timings: the start's who-am-I travels while the wasm downloads
// (asked once, by the shell), an action is applied from its answer (no full listing request and no
// session re-read after it, and the rows shown are the server's), an idle, loaded page draws
// no frames in 3 s, a frame whose picture did not change is not drawn to the canvas again, and the
// frame that sends an action, held back for its answer, still draws when the answer is slow. The
// bench (tests/bench) measures the times.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from './browser.mjs';
import { WORKSPACE, clickId, gotoPage, openSignedIn, serverListing, signInByApi, waitForRowLabels, waitForRows,
  waitForWidget, widgets } from './automation.mjs';
import { checkUnchangedFramesAreNotDrawn, countDraws, counts, settle } from './redraws.mjs';
import { pageFacts } from './atlas.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

// The page's requests from now on, as "METHOD /path?query".
function recordRequests(page) {
  const sent = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    sent.push(`${request.method()} ${url.pathname}${url.search}`);
  });
  return sent;
}

test('the start asks who is signed in once, before the wasm is requested, and shows that user\'s Trash', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signInByApi(context, server.url, 'bob');
  const sent = recordRequests(page);
  await gotoPage(page, server.url, '#/settings/trash');
  await waitForRows(page);
  const session = sent.findIndex((r) => r === 'GET /api/session');
  const wasm = sent.findIndex((r) => r.startsWith('GET /trash_page.wasm'));
  assert.ok(session >= 0 && wasm >= 0, `both requested: ${sent.join(', ')}`);
  assert.ok(session < wasm, `the session is asked before the wasm: ${sent.join(', ')}`);
  assert.equal(sent.filter((r) => r === 'GET /api/session').length, 1, `asked once: ${sent.join(', ')}`);
  const who = (await widgets(page)).find((w) => w.label === 'Bob Martins');
  assert.ok(who, 'the page shows the signed-in user from that answer');
  await context.close();
});

test('the first rows are asked for once, by the shell as soon as the session answers, and drawn from that answer',
     async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signInByApi(context, server.url, 'bob');
  const firstRows = [];
  page.on('request', (r) => { if (/\/trash\?.*limit=/.test(r.url())) firstRows.push(`${r.resourceType()} ${new URL(r.url()).pathname}${new URL(r.url()).search}`); });
  await gotoPage(page, server.url, '#/settings/trash');
  await waitForRows(page);
  await page.waitForTimeout(300);
  // fetch: the shell's (web/shell.js); the page's own requests are XMLHttpRequests (emscripten_fetch).
  // The address is the page's own (requests::ListTrashFirstPage), which the build writes into the shell.
  const { firstPage } = pageFacts();
  assert.match(firstPage, /^\/trash\?sections=0&sort=-deletedAt&limit=\d+$/);
  assert.deepEqual(firstRows, [`fetch /${WORKSPACE}${firstPage}`]);
  await context.close();
});

test('a signed-out page shows the sign-in screen from the early answer, asked once', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const sent = recordRequests(page);
  await gotoPage(page, server.url, '#/settings/trash');
  await waitForWidget(page, 'textbox', /email/i);
  assert.equal(sent.filter((r) => r === 'GET /api/session').length, 1, `asked once: ${sent.join(', ')}`);
  await context.close();
});

test('restoring one row sends no listing request and no session re-read, and shows the server\'s rows', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice');
  await page.waitForTimeout(500);  // the first load's requests are done
  const sent = recordRequests(page);
  await clickId(page, 'row/project/d_dock_old/restore');
  await waitForWidget(page, 'alert', /Dock Door Monitor|restored/i);
  await page.waitForTimeout(1500);  // whatever the page would ask after the answer has been sent by now

  const restores = sent.filter((r) => r.startsWith(`POST /${WORKSPACE}/trash/restore`));
  assert.equal(restores.length, 1, `one restore request: ${sent.join(', ')}`);
  const listings = sent.filter((r) => r.startsWith(`GET /${WORKSPACE}/trash`));
  assert.deepEqual(listings, [], 'no listing request after the action');
  assert.deepEqual(sent.filter((r) => r.startsWith('GET /api/session')), [], 'no session re-read after the action');

  // The rows drawn are the server's Trash (the top rows the page shows, by name).
  const items = await serverListing(context.request, server.url, '?sections=0');
  assert.ok(!items.some((i) => i.type === 'project' && i.id === 'd_dock_old'), 'the server restored it');
  const rows = await waitForRowLabels(page, (labels) => !labels.some((l) => /Dock Door Monitor/.test(l)));
  const drawn = (await widgets(page, 'row')).map((w) => w.id.split('/').slice(1).join('/'));
  const listed = new Set(items.map((i) => [i.type, ...(i.parentId ? [i.parentId] : []), i.id].join('/')));
  assert.ok(drawn.length > 0 && drawn.every((key) => listed.has(key)), `drawn rows ${drawn} are in the server's Trash`);
  assert.ok(rows.length > 0);

  // A refresh after the action names the version the answer gave: unchanged, a few bytes.
  const refresh = page.waitForResponse((r) => r.url().includes(`/${WORKSPACE}/trash?`) && r.request().method() === 'GET');
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  const answer = await (await refresh).json();
  assert.equal(answer.unchanged, true, `the refresh after the action is unchanged: ${JSON.stringify(answer).slice(0, 200)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an idle, loaded page draws no frames in 3 s', async () => {
  const { context, page } = await openSignedIn(browser, server.url, 'alice');
  await page.mouse.move(5, 795);  // away from every widget: no hover, no tooltip
  await page.waitForTimeout(1000);
  const before = await page.evaluate(() => window.trashPage.frames);
  await page.waitForTimeout(3000);
  const after = await page.evaluate(() => window.trashPage.frames);
  assert.equal(after - before, 0, `drew ${after - before} frames while idle`);
  await context.close();
});

test('a frame whose picture did not change is not drawn again, and the canvas keeps the last one', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice');
  await checkUnchangedFramesAreNotDrawn(page, 'chromium');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an action whose answer is slow still draws its rows leaving, after a short hold', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice');
  let answered = false;
  await page.route('**/trash/restore*', async (route) => {
    await new Promise((done) => setTimeout(done, 2500));
    await route.continue();
    answered = true;
  });
  await countDraws(page);
  // Another test restored a row of this server already: any row that may be restored.
  const button = (await widgets(page)).find((w) => /^row\/.*\/restore$/.test(w.id) && w.enabled);
  assert.ok(button, 'a row to restore');
  await page.mouse.move(button.x + button.w / 2, button.y + button.h / 2);
  await settle(page);
  const before = await counts(page);
  await page.mouse.down();
  await page.mouse.up();
  await page.waitForTimeout(1000);
  const during = await counts(page);
  assert.equal(answered, false, 'the answer is still on its way');
  assert.ok(during.draws > before.draws, 'the frame that sent the restore was drawn before its answer came');
  await waitForWidget(page, 'alert', /^Restored/, { timeout: 15000 });
  assert.deepEqual(errors, []);
  await context.close();
});
