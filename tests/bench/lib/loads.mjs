// One load of one page in a fresh browser, and what is measured on it: navigation to first rows
// and to the whole listing, the first visit's files, the wasm heap, 10 s idle (frames, CPU of all
// browser processes), 150 wheel events 16 ms apart (traced), and on the Trash page the actions.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../../browser/browser.mjs';
import { aggridHook, commonHook, imguiHook, trashPageHook } from './hooks.mjs';
import { browserCpuSeconds, cpuSpent } from './procs.mjs';
import { analyseWindow, LOAD_TRACE_CATEGORIES, SAMPLING_CATEGORY, TRACE_CATEGORIES } from './trace.mjs';
import { pageQuiet, runActions } from './actions.mjs';

const VIEWPORT = { width: 1280, height: 800 };
const HOOKS = { page: trashPageHook, imgui: imguiHook, aggrid: aggridHook, webgl: imguiHook };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function taskSeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { task: get('TaskDuration'), jsHeap: get('JSHeapUsedSize') };
}

// The page's own first-rows and whole-listing moments, in ms since navigation start.
async function waitForRows(page, kind, timeout) {
  const read = kind === 'imgui' || kind === 'webgl'
    ? () => window.benchPage && window.benchPage.firstRowsMs && { rows: window.benchPage.firstRowsMs, whole: window.benchPage.firstRowsMs }
    : () => window.__bench.firstRowsMs && { rows: window.__bench.firstRowsMs, whole: window.__bench.listingLoadedMs };
  await page.waitForFunction(read, null, { timeout, polling: 50 });
  await page.waitForFunction(kind === 'page' ? () => window.__bench.listingLoadedMs : () => true, null, { timeout, polling: 50 });
  return page.evaluate(read);
}

// Where the time of a load went: resource and XHR timings the page saw (ms since navigation).
async function breakdown(page, kind) {
  return page.evaluate((k) => {
    const res = performance.getEntriesByType('resource');
    const end = (re) => { const e = res.find((r) => re.test(r.name)); return e ? e.responseEnd : null; };
    const xhr = window.__bench.xhr;
    const call = (re) => xhr.find((x) => re.test(x.url));
    const mark = (name) => performance.getEntriesByName(name)[0]?.startTime;
    const out = { wasmStart: res.find((r) => /\.wasm$/.test(r.name))?.startTime, wasm: end(/\.wasm$/), script: end(/(trash_page\.js|bench_imgui\.js|aggrid\/app\.js)$/) };
    if (k === 'page') {
      const first = call(/\/trash\?.*limit=/), whole = call(/\/trash\?sections=0$/), session = call(/\/api\/session/);
      Object.assign(out, { shellScript: end(/shell\.js$/), fonts: Math.max(...res.filter((r) => /fonts\//.test(r.name)).map((r) => r.responseEnd)),
        gpu: mark('trash-gpu'), drawable: mark('trash-drawable'), ready: window.__bench.readyMs, sessionEnd: session?.end,
        // The shell may ask for the first page itself (a fetch: in resource timing, not the XHR log).
        firstPageSent: first?.start ?? res.find((r) => /\/trash\?.*limit=/.test(r.name))?.startTime,
        firstPageReceived: end(/\/trash\?.*limit=/), firstPageHandled: first?.end,
        wholeSent: whole?.start, wholeReceived: end(/\/trash\?sections=0$/), wholeHandled: whole?.end });
    } else if (k === 'webgl') {
      return { context: window.benchPage.contextMs };
    } else {
      const b = window.benchPage || {};
      Object.assign(out, { listingReceived: b.listingFetchedMs, listingParsed: b.listingParsedMs,
        listingConverted: b.listingConvertedMs ?? b.rowDataSetMs });
    }
    return out;
  }, kind);
}

async function wasmHeapBytes(page) {
  return page.evaluate(() => (typeof wasmMemory !== 'undefined' ? wasmMemory.buffer.byteLength : null));
}

async function idle(browser, page, cdp, kind) {
  await sleep(1000);
  const ownFrames = () => page.evaluate((k) => (k === 'page' ? window.trashPage.frames : k === 'imgui' ? window.benchPage.frames : null), kind);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline',
    'disabled-by-default-devtools.timeline.frame'] });
  await page.evaluate(() => console.timeStamp('bench-idle-start'));
  // The page's registry version moves only with a frame that changed what it shows (a countdown's
  // or a "minutes ago" label ticking): own frames beyond those drew nothing new.
  const shown = () => page.evaluate((k) => (k === 'page' ? window.trashPage.widgetsVersion || 0 : null), kind);
  const cpu0 = browserCpuSeconds(), t0 = await taskSeconds(cdp), f0 = await ownFrames(), v0 = await shown();
  await sleep(10000);
  const cpu1 = browserCpuSeconds(), t1 = await taskSeconds(cdp), f1 = await ownFrames(), v1 = await shown();
  await page.evaluate(() => console.timeStamp('bench-idle-end'));
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const window = analyseWindow(trace, 'bench-idle-start', 'bench-idle-end');
  return { cpuSeconds: cpu1.seconds - cpu0.seconds, processes: cpu1.processes, mainThreadSeconds: t1.task - t0.task,
    frames: window.frames, ownFrames: f0 === null ? null : f1 - f0,
    framesWithNothingNew: f0 === null || v0 === null ? null : Math.max(0, (f1 - f0) - (v1 - v0)) };
}

