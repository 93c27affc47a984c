// Loops in a dependency network, found in linear time: Tarjan's strongly connected components, and
// the links to leave out so that none remain. Both walks are iterative (no recursion), on the
// integer network of indexed-network.ts, O(V + E) whatever the shape of the graph. Pure.

import type { IndexedNetwork } from "./indexed-network";

export interface StrongComponents {
  /** The component of each node. */
  componentOf: Int32Array;
  /** The number of nodes in each component; a node on no loop is a component of one. */
  sizes: number[];
}

/** Tarjan's algorithm with an explicit call stack. */
export function strongComponents(net: IndexedNetwork): StrongComponents {
  const { size, succStart, succTo } = net;
  const order = new Int32Array(size).fill(-1); // discovery order, -1 = not yet seen
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const stack = new Int32Array(size);
  const callNode = new Int32Array(size);
  const callCursor = new Int32Array(size);
  const componentOf = new Int32Array(size);
  const sizes: number[] = [];
  let seen = 0;
  let sp = 0;
  const discover = (v: number, depth: number) => {
    order[v] = low[v] = seen++;
    stack[sp++] = v;
    onStack[v] = 1;
    callNode[depth] = v;
    callCursor[depth] = succStart[v];
  };
  for (let root = 0; root < size; root++) {
    if (order[root] !== -1) continue;
    let depth = 0;
    discover(root, 0);
    while (depth >= 0) {
      const v = callNode[depth];
      if (callCursor[depth] < succStart[v + 1]) {
        const w = succTo[callCursor[depth]++];
        if (order[w] === -1) discover(w, ++depth);
        else if (onStack[w] && order[w] < low[v]) low[v] = order[w];
        continue;
      }
      if (low[v] === order[v]) {
        const component = sizes.length;
        let members = 0;
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          componentOf[w] = component;
          members++;
        } while (w !== v);
        sizes.push(members);
      }
      depth--;
      if (depth >= 0 && low[v] < low[callNode[depth]]) low[callNode[depth]] = low[v];
    }
  }
  return { componentOf, sizes };
}

/** A link left out because it closes a loop, and the loop it closes. */
export interface LoopClosingLink {
  /** The link's position in the edge list the network was built from. */
  edge: number;
  /** How many nodes the loop has: the link's target, the kept links' path to its source, the source. */
  length: number;
  /**
   * The loop's nodes in link order, starting with the link's target: all of them when there are at
   * most `named`; otherwise the first `named - 2` and the last 2 (the source last), the rest left out.
   */
  nodes: number[];
}

const UNSEEN = 0;
const ON_PATH = 1;
const DONE = 2;

/**
 * The links to leave out so that the network has no loop, each with the loop it would close.
 *
 * Links between different strong components never close a loop, so only links inside one are
 * walked: a depth-first walk per component, from nodes in their order and along each node's links
 * in their order, leaves out every link that goes back to a node on the walk's current path (a
 * back edge; removing all of them leaves a network without loops). A plan written in time order
 * keeps its forward links and loses the ones that point back. Linear in nodes plus links, and a
 * loop is described by its length and at most `named` nodes, so a long loop closed by many links
 * costs no more than a short one.
 */
export function loopClosingLinks(net: IndexedNetwork, named = 5): LoopClosingLink[] {
  const { size, succStart, succTo, succEdge } = net;
  const { componentOf } = strongComponents(net);
  const state = new Uint8Array(size);
  const pathNode = new Int32Array(size);
  const pathCursor = new Int32Array(size);
  const pathPosition = new Int32Array(size);
  const dropped: LoopClosingLink[] = [];
  const keepFirst = Math.max(1, named - 2);
  for (let root = 0; root < size; root++) {
    if (state[root] !== UNSEEN) continue;
    let top = 0;
    pathNode[0] = root;
    pathCursor[0] = succStart[root];
    pathPosition[root] = 0;
    state[root] = ON_PATH;
    while (top >= 0) {
      const v = pathNode[top];
      if (pathCursor[top] === succStart[v + 1]) {
        state[v] = DONE;
        top--;
        continue;
      }
      const slot = pathCursor[top]++;
      const w = succTo[slot];
      if (componentOf[w] !== componentOf[v]) continue;
      if (state[w] === ON_PATH) {
        const from = pathPosition[w];
        const length = top - from + 1;
        const nodes =
          length <= named
            ? Array.from(pathNode.subarray(from, top + 1))
            : [
                ...pathNode.subarray(from, from + keepFirst),
                ...pathNode.subarray(top - (named - keepFirst) + 1, top + 1),
              ];
        dropped.push({ edge: succEdge[slot], length, nodes });
      } else if (state[w] === UNSEEN) {
        top++;
        pathNode[top] = w;
        pathCursor[top] = succStart[w];
        pathPosition[w] = top;
        state[w] = ON_PATH;
      }
    }
  }
  return dropped.sort((a, b) => a.edge - b.edge);
}
