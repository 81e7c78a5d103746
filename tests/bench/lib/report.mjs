// The bench's figures: medians with min–max over the runs, ratios of this page to each baseline,
// each target of issue 10 with where it stands, printed as a table and written into REPORT.md
// between its bench markers (the hand-written analysis around them is kept).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const KINDS = ['page', 'imgui', 'aggrid'];
// The floor (F): a page that only creates a WebGL2 context and clears it, measured in the same runs
// at the largest listing (it loads none); not a baseline of any ratio, what any WebGL page pays here.
export const FLOOR = 'webgl';
export const KIND_NAMES = { page: 'this page (C)', imgui: 'bare ImGui (A)', aggrid: 'AG Grid (B)', webgl: 'empty WebGL2 page (F)' };

export function stats(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return { median: v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2, min: v[0], max: v.at(-1), n: v.length };
}

const fmt = (x, digits) => (x >= 100 || digits === 0 ? x.toFixed(0) : x.toFixed(digits ?? (x >= 10 ? 1 : 2)));
export const cell = (s, unit = '', digits) => (s ? `${fmt(s.median, digits)}${unit} (${fmt(s.min, digits)}–${fmt(s.max, digits)})` : '–');
const ratio = (c, x) => (c && x && x.median > 0 ? (c.median / x.median).toFixed(2) + '×' : '–');

// The figures as rows: [label, {page, imgui, aggrid} stats, unit].
export function figureRows(results, items, full) {
  const of = (kind, n, pick) => stats(results.filter((r) => r.kind === kind && r.items === n).map(pick));
  const rows = [];
  const add = (label, unit, n, pick, digits) => rows.push({ label, unit, digits,
    by: Object.fromEntries(KINDS.map((k) => [k, of(k, n, pick)])) });
  for (const n of items) add(`navigation → first rows drawn, ${n.toLocaleString('en')} items`, ' ms', n, (r) => r.firstRowsMs, 0);
  add(`navigation → whole listing loaded, ${full.toLocaleString('en')}`, ' ms', full, (r) => r.wholeMs, 0);
  add('idle 10 s: frames', '', full, (r) => r.idle?.frames, 0);
  add('idle 10 s: frames the page drew with nothing new to show (not a label\'s tick)', '', full, (r) => r.idle?.framesWithNothingNew, 0);
  add('idle 10 s: CPU-s, all browser processes', ' s', full, (r) => r.idle?.cpuSeconds, 2);
  add('idle 10 s: renderer main thread busy', ' s', full, (r) => r.idle?.mainThreadSeconds, 3);
  add(`scroll ${full.toLocaleString('en')}: main thread busy per frame, median`, ' ms', full, (r) => r.scroll?.frameBusyMedianMs, 1);
  add(`scroll ${full.toLocaleString('en')}: main thread busy per frame, p99`, ' ms', full, (r) => r.scroll?.frameBusyP99Ms, 1);
  add(`scroll ${full.toLocaleString('en')}: main thread on a core per frame (thread time of the same tasks), median`, ' ms', full, (r) => r.scroll?.frameCpuMedianMs, 1);
  add(`scroll ${full.toLocaleString('en')}: main thread on a core per frame, p99`, ' ms', full, (r) => r.scroll?.frameCpuP99Ms, 1);
  add('scroll: longest task', ' ms', full, (r) => r.scroll?.longestTaskMs, 1);
  add('scroll: frames in the window', '', full, (r) => r.scroll?.frames, 0);
  add('scroll: last wheel event handled', ' ms', full, (r) => r.scroll?.handledMs, 0);
  add('scroll: window (to the last frame drawn + 100 ms)', ' ms', full, (r) => r.scroll?.windowMs, 0);
  add('scroll: GPU process busy in the window', ' ms', full, (r) => r.scroll?.gpuBusyMs, 0);
  add('scroll: CPU-s in the window, all browser processes', ' s', full, (r) => r.scroll?.cpu?.seconds, 2);
  add('scroll: CPU-s in the window, GPU process (SwiftShader draws there)', ' s', full, (r) => r.scroll?.cpu?.gpu, 2);
  add('scroll: CPU-s in the window, renderer', ' s', full, (r) => r.scroll?.cpu?.renderer, 2);
  add(`wasm heap at ${full.toLocaleString('en')}`, ' MB', full, (r) => (r.wasmHeapBytes ?? NaN) / 1048576, 1);
  add(`JS heap used at ${full.toLocaleString('en')}`, ' MB', full, (r) => (r.jsHeapBytes ?? NaN) / 1048576, 1);
  for (const [key, name] of [['restoreOne', 'restore one row'], ['restoreMany', 'restore 1,000 selected rows'], ['deleteOne', 'delete one row permanently']]) {
    add(`${name}: click → confirmation drawn`, ' ms', full, (r) => r.actions?.[key]?.confirmedMs, 0);
    add(`${name}: click → last request done`, ' ms', full, (r) => r.actions?.[key]?.settledMs, 0);
    add(`${name}: whole listings downloaded after it`, '', full, (r) => r.actions?.[key]?.fullRelists, 0);
    add(`${name}: session re-reads after it`, '', full, (r) => r.actions?.[key]?.sessionReads, 0);
  }
  return rows.filter((row) => KINDS.some((k) => row.by[k]));
}

