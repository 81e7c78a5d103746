// Helpers that drive the Trash page through its automation API (window.trashPage.widgets): find a
// widget by role and label, click its centre with real mouse events, wait on widgets, item counts
// and frames instead of sleeping, type into text fields, sign in, and read the server's listing.
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifactsDir } from './browser.mjs';

export const WORKSPACE = 'acme-robotics';
export const USERS = {
  alice: { email: 'alice@acme.test', password: 'demo-alice' },
  erin: { email: 'erin@acme.test', password: 'demo-erin' },
  bob: { email: 'bob@acme.test', password: 'demo-bob' },
  carol: { email: 'carol@acme.test', password: 'demo-carol' },
  dan: { email: 'dan@acme.test', password: 'demo-dan' },
};

// A label matcher travels into the page as {source, flags} for a RegExp, or a plain string.
const wire = (label) => (label instanceof RegExp ? { source: label.source, flags: label.flags } : label);

// The widgets of the last frame, optionally filtered by role and label (string: exact; RegExp: test).
export async function widgets(page, role, label) {
  return page.evaluate(([r, l]) => {
    const match = (w) => (r == null || w.role === r) && (l == null ||
      (typeof l === 'string' ? w.label === l : new RegExp(l.source, l.flags).test(w.label)));
    return (window.trashPage.widgets || []).filter(match);
  }, [role ?? null, wire(label) ?? null]);
}

export async function findWidget(page, role, label) {
  return (await widgets(page, role, label))[0] ?? null;
}

export async function findById(page, id) {
  return page.evaluate((i) => (window.trashPage.widgets || []).find((w) => w.id === i) ?? null, id);
}

// Waits until a widget with this role and label (or id, with {id}) is drawn, optionally until
// `predicate(widget)` (a string of JS, evaluated with `w`) holds; resolves with the widget.
export async function waitForWidget(page, role, label, { timeout = 15000, where = null, id = null } = {}) {
  const handle = await page.waitForFunction(([r, l, cond, wantId]) => {
    const match = (w) => (wantId ? w.id === wantId : (r == null || w.role === r) && (l == null ||
      (typeof l === 'string' ? w.label === l : new RegExp(l.source, l.flags).test(w.label))));
    // eslint-disable-next-line no-new-func
    const ok = cond ? new Function('w', 'return (' + cond + ');') : () => true;
    return (window.trashPage.widgets || []).find((w) => match(w) && ok(w)) || null;
  }, [role ?? null, wire(label) ?? null, where, id], { timeout }).catch(async (error) => {
    const drawn = await page.evaluate(() => (window.trashPage.widgets || [])
      .map((w) => `${w.role} "${w.label}"${w.state ? ` [${w.state}]` : ''}${w.enabled ? '' : ' (disabled)'}`)).catch(() => []);
    throw new Error(`no ${role ?? 'widget'} ${id ?? label ?? ''}${where ? ` where ${where}` : ''} within ${timeout} ms ` +
      `(${error.message.split('\n')[0]}); drawn:\n  ${drawn.join('\n  ')}`);
  });
  return handle.jsonValue();
}

export async function waitForNoWidget(page, role, label, { timeout = 15000, id = null } = {}) {
  await page.waitForFunction(([r, l, wantId]) => !(window.trashPage.widgets || []).some((w) =>
    (wantId ? w.id === wantId : (r == null || w.role === r) && (l == null ||
      (typeof l === 'string' ? w.label === l : new RegExp(l.source, l.flags).test(w.label))))),
  [role ?? null, wire(label) ?? null, id], { timeout });
}

// The dialog's first frame is ImGui's hidden measuring frame (the window sits at 60,60 and is 44 px
// high); the page must draw a second frame on its own. This waits for the laid-out dialog, nudging
// the mouse only if the page went idle first (the defect the dedicated test below reports).
export async function waitForDialog(page, title) {
  const laidOut = "w.h > 100 && w.x !== 60";
  await waitForWidget(page, 'dialog', title);
  try {
    return await waitForWidget(page, 'dialog', title, { where: laidOut, timeout: 1500 });
  } catch {
    await page.mouse.move(2, 790);
    return waitForWidget(page, 'dialog', title, { where: laidOut });
  }
}

export const centre = (w) => ({ x: w.x + w.w / 2, y: w.y + w.h / 2 });

// Clicks a widget (object, or role + label) at its centre with real mouse events.
export async function clickWidget(page, roleOrWidget, label, options = {}) {
  const w = typeof roleOrWidget === 'object' ? roleOrWidget
    : await waitForWidget(page, roleOrWidget, label, options);
  assert.ok(w, `no ${roleOrWidget} ${label} to click`);
  const { x, y } = centre(w);
  await page.mouse.click(x, y);
  return w;
}

