import fc from "fast-check";
import { DeepNesting, IdRef, ID_KINDS, LongString, objectOf, RawJson, type FuzzValue } from "./values";

/** Text that has broken parsers, databases, renderers and loggers before, in four kinds. */
export const NASTY_TEXT = {
  control: [
    "\u0000",
    "nul\u0000inside",
    "\u0000\u0001\u001f",
    "\u0001\u0008\u001b[31m\u007f",
    "\t\r\n\u2028\u2029",
    "\u0085\u009f",
  ],
  unicode: [
    "\uD800",
    "\uDFFF",
    "lone \uD83D surrogate",
    "\u202Eevil.exe\u202Dtxt",
    "مرحبا بالعالم",
    "שלום עולם",
    "\u200B\u200C\u200D\u2060",
    "\uFEFFbom",
    "Z̴̡̛͓̫̱a̶̢̛l̷g̸o̵",
    "👩‍👩‍👧‍👦🏳️‍🌈",
    "\uFFFF\uFFFE",
  ],
  injection: [
    "%",
    "%00",
    "%E0%A4%A",
    "' OR '1'='1' --",
    '"; DROP TABLE items; --',
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "[click](javascript:alert(1))",
    '=HYPERLINK("http://evil.example")',
    "${7*7}{{7*7}}",
    "../../../../etc/passwd",
    "\\",
  ],
  words: [
    "null",
    "undefined",
    "NaN",
    "Infinity",
    "-0",
    "0x10",
    "1e309",
    "true",
    "[]",
    "{}",
    "__proto__",
    "constructor",
    "@",
    "@everyone @@@@",
    "   ",
    " padded ",
  ],
} as const;
const NASTY_KINDS = Object.values(NASTY_TEXT) as readonly (readonly string[])[];

/** A nasty string chosen kind first, so each kind is as likely as any other. */
export function nastyAt(pick: number): string {
  const kind = NASTY_KINDS[pick % NASTY_KINDS.length];
  return kind[Math.floor(pick / NASTY_KINDS.length) % kind.length];
}
export const nastyString = fc.nat(1_000).map(nastyAt);

/** Numbers at the edges: what JSON can say and JavaScript or PostgreSQL may not hold. */
export const EDGE_NUMBERS: readonly FuzzValue[] = [
  new RawJson("1e308"),
  new RawJson("1e309"),
  new RawJson("-1e309"),
  new RawJson("-0"),
  new RawJson("-0.0"),
  new RawJson("1e-400"),
  new RawJson("123456789012345678901234567890"),
  new RawJson("0.1e1"),
  new RawJson("5E+2"),
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  -1,
  0.5,
  1e21,
];

export const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];

/** Strings the size of a body cap (and around it): they test limits, not parsers. */
export function hugeString(maxBytes: number): fc.Arbitrary<FuzzValue> {
  return fc
    .tuple(
      fc.constantFrom("x", "é", "😀", "\\", "\u0000"),
      fc.constantFrom(1_000, 65_536, maxBytes - 200, maxBytes + 1),
    )
    .map(([unit, bytes]) => new LongString(unit, Math.max(1, Math.floor(bytes / Buffer.byteLength(unit)))));
}

/** 10,000 (or 100,000) levels of arrays or objects, around a scalar. */
export const deepNesting: fc.Arbitrary<FuzzValue> = fc
  .tuple(
    fc.constantFrom(100, 10_000, 100_000),
    fc.constantFrom<[string, string]>(["[", "]"], ['{"a":', "}"], ['[{"k":', "}]"]),
  )
  .map(([depth, [open, close]]) => new DeepNesting(depth, open, close));

export const hostileScalar: fc.Arbitrary<FuzzValue> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom<FuzzValue>(null, true, false, 0, "") },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.nat(50).map((p) => new IdRef("item", p, "foreign")) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...ID_KINDS), fc.nat(50)).map(([k, p]) => new IdRef(k, p, "own")),
  },
);

