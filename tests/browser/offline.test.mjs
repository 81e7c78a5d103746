// Issue 15 (2, 4): a server that stops answering is a lasting, visible state — "Couldn't reach the
// server · last updated …" with Retry — not toasts that vanish while stale data looks healthy; a
// failed action names what failed, once; and a refresh that finds the Trash emptied by someone
// else refreshes the storage panel with it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from './browser.mjs';
import {
  clickId, clickWidget, openSignedIn, shot, signInByApi, waitForNoWidget, waitForWidget, widgets, WORKSPACE,
} from './automation.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('an unreachable server: a lasting strip with Retry, one toast naming the failed action, rows back in place', async () => {
  const { context, page, errors } = await openSignedIn(browser, server.url, 'alice');
  const down = (route) => route.abort('connectionrefused');  // every request: the server is gone
  await context.route('**/*', down);
  await clickWidget(page, 'button', 'Refresh');
  const strip = await waitForWidget(page, 'alert', "Couldn't reach the server");
  assert.match(strip.description, /^last updated /);
  await clickId(page, 'row/project/d_pallet/restore');
  await waitForWidget(page, 'alert', /^Couldn't restore "Pallet Counter": The server could not be reached/);
  await clickId(page, 'row/project/d_pallet/restore');  // the same failure again: still one toast
  await page.waitForTimeout(500);
  const alerts = (await widgets(page, 'alert')).map((w) => w.label);
  assert.equal(alerts.filter((label) => label.startsWith("Couldn't restore")).length, 1, `alerts: ${alerts}`);
  await waitForWidget(page, 'row', 'Pallet Counter');  // back in place
  await shot(page, 'offline.png');
  await page.waitForTimeout(12000);  // longer than any toast lives
  await waitForWidget(page, 'alert', "Couldn't reach the server");  // the strip stays
  await context.unroute('**/*', down);
  await clickId(page, 'connection/retry');
  await waitForNoWidget(page, 'alert', "Couldn't reach the server");
  assert.deepEqual(errors, []);
  await context.close();
});

test('a refresh that finds the Trash emptied by someone else refreshes the storage panel too', async () => {
  const { context, page } = await openSignedIn(browser, server.url, 'alice');
  const before = await waitForWidget(page, null, null, { id: 'storage/trash' });
  assert.doesNotMatch(before.label, /In Trash 0 B/);
  const other = await browser.newContext();
  const session = await signInByApi(other, server.url, 'erin');
  const emptied = await other.request.post(`${server.url}${WORKSPACE}/trash/empty`,
    { data: { confirm: 'Acme Robotics' }, headers: { 'X-CSRF-Token': session.csrfToken } });
  assert.equal(emptied.status(), 200, await emptied.text());
  await other.close();
  await clickWidget(page, 'button', 'Refresh');
  await waitForNoWidget(page, 'row', null);
  await waitForWidget(page, null, null, { id: 'storage/trash', where: "/^In Trash 0 B/.test(w.label)" });
  await context.close();
});
