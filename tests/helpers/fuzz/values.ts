import fc from "fast-check";

/**
 * The values the fuzzer generates, and how they become request text. Generated values stay small and
 * independent of the fixture: a megabyte string is a `LongString`, 10,000 levels of nesting a
 * `DeepNesting`, a fixture id an `IdRef` resolved when the request is sent (the fixture may have been
 * rebuilt since). `RawJson` writes tokens JSON.stringify cannot produce (1e309, -0, 007).
 */

/** The kinds of ids a request can name; each is a pool of real ids in the fixture. */
export const ID_KINDS = [
  "team",
  "user",
  "invitation",
  "apiToken",
  "skill",
  "roadmap",
  "workstream",
  "item",
  "dependency",
  "comment",
  "risk",
  "round",
  "snapshot",
  "shareLink",
  "shareToken",
  "phase",
  "scenario",
  "notification",
  "timeEntry",
  "webhook",
] as const;
export type IdKind = (typeof ID_KINDS)[number];

export class RawJson {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
  [fc.toStringMethod](): string {
    return `raw(${JSON.stringify(this.text.length > 80 ? `${this.text.slice(0, 80)}...` : this.text)})`;
  }
}

export class LongString {
  constructor(
    readonly unit: string,
    readonly length: number,
  ) {}
  toString(): string {
    return this.unit.repeat(Math.ceil(this.length / this.unit.length)).slice(0, this.length);
  }
  [fc.toStringMethod](): string {
    return `${JSON.stringify(this.unit)} x ${this.length}`;
  }
}

/** `open` repeated `depth` times, then the inner JSON text, then `close` as often. */
export class DeepNesting {
  constructor(
    readonly depth: number,
    readonly open: string,
    readonly close: string,
    readonly inner = "0",
  ) {}
  toString(): string {
    return this.open.repeat(this.depth) + this.inner + this.close.repeat(this.depth);
  }
  [fc.toStringMethod](): string {
    return `${JSON.stringify(this.open)} x ${this.depth} ${JSON.stringify(this.inner)} ${JSON.stringify(this.close)} x ${this.depth}`;
  }
}

/** A real id of the caller's fixture ("own") or of another team's ("foreign"), chosen by `pick`. */
export class IdRef {
  constructor(
    readonly kind: IdKind,
    readonly pick: number,
    readonly scope: "own" | "foreign",
  ) {}
  [fc.toStringMethod](): string {
    return `${this.scope} ${this.kind} #${this.pick}`;
  }
}

export type FuzzValue =
  | null
  | boolean
  | number
  | string
  | RawJson
  | LongString
  | DeepNesting
  | IdRef
  | FuzzValue[]
  | { [key: string]: FuzzValue };

/** Real ids by kind: the fixture's own and another team's. */
export interface IdPools {
  own: Partial<Record<IdKind, string[]>>;
  foreign: Partial<Record<IdKind, string[]>>;
}

const NIL_UUID = "00000000-0000-4000-8000-000000000000";

export function resolveId(ref: IdRef, pools: IdPools): string {
  const pool = pools[ref.scope][ref.kind] ?? [];
  // A kind the fixture has none of (e.g. no foreign notifications) names nothing: a fresh UUID.
  return pool.length > 0 ? pool[ref.pick % pool.length] : NIL_UUID;
}

/** A scalar (path parameter, query value) as the text that is sent. */
export function scalarText(value: FuzzValue, pools: IdPools): string {
  if (value instanceof IdRef) return resolveId(value, pools);
  if (value instanceof RawJson) return value.text;
  if (value instanceof LongString || value instanceof DeepNesting) return value.toString();
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/**
 * JSON text of a value. Objects are walked by their own keys, so a null-prototype object with an
 * own "__proto__" key is written as such. Strings go through JSON.stringify, which escapes lone
 * surrogates; invalid UTF-8 travels as a bytes body instead.
 */
export function jsonText(value: FuzzValue, pools: IdPools): string {
  if (value === null || typeof value === "boolean" || typeof value === "number") return JSON.stringify(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof RawJson || value instanceof DeepNesting) return value.toString();
  if (value instanceof LongString) return JSON.stringify(value.toString());
  if (value instanceof IdRef) return JSON.stringify(resolveId(value, pools));
  if (Array.isArray(value)) return `[${value.map((v) => jsonText(v, pools)).join(",")}]`;
  return `{${Object.keys(value)
    .map((k) => `${JSON.stringify(k)}:${jsonText(value[k], pools)}`)
    .join(",")}}`;
}

/** An object that may carry "__proto__", "constructor" or "prototype" as its own keys. */
export function objectOf(entries: [string, FuzzValue][]): { [key: string]: FuzzValue } {
  const out: { [key: string]: FuzzValue } = Object.create(null);
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true });
  return out;
}
