// Reading snapshots: the roadmap's list, one with its frozen document, and their API shape.
import { desc, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { roadmaps, snapshots } from "@/db/schema";
import type { Snapshot } from "@/lib/validation/communication";
import type { RoadmapDocument } from "@/lib/validation/roadmap-document";
import type { Actor } from "@/lib/services/kernel/actor";
import { notFound } from "@/lib/services/kernel/errors";
import { loadPeople } from "@/lib/services/teams/people";
import { accessRoadmap } from "@/lib/services/kernel/roadmap-access";
import { packedAsBase64, storedDocument } from "./packed";
import { snapshotMetaColumns, toSnapshot, type SnapshotMeta } from "./take";

/** Snapshots as the API shows them (with their takers), in the given order. */
export async function presentSnapshots(db: Database, rows: SnapshotMeta[]): Promise<Snapshot[]> {
  const people = await loadPeople(
    db,
    rows.map((r) => r.createdBy),
  );
  return rows.map((row) => toSnapshot(row, people));
}

export async function listSnapshots(db: Database, actor: Actor, roadmapId: string): Promise<Snapshot[]> {
  await accessRoadmap(db, actor, roadmapId, "team.read");
  const rows = await db
    .select(snapshotMetaColumns)
    .from(snapshots)
    .where(eq(snapshots.roadmapId, roadmapId))
    .orderBy(desc(snapshots.seq), desc(snapshots.createdAt), desc(snapshots.id));
  return presentSnapshots(db, rows);
}

/** A snapshot with its document and its roadmap's team, without an access check; null if none. */
export async function findSnapshot(
  db: Database,
  snapshotId: string,
): Promise<(SnapshotMeta & { document: RoadmapDocument; teamId: string; roadmapTitle: string }) | null> {
  const [row] = await db
    .select({
      meta: snapshotMetaColumns,
      document: snapshots.document,
      packed: packedAsBase64,
      teamId: roadmaps.teamId,
      roadmapTitle: roadmaps.title,
    })
    .from(snapshots)
    .innerJoin(roadmaps, eq(roadmaps.id, snapshots.roadmapId))
    .where(eq(snapshots.id, snapshotId))
    .limit(1);
  if (!row) return null;
  const document = await storedDocument(row);
  return { ...row.meta, document, teamId: row.teamId, roadmapTitle: row.roadmapTitle };
}

/** A snapshot's frozen document, whichever form it is stored in, without an access check; null if none. */
export async function readSnapshotDocument(
  db: Database,
  snapshotId: string,
): Promise<RoadmapDocument | null> {
  const [row] = await db
    .select({ document: snapshots.document, packed: packedAsBase64 })
    .from(snapshots)
    .where(eq(snapshots.id, snapshotId))
    .limit(1);
  return row ? storedDocument(row) : null;
}

/** One snapshot and its frozen document, for viewers of its roadmap (another team's: 404). */
export async function getSnapshot(
  db: Database,
  actor: Actor,
  snapshotId: string,
): Promise<{ snapshot: Snapshot; document: RoadmapDocument }> {
  const row = await findSnapshot(db, snapshotId);
  if (!row) throw notFound("snapshot");
  await accessRoadmap(db, actor, row.roadmapId, "team.read");
  const [snapshot] = await presentSnapshots(db, [row]);
  return { snapshot, document: row.document };
}
