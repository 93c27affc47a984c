import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkResponse } from "@/lib/server/response-check";
import { defineEndpoint } from "@/lib/validation/endpoint";

const endpoint = defineEndpoint({
  method: "GET",
  path: "/api/things/{thingId}",
  summary: "One thing",
  tag: "Test",
  response: z.object({
    thing: z.object({ id: z.string(), when: z.string(), note: z.string().nullable() }),
    tags: z.array(z.object({ name: z.string() })),
    counts: z.record(z.string(), z.number()),
  }),
});
const good = { thing: { id: "t1", when: "2026-01-05", note: null }, tags: [{ name: "a" }], counts: { x: 1 } };

describe("checkResponse", () => {
  it("accepts an answer of the declared shape", () => {
    expect(() => checkResponse(endpoint, good)).not.toThrow();
  });

  it("checks the answer as sent: a Date becomes its ISO string, an undefined field vanishes", () => {
    const thing = { id: "t1", when: new Date("2026-01-05T00:00:00Z"), note: null, extra: undefined };
    expect(() => checkResponse(endpoint, { ...good, thing })).not.toThrow();
  });

  it("a missing or mistyped field fails, naming the endpoint and the path", () => {
    const drifted = { ...good, thing: { id: 7, when: "2026-01-05" } };
    expect(() => checkResponse(endpoint, drifted)).toThrow(
      /GET \/api\/things\/\{thingId\}[\s\S]*thing\.id: [\s\S]*thing\.note: /,
    );
  });

  it("a field the schema does not declare fails too, in nested objects and arrays", () => {
    const drifted = { ...good, tags: [{ name: "a", secret: "s" }], thing: { ...good.thing, hash: "h" } };
    expect(() => checkResponse(endpoint, drifted)).toThrow(/thing\.hash: not in the response schema/);
    expect(() => checkResponse(endpoint, drifted)).toThrow(/tags\[0\]\.secret: not in the response schema/);
  });

  it("an endpoint without a response schema is not checked", () => {
    const { response: _, ...unchecked } = endpoint;
    expect(() => checkResponse(unchecked, "anything")).not.toThrow();
  });
});
