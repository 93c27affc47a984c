// Dependency-graph checks used when links are added (refuse a cycle, name it) and before CPM.
// All walks are iterative, so 10,000-node chains cannot overflow the call stack.

import { findCycleIndexes, indexNetwork, kahnOrder, type DependencyEdge } from "./indexed-network";

export type { DependencyEdge } from "./indexed-network";

/** The items of a dependency cycle, in link order: each depends on the one before, the first on the last. */
export class CycleError extends Error {
  readonly cycle: string[];

  constructor(cycle: string[]) {
    super(`the dependencies form a cycle: ${cycle.join(" -> ")} -> ${cycle[0]}`);
    this.name = "CycleError";
    this.cycle = cycle;
  }
}

export type TopologicalOrderResult = { ok: true; order: string[] } | { ok: false; cycle: string[] };

/** Kahn's algorithm, O(V + E); ties keep the order of `ids`. Throws RangeError on unknown ids. */
export function topologicalOrder(
  ids: readonly string[],
  edges: readonly DependencyEdge[],
): TopologicalOrderResult {
  const net = indexNetwork(ids, edges);
  const order = kahnOrder(net);
  if (order.length === net.size) return { ok: true, order: Array.from(order, (i) => ids[i]) };
  const cycle = findCycleIndexes(net);
  if (!cycle) throw new Error("unreachable: Kahn's order is incomplete but no cycle was found");
  return { ok: false, cycle: cycle.map((i) => ids[i]) };
}

/** One cycle as item ids in link order (a self-link gives [id]), or null. */
export function findCycle(ids: readonly string[], edges: readonly DependencyEdge[]): string[] | null {
  const cycle = findCycleIndexes(indexNetwork(ids, edges));
  return cycle ? cycle.map((i) => ids[i]) : null;
}

/**
 * The cycle that adding fromId -> toId to `edges` would close, or null: the new link followed by
 * the shortest existing path from toId back to fromId, starting with fromId. A self-link gives [fromId].
 */
export function wouldCreateCycle(
  edges: readonly DependencyEdge[],
  fromId: string,
  toId: string,
): string[] | null {
  if (fromId === toId) return [fromId];
  const successors = new Map<string, string[]>();
  for (const { fromId: f, toId: t } of edges) {
    const list = successors.get(f);
    if (list) list.push(t);
    else successors.set(f, [t]);
  }
  // Breadth-first from toId, remembering how each id was reached.
  const reachedFrom = new Map<string, string | null>([[toId, null]]);
  const queue = [toId];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const w of successors.get(v) ?? []) {
      if (reachedFrom.has(w)) continue;
      reachedFrom.set(w, v);
      if (w === fromId) return pathBack(reachedFrom, v, fromId);
      queue.push(w);
    }
  }
  return null;
}

function pathBack(reachedFrom: Map<string, string | null>, last: string, fromId: string): string[] {
  const path: string[] = [];
  for (let v: string | null = last; v !== null; v = reachedFrom.get(v) ?? null) path.push(v);
  path.push(fromId);
  return path.reverse();
}
