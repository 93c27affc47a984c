// A snapshot's document as stored: packed once when taken (the compact tabular form of
// lib/exports/compact-document.ts, gzipped), or, for rows written before packing, as jsonb.
import { promisify } from "node:util";
import { gunzip, gzip, constants } from "node:zlib";
import { fromCompactDocument, isCompactDocument, toCompactDocument } from "@/lib/exports/compact-document";
import type { RoadmapDocument } from "@/lib/validation/roadmap-document";

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** The stored forms of a snapshot's document: one of the two is set. */
export interface StoredDocument {
  document: RoadmapDocument | null;
  packed: Uint8Array | null;
}

/**
 * The document as packed bytes. Level 1: about a fifth of the JSON (level 9 saves a few percent
 * more for several times the work), and the compression runs in libuv's pool, off the event loop.
 */
export async function packDocument(document: RoadmapDocument): Promise<Uint8Array> {
  const text = JSON.stringify(toCompactDocument(document));
  return gzipAsync(text, { level: constants.Z_BEST_SPEED });
}

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
  const document = row.packed ? await unpackDocument(row.packed) : row.document;
  if (!document) throw new Error("A snapshot without its document.");
  return { ...document, phases: document.phases ?? [] };
}
