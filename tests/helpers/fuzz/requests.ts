import fc from "fast-check";
import { z } from "zod";
import { AUDIENCES } from "@/lib/validation/communication-kinds";
import type { Endpoint } from "@/lib/validation/endpoint";
import { idKindOfName, type JsonSchema, type SchemaNode } from "./schema-values";
import { IdRef, type FuzzValue, type IdKind } from "./values";

export const MEMBERS = ["owner", "editor", "commenter", "viewer"] as const;
export type Member = (typeof MEMBERS)[number];
export type Who = Member | "outsider" | "anonymous";
export type Variant = "valid" | "almost" | "hostile";

/** How the caller's identity travels: its token, its session cookie, or a bad header instead. */
export type Credential =
  | { kind: "bearer" }
  | { kind: "cookie" }
  | { kind: "authorization"; value: string }
  | { kind: "cookieHeader"; value: string };

export type FuzzBody = { json: FuzzValue } | { text: FuzzValue } | { bytes: number[] };

/** One generated request, independent of the fixture until it is sent (see wire.ts). */
export interface FuzzCase {
  key: string;
  variant: Variant;
  who: Who;
  credential: Credential;
  params: Record<string, FuzzValue>;
  /** Name/value pairs, or a whole raw query string. */
  query: [string, FuzzValue][] | { raw: FuzzValue };
  headers: [string, FuzzValue][];
  body?: FuzzBody;
}

/** The case with `name` set to `value` (or removed, with no value), replacing what it had. */
export const withHeader = (c: FuzzCase, name: string, ...value: FuzzValue[]): FuzzCase => ({
  ...c,
  headers: [...c.headers.filter(([h]) => h !== name), ...value.map((v): [string, FuzzValue] => [name, v])],
});

/** A body and the media type it is sent as. */
export interface Payload {
  body?: FuzzBody;
  contentType?: string;
}

export const endpointKey = (e: Pick<Endpoint, "method" | "path">) => `${e.method} ${e.path}`;
export const pathParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
export const bodyLimit = (e: Endpoint) => e.maxBodyBytes ?? 1024 * 1024;

export function schemaNode(schema: z.ZodType | undefined): SchemaNode | undefined {
  if (!schema) return undefined;
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return { schema: json, root: json };
}

/** What a path parameter names: a kind of fixture id, or (audience) a word. */
function paramKind(name: string): IdKind | "audience" {
  if (name === "audience") return "audience";
  if (name === "token") return "shareToken";
  const kind = idKindOfName(name);
  if (!kind) throw new Error(`The fuzzer does not know what path parameter {${name}} names.`);
  return kind;
}

export function validParam(name: string): fc.Arbitrary<FuzzValue> {
  const kind = paramKind(name);
  if (kind === "audience") return fc.constantFrom(...AUDIENCES);
  return fc.nat(50).map((pick) => new IdRef(kind, pick, "own"));
}

/** A path parameter that is wrong in one way: another team's, another kind's, or nobody's. */
export function almostParam(name: string): fc.Arbitrary<FuzzValue> {
  const kind = paramKind(name);
  if (kind === "audience") return fc.constantFrom("Executive", "board", "");
  return fc.oneof(
    fc.nat(50).map((pick) => new IdRef(kind, pick, "foreign")),
    fc.uuid({ version: 4 }),
    fc.nat(50).map((pick) => new IdRef(kind === "item" ? "comment" : "item", pick, "own")),
    fc.constantFrom("not-a-uuid", "00000000-0000-0000-0000-000000000000"),
  );
}

export function paramsArb(path: string, make: (name: string) => fc.Arbitrary<FuzzValue>) {
  const names = pathParams(path);
  return fc
    .tuple(...names.map(make))
    .map((values) => Object.fromEntries(names.map((n, i) => [n, values[i]])));
}

export const pairs = (o: FuzzValue): [string, FuzzValue][] =>
  o && typeof o === "object" && !Array.isArray(o) ? Object.entries(o as Record<string, FuzzValue>) : [];
