// The forecast's input read once into typed arrays (see forecast.ts for the model): the network in
// topological order, each item's floor and planned duration, the PERT-beta constants of each drawn
// estimate and the risks as lists of item indexes. Everything a run reads is here; O(items + links).

import { toDayNumber, toWorkIndex, workIndexOnOrAfter } from "./calendar";
import { buildCpmNetwork } from "./cpm";
import { gammaConstants } from "./random";
import { plannedDurationDays } from "./schedule";

/** What a forecast runs on: the roadmap's items, links and risks (ids as stored), runs and seed. */
export interface ForecastInput {
  /** YYYY-MM-DD, the roadmap's start: offsets count working days from its first working day. */
  projectStart: string;
  items: {
    id: string;
    kind: "feature" | "milestone";
    title: string;
    isKey: boolean;
    startDate: string;
    endDate: string;
    status: "planned" | "in_progress" | "done" | "at_risk" | "cut";
    estimate: { optimisticHours: number; likelyHours: number; pessimisticHours: number } | null;
  }[];
  dependencies: { fromId: string; toId: string; lagDays: number }[];
  risks: {
    id: string;
    likelihood: number;
    status: "open" | "mitigating" | "closed";
    delayDays: number | null;
    itemIds: string[];
  }[];
  runs: number;
  seed: number;
}

type ForecastItem = ForecastInput["items"][number];

export interface PreparedForecastNetwork {
  readonly size: number;
  /** The items left after cuts; index i is network node i. */
  readonly items: readonly ForecastItem[];
  /** Working-day index of offset 0, the roadmap's first working day. */
  readonly origin: number;
  readonly order: Int32Array;
  readonly succStart: Int32Array;
  readonly succTo: Int32Array;
  readonly succLag: Int32Array;
  /**
   * The earliest start of each node as an offset: a feature's planned start (not before 0), a
   * milestone's own date when nothing precedes it, else -Infinity; for a done item, its fixed start.
   */
  readonly floor: Float64Array;
  /** 1 for done items: their dates are fixed. */
  readonly fixed: Uint8Array;
  /** Working days; 0 for milestones. */
  readonly plannedDuration: Float64Array;
  /** Items whose duration is drawn: hours = low + range x Beta(alpha, beta), days = hours x daysPerHour. */
  readonly estimates: {
    readonly item: Int32Array;
    readonly low: Float64Array;
    readonly range: Float64Array;
    readonly daysPerHour: Float64Array;
    readonly alphaD: Float64Array;
    readonly alphaC: Float64Array;
    readonly betaD: Float64Array;
    readonly betaC: Float64Array;
  };
  /** Risks that can happen: risk r delays items item[itemStart[r]] .. item[itemStart[r + 1] - 1]. */
  readonly risks: {
    readonly probability: Float64Array;
    readonly delay: Float64Array;
    readonly itemStart: Int32Array;
    readonly item: Int32Array;
  };
  /** The milestones in input order, each with its own date as an exclusive whole-day offset. */
  readonly milestones: readonly { index: number; target: number }[];
}

export function prepareForecastNetwork(
  input: ForecastInput,
  riskProbability: Readonly<Record<1 | 2 | 3 | 4 | 5, number>>,
  mitigatingFactor: number,
): PreparedForecastNetwork {
  const items = input.items.filter((item) => item.status !== "cut");
  const cutIds = new Set(input.items.filter((item) => item.status === "cut").map((item) => item.id));
  const links = input.dependencies.filter((d) => !cutIds.has(d.fromId) && !cutIds.has(d.toId));
  const network = buildCpmNetwork(
    items.map((item) => item.id),
    links,
  );
  const { size, succTo } = network;
  const origin = toWorkIndex(input.projectStart);
  const hasPredecessor = new Uint8Array(size);
  for (let k = 0; k < succTo.length; k++) hasPredecessor[succTo[k]] = 1;

  const floor = new Float64Array(size);
  const fixed = new Uint8Array(size);
  const plannedDuration = new Float64Array(size);
  const milestones: { index: number; target: number }[] = [];
  const drawn: { index: number; low: number; likely: number; high: number }[] = [];
  for (let i = 0; i < size; i++) {
    const item = items[i];
    const isDone = item.status === "done";
    fixed[i] = isDone ? 1 : 0;
    if (item.kind === "milestone") {
      // Its date as the exclusive offset of the day after: a finish at that offset lands on it.
      const target = workIndexOnOrAfter(toDayNumber(item.startDate) + 1) - origin;
      milestones.push({ index: i, target });
      floor[i] = isDone || hasPredecessor[i] === 0 ? target : -Infinity;
      continue;
    }
    const plannedStart = workIndexOnOrAfter(toDayNumber(item.startDate)) - origin;
    floor[i] = isDone ? plannedStart : Math.max(0, plannedStart);
    plannedDuration[i] = plannedDurationDays(item);
    if (item.estimate && !isDone) {
      const [low, likely, high] = orderedHours(item);
      if (likely > 0 && high > low) drawn.push({ index: i, low, likely, high });
    }
  }

  return {
    size,
    items,
    origin,
    order: network.order,
    succStart: network.succStart,
    succTo,
    succLag: network.succLag,
    floor,
    fixed,
    plannedDuration,
    estimates: pertConstants(drawn, plannedDuration),
    risks: activeRisks(input.risks, network.indexOf, fixed, riskProbability, mitigatingFactor),
    milestones,
  };
}

