// The critical path method on integer working-day offsets. The network is built once and can be
// run many times with different durations (the Monte-Carlo forecast does exactly that).

import { CycleError } from "./graph";
import { findCycleIndexes, indexNetwork, kahnOrder, type IndexedNetwork } from "./indexed-network";

export interface CpmLink {
  fromId: string;
  toId: string;
  /** Finish-to-start lag in working days; negative is a lead (an overlap). */
  lagDays: number;
}

/** An indexed network (indexed-network.ts) in topological order, with each successor slot's lag. */
export interface CpmNetwork extends Omit<IndexedNetwork, "succEdge"> {
  /** Node indexes, every node after all of its predecessors. */
  readonly order: Int32Array;
  /** The lag of each successor slot, aligned with succTo. */
  readonly succLag: Int32Array;
}

/** Offsets in working days from the project's first working day; finishes are exclusive. */
export interface CpmResult {
  readonly es: Int32Array;
  readonly ef: Int32Array;
  readonly ls: Int32Array;
  readonly lf: Int32Array;
  /** The project finish F: the largest early finish, 0 for an empty network. */
  readonly finish: number;
}

/** Throws CycleError when the links form a cycle, RangeError on unknown ids or a fractional lag. */
export function buildCpmNetwork(ids: readonly string[], links: readonly CpmLink[]): CpmNetwork {
  const net = indexNetwork(ids, links);
  const order = kahnOrder(net);
  if (order.length < net.size) {
    const cycle = findCycleIndexes(net) ?? [];
    throw new CycleError(cycle.map((i) => ids[i]));
  }
  // Read the lags in input order (sequential memory), then lay them out in successor order.
  const lagOfLink = new Int32Array(links.length);
  for (let e = 0; e < links.length; e++) {
    const lag = links[e].lagDays;
    if (!Number.isInteger(lag)) throw new RangeError(`lagDays must be an integer, got ${lag}`);
    lagOfLink[e] = lag;
  }
  const succLag = new Int32Array(net.succEdge.length);
  for (let k = 0; k < succLag.length; k++) succLag[k] = lagOfLink[net.succEdge[k]];
  return {
    size: net.size,
    ids,
    indexOf: net.indexOf,
    order,
    succStart: net.succStart,
    succTo: net.succTo,
    succLag,
  };
}

/** Forward and backward pass; durations[i] is node i's duration in working days (0 for a milestone). */
export function runCpm(network: CpmNetwork, durations: ArrayLike<number>): CpmResult {
  const { size, order, succStart, succTo, succLag } = network;
  const es = new Int32Array(size); // zero-filled: nothing starts before the project start
  const ef = new Int32Array(size);
  let finish = 0;
  for (let k = 0; k < size; k++) {
    const v = order[k];
    const f = es[v] + durations[v];
    ef[v] = f;
    if (f > finish) finish = f;
    for (let s = succStart[v]; s < succStart[v + 1]; s++) {
      const start = f + succLag[s];
      if (start > es[succTo[s]]) es[succTo[s]] = start;
    }
  }
  const ls = new Int32Array(size);
  const lf = new Int32Array(size);
  for (let k = size - 1; k >= 0; k--) {
    const v = order[k];
    let late = finish;
    for (let s = succStart[v]; s < succStart[v + 1]; s++) {
      const bound = ls[succTo[s]] - succLag[s];
      if (bound < late) late = bound;
    }
    lf[v] = late;
    ls[v] = late - durations[v];
  }
  return { es, ef, ls, lf, finish };
}

/**
 * The plan as drawn, pushed by its dependencies: each item starts at the later of its own planned
 * start (floor[i], an offset; 0 for milestones) and its predecessors' projected finish plus lag.
 * Unlike the CPM forward pass, moving a feature later moves everything that waits on it.
 */
export function runProjection(network: CpmNetwork, durations: ArrayLike<number>, floor: ArrayLike<number>) {
  const { size, order, succStart, succTo, succLag } = network;
  const start = new Int32Array(size);
  const end = new Int32Array(size);
  for (let k = 0; k < size; k++) {
    const v = order[k];
    if (floor[v] > start[v]) start[v] = floor[v];
    end[v] = start[v] + durations[v];
    for (let s = succStart[v]; s < succStart[v + 1]; s++) {
      const next = end[v] + succLag[s];
      if (next > start[succTo[s]]) start[succTo[s]] = next;
    }
  }
  return { start, end };
}
