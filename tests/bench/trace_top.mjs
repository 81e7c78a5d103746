// Reads one scroll trace kept by `bench.mjs --keep-traces DIR` and lists what the worst frames and
// the longest tasks of its window were (wall time, and thread time: what of it ran on a core): each
// task's timers, idle callbacks, frames, script (file and function), style, layout (objects), paint
// and GC, and with `--trace-samples` the functions V8's sampler saw most in it (self time), and over
// the window. Usage: node tests/bench/trace_top.mjs FILE [--top N] [--at MS,MS]
// [--symbols build/wasm/trash_page.symbols (names the wasm functions)]
import { readFileSync } from 'node:fs';
import { threadTimeIn } from './lib/trace.mjs';


const [file, ...rest] = process.argv.slice(2);
const TOP = Number(rest[rest.indexOf('--top') + 1]) || 6;
const SYMBOLS = rest.includes('--symbols') ? new Map(readFileSync(rest[rest.indexOf('--symbols') + 1], 'utf8').split('\n')
  .map((line) => [line.slice(0, line.indexOf(':')), decodeURIComponent(line.slice(line.indexOf(':') + 1).replace(/\\([0-9a-f]{2})/g, '%$1'))])) : null;
const AT = rest.includes('--at') ? rest[rest.indexOf('--at') + 1].split(',').map(Number) : [];  // tasks to describe (ms in the window)
const trace = JSON.parse(readFileSync(file, 'utf8'));
const events = trace.traceEvents || trace;
const names = new Map();
for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}/${e.tid}`, e.args.name);
const stamp = (message) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === message)?.ts;
const start = stamp('bench-scroll-start'), end = stamp('bench-scroll-end');
const key = (e) => `${e.pid}/${e.tid}`;
const busy = new Map();
for (const e of events) {
  if (e.name === 'RunTask' && e.ph === 'X' && names.get(key(e)) === 'CrRendererMain' && e.ts >= start && e.ts <= end)
    busy.set(key(e), (busy.get(key(e)) || 0) + e.dur);
}
const main = [...busy.entries()].sort((a, b) => b[1] - a[1])[0][0];
const onMain = events.filter((e) => key(e) === main && e.ph === 'X' && e.ts + (e.dur || 0) >= start && e.ts <= end)
  .sort((a, b) => a.ts - b.ts);
const tasks = onMain.filter((e) => e.name === 'RunTask');
const ms = (us) => (us / 1000).toFixed(1);
const at = (ts) => ms(ts - start);

// The samples of V8's profiler on the main thread, as [time, stack (leaf first)].
function samples() {
  const profiles = new Map();
  for (const e of events) {
    if (e.name === 'Profile' && key(e) === main) profiles.set(`${e.pid}/${e.id}`, { t: e.args.data.startTime, nodes: new Map(), out: [] });
  }
  for (const e of events) {
    const p = e.name === 'ProfileChunk' && profiles.get(`${e.pid}/${e.id}`);
    if (!p) continue;
    const cpu = e.args.data.cpuProfile || {};
    for (const n of cpu.nodes || []) p.nodes.set(n.id, n);
    (cpu.samples || []).forEach((id, i) => { p.t += e.args.data.timeDeltas[i]; p.out.push([p.t, id]); });
  }
  const all = [];
  for (const p of profiles.values()) {
    for (const [t, id] of p.out) {
      const stack = [];
      for (let n = p.nodes.get(id); n; n = p.nodes.get(n.parent)) {
        const f = n.callFrame;
        const wasm = SYMBOLS && /^wasm-function\[(\d+)\]/.exec(f.functionName || '');
        stack.push(wasm ? `${SYMBOLS.get(wasm[1]) || f.functionName} (wasm)` : `${f.functionName || '(anon)'} ${String(f.url || '').split('/').pop()}`.trim());
      }
      all.push([t, stack]);
    }
  }
  return all;
}
const sampled = samples();

function describe(task) {
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur || 0) <= task.ts + task.dur + 1);
  const parts = {};
  const add = (label, dur) => { parts[label] = (parts[label] || 0) + dur; };
  for (const e of inside) {
    const d = e.args?.data || {};
    if (e.name === 'FunctionCall') add(`call ${String(d.url || '').split('/').pop()}:${d.functionName || '?'}`, e.dur);
    else if (e.name === 'TimerFire' || e.name === 'FireIdleCallback' || e.name === 'FireAnimationFrame') add(e.name, e.dur || 0);
    else if (e.name === 'EventDispatch') add(`event ${d.type}`, e.dur);
    else if (e.name === 'Layout') add(`Layout (${e.args?.beginData?.dirtyObjects}/${e.args?.beginData?.totalObjects} objects)`, e.dur);
    else if (e.name === 'UpdateLayoutTree') add(`UpdateLayoutTree (${e.args?.elementCount ?? '?'} elements)`, e.dur);
    else if (['Paint', 'PrePaint', 'Layerize', 'Commit', 'MinorGC', 'MajorGC', 'BeginMainThreadFrame', 'ParseHTML',
      'HitTest', 'ScrollLayer', 'UpdateLayer'].includes(e.name)) add(e.name, e.dur || 0);
  }
  const lines = Object.entries(parts).sort((a, b) => b[1] - a[1]).map(([l, d]) => `      ${ms(d).padStart(6)} ms  ${l}`);
  const self = {};
  let count = 0;
  for (const [t, stack] of sampled) {
    if (t < task.ts || t > task.ts + task.dur) continue;
    count++;
    self[stack[0]] = (self[stack[0]] || 0) + 1;
  }
  if (count) {
    lines.push(`      samples: ${count}; most seen (self):`);
    for (const [f, n] of Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 8)) lines.push(`        ${n}× ${f}`);
  }
  return lines.join('\n');
}

const frames = events.filter((e) => e.name === 'BeginMainThreadFrame' && key(e) === main && e.ts >= start && e.ts <= end)
  .map((e) => e.ts).sort((a, b) => a - b);
const perFrame = frames.map((a, i) => {
  const b = i + 1 < frames.length ? frames[i + 1] : end;
  const overlap = (t) => Math.max(0, Math.min(t.ts + t.dur, b) - Math.max(t.ts, a));
  return { a, b, busy: tasks.reduce((s, t) => s + overlap(t), 0), cpu: tasks.reduce((s, t) => s + threadTimeIn(t, a, b), 0),
    tasks: tasks.filter((t) => overlap(t) > 0) };
});
console.log(`${file}\nwindow ${ms(end - start)} ms, ${frames.length} frames, ${tasks.length} tasks, main busy ` +
  `${ms(tasks.reduce((s, t) => s + t.dur, 0))} ms${sampled.length ? `, ${sampled.length} samples` : ''}`);
console.log(`\nframe busy (ms, in window order): ${perFrame.map((f) => ms(f.busy)).join(' ')}`);
console.log(`\nframe on a core (thread time, ms): ${perFrame.map((f) => ms(f.cpu)).join(' ')}`);
console.log(`\nworst ${TOP} frames:`);
for (const f of [...perFrame].sort((x, y) => y.busy - x.busy).slice(0, TOP)) {
  console.log(`  frame at ${at(f.a)} ms, ${ms(f.b - f.a)} ms long, busy ${ms(f.busy)} ms (${ms(f.cpu)} on a core); its tasks: ` +
    f.tasks.map((t) => `${ms(t.dur)}@${at(t.ts)}`).join(', '));
}
// The tasks that ran each script file's code (timers, idle callbacks, frames), in order.
const scripts = new Map();
for (const t of tasks) {
  const calls = onMain.filter((e) => e.name === 'FunctionCall' && e.ts >= t.ts && e.ts <= t.ts + t.dur);
  for (const file of new Set(calls.map((c) => String(c.args?.data?.url || '').split('/').pop()))) {
    const layout = onMain.filter((e) => e.name === 'Layout' && e.ts >= t.ts && e.ts <= t.ts + t.dur).reduce((s, e) => s + e.dur, 0);
    if (!scripts.has(file)) scripts.set(file, []);
    scripts.get(file).push(`${at(t.ts)}:${ms(t.dur)}${layout ? `(L${ms(layout)})` : ''}`);
  }
}
for (const [file, list] of scripts) if (file !== 'trash_page.js') console.log(`\ntasks calling ${file || '?'} (at:ms, L = layout in it): ${list.join(' ')}`);
console.log(`\nlongest ${TOP} tasks:`);
for (const t of [...tasks].sort((x, y) => y.dur - x.dur).slice(0, TOP)) {
  console.log(`  task at ${at(t.ts)} ms: ${ms(t.dur)} ms (${ms(t.tdur ?? t.dur)} on a core)\n${describe(t)}`);
}
for (const when of AT) {
  const t = tasks.find((x) => Math.abs((x.ts - start) / 1000 - when) < 0.1);
  if (t) console.log(`  task at ${at(t.ts)} ms: ${ms(t.dur)} ms\n${describe(t)}`);
}
if (sampled.length) {  // the window's functions by self and by total (inclusive) samples
  const self = {}, total = {};
  for (const [t, stack] of sampled) {
    if (t < start || t > end || stack[0] === '(idle)') continue;
    self[stack[0]] = (self[stack[0]] || 0) + 1;
    for (const f of new Set(stack)) total[f] = (total[f] || 0) + 1;
  }
  const list = (o) => Object.entries(o).sort((a, b) => b[1] - a[1]).slice(0, 2 * TOP + 10).map(([f, n]) => `    ${String(n).padStart(5)}  ${f}`).join('\n');
  console.log(`\nbusy samples in the window by function, self:\n${list(self)}\ntotal:\n${list(total)}`);
}
