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

/** The body as JSON: undefined when empty, 400 when it does not parse. */
export async function readJsonBody(req: Request, limit = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const text = new TextDecoder().decode(await readBodyBytes(req, limit));
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_request", "The request body is not valid JSON.", {
      details: [{ path: "", message: "Body must be a JSON document." }],
    });
  }
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
