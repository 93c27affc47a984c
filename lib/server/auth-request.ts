import { AppError } from "@/lib/services/kernel/errors";
import { readBodyBytes } from "./request-body";

/** Auth.js's forms are a few hundred bytes; nothing larger is buffered for it. */
export const MAX_AUTH_BODY_BYTES = 64 * 1024;

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

export interface AuthPost {
  /** The request to hand to Auth.js: the bytes read here, with the media type they were read as. */
  request: Request;
  /**
   * Only for the credentials callback: the email whose password Auth.js will check, trimmed and
   * lower-cased as sign-in does; "" when the body names none (Auth.js then checks no password).
   */
  credentialsEmail?: string;
}

/** Auth.js's own path parsing: the parts after /api/auth, empty ones dropped. */
export function isCredentialsCallback(url: string): boolean {
  const parts = new URL(url).pathname.split("/").filter(Boolean);
  return (
    parts.length === 4 &&
    parts[0] === "api" &&
    parts[1] === "auth" &&
    parts[2] === "callback" &&
    parts[3] === "credentials"
  );
}

function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_request", "The sign-in request body is not valid JSON.", {
      details: [{ path: "", message: "Body must be a JSON document." }],
    });
  }
}

function emailOf(fields: unknown): string {
  const email =
    fields !== null && typeof fields === "object" ? (fields as { email?: unknown }).email : undefined;
  return typeof email === "string" ? email.trim().toLowerCase() : "";
}

/**
 * Reads an Auth.js POST once, capped at 64 KiB (413), and rebuilds it from the bytes read. For the
 * credentials callback the body must be a form or JSON (the two formats Auth.js reads; 415
 * otherwise), and it is read exactly as Auth.js reads it (for a form, the last value of a repeated
 * field wins), then handed on with that media type alone, so that the email the limits count is
 * the one whose password Auth.js checks.
 */
export async function readAuthPost(req: Request): Promise<AuthPost> {
  const bytes = await readBodyBytes(req, MAX_AUTH_BODY_BYTES);
  const headers = new Headers(req.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  const rebuilt = () =>
    new Request(req.url, {
      method: req.method,
      headers,
      body: bytes.byteLength ? (bytes as Uint8Array<ArrayBuffer>) : undefined,
    });
  if (!isCredentialsCallback(req.url)) return { request: rebuilt() };

  const type = mediaType(req.headers.get("content-type"));
  if (type !== FORM && type !== JSON_TYPE) {
    throw new AppError(
      "unsupported_media_type",
      `Send the sign-in details as ${FORM} (a form) or ${JSON_TYPE}.`,
    );
  }
  const text = new TextDecoder().decode(bytes);
  const fields = type === FORM ? Object.fromEntries(new URLSearchParams(text)) : parseJson(text);
  headers.set("content-type", type);
  return { request: rebuilt(), credentialsEmail: emailOf(fields) };
}
