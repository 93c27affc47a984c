import { AppError } from "@/lib/services/errors";

export const MAX_JSON_BODY_BYTES = 1024 * 1024;

const tooLarge = (limit: number) =>
  new AppError(
    "payload_too_large",
    `The request body is larger than ${Math.round(limit / 1024)} KiB. Send less at once.`,
  );

/** Reads the raw body, refusing more than `limit` bytes without buffering the excess. */
export async function readBodyBytes(req: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/**
 * Where in a parsed JSON value a string (or a key) holds U+0000, which PostgreSQL text cannot store;
 * undefined when none does. Walks with its own stack: a body may nest thousands of levels deep.
 */
export function nulCharacterPath(value: unknown): string | undefined {
  // Each entry keeps its parent, so that a path is only spelled out for the one string that has U+0000.
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
      if (v.includes("\u0000")) return pathOf(entry);
    } else if (v !== null && typeof v === "object") {
      for (const [key, child] of Object.entries(v)) {
        if (key.includes("\u0000")) return pathOf(entry, key);
        stack.push({ value: child, key, parent: entry });
      }
    }
  }
  return undefined;
}

const nulRefused = (path: string, where: "body" | "query") =>
  new AppError(
    "invalid_request",
    `The ${where === "body" ? "request body" : "query string"} is not valid: ${path ? `${path}: ` : ""}text cannot contain the NUL character (U+0000).`,
    { details: [{ path, message: "Text cannot contain the NUL character (U+0000)." }] },
  );

/** The body as JSON: undefined when empty, 400 when it does not parse or holds U+0000. */
export async function readJsonBody(req: Request, limit = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const text = new TextDecoder().decode(await readBodyBytes(req, limit));
  if (text.trim() === "") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("invalid_request", "The request body is not valid JSON.", {
      details: [{ path: "", message: "Body must be a JSON document." }],
    });
  }
  // Raw U+0000 is not valid JSON text, so only the \u0000 escape can put one in a string.
  const nulAt = text.includes("\\u0000") ? nulCharacterPath(value) : undefined;
  if (nulAt !== undefined) throw nulRefused(nulAt, "body");
  return value;
}

/** The query string as name -> value (the last of repeated names), 400 when it holds U+0000. */
export function readQuery(req: Request): Record<string, string> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  const nulAt = nulCharacterPath(query);
  if (nulAt !== undefined) throw nulRefused(nulAt, "query");
  return query;
}

/** `If-Match: "3"` (or W/"3", or 3) as a version number. */
export function parseIfMatch(req: Request): number | undefined {
  const raw = req.headers.get("if-match");
  if (raw === null) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!match) {
    throw new AppError("invalid_request", 'If-Match must name a version, e.g. If-Match: "3".', {
      details: [{ path: "If-Match", message: "Expected a quoted version number." }],
    });
  }
  return Number(match[1]);
}
