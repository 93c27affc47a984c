import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allEndpoints } from "@/lib/validation/endpoints";
import { timeline } from "@/lib/validation/endpoints";
import { almostValidValue } from "../helpers/fuzz/almost-valid";
import { deepNesting, hugeString, tainted } from "../helpers/fuzz/hostile";
import { endpointKey, schemaNode } from "../helpers/fuzz/requests";
import { validValue } from "../helpers/fuzz/schema-values";
import {
  DeepNesting,
  ID_KINDS,
  IdRef,
  jsonText,
  LongString,
  objectOf,
  RawJson,
  type FuzzValue,
  type IdPools,
} from "../helpers/fuzz/values";
import { percentEncode } from "../helpers/fuzz/wire";

// As many ids per kind as a pick can name, so that distinct picks are distinct ids.
const manyIds = () =>
  Array.from({ length: 51 }, (_, i) => `6f1c1f9e-4b1a-4c7e-9a55-${String(i).padStart(12, "0")}`);
const pools: IdPools = { own: Object.fromEntries(ID_KINDS.map((k) => [k, manyIds()])), foreign: {} };
const asJson = (v: FuzzValue) => JSON.parse(jsonText(v, pools)) as unknown;
/** Query values travel as text; the schemas coerce them back. */
const asQuery = (v: FuzzValue) =>
  Object.fromEntries(
    Object.entries(asJson(v) as object).map(([k, x]) => [k, typeof x === "string" ? x : JSON.stringify(x)]),
  );

describe("fuzz generators derived from the endpoint schemas", () => {
  for (const endpoint of allEndpoints) {
    for (const [where, schema] of [
      ["body", endpoint.body],
      ["query", endpoint.query],
    ] as const) {
      if (!schema) continue;
      it(`${endpointKey(endpoint)} ${where}: most valid values pass the zod schema`, () => {
        const node = schemaNode(schema)!;
        const values = fc.sample(validValue(node), { seed: 42, numRuns: 100 });
        const passed = values.filter(
          (v) => schema.safeParse(where === "query" ? asQuery(v) : asJson(v)).success,
        );
        // Refinements zod checks in code (hours in order, one rule per audience) are not in the
        // JSON Schema, so a few valid-by-shape values are refused; most must pass.
        expect(passed.length).toBeGreaterThanOrEqual(60);
      });
    }
  }

  it("almost-valid item bodies break the schema in each way: type, range, missing field, format", () => {
    const schema = timeline.createItem.body;
    const codes = new Set<string>();
    for (const v of fc.sample(almostValidValue(schemaNode(schema)!), { seed: 7, numRuns: 400 })) {
      const result = schema.safeParse(asJson(v));
      for (const issue of result.error?.issues ?? []) codes.add(issue.code);
    }
    expect([...codes]).toEqual(
      expect.arrayContaining(["invalid_type", "too_big", "too_small", "invalid_value", "invalid_format"]),
    );
  });

  it("valid UUID fields name real fixture ids most of the time", () => {
    const schema = schemaNode(timeline.createDependency.body)!;
    const values = fc.sample(validValue(schema), { seed: 3, numRuns: 200 }) as Record<string, FuzzValue>[];
    const refs = values.filter((v) => v.fromId instanceof IdRef && v.fromId.kind === "item").length;
    expect(refs).toBeGreaterThan(120);
  });
});

describe("hostile values as sent", () => {
  it("writes __proto__ and constructor as own keys, which JSON.parse reads back as own keys", () => {
    const parsed = asJson(
      objectOf([
        ["__proto__", objectOf([["role", "owner"]])],
        ["constructor", 1],
      ]),
    ) as object;
    expect(Object.keys(parsed)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });

  it("writes tokens JSON.stringify cannot: 1e309 reads back as Infinity, -0 as -0", () => {
    expect(asJson([new RawJson("1e309"), new RawJson("-0")])).toEqual([Infinity, -0]);
  });

  it("nests 10,000 levels deep as text, and huge strings reach past the body cap", () => {
    let depth = 0;
    for (let v = asJson(new DeepNesting(10_000, "[", "]")); Array.isArray(v); v = v[0]) depth++;
    expect(depth).toBe(10_000);
    const sizes = fc
      .sample(hugeString(1024), { seed: 1, numRuns: 50 })
      .map((s) => Buffer.byteLength((s as LongString).toString()));
    expect(Math.max(...sizes)).toBeGreaterThan(1024);
    expect(
      fc.sample(deepNesting, { seed: 1, numRuns: 30 }).some((d) => (d as DeepNesting).depth >= 10_000),
    ).toBe(true);
  });

  it("taints every string of a valid value and leaves ids alone", () => {
    const ref = new IdRef("item", 0, "own");
    for (const v of fc.sample(tainted(fc.constant<FuzzValue>({ name: "Ledger", tags: ["a"], itemId: ref })), {
      seed: 5,
      numRuns: 50,
    })) {
      const o = v as Record<string, FuzzValue>;
      expect(o.name).not.toBe("Ledger");
      expect((o.tags as FuzzValue[])[0]).not.toBe("a");
      expect(o.itemId).toBe(ref);
    }
  });

  it("percent-encodes lone surrogates and NUL without throwing", () => {
    expect(percentEncode("a\uD800\u0000/")).toBe("a%EF%BF%BD%00%2F");
  });
});
