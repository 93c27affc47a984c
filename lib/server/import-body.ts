import { isUtf8 } from "node:buffer";
import { AppError } from "@/lib/services/kernel/errors";
import type { ImportUpload, UploadKind } from "@/lib/services/imports/import-roadmap";
import { MAX_IMPORT_BYTES } from "@/lib/validation/communication";
import { readBodyBytes } from "./request-body";

/** The media types a raw upload may declare, and what each one is. */
const KIND_OF_MEDIA_TYPE: Record<string, UploadKind> = {
  "application/json": "json",
  "text/csv": "csv",
  "application/xml": "xml",
  "text/xml": "xml",
};
const KIND_OF_EXTENSION: Record<string, UploadKind> = { json: "json", csv: "csv", xml: "xml" };
const ACCEPTED =
  "application/json (a Cairn export), text/csv, application/xml or text/xml (Microsoft Project XML), or multipart/form-data with the file in a field named file";

const tooLarge = () =>
  new AppError(
    "payload_too_large",
    "The file is larger than 10 MiB, the most Cairn imports at once. Split the plan, or leave out what it does not need.",
  );

const unsupported = (what: string) =>
  new AppError("unsupported_media_type", `Cairn cannot import ${what}. Send ${ACCEPTED}.`);

const unreadable = (message: string, path = "") =>
  new AppError("invalid_request", message, { details: [{ path, message }] });

/** "Text/CSV; charset=UTF-8" -> { type: "text/csv", charset: "utf-8" }. */
function parseContentType(header: string | null): { type: string; charset?: string } {
  const [type, ...params] = (header ?? "").split(";").map((s) => s.trim());
  const charset = params
    .map((p) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(p)?.[1])
    .find((c): c is string => Boolean(c));
  // Echoed in error messages, so kept short.
  return { type: type.toLowerCase().slice(0, 100), charset: charset?.toLowerCase().slice(0, 40) };
}

/** Only UTF-8 (or its ASCII subset) is read; anything else is refused rather than guessed. */
function checkCharset(charset: string | undefined) {
  if (charset && !["utf-8", "utf8", "us-ascii"].includes(charset)) {
    throw unsupported(`text in ${charset}`);
  }
}

/** Bytes a text of nothing but white space (and a byte order mark) is made of. */
const BLANK = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c]);

/**
 * Checks that the bytes are UTF-8 text with something in it, without decoding them here: the
 * parsing worker decodes (a 10 MiB file is 20 MB of JavaScript string, kept off the server's heap).
 */
function checkText(bytes: Uint8Array): Uint8Array {
  if (!isUtf8(bytes))
    throw unreadable("The file is not valid UTF-8 text. Save it as UTF-8 and upload it again.");
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let i = bom;
  while (i < bytes.length && BLANK.has(bytes[i])) i++;
  if (i === bytes.length) throw unreadable("The file is empty.");
  return bytes;
}

/** The body, counted while read and refused as soon as it passes MAX_IMPORT_BYTES. */
async function readCapped(req: Request): Promise<Uint8Array> {
  try {
    return await readBodyBytes(req, MAX_IMPORT_BYTES);
  } catch (error) {
    if (error instanceof AppError && error.code === "payload_too_large") throw tooLarge();
    throw error;
  }
}

/**
 * The `file` part of a multipart body (already capped by readCapped), and its kind: the part's own
 * media type when it is one Cairn reads, else its file name's extension (browsers label CSV files
 * as text/plain or application/vnd.ms-excel).
 */
async function filePart(bytes: Uint8Array, contentType: string): Promise<ImportUpload> {
  let form: FormData;
  try {
    form = await new Response(bytes as BodyInit, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw unreadable("The multipart body could not be read. Send the file in a field named file.");
  }
  const part = form.get("file");
  if (part === null || typeof part === "string") {
    throw unreadable("Send the plan as a file in the multipart field named file.", "file");
  }
  const { type, charset } = parseContentType(part.type);
  const extension = /\.([a-z0-9]+)$/i.exec(part.name)?.[1]?.toLowerCase() ?? "";
  const kind = KIND_OF_MEDIA_TYPE[type] ?? KIND_OF_EXTENSION[extension];
  if (!kind) throw unsupported(`a file of type ${type || "unknown"}${extension ? ` (.${extension})` : ""}`);
  checkCharset(charset);
  const data = checkText(new Uint8Array(await part.arrayBuffer()));
  return { kind, data, bytes: data.byteLength };
}

/** 413 at once for a body whose Content-Length is over MAX_IMPORT_BYTES, before anything waits on it. */
export function refuseDeclaredOversize(req: Request): void {
  if (Number(req.headers.get("content-length") ?? "0") > MAX_IMPORT_BYTES) throw tooLarge();
}

/**
 * Reads an import upload: the raw body in one of the accepted media types, or a multipart form
 * with a `file` field. Never holds more than MAX_IMPORT_BYTES: 413 past that (at once when
 * Content-Length says so, otherwise as soon as the count passes it), 415 for other types, 400 for
 * text that is not UTF-8 or is empty.
 */
export async function readImportUpload(req: Request): Promise<ImportUpload> {
  const header = req.headers.get("content-type");
  const { type, charset } = parseContentType(header);
  refuseDeclaredOversize(req);
  if (type === "multipart/form-data") return filePart(await readCapped(req), header!);
  const kind = KIND_OF_MEDIA_TYPE[type];
  if (!kind) throw unsupported(type ? `a body of type ${type}` : "a body without a Content-Type");
  checkCharset(charset);
  const data = checkText(await readCapped(req));
  return { kind, data, bytes: data.byteLength };
}
