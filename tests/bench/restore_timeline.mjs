// A probe of one figure of the bench: restoring one row at 100k, clicked several times in one load,
// each click broken down into a timeline (mousedown, each animation frame's start and end, the
// restore's send / first byte / last byte / handled, any request after it, the toast's frame).
// Not part of the bench's table: `node tests/bench/restore_timeline.mjs [--items N] [--clicks K]
// [--trace] [--web DIR]` (--trace: also the renderer's main-thread tasks and the GPU's busy time in each
// click; --web: another build's folder, to compare two builds back to back).
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { launchBrowser, repoRoot, startServer } from '../browser/browser.mjs';
import { clickId, USERS, widgets } from '../browser/automation.mjs';
import { commonHook, trashPageHook } from './lib/hooks.mjs';
import { pageQuiet } from './lib/actions.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const ITEMS = Number(option('--items', 100000));
const CLICKS = Number(option('--clicks', 5));
const TRACE = args.includes('--trace');
const WEB = option('--web', path.join(repoRoot, 'build', 'web'));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Every requestAnimationFrame callback's start and end (ms, performance.now()).
function frameHook() {
  const frames = (window.__frames = []);
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => raf((t) => {
    const entry = { start: performance.now(), vsync: t };
    try { callback(t); } finally { entry.end = performance.now(); frames.push(entry); }
  });
}

