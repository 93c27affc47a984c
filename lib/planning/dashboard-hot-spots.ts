// Dependency hot spots for the engineering dashboard: the items that most work waits on.
//
// For each item: its direct predecessors and successors, and `downstream`, how many distinct items
// depend on it directly or through others. Candidates are items still to finish (not done or cut)
// with at least one successor; the most downstream first, then the least slack, then by title.
// Reachability is a bitset per item filled in reverse topological order, O(V x (V + E) / 32) words;
// items on or leading into a dependency loop (which the write paths refuse, but raw data can hold)
// fall back to a breadth-first walk each, so a loop never fails the dashboard.

import { indexNetwork, kahnOrder, type DependencyEdge } from "./indexed-network";

export interface HotSpotItem {
  id: string;
  title: string;
  status: "planned" | "in_progress" | "done" | "at_risk" | "cut";
}

export interface HotSpot {
  id: string;
  title: string;
  predecessors: number;
  successors: number;
  downstream: number;
  slackDays: number;
  critical: boolean;
}

/** Slack per item from the schedule; absent (no schedule, e.g. a loop): 0 days, not critical. */
export type SlackOf = (id: string) => { slackDays: number; critical: boolean } | undefined;

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Distinct items reachable from each item along the links (itself excluded). */
export function downstreamCounts(ids: readonly string[], links: readonly DependencyEdge[]): Int32Array {
  const net = indexNetwork(ids, links);
  const n = net.size;
  const words = (n + 31) >>> 5;
  const { succStart, succTo } = net;
  // Reverse the links: Kahn's order of the reversed network places an item after all its successors.
  const reversed = indexNetwork(
    ids,
    links.map((l) => ({ fromId: l.toId, toId: l.fromId })),
  );
  const order = kahnOrder(reversed);
  const reach = new Uint32Array(n * words);
  const counts = new Int32Array(n);
  const done = new Uint8Array(n);
  for (const v of order) {
    const row = v * words;
    for (let k = succStart[v]; k < succStart[v + 1]; k++) {
      const s = succTo[k];
      reach[row + (s >>> 5)] |= 1 << (s & 31);
      const from = s * words;
      for (let w = 0; w < words; w++) reach[row + w] |= reach[from + w];
    }
    let count = 0;
    for (let w = 0; w < words; w++) count += popcount(reach[row + w]);
    counts[v] = count;
    done[v] = 1;
  }
  if (order.length < n) {
    const seen = new Int32Array(n).fill(-1);
    const queue = new Int32Array(n);
    for (let v = 0; v < n; v++) {
      if (done[v]) continue;
      let tail = 0;
      seen[v] = v;
      queue[tail++] = v;
      let count = 0;
      for (let head = 0; head < tail; head++) {
        const u = queue[head];
        for (let k = succStart[u]; k < succStart[u + 1]; k++) {
          const s = succTo[k];
          if (seen[s] === v) continue;
          seen[s] = v;
          queue[tail++] = s;
          count++;
        }
      }
      // v is marked before the walk, so a loop back to it does not count it as its own downstream.
      counts[v] = count;
    }
  }
  return counts;
}

export function dependencyHotSpots(
  items: readonly HotSpotItem[],
  links: readonly DependencyEdge[],
  slackOf: SlackOf,
  limit = 10,
): HotSpot[] {
  const ids = items.map((i) => i.id);
  const known = new Set(ids);
  const edges = links.filter((l) => known.has(l.fromId) && known.has(l.toId));
  const downstream = downstreamCounts(ids, edges);
  const predecessors = new Map<string, Set<string>>();
  const successors = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string) => {
    const set = map.get(key);
    if (set) set.add(value);
    else map.set(key, new Set([value]));
  };
  for (const { fromId, toId } of edges) {
    add(successors, fromId, toId);
    add(predecessors, toId, fromId);
  }
  const spots: HotSpot[] = [];
  items.forEach((item, i) => {
    const successorCount = successors.get(item.id)?.size ?? 0;
    if (successorCount === 0 || item.status === "done" || item.status === "cut") return;
    const slack = slackOf(item.id);
    spots.push({
      id: item.id,
      title: item.title,
      predecessors: predecessors.get(item.id)?.size ?? 0,
      successors: successorCount,
      downstream: downstream[i],
      slackDays: slack?.slackDays ?? 0,
      critical: slack?.critical ?? false,
    });
  });
  return spots
    .sort(
      (a, b) => b.downstream - a.downstream || a.slackDays - b.slackDays || a.title.localeCompare(b.title),
    )
    .slice(0, limit);
}
