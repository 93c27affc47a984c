// Text PostgreSQL cannot store: U+0000 in text or jsonb, and lone UTF-16 surrogates (which become
// U+FFFD in a text column but make a jsonb value, such as an activity row's changes, fail). A
// request carrying either is refused where it is read, with where the text was (the JSON body and
// query in lib/server/request-body.ts; an import file may use the same check). Pure.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored, or undefined when it can. */
export function unstorableReason(text: string): string | undefined {
  if (text.includes("\u0000")) return "Text cannot contain the NUL character (U+0000).";
  if (LONE_SURROGATE.test(text))
    return "Text must be valid Unicode: a lone surrogate (U+D800 to U+DFFF) cannot be stored.";
  return undefined;
}

/**
 * Whether JSON text can hold such a string at all: only through a \u escape, since a raw U+0000 is
 * not valid JSON and bytes that are not UTF-8 were replaced by U+FFFD when the body was decoded.
 */
export const jsonMayHoldUnstorableText = (json: string) => /\\u(?:0000|[dD][89a-fA-F])/.test(json);

/**
 * The first string (or key) in a parsed JSON value that cannot be stored: its path ("rows.1.name")
 * and why. Walks with its own stack, since a body may nest thousands of levels deep, and spells out
 * a path only for the string it reports.
 */
export function unstorableTextAt(value: unknown): { path: string; message: string } | undefined {
  type Entry = { value: unknown; key?: string; parent?: Entry };
  const pathOf = (e: Entry, last?: string) => {
    const keys = last === undefined ? [] : [last];
    for (let at: Entry | undefined = e; at?.key !== undefined; at = at.parent) keys.push(at.key);
    return keys.reverse().join(".");
  };
  const stack: Entry[] = [{ value }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const v = entry.value;
    if (typeof v === "string") {
      const message = unstorableReason(v);
      if (message) return { path: pathOf(entry), message };
    } else if (v !== null && typeof v === "object") {
      for (const [key, child] of Object.entries(v)) {
        const message = unstorableReason(key);
        if (message) return { path: pathOf(entry, key), message };
        stack.push({ value: child, key, parent: entry });
      }
    }
  }
  return undefined;
}