/** o <= m <= p; the API guarantees it, imported data might not, so a swapped pair is put right. */
function orderedHours(item: ForecastItem): [number, number, number] {
  const { optimisticHours, likelyHours, pessimisticHours } = item.estimate!;
  const hours = [optimisticHours, likelyHours, pessimisticHours];
  for (const h of hours) {
    if (!Number.isFinite(h) || h < 0) {
      throw new RangeError(`item ${item.id} has an invalid estimate: ${JSON.stringify(item.estimate)}`);
    }
  }
  return hours.sort((a, b) => a - b) as [number, number, number];
}

function pertConstants(
  drawn: { index: number; low: number; likely: number; high: number }[],
  plannedDuration: Float64Array,
): PreparedForecastNetwork["estimates"] {
  const n = drawn.length;
  const out = {
    item: new Int32Array(n),
    low: new Float64Array(n),
    range: new Float64Array(n),
    daysPerHour: new Float64Array(n),
    alphaD: new Float64Array(n),
    alphaC: new Float64Array(n),
    betaD: new Float64Array(n),
    betaC: new Float64Array(n),
  };
  drawn.forEach(({ index, low, likely, high }, e) => {
    const range = high - low;
    const alpha = gammaConstants(1 + (4 * (likely - low)) / range);
    const beta = gammaConstants(1 + (4 * (high - likely)) / range);
    out.item[e] = index;
    out.low[e] = low;
    out.range[e] = range;
    out.daysPerHour[e] = plannedDuration[index] / likely;
    out.alphaD[e] = alpha.d;
    out.alphaC[e] = alpha.c;
    out.betaD[e] = beta.d;
    out.betaC[e] = beta.c;
  });
  return out;
}

function activeRisks(
  risks: ForecastInput["risks"],
  indexOf: ReadonlyMap<string, number>,
  fixed: Uint8Array,
  riskProbability: Readonly<Record<1 | 2 | 3 | 4 | 5, number>>,
  mitigatingFactor: number,
): PreparedForecastNetwork["risks"] {
  const probability: number[] = [];
  const delay: number[] = [];
  const itemStart = [0];
  const linked: number[] = [];
  for (const risk of risks) {
    const { likelihood, delayDays } = risk;
    if (likelihood !== 1 && likelihood !== 2 && likelihood !== 3 && likelihood !== 4 && likelihood !== 5) {
      throw new RangeError(`risk ${risk.id} has likelihood ${likelihood}; it must be a whole number 1-5`);
    }
    if (delayDays !== null && !(Number.isFinite(delayDays) && delayDays >= 0)) {
      throw new RangeError(`risk ${risk.id} has delayDays ${delayDays}; it must be 0 or more`);
    }
    if (risk.status === "closed" || !delayDays) continue;
    // Unknown ids (an item deleted since) and cut items are ignored; done items cannot slip.
    const targets = new Set<number>();
    for (const id of risk.itemIds) {
      const i = indexOf.get(id);
      if (i !== undefined && fixed[i] === 0) targets.add(i);
    }
    if (targets.size === 0) continue;
    // Only risks that can matter draw a number, so adding a closed risk leaves every run unchanged.
    probability.push(riskProbability[likelihood] * (risk.status === "mitigating" ? mitigatingFactor : 1));
    delay.push(delayDays);
    linked.push(...targets);
    itemStart.push(linked.length);
  }
  return {
    probability: Float64Array.from(probability),
    delay: Float64Array.from(delay),
    itemStart: Int32Array.from(itemStart),
    item: Int32Array.from(linked),
  };
}
