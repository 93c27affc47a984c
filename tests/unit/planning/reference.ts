// Slow, obviously-correct references for the planning tests: a day-by-day working-day calendar on
// JavaScript Dates and CPM written like shared/conformance/plan.mjs. Deliberately shares no code
// with lib/planning.

export function naiveAddDays(iso: string, n: number): string {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function naiveIsWorkingDay(iso: string): boolean {
  const w = new Date(iso + "T00:00:00Z").getUTCDay();
  return w !== 0 && w !== 6;
}

/** plan.mjs's addWorkdays: step forward n working days, not counting iso itself. */
export function naiveAddWorkdays(iso: string, n: number): string {
  let d = iso;
  for (let left = n; left > 0;) {
    d = naiveAddDays(d, 1);
    if (naiveIsWorkingDay(d)) left--;
  }
  return d;
}

export function naiveNextWorkingDay(iso: string): string {
  let d = iso;
  while (!naiveIsWorkingDay(d)) d = naiveAddDays(d, 1);
  return d;
}

export function naiveWorkingDaysBetween(start: string, end: string): number {
  let count = 0;
  for (let d = start; d <= end; d = naiveAddDays(d, 1)) if (naiveIsWorkingDay(d)) count++;
  return count;
}

export interface ReferenceTask {
  id: string;
  dur: number;
  preds: { id: string; lag: number }[];
}

export interface ReferenceTimes {
  es: number;
  ef: number;
  ls: number;
  lf: number;
  slack: number;
}

export function referenceCpm(tasks: ReferenceTask[]): { r: Record<string, ReferenceTimes>; finish: number } {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const succ = new Map(tasks.map((t) => [t.id, [] as { id: string; lag: number }[]]));
  for (const t of tasks) for (const p of t.preds) succ.get(p.id)!.push({ id: t.id, lag: p.lag });
  const indeg = new Map(tasks.map((t) => [t.id, t.preds.length]));
  const order: string[] = [];
  const q = tasks.filter((t) => t.preds.length === 0).map((t) => t.id);
  while (q.length) {
    const id = q.shift()!;
    order.push(id);
    for (const s of succ.get(id)!) {
      indeg.set(s.id, indeg.get(s.id)! - 1);
      if (indeg.get(s.id) === 0) q.push(s.id);
    }
  }
  const r: Record<string, ReferenceTimes> = {};
  for (const id of order) {
    const t = byId.get(id)!;
    const es = Math.max(0, ...t.preds.map((p) => r[p.id].ef + p.lag));
    r[id] = { es, ef: es + t.dur, ls: 0, lf: 0, slack: 0 };
  }
  const finish = Math.max(0, ...Object.values(r).map((x) => x.ef));
  for (const id of [...order].reverse()) {
    const t = byId.get(id)!;
    const lf = Math.min(finish, ...succ.get(id)!.map((s) => r[s.id].ls - s.lag));
    r[id].lf = lf;
    r[id].ls = lf - t.dur;
    r[id].slack = r[id].ls - r[id].es;
  }
  return { r, finish };
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** shared/conformance/plan.mjs's randomDag: n tasks, about k links each to earlier tasks (LCG). */
export function conformanceRandomDag(n: number, k: number, seed: number): ReferenceTask[] {
  let s = seed >>> 0;
  const rnd = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const tasks: ReferenceTask[] = [];
  for (let i = 0; i < n; i++) {
    const preds: { id: string; lag: number }[] = [];
    if (i > 0) {
      const m = Math.floor(rnd() * (k + 1));
      const seen = new Set<number>();
      for (let j = 0; j < m; j++) {
        const p = Math.floor(rnd() * i);
        if (seen.has(p)) continue;
        seen.add(p);
        preds.push({ id: "t" + p, lag: rnd() < 0.2 ? 1 + Math.floor(rnd() * 3) : 0 });
      }
    }
    const milestone = rnd() < 0.15;
    tasks.push({ id: "t" + i, dur: milestone ? 0 : 1 + Math.floor(rnd() * 15), preds });
  }
  return tasks;
}