/** Nested junk whose keys include __proto__ and friends. */
export const hostileTree: fc.Arbitrary<FuzzValue> = fc.letrec<{ tree: FuzzValue }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileScalar,
    fc.array(tie("tree"), { maxLength: 4 }),
    fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 8 })), tie("tree")), {
        maxLength: 4,
      })
      .map((entries) => objectOf(entries)),
  ),
})).tree;

/** Anything hostile that can stand in for one value. */
export function hostileValue(maxBytes: number): fc.Arbitrary<FuzzValue> {
  return fc.oneof(
    { weight: 6, arbitrary: hostileScalar },
    { weight: 3, arbitrary: hostileTree },
    { weight: 1, arbitrary: hugeString(maxBytes) },
    { weight: 1, arbitrary: deepNesting },
  );
}

/**
 * A valid value whose text carries hostile characters: each string gets a nasty suffix (so that it
 * still passes length and "not blank" checks and reaches the service and the database) or is
 * replaced outright. Ids and numbers stay as they were.
 */
export function tainted(valid: fc.Arbitrary<FuzzValue>): fc.Arbitrary<FuzzValue> {
  return fc.tuple(valid, fc.array(fc.nat(2_000), { minLength: 16, maxLength: 16 })).map(([value, picks]) => {
    let i = 0;
    const walk = (v: FuzzValue): FuzzValue => {
      if (typeof v === "string") {
        const pick = picks[i++ % picks.length];
        const nasty = nastyAt(Math.floor(pick / 2));
        return pick % 2 === 0 ? nasty : `${v}${nasty}`;
      }
      if (Array.isArray(v)) return v.map(walk);
      const proto = v && typeof v === "object" ? Object.getPrototypeOf(v) : undefined;
      // Plain records only: markers (ids, raw tokens, long strings) stay as they are.
      if (proto === Object.prototype || proto === null) {
        return objectOf(Object.entries(v as Record<string, FuzzValue>).map(([k, x]) => [k, walk(x)]));
      }
      return v;
    };
    return walk(value);
  });
}

/** Prototype-pollution payloads to merge into an otherwise valid object. */
export const pollution: fc.Arbitrary<[string, FuzzValue][]> = fc.constantFrom<[string, FuzzValue][]>(
  [
    [
      "__proto__",
      objectOf([
        ["role", "owner"],
        ["isAdmin", true],
        ["version", 1],
      ]),
    ],
  ],
  [["constructor", objectOf([["prototype", objectOf([["role", "owner"]])]])]],
  [["prototype", objectOf([["polluted", true]])]],
  [["__proto__", null]],
  [["__proto__", "owner"]],
);

/** Whole bodies that are not what any JSON endpoint takes. */
export function hostileBodyText(maxBytes: number): fc.Arbitrary<FuzzValue> {
  return fc.oneof(
    deepNesting,
    hugeString(maxBytes).map((s) => s),
    fc.constantFrom<FuzzValue>(
      new RawJson(""),
      new RawJson("   \n\t "),
      new RawJson("null"),
      new RawJson("[]"),
      new RawJson('"text"'),
      new RawJson("1e309"),
      new RawJson('{"name": "half'),
      new RawJson('{"name": "a", "name": "b"}'),
      new RawJson("\uFEFF{}"),
      new RawJson("{}garbage"),
      new RawJson("{'single': 'quotes'}"),
      new RawJson('{"a":1,}'),
      new RawJson("NaN"),
      new RawJson("name=team&role=owner"),
      new RawJson('<?xml version="1.0"?><a/>'),
    ),
  );
}

/** Bytes that are not UTF-8: overlong forms, encoded surrogates, truncated sequences. */
export const invalidUtf8: fc.Arbitrary<number[]> = fc.constantFrom(
  [0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d],
  [0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d],
  [0xc0, 0xaf, 0xe0, 0x80, 0xaf],
  [0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
);
