// A snapshot's document as stored: packed once when taken (the compact tabular form of
// lib/exports/compact-document.ts, gzipped), or, for rows written before packing, as jsonb.
import { promisify } from "node:util";
import { sql, type SQL } from "drizzle-orm";
import { gunzip, gzip, constants } from "node:zlib";
import { fromCompactDocument, isCompactDocument, toCompactDocument } from "@/lib/exports/compact-document";
import { snapshots } from "@/db/schema";
import type { RoadmapDocument } from "@/lib/validation/roadmap-document";

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** The stored forms of a snapshot's document: one of the two is set. */
export interface StoredDocument {
  document: RoadmapDocument | null;
  /** The bytes, or their base64 text (as `packedAsBase64` selects them). */
  packed: Uint8Array | string | null;
}

/**
 * The document as packed bytes. Level 1: about a fifth of the JSON (level 9 saves a few percent
 * more for several times the work), and the compression runs in libuv's pool, off the event loop.
 */
export async function packDocument(document: RoadmapDocument): Promise<Uint8Array> {
  const text = JSON.stringify(toCompactDocument(document));
  return gzipAsync(text, { level: constants.Z_BEST_SPEED });
}

/**
 * The packed bytes as the packed column's value. They travel as base64 text that the database
 * decodes: PGlite writes a bytea parameter as hex built byte by byte in JavaScript (~0.6 s for
 * 1.2 MB), base64 is one native call on either driver.
 */
export function packedValue(packed: Uint8Array): SQL {
  return sql`decode(${Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength).toString("base64")}, 'base64')`;
}

/** Selects the packed column as base64 text, for the same reason (decode it with `storedDocument`). */
export const packedAsBase64 = sql<string | null>`encode(${snapshots.packed}, 'base64')`;

export async function unpackDocument(packed: Uint8Array): Promise<RoadmapDocument> {
  const parsed: unknown = JSON.parse((await gunzipAsync(packed)).toString("utf8"));
  if (!isCompactDocument(parsed)) throw new Error("A snapshot's packed document is not a compact document.");
  return fromCompactDocument(parsed);
}

/**
 * A snapshot row's document, whichever form it is stored in. Documents frozen before phases joined
 * the document have none: they read as an empty list.
 */
export async function storedDocument(row: StoredDocument): Promise<RoadmapDocument> {
  const packed = typeof row.packed === "string" ? Buffer.from(row.packed, "base64") : row.packed;
  const document = packed ? await unpackDocument(packed) : row.document;
  if (!document) throw new Error("A snapshot without its document.");
  return { ...document, phases: document.phases ?? [] };
}
