// End-to-end actions on the Trash page at the large listing, through its automation API
// (window.trashPage.widgets, as tests/browser does): from the mousedown of the committing click to
// the end of the frame that drew the server's confirmation (the toast), plus every request the
// action set off until the page was quiet again (a full re-list shows up there).
import { clickId, findById, waitForDialog, waitForWidget, widgets } from '../../browser/automation.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Resolves once the Trash page has drawn no frame for `quietMs` (the other pages: at once). The
// page itself checks every 50 ms (a timer task of a few microseconds): a round trip from here
// would be a task of 0.1-1.5 ms on its main thread each time, which the scroll's window counted
// as the page's own work (in its last frame, which spans the wait).
export async function pageQuiet(page, kind, quietMs = 400, timeout = 30000) {
  if (kind !== 'page') return;
  await page.waitForFunction((quiet) => {
    const now = performance.now(), frames = window.trashPage.frames;
    const q = window.benchQuiet && window.benchQuiet.quiet === quiet ? window.benchQuiet
      : (window.benchQuiet = { quiet, frames, since: now });
    if (frames !== q.frames) { q.frames = frames; q.since = now; }
    if (now - q.since < quiet) return false;
    window.benchQuiet = null;
    return true;
  }, quietMs, { polling: 50, timeout }).catch(() => { page.evaluate(() => { window.benchQuiet = null; }).catch(() => {}); });
}


// The first drawn row, well inside the list (not under its header or cut by its edges), whose
// Restore and Delete buttons are enabled.
async function actionableRow(page) {
  const all = await widgets(page);
  const ok = (id) => all.some((w) => w.id === id && w.enabled);
  const grid = all.find((w) => w.role === 'grid') ?? { y: 0, h: 800 };
  const inside = (w) => w.y > grid.y + 80 && w.y + w.h < grid.y + grid.h - 40;
  const row = all.find((w) => w.role === 'row' && inside(w) && ok(`${w.id}/restore`) && ok(`${w.id}/delete`));
  if (!row) throw new Error('no restorable row drawn');
  return row;
}

// Waits until no request has been pending for `quietMs`; answers the requests started since `sinceMs`.
async function settle(page, sinceMs, quietMs = 800, timeout = 120000) {
  const deadline = Date.now() + timeout;
  let quietSince = null;
  for (;;) {
    const pending = await page.evaluate(() => window.__bench.pending);
    if (pending === 0) { quietSince ??= Date.now(); if (Date.now() - quietSince >= quietMs) break; }
    else quietSince = null;
    if (Date.now() > deadline) throw new Error('requests still pending after the action');
    await sleep(100);
  }
  return page.evaluate((t) => window.__bench.xhr.filter((x) => x.start >= t)
    .map(({ method, url, start, end, status, bytes }) => ({ method, url: url.replace(/^https?:\/\/[^/]+/, ''), start, end, status, bytes })), sinceMs);
}

// Clicks the widget `id` and times the mousedown → the frame drawing a new alert matching `pattern`.
async function timedClick(page, id, pattern) {
  await page.evaluate((source) => {
    const before = (window.trashPage.widgets || []).filter((w) => w.role === 'alert').map((w) => w.label);
    window.__bench.watch = { source, before, doneMs: null, label: null };
    window.__bench.lastDown = null;
  }, pattern.source);
  await clickId(page, id);
  await page.waitForFunction(() => window.__bench.watch.doneMs !== null, null, { timeout: Number(process.env.BENCH_ACTION_TIMEOUT || 120000), polling: 20 })
    .catch(async (error) => {
      const seen = await page.evaluate(() => ({ down: window.__bench.lastDown, alerts: (window.trashPage.widgets || [])
        .filter((w) => w.role === 'alert' || w.role === 'dialog').map((w) => w.label) }));
      await page.screenshot({ path: 'build/bench/action-timeout.png' });
      throw new Error(`no ${pattern} after clicking ${id} (mousedown at ${seen.down}; drawn: ${seen.alerts.join(' | ')}): ${error.message}`);
    });
  const { doneMs, label, downMs } = await page.evaluate(() => ({ ...window.__bench.watch, downMs: window.__bench.lastDown }));
  await page.evaluate(() => { window.__bench.watch = null; });
  const requests = await settle(page, downMs);
  const last = requests.reduce((m, r) => Math.max(m, r.end ?? 0), downMs);
  return {
    confirmedMs: doneMs - downMs, settledMs: last - downMs, toast: label, requests,
    // A listing request without a limit that answered more than `{"unchanged":true,...}`: the
    // whole listing came down again (a `since=` refresh after a change answers the whole listing).
    fullRelists: requests.filter((r) => /\/trash\?sections=0(&since=[^&]*)?$/.test(r.url) && r.bytes > 2048).length,
    sessionReads: requests.filter((r) => r.method === 'GET' && /\/api\/session$/.test(r.url)).length,
  };
}

