// The forecast benches' roadmap: 1,000 items (some done, some cut, 10% milestones, 80% estimated)
// and 3,000 dependencies in a hidden topological order, and a risk register.

import { addDays } from "../../lib/planning/calendar";
import type { ForecastInput } from "../../lib/planning/forecast-network";
import { mulberry32 } from "./random";

export const ITEMS = 1_000;
export const DEPENDENCIES = 3_000;
export const RISKS = 60;
export const PROJECT_START = "2027-01-04";

type Item = ForecastInput["items"][number];

/** A seeded random roadmap of ITEMS items, DEPENDENCIES links and RISKS risks, for `runs` runs (seed 42). */
export function randomRoadmap(seed: number, runs: number): ForecastInput {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)];
  // A hidden topological order (links go from lower to higher rank), shuffled afterwards.
  const items: Item[] = [];
  for (let rank = 0; rank < ITEMS; rank++) {
    const id = `item-${rank.toString(36)}-${int(0, 1e9).toString(36)}`;
    const status = rnd() < 0.05 ? "cut" : rank < ITEMS * 0.1 && rnd() < 0.5 ? "done" : pick(ACTIVE);
    const base = { id, title: `Item ${rank}`, isKey: rnd() < 0.2, status } as const;
    if (rnd() < 0.1) {
      const date = addDays(PROJECT_START, Math.floor((rank / ITEMS) * 500) + int(0, 60));
      items.push({ ...base, kind: "milestone", startDate: date, endDate: date, estimate: null });
    } else {
      const startDate = addDays(PROJECT_START, Math.floor((rank / ITEMS) * 400) + int(0, 30));
      const days = int(1, 30);
      const likelyHours = days * 8 * (0.5 + rnd());
      const estimate =
        rnd() < 0.8
          ? {
              optimisticHours: likelyHours * (0.5 + 0.4 * rnd()),
              likelyHours,
              pessimisticHours: likelyHours * (1.2 + 1.8 * rnd()),
            }
          : null;
      items.push({ ...base, kind: "feature", startDate, endDate: addDays(startDate, days), estimate });
    }
  }
  const seen = new Set<number>();
  const dependencies: ForecastInput["dependencies"] = [];
  while (dependencies.length < DEPENDENCIES) {
    const a = int(0, ITEMS - 1);
    // mostly local links, so the network is deep as well as wide
    const b = rnd() < 0.7 ? Math.min(ITEMS - 1, a + int(1, 50)) : int(0, ITEMS - 1);
    if (a === b) continue;
    const [from, to] = a < b ? [a, b] : [b, a];
    if (seen.has(from * ITEMS + to)) continue;
    seen.add(from * ITEMS + to);
    const lagDays = rnd() < 0.8 ? 0 : int(-3, 5);
    dependencies.push({ fromId: items[from].id, toId: items[to].id, lagDays });
  }
  const risks: ForecastInput["risks"] = Array.from({ length: RISKS }, (_, r) => ({
    id: `risk-${r}`,
    likelihood: int(1, 5),
    status: pick(RISK_STATUSES),
    delayDays: rnd() < 0.1 ? null : int(1, 20),
    itemIds: Array.from({ length: int(1, 6) }, () => items[int(0, ITEMS - 1)].id),
  }));
  for (let k = items.length - 1; k > 0; k--) {
    const j = int(0, k);
    [items[k], items[j]] = [items[j], items[k]];
  }
  return { projectStart: PROJECT_START, items, dependencies, risks, runs, seed: 42 };
}

const ACTIVE = ["planned", "in_progress", "at_risk"] as const;
const RISK_STATUSES = ["open", "open", "mitigating", "closed"] as const;
