// Reads one load's trace kept by `bench.mjs --keep-traces DIR` (load-KIND-N-runR.json: navigation to
// first rows) and prints the critical path of a WebGL page's start: what the GPU process's main
// thread did (the compositor's swaps, command buffers created, the pages' GL work), which of the
// page's threads waited on it and in which call (context creation, synchronous GL queries), and the
// page's main-thread tasks. Times in ms since navigation start. Usage: node tests/bench/load_top.mjs
// FILE [--min MS (shortest task listed, default 2)] [--until MS (end of the listing)]
import { readFileSync } from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
const option = (name, fallback) => (rest.includes(name) ? Number(rest[rest.indexOf(name) + 1]) : fallback);
const MIN = option('--min', 2) * 1000;
const events = (({ traceEvents }) => traceEvents)(JSON.parse(readFileSync(file, 'utf8')));
const threadNames = new Map(), processNames = new Map();
for (const e of events) {
  if (e.ph !== 'M') continue;
  if (e.name === 'thread_name') threadNames.set(`${e.pid}/${e.tid}`, e.args.name);
  if (e.name === 'process_name') processNames.set(e.pid, e.args.name);
}
const key = (e) => `${e.pid}/${e.tid}`;
const nav = events.filter((e) => e.name === 'navigationStart' && /^http/.test(e.args?.data?.documentLoaderURL ?? '') &&
  e.args.data.isOutermostMainFrame).sort((a, b) => b.ts - a.ts)[0];
if (!nav) throw new Error('no navigationStart in the trace (was blink.user_timing traced?)');
const t0 = nav.ts, until = t0 + option('--until', 1e9) * 1000;
const ms = (us) => (us / 1000).toFixed(1).padStart(7);
const slices = events.filter((e) => e.ph === 'X' && e.ts >= t0 - 100000 && e.ts <= until);
const gpuMain = [...threadNames].find(([k, n]) => n === 'CrGpuMain')?.[0];
const pageThreads = new Set([...threadNames].filter(([k, n]) => Number(k.split('/')[0]) === nav.pid &&
  (n === 'CrRendererMain' || /Worker/i.test(n))).map(([k]) => k));

// What a GPU-process task was, from the slices inside it.
function gpuWhat(task) {
  const inside = slices.filter((e) => key(e) === key(task) && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
  const named = (re) => inside.some((e) => re.test(e.name));
  if (named(/SwapBuffers/)) return 'swap (the compositor\'s frame' + (named(/readPixels/) ? ', read back' : '') + ')';
  if (named(/CreateCommandBuffer/)) return 'command buffer created (a WebGL context)';
  if (named(/GLES2DecoderPassthroughImpl|DecoderContext|GLES2CommandBufferStub/)) return 'a context\'s GL commands';
  return inside.filter((e) => e !== task && !/RunTask|Scheduler/.test(e.name)).map((e) => e.name).slice(0, 2).join(' > ') || task.name;
}

const gpuTasks = slices.filter((e) => key(e) === gpuMain && e.name === 'RunTask' && e.dur >= MIN).sort((a, b) => a.ts - b.ts);
console.log(`GPU process main thread: tasks of ${MIN / 1000} ms or more (at, duration, what)`);
const totals = new Map();
for (const t of gpuTasks) {
  const what = gpuWhat(t);
  totals.set(what, (totals.get(what) || 0) + t.dur);
  if (t.ts + t.dur >= t0) console.log(`${ms(t.ts - t0)} ${ms(t.dur)}  ${what}`);
}
console.log('  totals: ' + [...totals].map(([w, d]) => `${w} ${(d / 1000).toFixed(0)} ms`).join('; '));

// The page's waits on the GPU process: creating a command buffer, or a synchronous call waiting
// for the GPU process to catch up; named by the GL call around it.
const WAITS = /^(GpuChannelHost::CreateViewCommandBuffer|CommandBufferProxyImpl::WaitForGetOffset|CommandBufferProxyImpl::WaitForToken|Gpu::EstablishGpuChannelSync)$/;
const PLUMBING = /^(RunTask|ThreadControllerImpl::RunTask|ImplementationBase::|CommandBufferHelper::|CommandBufferProxyImpl::|GpuChannel::|AsyncTask|v8\.|ThreadPool_RunTask|Receive mojo|RenderThreadImpl::|Gpu::)/;
console.log('\nThe page\'s threads waiting on the GPU process (at, duration, thread, call)');
for (const w of slices.filter((e) => pageThreads.has(key(e)) && WAITS.test(e.name) && e.dur >= MIN).sort((a, b) => a.ts - b.ts)) {
  const around = slices.filter((e) => key(e) === key(w) && e.ts <= w.ts && e.ts + e.dur >= w.ts + w.dur && !PLUMBING.test(e.name))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const script = around.find((e) => /FunctionCall|EvaluateScript/.test(e.name));
  const where = script ? String(script.args?.data?.url ?? '').split('/').pop() + (script.args?.data?.functionName ? ':' + script.args.data.functionName : '') : '';
  const call = around.filter((e) => !/FunctionCall|EvaluateScript|ParseHTML|HTMLDocumentParser|HTMLParserScriptRunner|PendingScript|FireAnimationFrame|FrameRequestCallbackCollection|PageAnimator|Blink\.|WebFrameWidgetImpl/.test(e.name)).map((e) => e.name);
  console.log(`${ms(w.ts - t0)} ${ms(w.dur)}  ${(threadNames.get(key(w)) || '').padEnd(16)} ${[where, ...call.slice(-2)].filter(Boolean).join(' > ') || w.name}`);
}

// The page's main thread: its longest tasks, and what ran in them (scripts by file, wasm compile).
const mainKey = [...pageThreads].find((k) => threadNames.get(k) === 'CrRendererMain');
console.log(`\nThe page's main thread: tasks of ${Math.max(MIN, 5000) / 1000} ms or more (at, duration, what)`);
for (const t of slices.filter((e) => key(e) === mainKey && e.name === 'RunTask' && e.dur >= Math.max(MIN, 5000) && e.ts >= t0).sort((a, b) => a.ts - b.ts)) {
  const inside = slices.filter((e) => key(e) === mainKey && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur >= 1000 &&
    /FunctionCall|EvaluateScript|ParseHTML|v8\.wasm|Layout|UpdateLayoutTree|Paint|GC|FireAnimationFrame|TimerFire|XHRReadyStateChange|ResourceFinish/.test(e.name));
  const top = inside.filter((e) => !inside.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && o.dur > e.dur)).slice(0, 4)
    .map((e) => `${e.name}${e.args?.data?.url ? ' ' + String(e.args.data.url).split('/').pop() : ''} ${(e.dur / 1000).toFixed(0)}`);
  console.log(`${ms(t.ts - t0)} ${ms(t.dur)}  ${top.join('; ')}`);
}