// "1,992 selected · 4.2 TB": the count has thousands separators (read as 1, the bench went on
// pressing Shift+PageDown hundreds of times past 1,000 rows).
const selectedCount = async (page) =>
  Number((((await findById(page, 'selection/summary'))?.label ?? '0').match(/^([\d,]+)/)?.[1] ?? '0').replace(/,/g, ''));

// The selection count once it reads `expected`, or else once neither it nor the frame count has
// changed for `quietMs`. The page takes one key press per frame and, at 100k items on a busy
// machine, draws a frame every 300-800 ms while its own work per frame is a few ms (the rest is
// the browser's software GL): a batch of keys lands seconds after it was sent, and a pause of
// 800 ms without a frame happened while keys were still queued (the bench then read "1 selected"
// and pressed Shift+PageDown 999 more times).
async function countReaching(page, expected, quietMs = 5000, timeout = 180000) {
  const read = async () => [await selectedCount(page), await page.evaluate(() => window.trashPage.frames)];
  const deadline = Date.now() + timeout;
  let last = await read(), since = Date.now();
  while (last[0] !== expected && Date.now() - since < quietMs && Date.now() < deadline) {
    await sleep(100);
    const now = await read();
    if (now[0] !== last[0] || now[1] !== last[1]) { last = now; since = Date.now(); }
  }
  return last[0];
}

// Click a row's checkbox (the anchor), then Shift+PageDown/PageUp in batches and Shift+Down/Up
// for the rest until `target` rows are selected. Each batch waits for the count it must give (one
// page of rows per Shift+PageDown, as the first one measured), so no key is sent on a stale count.
async function selectRows(page, target) {
  const row = await actionableRow(page);
  await clickId(page, `${row.id}/select`);
  await waitForWidget(page, null, null, { id: 'selection/summary' });
  const press = async (key, times) => { for (let i = 0; i < times; i++) await page.keyboard.press(key, { delay: 20 }); };
  await press('Shift+PageDown', 1);
  // One page of rows, whatever it is: the first count past 1, once it settles.
  await page.waitForFunction(() => !/^1 selected/.test((window.trashPage.widgets || [])
    .find((w) => w.id === 'selection/summary')?.label ?? '1 selected'), null, { timeout: 120000, polling: 100 });
  let count = await countReaching(page, Infinity, 2000);
  const perPage = Math.max(1, count - 1);
  for (let round = 0; round < 30 && count !== target; round++) {
    const diff = target - count;
    const paging = Math.abs(diff) >= perPage;
    const times = paging ? Math.floor(Math.abs(diff) / perPage) : Math.abs(diff);
    const key = `Shift+${paging ? (diff > 0 ? 'PageDown' : 'PageUp') : (diff > 0 ? 'ArrowDown' : 'ArrowUp')}`;
    await press(key, times);
    const before = count;
    count = await countReaching(page, count + Math.sign(diff) * times * (paging ? perPage : 1));
    if (count === before) break;  // the end of the list
  }
  return count;
}

export async function runActions(page, log) {
  const out = {};
  await settle(page, 0);
  // The page may still be catching up with the scroll's wheel events on a busy machine: a row
  // chosen while the list moves is somewhere else by the time it is clicked.
  await pageQuiet(page, 'page', 800, 60000);
  let row = await actionableRow(page);
  log(`        restore one: ${row.label}`);
  out.restoreOne = await timedClick(page, `${row.id}/restore`, /^Restored/);
  await pageQuiet(page, 'page', 500);

  const selected = await selectRows(page, 1000);
  log(`        restore ${selected} selected`);
  out.restoreMany = { ...(await timedClick(page, 'selection/restore', /^(Restored|Could not restore)/)), selected };
  await pageQuiet(page, 'page', 500);

  row = await actionableRow(page);
  log(`        delete permanently: ${row.label}`);
  await clickId(page, `${row.id}/delete`);
  await waitForDialog(page, 'Delete permanently?');
  await waitForWidget(page, null, null, { id: 'dialog/confirm', where: 'w.enabled' });
  await pageQuiet(page, 'page', 300);
  out.deleteOne = await timedClick(page, 'dialog/confirm', /^Permanently deleted/);
  return out;
}
