import { describe, expect, it } from "vitest";
import { shouldSeedDemo } from "@/lib/demo/policy";

describe("shouldSeedDemo: who gets the demo team with its published password", () => {
  it("a production start never seeds, on either database, unless CAIRN_SEED_DEMO=1", () => {
    expect(shouldSeedDemo("pglite", { NODE_ENV: "production" })).toBe(false);
    expect(shouldSeedDemo("postgres", { NODE_ENV: "production" })).toBe(false);
    expect(shouldSeedDemo("pglite", { NODE_ENV: "production", CAIRN_SEED_DEMO: "" })).toBe(false);
    expect(shouldSeedDemo("pglite", { NODE_ENV: "production", CAIRN_SEED_DEMO: "yes" })).toBe(false);
    expect(shouldSeedDemo("pglite", { NODE_ENV: "production", CAIRN_SEED_DEMO: "1" })).toBe(true);
    expect(shouldSeedDemo("postgres", { NODE_ENV: "production", CAIRN_SEED_DEMO: "1" })).toBe(true);
  });

  it("npm run dev on the embedded database seeds; on PostgreSQL only when asked", () => {
    expect(shouldSeedDemo("pglite", { NODE_ENV: "development" })).toBe(true);
    expect(shouldSeedDemo("postgres", { NODE_ENV: "development" })).toBe(false);
    expect(shouldSeedDemo("postgres", { NODE_ENV: "development", CAIRN_SEED_DEMO: "1" })).toBe(true);
  });

  it("CAIRN_SEED_DEMO=0 never seeds", () => {
    for (const kind of ["pglite", "postgres"] as const)
      for (const NODE_ENV of ["development", "production", "test"])
        expect(shouldSeedDemo(kind, { NODE_ENV, CAIRN_SEED_DEMO: "0" })).toBe(false);
  });
});
