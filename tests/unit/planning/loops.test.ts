import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findCycle } from "@/lib/planning/graph";
import { indexNetwork, type DependencyEdge } from "@/lib/planning/indexed-network";
import { loopClosingLinks, strongComponents } from "@/lib/planning/loops";

const edge = (fromId: string, toId: string): DependencyEdge => ({ fromId, toId });
const ids = (n: number) => Array.from({ length: n }, (_, i) => `n${i}`);

/** The components as sorted id lists, for comparing. */
function components(nodes: string[], edges: DependencyEdge[]): string[][] {
  const { componentOf, sizes } = strongComponents(indexNetwork(nodes, edges));
  const groups: string[][] = sizes.map(() => []);
  nodes.forEach((id, i) => groups[componentOf[i]].push(id));
  return groups.map((g) => g.sort()).sort((a, b) => a[0].localeCompare(b[0]));
}

/** Reachability by plain search, the reference the components must agree with. */
function reaches(n: number, edges: [number, number][], from: number, to: number): boolean {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length) {
    const v = queue.shift()!;
    if (v === to) return true;
    for (const [f, t] of edges)
      if (f === v && !seen.has(t)) {
        seen.add(t);
        queue.push(t);
      }
  }
  return false;
}

const graphs = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 40 }),
  }),
);

describe("strongComponents", () => {
  it("groups the nodes of each loop and leaves the others alone", () => {
    const nodes = ids(6);
    expect(
      components(nodes, [
        edge("n0", "n1"),
        edge("n1", "n2"),
        edge("n2", "n0"),
        edge("n2", "n3"),
        edge("n3", "n4"),
        edge("n4", "n3"),
      ]),
    ).toEqual([["n0", "n1", "n2"], ["n3", "n4"], ["n5"]]);
  });

  it("agrees with reachability both ways on random graphs", () => {
    fc.assert(
      fc.property(graphs, ({ n, edges }) => {
        const nodes = ids(n);
        const { componentOf } = strongComponents(
          indexNetwork(
            nodes,
            edges.map(([f, t]) => edge(nodes[f], nodes[t])),
          ),
        );
        for (let a = 0; a < n; a++)
          for (let b = 0; b < n; b++) {
            const together = reaches(n, edges, a, b) && reaches(n, edges, b, a);
            expect(componentOf[a] === componentOf[b]).toBe(together);
          }
      }),
    );
  });

  it("walks a 100,000-node chain without recursion", () => {
    const nodes = ids(100_000);
    const chain = nodes.slice(1).map((id, i) => edge(nodes[i], id));
    chain.push(edge(nodes.at(-1)!, nodes[0]));
    expect(strongComponents(indexNetwork(nodes, chain)).sizes).toEqual([100_000]);
  });
});

describe("loopClosingLinks", () => {
  it("leaves out the link that points back, and names its loop in link order", () => {
    const nodes = ids(4);
    const edges = [edge("n0", "n1"), edge("n1", "n2"), edge("n2", "n0"), edge("n2", "n3")];
    expect(loopClosingLinks(indexNetwork(nodes, edges))).toEqual([{ edge: 2, length: 3, nodes: [0, 1, 2] }]);
  });

  it("treats a self-link as a loop of one", () => {
    expect(loopClosingLinks(indexNetwork(["a"], [edge("a", "a")]))).toEqual([
      { edge: 0, length: 1, nodes: [0] },
    ]);
  });

  it("leaves a graph without loops whole, and one with loops without any, on random graphs", () => {
    fc.assert(
      fc.property(graphs, ({ n, edges }) => {
        const nodes = ids(n);
        const links = edges.map(([f, t]) => edge(nodes[f], nodes[t]));
        const dropped = loopClosingLinks(indexNetwork(nodes, links));
        const left = new Set(dropped.map((d) => d.edge));
        const kept = links.filter((_, i) => !left.has(i));
        expect(findCycle(nodes, kept)).toBeNull();
        if (findCycle(nodes, links) === null) expect(dropped).toEqual([]);
        for (const d of dropped) {
          // The loop starts at the link's target and ends at its source...
          expect(nodes[d.nodes[0]]).toBe(links[d.edge].toId);
          expect(nodes[d.nodes.at(-1)!]).toBe(links[d.edge].fromId);
          // ...and, when short enough to be named whole, runs along kept links.
          if (d.length === d.nodes.length)
            for (let k = 0; k + 1 < d.nodes.length; k++)
              expect(
                kept.some((l) => l.fromId === nodes[d.nodes[k]] && l.toId === nodes[d.nodes[k + 1]]),
              ).toBe(true);
        }
      }),
    );
  });

  it("names at most five nodes of a long loop, the first three and the last two, with its length", () => {
    const nodes = ids(10);
    const edges = nodes.slice(1).map((id, i) => edge(nodes[i], id));
    edges.push(edge("n9", "n0"));
    expect(loopClosingLinks(indexNetwork(nodes, edges))).toEqual([
      { edge: 9, length: 10, nodes: [0, 1, 2, 8, 9] },
    ]);
  });

  it("is linear on the issue's shape: a 3,000-item chain and 22,500 links closing loops through it", () => {
    const nodes = ids(3_000);
    const edges = nodes.slice(1).map((id, i) => edge(nodes[i], id));
    for (let k = 0; k < 22_500; k++) edges.push(edge(nodes[2_999 - (k % 1_500)], nodes[k % 1_499]));
    const started = performance.now();
    const dropped = loopClosingLinks(indexNetwork(nodes, edges));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(dropped).toHaveLength(22_500);
    expect(dropped.every((d) => d.edge >= 2_999 && d.nodes.length <= 5)).toBe(true);
    expect(dropped[0]).toMatchObject({ edge: 2_999, length: 3_000 });
  });
});
