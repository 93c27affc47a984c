// A dependency network turned into integers: node indexes and successor lists in compressed
// sparse rows (CSR), so that graph walks and CPM passes touch typed arrays only, O(V + E).

export interface DependencyEdge {
  fromId: string;
  toId: string;
}

export interface IndexedNetwork {
  readonly size: number;
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** The successors of node v are succTo[succStart[v]] .. succTo[succStart[v + 1] - 1]. */
  readonly succStart: Int32Array;
  readonly succTo: Int32Array;
  /** For each CSR slot, the position of its edge in the input list (to look up a lag, say). */
  readonly succEdge: Int32Array;
}

/** Throws RangeError on a duplicate id or an edge naming an id that is not in `ids`. */
export function indexNetwork(ids: readonly string[], edges: readonly DependencyEdge[]): IndexedNetwork {
  const size = ids.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < size; i++) {
    indexOf.set(ids[i], i);
    if (indexOf.size !== i + 1) throw new RangeError(`duplicate item id ${JSON.stringify(ids[i])}`);
  }
  const m = edges.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const succStart = new Int32Array(size + 1);
  for (let e = 0; e < m; e++) {
    const edge = edges[e];
    const f = indexOf.get(edge.fromId);
    const t = indexOf.get(edge.toId);
    if (f === undefined || t === undefined) {
      const missing = f === undefined ? edge.fromId : edge.toId;
      throw new RangeError(`dependency names an unknown item ${JSON.stringify(missing)}`);
    }
    from[e] = f;
    to[e] = t;
    succStart[f + 1]++;
  }
  for (let v = 0; v < size; v++) succStart[v + 1] += succStart[v];
  const cursor = succStart.slice(0, size);
  const succTo = new Int32Array(m);
  const succEdge = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const slot = cursor[from[e]]++;
    succTo[slot] = to[e];
    succEdge[slot] = e;
  }
  return { size, ids, indexOf, succStart, succTo, succEdge };
}

/**
 * Kahn's algorithm. Returns the node indexes in a topological order; the result is shorter than
 * the network when it has a cycle (the nodes on or behind a cycle are left out).
 */
export function kahnOrder(net: IndexedNetwork): Int32Array {
  const { size, succStart, succTo } = net;
  const indegree = new Int32Array(size);
  for (let k = 0; k < succTo.length; k++) indegree[succTo[k]]++;
  const order = new Int32Array(size);
  let tail = 0;
  for (let v = 0; v < size; v++) if (indegree[v] === 0) order[tail++] = v;
  // `order` doubles as the FIFO queue: nodes before `head` are placed, the rest wait.
  for (let head = 0; head < tail; head++) {
    const v = order[head];
    for (let k = succStart[v]; k < succStart[v + 1]; k++) {
      if (--indegree[succTo[k]] === 0) order[tail++] = succTo[k];
    }
  }
  return tail === size ? order : order.subarray(0, tail);
}

const UNSEEN = 0;
const ON_PATH = 1;
const DONE = 2;

/** One cycle as node indexes in edge order (a self-link gives one node), or null. Iterative DFS. */
export function findCycleIndexes(net: IndexedNetwork): number[] | null {
  const { size, succStart, succTo } = net;
  const state = new Uint8Array(size);
  const pathNode = new Int32Array(size);
  const pathCursor = new Int32Array(size);
  const depthOf = new Int32Array(size);
  for (let root = 0; root < size; root++) {
    if (state[root] !== UNSEEN) continue;
    let top = 0;
    pathNode[0] = root;
    pathCursor[0] = succStart[root];
    depthOf[root] = 0;
    state[root] = ON_PATH;
    while (top >= 0) {
      const v = pathNode[top];
      if (pathCursor[top] === succStart[v + 1]) {
        state[v] = DONE;
        top--;
        continue;
      }
      const w = succTo[pathCursor[top]++];
      if (state[w] === ON_PATH) return Array.from(pathNode.subarray(depthOf[w], top + 1));
      if (state[w] === UNSEEN) {
        top++;
        pathNode[top] = w;
        pathCursor[top] = succStart[w];
        depthOf[w] = top;
        state[w] = ON_PATH;
      }
    }
  }
  return null;
}
