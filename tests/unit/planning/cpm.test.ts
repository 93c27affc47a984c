import { describe, expect, it } from "vitest";
import { buildCpmNetwork, runCpm } from "@/lib/planning/cpm";
import { CycleError } from "@/lib/planning/graph";

describe("runCpm", () => {
  // a -> b -> d, a -> c -> d, c with a one-day lag
  const network = buildCpmNetwork(
    ["d", "c", "b", "a"],
    [
      { fromId: "a", toId: "b", lagDays: 0 },
      { fromId: "a", toId: "c", lagDays: 1 },
      { fromId: "b", toId: "d", lagDays: 0 },
      { fromId: "c", toId: "d", lagDays: 0 },
    ],
  );
  const at = (id: string) => network.indexOf.get(id)!;

  it("runs both passes in integer offsets with exclusive finishes", () => {
    const result = runCpm(network, [2, 1, 3, 2]); // d, c, b, a
    expect(result.finish).toBe(7);
    expect([result.es[at("b")], result.ef[at("b")], result.ls[at("b")], result.lf[at("b")]]).toEqual([
      2, 5, 2, 5,
    ]);
    expect([result.es[at("c")], result.ef[at("c")], result.ls[at("c")], result.lf[at("c")]]).toEqual([
      3, 4, 4, 5,
    ]);
    expect([result.es[at("d")], result.lf[at("d")]]).toEqual([5, 7]);
  });

  it("reuses one network for other durations, as a forecast does", () => {
    const result = runCpm(network, Int32Array.from([2, 6, 3, 2]));
    expect(result.finish).toBe(11);
    expect(result.ls[at("b")] - result.es[at("b")]).toBe(4);
    expect(result.ls[at("c")] - result.es[at("c")]).toBe(0);
  });

  it("refuses a cycle when the network is built", () => {
    expect(() =>
      buildCpmNetwork(
        ["a", "b"],
        [
          { fromId: "a", toId: "b", lagDays: 0 },
          { fromId: "b", toId: "a", lagDays: 2 },
        ],
      ),
    ).toThrow(CycleError);
  });
});
