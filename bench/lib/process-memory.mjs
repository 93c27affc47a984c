// Memory of a running server, read from /proc (Linux): resident set now (VmRSS) and its peak (VmHWM).
import { readdirSync, readFileSync } from "node:fs";

function status(pid) {
  try {
    return readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return "";
  }
}

const kib = (text, field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0);

/** { rss, hwm } in MiB of one process. */
export function memoryOf(pid) {
  const text = status(pid);
  return { rss: kib(text, "VmRSS") / 1024, hwm: kib(text, "VmHWM") / 1024 };
}

/**
 * The process that serves: `npx next start` runs a chain of processes (npx, next, the server); the
 * one holding the most memory among the descendants of `rootPid` is the server.
 */
export function serverPid(rootPid) {
  const parentOf = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = Number(/^PPid:\s+(\d+)/m.exec(status(entry))?.[1]);
    if (ppid) parentOf.set(Number(entry), ppid);
  }
  const isDescendant = (pid) => {
    for (let p = pid; p; p = parentOf.get(p)) if (p === rootPid) return true;
    return false;
  };
  const family = [...parentOf.keys()].filter(isDescendant);
  return family.reduce((best, pid) => (memoryOf(pid).rss > memoryOf(best).rss ? pid : best), rootPid);
}

/** Samples a process's RSS every `everyMs` while `work` runs; resolves to its result and the peak. */
export async function withPeakRss(pid, work, everyMs = 25) {
  let peak = memoryOf(pid).rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, memoryOf(pid).rss);
  }, everyMs);
  try {
    const result = await work();
    return { result, peak: Math.max(peak, memoryOf(pid).rss) };
  } finally {
    clearInterval(timer);
  }
}
