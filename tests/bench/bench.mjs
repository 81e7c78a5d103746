// The bench of issue 10: this page (C, through serve.py) beside a bare Dear ImGui page (A) and AG
// Grid Community (B), both fed the same listing as a static file, measured in the same run, in
// rotated order, each load in a fresh Chromium. Prints a table and writes it into REPORT.md.
// Run through `bash .ci/bench` (it builds the page and A, installs B); options:
//   --runs N (default 5)  --items 1000,10000,100000  --no-report (do not touch REPORT.md)
//   --pages page,imgui,aggrid,webgl (a subset, to debug one; webgl is the floor F, loaded at the largest listing)
//   --no-actions (skip the actions at the large listing)  --keep-traces DIR (save each scroll's Chromium trace there, to read its long tasks:
//   node tests/bench/trace_top.mjs FILE; and each load's, navigation to first rows: node tests/bench/load_top.mjs FILE; tracing
//   slows the load a little)  --trace-samples (add V8's sampling profiler to the scroll traces)
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot, startServer } from '../browser/browser.mjs';
import { USERS } from '../browser/automation.mjs';
import { measureLoad } from './lib/loads.mjs';
import { compressedSizes, firstVisitSizes, startStaticSite, writeListing } from './lib/site.mjs';
import { figureRows, FLOOR, KIND_NAMES, KINDS, renderBreakdown, renderScrollSpent, renderTables, stats, writeReport } from './lib/report.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const RUNS = Number(option('--runs', 5));
const ITEMS = option('--items', '1000,10000,100000').split(',').map(Number);
const FULL = Math.max(...ITEMS);
const ALL_KINDS = [...KINDS, FLOOR];
const PAGES = option('--pages', ALL_KINDS.join(',')).split(',');  // a subset, to debug one page
const TRACES = option('--keep-traces', null);
const benchDir = path.join(repoRoot, 'build', 'bench');
const webDir = path.resolve(option('--web', path.join(repoRoot, 'build', 'web')));  // another build, to compare
const log = (line) => console.log(line);

// Baseline B as an application ships AG Grid: app.js bundled with esbuild (minified, tree-shaken
// to the modules it registers), beside its index.html.
function prepareAgGrid() {
  const out = path.join(benchDir, 'aggrid');
  const here = path.join(repoRoot, 'tests', 'bench');
  mkdirSync(out, { recursive: true });
  execFileSync(path.join(here, 'node_modules', '.bin', 'esbuild'), [path.join(here, 'baseline_aggrid', 'app.js'),
    '--bundle', '--minify', '--format=iife', '--target=es2020', '--legal-comments=none', '--log-level=warning',
    `--outfile=${path.join(out, 'app.js')}`], { stdio: 'inherit' });
  copyFileSync(path.join(here, 'baseline_aggrid', 'index.html'), path.join(out, 'index.html'));
}

function prepareFloor() {
  mkdirSync(path.join(benchDir, FLOOR), { recursive: true });
  copyFileSync(path.join(repoRoot, 'tests', 'bench', 'baseline_webgl', 'index.html'), path.join(benchDir, FLOOR, 'index.html'));
}

// serve.py keeps its database per listing size for the whole run; a restart tops the Trash up to
// N again (after the actions restored and deleted rows).
async function startTrashServer(items) {
  const db = path.join(benchDir, 'db', `trash-${items}.db`);
  mkdirSync(path.dirname(db), { recursive: true });
  return startServer(['--demo-items', String(items), '--web', webDir, '--db', db, '--cleanup-interval', '0']);
}