function targets(rows, sizes, floor) {
  const find = (prefix) => rows.find((r) => r.label.startsWith(prefix))?.by ?? {};
  const m = (s) => s?.median;
  const first1k = find('navigation → first rows drawn, 1,000'), first100k = find('navigation → first rows drawn, 100,000');
  const idleFrames = find('idle 10 s: frames the page drew with nothing new'), idleCpu = find('idle 10 s: CPU-s');
  const med = find('scroll 100,000: main thread busy per frame, median'), p99 = find('scroll 100,000: main thread busy per frame, p99');
  const longest = find('scroll: longest task'), heap = find('wasm heap');
  const one = find('restore one row: click → confirmation'), oneRelist = find('restore one row: whole listings');
  const many = find('restore 1,000 selected rows: click → confirmation');
  const gz = sizes.page?.total.gzip;
  const verdict = (ok) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**missed**');
  const le = (v, bar) => (Number.isFinite(v) ? v <= bar : undefined);
  const x = (a, b) => (m(a) && m(b) ? m(a) / m(b) : NaN);
  const times = (v, who) => (Number.isFinite(v) ? `${v.toFixed(2)}× ${who}` : '–');
  return [
    ['first visit, gzip, fonts included', '≤ 200 KB', gz ? `${(gz / 1024).toFixed(1)} KB` : '–', gz ? verdict(le(gz, 200 * 1024)) : verdict()],
    ['first rows, 1k items', '≤ 1.0× A', times(x(first1k.page, first1k.imgui), 'A'), verdict(le(x(first1k.page, first1k.imgui), 1.0))],
    ['first rows, 100k items', '≤ 0.5× B', times(x(first100k.page, first100k.aggrid), 'B') +
      (floor && m(first100k.aggrid) ? ` (floor F: ${times(floor.median / m(first100k.aggrid), 'B')})` : ''),
      verdict(le(x(first100k.page, first100k.aggrid), 0.5))],
    ['idle', '0 frames between countdown ticks; ≤ 0.2 CPU-s in 10 s',
      `${m(idleFrames.page) ?? '–'} frames with nothing new to show, ${m(idleCpu.page)?.toFixed(2) ?? '–'} CPU-s (all browser processes)`,
      verdict(Number.isFinite(m(idleCpu.page)) ? m(idleFrames.page) === 0 && m(idleCpu.page) <= 0.2 : undefined)],
    ['scrolling 100k: median', '≤ 0.5× B', times(x(med.page, med.aggrid), 'B'), verdict(le(x(med.page, med.aggrid), 0.5))],
    ['scrolling 100k: p99', '≤ 16 ms', `${m(p99.page)?.toFixed(1) ?? '–'} ms`, verdict(le(m(p99.page), 16))],
    ['scrolling 100k: longest task', 'none over 50 ms', `${longest.page?.max?.toFixed(1) ?? '–'} ms (worst run)`, verdict(le(longest.page?.max, 50))],
    ['restoring one row at 100k', '≤ 100 ms, no full re-list', `${m(one.page)?.toFixed(0) ?? '–'} ms, ${m(oneRelist.page) ?? '–'} full re-list(s)`,
      verdict(Number.isFinite(m(one.page)) ? m(one.page) <= 100 && m(oneRelist.page) === 0 : undefined)],
    ['restoring 1,000 rows at 100k', '≤ 1 s', `${m(many.page)?.toFixed(0) ?? '–'} ms`, verdict(le(m(many.page), 1000))],
    ['wasm heap at 100k', '≤ 64 MB', `${m(heap.page)?.toFixed(1) ?? '–'} MB`, verdict(le(m(heap.page), 64))],
  ];
}

