import { describe, expect, it } from "vitest";
import {
  CycleError,
  findCycle,
  topologicalOrder,
  wouldCreateCycle,
  type DependencyEdge,
} from "@/lib/planning/graph";

const link = (fromId: string, toId: string): DependencyEdge => ({ fromId, toId });
const chainIds = (n: number, prefix = "c") => Array.from({ length: n }, (_, i) => prefix + i);
const chainEdges = (ids: string[]) => ids.slice(1).map((id, i) => link(ids[i], id));

/** Each id depends on the one before it, and the first on the last. */
function expectIsCycle(cycle: string[] | null, edges: DependencyEdge[]): void {
  expect(cycle).not.toBeNull();
  const has = new Set(edges.map((e) => `${e.fromId}->${e.toId}`));
  cycle!.forEach((id, i) =>
    expect(has.has(`${id}->${cycle![(i + 1) % cycle!.length]}`), `${id} -> next`).toBe(true),
  );
  expect(new Set(cycle).size).toBe(cycle!.length);
}

describe("topologicalOrder", () => {
  it("puts every item after its predecessors, ties in input order", () => {
    const ids = ["d", "b", "a", "c"];
    const edges = [link("a", "b"), link("a", "c"), link("b", "d"), link("c", "d")];
    const result = topologicalOrder(ids, edges);
    expect(result).toEqual({ ok: true, order: ["a", "b", "c", "d"] });
  });

  it("keeps unconnected items, in input order", () => {
    expect(topologicalOrder(["x", "y", "z"], [])).toEqual({ ok: true, order: ["x", "y", "z"] });
    expect(topologicalOrder([], [])).toEqual({ ok: true, order: [] });
  });

  it("reports a cycle instead of an order", () => {
    const ids = ["s", "a", "b", "c", "t"];
    const edges = [link("s", "a"), link("a", "b"), link("b", "c"), link("c", "a"), link("c", "t")];
    const result = topologicalOrder(ids, edges);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect([...result.cycle].sort()).toEqual(["a", "b", "c"]);
      expectIsCycle(result.cycle, edges);
    }
  });

  it("refuses links to unknown items and duplicate ids", () => {
    expect(() => topologicalOrder(["a"], [link("a", "ghost")])).toThrow(/ghost/);
    expect(() => topologicalOrder(["a", "a"], [])).toThrow(/duplicate/);
  });

  it("handles a 10,000-item chain without recursion", () => {
    const ids = chainIds(10_000).reverse();
    const result = topologicalOrder(ids, chainEdges([...ids].reverse()));
    expect(result.ok && result.order[0] === "c0" && result.order[9_999] === "c9999").toBe(true);
  });
});

describe("findCycle", () => {
  it("names all five items of a five-item cycle, in link order", () => {
    const ids = chainIds(5);
    const edges = [...chainEdges(ids), link("c4", "c0")];
    const cycle = findCycle(ids, edges);
    expect(cycle).toEqual(["c0", "c1", "c2", "c3", "c4"]);
  });

  it("names a self-link as one item", () => {
    expect(findCycle(["a", "b"], [link("a", "b"), link("b", "b")])).toEqual(["b"]);
  });

  it("finds a cycle hidden in a larger graph, and only its items", () => {
    const ids = chainIds(200, "n");
    const edges = chainEdges(ids);
    for (let i = 0; i + 7 < 200; i += 3) edges.push(link(ids[i], ids[i + 7]));
    edges.push(link("n150", "n120"));
    const cycle = findCycle(ids, edges);
    expectIsCycle(cycle, edges);
    expect(cycle!.every((id) => Number(id.slice(1)) >= 120 && Number(id.slice(1)) <= 150)).toBe(true);
    expect(cycle).toContain("n150");
    expect(cycle).toContain("n120");
  });

  it("returns null for a DAG, including a 10,000-item chain", () => {
    expect(findCycle(["a", "b", "c"], [link("a", "b"), link("a", "c"), link("b", "c")])).toBeNull();
    const ids = chainIds(10_000);
    expect(findCycle(ids, chainEdges(ids))).toBeNull();
  });

  it("finds the cycle closing a 10,000-item chain", () => {
    const ids = chainIds(10_000);
    const cycle = findCycle(ids, [...chainEdges(ids), link("c9999", "c0")]);
    expect(cycle).toHaveLength(10_000);
  });
});

describe("wouldCreateCycle", () => {
  const ids = chainIds(5);
  const edges = chainEdges(ids);

  it("returns the whole cycle that closing a chain would make, starting with the new link's source", () => {
    expect(wouldCreateCycle(edges, "c4", "c0")).toEqual(["c4", "c0", "c1", "c2", "c3"]);
    expect(wouldCreateCycle(edges, "c3", "c1")).toEqual(["c3", "c1", "c2"]);
  });

  it("treats a self-link as a cycle of one", () => {
    expect(wouldCreateCycle(edges, "c2", "c2")).toEqual(["c2"]);
    expect(wouldCreateCycle([], "x", "x")).toEqual(["x"]);
  });

  it("allows links that keep the graph acyclic", () => {
    expect(wouldCreateCycle(edges, "c0", "c4")).toBeNull();
    expect(wouldCreateCycle(edges, "c0", "c1")).toBeNull();
    expect(wouldCreateCycle(edges, "c4", "new")).toBeNull();
    expect(wouldCreateCycle([], "a", "b")).toBeNull();
  });

  it("names the shortest way back when there are several", () => {
    const diamond = [link("a", "b"), link("b", "c"), link("c", "d"), link("a", "d")];
    expect(wouldCreateCycle(diamond, "d", "a")).toEqual(["d", "a"]);
    expect(wouldCreateCycle(diamond, "d", "b")).toEqual(["d", "b", "c"]);
  });

  it("closes a cycle over a 10,000-item chain without recursion", () => {
    const long = chainIds(10_000);
    const cycle = wouldCreateCycle(chainEdges(long), "c9999", "c0");
    expect(cycle).toHaveLength(10_000);
    expect(cycle![0]).toBe("c9999");
    expect(cycle![1]).toBe("c0");
  });
});

describe("CycleError", () => {
  it("carries the cycle and says it in the message", () => {
    const error = new CycleError(["a", "b"]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("CycleError");
    expect(error.cycle).toEqual(["a", "b"]);
    expect(error.message).toContain("a -> b -> a");
  });
});
