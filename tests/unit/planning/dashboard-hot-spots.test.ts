import { describe, expect, it } from "vitest";
import { dependencyHotSpots, downstreamCounts, type HotSpotItem } from "@/lib/planning/dashboard-hot-spots";

const link = (fromId: string, toId: string) => ({ fromId, toId });
const items = (...ids: string[]): HotSpotItem[] =>
  ids.map((id) => ({ id, title: id.toUpperCase(), status: "planned" }));

/** Reference: a plain breadth-first walk from every item. */
function bruteForce(ids: string[], links: { fromId: string; toId: string }[]): number[] {
  return ids.map((start) => {
    const seen = new Set<string>([start]);
    const queue = [start];
    while (queue.length) {
      const v = queue.shift()!;
      for (const l of links) {
        if (l.fromId !== v || seen.has(l.toId)) continue;
        seen.add(l.toId);
        queue.push(l.toId);
      }
    }
    return seen.size - 1;
  });
}

describe("downstreamCounts", () => {
  it("counts distinct items reachable, a diamond's shared successor once", () => {
    // a -> b -> d, a -> c -> d, d -> e
    const ids = ["a", "b", "c", "d", "e", "lonely"];
    const links = [link("a", "b"), link("a", "c"), link("b", "d"), link("c", "d"), link("d", "e")];
    expect(Array.from(downstreamCounts(ids, links))).toEqual([4, 2, 2, 1, 0, 0]);
  });

  it("matches a brute-force walk on random networks past 32 and 64 items (bitset word edges)", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const n of [31, 33, 65, 130]) {
      const ids = Array.from({ length: n }, (_, i) => `n${i}`);
      const links = [];
      for (let k = 0; k < n * 1.5; k++) {
        const a = Math.floor(rnd() * n);
        const b = Math.floor(rnd() * n);
        if (a < b) links.push(link(ids[a], ids[b]));
      }
      expect(Array.from(downstreamCounts(ids, links))).toEqual(bruteForce(ids, links));
    }
  });

  it("a loop never fails: items on or before it are walked, none counts itself", () => {
    // s -> a -> b -> a (a loop), b -> t
    const ids = ["s", "a", "b", "t"];
    const links = [link("s", "a"), link("a", "b"), link("b", "a"), link("b", "t")];
    expect(Array.from(downstreamCounts(ids, links))).toEqual([3, 2, 2, 0]);
    expect(Array.from(downstreamCounts(["x"], [link("x", "x")]))).toEqual([0]);
  });
});

describe("dependencyHotSpots", () => {
  it("most downstream first, then least slack; done/cut and sink items left out; direct counts distinct", () => {
    const list = items("a", "b", "c", "d", "e", "f");
    list[5].status = "done";
    const links = [
      link("a", "c"),
      link("b", "c"),
      link("c", "d"),
      link("c", "e"),
      link("b", "d"),
      link("f", "a"),
    ];
    const slack: Record<string, { slackDays: number; critical: boolean }> = {
      a: { slackDays: 0, critical: true },
      b: { slackDays: 3, critical: false },
      c: { slackDays: 0, critical: true },
    };
    expect(dependencyHotSpots(list, links, (id) => slack[id])).toEqual([
      { id: "a", title: "A", predecessors: 1, successors: 1, downstream: 3, slackDays: 0, critical: true },
      { id: "b", title: "B", predecessors: 0, successors: 2, downstream: 3, slackDays: 3, critical: false },
      { id: "c", title: "C", predecessors: 2, successors: 2, downstream: 2, slackDays: 0, critical: true },
    ]);
  });

  it("without a schedule, slack is 0 and nothing is critical; at most `limit`; links to unknown items ignored", () => {
    const list = items("a", "b", "c");
    const spots = dependencyHotSpots(
      list,
      [link("a", "b"), link("b", "c"), link("c", "zz")],
      () => undefined,
      1,
    );
    expect(spots).toEqual([
      { id: "a", title: "A", predecessors: 0, successors: 1, downstream: 2, slackDays: 0, critical: false },
    ]);
  });
});