// 150 wheel events (100 px down) 16 ms apart over the list, sent without waiting for each to be
// handled (a slow page gets them queued and coalesced, as from a real wheel). The window ends when
// every event was handled and the page stopped drawing (+100 ms), so a lagging page's catch-up
// frames count too.
async function scroll(browser, page, cdp, kind, keepTrace, traceSamples) {
  const x = VIEWPORT.width / 2, y = VIEWPORT.height / 2 + 50;
  await page.mouse.move(x, y);
  await sleep(500);
  // V8's sampling profiler (--trace-samples) names the functions inside long tasks, at some cost.
  const categories = traceSamples ? [...TRACE_CATEGORIES, SAMPLING_CATEGORY] : TRACE_CATEGORIES;
  await browser.startTracing(page, { categories });
  await page.evaluate(() => console.timeStamp('bench-scroll-start'));
  const cpu0 = browserCpuSeconds();
  const start = performance.now(), sent = [];
  for (let i = 0; i < 150; i++) {
    const due = start + i * 16 - performance.now();
    if (due > 0) await sleep(due);
    sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x, y, deltaX: 0, deltaY: 100 }));
  }
  await Promise.all(sent);
  const handledMs = performance.now() - start;
  await pageQuiet(page, kind, 300);
  // The accessibility mirror's catch-up after the wheel (and the rows it writes in later frames)
  // belongs to the scroll too: the window waits for it where the mirror says when it is done.
  if (kind === 'page') {
    await page.waitForFunction(() => !(window.trashA11y && window.trashA11y.busy && window.trashA11y.busy()), null,
      { timeout: 30000, polling: 50 });
    await pageQuiet(page, kind, 300);
  }
  const quietMs = performance.now() - start;
  await sleep(100);
  await page.evaluate(() => console.timeStamp('bench-scroll-end'));
  const cpu = cpuSpent(cpu0, browserCpuSeconds());
  const bytes = await browser.stopTracing();
  if (keepTrace) { mkdirSync(path.dirname(keepTrace), { recursive: true }); writeFileSync(keepTrace, bytes); }
  const trace = JSON.parse(bytes.toString());
  return { ...analyseWindow(trace, 'bench-scroll-start', 'bench-scroll-end'), handledMs, quietMs, cpu };
}

// kind: page | imgui | aggrid | webgl (the floor). full: the large listing (heap, idle, scroll, actions).
// keepLoadTrace: a file for a trace of the load itself, navigation to first rows (every process:
// the page's threads and the GPU process), read with tests/bench/load_top.mjs.
export async function measureLoad({ kind, url, full, signIn = null, actions = false, log = () => {}, keepTrace = null, traceSamples = false,
  keepLoadTrace = null }) {
  const browser = await launchBrowser();
  const result = { kind, browserVersion: browser.version() };
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(commonHook);
    await context.addInitScript(HOOKS[kind]);
    if (signIn) await signIn(context);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const urls = [];
    page.on('request', (r) => urls.push(r.url()));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (keepLoadTrace) await browser.startTracing(page, { categories: LOAD_TRACE_CATEGORIES });
    await page.goto(url);
    const times = await waitForRows(page, kind, 180000);
    if (keepLoadTrace) {
      mkdirSync(path.dirname(keepLoadTrace), { recursive: true });
      writeFileSync(keepLoadTrace, await browser.stopTracing());
    }
    result.firstRowsMs = times.rows;
    result.wholeMs = times.whole;
    result.breakdown = await breakdown(page, kind);
    result.urls = urls.filter((u) => !/\/api\/|\/trash\?|listing-\d+\.json|favicon/.test(u));
    result.itemCount = await page.evaluate((k) => (k === 'page' ? window.trashPage.itemCount
      : (window.benchPage || {}).itemCount), kind);
    if (full) {
      await sleep(500);
      result.wasmHeapBytes = await wasmHeapBytes(page);
      result.jsHeapBytes = (await taskSeconds(cdp)).jsHeap;
      log(`      idle`);
      result.idle = await idle(browser, page, cdp, kind);
      log(`      scroll`);
      result.scroll = await scroll(browser, page, cdp, kind, keepTrace, traceSamples);
      if (actions) {
        log(`      actions`);
        await pageQuiet(page, kind, 500);
        result.actions = await runActions(page, log);
      }
    }
    result.errors = errors;
  } finally {
    await browser.close();
  }
  return result;
}
