// Issue 11, the page's side: every action carries an Idempotency-Key, and an action whose answer
// is lost on the way back (the connection drops after serve.py applied it) is sent once more with
// the same key: serve.py replays its first answer, so the item is restored once, the audit log
// holds one event, and the page shows the success.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from './browser.mjs';
import { clickId, openSignedIn, waitForNoWidget, waitForWidget, WORKSPACE } from './automation.mjs';
import { JOURNEY_VIEWPORT } from './journey.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('a restore whose answer is lost is retried once with the same key: restored once, audited once', async () => {
  const sent = [];
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice', {
    routes: (ctx) => ctx.route('**/trash/restore', async (route) => {
      const request = route.request();
      sent.push({ key: request.headers()['idempotency-key'], body: request.postData() });
      if (sent.length === 1) {
        await route.fetch();  // serve.py restores it ...
        await route.abort('connectionreset');  // ... and the answer never arrives
      } else {
        await route.continue();
      }
    }),
  });
  await clickId(page, 'row/project/d_dock_old/restore');
  await waitForWidget(page, 'alert', /^Restored "Dock Door Monitor"/);
  await waitForNoWidget(page, 'row', 'Dock Door Monitor');
  assert.equal(sent.length, 2, 'sent once, then once more after the dropped connection');
  assert.match(sent[0].key, /^[0-9a-f]{32}$/);
  assert.equal(sent[1].key, sent[0].key, 'the retry carries the same key');
  assert.equal(sent[1].body, sent[0].body);
  const audit = await (await context.request.get(`${server.url}${WORKSPACE}/audit?limit=50`)).json();
  const restores = audit.events.filter((e) => e.action === 'restore' && e.id === 'd_dock_old');
  assert.equal(restores.length, 1, 'one audit event: the retry was answered from the stored response');
  assert.deepEqual(errors, []);
  await context.close();
});

test('each action has its own key; reads and sign-in carry none', async () => {
  const keys = new Map();
  const { context, page } = await openSignedIn(browser, server.url, 'alice', {
    viewport: JOURNEY_VIEWPORT,  // every row drawn
    routes: (ctx) => ctx.route('**/*', (route) => {
      const request = route.request();
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api') || url.pathname.startsWith(`/${WORKSPACE}`))
        keys.set(`${request.method()} ${url.pathname} #${keys.size}`, request.headers()['idempotency-key'] ?? null);
      return route.continue();
    }),
  });
  await clickId(page, 'row/workflow/wf_nightly/restore');
  await waitForWidget(page, 'alert', /^Restored/);
  await clickId(page, 'row/dataset/ds_coco_people/restore');
  await waitForWidget(page, 'alert', /^Restored "COCO/);
  const entries = [...keys.entries()];
  const restores = entries.filter(([what]) => what.startsWith('POST /acme-robotics/trash/restore')).map(([, key]) => key);
  assert.equal(restores.length, 2);
  assert.ok(restores.every((key) => /^[0-9a-f]{32}$/.test(key)) && restores[0] !== restores[1], `keys: ${restores}`);
  const reads = entries.filter(([what]) => what.startsWith('GET '));
  assert.ok(reads.length > 0 && reads.every(([, key]) => key === null), 'GETs carry no key');
  await context.close();
});