export async function clickId(page, id, options = {}) {
  const w = await waitForWidget(page, null, null, { ...options, id });
  await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
  return w;
}

// Clicks a text field, waits until the page reports it focused, selects what it holds and types.
export async function typeInto(page, textbox, text, { replace = true } = {}) {
  const w = typeof textbox === 'object' ? textbox : await waitForWidget(page, 'textbox', textbox);
  await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
  await waitForWidget(page, null, null, { id: w.id, where: "/\\bfocused\\b/.test(w.state)" });
  // A key the field ignores wakes one more frame: ImGui reports io.WantTextInput a frame after the
  // field turns active, and the page would otherwise read the first typed keys against the stale
  // value and drop them (the keyboard test reports that defect).
  const frames = await page.evaluate(() => window.trashPage.frames);
  await page.keyboard.press('End', { delay: 60 });
  await page.waitForFunction((f) => window.trashPage.frames > f, frames);
  if (replace) {  // held like a person's key press: the page reads key state once per frame
    await page.keyboard.press('Control+A', { delay: 60 });
    await page.keyboard.press('Backspace', { delay: 60 });
  }
  await page.keyboard.type(text, { delay: 30 });
}

export const hasState = (w, word) => new RegExp(`(^|\\s)${word}(\\s|$)`).test(w?.state ?? '');

// Signs the context in through the API (sets the session cookie), then opens the page at `hash`
// and waits for the first frame and, unless told otherwise, a loaded listing.
export async function signInByApi(context, url, who) {
  const response = await context.request.post(url + 'api/session', { data: USERS[who] ?? who });
  assert.equal(response.status(), 200, `sign-in of ${who} failed: ${await response.text()}`);
  return response.json();
}

export async function gotoPage(page, url, hash = '') {
  await page.goto(url + hash);
  await page.waitForFunction(() => window.trashPage && window.trashPage.ready, null, { timeout: 60000 }).catch(async (e) => {
    const status = await page.evaluate(() => document.getElementById('status')?.textContent).catch(() => '?');
    throw new Error(`the page did not draw its first frame within 60 s (splash status: "${status}"): ${e.message}`);
  });
}

export async function waitForRows(page, { timeout = 20000 } = {}) {
  return waitForWidget(page, 'row', null, { timeout });
}

// Opens a new context signed in as `who` at the Trash page with its listing drawn.
export async function openSignedIn(browser, url, who, { hash = '#/settings/trash', waitRows = true, routes = null, ...ctx } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...ctx });
  if (routes) await routes(context);  // installed before the page loads anything
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await signInByApi(context, url, who);
  await gotoPage(page, url, hash);
  if (waitRows) await waitForRows(page);
  return { context, page, errors };
}

// The server's Trash listing, read with the context's own session (the cookie of the signed-in user).
export async function serverListing(request, url, query = '') {
  const response = await request.get(`${url}${WORKSPACE}/trash${query}`);
  assert.equal(response.status(), 200, `GET /trash failed: ${await response.text()}`);
  return (await response.json()).items;
}

export const hasItem = (items, type, id) => items.some((item) => item.type === type && item.id === id);

// Polls the server listing until `predicate(items)` holds (the page's request may still be in flight).
export async function waitForServer(request, url, predicate, message, { timeout = 10000 } = {}) {
  const deadline = Date.now() + timeout;
  let items;
  for (;;) {
    items = await serverListing(request, url);
    if (predicate(items)) return items;
    if (Date.now() > deadline) assert.fail(message + `\nserver listing: ${items.map((i) => `${i.type}:${i.id}`).join(', ')}`);
    await new Promise((done) => setTimeout(done, 150));
  }
}

export async function shot(page, name) {
  await page.screenshot({ path: path.join(artifactsDir, name) });
}

// The labels of the rows drawn in the table.
export async function rowLabels(page) {
  return (await widgets(page, 'row')).map((w) => w.label);
}

// Waits until the drawn rows satisfy `predicate(labels)`.
export async function waitForRowLabels(page, predicate, { timeout = 15000 } = {}) {
  await page.waitForFunction((src) => {
    const labels = (window.trashPage.widgets || []).filter((w) => w.role === 'row').map((w) => w.label);
    // eslint-disable-next-line no-new-func
    return new Function('labels', 'return (' + src + ')(labels);')(labels);
  }, predicate.toString(), { timeout });
  return rowLabels(page);
}
