import { getTableColumns } from "drizzle-orm";
import type { Database } from "@/db/types";
import { snapshots } from "@/db/schema";
import type { Person } from "@/lib/validation/collaboration";
import type { Snapshot, SnapshotKind } from "@/lib/validation/communication";
import type { Actor } from "@/lib/services/kernel/actor";
import { recordRoadmapChange, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { loadRoadmapDocument, type LoadedPlan } from "@/lib/services/roadmaps/document";
import { packDocument, packedValue } from "./packed";

export type SnapshotRow = typeof snapshots.$inferSelect;
export type SnapshotMeta = Omit<SnapshotRow, "document" | "packed">;

/** Every column but the (large) document: select these to list or present snapshots. */
const { document: _document, packed: _packed, ...metaColumns } = getTableColumns(snapshots);
export const snapshotMetaColumns = metaColumns;

export function toSnapshot(row: SnapshotMeta, people: Map<string, Person>): Snapshot {
  return {
    id: row.id,
    roadmapId: row.roadmapId,
    label: row.label,
    kind: row.kind,
    itemCount: row.itemCount,
    seq: row.seq,
    createdBy: row.createdBy ? (people.get(row.createdBy) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Freezes the roadmap as it is into an immutable snapshot, its document packed once (packed.ts);
 * `loaded` hands over the items and links the caller has just read, so they are not read twice. Call inside the write transaction,
 * after `accessRoadmap(..., { lock: true })`, so nothing changes while the document is read; the
 * snapshot is recorded as a roadmap change (activity and live event) like any other write.
 */
export async function takeSnapshot(
  tx: Database,
  actor: Actor,
  roadmap: RoadmapRow,
  options: { label: string; kind: SnapshotKind; loaded?: LoadedPlan },
): Promise<SnapshotMeta> {
  const document = await loadRoadmapDocument(tx, roadmap, undefined, options.loaded);
  const [row] = await tx
    .insert(snapshots)
    .values({
      roadmapId: roadmap.id,
      label: options.label,
      kind: options.kind,
      packed: packedValue(await packDocument(document)),
      itemCount: document.items.length,
      seq: roadmap.seq,
      createdBy: actor.userId,
    })
    .returning(snapshotMetaColumns);
  await recordRoadmapChange(tx, actor, roadmap, {
    entity: "snapshot",
    entityId: row.id,
    action: "created",
    changes: { label: row.label, kind: row.kind },
  });
  return row;
}
