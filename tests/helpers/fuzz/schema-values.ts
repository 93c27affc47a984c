import fc from "fast-check";
import { IdRef, type FuzzValue, type IdKind } from "./values";

/** The part of JSON Schema that z.toJSONSchema writes for Cairn's request schemas. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

/** A schema node with the document it came from (for $ref) and the property it describes. */
export interface SchemaNode {
  schema: JsonSchema;
  root: JsonSchema;
  /** The nearest property name: it says which fixture ids a UUID field takes (itemIds -> items). */
  name?: string;
}

export function deref(node: SchemaNode): SchemaNode {
  const ref = node.schema.$ref;
  if (!ref) return node;
  const name = ref.replace(/^#\/\$defs\//, "");
  const target = node.root.$defs?.[name];
  if (!target) throw new Error(`Unresolvable $ref ${ref}`);
  return deref({ ...node, schema: target });
}

export const child = (node: SchemaNode, schema: JsonSchema, name = node.name): SchemaNode => ({
  schema,
  root: node.root,
  name,
});

export function typesOf(schema: JsonSchema): string[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** Which fixture ids a UUID field named so refers to; undefined: any id, or a fresh one. */
export function idKindOfName(name: string | undefined): IdKind | undefined {
  if (!name) return undefined;
  const base = name.replace(/Ids?$/, "").replace(/s$/, "");
  const byName: Record<string, IdKind> = {
    team: "team",
    user: "user",
    owner: "user",
    person: "user",
    member: "user",
    invitation: "invitation",
    token: "apiToken",
    skill: "skill",
    roadmap: "roadmap",
    baseRoadmap: "roadmap",
    workstream: "workstream",
    item: "item",
    from: "item",
    to: "item",
    dependency: "dependency",
    comment: "comment",
    parent: "comment",
    risk: "risk",
    round: "round",
    snapshot: "snapshot",
    shareLink: "shareLink",
    phase: "phase",
    scenario: "scenario",
    id: "notification",
    timeEntry: "timeEntry",
    webhook: "webhook",
  };
  return byName[base];
}

/** 2027-01-04 (a Monday) is where the fuzz fixture's roadmaps start; valid dates cluster around it. */
export const FIXTURE_START = "2027-01-04";

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const WORDS = ["ledger", "checkout", "Launch", "mobile", "Q3 review", "Über", "données", "計画", "API", "v2"];
const words = (max: number) =>
  fc
    .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 })
    .map((w) => w.join(" ").slice(0, max).trim() || "x");

function validString(node: SchemaNode): fc.Arbitrary<FuzzValue> {
  const { schema, name } = node;
  if (schema.format === "uuid") {
    const kind = idKindOfName(name);
    const fresh = fc.uuid({ version: 4 });
    if (!kind) return fresh;
    return fc.oneof(
      { weight: 4, arbitrary: fc.nat(50).map((pick) => new IdRef(kind, pick, "own")) },
      { weight: 1, arbitrary: fresh },
    );
  }
  if (schema.format === "date") {
    return fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: -30, max: 480 }).map((d) => addDays(FIXTURE_START, d)) },
      { weight: 1, arbitrary: fc.constantFrom("1970-01-01", "2000-02-29", "9999-12-31", "2026-12-31") },
    );
  }
  if (schema.format === "date-time") {
    return fc
      .integer({ min: 1, max: 400 * 24 })
      .map((hours) => new Date(Date.now() + hours * 3_600_000).toISOString());
  }
  if (name === "email" || schema.format === "email")
    return fc.nat(1_000_000).map((n) => `fuzz-${n}@example.test`);
  // Webhook addresses: http(s) URLs (the schema's pattern is a zod check, not in the JSON Schema).
  if (name === "url")
    return fc.constantFrom(
      "https://hooks.example.com/cairn",
      "http://chat.example.org/in/42",
      "https://ci.example.net/x?y=1",
    );
  if (name === "timeZone") return fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata");
  if (name === "quarter") return fc.constantFrom("2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4", "2028-Q1");
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  const realistic = words(max).filter((s) => s.length >= min);
  return fc.oneof(
    { weight: 6, arbitrary: realistic },
    {
      weight: 2,
      arbitrary: fc.string({ unit: "grapheme", minLength: Math.max(min, 1), maxLength: Math.min(max, 40) }),
    },
    // Exactly at the bound: the longest text the schema accepts.
    { weight: 1, arbitrary: fc.constant("y".repeat(max)) },
  );
}

function validNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<FuzzValue> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e6);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e6);
  const ints = fc.integer({
    min: Math.ceil(Math.max(min, -Number.MAX_SAFE_INTEGER)),
    max: Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER)),
  });
  if (integer) return ints;
  return fc.oneof(
    { weight: 3, arbitrary: ints },
    { weight: 1, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) },
  );
}

/**
 * Values a schema accepts, realistic where it matters: fixture ids for UUID fields, dates inside the
 * fixture's horizon, words rather than noise. Refinements zod checks in code (optimistic <= likely)
 * are not in the JSON Schema, so "valid" is valid by shape; domain rules may still refuse it (422).
 */
export function validValue(node: SchemaNode): fc.Arbitrary<FuzzValue> {
  const n = deref(node);
  const { schema } = n;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((s) => validValue(child(n, s))));
  if (schema.const !== undefined) return fc.constant(schema.const as FuzzValue);
  if (schema.enum) return fc.constantFrom(...(schema.enum as FuzzValue[]));
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue(child(n, { ...schema, type }))));
  switch (types[0]) {
    case "string":
      return validString(n);
    case "integer":
      return validNumber(schema, true);
    case "number":
      return validNumber(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      // A tuple: exactly its items (zod writes `items: false` after them).
      if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((s) => validValue(child(n, s))));
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 5, 5));
      // Lists of records are keyed by their first field (one rule per audience, each skill once).
      return fc.uniqueArray(validValue(child(n, schema.items || {})), {
        minLength,
        maxLength,
        selector: listKey,
      });
    }
    case "object":
      return validObject(n);
    default:
      return fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<FuzzValue>;
  }
}

function listKey(value: FuzzValue): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const first = Object.values(value)[0];
  return first instanceof IdRef ? `${first.kind}:${first.pick}` : first;
}

function validObject(node: SchemaNode): fc.Arbitrary<FuzzValue> {
  const props = node.schema.properties ?? {};
  const model = Object.fromEntries(
    Object.entries(props).map(([key, schema]) => [key, validValue(child(node, schema, key))]),
  );
  const requiredKeys = (node.schema.required ?? []).filter((k) => k in props);
  return fc.record(model, { requiredKeys }).map((o) => coherent(o as Record<string, FuzzValue>));
}

const ESTIMATE = ["optimisticHours", "likelyHours", "pessimisticHours"];

/**
 * The few cross-field rules of the API that a valid request should respect to get past shape checks
 * into the services: a span starts before it ends, a milestone is one day with an outcome, an
 * estimate's hours are in order.
 */
function coherent(o: Record<string, FuzzValue>): Record<string, FuzzValue> {
  const out: Record<string, FuzzValue> = { ...o };
  if (ESTIMATE.every((k) => typeof out[k] === "number")) {
    const hours = ESTIMATE.map((k) => out[k] as number).sort((a, b) => a - b);
    ESTIMATE.forEach((k, i) => (out[k] = hours[i]));
  }
  if (typeof out.startDate === "string" && typeof out.endDate === "string" && out.startDate > out.endDate)
    [out.startDate, out.endDate] = [out.endDate, out.startDate];
  if (out.kind === "milestone" && typeof out.startDate === "string") {
    out.endDate = out.startDate;
    if (typeof out.outcome !== "string" || out.outcome.trim() === "")
      out.outcome = "Customers can pay by card";
  }
  return out;
}