function machineInfo(loads, browser) {
  const l = stats(loads);
  return { nproc: cpus().length, cpu: cpus()[0]?.model ?? '?', browser,
    load: l ? `${l.median.toFixed(2)} median (${l.min.toFixed(2)}–${l.max.toFixed(2)})` : '?',
    when: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC' };
}

const loads = [loadavg()[0]];
const sampler = setInterval(() => loads.push(loadavg()[0]), 5000);
const started = Date.now();
if (PAGES.includes('aggrid')) prepareAgGrid();
if (PAGES.includes(FLOOR)) prepareFloor();
rmSync(path.join(benchDir, 'db'), { recursive: true, force: true });  // a fresh Trash per bench (100k seed in ~5 s)
const servers = {};
const site = await startStaticSite(benchDir);
const results = [];
const urlsOf = {};
try {
  for (const n of ITEMS) {
    servers[n] = await startTrashServer(n);
    const listing = await writeListing(servers[n].url, benchDir, n, USERS.alice);
    log(`listing of ${n}: ${listing.count} items, ${(listing.bytes / 1048576).toFixed(2)} MB (serve.py's response, saved for A and B)`);
  }
  for (let run = 0; run < RUNS; run++) {
    const order = ALL_KINDS.map((_, i) => ALL_KINDS[(i + run) % ALL_KINDS.length]).filter((k) => PAGES.includes(k));
    for (const n of ITEMS) {
      for (const kind of order.filter((k) => k !== FLOOR || n === FULL)) {
        const full = n === FULL && kind !== FLOOR;  // the floor draws no rows: no idle, scroll or heap
        const url = kind === 'page' ? servers[n].url : `${site.url}${kind}/?items=${n}`;
        const signIn = kind === 'page' ? async (context) => {
          const r = await context.request.post(servers[n].url + 'api/session', { data: USERS.alice });
          if (r.status() !== 200) throw new Error('sign-in failed: ' + (await r.text()));
        } : null;
        log(`run ${run + 1}/${RUNS}, ${n} items, ${KIND_NAMES[kind]}`);
        const keepTrace = TRACES && path.join(TRACES, `scroll-${kind}-${n}-run${run + 1}.json`);
        const keepLoadTrace = TRACES && path.join(TRACES, `load-${kind}-${n}-run${run + 1}.json`);
        const result = await measureLoad({ kind, url, full, signIn, actions: kind === 'page' && full && !args.includes('--no-actions'), log, keepTrace,
          keepLoadTrace, traceSamples: args.includes('--trace-samples') });
        result.items = n;
        result.run = run;
        results.push(result);
        urlsOf[kind] ??= result.urls;
        log(`    first rows ${result.firstRowsMs.toFixed(0)} ms, whole ${result.wholeMs?.toFixed(0)} ms` +
            (result.errors.length ? `; page errors: ${result.errors.join(' | ')}` : ''));
        if (kind === 'page' && full) {  // the actions changed the Trash: top it up again
          await servers[n].stop();
          servers[n] = await startTrashServer(n);
        }
      }
    }
  }
} finally {
  clearInterval(sampler);
  await site.stop();
  for (const s of Object.values(servers)) await s.stop();
}

const folders = { page: webDir, imgui: path.join(benchDir, 'imgui'), aggrid: path.join(benchDir, 'aggrid') };
const sizes = {};
for (const kind of KINDS) if (urlsOf[kind]) {
  sizes[kind] = firstVisitSizes(urlsOf[kind], (p) => {
    const rel = kind === 'page' ? p.replace(/^\//, '') : p.replace(/^\/[^/]+\//, '');
    return path.join(folders[kind], rel === '' ? 'index.html' : rel);
  });
}
const machine = machineInfo(loads, `Chromium ${results[0]?.browserVersion ?? '?'} (Debian, headless, SwiftShader WebGL)`);
const umd = path.join(repoRoot, 'tests', 'bench', 'node_modules', 'ag-grid-community', 'dist', 'ag-grid-community.min.js');
machine.extraSizes = [...['trash_page.wasm', 'trash_page_demo.wasm'].filter((f) => existsSync(path.join(webDir, f)))
  .map((f) => [f, path.join(webDir, f)]), ['AG Grid\'s whole UMD bundle (ag-grid-community.min.js, every community module; B ships the tree-shaken bundle instead)', umd]]
  .filter(([, file]) => existsSync(file))  // B's npm packages are only installed for a bench of B
  .map(([name, file]) => {
    const s = compressedSizes(readFileSync(file));
    return `${name}: ${(s.raw / 1024).toFixed(1)} KB raw, ${(s.gzip / 1024).toFixed(1)} KB gzip -9, ${(s.brotli / 1024).toFixed(1)} KB brotli`;
  });
const rows = figureRows(results, ITEMS, FULL);
const floor = stats(results.filter((r) => r.kind === FLOOR).map((r) => r.firstRowsMs));
const tables = renderTables({ rows, sizes, machine, runs: RUNS, items: ITEMS, floor });
const where = renderBreakdown(results, FULL);
const scrollSpent = renderScrollSpent(results, FULL);
writeFileSync(path.join(benchDir, 'results.json'), JSON.stringify({ machine, results, sizes }, null, 1));
console.log('\n' + tables + '\n\nWhere the load time went (medians, ms since navigation):\n' + where +
            '\n\nWhere the main thread\'s time went while scrolling (medians, ms):\n' + scrollSpent);
console.log(`\nbench took ${((Date.now() - started) / 60000).toFixed(1)} min; raw results in build/bench/results.json`);
if (!args.includes('--no-report')) {
  writeReport(path.join(repoRoot, 'tests', 'bench', 'REPORT.md'),
    `## Figures\n\n${tables}\n\nWhere the load time went at ${FULL.toLocaleString('en')} items (medians, ms since navigation):\n\n${where}\n\n` +
    `Where the main thread's time went while scrolling ${FULL.toLocaleString('en')} (medians, ms in the window; script by file, the wasm inside its glue's calls):\n\n${scrollSpent}\n`);
}