// The renderer main thread's tasks (and what ran in them) and the GPU main thread's tasks, in ms
// since the mousedown, from a trace whose 'probe-click' marker was stamped at `markMs` (page time).
function tasksOf(trace, markMs, downMs, untilMs) {
  const events = trace.traceEvents || trace;
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}/${e.tid}`, e.args.name);
  const marker = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'probe-click');
  const main = `${marker.pid}/${marker.tid}`;
  const at = (ts) => Math.round(((ts - marker.ts) / 1000 + markMs - downMs) * 10) / 10;
  const inWindow = (e) => e.ph === 'X' && at(e.ts + e.dur) >= -5 && at(e.ts) <= untilMs;
  const notable = /^(EventDispatch|FireAnimationFrame|XHRReadyStateChange|XHRLoad|TimerFire|FunctionCall|MinorGC|MajorGC|Layout|UpdateLayoutTree|Paint|Commit|FireIdleCallback|ResourceReceiveResponse|ResourceFinish|HitTest|BeginMainThreadFrame)$/;
  const lines = [];
  for (const task of events.filter((e) => e.name === 'RunTask' && `${e.pid}/${e.tid}` === main && inWindow(e))) {
    if (task.dur < 1000) continue;
    const inside = events.filter((e) => `${e.pid}/${e.tid}` === main && e.ph === 'X' && notable.test(e.name) &&
                                        e.ts >= task.ts && e.ts <= task.ts + task.dur && e.dur >= 500)
      .map((e) => `${e.name}${e.args?.data?.type ? ':' + e.args.data.type : ''} ${(e.dur / 1000).toFixed(1)}`);
    lines.push(`    main ${at(task.ts)}+${(task.dur / 1000).toFixed(1)}: ${inside.join(', ')}`);
  }
  const gpu = [...names.entries()].filter(([, n]) => n === 'CrGpuMain').map(([k]) => k);
  const gpuTasks = events.filter((e) => e.name === 'GPUTask' && gpu.includes(`${e.pid}/${e.tid}`) && inWindow(e) && e.dur >= 1000);
  lines.push('    gpu: ' + gpuTasks.map((e) => `${at(e.ts)}+${(e.dur / 1000).toFixed(1)}`).join(' '));
  return lines;
}

async function restoreOne(page, browser) {
  const all = await widgets(page);
  const ok = (id) => all.some((w) => w.id === id && w.enabled);
  const grid = all.find((w) => w.role === 'grid') ?? { y: 0, h: 800 };
  const row = all.find((w) => w.role === 'row' && w.y > grid.y + 80 && w.y + w.h < grid.y + grid.h - 40 &&
                              ok(`${w.id}/restore`));
  if (!row) throw new Error('no restorable row drawn');
  await page.evaluate(() => {
    const before = (window.trashPage.widgets || []).filter((w) => w.role === 'alert').map((w) => w.label);
    window.__bench.watch = { source: '^Restored', before, doneMs: null, label: null };
    window.__bench.lastDown = null;
  });
  if (TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline',
    'disabled-by-default-devtools.timeline.frame', 'gpu', 'toplevel'] });
  const markMs = await page.evaluate(() => { console.timeStamp('probe-click'); return performance.now(); });
  await clickId(page, `${row.id}/restore`);
  await page.waitForFunction(() => window.__bench.watch.doneMs !== null, null, { timeout: 120000, polling: 20 });
  await sleep(1500);  // whatever follows the answer (a refresh) lands too
  const bytes = TRACE ? await browser.stopTracing() : null;
  if (bytes && process.env.PROBE_TRACE_DIR) writeFileSync(path.join(process.env.PROBE_TRACE_DIR, `click-${Date.now()}.json`), bytes);
  const trace = bytes ? JSON.parse(bytes.toString()) : null;
  const timeline = await page.evaluate(() => {
    const down = window.__bench.lastDown, done = window.__bench.watch.doneMs;
    window.__bench.watch = null;
    const rel = (t) => (t == null ? null : Math.round((t - down) * 10) / 10);
    const res = performance.getEntriesByType('resource');
    const requests = window.__bench.xhr.filter((x) => x.start >= down).map((x) => {
      const timing = res.filter((r) => r.name.endsWith(x.url.replace(/^https?:\/\/[^/]+/, '')) && r.startTime >= x.start - 1)[0];
      return { what: `${x.method} ${x.url.replace(/^https?:\/\/[^/]+/, '')}`, sent: rel(x.start),
        firstByte: rel(timing?.responseStart), lastByte: rel(timing?.responseEnd), handled: rel(x.end), bytes: x.bytes };
    });
    const frames = window.__frames.filter((f) => f.end >= down && f.start <= done + 1500)
      .map((f) => [rel(f.start), rel(f.end)]);
    return { toastMs: rel(done), requests, frames, downMs: down };
  });
  if (trace) timeline.tasks = tasksOf(trace, markMs, timeline.downMs, timeline.toastMs + 20);
  return timeline;
}

const server = await startServer(['--demo-items', String(ITEMS), '--web', WEB,
  '--cleanup-interval', '0']);
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(commonHook);
  await context.addInitScript(trashPageHook);
  await context.addInitScript(frameHook);
  const r = await context.request.post(server.url + 'api/session', { data: USERS.alice });
  if (r.status() !== 200) throw new Error('sign-in failed');
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.__bench.listingLoadedMs, null, { timeout: 180000, polling: 100 });
  await pageQuiet(page, 'page', 800, 60000);
  await sleep(2000);
  const toasts = [];
  for (let i = 0; i < CLICKS; i++) {
    await pageQuiet(page, 'page', 500, 60000);
    const load = loadavg()[0].toFixed(2);
    const t = await restoreOne(page, browser);
    toasts.push(t.toastMs);
    console.log(`click ${i + 1} (load ${load}): toast drawn at ${t.toastMs} ms`);
    console.log('  frames [start, end]: ' + t.frames.map(([s, e]) => `[${s}, ${e}]`).join(' '));
    for (const q of t.requests)
      console.log(`  ${q.what}: sent ${q.sent}, first byte ${q.firstByte}, last byte ${q.lastByte}, handled ${q.handled} (${q.bytes} B)`);
    for (const line of t.tasks ?? []) console.log(line);
  }
  toasts.sort((a, b) => a - b);
  console.log(`median toast ${toasts[Math.floor(toasts.length / 2)]} ms (${toasts[0]}–${toasts.at(-1)}), load now ${loadavg()[0].toFixed(2)}`);
} finally {
  await browser.close();
  await server.stop();
}
