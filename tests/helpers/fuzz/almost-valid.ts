import fc from "fast-check";
import { child, deref, typesOf, validValue, type SchemaNode } from "./schema-values";
import { IdRef, objectOf, RawJson, type FuzzValue } from "./values";

/** A value of the wrong kind for a schema node: text for a number, a number for text, and so on. */
function wrongType(node: SchemaNode): fc.Arbitrary<FuzzValue> {
  const types = typesOf(node.schema);
  const candidates: FuzzValue[] = [42, "42", true, [], {}, [1, "two"], { nested: { value: 1 } }, ""];
  const nullable = types.includes("null") || (node.schema.anyOf ?? []).some((s) => s.type === "null");
  const wrong = candidates.filter((v) => {
    const t = Array.isArray(v) ? "array" : typeof v === "object" ? "object" : typeof v;
    if (t === "number") return !types.includes("number") && !types.includes("integer");
    return !types.includes(t);
  });
  return fc.constantFrom(...wrong, ...(nullable ? [] : [null]));
}

/** A value just outside one bound of the node: one character, item or unit too many or too few. */
function outOfRange(node: SchemaNode): fc.Arbitrary<FuzzValue> | undefined {
  const { schema } = node;
  const options: FuzzValue[] = [];
  const types = typesOf(schema);
  if (types.includes("string")) {
    if (schema.maxLength !== undefined) options.push("z".repeat(schema.maxLength + 1));
    if (schema.minLength) options.push("z".repeat(schema.minLength - 1), "   ");
    if (schema.format === "uuid") options.push("not-a-uuid", "00000000-0000-0000-0000-00000000000g");
    if (schema.format === "date") options.push("2027-02-30", "2027-13-01", "27-01-04", "2027-1-4");
    if (schema.format === "date-time") options.push("yesterday", "2027-01-04T25:00:00Z");
    if (schema.pattern) options.push("x", "9999-Q5");
    if (schema.enum) options.push(`${String(schema.enum[0]).toUpperCase()}!`, "other");
  }
  if (types.includes("integer") || types.includes("number")) {
    if (schema.maximum !== undefined) options.push(schema.maximum + 1);
    if (schema.minimum !== undefined) options.push(schema.minimum - 1);
    if (types.includes("integer")) options.push(1.5);
    options.push(new RawJson("1e309"), new RawJson("-1e309"));
  }
  if (types.includes("array")) {
    if (schema.maxItems !== undefined && schema.maxItems <= 5_000)
      options.push(Array.from({ length: schema.maxItems + 1 }, () => 1));
    if (schema.minItems) options.push([]);
  }
  return options.length > 0 ? fc.constantFrom(...options) : undefined;
}

/** An invalid stand-in for a leaf (or any node): wrong type, out of range, or a real id of the wrong kind. */
function invalidLeaf(node: SchemaNode): fc.Arbitrary<FuzzValue> {
  const n = deref(node);
  const branches = (n.schema.anyOf ?? []).filter((s) => s.type !== "null").map((s) => deref(child(n, s)));
  const target = branches.length === 1 ? branches[0] : n;
  const arbs: fc.Arbitrary<FuzzValue>[] = [wrongType(target)];
  const range = outOfRange(target);
  if (range) arbs.push(range);
  // A real id, but of the wrong kind (a comment id where an item id belongs).
  if (target.schema.format === "uuid") arbs.push(fc.nat(50).map((p) => new IdRef("comment", p, "own")));
  return fc.oneof(...arbs);
}

/**
 * A value that breaks the schema in exactly one place: a required field dropped, an unknown field
 * added, or one field (at any depth) of the wrong type, out of range, or null.
 */
export function almostValidValue(node: SchemaNode): fc.Arbitrary<FuzzValue> {
  const n = deref(node);
  const { schema } = n;
  const types = typesOf(schema);
  if (types.includes("object") && schema.properties) {
    const props = schema.properties;
    const valid = validValue(n) as fc.Arbitrary<Record<string, FuzzValue>>;
    const arbs: fc.Arbitrary<FuzzValue>[] = [
      valid.map((o) => objectOf([...Object.entries(o), ["unexpectedField", "surprise"]])),
    ];
    const required = schema.required ?? [];
    if (required.length > 0) {
      arbs.push(
        fc
          .tuple(valid, fc.constantFrom(...required))
          .map(([o, drop]) => objectOf(Object.entries(o).filter(([k]) => k !== drop))),
      );
    }
    for (const [key, propSchema] of Object.entries(props)) {
      arbs.push(
        fc
          .tuple(valid, almostValidValue(child(n, propSchema, key)))
          .map(([o, bad]) => objectOf([...Object.entries(o).filter(([k]) => k !== key), [key, bad]])),
      );
    }
    return fc.oneof(...arbs);
  }
  if (types.includes("array") && schema.items) {
    const itemNode = child(n, schema.items);
    return fc.oneof(
      invalidLeaf(n),
      fc
        .tuple(fc.array(validValue(itemNode), { maxLength: 3 }), almostValidValue(itemNode), fc.nat())
        .map(([items, bad, at]) => {
          const out = [...items];
          out.splice(at % (items.length + 1), 0, bad);
          return out;
        }),
    );
  }
  return invalidLeaf(n);
}
