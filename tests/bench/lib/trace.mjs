// Reading a Chromium trace (Playwright's browser.startTracing): the renderer's main thread, its
// frames (BeginMainThreadFrame) and its top-level tasks (RunTask), cut to a window between two
// console.timeStamp markers; and the GPU process's busy time in the same window.
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame'];
export const SAMPLING_CATEGORY = 'disabled-by-default-v8.cpu_profiler';
// A load's trace: the page's timeline, navigation marks, and the GPU process's work (its
// compositor's swaps, the command buffers' creation and the waits of synchronous GL calls).
export const LOAD_TRACE_CATEGORIES = [...TRACE_CATEGORIES, 'blink.user_timing', 'loading', 'toplevel', 'gpu', 'viz', 'v8.wasm'];

function threads(events) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}/${e.tid}`, e.args.name);
  return names;
}

// The [start, end] (µs) between the markers named `from` and `to` (console.timeStamp messages).
function markerWindow(events, from, to) {
  const stamp = (message) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === message)?.ts;
  return [stamp(from), stamp(to)];
}

// A task's thread time (tdur, µs: on a core, not waiting for one or blocked) in [a, b]: shared out
// over the frames the task overlaps in proportion to its wall time in each.
export function threadTimeIn(task, a, b) {
  const wall = Math.max(0, Math.min(task.ts + task.dur, b) - Math.max(task.ts, a));
  return task.dur > 0 ? (wall / task.dur) * (task.tdur ?? task.dur) : 0;
}

export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

// Where the main thread's time went (ms): script by the file its top-level function call belongs
// to (the wasm runs inside its JS glue's calls), and the browser's own style, layout, paint and
// garbage collection (these can also run inside a script call, so the groups may overlap).
const BROWSER_WORK = { UpdateLayoutTree: 'style', Layout: 'layout', PrePaint: 'paint+commit', Paint: 'paint+commit',
  Layerize: 'paint+commit', Commit: 'paint+commit', MinorGC: 'gc', MajorGC: 'gc', ParseHTML: 'parse', EvaluateScript: 'compile/evaluate',
  'v8.compile': 'compile/evaluate', 'v8.wasm.compiledModule': 'compile/evaluate' };

function whereTimeWent(mainEvents) {
  const spent = {};
  let callEnds = -1;
  for (const e of [...mainEvents].sort((a, b) => a.ts - b.ts)) {
    if (e.name === 'FunctionCall' && e.ts >= callEnds) {
      const file = String(e.args?.data?.url ?? '').split('/').pop() || 'other';
      spent[`script ${file}`] = (spent[`script ${file}`] || 0) + e.dur / 1000;
      callEnds = e.ts + e.dur;
    } else if (BROWSER_WORK[e.name]) {
      spent[BROWSER_WORK[e.name]] = (spent[BROWSER_WORK[e.name]] || 0) + e.dur / 1000;
    }
  }
  return spent;
}

// Per frame of the renderer main thread in the window: the main thread's busy time from one
// BeginMainThreadFrame to the next (input handling, script, rAF, style, layout, paint: every task
// that ran on it; wall time), the same tasks' thread time (what of it ran on a core), the longest
// task, and the GPU process's busy time over the whole window.
export function analyseWindow(trace, from, to) {
  const events = trace.traceEvents || trace;
  const names = threads(events);
  const [start, end] = markerWindow(events, from, to);
  if (start === undefined || end === undefined) throw new Error(`trace has no ${from}/${to} markers`);
  const busyOn = new Map();
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || e.ts + e.dur < start || e.ts > end) continue;
    const key = `${e.pid}/${e.tid}`;
    if (names.get(key) === 'CrRendererMain') busyOn.set(key, (busyOn.get(key) || 0) + e.dur);
  }
  const main = [...busyOn.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) throw new Error('no renderer main thread in the trace window');
  const onMain = (e) => `${e.pid}/${e.tid}` === main;
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && onMain(e) &&
                                     e.ts + e.dur >= start && e.ts <= end);
  const frameStarts = events.filter((e) => e.name === 'BeginMainThreadFrame' && onMain(e) && e.ts >= start && e.ts <= end)
    .map((e) => e.ts).sort((a, b) => a - b);
  const overlap = (task, a, b) => Math.max(0, Math.min(task.ts + task.dur, b) - Math.max(task.ts, a));
  const perFrame = [], perFrameCpu = [];
  for (let i = 0; i < frameStarts.length; i++) {
    const a = frameStarts[i], b = i + 1 < frameStarts.length ? frameStarts[i + 1] : end;
    perFrame.push(tasks.reduce((sum, t) => sum + overlap(t, a, b), 0) / 1000);
    perFrameCpu.push(tasks.reduce((sum, t) => sum + threadTimeIn(t, a, b), 0) / 1000);
  }
  const gpuMain = [...names.entries()].find(([, n]) => n === 'CrGpuMain')?.[0];
  const gpuBusy = events.filter((e) => e.name === 'GPUTask' && e.ph === 'X' && `${e.pid}/${e.tid}` === gpuMain)
    .reduce((sum, e) => sum + overlap(e, start, end), 0) / 1000;
  const mainBusy = tasks.reduce((sum, t) => sum + overlap(t, start, end), 0) / 1000;
  const spent = whereTimeWent(events.filter((e) => onMain(e) && e.ph === 'X' && e.ts >= start && e.ts <= end));
  return {
    windowMs: (end - start) / 1000,
    frames: frameStarts.length,
    frameBusyMedianMs: percentile(perFrame, 50),
    frameBusyP99Ms: percentile(perFrame, 99),
    frameCpuMedianMs: percentile(perFrameCpu, 50),
    frameCpuP99Ms: percentile(perFrameCpu, 99),
    longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.dur), 0) / 1000,
    tasksOver50: tasks.filter((t) => t.dur > 50000).length,
    mainBusyMs: mainBusy,
    gpuBusyMs: gpuBusy,
    spent,
  };
}
