import { AppError } from "@/lib/services/kernel/errors";
import { jsonMayHoldUnstorableText, unstorableTextAt } from "@/lib/validation/storable-text";

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

const unstorable = (found: { path: string; message: string }, where: "body" | "query") =>
  new AppError(
    "invalid_request",
    `The ${where === "body" ? "request body" : "query string"} is not valid: ${found.path ? `${found.path}: ` : ""}${found.message}`,
    { details: [found] },
  );

/** The body as JSON: undefined when empty, 400 when it does not parse or holds text that cannot be stored. */
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
  const found = jsonMayHoldUnstorableText(text) ? unstorableTextAt(value) : undefined;
  if (found) throw unstorable(found, "body");
  return value;
}

/** The query string as name -> value (the last of repeated names), 400 when it holds U+0000. */
export function readQuery(req: Request): Record<string, string> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  const found = unstorableTextAt(query);
  if (found) throw unstorable(found, "query");
  return query;
}

/** `If-Match: "3"` (or W/"3", or 3) as a version number. */
export function parseIfMatch(req: Request): number | undefined {
  const raw = req.headers.get("if-match");
  if (raw === null) return undefined;
  // `"3"`, or a board's ETag `W/"3-b42-editor"`, which leads with the roadmap's version.
  const match = /^\s*(?:W\/)?"?(\d{1,9})(?:-[a-z0-9-]{1,40})?"?\s*$/.exec(raw);
  if (!match) {
    throw new AppError("invalid_request", 'If-Match must name a version, e.g. If-Match: "3".', {
      details: [{ path: "If-Match", message: "Expected a quoted version number." }],
    });
  }
  return Number(match[1]);
}
