// CPU time of every process of the browser the bench launched (the Chromium processes below this
// Node process: browser, GPU, renderers, utilities), read from /proc, in seconds, in all and by kind.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const TICKS = 100;  // USER_HZ on Linux

function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / TICKS };
  } catch { return null; }
}

// Which of the browser's processes pid is, from its command line's --type (none: the browser).
function processKind(pid) {
  try {
    const type = /--type=([a-z-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '))?.[1];
    return type === 'gpu-process' ? 'gpu' : type === 'renderer' ? 'renderer' : type ? 'other' : 'browser';
  } catch { return 'other'; }
}

// seconds: all the browser's processes; byKind: the same split into browser, gpu, renderer, other.
export function browserCpuSeconds() {
  const procs = new Map();
  for (const name of readdirSync('/proc')) if (/^\d+$/.test(name)) {
    const s = stat(name);
    if (s) procs.set(Number(name), s);
  }
  const below = (pid) => { for (let p = procs.get(pid)?.ppid; p; p = procs.get(p)?.ppid) if (p === process.pid) return true; return false; };
  let total = 0, count = 0;
  const byKind = { browser: 0, gpu: 0, renderer: 0, other: 0 };
  for (const [pid, s] of procs) {
    let exe = '';
    try { exe = readlinkSync(`/proc/${pid}/exe`); } catch { continue; }
    if (!exe.includes('chromium') || !below(pid)) continue;
    total += s.cpu;
    count += 1;
    byKind[processKind(pid)] += s.cpu;
  }
  return { seconds: total, processes: count, byKind };
}

// What the browser's processes spent between two readings, in seconds, by kind and in all.
export function cpuSpent(before, after) {
  return { seconds: after.seconds - before.seconds,
    ...Object.fromEntries(Object.keys(after.byKind).map((k) => [k, after.byKind[k] - (before.byKind[k] ?? 0)])) };
}
