import { describe, expect, it } from "vitest";
import * as endpoints from "@/lib/validation/endpoints";
import * as routes from "@/lib/validation/routes";

// lib/validation/routes.ts is what browser code calls the API through (no zod in the bundle); it
// must list every endpoint with the same method and path. Regenerate it with
// `npx tsx scripts/generate-routes.ts` after adding or changing an endpoint.
describe("routes for browser code", () => {
  const groups = Object.entries(endpoints).filter(([name]) => name !== "allEndpoints") as [
    string,
    Record<string, { method: string; path: string }>,
  ][];

  it.each(groups)("%s: every endpoint, same method and path", (group, operations) => {
    const expected = Object.fromEntries(
      Object.entries(operations).map(([name, e]) => [name, { method: e.method, path: e.path }]),
    );
    expect((routes as Record<string, unknown>)[group]).toEqual(expected);
  });

  it("carries no schema", () => {
    for (const group of Object.values(routes))
      for (const route of Object.values(group)) expect(Object.keys(route).sort()).toEqual(["method", "path"]);
  });
});