export function renderTables({ rows, sizes, machine, runs, items, floor = null }) {
  const out = [];
  out.push(`Machine: ${machine.nproc} cores, ${machine.cpu}; 1-minute load during the run ${machine.load}; ` +
           `${machine.browser}; ${runs} runs per figure (each load in a fresh browser, pages in rotated order); ` +
           `listings of ${items.map((n) => n.toLocaleString('en')).join(', ')} items; ${machine.when}.`);
  out.push('');
  out.push('| figure | this page (C) | bare ImGui (A) | AG Grid (B) | C/A | C/B |');
  out.push('|---|---|---|---|---|---|');
  const sz = (k, key) => (sizes[k] ? (sizes[k].total[key] / 1024).toFixed(1) + ' KB' : '–');
  const sr = (key) => (sizes.page && sizes.imgui && sizes.aggrid
    ? [(sizes.page.total[key] / sizes.imgui.total[key]).toFixed(2) + '×', (sizes.page.total[key] / sizes.aggrid.total[key]).toFixed(2) + '×'] : ['–', '–']);
  for (const [key, name] of [['raw', 'raw'], ['gzip', 'gzip -9'], ['brotli', 'brotli 11']])
    out.push(`| first visit download, ${name} | ${sz('page', key)} | ${sz('imgui', key)} | ${sz('aggrid', key)} | ${sr(key).join(' | ')} |`);
  for (const row of rows) {
    const c = (k) => cell(row.by[k], row.unit, row.digits);
    out.push(`| ${row.label} | ${c('page')} | ${c('imgui')} | ${c('aggrid')} | ${ratio(row.by.page, row.by.imgui)} | ${ratio(row.by.page, row.by.aggrid)} |`);
  }
  out.push('');
  out.push('First-visit files (raw / gzip -9 / brotli 11; the page\'s served precompressed copies in brackets):');
  out.push('');
  for (const k of KINDS) if (sizes[k]) {
    out.push(`- ${KIND_NAMES[k]}: ` + sizes[k].files.map((f) => `${f.name} ${(f.raw / 1024).toFixed(1)} / ${(f.gzip / 1024).toFixed(1)} / ${(f.brotli / 1024).toFixed(1)}` +
      (k === 'page' ? ` [${(f.servedGzip / 1024).toFixed(1)} zopfli, ${(f.servedBrotli / 1024).toFixed(1)} br]` : '')).join('; '));
  }
  if (machine.extraSizes?.length) { out.push(''); for (const line of machine.extraSizes) out.push(`- ${line}`); }
  out.push('');
  if (floor) {
    const b = rows.find((r) => r.label.startsWith(`navigation → first rows drawn, ${items.at(-1).toLocaleString('en')}`))?.by.aggrid;
    out.push(`The floor (F, \`tests/bench/baseline_webgl\`): navigation → the first frame of a page that only creates a WebGL2 ` +
             `context (from an inline script, before anything else loads) and clears it: ${cell(floor, ' ms', 0)}` +
             (b ? `, ${ratio(floor, b)} B's first rows at ${items.at(-1).toLocaleString('en')} items.` : '.'));
    out.push('');
  }
  out.push('| target (issue 10) | bar | where it stands (medians) | |');
  out.push('|---|---|---|---|');
  for (const t of targets(rows, sizes, floor)) out.push(`| ${t.join(' | ')} |`);
  return out.join('\n');
}

// Where the time of a load went (medians, ms since navigation), per page.
export function renderBreakdown(results, full) {
  const out = [];
  for (const kind of KINDS) {
    const loads = results.filter((r) => r.kind === kind && r.items === full && r.breakdown);
    if (!loads.length) continue;
    const keys = Object.keys(loads[0].breakdown);
    out.push(`- ${KIND_NAMES[kind]} at ${full.toLocaleString('en')}: ` + keys.map((key) => {
      const s = stats(loads.map((r) => r.breakdown[key]));
      return `${key} ${s ? s.median.toFixed(0) : '–'}`;
    }).join(', ') + `, first rows ${stats(loads.map((r) => r.firstRowsMs))?.median.toFixed(0)}, whole ${stats(loads.map((r) => r.wholeMs))?.median.toFixed(0)}`);
  }
  return out.join('\n');
}

// Where the main thread's time went while scrolling (medians over the runs, ms in the window).
export function renderScrollSpent(results, full) {
  const out = [];
  for (const kind of KINDS) {
    const loads = results.filter((r) => r.kind === kind && r.items === full && r.scroll?.spent);
    if (!loads.length) continue;
    const keys = [...new Set(loads.flatMap((r) => Object.keys(r.scroll.spent)))];
    const parts = keys.map((key) => [key, stats(loads.map((r) => r.scroll.spent[key] ?? 0)).median])
      .filter(([, ms]) => ms >= 1).sort((a, b) => b[1] - a[1]);
    const busy = stats(loads.map((r) => r.scroll.mainBusyMs)).median;
    out.push(`- ${KIND_NAMES[kind]}: main thread busy ${busy.toFixed(0)} ms in the window; ` +
      parts.map(([key, ms]) => `${key} ${ms.toFixed(0)}`).join(', '));
  }
  return out.join('\n');
}

export function writeReport(file, body) {
  const begin = '<!-- bench:begin (written by tests/bench/bench.mjs; edit outside the markers) -->';
  const end = '<!-- bench:end -->';
  let text = existsSync(file) ? readFileSync(file, 'utf8') : `# Bench report (issue 10)\n\n${begin}\n${end}\n`;
  const a = text.indexOf(begin), b = text.indexOf(end);
  text = a >= 0 && b > a ? text.slice(0, a + begin.length) + '\n' + body + '\n' + text.slice(b) : text + `\n${begin}\n${body}\n${end}\n`;
  writeFileSync(file, text);
}
