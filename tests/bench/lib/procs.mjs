// CPU time of every process of the browser the bench launched (the Chromium processes below this
// Node process: browser, GPU, renderers, utilities), read from /proc, in seconds.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const TICKS = 100;  // USER_HZ on Linux

function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / TICKS };
  } catch { return null; }
}

export function browserCpuSeconds() {
  const procs = new Map();
  for (const name of readdirSync('/proc')) if (/^\d+$/.test(name)) {
    const s = stat(name);
    if (s) procs.set(Number(name), s);
  }
  const below = (pid) => { for (let p = procs.get(pid)?.ppid; p; p = procs.get(p)?.ppid) if (p === process.pid) return true; return false; };
  let total = 0, count = 0;
  for (const [pid, s] of procs) {
    let exe = '';
    try { exe = readlinkSync(`/proc/${pid}/exe`); } catch { continue; }
    if (exe.includes('chromium') && below(pid)) { total += s.cpu; count += 1; }
  }
  return { seconds: total, processes: count };
}
